/**
 * Step 2 of a slot (docs/model.md): over-commitment and thrash.
 *   W  = remaining effort queued for this slot or earlier (started or not, not yet done)
 *   Wc = the same, each item counted at most C0·min(m, k)/k (what m of the k streams give one item)
 *   o  = clamp(Wc/C0 − 1, 0, OVERCOMMIT_CAP);  C = C0 / (1 + θ·o)
 * The quiet world has one stream (k = 1), so there an item counts at most C0.
 */
import { describe, expect, it } from 'vitest';

import { K, item, plan, quarters, run, scenario, slot } from './build.ts';
import { simulate } from '../../../src/engine/index.ts';

/** Over-commitment is counted up to this many times the effective capacity. */
const OVERCOMMIT_CAP = 2;

/** The formula of step 2. */
function expectedOvercommit(load: number, c0: number): number {
  if (c0 <= 0) return load > 0 ? OVERCOMMIT_CAP : 0;
  return Math.min(OVERCOMMIT_CAP, Math.max(0, load / c0 - 1));
}
function expectedWorkingCapacity(load: number, c0: number, theta = K.thrash): number {
  return c0 / (1 + theta * expectedOvercommit(load, c0));
}

describe('step 2: over-commitment and thrash', () => {
  it('costs nothing while the queued work fits', () => {
    const s = scenario({}, [item('a', 4), item('b', 6)]);
    const t0 = slot(run(s, ['a', 'b']), 0);
    expect(t0.load).toBe(10);
    expect(t0.overcommit).toBe(0);
    expect(t0.workingCapacity).toBe(10);
    expect(t0.thrash).toBe(0);
  });

  it('slows the team by 1 + θ·o when more is queued than fits', () => {
    const s = scenario({}, [item('a', 9), item('b', 6)]);
    const t0 = slot(run(s, ['a', 'b']), 0);
    expect(t0.load).toBe(15);
    expect(t0.overcommit).toBeCloseTo(expectedOvercommit(15, 10), 12);
    expect(t0.workingCapacity).toBeCloseTo(expectedWorkingCapacity(15, 10), 12);
    expect(t0.thrash).toBeCloseTo(10 - expectedWorkingCapacity(15, 10), 12);
  });

  it(`counts over-commitment only up to ${OVERCOMMIT_CAP}× effective capacity`, () => {
    // 40 points queued on 10, four items that each fit: Wc/C0 − 1 = 3, counted as the cap.
    const s = scenario({}, [item('a', 10), item('b', 10), item('c', 10), item('d', 10)]);
    const t0 = slot(run(s, ['a', 'b', 'c', 'd']), 0);
    expect(t0.load).toBe(40);
    expect(t0.contendedLoad).toBe(40);
    expect(t0.overcommit).toBe(OVERCOMMIT_CAP);
    expect(t0.workingCapacity).toBeCloseTo(expectedWorkingCapacity(40, 10), 12);
    expect(t0.workingCapacity).toBeCloseTo(10 / (1 + K.thrash * OVERCOMMIT_CAP), 12);
  });

  it('reaches the cap exactly at (1 + cap)× effective capacity', () => {
    const ids = Array.from({ length: 1 + OVERCOMMIT_CAP }, (_, i) => `i${i}`);
    const s = scenario(
      {},
      ids.map((id) => item(id, 10)),
    );
    expect(slot(run(s, ids), 0).overcommit).toBeCloseTo(OVERCOMMIT_CAP, 12);
  });

  it('counts one item only up to what the slot can give it: a big item alone is no over-commitment', () => {
    // One stream: an item counts at most C0 = 10. 30 points of one item: Wc = 10, o = 0.
    const one = slot(run(scenario({}, [item('big', 30)]), ['big']), 0);
    expect(one.load).toBe(30);
    expect(one.contendedLoad).toBe(10);
    expect(one.overcommit).toBe(0);
    expect(one.workingCapacity).toBe(10);
    // Three streams of 12 points, two streams at most on one item: an item counts at most
    // 12·2/3 = 8. 30 + 2 points: Wc = 8 + 2 = 10 ≤ 12, no thrash; 30 + 30: Wc = 16, o = 16/12 − 1.
    const team = { capacity: 12, ktlo: 0, streams: 3 };
    const small = slot(run(scenario({ team }, [item('big', 30), item('s', 2)]), ['big', 's']), 0);
    expect(small.load).toBe(32);
    expect(small.contendedLoad).toBeCloseTo(10, 12);
    expect(small.overcommit).toBe(0);
    const two = slot(run(scenario({ team }, [item('x', 30), item('y', 30)]), ['x', 'y']), 0);
    expect(two.load).toBe(60);
    expect(two.contendedLoad).toBeCloseTo(16, 12);
    expect(two.overcommit).toBeCloseTo(expectedOvercommit(16, 12), 12);
    expect(two.workingCapacity).toBeCloseTo(expectedWorkingCapacity(16, 12), 12);
  });

  it('uses the scenario’s θ when it overrides thrash', () => {
    const s = scenario({ constants: { thrash: 1 } }, [item('a', 9), item('b', 6)]);
    expect(slot(run(s, ['a', 'b']), 0).workingCapacity).toBeCloseTo(
      expectedWorkingCapacity(15, 10, 1),
      12,
    );
  });

  it('ignores work planned for later slots and work that may not start yet', () => {
    const s = scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, [
      item('now', 6),
      item('later', 30),
      item('gated', 30, { notBefore: 1 }),
    ]);
    const out = run(s, ['now', 'gated'], ['later']);
    expect(slot(out, 0).load).toBe(6);
    expect(slot(out, 0).overcommit).toBe(0);
    // Q2: the gated item and the later one are both queued now, each counted up to C0 = 10.
    expect(slot(out, 1).load).toBe(60);
    expect(slot(out, 1).contendedLoad).toBe(20);
    expect(slot(out, 1).overcommit).toBeCloseTo(expectedOvercommit(20, 10), 12);
  });

  it('counts the unfinished rest of spilled work in the next slot', () => {
    // 8 + 5 points on 10: C = 10/(1 + θ·0.3); the rest spills into Q2 and is Q2's whole load.
    const s = scenario({}, [item('a', 8), item('b', 5)]);
    const out = run(s, ['a', 'b']);
    const c = expectedWorkingCapacity(13, 10);
    expect(slot(out, 0).workingCapacity).toBeCloseTo(c, 12);
    expect(slot(out, 1).load).toBeCloseTo(13 - c, 9);
    expect(slot(out, 1).overcommit).toBe(0);
  });

  it('counts a slot with no effective capacity but queued work as fully over-committed', () => {
    const s = scenario({ team: { capacity: 10, ktlo: 10 } });
    const t0 = slot(run(s, ['a']), 0);
    expect(t0.effectiveCapacity).toBe(0);
    expect(t0.overcommit).toBe(expectedOvercommit(5, 0));
    expect(t0.workingCapacity).toBe(0);
    expect(t0.delivered).toBe(0);
    const idle = slot(simulate(s, plan(s)), 0);
    expect(idle.overcommit).toBe(0);
  });
});
