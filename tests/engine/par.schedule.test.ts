/**
 * The par search's annealing schedule, tested against its formulas: the starting temperatures
 * from the score changes of random moves, geometric cooling, the Metropolis acceptance rule and
 * how the budget is split between runs. Expected values are worked out here from the rule in the
 * doc comment of each function (a temperature T accepts a loss of d with probability e^(−d/T)).
 */
import { describe, expect, it } from 'vitest';

import { accepts, annealingRuns, cooling, temperatures } from '../../src/engine/par.ts';

const LN2 = Math.log(2);

/** A random source that must not be drawn from. */
const noDraw = () => {
  throw new Error('drew a random number');
};

/** A random source that returns `values` in turn and counts its draws. */
function draws(...values: number[]) {
  const source = () => {
    const next = values[source.count];
    source.count += 1;
    if (next === undefined) throw new Error('drew more random numbers than expected');
    return next;
  };
  source.count = 0;
  return source;
}

describe('temperatures', () => {
  it('heats to accept the mean change half the time, and warms to the median change', () => {
    // Changes 0.1, 0.2, 0.9: mean 0.4, median 0.2.
    const t = temperatures([0.9, 0.1, 0.2], [10, 4]);
    expect(t.hot).toBeCloseTo(0.4 / LN2, 12);
    expect(t.warm).toBeCloseTo(0.2 / LN2, 12);
    // The rule behind it: a loss of the mean change is accepted with probability 1/2.
    expect(Math.exp(-0.4 / t.hot)).toBeCloseTo(0.5, 12);
    expect(Math.exp(-0.2 / t.warm)).toBeCloseTo(0.5, 12);
  });

  it('takes the upper median of an even count of changes, whatever their order', () => {
    // Sorted: 0.1, 0.3, 0.5, 2.0 → the element at index 4 / 2 = 2 is 0.5; mean 2.9 / 4.
    const t = temperatures([2, 0.5, 0.1, 0.3], [1, 1]);
    expect(t.warm).toBeCloseTo(0.5 / LN2, 12);
    expect(t.hot).toBeCloseTo(2.9 / 4 / LN2, 12);
  });

  it('leaves out changes of 1e-9 or less (a plateau), in the mean and in the median', () => {
    // Without the zeros: 0.3 and 0.6, mean 0.45, upper median 0.6.
    const t = temperatures([0, 0.3, 1e-9, 0, 0.6, 5e-10], [3, 2]);
    expect(t.hot).toBeCloseTo(0.45 / LN2, 12);
    expect(t.warm).toBeCloseTo(0.6 / LN2, 12);
    // Just above the threshold counts.
    const above = temperatures([2e-9], [0, 0]);
    expect(above.hot).toBeCloseTo(2e-9 / LN2, 20);
  });

  it('falls back on a twentieth of the starting plans’ spread when every move is a plateau', () => {
    // Values 10, 4, 7: spread 6, a twentieth 0.3.
    const t = temperatures([0, 0, 1e-10], [10, 4, 7]);
    expect(t.hot).toBeCloseTo(0.3 / LN2, 12);
    expect(t.warm).toBeCloseTo(0.3 / LN2, 12);
    // With no change at all measured, the same.
    expect(temperatures([], [10, 4, 7]).hot).toBeCloseTo(0.3 / LN2, 12);
  });

  it('never falls back below 1e-6, even when the starting plans all score the same', () => {
    const t = temperatures([0], [5, 5, 5]);
    expect(t.hot).toBeCloseTo(1e-6 / LN2, 18);
    expect(t.warm).toBeCloseTo(1e-6 / LN2, 18);
    // A spread of 1e-5 gives a twentieth of 5e-7, still raised to 1e-6.
    expect(temperatures([], [1e-5, 0]).hot).toBeCloseTo(1e-6 / LN2, 18);
    // A spread of 1e-4 gives 5e-6, above the floor.
    expect(temperatures([], [1e-4, 0]).hot).toBeCloseTo(5e-6 / LN2, 18);
  });
});

describe('cooling', () => {
  it('starts at the hot temperature and cools geometrically towards the cold one', () => {
    // hot 2, cold 2e-4: ratio 1e-4 over 10 steps, so each step multiplies by 1e-0.4.
    expect(cooling(2, 2e-4, 0, 10)).toBe(2);
    expect(cooling(2, 2e-4, 5, 10)).toBeCloseTo(2 * 1e-2, 12);
    expect(cooling(2, 2e-4, 1, 10)).toBeCloseTo(2 * Math.pow(10, -0.4), 12);
    expect(cooling(2, 2e-4, 10, 10)).toBeCloseTo(2e-4, 15);
  });

  it('halves the log-distance at the halfway step for any pair of temperatures', () => {
    // hot 9, cold 1 over 4 steps: at step 2, √(9 · 1) = 3.
    expect(cooling(9, 1, 2, 4)).toBeCloseTo(3, 12);
    expect(cooling(9, 1, 1, 4)).toBeCloseTo(9 * Math.pow(1 / 9, 0.25), 12);
  });
});

describe('accepts (the Metropolis rule)', () => {
  it('takes a move that gains or keeps the score without drawing a random number', () => {
    expect(accepts(0.5, 1, noDraw)).toBe(true);
    expect(accepts(0, 1, noDraw)).toBe(true);
  });

  it('takes a losing move with probability e^(change / temperature), drawing once', () => {
    // A loss of T · ln 2 is accepted with probability exactly 1/2.
    const T = 0.8;
    const change = -T * LN2;
    const low = draws(0.49);
    expect(accepts(change, T, low)).toBe(true);
    expect(low.count).toBe(1);
    const high = draws(0.51);
    expect(accepts(change, T, high)).toBe(false);
    expect(high.count).toBe(1);
    // A draw equal to the probability is not below it: refused.
    const p = Math.exp(-1 / 2);
    expect(accepts(-1, 2, draws(p))).toBe(false);
    expect(accepts(-1, 2, draws(p - 1e-12))).toBe(true);
  });

  it('takes a big loss rarely when cold and often when hot', () => {
    // A loss of 1: at T = 0.1 the probability is e^−10 ≈ 4.5e-5; at T = 100, e^−0.01 ≈ 0.990.
    expect(accepts(-1, 0.1, draws(1e-4))).toBe(false);
    expect(accepts(-1, 0.1, draws(4e-5))).toBe(true);
    expect(accepts(-1, 100, draws(0.98))).toBe(true);
    expect(accepts(-1, 100, draws(0.995))).toBe(false);
  });
});

describe('annealingRuns', () => {
  it('shares 55% of the budget between the restarts, the first hot and the others warm', () => {
    const runs = annealingRuns(12_000, 3, 5, 2);
    // 12,000 · 0.55 / 3 = 2,200 steps each; every run cools ten-thousandfold.
    expect(runs.restarts).toEqual([
      { steps: 2_200, hot: 5, cold: 5e-4 },
      { steps: 2_200, hot: 2, cold: 2e-4 },
      { steps: 2_200, hot: 2, cold: 2e-4 },
    ]);
  });

  it('gives the cooler run from the leader a fifth of the budget, from a tenth of warm', () => {
    const { deeper } = annealingRuns(12_000, 3, 5, 2);
    expect(deeper.steps).toBe(2_400);
    expect(deeper.hot).toBeCloseTo(0.2, 15);
    expect(deeper.cold).toBeCloseTo(2e-4, 15);
  });

  it('rounds the steps down, and gives one restart the whole 55%', () => {
    // 1,001 · 0.55 = 550.55 → 550; 1,001 · 0.2 = 200.2 → 200.
    const one = annealingRuns(1_001, 1, 3, 1);
    expect(one.restarts).toHaveLength(1);
    expect(one.restarts[0]!.steps).toBe(550);
    expect(one.restarts[0]!.hot).toBe(3);
    expect(one.restarts[0]!.cold).toBeCloseTo(3e-4, 15);
    expect(one.deeper.steps).toBe(200);
    // Two restarts: 1,001 · 0.55 / 2 = 275.275 → 275 each.
    expect(annealingRuns(1_001, 2, 3, 1).restarts.map((r) => r.steps)).toEqual([275, 275]);
  });

  it('spends no more than three quarters of the budget annealing', () => {
    for (const restarts of [1, 2, 3]) {
      const runs = annealingRuns(120_000, restarts, 1, 1);
      const steps = [...runs.restarts, runs.deeper].reduce((sum, r) => sum + r.steps, 0);
      expect(steps).toBeLessThanOrEqual(0.75 * 120_000);
      expect(steps).toBeGreaterThan(0.74 * 120_000);
    }
  });
});
