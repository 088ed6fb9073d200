/**
 * Scenarios: the shipped catalog (given to the store factory, never persisted) and the scenarios
 * the user imported (persisted). Every import goes through the engine's one loading path.
 *
 * The shipped catalog may arrive after start-up: the store then starts with its index (what the
 * library lists) and `ensureCatalog` loads the scenarios themselves the first time a screen needs
 * one (the React hooks suspend until then).
 */
import type { StateCreator } from 'zustand/vanilla';

import { fitPlan, loadScenario, type Issue, type Scenario } from '../engine';
import { entryOf, withEntry } from '../engine/ids';
import { selectScenario } from './derived';
import type { AppState } from './state';
import { summarizeCatalog } from './summary';
import type { CatalogEntry, CatalogIndexEntry, ImportedScenario } from './types';

/** What replacing an imported scenario would do to the plans made for it. */
export interface ImportImpact {
  variantName: string;
  /** Planned items the new version does not have: they would be taken off this plan. */
  items: { id: string; title: string }[];
  /** Notes on items the new version does not have. */
  notes: number;
}

/** An import whose id is taken by a different scenario: nothing changed, the caller decides. */
export interface ImportConflict {
  existing: Scenario;
  incoming: Scenario;
  fileName: string;
  /** The plans of the existing scenario that would lose items (empty when none would). */
  impact: ImportImpact[];
}

export type ImportResult =
  | {
      ok: true;
      scenario: Scenario;
      /** Added; the same scenario was already there; an earlier import replaced; added as a copy. */
      status: 'added' | 'unchanged' | 'replaced' | 'copied';
      /** @deprecated use `status === 'replaced'`. */
      replaced: boolean;
      warnings: Issue[];
    }
  | { ok: false; issues: Issue[]; conflict?: ImportConflict };

/** What to do when an imported scenario's id is already taken by a different scenario. */
export interface ImportOptions {
  /**
   * 'ask' (default): change nothing and return the conflict (with what replacing would do);
   * 'replace': replace the earlier import and take removed items off its plans;
   * 'copy': add it under a free id (`<id>-<copySuffix>`), like a share link's "Make a copy".
   */
  ifTaken?: 'ask' | 'replace' | 'copy';
  /** The suffix of a copy's id, and the word after its title in brackets; default "copy". */
  copySuffix?: string;
}

/** True when two scenarios are the same apart from baked par (links and copies leave it out). */
export function sameScenario(a: Scenario, b: Scenario): boolean {
  const { par: _a, ...restA } = a;
  const { par: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

/** Scenario ids are at most 64 characters. */
const ID_MAX = 64;

/** The first of `<id>-<suffix>`, `<id>-<suffix>-2`, … that no scenario (shipped or imported) uses. */
export function freeScenarioId(
  state: Pick<AppState, 'catalog' | 'catalogIndex' | 'imported'>,
  id: string,
  suffix: string,
): string {
  const taken = (candidate: string) =>
    selectScenario(state as AppState, candidate) !== null ||
    state.catalogIndex.some((e) => e.ok && e.summary.id === candidate);
  for (let n = 1; ; n++) {
    const tail = n === 1 ? `-${suffix}` : `-${suffix}-${n}`;
    const candidate = `${id.slice(0, ID_MAX - tail.length)}${tail}`;
    if (!taken(candidate)) return candidate;
  }
}

/** What replacing `existing` by `incoming` would take off the plans made for it. */
export function importImpact(
  state: Pick<AppState, 'plans'>,
  existing: Scenario,
  incoming: Scenario,
): ImportImpact[] {
  const plans = entryOf(state.plans, existing.id);
  if (!plans) return [];
  const titles = new Map(existing.items.map((i) => [i.id, i.title]));
  return plans.variants.flatMap((variant) => {
    const dropped = fitPlan(incoming, variant.plan).dropped;
    const notes = Object.keys(variant.notes).filter(
      (id) => titles.has(id) && !incoming.items.some((i) => i.id === id),
    ).length;
    if (dropped.length === 0 && notes === 0) return [];
    return [
      {
        variantName: variant.name,
        items: dropped.map((id) => ({ id, title: titles.get(id) ?? id })),
        notes,
      },
    ];
  });
}

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
   * Validates a scenario file's text (or parsed JSON) and adds it to the library. Nothing is ever
   * replaced silently: an id taken by a different imported scenario is a conflict the caller
   * resolves (`options.ifTaken`); the same scenario again changes nothing; an id of a shipped
   * scenario is refused unless the import is a copy. Nothing changes when the file has issues.
   */
  importScenario: (input: unknown, fileName: string, options?: ImportOptions) => ImportResult;
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
      importScenario: (input, fileName, importOptions = {}) => {
        const result = loadScenario(input);
        if (!result.ok) return { ok: false, issues: result.issues };
        const ifTaken = importOptions.ifTaken ?? 'ask';
        let scenario = result.scenario;
        const state = get();
        const shipped = state.catalogIndex.some((e) => e.ok && e.summary.id === scenario.id);
        const earlier = state.imported.find((i) => i.scenario.id === scenario.id);
        const done = (status: 'added' | 'unchanged' | 'replaced' | 'copied') => ({
          ok: true as const,
          scenario,
          status,
          replaced: status === 'replaced',
          warnings: result.warnings,
        });
        if (earlier && sameScenario(earlier.scenario, scenario)) {
          scenario = earlier.scenario;
          return done('unchanged');
        }
        if ((shipped || earlier) && ifTaken === 'copy') {
          const id = freeScenarioId(state, scenario.id, importOptions.copySuffix ?? 'copy');
          const copy = loadScenario({
            ...scenario,
            id,
            title: `${scenario.title.slice(0, 180)} (${importOptions.copySuffix ?? 'copy'})`,
          });
          if (!copy.ok) return { ok: false, issues: copy.issues };
          scenario = copy.scenario;
          const entry: ImportedScenario = { scenario, fileName, importedAt: options.now() };
          set((s) => ({ imported: [...s.imported, entry] }));
          return done('copied');
        }
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
        if (earlier && ifTaken !== 'replace')
          return {
            ok: false,
            issues: [
              {
                path: 'id',
                message: `"${scenario.id}" is already in your library as “${earlier.scenario.title}” (from ${earlier.fileName}), and this file differs: replace it or keep both`,
              },
            ],
            conflict: {
              existing: earlier.scenario,
              incoming: scenario,
              fileName,
              impact: importImpact(state, earlier.scenario, scenario),
            },
          };
        const entry: ImportedScenario = { scenario, fileName, importedAt: options.now() };
        set((s) => {
          const imported = [...s.imported.filter((i) => i.scenario.id !== scenario.id), entry];
          const plans = entryOf(s.plans, scenario.id);
          if (!earlier || !plans) return { imported };
          // Replaced after the user saw what it takes off: fit the plans to the new version now.
          const variants = plans.variants.map((v) => {
            const fitted = fitPlan(scenario, v.plan);
            return fitted.dropped.length === 0 ? v : { ...v, plan: fitted.plan };
          });
          return { imported, plans: withEntry(s.plans, scenario.id, { ...plans, variants }) };
        });
        return done(earlier ? 'replaced' : 'added');
      },
      removeImportedScenario: (scenarioId) =>
        set((state) => ({ imported: state.imported.filter((i) => i.scenario.id !== scenarioId) })),
    };
  };
