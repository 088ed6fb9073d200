/**
 * Derived data, computed on demand and memoized by input identity — never stored. Plans in the
 * store are immutable and replaced on every change, so a plan object is a perfect cache key.
 */
import { simulate, type Outcome, type Plan, type Scenario } from '../engine';
import type { AppState } from './state';
import type { ScenarioListing } from './types';

const outcomes = new WeakMap<Scenario, WeakMap<Plan, Outcome>>();

/** The expected-mode outcome of a plan (what the board projects and grading uses). */
export function expectedOutcome(scenario: Scenario, plan: Plan): Outcome {
  let byPlan = outcomes.get(scenario);
  if (!byPlan) {
    byPlan = new WeakMap();
    outcomes.set(scenario, byPlan);
  }
  let outcome = byPlan.get(plan);
  if (!outcome) {
    outcome = simulate(scenario, plan);
    byPlan.set(plan, outcome);
  }
  return outcome;
}

/** A playable scenario by id: shipped first, then imported; null when unknown. */
export function selectScenario(state: AppState, scenarioId: string): Scenario | null {
  for (const entry of state.catalog)
    if (entry.ok && entry.scenario.id === scenarioId) return entry.scenario;
  return state.imported.find((i) => i.scenario.id === scenarioId)?.scenario ?? null;
}

/** Every playable scenario with its origin: shipped (catalog order), then imported. */
export function listScenarios(
  catalog: AppState['catalog'],
  imported: AppState['imported'],
): ScenarioListing[] {
  return [
    ...catalog.flatMap((entry) =>
      entry.ok ? [{ scenario: entry.scenario, source: 'shipped' as const }] : [],
    ),
    ...imported.map((entry) => ({ scenario: entry.scenario, source: 'imported' as const })),
  ];
}
