/**
 * Step 5 of a slot (docs/model.md): on completion at τ,
 *   ARR += arr·confidence·U(τ), U = 1 (standard), (1 − rate)^late (decay, late = τ − startSlot,
 *   fractional), 1 or lateFactor (deadline: on time when τ ≤ slot + 1; a one-off penalty when
 *   missed); CSAT += csat; debt += debtAdd − E·debtRemove, never below the floor unless already
 *   there. (System capacity, incident rate, breach posture, vulnerabilities, obligations and fees
 *   are checked in the files of the steps that use them.)
 */
import { describe, expect, it } from 'vitest';

import { K, causeTotal, item, itemOf, quarters, run, scenario, slot } from './build.ts';

/** The urgency factor U(τ) of step 5. */
function expectedDecay(tau: number, startSlot: number, rate: number): number {
  const late = tau - startSlot;
  return late > 0 ? Math.pow(1 - rate, late) : 1;
}
function expectedDeadlineFactor(tau: number, deadlineSlot: number, lateFactor: number): number {
  return tau <= deadlineSlot + 1 ? 1 : lateFactor;
}
/** Debt after a completion: paydown stops at the floor unless debt is already below it. */
function expectedDebtAfter(
  debt: number,
  add: number,
  remove: number,
  floor = K.debtFloor,
  efficiency = K.paydownEfficiency,
): number {
  return Math.max(Math.min(debt, floor), debt + add - efficiency * remove);
}

describe('step 5: what a completion changes', () => {
  it('adds ARR × confidence for a standard item', () => {
    const s = scenario({}, [item('a', 5, { value: { arr: 400_000, confidence: 0.6 } })]);
    const t0 = slot(run(s, ['a']), 0);
    expect(causeTotal(t0, 'arr', 'completion')).toBeCloseTo(400_000 * 0.6, 6);
    expect(t0.arrEnd - t0.arrStart).toBeCloseTo(400_000 * 0.6, 6);
  });

  it('decays a late item’s value by the fraction of a slot it is late', () => {
    // 15 points on 10 per quarter (no thrash: planned over two slots) → done at τ = 1.5,
    // 1.5 slots after the decay starts.
    const s = scenario({ constants: { thrash: 0 } }, [
      item('a', 15, {
        value: { arr: 400_000 },
        urgency: { kind: 'decay', startSlot: 0, rate: 0.2 },
      }),
    ]);
    const out = run(s, ['a']);
    const a = itemOf(out, 'a');
    expect(a.completedAt).toBeCloseTo(1.5, 12);
    const u = expectedDecay(1.5, 0, 0.2);
    expect(a.valueFactor).toBeCloseTo(u, 12);
    expect(causeTotal(slot(out, 1), 'arr', 'completion')).toBeCloseTo(400_000 * u, 6);
  });

  it('keeps the full value of a decaying item done before its decay starts', () => {
    const s = scenario({}, [
      item('a', 5, {
        value: { arr: 400_000 },
        urgency: { kind: 'decay', startSlot: 1, rate: 0.5 },
      }),
    ]);
    expect(itemOf(run(s, ['a']), 'a').valueFactor).toBe(expectedDecay(0.5, 1, 0.5));
  });

  it('counts decay from the start slot: done at τ = 0.3 of a decay starting at 0', () => {
    const s = scenario({}, [
      item('a', 3, {
        value: { arr: 100_000 },
        urgency: { kind: 'decay', startSlot: 0, rate: 0.5 },
      }),
    ]);
    expect(itemOf(run(s, ['a']), 'a').valueFactor).toBeCloseTo(expectedDecay(0.3, 0, 0.5), 12);
  });

  it('keeps a deadline item’s full value up to the end of its slot, exactly', () => {
    const deadline = { kind: 'deadline' as const, slot: 0, lateFactor: 0.25, penalty: 50_000 };
    const s = scenario({}, [item('a', 10, { value: { arr: 400_000 }, urgency: deadline })]);
    const out = run(s, ['a']);
    expect(itemOf(out, 'a').completedAt).toBeCloseTo(1, 12);
    expect(itemOf(out, 'a').valueFactor).toBe(expectedDeadlineFactor(1, 0, 0.25));
    expect(out.ledger.fines).toBe(0);
  });

  it('keeps only the late factor of a deadline item done late, and charges the penalty once', () => {
    const deadline = { kind: 'deadline' as const, slot: 0, lateFactor: 0.25, penalty: 50_000 };
    const s = scenario({ constants: { thrash: 0 } }, [
      item('a', 15, { value: { arr: 400_000 }, urgency: deadline }),
    ]);
    const out = run(s, ['a']);
    expect(itemOf(out, 'a').valueFactor).toBe(expectedDeadlineFactor(1.5, 0, 0.25));
    expect(causeTotal(slot(out, 1), 'arr', 'completion')).toBeCloseTo(400_000 * 0.25, 6);
    // The penalty is charged at the end of the deadline slot, once.
    expect(slot(out, 0).fines).toBe(50_000);
    expect(slot(out, 1).fines).toBe(0);
    expect(out.ledger.fines).toBe(50_000);
  });

  it('charges a missed deadline’s penalty even when the item is never done', () => {
    const s = scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, [
      item('a', 5, { urgency: { kind: 'deadline', slot: 1, penalty: 70_000 } }),
    ]);
    const out = run(s);
    expect(out.slots.map((t) => t.fines)).toEqual([0, 70_000, 0]);
  });

  it('adds the item’s CSAT at completion', () => {
    const s = scenario({}, [
      item('a', 5, { value: { csat: 4 } }),
      item('b', 2, { value: { csat: -1.5 } }),
    ]);
    const t0 = slot(run(s, ['a', 'b']), 0);
    expect(t0.csatEnd).toBeCloseTo(70 + 4 - 1.5, 12);
    expect(causeTotal(t0, 'csat', 'completion')).toBeCloseTo(2.5, 12);
  });

  it('pays debt down, but never below the floor', () => {
    const s = scenario({ start: { arr: 1_000_000, csat: 70, debt: 30 } }, [
      item('pay', 2, { type: 'debt', effects: { debtRemove: 50 } }),
    ]);
    const t0 = slot(run(s, ['pay']), 0);
    expect(t0.debtEnd).toBe(expectedDebtAfter(30, 0, 50));
    expect(t0.debtEnd).toBe(K.debtFloor);
  });

  it('leaves debt already below the floor where it is', () => {
    const s = scenario({ start: { arr: 1_000_000, csat: 70, debt: 4 } }, [
      item('pay', 2, { type: 'debt', effects: { debtRemove: 3 } }),
    ]);
    expect(slot(run(s, ['pay']), 0).debtEnd).toBe(expectedDebtAfter(4, 0, 3));
  });

  it('adds debt, and pays down at the paydown efficiency', () => {
    const s = scenario(
      { start: { arr: 1_000_000, csat: 70, debt: 40 }, constants: { paydownEfficiency: 0.5 } },
      [
        item('hack', 2, { effects: { debtAdd: 12 } }),
        item('pay', 2, { type: 'debt', effects: { debtRemove: 20 } }),
      ],
    );
    const t0 = slot(run(s, ['hack', 'pay']), 0);
    const afterHack = expectedDebtAfter(40, 12, 0, K.debtFloor, 0.5);
    expect(t0.debtEnd).toBeCloseTo(expectedDebtAfter(afterHack, 0, 20, K.debtFloor, 0.5), 12);
    expect(causeTotal(t0, 'debt', 'completion')).toBeCloseTo(12 - 0.5 * 20, 12);
  });
});
