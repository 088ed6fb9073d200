/**
 * Who gets a stream (docs/model.md, steps 3–5): an item already started keeps its stream ahead of
 * any item the queue lists before it, and a slot with no effective capacity starts nothing.
 *
 * Quiet world, one stream of 10 points a quarter unless a test says otherwise.
 */
import { describe, expect, it } from 'vitest';

import { item, itemOf, quarters, run, scenario } from './build.ts';

describe('the order of work', () => {
  it('keeps a started item on its stream ahead of an earlier item that became ready', () => {
    // x cannot start before Q2; y (15 points) starts in Q1 and is half done at its end. In Q2 y
    // keeps the one stream: done at 1.5; x follows: 1.5 + 4/10.
    const s = scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, [
      item('x', 4, { notBefore: 1 }),
      item('y', 15),
    ]);
    const out = run(s, ['x', 'y']);
    expect(itemOf(out, 'y').startedAt).toBe(0);
    expect(itemOf(out, 'y').completedAt).toBeCloseTo(1.5, 9);
    expect(itemOf(out, 'x').startedAt).toBeCloseTo(1.5, 9);
    expect(itemOf(out, 'x').completedAt).toBeCloseTo(1.9, 9);
  });

  it('starts nothing in a slot whose capacity keeping the lights on takes all of it', () => {
    // Q1: 10 points, all of it KTLO. Q2: 10 points free. a starts with Q2.
    const s = scenario({
      time: { labels: quarters(2), slotsPerYear: 4 },
      team: { capacity: 10, ktlo: [10, 0] },
    });
    const out = run(s, ['a']);
    expect(itemOf(out, 'a').startedAt).toBe(1);
    expect(itemOf(out, 'a').completedAt).toBeCloseTo(1.5, 9);
  });
});
