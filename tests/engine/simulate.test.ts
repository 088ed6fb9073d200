import { describe, expect, it } from 'vitest';
import {
  createEvaluator,
  emptyPlan,
  loadScenario,
  placeItem,
  simulate,
  type Plan,
  type ScenarioInput,
} from '../../src/engine/index.ts';
import { shipped } from './helpers.ts';

/** A minimal scenario to check single mechanisms by hand. */
function tiny(extra: Partial<ScenarioInput> = {}, items: ScenarioInput['items'] = []) {
  const input: ScenarioInput = {
    schemaVersion: 2,
    id: 'tiny',
    title: 'Tiny',
    brief: '',
    industry: 'Test',
    difficulty: 1,
    minutes: 1,
    time: { labels: ['Q1', 'Q2'], slotsPerYear: 4 },
    team: { capacity: 10, ktlo: 0 },
    start: { arr: 4_000_000, csat: 70, debt: 0 },
    scoring: { weights: { revenue: 1 } },
    items:
      items.length > 0
        ? items
        : [{ id: 'a', title: 'A', type: 'feature', effort: 5, value: { arr: 400_000 } }],
    ...extra,
  };
  const result = loadScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

const plan = (...slots: string[][]): Plan => ({ slots });

describe('simulate: capacity', () => {
  it('loses capacity to debt drag as D/(D+H) and to keep-the-lights-on', () => {
    const s = tiny({ start: { arr: 0, csat: 70, debt: 100 }, team: { capacity: 20, ktlo: 3 } });
    const out = simulate(s, emptyPlan(s));
    expect(out.slots[0]!.drag).toBeCloseTo(0.5);
    expect(out.slots[0]!.dragLost).toBeCloseTo(10);
    expect(out.slots[0]!.effectiveCapacity).toBeCloseTo(20 - 10 - 3);
  });

  it('finishes an item at the fraction of the slot its effort takes', () => {
    const s = tiny();
    const out = simulate(s, plan(['a'], []));
    expect(out.items[0]!.completedAt).toBeCloseTo(0.5); // 5 of 10 points
    expect(out.slots[0]!.delivered).toBeCloseTo(5);
    expect(out.slots[0]!.slack).toBeCloseTo(5);
  });

  it('thrashes and spills when a slot is over-committed', () => {
    const items: ScenarioInput['items'] = [
      { id: 'a', title: 'A', type: 'feature', effort: 10 },
      { id: 'b', title: 'B', type: 'feature', effort: 10 },
    ];
    const s = tiny({}, items);
    const out = simulate(s, plan(['a', 'b'], []));
    // W = 20 on C0 = 10: o = 1, C = 10 / 1.25 = 8.
    expect(out.slots[0]!.overcommit).toBeCloseTo(1);
    expect(out.slots[0]!.workingCapacity).toBeCloseTo(8);
    // Two streams, two items: each gets C/2 = 4 of Q1, so both spill into Q2.
    expect(out.slots[0]!.delivered).toBeCloseTo(8);
    expect(out.items.find((i) => i.id === 'a')!.completedAt ?? Infinity).toBeGreaterThan(1);
    expect(out.items.find((i) => i.id === 'b')!.completedAt ?? Infinity).toBeGreaterThan(1);
    // Pressure adds debt: φ·o·C = 0.15 · 1 · 8.
    expect(out.slots[0]!.causes.find((c) => c.mechanism === 'pressure')!.delta).toBeCloseTo(1.2);
  });

  it('never starts an item before its planned slot or before its prerequisite finishes', () => {
    const items: ScenarioInput['items'] = [
      { id: 'base', title: 'Base', type: 'debt', effort: 8 },
      { id: 'top', title: 'Top', type: 'feature', effort: 2, dependsOn: ['base'] },
    ];
    const s = tiny({}, items);
    const out = simulate(s, plan(['top'], ['base']));
    const base = out.items.find((i) => i.id === 'base')!;
    const top = out.items.find((i) => i.id === 'top')!;
    expect(base.startedAt).toBeGreaterThanOrEqual(1);
    expect(top.startedAt).toBeGreaterThanOrEqual(base.completedAt!);
  });
});

describe('simulate: value and urgency', () => {
  it('adds ARR × confidence at completion and earns it for the rest of the horizon', () => {
    const s = tiny({}, [
      { id: 'a', title: 'A', type: 'feature', effort: 5, value: { arr: 400_000, confidence: 0.5 } },
    ]);
    const out = simulate(s, plan(['a'], []));
    const none = simulate(s, emptyPlan(s));
    const added = out.slots[0]!.causes.find((c) => c.target === 'arr' && c.item === 'a')!;
    expect(added.delta).toBeCloseTo(200_000);
    expect(out.metrics.revenue!).toBeGreaterThan(none.metrics.revenue!);
  });

  it('keeps only the late factor of a deadline item finished late, and charges the penalty', () => {
    const items: ScenarioInput['items'] = [
      {
        id: 'a',
        title: 'A',
        type: 'feature',
        effort: 5,
        value: { arr: 400_000 },
        urgency: { kind: 'deadline', slot: 0, lateFactor: 0.25, penalty: 100_000 },
      },
    ];
    const s = tiny({}, items);
    const onTime = simulate(s, plan(['a'], []));
    const late = simulate(s, plan([], ['a']));
    expect(onTime.items[0]!.valueFactor).toBe(1);
    expect(late.items[0]!.valueFactor).toBe(0.25);
    expect(late.ledger.fines).toBe(100_000);
    expect(onTime.ledger.fines).toBe(0);
  });

  it('decays the value of a decaying item per slot of lateness', () => {
    const items: ScenarioInput['items'] = [
      {
        id: 'a',
        title: 'A',
        type: 'feature',
        effort: 10,
        value: { arr: 400_000 },
        urgency: { kind: 'decay', startSlot: 0, rate: 0.5 },
      },
    ];
    const out = simulate(tiny({}, items), plan(['a'], []));
    // Finishes at τ = 1, one slot after the decay starts.
    expect(out.items[0]!.valueFactor).toBeCloseTo(0.5);
  });
});

describe('simulate: security', () => {
  const withVuln = (patchSlot: number) => {
    const s = tiny(
      {
        time: { labels: ['Q1', 'Q2', 'Q3', 'Q4'], slotsPerYear: 4 },
        security: {
          sle: 1_000_000,
          vulnerabilities: [{ id: 'v', title: 'V', cvss: 9.8, internetFacing: true }],
        },
      },
      [{ id: 'patch', title: 'Patch', type: 'security', effort: 2, effects: { closes: ['v'] } }],
    );
    return simulate(s, placeItem(emptyPlan(s), 'patch', patchSlot));
  };

  it('ramps the hazard of an open vulnerability and stops it when closed', () => {
    const late = withVuln(3);
    const p = late.slots.map((slot) => slot.breachProbability);
    expect(p[1]!).toBeGreaterThan(p[0]!);
    const early = withVuln(0);
    expect(early.slots[1]!.breachProbability).toBeLessThan(0.01);
    expect(early.metrics.security!).toBeGreaterThan(late.metrics.security!);
  });

  it('protects more of the slot when the patch finishes earlier in it (one stream)', () => {
    const s = tiny(
      {
        team: { capacity: 10, ktlo: 0, streams: 1 },
        security: {
          sle: 1_000_000,
          vulnerabilities: [{ id: 'v', title: 'V', cvss: 9.8, internetFacing: true }],
        },
      },
      [
        { id: 'patch', title: 'Patch', type: 'security', effort: 2, effects: { closes: ['v'] } },
        { id: 'big', title: 'Big', type: 'feature', effort: 6 },
      ],
    );
    const first = simulate(s, plan(['patch', 'big'], []));
    const last = simulate(s, plan(['big', 'patch'], []));
    expect(first.slots[0]!.breachProbability).toBeLessThan(last.slots[0]!.breachProbability);
  });

  it('starts a small patch at once wherever it sits in the slot when a stream is free', () => {
    const s = tiny(
      {
        team: { capacity: 12, ktlo: 0, streams: 3 },
        security: {
          sle: 1_000_000,
          vulnerabilities: [{ id: 'v', title: 'V', cvss: 9.8, internetFacing: true }],
        },
      },
      [
        { id: 'patch', title: 'Patch', type: 'security', effort: 1, effects: { closes: ['v'] } },
        { id: 'x', title: 'X', type: 'feature', effort: 4 },
        { id: 'y', title: 'Y', type: 'feature', effort: 4 },
      ],
    );
    const first = simulate(s, plan(['patch', 'x', 'y'], []));
    const last = simulate(s, plan(['x', 'y', 'patch'], []));
    // Three streams of 12/3 = 4 points a slot: the 1-point patch lands at τ = 1/4 either way.
    for (const out of [first, last])
      expect(out.items.find((i) => i.id === 'patch')!.completedAt).toBeCloseTo(0.25, 9);
    expect(last.slots[0]!.breachProbability).toBeCloseTo(first.slots[0]!.breachProbability, 12);
  });
});

describe('simulate: demand and reliability', () => {
  it('sheds demand above capacity and scaling work relieves it', () => {
    const s = tiny(
      { demand: { rho0: 1.2, growth: 0, peakShare: 0.5 }, reliability: { costPerMinute: 1000 } },
      [{ id: 'scale', title: 'Scale', type: 'scale', effort: 2, effects: { capacityAdd: 1 } }],
    );
    const none = simulate(s, emptyPlan(s));
    expect(none.slots[0]!.shed).toBeCloseTo(1 - 1 / 1.2);
    expect(none.ledger.overload).toBeGreaterThan(0);
    const scaled = simulate(s, plan(['scale'], []));
    expect(scaled.slots[1]!.utilization).toBeCloseTo(0.6);
    expect(scaled.slots[1]!.shed).toBe(0);
    expect(scaled.metrics.reliability!).toBeGreaterThan(none.metrics.reliability!);
  });
});

describe('simulate: determinism and modes', () => {
  const s = shipped('big-customer');
  const p: Plan = {
    slots: [
      ['patch-pdf', 'user-model', 'sso'],
      ['db-migration'],
      ['bulk-edit', 'runbooks'],
      ['audit-log'],
    ],
  };

  it('gives byte-identical outcomes for the same inputs', () => {
    expect(JSON.stringify(simulate(s, p, { mode: 'seeded', seed: 7 }))).toBe(
      JSON.stringify(simulate(s, p, { mode: 'seeded', seed: 7 })),
    );
    expect(JSON.stringify(simulate(s, p))).toBe(JSON.stringify(simulate(s, p)));
  });

  it('grades with an expected score that does not depend on the seed', () => {
    const a = simulate(s, p, { seed: 1 });
    const b = simulate(s, p, { seed: 999 });
    expect(a.score).toBe(b.score);
    expect(a.seed).toBeNull();
  });

  it('tells different stories for different seeds', () => {
    const scores = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) => simulate(s, p, { mode: 'seeded', seed }).score.toFixed(6)),
    );
    expect(scores.size).toBeGreaterThan(1);
  });

  it('scores with the fast evaluator exactly as simulate does', () => {
    expect(createEvaluator(s)(p)).toBe(simulate(s, p).score);
  });

  it('produces JSON without Infinity or NaN', () => {
    const text = JSON.stringify(simulate(s, p, { mode: 'seeded', seed: 3 }));
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(text)).toBeTruthy();
  });
});
