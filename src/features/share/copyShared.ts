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
import {
  sameScenario,
  selectScenario,
  type AppState,
  type Issue,
  type Scenario,
} from '../../store';

export { sameScenario };

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
    // The store never replaces a scenario: a taken id gets a free one ("<id>-shared").
    const imported = state.importScenario(shared.scenario, 'share link', {
      ifTaken: 'copy',
      copySuffix: 'shared',
    });
    if (!imported.ok) return imported;
    scenario = imported.scenario;
    scenarioSource = imported.status === 'copied' ? 'imported-copy' : 'imported';
  }
  const variantId = getState().addVariant(scenario, {
    name: shared.name,
    plan: shared.plan,
    notes: shared.notes,
  });
  return { ok: true, scenario, variantId, scenarioSource };
}
