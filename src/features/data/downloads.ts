/** Downloads of the learner's data: everything in one file, or the raw text of a saved key. */
import { downloadText } from '../../components/browser';
import type { AppState } from '../../store';

/** "roadmap-dojo-backup-2026-12-03.json": a date in the name, so downloads do not collide. */
export function backupFileName(now = new Date()): string {
  return `roadmap-dojo-backup-${now.toISOString().slice(0, 10)}.json`;
}

/** Saves every plan and imported scenario as one file (the "Export everything" button). */
export function downloadEverything(state: Pick<AppState, 'exportEverything'>): void {
  downloadText(backupFileName(), state.exportEverything());
}

/** Saves the text stored under a local-storage key as a file named after the key. */
export function downloadStored(key: string, text: string): void {
  downloadText(`${key.replace(/[^A-Za-z0-9_.-]+/g, '-')}.json`, text);
}
