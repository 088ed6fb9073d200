/**
 * "Every change is recorded with its cause, so the app can explain it" (docs/model.md): in every
 * slot, the change of ARR, of satisfaction and of debt is the sum of the causes the run records
 * for it. A change made without its cause (or a cause with the wrong size) breaks the sum.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../../../src/engine/compile.ts';
import { seededChoice } from '../../../src/engine/expected.ts';
import { simulate, type Outcome, type SlotTrace } from '../../../src/engine/index.ts';
import { strategyPlans } from '../../../src/engine/strategies.ts';
import { scenarioFiles, shipped } from '../helpers.ts';
import { causeTotal, item, plan, quarters, run, runWith, scenario, slot } from './build.ts';

const TARGETS = [
  { target: 'arr', change: (t: SlotTrace) => t.arrEnd - t.arrStart },
  { target: 'csat', change: (t: SlotTrace) => t.csatEnd - t.csatStart },
  { target: 'debt', change: (t: SlotTrace) => t.debtEnd - t.debtStart },
] as const;

const sum = (t: SlotTrace, target: string) =>
  t.causes.filter((c) => c.target === target).reduce((total, c) => total + c.delta, 0);

/** Each slot's unexplained change per target, relative to the size of what it changed. */
function gaps(out: Outcome): { slot: string; target: string; gap: number }[] {
  return out.slots.flatMap((t) =>
    TARGETS.map(({ target, change }) => {
      const scale = target === 'arr' ? Math.max(1, Math.abs(t.arrStart)) : 1;
      return { slot: t.label, target, gap: Math.abs(change(t) - sum(t, target)) / scale };
    }),
  );
}

describe('the causes of a slot add up to its changes', () => {
  it('on every shipped scenario, for par and every strategy of the battery, in seeded runs', () => {
    let checked = 0;
    for (const file of scenarioFiles()) {
      const s = shipped(file.replace(/\.json$/, ''));
      const plans = [s.par!.plan, ...Object.values(strategyPlans(compile(s)))];
      for (const p of plans)
        for (const seed of [1, 2, 3]) {
          const out = simulate(s, p, { mode: 'seeded', seed });
          for (const g of gaps(out)) {
            if (g.gap > 1e-9)
              throw new Error(`${s.id} seed ${seed} ${g.slot} ${g.target}: ${g.gap}`);
            checked++;
          }
        }
    }
    // 17 scenarios × 11 plans × 3 seeds × their slots × 3 targets.
    expect(checked).toBeGreaterThan(5000);
  });

  it('the ledger is the sum of its slots, and every slot accounts for all of its capacity', () => {
    for (const file of scenarioFiles()) {
      const s = shipped(file.replace(/\.json$/, ''));
      const plans = [s.par!.plan, ...Object.values(strategyPlans(compile(s)))];
      for (const p of plans)
        for (const options of [
          { mode: 'expected' as const },
          { mode: 'seeded' as const, seed: 3 },
        ]) {
          const out = simulate(s, p, options);
          const l = out.ledger;
          const scale = Math.max(1, l.revenue);
          const total = (f: (t: SlotTrace) => number) => out.slots.reduce((a, t) => a + f(t), 0);
          const pairs: [number, number][] = [
            [total((t) => t.revenue), l.revenue],
            [total((t) => t.outageCost), l.outage],
            [total((t) => t.overloadLoss), l.overload],
            [total((t) => t.breachCost), l.breach],
            [total((t) => t.fines), l.fines],
            [total((t) => t.fees), l.fees],
            [total((t) => t.cascadeLoss), l.cascade],
            [
              l.revenue -
                l.outage -
                l.overload -
                l.breach -
                l.fines -
                l.fees -
                l.cascade +
                l.terminal -
                l.debtCarry -
                l.openRisk -
                l.overloadAhead,
              l.net,
            ],
          ];
          for (const [a, b] of pairs) expect(Math.abs(a - b) / scale).toBeLessThan(1e-9);
          // Capacity: keep-the-lights-on, drag, firefighting, thrash, delivered and idle.
          for (const t of out.slots)
            expect(
              t.ktlo + t.dragLost + t.firefighting + t.thrash + t.delivered + t.slack,
            ).toBeCloseTo(t.capacity, 9);
        }
    }
  });

  it('a slot whose overheads exceed it spends all of it on them and reports the shortfall', () => {
    // 10 points a quarter against 12 of keep-the-lights-on: 10 go to it, 2 are short, none is
    // delivered or idle.
    const out = run(scenario({ team: { capacity: 10, ktlo: 12 } }), ['a']);
    for (const t of out.slots)
      expect([t.ktlo, t.shortfall, t.delivered, t.slack, t.effectiveCapacity]).toEqual([
        10, 2, 0, 0, 0,
      ]);
  });

  /** A region outage from Q1, 20% a quarter, costing $1M, 4 satisfaction points and 300 minutes. */
  const P = 0.2;
  const outage = scenario(
    {
      time: { labels: quarters(3), slotsPerYear: 4 },
      reliability: { costPerMinute: 10 },
      events: [
        {
          id: 'outage',
          title: 'Region outage',
          kind: 'cascade',
          fromSlot: 0,
          probability: P,
          loss: 1_000_000,
          csat: 4,
          downtimeMinutes: 300,
          mitigations: [],
        },
      ],
    },
    [item('a', 5)],
  );

  it('a cascade that strikes records its satisfaction toll as its own cause', () => {
    let struck = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const dice = seededChoice(compile(outage), seed).dice[0]!;
      const out = runWith(outage, plan(outage, ['a']), { mode: 'seeded', seed });
      for (let t = 0; t < 3; t++) {
        const hit = dice[t]! < P ? 1 : 0;
        struck += hit;
        expect(causeTotal(slot(out, t), 'csat', 'cascade outage')).toBe(hit ? -4 : 0);
        expect(causeTotal(slot(out, t), 'money', 'cascade outage')).toBe(hit ? -1_000_000 : 0);
      }
      expect(gaps(out).every((g) => g.gap < 1e-12)).toBe(true);
    }
    // The seeds give outages that struck.
    expect(struck).toBeGreaterThan(0);
  });

  it('in expected mode the toll is the chance times the cost, every slot', () => {
    const out = runWith(outage, plan(outage, ['a']), { mode: 'expected' });
    for (let t = 0; t < 3; t++) {
      expect(causeTotal(slot(out, t), 'csat', 'cascade outage')).toBeCloseTo(-P * 4, 12);
      // The quiet world moves satisfaction by nothing else (item a carries no satisfaction).
      expect(slot(out, t).csatEnd - slot(out, t).csatStart).toBeCloseTo(-P * 4, 12);
    }
  });
});
