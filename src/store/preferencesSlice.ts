/**
 * Preferences: where the user left off and how they like the library and backlog arranged.
 * Persisted with the plans.
 */
import type { StateCreator } from 'zustand/vanilla';

import type { BacklogSort } from '../explain/advice';
import type { ItemType, Scenario } from '../engine';
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
  /**
   * Practice mode: whether solo planning shows the live projected score and share of par.
   * `auto` shows them in tutorials only; the board's toggle stores an explicit choice.
   */
  projectionWhilePlanning: ProjectionVisibility;
}

/** The board's projection while planning alone: `auto` (tutorials only), always, or never. */
export const PROJECTION_VISIBILITIES = ['auto', 'show', 'hide'] as const;
export type ProjectionVisibility = (typeof PROJECTION_VISIBILITIES)[number];

/**
 * True when solo planning shows the projected score and share of par: the learner's choice, or by
 * default only in tutorials (difficulty 1), so practice is by judgement rather than by the meter.
 * Workshops decide for themselves (their facilitator's setting), not through this preference.
 */
export function showsProjectionWhilePlanning(
  preference: ProjectionVisibility,
  scenario: Pick<Scenario, 'difficulty'>,
): boolean {
  return preference === 'auto' ? scenario.difficulty === 1 : preference === 'show';
}

export const DEFAULT_PREFERENCES: Preferences = {
  lastScenarioId: null,
  backlogSort: 'scenario',
  backlogTypes: [],
  libraryDifficulty: null,
  libraryTag: null,
  projectionWhilePlanning: 'auto',
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
