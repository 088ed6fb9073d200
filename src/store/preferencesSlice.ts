/**
 * Preferences: where the user left off and how they like the library and backlog arranged.
 * Persisted with the plans.
 */
import type { StateCreator } from 'zustand/vanilla';

import type { BacklogSort } from '../explain/advice';
import type { ItemType } from '../engine';
import type { AppState } from './state';

export interface Preferences {
  /** The scenario whose board was opened last ("Continue where you left off"). */
  lastScenarioId: string | null;
  backlogSort: BacklogSort;
  /** Work types shown in the backlog; empty shows all. */
  backlogTypes: ItemType[];
  /** Library filters: difficulty (null: any) and tag (null: any). */
  libraryDifficulty: 1 | 2 | 3 | null;
  libraryTag: string | null;
}

export const DEFAULT_PREFERENCES: Preferences = {
  lastScenarioId: null,
  backlogSort: 'scenario',
  backlogTypes: [],
  libraryDifficulty: null,
  libraryTag: null,
};

export interface PreferencesSlice {
  preferences: Preferences;
  setPreferences: (changes: Partial<Preferences>) => void;
}

export const createPreferencesSlice: StateCreator<
  AppState,
  [['zustand/persist', unknown]],
  [],
  PreferencesSlice
> = (set) => ({
  preferences: DEFAULT_PREFERENCES,
  setPreferences: (changes) =>
    set((state) => ({ preferences: { ...state.preferences, ...changes } })),
});
