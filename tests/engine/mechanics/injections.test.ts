/**
 * Injected items in the queue (docs/model.md, "Work and the queue"). An injected item (a zero-day
 * hotfix, an auditor's finding) exists only once its event fires, at the start of the event's
 * slot. A fired injection the plan does not place is expedited: it goes to the front of the
 * queue from that slot. One the plan does place (in round-by-round play the app adds it to the
 * plan once it fired) keeps its place in the plan, but never starts before its event's slot.
 *
 * Quiet world, one stream of 10 points a quarter, no over-commitment unless said: an item of e
 * points started at τ0 finishes at τ0 + e/10.
 */
import { describe, expect, it } from 'vitest';

import { K, item, itemOf, quarters, run, scenario, type ItemInput } from './build.ts';

const CAPACITY = 10;
/** Q1 with x (4) and a (10) both due in it: 14 points on 10, over-committed by 0.4 (step 2). */
const OVER_Q1 = CAPACITY / (1 + K.thrash * (14 / CAPACITY - 1));

/** An injection of `x` (4 points) at `slot` with `probability`, beside a 10-point feature `a`. */
function injection(slot: number, probability: number, extra: ItemInput[] = []) {
  return scenario(
    {
      time: { labels: quarters(3), slotsPerYear: 4 },
      events: [
        { id: 'finding', title: 'Finding', kind: 'injectItem', slot, probability, item: 'x' },
      ],
    },
    [item('x', 4, { type: 'security', injected: true }), item('a', 10), ...extra],
  );
}

describe('injected items the plan places', () => {
  it('never start before their event fires, even when the plan puts them earlier', () => {
    // x fires at the start of Q2; the plan asks for it in Q1. Q1 has nothing it may start.
    const out = run(injection(1, 1), ['x']);
    expect(itemOf(out, 'x')).toMatchObject({ status: 'done', startedAt: 1 });
    expect(itemOf(out, 'x').completedAt).toBeCloseTo(1 + 4 / CAPACITY, 9);
  });

  it('keep their place in the plan when it puts them after the slot they fire in', () => {
    // x fires at the start of Q1, but the plan does a (10 points, the whole of Q1) first and x in
    // Q2: x is not expedited past a, it starts when Q2 does.
    const out = run(injection(0, 1), ['a'], ['x']);
    expect(itemOf(out, 'a').startedAt).toBe(0);
    expect(itemOf(out, 'a').completedAt).toBeCloseTo(10 / CAPACITY, 9);
    expect(itemOf(out, 'x').startedAt).toBeCloseTo(1, 9);
    expect(itemOf(out, 'x').completedAt).toBeCloseTo(1 + 4 / CAPACITY, 9);
  });

  it('are expedited ahead of the plan when the plan leaves them out', () => {
    // The same year without x in the plan: x fires in Q1 and goes first, a follows it (and Q1,
    // with both due in it, is over-committed).
    const out = run(injection(0, 1), ['a']);
    expect(itemOf(out, 'x').startedAt).toBe(0);
    expect(itemOf(out, 'x').completedAt).toBeCloseTo(4 / OVER_Q1, 9);
    expect(itemOf(out, 'a').startedAt).toBeCloseTo(4 / OVER_Q1, 9);
  });

  it('are never worked when their event does not fire, and hold nothing up', () => {
    const out = run(injection(0, 0), ['x', 'a']);
    expect(itemOf(out, 'x')).toMatchObject({ status: 'not triggered', startedAt: null });
    expect(itemOf(out, 'a').startedAt).toBe(0);
    expect(itemOf(out, 'a').completedAt).toBeCloseTo(10 / CAPACITY, 9);
  });

  it('are counted once when the plan lists them twice', () => {
    // A plan file may repeat an id; the queue keeps its first place only.
    const out = run(injection(0, 1), ['x', 'a'], ['x']);
    expect(itemOf(out, 'x').startedAt).toBe(0);
    expect(itemOf(out, 'x').completedAt).toBeCloseTo(4 / OVER_Q1, 9);
    expect(itemOf(out, 'a').startedAt).toBeCloseTo(4 / OVER_Q1, 9);
  });
});

describe('a prepared injection', () => {
  /** x (4 points) fires at the start of Q2; its effort halves if every preparation is done by then. */
  const prepared = (items: ItemInput[]) =>
    scenario(
      {
        time: { labels: quarters(3), slotsPerYear: 4 },
        events: [
          {
            id: 'finding',
            title: 'Finding',
            kind: 'injectItem',
            slot: 1,
            probability: 1,
            item: 'x',
            prepared: { items: items.map((i) => i.id), effortFactor: 0.5 },
          },
        ],
      },
      [item('x', 4, { type: 'security', injected: true }), ...items],
    );
  const p1 = item('p1', 2, { type: 'security' });
  const p2 = item('p2', 2, { type: 'security' });

  it('takes effortFactor of its effort when every preparation is done before it fires', () => {
    const out = run(prepared([p1, p2]), ['p1', 'p2']);
    expect(itemOf(out, 'x').completedAt).toBeCloseTo(1 + (0.5 * 4) / CAPACITY, 9);
  });

  it('takes its whole effort when one preparation is missing', () => {
    const out = run(prepared([p1, p2]), ['p1']);
    expect(itemOf(out, 'x').completedAt).toBeCloseTo(1 + 4 / CAPACITY, 9);
  });

  it('counts a preparation finished exactly as the slot it fires in begins', () => {
    // 10 points on 10: done at τ = 1, the start of Q2.
    const out = run(prepared([item('drill', 10, { type: 'ops' })]), ['drill']);
    expect(itemOf(out, 'drill').completedAt).toBeCloseTo(1, 9);
    expect(itemOf(out, 'x').completedAt).toBeCloseTo(1 + (0.5 * 4) / CAPACITY, 9);
  });
});
