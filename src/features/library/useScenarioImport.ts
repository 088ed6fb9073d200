/**
 * Reads scenario files (from the file picker or dropped on the page) and imports them through
 * the store, which validates them with the engine. Results are kept for display until the next
 * import or until dismissed.
 */
import { useCallback, useState } from 'react';

import { MAX_SCENARIO_CHARS } from '../../engine';
import { useAppStore, type ImportResult } from '../../store';

export interface ImportOutcome {
  fileName: string;
  result: ImportResult;
}

/** Bytes we are willing to read: UTF-8 text of the largest accepted scenario. */
const MAX_FILE_BYTES = MAX_SCENARIO_CHARS * 4;

export function useScenarioImport() {
  const importScenario = useAppStore((state) => state.importScenario);
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [busy, setBusy] = useState(false);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      setBusy(true);
      const results: ImportOutcome[] = [];
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
        results.push({ fileName: file.name, result: importScenario(text, file.name) });
      }
      setOutcomes(results);
      setBusy(false);
    },
    [importScenario],
  );

  const clear = useCallback(() => setOutcomes([]), []);
  return { outcomes, busy, importFiles, clear };
}
