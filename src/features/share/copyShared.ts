/**
 * "Make a copy" of a shared plan: it becomes a NEW variant among the recipient's own plans for
 * the scenario, never replacing anything. A link that carries its scenario (an imported one)
 * brings it along:
 *
 * 1. the recipient already has the same scenario (same content, ignoring baked par) → use theirs;
 * 2. they have no scenario with that id → import the carried one;
 * 3. they have a different scenario under that id (another version, or a shipped one) → import
 *    the carried one as a copy under a free id ("<id>-shared"), so neither is overwritten.
 */
import type { SharedPlan } from '../../engine/share';
import { selectScenario, type AppState, type Issue, type Scenario } from '../../store';

/** True when two scenarios are the same apart from baked par (share links leave par out). */
export function sameScenario(a: Scenario, b: Scenario): boolean {
  const { par: _a, ...restA } = a;
  const { par: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

/** Scenario ids are at most 64 characters. */
const ID_MAX = 64;

function freeId(state: AppState, id: string): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '-shared' : `-shared-${n}`;
    const candidate = `${id.slice(0, ID_MAX - suffix.length)}${suffix}`;
    if (!selectScenario(state, candidate)) return candidate;
  }
}

export type CopyResult =
  | {
      ok: true;
      scenario: Scenario;
      variantId: string;
      /** How the scenario got there: already in the library, imported, or imported as a copy. */
      scenarioSource: 'library' | 'imported' | 'imported-copy';
    }
  | { ok: false; issues: Issue[] };

/** Adds the shared plan as a new variant (importing its scenario first when needed). */
export function copySharedPlan(getState: () => AppState, shared: SharedPlan): CopyResult {
  const state = getState();
  const local = selectScenario(state, shared.scenarioId);
  let scenario: Scenario;
  let scenarioSource: 'library' | 'imported' | 'imported-copy' = 'library';
  if (!shared.scenario || (local && sameScenario(local, shared.scenario))) {
    if (!local)
      return {
        ok: false,
        issues: [
          {
            path: '(link) scenarioId',
            message: `names a scenario this app does not have ("${shared.scenarioId}")`,
          },
        ],
      };
    scenario = local;
  } else {
    const carried = shared.scenario;
    const input = local
      ? {
          ...carried,
          id: freeId(state, carried.id),
          title: `${carried.title.slice(0, 190)} (shared)`,
        }
      : carried;
    const imported = state.importScenario(input, 'share link');
    if (!imported.ok) return imported;
    scenario = imported.scenario;
    scenarioSource = local ? 'imported-copy' : 'imported';
  }
  const variantId = getState().addVariant(scenario, {
    name: shared.name,
    plan: shared.plan,
    notes: shared.notes,
  });
  return { ok: true, scenario, variantId, scenarioSource };
}
