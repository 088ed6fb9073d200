/**
 * Notices about the app itself (session only): what happened to saved data that could not be
 * read, so the user is told instead of losing it silently.
 */
import type { StateCreator } from 'zustand/vanilla';

import type { AppState } from './state';

export interface StorageNotice {
  /** One sentence: what happened. */
  message: string;
  /** Where the unreadable data was set aside, or null when nothing needed keeping. */
  backupKey: string | null;
  /** Specifics, e.g. which plan items no longer exist. */
  details: string[];
}

export interface NoticesSlice {
  storageNotice: StorageNotice | null;
  dismissStorageNotice: () => void;
}

export const createNoticesSlice: StateCreator<
  AppState,
  [['zustand/persist', unknown]],
  [],
  NoticesSlice
> = (set) => ({
  storageNotice: null,
  dismissStorageNotice: () => set({ storageNotice: null }),
});
