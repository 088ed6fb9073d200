/**
 * Materiality, measured (the Model 2 issue, item 3): over pairs of generated plans that differ
 * only immaterially — both inside the SLO error budget, expected breach loss within 0.5% of ARR,
 * CSAT within 1 point, net value within 1% of the value range (the revenue anchor's floor to
 * best) — how often the scores differ by more than a point, and by how much at most. The target
 * is never; this prints where today's model stands. Used by `npm run bench`.
 */
import { simulate, type Outcome, type Plan, type Scenario } from '../../src/engine/index.ts';
import { bakedPar, findPar } from '../../src/engine/par.ts';
import { generatedPlans } from './pathCoverage.ts';

export interface Materiality {
  scenario: string;
  plans: number;
  /** Pairs of plans whose outcomes differ only immaterially. */
  pairs: number;
  /** Of those, pairs whose scores differ by more than a point. */
  apart: number;
  /** The largest score difference between immaterially different plans. */
  worst: number;
}

/** The SLO error budget over the horizon (minutes), or null when the scenario sets none. */
function sloBudget(outcome: Outcome): number | null {
  const total = outcome.slots.reduce((sum, slot) => sum + slot.sloBudget, 0);
  return total > 0 ? total : null;
}

/** Downtime over the horizon, minutes (the reliability metric is its negative). */
const downtime = (o: Outcome) => -(o.metrics.reliability ?? 0);
/** Expected breach loss, dollars (the security metric is its negative). */
const breachLoss = (o: Outcome) => -(o.metrics.security ?? 0);

/** Whether two outcomes of one scenario differ only immaterially (see above). */
export function immaterial(a: Outcome, b: Outcome, arr: number, valueRange: number): boolean {
  const budget = sloBudget(a);
  const insideBudget = budget === null || (downtime(a) <= budget && downtime(b) <= budget);
  const bothReliable = insideBudget || Math.abs(downtime(a) - downtime(b)) < 1e-9;
  return (
    bothReliable &&
    Math.abs(breachLoss(a) - breachLoss(b)) <= 0.005 * arr &&
    Math.abs((a.metrics.csat ?? 0) - (b.metrics.csat ?? 0)) <= 1 &&
    Math.abs(a.ledger.net - b.ledger.net) <= 0.01 * valueRange &&
    // Compliance and stakeholders are shares of things met: any difference is material.
    Math.abs((a.metrics.compliance ?? 0) - (b.metrics.compliance ?? 0)) < 1e-9 &&
    Math.abs((a.metrics.stakeholders ?? 0) - (b.metrics.stakeholders ?? 0)) < 1e-9
  );
}

export function materiality(s: Scenario, count: number, seed = 7): Materiality {
  const par: Plan = (bakedPar(s) ?? findPar(s)).plan;
  const outcomes = generatedPlans(s, par, count, seed).map((p) => simulate(s, p));
  const anchor = outcomes[0]?.anchors.revenue;
  const valueRange = anchor ? anchor.best - anchor.floor : 0;
  let pairs = 0;
  let apart = 0;
  let worst = 0;
  for (let i = 0; i < outcomes.length; i++)
    for (let j = i + 1; j < outcomes.length; j++) {
      const a = outcomes[i]!;
      const b = outcomes[j]!;
      if (!immaterial(a, b, s.start.arr, valueRange)) continue;
      pairs++;
      const delta = Math.abs(a.score - b.score);
      if (delta > 1) apart++;
      worst = Math.max(worst, delta);
    }
  return { scenario: s.id, plans: outcomes.length, pairs, apart, worst };
}
