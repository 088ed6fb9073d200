/**
 * The over-commitment warning's detail: an item that alone is more than its slot can work, and
 * the items the carried-over points belong to. Numbers worked out from docs/model.md steps 1–3
 * and 12 on a hand-made scenario with no incidents (so no firefighting) and no starting debt: a
 * team of three streams, at most two on one item, so an item counts toward over-commitment up to
 * C0·2/3.
 */
import { describe, expect, it } from 'vitest';

import { columnForecasts, planWarnings, type PlanWarning } from '../../src/explain/advice.ts';
import { loadScenario, simulate, type Plan, type Scenario } from '../../src/engine/index.ts';

const loaded = loadScenario(
  JSON.stringify({
    schemaVersion: 2,
    id: 'oversize',
    title: 'Oversize',
    brief: 'A team of three streams.',
    industry: 'Test',
    difficulty: 1,
    minutes: 5,
    time: { labels: ['Q1', 'Q2', 'Q3'], slotsPerYear: 4 },
    team: { capacity: 20, ktlo: 2, streams: 3 },
    start: { arr: 1_000_000, csat: 70, debt: 0 },
    constants: { incidentBase: 0 },
    scoring: { weights: { revenue: 1, csat: 1 } },
    items: [
      { id: 'rewrite', title: 'Billing rewrite', type: 'debt', effort: 30 },
      { id: 'small', title: 'Small fix', type: 'debt', effort: 8 },
      { id: 'later', title: 'Partner API', type: 'debt', effort: 8, notBefore: 2 },
      { id: 'a', title: 'Feature A', type: 'debt', effort: 8 },
      { id: 'b', title: 'Feature B', type: 'debt', effort: 8 },
      { id: 'c', title: 'Feature C', type: 'debt', effort: 8 },
    ],
  }),
);
if (!loaded.ok) throw new Error(loaded.issues.map((e) => `${e.path}: ${e.message}`).join('; '));
const s: Scenario = loaded.scenario;

const plan = (...slots: string[][]): Plan => ({
  slots: s.time.labels.map((_, i) => slots[i] ?? []),
});
const over = (p: Plan): PlanWarning[] =>
  planWarnings(s, p, simulate(s, p)).filter((w) => w.kind === 'overcommit');

describe('the over-commitment warning says why', () => {
  // Q1: C0 = 20 − 2 = 18 (no debt, no firefighting); an item counts up to 18·2/3 = 12.
  it('is silent about one big item worked at full pace: it runs on, but is no over-commitment', () => {
    const p = plan(['rewrite']);
    expect(over(p)).toEqual([]);
    const [q1] = columnForecasts(s, p, simulate(s, p));
    expect(q1?.overBy).toBeCloseTo(30 - 18, 9);
    expect(q1?.overcommit).toBe(0);
    expect(q1?.thrash).toBe(0);
  });

  // The rewrite counts 12 and the fix 8: o = 20/18 − 1 = 1/9, C = 18/(1 + 0.25/9) = 17.51, thrash
  // 0.49. Three streams for two items: the rewrite gets two (11.68 points in Q1), the fix one
  // (5.84 of its 8). Pressure adds 0.15·(1/9)·17.51 = 0.29 debt, so Q2's C0 = 20·(1 − 0.29/100.29)
  // − 2 = 17.94 and an item counts up to 11.96: the fix's 2.16 and the rewrite's 11.96 fit. The
  // fix ends 2.16/5.98 = 0.36 into Q2, the rewrite goes on at two streams (11.96 a quarter) with
  // 18.32 − 11.96 = 6.36 left at the end of Q2 (one stream idle), and ends 6.36/12 ≈ 0.53 into Q3.
  it('names an item that alone is more than its slot holds, what it counts for, and when it finishes', () => {
    const [q1] = over(plan(['rewrite', 'small']));
    expect(q1?.slot).toBe(0);
    expect(q1?.message).toBe(
      'Q1 is over-committed: 38 points queued for 18 points of effective capacity; thrash costs about 0.5 points.',
    );
    expect(q1?.detail).toBe(
      '“Billing rewrite” alone is 30 points, more than Q1 holds; it counts only as what 2 of the team’s 3 streams can work on it, and runs on: forecast to finish mid Q3.',
    );
  });

  // Q2 queues the rewrite's 18.32, the fix's 2.16 and feature A's 8 (28.5, 20.5 carried over);
  // they count 11.96 + 2.16 + 8 = 22.1 against 17.94: over-committed.
  it('names the items whose unfinished work is carried into a slot', () => {
    const warnings = over(plan(['rewrite', 'small'], ['a']));
    expect(warnings.map((w) => w.slot)).toEqual([0, 1]);
    expect(warnings[1]?.message).toMatch(
      /^Q2 is over-committed: 28\.5 points queued \(20\.5 carried over\)/,
    );
    expect(warnings[1]?.detail).toBe('Carried over: “Billing rewrite” and “Small fix”.');
  });

  // The partner API may not start before Q3, so no slot before it counts it (docs/model.md step
  // 2): Q1's and Q2's figures are the same as above, and it is not named as carried over.
  it('names only what the slot’s load counts: not an item that may not start yet', () => {
    const warnings = over(plan(['rewrite', 'small', 'later'], ['a']));
    expect(warnings[0]?.message).toMatch(/^Q1 is over-committed: 38 points queued/);
    expect(warnings[1]?.message).toMatch(
      /^Q2 is over-committed: 28\.5 points queued \(20\.5 carried over\)/,
    );
    expect(warnings[1]?.detail).toBe('Carried over: “Billing rewrite” and “Small fix”.');
  });

  it('says nothing more when several items that each fit over-commit the slot', () => {
    const [q1] = over(plan(['a', 'b', 'c']));
    expect(q1?.message).toMatch(/^Q1 is over-committed: 24 points queued/);
    expect(q1).not.toHaveProperty('detail');
  });
});
