/**
 * Scenarios: the shipped catalog (given to the store factory, never persisted) and the scenarios
 * the user imported (persisted). Every import goes through the engine's one loading path.
 *
 * The shipped catalog may arrive after start-up: the store then starts with its index (what the
 * library lists) and `ensureCatalog` loads the scenarios themselves the first time a screen needs
 * one (the React hooks suspend until then).
 */
import type { StateCreator } from 'zustand/vanilla';

import { loadScenario, type Issue, type Scenario } from '../engine';
import type { AppState } from './state';
import { summarizeCatalog } from './summary';
import type { CatalogEntry, CatalogIndexEntry, ImportedScenario } from './types';

export type ImportResult =
  | { ok: true; scenario: Scenario; replaced: boolean; warnings: Issue[] }
  | { ok: false; issues: Issue[] };

export interface ScenariosSlice {
  /** The shipped scenario files, validated (read-only); empty until `catalogReady`. */
  catalog: readonly CatalogEntry[];
  /** What the library lists of the shipped files, available from the start. */
  catalogIndex: readonly CatalogIndexEntry[];
  /** Whether `catalog` holds the shipped scenarios yet. */
  catalogReady: boolean;
  /**
   * Loads the shipped scenarios once (later calls share the first); resolves when `catalog` is
   * ready, rejects (and may be retried) when they could not be loaded.
   */
  ensureCatalog: () => Promise<void>;
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
  /**
   * The shipped scenarios: the entries themselves, or their index and a loader for when a screen
   * first needs them.
   */
  catalog:
    | readonly CatalogEntry[]
    | { index: readonly CatalogIndexEntry[]; load: () => Promise<readonly CatalogEntry[]> };
  /** Changes to apply when the catalog arrives late (saved plans fitted to its scenarios). */
  onCatalogLoaded: (state: AppState, entries: readonly CatalogEntry[]) => Partial<AppState>;
  /** The current time as an ISO string (injected so tests are deterministic). */
  now: () => string;
}

export const createScenariosSlice =
  (
    options: ScenariosSliceOptions,
  ): StateCreator<AppState, [['zustand/persist', unknown]], [], ScenariosSlice> =>
  (set, get) => {
    const source = options.catalog;
    const given = Array.isArray(source) ? (source as readonly CatalogEntry[]) : null;
    const lazy = given ? null : (source as Exclude<typeof source, readonly CatalogEntry[]>);
    let pending: Promise<void> | null = given ? Promise.resolve() : null;
    return {
      catalog: given ?? [],
      catalogIndex: given ? summarizeCatalog(given) : lazy!.index,
      catalogReady: given !== null,
      ensureCatalog: () => {
        pending ??= lazy!.load().then(
          (entries) => {
            set((state) => ({
              catalog: entries,
              catalogReady: true,
              ...options.onCatalogLoaded(state, entries),
            }));
          },
          (error: unknown) => {
            pending = null;
            throw error;
          },
        );
        return pending;
      },
      imported: [],
      importScenario: (input, fileName) => {
        const result = loadScenario(input);
        if (!result.ok) return { ok: false, issues: result.issues };
        const { scenario } = result;
        const shipped = get().catalogIndex.some((e) => e.ok && e.summary.id === scenario.id);
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
    };
  };
