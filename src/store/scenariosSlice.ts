/**
 * Scenarios: the shipped catalog (given to the store factory, never persisted) and the scenarios
 * the user imported (persisted). Every import goes through the engine's one loading path.
 */
import type { StateCreator } from 'zustand/vanilla';

import { loadScenario, type Issue, type Scenario } from '../engine';
import type { AppState } from './state';
import type { CatalogEntry, ImportedScenario } from './types';

export type ImportResult =
  | { ok: true; scenario: Scenario; replaced: boolean; warnings: Issue[] }
  | { ok: false; issues: Issue[] };

export interface ScenariosSlice {
  /** The shipped scenario files, validated (read-only). */
  catalog: readonly CatalogEntry[];
  /** Scenarios imported by the user, oldest first. */
  imported: ImportedScenario[];
  /**
   * Validates a scenario file's text (or parsed JSON) and adds it to the library. Re-importing a
   * scenario with the same id replaces the earlier import; an id used by a shipped scenario is
   * refused. Nothing changes when the file has issues.
   */
  importScenario: (input: unknown, fileName: string) => ImportResult;
  /** Removes an imported scenario from the library (plans made for it are kept). */
  removeImportedScenario: (scenarioId: string) => void;
}

export interface ScenariosSliceOptions {
  catalog: readonly CatalogEntry[];
  /** The current time as an ISO string (injected so tests are deterministic). */
  now: () => string;
}

export const createScenariosSlice =
  (
    options: ScenariosSliceOptions,
  ): StateCreator<AppState, [['zustand/persist', unknown]], [], ScenariosSlice> =>
  (set, get) => ({
    catalog: options.catalog,
    imported: [],
    importScenario: (input, fileName) => {
      const result = loadScenario(input);
      if (!result.ok) return { ok: false, issues: result.issues };
      const { scenario } = result;
      const shipped = get().catalog.some((e) => e.ok && e.scenario.id === scenario.id);
      if (shipped)
        return {
          ok: false,
          issues: [
            {
              path: 'id',
              message: `"${scenario.id}" is the id of a scenario shipped with Roadmap Dojo; give the imported one another id`,
            },
          ],
        };
      const replaced = get().imported.some((i) => i.scenario.id === scenario.id);
      const entry: ImportedScenario = { scenario, fileName, importedAt: options.now() };
      set((state) => ({
        imported: [...state.imported.filter((i) => i.scenario.id !== scenario.id), entry],
      }));
      return { ok: true, scenario, replaced, warnings: result.warnings };
    },
    removeImportedScenario: (scenarioId) =>
      set((state) => ({ imported: state.imported.filter((i) => i.scenario.id !== scenarioId) })),
  });
