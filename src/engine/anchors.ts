/**
 * Anchors: the floor and best of each metric that the score normalizes against (Model 2).
 *
 * Every metric but money is scored on a fixed, documented scale that depends only on the
 * scenario (its SLO error budget, its ARR), never on how well other plans happen to do:
 *
 * - reliability: full marks inside the horizon's SLO error budget, nothing at `reliabilityZero`
 *   budgets of downtime;
 * - security: full marks at no expected loss, nothing at `securityZero` of a year's ARR lost to
 *   breaches and exposure left open;
 * - CSAT: points on the fixed range `csatZero`–`csatFull`;
 * - compliance and stakeholders: the share met.
 *
 * Money (net value) is the share of value captured between doing nothing (the floor) and the
 * value-maximizing plan (the best, found by the par search and baked by the authoring check).
 */
import type { Compiled } from './compile.ts';
import { expectedMetrics } from './expected.ts';
import type { Plan } from './plan.ts';
import { METRICS, type Anchor, type Anchors, type Metric } from './schema.ts';
import type { Metrics } from './score.ts';
import { strategyPlans } from './strategies.ts';
import { ENGINE_VERSION } from './version.ts';

/** The fixed scales (docs/model.md, "Metrics and the score", gives the basis of each). */
export const SCALES = {
  /** Downtime, in SLO error budgets over the horizon, that scores zero (one budget scores full). */
  reliabilityZero: 3,
  /** Expected breach loss and exposure left open, as a share of starting ARR, that scores zero. */
  securityZero: 0.25,
  /** CSAT that scores zero and CSAT that scores full. */
  csatZero: 40,
  csatFull: 90,
} as const;

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

/** The fixed scale of every applicable metric but money. */
export function fixedScales(c: Compiled): Anchors {
  const budget = c.sloBudget * c.slots;
  const arr = c.scenario.start.arr;
  const scales: Anchors = {
    csat: { floor: SCALES.csatZero, best: SCALES.csatFull },
    reliability: { floor: -SCALES.reliabilityZero * budget, best: -budget },
    security: { floor: -SCALES.securityZero * arr, best: 0 },
    compliance: { floor: 0, best: 1 },
    stakeholders: { floor: 0, best: 1 },
  };
  const out: Anchors = {};
  for (const m of METRICS) {
    const scale = scales[m];
    if (c.applicable[m] && scale) out[m] = scale;
  }
  return out;
}

/** The anchors of a scenario given its money anchor (doing nothing to the value-maximizing plan). */
export function anchorsWith(c: Compiled, revenue: Anchor): Anchors {
  return { revenue, ...fixedScales(c) };
}

/** True when the scenario carries a money anchor baked by this engine version. */
export function anchorsComplete(c: Compiled): boolean {
  const revenue = c.scenario.scoring.anchors?.revenue;
  return revenue !== undefined && c.scenario.par?.engineVersion === ENGINE_VERSION;
}

/**
 * The money anchor from the strategy battery plus any extra plans (e.g. par): the floor is doing
 * nothing, the best the best net value among them (at least the floor).
 */
export function batteryMoney(
  c: Compiled,
  extraPlans: readonly Plan[] = [],
): { floor: number; best: number } {
  const battery = strategyPlans(c);
  const floor = expectedMetrics(c, battery['do-nothing'].slots).revenue ?? 0;
  let best = floor;
  for (const plan of [...Object.values(battery), ...extraPlans]) {
    const x = expectedMetrics(c, plan.slots).revenue ?? -Infinity;
    if (x > best) best = x;
  }
  return { floor, best };
}

/** Anchors from the strategy battery plus any extra plans. */
export function batteryAnchors(c: Compiled, extraPlans: readonly Plan[] = []): Anchors {
  return anchorsWith(c, batteryMoney(c, extraPlans));
}

/** The anchors scoring uses for a scenario: the baked money anchor when current, else the battery. */
export function resolveAnchors(c: Compiled): Anchors {
  const hit = cache.get(c);
  if (hit) return hit;
  const baked = c.scenario.scoring.anchors?.revenue;
  const anchors = baked && anchorsComplete(c) ? anchorsWith(c, baked) : batteryAnchors(c);
  cache.set(c, anchors);
  return anchors;
}
