/**
 * Renegotiating a stakeholder's ask (docs/model.md, "Renegotiating an ask").
 *
 * The rule under test (src/engine/renegotiation.ts): an item with `renegotiates` done by the end
 * of the ask's slot and before the asked item ships replaces the ask's terms — a later date and/or
 * a smaller item that also meets it. Met on the new terms the ask earns 1 − trust of its credit,
 * missed on them 0; a conversation after the date or after delivery changes nothing. The
 * stakeholder metric stays the influence-weighted share of credit earned.
 *
 * Quiet world (build.ts): one work stream, 10 points a quarter, items in plan order, so an item's
 * completion time τ is (points done before it + its effort) / 10, counted in quarters.
 */
import { describe, expect, it } from 'vitest';

import { loadScenario, type Scenario } from '../../../src/engine/index.ts';
import { askCredit, renegotiatedAt } from '../../../src/engine/renegotiation.ts';
import { item, itemOf, quarters, run, scenario, type ItemInput } from './build.ts';

type Terms = { bySlot?: number; scope?: string; trust: number };

/** Olivia (influence 1) asks for `big` (10 points) by the end of Q1; `talk` (0.5 points) renegotiates. */
function asking(terms: Terms, extra: ItemInput[] = [], slots = 3): Scenario {
  return scenario(
    {
      time: { labels: quarters(slots), slotsPerYear: 4 },
      stakeholders: [
        {
          id: 'ceo',
          name: 'Olivia Grant',
          role: 'CEO',
          influence: 1,
          asks: [{ item: 'big', bySlot: 0 }],
        },
      ],
    },
    [
      item('big', 10),
      item('talk', 0.5, {
        type: 'ops',
        renegotiates: { stakeholder: 'ceo', item: 'big', ...terms },
      }),
      ...extra,
    ],
  );
}

describe('renegotiating an ask', () => {
  it('moves the date: met on the new terms, the ask earns 1 − trust of its credit', () => {
    const s = asking({ bySlot: 2, trust: 0.25 });
    // talk at τ = 0.5/10 = 0.05; big in Q2 from 1 to 1 + 10/10 = 2: past Q1's end (1), by
    // Q3's (3). (Each slot holds at most its 10 points: no over-commitment to slow the work.)
    const out = run(s, ['talk'], ['big']);
    expect(itemOf(out, 'talk').completedAt).toBeCloseTo(0.05, 12);
    expect(itemOf(out, 'big').completedAt).toBeCloseTo(2, 12);
    expect(out.asks).toEqual([
      {
        stakeholder: 'ceo',
        item: 'big',
        bySlot: 0,
        completedAt: expect.closeTo(2, 12),
        status: 'met',
        renegotiated: {
          by: 'talk',
          at: expect.closeTo(0.05, 12),
          bySlot: 2,
          scope: null,
          trust: 0.25,
        },
      },
    ]);
    expect(out.metrics.stakeholders).toBeCloseTo(0.75, 12);
    // The same plan without the conversation: big at τ = 2, late for Q1, no credit at all.
    const silent = run(s, [], ['big']);
    expect(silent.asks[0]!.status).toBe('late');
    expect(silent.asks[0]!.renegotiated).toBeUndefined();
    expect(silent.metrics.stakeholders).toBe(0);
  });

  it('changes nothing when the asked item ships before the conversation', () => {
    // Olivia asks for `a` (5 points) by Q1; the conversation comes after it ships.
    const s = scenario(
      {
        time: { labels: quarters(3), slotsPerYear: 4 },
        stakeholders: [
          {
            id: 'ceo',
            name: 'Olivia',
            role: 'CEO',
            influence: 1,
            asks: [{ item: 'a', bySlot: 0 }],
          },
        ],
      },
      [
        item('a', 5),
        item('talk', 0.5, {
          renegotiates: { stakeholder: 'ceo', item: 'a', bySlot: 1, trust: 0.25 },
        }),
      ],
    );
    // a at τ = 0.5, talk at 0.55: delivered first, met as asked, full credit.
    const after = run(s, ['a', 'talk']);
    expect(after.asks[0]!.renegotiated).toBeUndefined();
    expect(after.metrics.stakeholders).toBe(1);
    // talk at 0.05, a at 0.55: the terms changed before delivery, so on time still earns 0.75.
    const before = run(s, ['talk', 'a']);
    expect(before.asks[0]!.renegotiated?.bySlot).toBe(1);
    expect(before.asks[0]!.status).toBe('met');
    expect(before.metrics.stakeholders).toBeCloseTo(0.75, 12);
  });

  it('changes nothing when the conversation comes after the ask’s date', () => {
    const s = asking({ bySlot: 2, trust: 0.25 }, [], 4);
    // talk in Q2 at τ = 1.05 (> 1, the end of Q1); big in Q3 from 2 to 3: late, no credit.
    const out = run(s, [], ['talk'], ['big']);
    expect(itemOf(out, 'talk').completedAt).toBeCloseTo(1.05, 12);
    expect(out.asks[0]!.renegotiated).toBeUndefined();
    expect(out.asks[0]!.status).toBe('late');
    expect(out.metrics.stakeholders).toBe(0);
  });

  it('a conversation finished exactly at the end of the ask’s slot still counts', () => {
    // 9.5 points of filler, then talk: done at τ = 1.0, the end of Q1.
    const s = asking({ bySlot: 2, trust: 0.25 }, [item('filler', 9.5)]);
    const out = run(s, ['filler', 'talk'], ['big']);
    expect(itemOf(out, 'talk').completedAt).toBeCloseTo(1, 12);
    // big from 1 to 2: met on the new terms.
    expect(out.asks[0]!.renegotiated).toBeDefined();
    expect(out.metrics.stakeholders).toBeCloseTo(0.75, 12);
  });

  it('a smaller scope meets the ask on the new terms; the full item does too', () => {
    const s = asking({ scope: 'small', trust: 0.4 }, [item('small', 3)]);
    // talk at 0.05, small at 0.35 ≤ 1: met on the new terms (same date), 1 − 0.4 = 0.6.
    const scoped = run(s, ['talk', 'small']);
    expect(scoped.asks[0]).toMatchObject({
      status: 'met',
      completedAt: expect.closeTo(0.35, 12),
      renegotiated: { scope: 'small', bySlot: 0, trust: 0.4 },
    });
    expect(scoped.metrics.stakeholders).toBeCloseTo(0.6, 12);
    // Neither small nor big by Q1's end: big at 2 is late on the new terms too.
    const missed = run(s, ['talk'], ['big']);
    expect(missed.asks[0]!.status).toBe('late');
    expect(missed.metrics.stakeholders).toBe(0);
  });

  it('missed on the new terms earns nothing, as a silent miss', () => {
    const s = asking({ bySlot: 1, trust: 0.25 }, [], 4);
    // talk at 0.05, big in Q3 from 2 to 3: past the new date's end (2).
    const out = run(s, ['talk'], [], ['big']);
    expect(out.asks[0]!.renegotiated?.bySlot).toBe(1);
    expect(out.asks[0]!.status).toBe('late');
    expect(out.metrics.stakeholders).toBe(0);
  });

  it('weighs the renegotiated credit by influence with the other asks', () => {
    const base = asking({ bySlot: 2, trust: 0.25 }, [item('a', 5)]);
    const s = scenario(
      {
        time: base.time,
        stakeholders: [
          ...base.stakeholders,
          { id: 'cto', name: 'Cto', role: 'CTO', influence: 3, asks: [{ item: 'a', bySlot: 0 }] },
        ],
      },
      base.items,
    );
    // talk 0.05, a 0.55 (met), big 2 (met on the new terms): (1·0.75 + 3·1) / (1 + 3).
    expect(run(s, ['talk', 'a'], ['big']).metrics.stakeholders).toBeCloseTo(3.75 / 4, 12);
  });
});

describe('askCredit and renegotiatedAt', () => {
  const ask = { item: 0, bySlot: 1, terms: { talk: 1, scope: 2, bySlot: 3, credit: 0.7 } };
  it.each([
    // [done at: item, talk, scope] → [renegotiated at, credit]
    [[1.5, Infinity, Infinity], null, 1],
    [[2.5, Infinity, Infinity], null, 0],
    [[2.5, 1.9, Infinity], 1.9, 0.7],
    [[2.5, 2.1, Infinity], null, 0],
    [[1.5, 1.6, Infinity], null, 1],
    [[Infinity, 0.2, 3.9], 0.2, 0.7],
    [[Infinity, 0.2, 4.2], 0.2, 0],
    [[4.5, 0.2, 4.2], 0.2, 0],
  ] as const)('done at %j: renegotiated at %j, credit %j', (done, at, credit) => {
    expect(renegotiatedAt(ask, done)).toBe(at);
    expect(askCredit(ask, done)).toBe(credit);
  });
  it('an ask with no terms is met or not by its date alone', () => {
    expect(askCredit({ item: 0, bySlot: 0 }, [1])).toBe(1);
    expect(askCredit({ item: 0, bySlot: 0 }, [1.01])).toBe(0);
    expect(askCredit({ item: -1, bySlot: 0 }, [0])).toBe(0);
    expect(renegotiatedAt({ item: 0, bySlot: 0 }, [0])).toBeNull();
  });
});

describe('loading a renegotiation', () => {
  const valid = () => ({
    schemaVersion: 2,
    id: 'r',
    title: 'R',
    brief: '',
    industry: 'Test',
    difficulty: 1,
    minutes: 1,
    time: { labels: quarters(3), slotsPerYear: 4 },
    team: { capacity: 10 },
    start: { arr: 1_000_000, csat: 70, debt: 0 },
    scoring: { weights: { revenue: 1 } },
    items: [
      item('big', 15),
      item('small', 3),
      item('talk', 0.5, {
        renegotiates: { stakeholder: 'ceo', item: 'big', bySlot: 2, trust: 0.25 },
      }) as Record<string, unknown>,
    ],
    stakeholders: [{ id: 'ceo', name: 'Olivia', role: 'CEO', asks: [{ item: 'big', bySlot: 0 }] }],
  });
  type Input = ReturnType<typeof valid>;
  const talk = (x: Input) => x.items[2]!.renegotiates as Record<string, unknown>;

  it('accepts the valid file', () => {
    expect(loadScenario(valid()).ok).toBe(true);
  });

  it.each<[string, (x: Input) => void, string, RegExp]>([
    [
      'an unknown stakeholder',
      (x) => (talk(x).stakeholder = 'cfo'),
      'items[2].renegotiates.stakeholder',
      /unknown stakeholder "cfo"/,
    ],
    [
      'an item nobody asked for',
      (x) => (talk(x).item = 'small'),
      'items[2].renegotiates.item',
      /asks for no item "small"/,
    ],
    ['no new terms', (x) => delete talk(x).bySlot, 'items[2].renegotiates', /needs new terms/],
    [
      'a date that is not later',
      (x) => (talk(x).bySlot = 0),
      'items[2].renegotiates.bySlot',
      /later than the ask’s date/,
    ],
    [
      'a date past the horizon',
      (x) => (talk(x).bySlot = 3),
      'items[2].renegotiates.bySlot',
      /past the horizon/,
    ],
    [
      'an unknown scope',
      (x) => (talk(x).scope = 'nope'),
      'items[2].renegotiates.scope',
      /unknown item "nope"/,
    ],
    [
      'the asked item as its own scope',
      (x) => (talk(x).scope = 'big'),
      'items[2].renegotiates.scope',
      /another item/,
    ],
    [
      'a trust cost of 1 (no better than a silent miss)',
      (x) => (talk(x).trust = 1),
      'items[2].renegotiates.trust',
      /./,
    ],
    ['a free renegotiation', (x) => (talk(x).trust = 0), 'items[2].renegotiates.trust', /./],
    [
      'two renegotiations of one ask',
      (x) =>
        x.items.push(
          item('talk2', 1, {
            renegotiates: { stakeholder: 'ceo', item: 'big', bySlot: 1, trust: 0.5 },
          }),
        ),
      'items[3].renegotiates',
      /already renegotiated/,
    ],
  ])('refuses %s, naming the field', (_, edit, path, message) => {
    const x = valid();
    edit(x);
    const result = loadScenario(x);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.path === path);
    expect(issue?.message).toMatch(message);
  });
});
