/**
 * The over-commitment warning's detail: an item that alone is more than its slot can work, and
 * the items the carried-over points belong to. Numbers worked out from docs/model.md steps 1–3
 * and 12 on a hand-made scenario with no incidents (so no firefighting) and no starting debt.
 */
import { describe, expect, it } from 'vitest';

import { planWarnings, type PlanWarning } from '../../src/explain/advice.ts';
import { loadScenario, simulate, type Plan, type Scenario } from '../../src/engine/index.ts';

const loaded = loadScenario(
  JSON.stringify({
    schemaVersion: 2,
    id: 'oversize',
    title: 'Oversize',
    brief: 'A team of two streams.',
    industry: 'Test',
    difficulty: 1,
    minutes: 5,
    time: { labels: ['Q1', 'Q2', 'Q3'], slotsPerYear: 4 },
    team: { capacity: 20, ktlo: 2 },
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
  // Q1: C0 = 20 − 2 = 18 (no debt, no firefighting); the rewrite's 30 points over-commit it by
  // o = 30/18 − 1 = 2/3, so C = 18 / (1 + 0.25·2/3) = 15.43 and 14.57 points are left for Q2.
  // Pressure adds 0.15·(2/3)·15.43 = 1.54 points of debt: Q2's drag is 1.54/101.54, so
  // C0 = 20·(1 − 0.0152) − 2 = 17.70, and the rest lands at 1 + 14.57/17.70 = 1.82: late Q2.
  it('names an item that alone is more than its slot can work, and when it finishes', () => {
    const [q1] = over(plan(['rewrite']));
    expect(q1?.slot).toBe(0);
    expect(q1?.detail).toBe(
      '“Billing rewrite” alone is 30 points, more than Q1 holds: forecast to finish late Q2.',
    );
  });

  // Q2 queues the rewrite's 14.57 points and the fix's 8: 22.57 for 17.70.
  it('names the items whose unfinished work is carried into a slot', () => {
    const warnings = over(plan(['rewrite'], ['small']));
    expect(warnings.map((w) => w.slot)).toEqual([0, 1]);
    expect(warnings[1]?.message).toMatch(
      /^Q2 is over-committed: 22\.6 points queued \(14\.6 carried over\)/,
    );
    expect(warnings[1]?.detail).toBe('Carried over: “Billing rewrite”.');
  });

  // The partner API may not start before Q3, so no slot before it counts it (docs/model.md step
  // 2): Q2's figures are the same as above, and it is not named as carried over.
  it('names only what the slot’s load counts: not an item that may not start yet', () => {
    const warnings = over(plan(['rewrite', 'later'], ['small']));
    expect(warnings[1]?.message).toMatch(
      /^Q2 is over-committed: 22\.6 points queued \(14\.6 carried over\)/,
    );
    expect(warnings[1]?.detail).toBe('Carried over: “Billing rewrite”.');
  });

  it('says nothing more when several items that each fit over-commit the slot', () => {
    const [q1] = over(plan(['a', 'b', 'c']));
    expect(q1?.message).toMatch(/^Q1 is over-committed: 24 points queued/);
    expect(q1).not.toHaveProperty('detail');
  });
});
