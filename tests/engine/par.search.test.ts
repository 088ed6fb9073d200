/**
 * The par search at full strength: its result against exhaustive enumeration on generated
 * instances and on the tutorial, and anchors found by search. Seconds per case, so mutation
 * testing leaves this file out (vitest.mutation.config.ts); tests/engine/par.test.ts checks the
 * search's parts on small budgets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { compile, type Scenario } from '../../src/engine/index.ts';
import {
  computeAnchors,
  countPlans,
  exactBest,
  findPar,
  scoreObjective,
  searchPlans,
} from '../../src/engine/par.ts';
import { scoringOf } from '../../src/engine/simulate.ts';
import { cases, propertyTimeout } from '../support/depth.ts';
import { smallScenarioArb } from './arbitraries.ts';
import { shipped } from './helpers.ts';

/**
 * Generated instances checked against exhaustive enumeration (each takes about a second): a few
 * in the default run, 15 and 10 in `npm run test:deep`. A failure is reported unshrunk
 * (`endOnFailure`): each shrinking step enumerates again, and shrinking one failure took 36
 * minutes in CI.
 */
const EXACT_CASES = cases(15, 4);
const HEURISTIC_CASES = cases(10, 3);
const TIMEOUT = propertyTimeout(EXACT_CASES + HEURISTIC_CASES, 20_000);

/**
 * The heuristic search is a heuristic: on rare instances it stops on a plateau below the
 * optimum. `scripts/par-quality.ts` measures how rare (docs/quality.md); one instance drawn in CI
 * (seven items, three slots, optimum 55.01) ends at 52.10 at every budget and seed, because no
 * single move off its plateau scores better. So its test draws a fixed sample: the same
 * instances in every run, each of which the search must solve exactly. A change that weakens the
 * search fails it; a lucky or unlucky draw cannot.
 */
const HEURISTIC_SAMPLE_SEED = 20_261_203;

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

describe('par search at full strength', () => {
  it(
    'equals the exact optimum on generated instances with up to 10 items',
    () => {
      fc.assert(
        fc.property(sized(0, 100_000), (s) => {
          const { c, objective } = objectiveOf(s);
          const exact = exactBest(c, objective, 100_000)!;
          expect(findPar(s).score).toBeCloseTo(exact.value, 9);
        }),
        { numRuns: EXACT_CASES, endOnFailure: true },
      );
    },
    TIMEOUT,
  );

  it(
    'finds the exact optimum by heuristic search alone, on a fixed sample of instances whose plan space exceeds its budget',
    () => {
      fc.assert(
        fc.property(sized(25_000, 100_000), (s) => {
          const { c, objective } = objectiveOf(s);
          const exact = exactBest(c, objective, 100_000)!;
          const heuristic = searchPlans(c, objective, { budget: 20_000, exhaustiveUpTo: 0 });
          expect(heuristic.value).toBeCloseTo(exact.value, 9);
        }),
        { numRuns: HEURISTIC_CASES, seed: HEURISTIC_SAMPLE_SEED, endOnFailure: true },
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

  it('computes anchors whose best is at least the best strategy, per metric', () => {
    const s = shipped('tutorial');
    const anchors = computeAnchors(s, { budget: 3000 });
    for (const a of Object.values(anchors)) expect(a.best).toBeGreaterThanOrEqual(a.floor);
    const par = findPar(s, { anchors });
    expect(par.score).toBeLessThanOrEqual(100);
    expect(par.score).toBeGreaterThan(50);
  });
});
