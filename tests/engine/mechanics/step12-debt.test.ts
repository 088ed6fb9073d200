/**
 * Step 12 of a slot (docs/model.md): debt interest, pressure and slack, at the end of the slot.
 *   D' = D·(1 + r) + φ·o·C;  then idle capacity pays debt down: D' −= σ·idle, never below the
 *   floor (debt already below the floor stays where it is).
 */
import { describe, expect, it } from 'vitest';

import { K, causeTotal, item, quarters, run, scenario, slot } from './build.ts';

/** The formula of step 12. */
function expectedDebtEnd(p: {
  debt: number;
  overcommit?: number;
  working?: number;
  idle?: number;
  r?: number;
  phi?: number;
  sigma?: number;
}): number {
  const grown =
    p.debt * (1 + (p.r ?? K.debtInterest)) +
    (p.phi ?? K.pressureDebt) * (p.overcommit ?? 0) * (p.working ?? 0);
  return Math.max(
    Math.min(grown, K.debtFloor),
    grown - (p.sigma ?? K.slackEfficiency) * (p.idle ?? 0),
  );
}

const debt = (d: number) => ({ arr: 1_000_000, csat: 70, debt: d });

describe('step 12: debt interest, pressure and slack', () => {
  it('grows debt by its interest every slot', () => {
    const s = scenario({
      start: debt(40),
      time: { labels: quarters(3), slotsPerYear: 4 },
      constants: { debtInterest: K.debtInterest },
      team: { capacity: 0 },
    });
    const out = run(s);
    const q1 = expectedDebtEnd({ debt: 40, sigma: 0 });
    expect(slot(out, 0).debtEnd).toBeCloseTo(q1, 12);
    expect(causeTotal(slot(out, 0), 'debt', 'interest')).toBeCloseTo(q1 - 40, 12);
    expect(slot(out, 2).debtEnd).toBeCloseTo(40 * (1 + K.debtInterest) ** 3, 9);
  });

  it('adds φ·o·C when the team works over-committed', () => {
    const s = scenario({ constants: { pressureDebt: K.pressureDebt } }, [
      item('a', 9),
      item('b', 6),
    ]);
    const t0 = slot(run(s, ['a', 'b']), 0);
    const o = 15 / 10 - 1;
    const c = 10 / (1 + K.thrash * o);
    expect(t0.debtEnd).toBeCloseTo(
      expectedDebtEnd({ debt: 0, r: 0, overcommit: o, working: c }),
      12,
    );
    expect(causeTotal(t0, 'debt', 'pressure')).toBeCloseTo(K.pressureDebt * o * c, 12);
  });

  it('pays debt down with σ of idle capacity', () => {
    const s = scenario({ start: debt(40), constants: { slackEfficiency: K.slackEfficiency } });
    const out = run(s, ['a']);
    // 10·(1 − 40/140) points, 5 of them used.
    const idle = 10 * (1 - 40 / (40 + K.debtHalf)) - 5;
    expect(slot(out, 0).slack).toBeCloseTo(idle, 12);
    expect(slot(out, 0).debtEnd).toBeCloseTo(expectedDebtEnd({ debt: 40, r: 0, idle }), 12);
    expect(causeTotal(slot(out, 0), 'debt', 'slack')).toBeCloseTo(-K.slackEfficiency * idle, 12);
    // The board's column reads the same paydown from the trace.
    expect(slot(out, 0).slackPaydown).toBeCloseTo(K.slackEfficiency * idle, 12);
  });

  it('applies interest and pressure before slack', () => {
    const s = scenario({
      start: debt(40),
      constants: { slackEfficiency: K.slackEfficiency, debtInterest: K.debtInterest },
    });
    const idle = 10 * (1 - 40 / (40 + K.debtHalf));
    expect(slot(run(s), 0).debtEnd).toBeCloseTo(expectedDebtEnd({ debt: 40, idle }), 12);
  });

  it('never lets slack take debt below the floor, and leaves debt already below it', () => {
    const near = scenario({ start: debt(11), constants: { slackEfficiency: 1 } });
    expect(slot(run(near), 0).debtEnd).toBe(K.debtFloor);
    expect(slot(run(near), 0).slackPaydown).toBeCloseTo(11 - K.debtFloor, 12);
    const below = scenario({ start: debt(4), constants: { slackEfficiency: 1 } });
    expect(slot(run(below), 0).debtEnd).toBe(4);
    expect(slot(run(below), 0).slackPaydown).toBe(0);
  });

  it('converts the per-quarter interest to the slot length', () => {
    const s = scenario({
      start: debt(40),
      time: { labels: quarters(2), slotsPerYear: 12 },
      constants: { debtInterest: K.debtInterest },
      team: { capacity: 0 },
    });
    expect(slot(run(s), 0).debtEnd).toBeCloseTo(40 * Math.pow(1 + K.debtInterest, 4 / 12), 9);
  });
});
