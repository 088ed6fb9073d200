import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, simulate, type Scenario } from '../../src/engine/index.ts';
import {
  computeAnchors,
  countPlans,
  exactBest,
  findPar,
  scoreObjective,
  searchPlans,
} from '../../src/engine/par.ts';
import { scoringOf } from '../../src/engine/simulate.ts';
import { smallScenarioArb } from './arbitraries.ts';
import { shipped } from './helpers.ts';
import { cases, propertyTimeout } from '../support/depth.ts';

/**
 * Generated instances checked against exhaustive enumeration (each takes about a second): a few
 * in the default run, 15 and 10 in `npm run test:deep`.
 */
const EXACT_CASES = cases(15, 4, 2);
const HEURISTIC_CASES = cases(10, 3, 2);
const TIMEOUT = propertyTimeout(EXACT_CASES + HEURISTIC_CASES, 20_000);

/** The par objective: the score with the scenario's resolved (and widened) anchors. */
function objectiveOf(s: Scenario) {
  const c = compile(s);
  const { weights, anchors } = scoringOf(c);
  return { c, objective: scoreObjective(weights, anchors) };
}

/** Instances whose plan space is between `min` and `max` plans (enumerable in a test). */
const sized = (min: number, max: number) =>
  smallScenarioArb().filter((s) => {
    const size = countPlans(compile(s), max);
    return size > min && size <= max;
  });

describe('par search', () => {
  it(
    'equals the exact optimum on generated instances with up to 10 items',
    () => {
      fc.assert(
        fc.property(sized(0, 100_000), (s) => {
          const { c, objective } = objectiveOf(s);
          const exact = exactBest(c, objective, 100_000)!;
          expect(findPar(s).score).toBeCloseTo(exact.value, 9);
        }),
        { numRuns: EXACT_CASES },
      );
    },
    TIMEOUT,
  );

  it(
    'finds the exact optimum by heuristic search alone when the plan space exceeds its budget',
    () => {
      fc.assert(
        fc.property(sized(25_000, 100_000), (s) => {
          const { c, objective } = objectiveOf(s);
          const exact = exactBest(c, objective, 100_000)!;
          const heuristic = searchPlans(c, objective, { budget: 20_000, exhaustiveUpTo: 0 });
          expect(heuristic.value).toBeCloseTo(exact.value, 9);
        }),
        { numRuns: HEURISTIC_CASES },
      );
    },
    TIMEOUT,
  );

  it('finds the optimum of the tutorial, checked by enumeration', () => {
    const s = shipped('tutorial');
    const c = compile(s);
    const { weights, anchors } = scoringOf(c);
    const exact = exactBest(c, scoreObjective(weights, anchors))!;
    expect(exact).not.toBeNull();
    expect(findPar(s).score).toBeCloseTo(exact.value, 9);
  });

  it('is reproducible: same scenario, same par plan and score', () => {
    const s = shipped('big-customer');
    const a = findPar(s, { budget: 8000 });
    const b = findPar(s, { budget: 8000 });
    expect(b.plan).toEqual(a.plan);
    expect(b.score).toBe(a.score);
    expect(simulate(s, a.plan).score).toBeCloseTo(a.score, 9);
  });

  it('beats or equals every strategy of the battery', () => {
    const s = shipped('big-customer');
    const par = findPar(s, { budget: 8000 });
    for (const start of [{ slots: [['sso'], [], [], []] }])
      expect(par.score).toBeGreaterThanOrEqual(simulate(s, start).score);
    const c = compile(s);
    const { weights, anchors } = scoringOf(c);
    const battery = searchPlans(c, scoreObjective(weights, anchors), { budget: 50 });
    expect(par.score).toBeGreaterThanOrEqual(battery.value - 1e-9);
  });

  it('keeps prerequisites before the items that need them', () => {
    const par = findPar(shipped('big-customer'), { budget: 8000 });
    const queue = par.plan.slots.flat();
    if (queue.includes('sso'))
      expect(queue.indexOf('user-model')).toBeLessThan(queue.indexOf('sso'));
  });

  it('re-optimizes only the slots after the frozen ones (par from here)', () => {
    const s = shipped('big-customer');
    const fixedPlan = { slots: [['dark-mode', 'ai-assistant'], [], [], []] };
    const c = compile(s);
    const { weights, anchors } = scoringOf(c);
    const found = searchPlans(c, scoreObjective(weights, anchors), {
      budget: 6000,
      frozenSlots: 1,
      fixedPlan,
    });
    expect(found.plan.slots[0]).toEqual(['dark-mode', 'ai-assistant']);
    expect(found.plan.slots.slice(1).flat()).not.toContain('dark-mode');
  });

  it('computes anchors whose best is at least the best strategy, per metric', () => {
    const s = shipped('tutorial');
    const anchors = computeAnchors(s, { budget: 3000 });
    for (const a of Object.values(anchors)) expect(a.best).toBeGreaterThanOrEqual(a.floor);
    const par = findPar(s, { anchors });
    expect(par.score).toBeLessThanOrEqual(100);
    expect(par.score).toBeGreaterThan(50);
  });
});
