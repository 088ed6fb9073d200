import { describe, expect, it } from 'vitest';
import {
  compile,
  computeLenses,
  findItem,
  forecastCapacity,
  orderBy,
  packOrder,
  simulate,
  STRATEGIES,
  strategyPlans,
} from '../../src/engine/index.ts';
import { shipped } from './helpers.ts';

describe('framework lenses', () => {
  const s = shipped('big-customer');
  const rows = computeLenses(compile(s));

  it('computes RICE as reach × impact × confidence ÷ effort, with the stated confidence', () => {
    const ai = rows.find((r) => r.id === 'ai-assistant')!;
    // reach 6000, impact 3, stated confidence 80% (not the true 35%), effort 24.
    expect(ai.rice).toBeCloseTo((6000 * 3 * 0.8) / 24);
    const patch = rows.find((r) => r.id === 'patch-pdf')!;
    expect(patch.rice).toBe(0); // infrastructure has no reach: the RICE trap
  });

  it('computes WSJF on a relative Fibonacci job size', () => {
    const patch = rows.find((r) => r.id === 'patch-pdf')!;
    expect(patch.inputs.jobSize).toBe(1);
    expect(patch.wsjf).toBeCloseTo((1 + 8 + 13) / 1);
  });

  it('estimates cost of delay in dollars by simulation: a late patch costs money', () => {
    const patch = rows.find((r) => r.id === 'patch-pdf')!;
    const darkMode = rows.find((r) => r.id === 'dark-mode')!;
    expect(patch.costOfDelay).toBeGreaterThan(50_000);
    expect(patch.cd3).toBeGreaterThan(darkMode.cd3);
  });

  it('orders by a lens with ties in scenario order', () => {
    const order = orderBy(rows, 'rice');
    const rice = order.map((id) => rows.find((r) => r.id === id)!.rice);
    expect(rice).toEqual([...rice].sort((a, b) => b - a));
    // Zero-reach items tie at 0 and keep their scenario order.
    const zero = order.filter((id) => rows.find((r) => r.id === id)!.rice === 0);
    expect(zero).toEqual(rows.filter((r) => r.rice === 0).map((r) => r.id));
  });
});

describe('strategy battery', () => {
  const s = shipped('big-customer');
  const c = compile(s);
  const plans = strategyPlans(c);

  it('produces a plan for every strategy', () => {
    expect(Object.keys(plans).sort()).toEqual(STRATEGIES.map((x) => x.id).sort());
    expect(plans['do-nothing'].slots.flat()).toEqual([]);
  });

  it('plans every item at most once', () => {
    for (const plan of Object.values(plans)) {
      const ids = plan.slots.flat();
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('places prerequisites no later than their dependents', () => {
    for (const plan of Object.values(plans)) {
      const sso = findItem(plan, 'sso');
      const base = findItem(plan, 'user-model');
      if (sso)
        expect(
          base && base.slot <= sso.slot && (base.slot < sso.slot || base.index < sso.index),
        ).toBe(true);
    }
  });

  it('packs within forecast capacity, except an item bigger than any slot', () => {
    const budgets = forecastCapacity(c);
    const biggest = Math.max(...budgets);
    const plan = packOrder(
      c,
      s.items.map((i) => i.id),
    );
    plan.slots.forEach((ids, slot) => {
      const efforts = ids.map((id) => s.items.find((i) => i.id === id)!.effort);
      const fitting = efforts.filter((e) => e <= biggest).reduce((a, e) => a + e, 0);
      expect(fitting).toBeLessThanOrEqual(budgets[slot]! + 1e-9);
    });
  });

  it('has no single strategy that is best on every metric', () => {
    const outcomes = STRATEGIES.map((x) => simulate(s, plans[x.id]));
    const metrics = Object.keys(outcomes[0]!.metrics).filter(
      (m) => outcomes[0]!.metrics[m as 'revenue'] !== null,
    ) as 'revenue'[];
    const bestAt = metrics.map((m) =>
      outcomes.reduce((a, b) => ((b.metrics[m] ?? 0) > (a.metrics[m] ?? 0) ? b : a)),
    );
    expect(new Set(bestAt).size).toBeGreaterThan(1);
  });
});
