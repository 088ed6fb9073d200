/**
 * The public `simulate` entry beyond the mechanics: modes and their options, how the outcome of
 * an expected run is assembled from the weighted branches of a scripted event, which branch's
 * story the trace tells, and the statuses of items, asks and obligations.
 *
 * The rules under test (src/engine/simulate.ts, docs/model.md):
 * - Expected mode enumerates a scripted event as weighted branches. Numbers (metrics, ledger,
 *   capacity totals, end-of-year state, every number of the slot trace except the slot index)
 *   are the probability-weighted average of the branches, each run on its own.
 * - Lists and texts (completions, causes, labels), items, asks, obligations and events come from
 *   the most probable ("modal") branch; ties go to the first branch.
 * - Seeded mode tells one story: one branch labelled with its seed, every slot revealed.
 *
 * Each branch of a probability-p event is run on its own by setting the event's probability to
 * 1 (it happens) or 0 (it does not).
 */
import { describe, expect, it } from 'vitest';

import { simulate, type Outcome, type Scenario } from '../../src/engine/index.ts';
import { item, plan, quarters, scenario } from './mechanics/build.ts';

/** The float tolerance of the engine's "by the end of the slot" checks. */
const TOLERANCE = 1e-9;

/**
 * A zero-day that, with probability `p`, injects item `x` (4 points, +$200k ARR) at the start of
 * Q1, queued before the planned item `a` (5 points, +$400k ARR). Capacity 10 points a quarter.
 * If it happens, x finishes at 0.4 and a at 0.9; if not, a finishes at 0.5.
 */
function zeroDay(p: number, slots = 2): Scenario {
  return scenario(
    {
      time: { labels: quarters(slots), slotsPerYear: 4 },
      events: [
        { id: 'zd', title: 'Zero-day', kind: 'injectItem', slot: 0, probability: p, item: 'x' },
      ],
    },
    [
      item('a', 5, { value: { arr: 400_000 } }),
      item('x', 4, { injected: true, value: { arr: 200_000 } }),
    ],
  );
}

/** Plays "a in Q1" in expected mode. */
function playA(s: Scenario, options: Parameters<typeof simulate>[2] = {}): Outcome {
  return simulate(s, plan(s, ['a']), options);
}

/** The outcome with p, and each branch forced: it happens (p = 1) and it does not (p = 0). */
function branches(p: number, slots = 2) {
  return {
    out: playA(zeroDay(p, slots)),
    happens: playA(zeroDay(1, slots)),
    not: playA(zeroDay(0, slots)),
  };
}

/** p·h + (1 − p)·n for every key of two records of numbers. */
function weighted(
  p: number,
  h: Record<string, number>,
  n: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(Object.keys(h).map((k) => [k, p * h[k]! + (1 - p) * n[k]!]));
}

/** The numbers of a record (fields that are not numbers are left out). */
function numbersOf(record: object): Record<string, number> {
  return Object.fromEntries(
    Object.entries(record).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number',
    ),
  );
}

function expectCloseRecord(actual: Record<string, number>, expected: Record<string, number>) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, v] of Object.entries(expected)) expect(actual[k], k).toBeCloseTo(v, 6);
}

describe('simulate: expected mode averages the branches of a scripted event', () => {
  it('lists both branches of the zero-day with their probabilities, happening first', () => {
    const { out } = branches(0.25);
    expect(out.branches.map((b) => [b.label, b.probability])).toEqual([
      ['Zero-day: happens', 0.25],
      ['Zero-day: does not happen', 0.75],
    ]);
  });

  it('scores each branch on its own with the same anchors and weights', () => {
    const anchors = { revenue: { floor: 1_000_000, best: 3_000_000 } };
    const out = playA(zeroDay(0.25), { anchors });
    const happens = playA(zeroDay(1), { anchors });
    const not = playA(zeroDay(0), { anchors });
    expect(out.branches.map((b) => b.score)).toEqual([happens.score, not.score]);
    expect(happens.score).not.toBe(not.score);
  });

  it('weights the raw metrics of the branches by their probability', () => {
    const { out, happens, not } = branches(0.25);
    // Revenue: ARR 1.6M (happens) or 1.4M (does not) at year end, so the metric differs.
    expect(happens.metrics.revenue).not.toBe(not.metrics.revenue);
    expect(out.metrics.revenue).toBeCloseTo(
      0.25 * happens.metrics.revenue! + 0.75 * not.metrics.revenue!,
      6,
    );
  });

  it('weights the end-of-year ARR, debt and exposure by probability', () => {
    const { out, happens, not } = branches(0.25);
    // Both items done: 1M + 0.2M + 0.4M; only a: 1M + 0.4M.
    expect(out.endArr).toBeCloseTo(0.25 * 1_600_000 + 0.75 * 1_400_000, 6);
    expect(out.endDebt).toBeCloseTo(0.25 * happens.endDebt + 0.75 * not.endDebt, 9);
    expect(out.residualExposure).toBeCloseTo(
      0.25 * happens.residualExposure + 0.75 * not.residualExposure,
      9,
    );
  });

  it('weights the capacity totals and every ledger line by probability', () => {
    const { out, happens, not } = branches(0.25);
    // Delivered: 4 + 5 points if it happens, 5 if not; capacity is 2 × 10 either way.
    expect(out.totals.delivered).toBeCloseTo(0.25 * 9 + 0.75 * 5, 9);
    expect(out.totals.capacity).toBeCloseTo(20, 9);
    expect(out.ledger.terminal).toBeCloseTo(0.25 * 1_600_000 + 0.75 * 1_400_000, 6);
    expectCloseRecord(
      numbersOf(out.totals),
      weighted(0.25, numbersOf(happens.totals), numbersOf(not.totals)),
    );
    expectCloseRecord(
      numbersOf(out.ledger),
      weighted(0.25, numbersOf(happens.ledger), numbersOf(not.ledger)),
    );
  });

  it('weights every number of each slot of the trace by probability', () => {
    const { out, happens, not } = branches(0.25);
    // Q1 delivers 9 points if it happens, 5 if not; slack is what is left of 10.
    expect(out.slots[0]!.delivered).toBeCloseTo(0.25 * 9 + 0.75 * 5, 9);
    expect(out.slots[0]!.slack).toBeCloseTo(0.25 * 1 + 0.75 * 5, 9);
    expect(out.slots[0]!.arrEnd).toBeCloseTo(0.25 * 1_600_000 + 0.75 * 1_400_000, 6);
    out.slots.forEach((trace, t) => {
      const { slot: _index, ...h } = numbersOf(happens.slots[t]!);
      const { slot: _same, ...n } = numbersOf(not.slots[t]!);
      const { slot: index, ...averaged } = numbersOf(trace);
      expect(index).toBe(t);
      expectCloseRecord(averaged, weighted(0.25, h, n));
    });
  });

  it('keeps slot indexes whole and labels as text even when the weights do not add up exactly', () => {
    // 0.3 and 0.7: 3·0.3 + 3·0.7 is not exactly 3 in floating point, so an averaged index shows.
    const { out, happens, not } = branches(0.3, 4);
    expect(out.slots.map((trace) => trace.slot)).toEqual([0, 1, 2, 3]);
    expect(out.slots.map((trace) => trace.label)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(out.slots[0]!.delivered).toBeCloseTo(0.3 * 9 + 0.7 * 5, 9);
    expect(out.slots[3]!.arrEnd).toBeCloseTo(0.3 * happens.endArr + 0.7 * not.endArr, 6);
  });
});

describe('simulate: the story shown is the most probable branch', () => {
  /** What the trace, items and events say when the zero-day happens (x at 0.4, a at 0.9). */
  function expectHappensStory(out: Outcome) {
    expect(out.slots[0]!.completed).toEqual([
      { id: 'x', at: 0.4 },
      { id: 'a', at: 0.9 },
    ]);
    expect(out.slots[0]!.causes.map((c) => c.item)).toEqual(['x', 'a']);
    expect(out.items.map((i) => [i.id, i.status, i.completedAt])).toEqual([
      ['a', 'done', 0.9],
      ['x', 'done', 0.4],
    ]);
    expect(out.events.map((e) => [e.kind, e.outcome])).toEqual([['injectItem', 1]]);
  }

  /** What they say when it does not happen (a at 0.5, x never appears). */
  function expectQuietStory(out: Outcome) {
    expect(out.slots[0]!.completed).toEqual([{ id: 'a', at: 0.5 }]);
    expect(out.slots[0]!.causes.map((c) => c.item)).toEqual(['a']);
    expect(out.items.map((i) => [i.id, i.status, i.completedAt])).toEqual([
      ['a', 'done', 0.5],
      ['x', 'not triggered', null],
    ]);
    expect(out.events.map((e) => [e.kind, e.outcome])).toEqual([['injectItem', 0]]);
  }

  it('tells the zero-day story when it is the likely branch (listed first)', () => {
    expectHappensStory(playA(zeroDay(0.75)));
  });

  it('tells the quiet story when the zero-day is unlikely (listed second)', () => {
    expectQuietStory(playA(zeroDay(0.25)));
  });

  it('breaks a tie between equally likely branches in favour of the first', () => {
    expectHappensStory(playA(zeroDay(0.5)));
  });

  it('records the events of the shown branch and nothing else', () => {
    const out = playA(zeroDay(0.25));
    expect(out.events).toEqual([
      {
        slot: 0,
        kind: 'injectItem',
        title: 'Zero-day',
        probability: 0.25,
        roll: null,
        outcome: 0,
        detail: 'did not happen',
      },
    ]);
  });
});

describe('simulate: modes and their options', () => {
  it('tells a seeded run as one certain branch labelled with its seed, every slot revealed', () => {
    const s = zeroDay(0.5, 3);
    const out = playA(s, { mode: 'seeded', seed: 7 });
    expect(out.mode).toBe('seeded');
    expect(out.seed).toBe(7);
    expect(out.revealedSlots).toBe(3);
    expect(out.branches).toEqual([{ label: 'seed 7', probability: 1, score: out.score }]);
  });

  it('uses seed 1 for a seeded run when none is given', () => {
    const out = playA(zeroDay(0.5), { mode: 'seeded' });
    expect(out.seed).toBe(1);
    expect(out.branches.map((b) => b.label)).toEqual(['seed 1']);
  });

  it('reveals no slot and has no seed in expected mode, whatever the options say', () => {
    const out = playA(zeroDay(0.5, 3), { seed: 4, revealedSlots: 2 });
    expect(out.mode).toBe('expected');
    expect(out.seed).toBeNull();
    expect(out.revealedSlots).toBe(0);
  });

  it('clamps the revealed slots of a conditional run to the year', () => {
    const s = zeroDay(0.5, 3);
    expect(playA(s, { mode: 'conditional', seed: 2, revealedSlots: 9 }).revealedSlots).toBe(3);
    expect(playA(s, { mode: 'conditional', seed: 2, revealedSlots: -2 }).revealedSlots).toBe(0);
    expect(playA(s, { mode: 'conditional', seed: 2 }).revealedSlots).toBe(0);
  });
});

describe('simulate: item statuses', () => {
  it('calls an injected item whose event fired but which is still open unfinished, not untriggered', () => {
    // x (30 points) is injected for sure in Q1 and started, but 2 × 10 points cannot finish it;
    // y's event never fires.
    const s = scenario(
      {
        events: [
          { id: 'zd', title: 'Zero-day', kind: 'injectItem', slot: 0, probability: 1, item: 'x' },
          { id: 'audit', title: 'Audit', kind: 'injectItem', slot: 1, probability: 0, item: 'y' },
        ],
      },
      [item('x', 30, { injected: true }), item('y', 2, { injected: true })],
    );
    const out = simulate(s, plan(s));
    expect(out.items.map((i) => [i.id, i.status, i.startedAt, i.completedAt])).toEqual([
      ['x', 'unfinished', 0, null],
      ['y', 'not triggered', null, null],
    ]);
  });
});

describe('simulate: asks and obligations at the end of their slot', () => {
  it('counts an ask as met when its item lands within the rounding tolerance after its slot', () => {
    // a cannot start before Q2 and takes 1e-8 of 10 points: done at 1 + 1e-9, the very edge of
    // "by the end of Q1".
    const s = scenario(
      {
        stakeholders: [
          { id: 'cfo', name: 'CFO', role: 'Finance', asks: [{ item: 'a', bySlot: 0 }] },
        ],
        scoring: { weights: { revenue: 1, stakeholders: 1 } },
      },
      [item('a', 1e-8, { notBefore: 1 })],
    );
    const out = simulate(s, plan(s, ['a']));
    expect(out.items[0]!.completedAt).toBe(0 + 1 + TOLERANCE);
    expect(out.asks).toEqual([
      { stakeholder: 'cfo', item: 'a', bySlot: 0, completedAt: 1 + TOLERANCE, status: 'met' },
    ]);
    expect(out.metrics.stakeholders).toBe(1);
  });

  it('counts an obligation as met when its report exists within the rounding tolerance of the deadline', () => {
    // controls done at 0.5; the report exists 0.500000001 later, at 1 + 1e-9: the edge of Q1.
    const s = scenario(
      {
        obligations: [
          { id: 'soc2', title: 'SOC 2', deadlineSlot: 0, observationSlots: 0.500000001 },
        ],
      },
      [item('controls', 5, { type: 'compliance', effects: { compliance: 'soc2' } })],
    );
    const out = simulate(s, plan(s, ['controls']));
    expect(out.obligations).toEqual([
      { id: 'soc2', title: 'SOC 2', deadlineSlot: 0, reportAt: 0 + 1 + TOLERANCE, met: true },
    ]);
    expect(out.metrics.compliance).toBe(1);
  });

  it('reports an ask for an item the scenario does not have as missed, with no item id', () => {
    // Not a valid scenario (loading refuses it), but simulate must not crash on one.
    const valid = scenario({
      stakeholders: [{ id: 'cfo', name: 'CFO', role: 'Finance', asks: [{ item: 'a', bySlot: 0 }] }],
    });
    const ghost: Scenario = {
      ...valid,
      stakeholders: valid.stakeholders.map((st) => ({
        ...st,
        asks: [{ item: 'ghost', bySlot: 0 }],
      })),
    };
    const out = simulate(ghost, plan(ghost, ['a']));
    expect(out.asks).toEqual([
      { stakeholder: 'cfo', item: '', bySlot: 0, completedAt: null, status: 'missed' },
    ]);
  });
});
