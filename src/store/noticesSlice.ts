/**
 * Notices about the app itself (session only): what happened to saved data, so the user is told
 * instead of losing it silently. Notices stack: a new one never hides another. A notice that can
 * happen again (storage still full) replaces its own earlier copy by having the same id.
 */
import type { StateCreator } from 'zustand/vanilla';

import type { Variant } from './plansSlice';
import type { AppState } from './state';

export type NoticeKind =
  /** Unreadable saved data was copied to a backup key (read back) and the app started clean. */
  | 'set-aside'
  /** Saved data the app cannot use stays where it is, and this tab does not save. */
  | 'kept'
  /** Saved plans named items their scenario no longer has; the original was backed up. */
  | 'left-out'
  /** Saving failed (storage full or disabled): the changes named are only in this tab. */
  | 'save-failed'
  /** A newer version of the app saved here: this tab stops saving so it cannot overwrite it. */
  | 'newer-version'
  /** Another tab changed the same variant later: its change won; this tab's version is offered. */
  | 'superseded'
  /** A plain report (an import from a backup file, a restore). */
  | 'info';

export interface StorageNotice {
  /** Unique; a notice with the id of one already shown replaces it. */
  id: string;
  kind: NoticeKind;
  /** One or two sentences: what happened and what the user can do. */
  message: string;
  /** Where unreadable data was set aside (a local-storage key), or null. */
  backupKey: string | null;
  /** Specifics, e.g. which plan items no longer exist, or which changes are not saved. */
  details: string[];
  /** For 'superseded': the version this tab lost, to keep as a new variant if the user wants. */
  superseded?: { scenarioId: string; variant: Variant };
}

export interface NoticesSlice {
  /** Shown in the order they arrived. */
  notices: StorageNotice[];
  /** Shows a notice (replacing one with the same id). */
  addNotice: (notice: StorageNotice) => void;
  dismissNotice: (id: string) => void;
}

/** The notices with `notice` added at the end, or in place of the one with its id. */
export function withNotice(
  notices: readonly StorageNotice[],
  notice: StorageNotice,
): StorageNotice[] {
  const at = notices.findIndex((n) => n.id === notice.id);
  if (at < 0) return [...notices, notice];
  const next = [...notices];
  next[at] = notice;
  return next;
}

export const createNoticesSlice: StateCreator<
  AppState,
  [['zustand/persist', unknown]],
  [],
  NoticesSlice
> = (set) => ({
  notices: [],
  addNotice: (notice) => set((state) => ({ notices: withNotice(state.notices, notice) })),
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
});
