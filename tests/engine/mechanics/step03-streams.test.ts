/**
 * Step 3 with parallel work streams (docs/model.md, "Work in streams"): k streams of C/k points a
 * slot; an active item takes one stream, spare streams pair up on the earliest items (at most
 * `streamsPerItem` = 2 each); beyond k items in progress they share C equally. Expected numbers are
 * worked out here from those rules, in the quiet world (no debt, no KTLO, no incidents).
 */
import { describe, expect, it } from 'vitest';

import { K, item, itemOf, run, scenario, slot } from './build.ts';

const three = [item('patch', 1, { type: 'security' }), item('f1', 5), item('f2', 5)];

describe('step 3: work in parallel streams', () => {
  it('two streams: a patch listed last waits for a stream, listed first it lands at once', () => {
    const s = scenario({ team: { capacity: 12, ktlo: 0, streams: 2 } }, three);
    // 6 points a stream. Last: f1 and f2 run side by side and both finish at 5/6; the patch then
    // has both streams (12 a slot) and needs 1/12 more.
    const last = run(s, ['f1', 'f2', 'patch']);
    expect(itemOf(last, 'f1').completedAt).toBeCloseTo(5 / 6, 9);
    expect(itemOf(last, 'f2').completedAt).toBeCloseTo(5 / 6, 9);
    expect(itemOf(last, 'patch').startedAt).toBeCloseTo(5 / 6, 9);
    expect(itemOf(last, 'patch').completedAt).toBeCloseTo(11 / 12, 9);
    // First: the patch and f1 start; the patch lands at 1/6 and f2 takes its stream; f1 (4 left)
    // finishes at 1/6 + 4/6; f2 has 5 − 4 = 1 left, then both streams: 5/6 + 1/12.
    const first = run(s, ['patch', 'f1', 'f2']);
    expect(itemOf(first, 'patch').completedAt).toBeCloseTo(1 / 6, 9);
    expect(itemOf(first, 'f2').startedAt).toBeCloseTo(1 / 6, 9);
    expect(itemOf(first, 'f1').completedAt).toBeCloseTo(5 / 6, 9);
    expect(itemOf(first, 'f2').completedAt).toBeCloseTo(11 / 12, 9);
    // 11 points of work, 12 of capacity: 1 point idle either way.
    expect(slot(first, 0).slack).toBeCloseTo(1, 9);
    expect(slot(last, 0).slack).toBeCloseTo(1, 9);
  });

  it('three streams: the patch starts at once wherever it sits in the slot', () => {
    const s = scenario({ team: { capacity: 12, ktlo: 0, streams: 3 } }, three);
    for (const order of [
      ['patch', 'f1', 'f2'],
      ['f1', 'f2', 'patch'],
    ]) {
      const out = run(s, order);
      // 4 points a stream: the patch lands at 1/4. Then f1 (5 − 1 = 4 left) pairs up on
      // the spare stream (8 a slot) and lands at 1/4 + 4/8; f2 (4 − 2 = 2 left) then has two
      // streams and lands at 3/4 + 2/8.
      expect(itemOf(out, 'patch').startedAt).toBe(0);
      expect(itemOf(out, 'patch').completedAt).toBeCloseTo(1 / 4, 9);
      expect(itemOf(out, 'f1').completedAt).toBeCloseTo(3 / 4, 9);
      expect(itemOf(out, 'f2').completedAt).toBeCloseTo(1, 9);
    }
  });

  it('a lone item takes at most two streams: a minimum duration, and the rest is idle', () => {
    const s = scenario({ team: { capacity: 12, ktlo: 0, streams: 3 } }, [item('big', 10)]);
    const out = run(s, ['big']);
    // Two streams of 4: 8 points a slot, so 10 points take 1.25 slots; 4 points idle in Q1.
    expect(slot(out, 0).delivered).toBeCloseTo(8, 9);
    expect(slot(out, 0).slack).toBeCloseTo(4, 9);
    expect(itemOf(out, 'big').completedAt).toBeCloseTo(1.25, 9);
  });

  it('with one stream, one item at a time at the whole capacity (engine 2.0)', () => {
    const s = scenario({ team: { capacity: 12, ktlo: 0, streams: 1 } }, three);
    const out = run(s, ['f1', 'f2', 'patch']);
    expect(itemOf(out, 'f1').completedAt).toBeCloseTo(5 / 12, 9);
    expect(itemOf(out, 'f2').completedAt).toBeCloseTo(10 / 12, 9);
    expect(itemOf(out, 'patch').completedAt).toBeCloseTo(11 / 12, 9);
  });

  it('an over-committed team starts more than it has streams, and everything finishes later', () => {
    const s = scenario({ team: { capacity: 10, ktlo: 0, streams: 2 } }, [
      item('a', 5),
      item('b', 5),
      item('c', 5),
    ]);
    const out = run(s, ['a', 'b', 'c']);
    // W = 15 on C0 = 10: o = 0.5, C = 10 / (1 + θ·0.5); work in progress round(2 · 1.5) = 3.
    const C = 10 / (1 + K.thrash * 0.5);
    expect(slot(out, 0).overcommit).toBeCloseTo(0.5, 9);
    expect(slot(out, 0).workingCapacity).toBeCloseTo(C, 9);
    // All three share C: none finishes in Q1; each has 5 − C/3 left.
    const left = 5 - C / 3;
    for (const id of ['a', 'b', 'c']) {
      expect(itemOf(out, id).startedAt).toBe(0);
      expect(itemOf(out, id).completedAt).toBeGreaterThan(1);
    }
    // Q2: 3·left < 10, no over-commitment, two streams of 5: a and b finish at 1 + left/5; c,
    // started but over the limit, waits, then has both streams (10 a slot).
    expect(slot(out, 1).overcommit).toBe(0);
    expect(itemOf(out, 'a').completedAt).toBeCloseTo(1 + left / 5, 9);
    expect(itemOf(out, 'b').completedAt).toBeCloseTo(1 + left / 5, 9);
    expect(itemOf(out, 'c').completedAt).toBeCloseTo(1 + left / 5 + left / 10, 9);
    // The same three items with room for them (capacity 15) finish inside Q1.
    const roomy = run(
      scenario({ team: { capacity: 15, ktlo: 0, streams: 2 } }, [
        item('a', 5),
        item('b', 5),
        item('c', 5),
      ]),
      ['a', 'b', 'c'],
    );
    expect(itemOf(roomy, 'c').completedAt).toBeLessThanOrEqual(1);
  });
});
