/**
 * Reads scenario files (from the file picker or dropped on the page) and imports them through
 * the store, which validates them with the engine. A file whose scenario id is already in the
 * library as a different scenario is never replaced silently: it waits in `conflicts` until the
 * user replaces, keeps both or cancels. A backup file ("Export everything") dropped here is added
 * like the Saved data page adds it. Results are kept for display until the next import or until
 * dismissed.
 */
import { useCallback, useState } from 'react';

import { MAX_SCENARIO_CHARS } from '../../engine';
import {
  isBackupFile,
  useAppStore,
  useAppStoreApi,
  type ImportConflict,
  type ImportResult,
  type RestoreResult,
} from '../../store';

export type ImportOutcome =
  | { fileName: string; result: ImportResult; backup?: undefined }
  | { fileName: string; backup: RestoreResult; result?: undefined };

/** A file waiting for the user's choice: its text and what replacing would do. */
export interface PendingConflict {
  fileName: string;
  text: string;
  conflict: ImportConflict;
}

/** Bytes we are willing to read: UTF-8 text of the largest accepted scenario. */
const MAX_FILE_BYTES = MAX_SCENARIO_CHARS * 4;

function looksLikeBackup(text: string): boolean {
  if (!text.includes('roadmap-dojo/backup')) return false;
  try {
    return isBackupFile(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch {
    return false;
  }
}

export function useScenarioImport() {
  const store = useAppStoreApi();
  const importScenario = useAppStore((state) => state.importScenario);
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [conflicts, setConflicts] = useState<PendingConflict[]>([]);
  const [busy, setBusy] = useState(false);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      setBusy(true);
      const results: ImportOutcome[] = [];
      const waiting: PendingConflict[] = [];
      for (const file of files) {
        if (file.size > MAX_FILE_BYTES) {
          results.push({
            fileName: file.name,
            result: {
              ok: false,
              issues: [
                {
                  path: '(file)',
                  message: `is too large (${(file.size / 1e6).toFixed(1)} MB); a scenario file is at most ${(MAX_SCENARIO_CHARS / 1e6).toFixed(1)} MB`,
                },
              ],
            },
          });
          continue;
        }
        let text: string;
        try {
          text = await file.text();
        } catch (error) {
          results.push({
            fileName: file.name,
            result: {
              ok: false,
              issues: [{ path: '(file)', message: `could not be read (${String(error)})` }],
            },
          });
          continue;
        }
        if (looksLikeBackup(text)) {
          results.push({
            fileName: file.name,
            backup: await store.getState().importEverything(text),
          });
          continue;
        }
        const result = importScenario(text, file.name);
        if (!result.ok && result.conflict)
          waiting.push({ fileName: file.name, text, conflict: result.conflict });
        else results.push({ fileName: file.name, result });
      }
      setOutcomes(results);
      setConflicts(waiting);
      setBusy(false);
    },
    [importScenario, store],
  );

  /** The user's answer to the first waiting conflict. */
  const resolve = useCallback(
    (choice: 'replace' | 'copy' | 'cancel') => {
      const [first, ...rest] = conflicts;
      if (!first) return;
      setConflicts(rest);
      if (choice === 'cancel') return;
      const result = importScenario(first.text, first.fileName, { ifTaken: choice });
      setOutcomes((current) => [...current, { fileName: first.fileName, result }]);
    },
    [conflicts, importScenario],
  );

  const clear = useCallback(() => setOutcomes([]), []);
  return { outcomes, conflicts, busy, importFiles, resolve, clear };
}
