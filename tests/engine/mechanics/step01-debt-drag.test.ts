/**
 * Step 1 of a slot (docs/model.md): debt drag and effective capacity.
 *   drag = D / (D + H);  C0 = max(0, capacity·(1 − drag) − KTLO − firefighting)
 * KTLO defaults to `ktloShare` of capacity; firefighting is the previous slot's incidents times
 * `firefightingPerIncident`.
 */
import { describe, expect, it } from 'vitest';

import { K, item, quarters, run, scenario, slot } from './build.ts';

/** The formula of step 1. */
function expectedDrag(debt: number, H = K.debtHalf): number {
  return debt / (debt + H);
}
function expectedEffectiveCapacity(p: {
  capacity: number;
  debt: number;
  ktlo: number;
  firefighting?: number;
}): { dragLost: number; c0: number; shortfall: number } {
  const dragLost = p.capacity * expectedDrag(p.debt);
  const raw = p.capacity - dragLost - p.ktlo - (p.firefighting ?? 0);
  return { dragLost, c0: Math.max(0, raw), shortfall: Math.max(0, -raw) };
}

describe('step 1: debt drag and effective capacity', () => {
  it('loses D/(D+H) of capacity to debt, then keep-the-lights-on', () => {
    const s = scenario({
      team: { capacity: 20, ktlo: 3 },
      start: { arr: 1_000_000, csat: 70, debt: 25 },
    });
    const t0 = slot(run(s), 0);
    const want = expectedEffectiveCapacity({ capacity: 20, debt: 25, ktlo: 3 });
    expect(t0.drag).toBeCloseTo(expectedDrag(25), 12);
    expect(t0.dragLost).toBeCloseTo(want.dragLost, 12);
    expect(t0.effectiveCapacity).toBeCloseTo(want.c0, 12);
    expect(t0.ktlo).toBe(3);
    expect(t0.shortfall).toBe(0);
    expect(t0.debtStart).toBe(25);
  });

  it('uses the drag of the debt at the start of each slot', () => {
    // A paydown finishing in Q1 lowers Q2's drag: 40 − 30 = 10 points of debt.
    const s = scenario(
      { team: { capacity: 20, ktlo: 0 }, start: { arr: 1_000_000, csat: 70, debt: 40 } },
      [item('pay', 4, { type: 'debt', effects: { debtRemove: 30 } })],
    );
    const out = run(s, ['pay']);
    expect(slot(out, 0).drag).toBeCloseTo(expectedDrag(40), 12);
    expect(slot(out, 1).debtStart).toBeCloseTo(10, 12);
    expect(slot(out, 1).effectiveCapacity).toBeCloseTo(
      expectedEffectiveCapacity({ capacity: 20, debt: 10, ktlo: 0 }).c0,
      12,
    );
  });

  it('takes keep-the-lights-on as ktloShare of capacity when the scenario gives none', () => {
    const s = scenario({ team: { capacity: 30 } });
    const t0 = slot(run(s), 0);
    expect(t0.ktlo).toBeCloseTo(30 * K.ktloShare, 12);
    expect(t0.effectiveCapacity).toBeCloseTo(30 * (1 - K.ktloShare), 12);
  });

  it('reads capacity and KTLO per slot when given as lists', () => {
    const s = scenario({
      time: { labels: quarters(3), slotsPerYear: 4 },
      team: { capacity: [10, 20, 16], ktlo: [2] },
    });
    const out = run(s);
    // A list of one value holds for every slot.
    expect(out.slots.map((t) => t.capacity)).toEqual([10, 20, 16]);
    expect(out.slots.map((t) => t.ktlo)).toEqual([2, 2, 2]);
    expect(out.slots.map((t) => t.effectiveCapacity)).toEqual([8, 18, 14]);
  });

  it('never goes below zero: what KTLO cannot get is the shortfall', () => {
    // 10 points, half lost to drag (D = H), KTLO 8: only 5 points are left for KTLO.
    const s = scenario({
      team: { capacity: 10, ktlo: 8 },
      start: { arr: 1_000_000, csat: 70, debt: K.debtHalf },
    });
    const t0 = slot(run(s), 0);
    const want = expectedEffectiveCapacity({ capacity: 10, debt: K.debtHalf, ktlo: 8 });
    expect(want.c0).toBe(0);
    expect(t0.effectiveCapacity).toBe(0);
    expect(t0.shortfall).toBeCloseTo(want.shortfall, 12);
    expect(t0.ktlo).toBeCloseTo(10 - want.dragLost, 12);
    expect(t0.delivered).toBe(0);
  });

  it("loses the previous slot's incidents times firefightingPerIncident", () => {
    // No demand: utilization sits at ρref, so λ = λ0 per quarter with no debt.
    const s = scenario({ constants: { incidentBase: K.incidentBase } });
    const out = run(s);
    const incidents = slot(out, 0).incidents;
    expect(incidents).toBeCloseTo(K.incidentBase, 12);
    expect(slot(out, 0).firefighting).toBe(0);
    const ff = incidents * K.firefightingPerIncident;
    expect(slot(out, 1).firefighting).toBeCloseTo(ff, 12);
    expect(slot(out, 1).effectiveCapacity).toBeCloseTo(
      expectedEffectiveCapacity({ capacity: 10, debt: 0, ktlo: 0, firefighting: ff }).c0,
      12,
    );
  });

  it('adds up the year: delivered + drag + thrash + firefighting + KTLO + slack = capacity', () => {
    const s = scenario(
      {
        team: { capacity: 20, ktlo: 2 },
        start: { arr: 1_000_000, csat: 70, debt: 30 },
        constants: { incidentBase: K.incidentBase },
      },
      [item('a', 12), item('b', 9)],
    );
    const { totals } = run(s, ['a', 'b']);
    const parts =
      totals.delivered +
      totals.dragLost +
      totals.thrash +
      totals.firefighting +
      totals.ktlo +
      totals.slack;
    expect(totals.capacity).toBe(40);
    expect(parts).toBeCloseTo(totals.capacity, 9);
  });
});
