/**
 * Anchors: the floor and best of each metric that the score normalizes against.
 *
 * Baked anchors (computed by the authoring check with the par search) are used when the scenario
 * has them for every applicable metric. Otherwise they come from the strategy battery: the floor
 * is the battery's worst value and the best its best value, which the par search later widens.
 */
import type { Compiled } from './compile.ts';
import { expectedMetrics } from './expected.ts';
import type { Plan } from './plan.ts';
import { METRICS, type Anchors, type Metric } from './schema.ts';
import type { Metrics } from './score.ts';
import { strategyPlans } from './strategies.ts';

const cache = new WeakMap<Compiled, Anchors>();

/** Floor (worst) and best of each metric over a list of metric records. */
export function anchorsFrom(
  list: readonly Metrics[],
  applicable: Record<Metric, boolean>,
): Anchors {
  const anchors: Anchors = {};
  for (const m of METRICS) {
    if (!applicable[m]) continue;
    let floor = Infinity;
    let best = -Infinity;
    for (const metrics of list) {
      const x = metrics[m];
      if (x === null) continue;
      if (x < floor) floor = x;
      if (x > best) best = x;
    }
    if (Number.isFinite(floor) && Number.isFinite(best)) anchors[m] = { floor, best };
  }
  return anchors;
}

/** True when the anchors cover every applicable metric. */
export function anchorsComplete(
  anchors: Anchors | undefined,
  applicable: Record<Metric, boolean>,
): boolean {
  if (!anchors) return false;
  return METRICS.every((m) => !applicable[m] || anchors[m] !== undefined);
}

/** Anchors from the strategy battery plus any extra plans (e.g. par). */
export function batteryAnchors(c: Compiled, extraPlans: readonly Plan[] = []): Anchors {
  const plans = [...Object.values(strategyPlans(c)), ...extraPlans];
  return anchorsFrom(
    plans.map((p) => expectedMetrics(c, p.slots)),
    c.applicable,
  );
}

/** The anchors scoring uses for a scenario: baked when complete, else from the battery. */
export function resolveAnchors(c: Compiled): Anchors {
  const hit = cache.get(c);
  if (hit) return hit;
  const baked = c.scenario.scoring.anchors;
  const anchors = baked && anchorsComplete(baked, c.applicable) ? baked : batteryAnchors(c);
  cache.set(c, anchors);
  return anchors;
}
