/**
 * Step 9 of a slot (docs/model.md): obligations, gated deals and cascades.
 * - An obligation's report exists `observationSlots` after the last of its items is done; at the
 *   end of its deadline slot it is met if the report exists by then (report ≤ deadline + 1),
 *   otherwise its penalty is charged.
 * - A gated deal adds its ARR once the report exists and the deal's slot has come, less
 *   lossPerSlot (default dealLossPerSlot) per slot the report is late: share = 1 − loss·late,
 *   late = max(0, report − fromSlot), never below 0.
 * - A cascade is a per-slot hazard from `fromSlot`; each mitigation item cuts it by its
 *   reduction for the share of the slot after the item is done:
 *   p = probability·Π(1 − reduction·covered), covered = clamp(t + 1 − done, 0, 1).
 */
import { describe, expect, it } from 'vitest';

import { K, item, quarters, run, scenario, slot } from './build.ts';

/** The formulas of step 9. */
function expectedReport(lastDone: number, observation: number): number {
  return lastDone + observation;
}
function expectedMet(report: number, deadlineSlot: number): boolean {
  return report <= deadlineSlot + 1;
}
function expectedDealShare(report: number, fromSlot: number, lossPerSlot = K.dealLossPerSlot) {
  const late = Math.max(0, report - fromSlot);
  return Math.max(0, 1 - lossPerSlot * late);
}
function expectedCascadeProbability(
  t: number,
  probability: number,
  mitigations: readonly { reduction: number; doneAt: number }[],
): number {
  return mitigations.reduce((p, m) => {
    const covered = Math.min(1, Math.max(0, t + 1 - m.doneAt));
    return p * (1 - m.reduction * covered);
  }, probability);
}

const three = { labels: quarters(3), slotsPerYear: 4 };
const soc2 = (observationSlots: number, deadlineSlot = 1) => ({
  id: 'soc2',
  title: 'SOC 2 report',
  deadlineSlot,
  observationSlots,
  penalty: 100_000,
});

describe('step 9: obligations', () => {
  it('is met when the report exists by the end of the deadline slot', () => {
    const s = scenario({ time: three, obligations: [soc2(1)] }, [
      item('controls', 5, { type: 'compliance', effects: { compliance: 'soc2' } }),
    ]);
    const out = run(s, ['controls']);
    const report = expectedReport(0.5, 1);
    expect(expectedMet(report, 1)).toBe(true);
    expect(out.obligations).toEqual([
      { id: 'soc2', title: 'SOC 2 report', deadlineSlot: 1, reportAt: report, met: true },
    ]);
    expect(out.metrics.compliance).toBe(1);
    expect(out.ledger.fines).toBe(0);
  });

  it('is met when the report lands exactly at the end of the deadline slot', () => {
    const s = scenario({ time: three, obligations: [soc2(1.5)] }, [
      item('controls', 5, { type: 'compliance', effects: { compliance: 'soc2' } }),
    ]);
    const out = run(s, ['controls']);
    expect(out.obligations[0]!.reportAt).toBeCloseTo(expectedReport(0.5, 1.5), 12);
    expect(out.obligations[0]!.met).toBe(true);
    expect(out.metrics.compliance).toBe(1);
  });

  it('charges the penalty at the deadline when the report comes later', () => {
    const s = scenario({ time: three, obligations: [soc2(2)] }, [
      item('controls', 5, { type: 'compliance', effects: { compliance: 'soc2' } }),
    ]);
    const out = run(s, ['controls']);
    const report = expectedReport(0.5, 2);
    expect(expectedMet(report, 1)).toBe(false);
    expect(out.obligations[0]).toMatchObject({ reportAt: report, met: false });
    expect(out.slots.map((t) => t.fines)).toEqual([0, 100_000, 0]);
    expect(out.metrics.compliance).toBe(0);
  });

  it('needs every item of the obligation: the report follows the last one', () => {
    const s = scenario({ time: three, obligations: [soc2(0.5)] }, [
      item('policy', 3, { type: 'compliance', effects: { compliance: 'soc2' } }),
      item('logging', 4, { type: 'compliance', effects: { compliance: 'soc2' } }),
    ]);
    const onlyOne = run(s, ['policy']);
    expect(onlyOne.obligations[0]).toMatchObject({ reportAt: null, met: false });
    const both = run(s, ['policy'], ['logging']);
    expect(both.obligations[0]!.reportAt).toBeCloseTo(expectedReport(1.4, 0.5), 12);
    expect(both.obligations[0]!.met).toBe(true);
  });

  it('shares the compliance metric over the obligations', () => {
    const s = scenario(
      {
        time: three,
        obligations: [soc2(0), { ...soc2(0, 0), id: 'gdpr', title: 'GDPR' }],
      },
      [
        item('controls', 5, { type: 'compliance', effects: { compliance: 'soc2' } }),
        item('dpa', 5, { type: 'compliance', effects: { compliance: 'gdpr' } }),
      ],
    );
    expect(run(s, ['controls']).metrics.compliance).toBe(0.5);
    expect(run(s).metrics.compliance).toBe(0);
  });
});

describe('step 9: gated deals', () => {
  const withDeal = (fromSlot: number, lossPerSlot?: number) =>
    scenario(
      {
        time: three,
        obligations: [soc2(1, 2)],
        deals: [
          {
            id: 'bank',
            title: 'Bank deal',
            arr: 500_000,
            obligation: 'soc2',
            fromSlot,
            ...(lossPerSlot === undefined ? {} : { lossPerSlot }),
          },
        ],
      },
      [item('controls', 5, { type: 'compliance', effects: { compliance: 'soc2' } })],
    );

  it('adds the whole deal when the report is there by the deal’s slot', () => {
    // Report at 1.5; the deal wants it from Q3 (slot 2): added at the end of Q2, in full.
    const out = run(withDeal(2), ['controls']);
    expect(expectedDealShare(1.5, 2)).toBe(1);
    expect(out.slots.map((t) => t.dealArr)).toEqual([0, 500_000, 0]);
    expect(slot(out, 1).arrEnd - slot(out, 1).arrStart).toBeCloseTo(500_000, 6);
    expect(out.ledger.dealArr).toBe(500_000);
  });

  it('loses dealLossPerSlot of a late deal per slot of lateness, fractions included', () => {
    // Report at 1.5 for a deal from Q1 (slot 0): 1.5 slots late, added at the end of Q2.
    const out = run(withDeal(0), ['controls']);
    const share = expectedDealShare(1.5, 0);
    expect(share).toBeCloseTo(1 - K.dealLossPerSlot * 1.5, 12);
    expect(slot(out, 0).dealArr).toBe(0);
    expect(slot(out, 1).dealArr).toBeCloseTo(500_000 * share, 6);
  });

  it('uses the deal’s own loss per slot, and never takes more than the deal', () => {
    expect(slot(run(withDeal(1, 0.2), ['controls']), 1).dealArr).toBeCloseTo(
      500_000 * expectedDealShare(1.5, 1, 0.2),
      6,
    );
    const hopeless = run(withDeal(0, 1), ['controls']);
    expect(expectedDealShare(1.5, 0, 1)).toBe(0);
    expect(hopeless.ledger.dealArr).toBe(0);
    expect(hopeless.endArr).toBeCloseTo(1_000_000, 6);
  });

  it('adds nothing when the report never exists', () => {
    expect(run(withDeal(0)).ledger.dealArr).toBe(0);
  });

  it('converts the per-quarter default loss to the slot length', () => {
    const s = scenario(
      {
        time: { labels: quarters(3), slotsPerYear: 12 },
        obligations: [soc2(1, 2)],
        deals: [{ id: 'bank', title: 'Bank', arr: 500_000, obligation: 'soc2', fromSlot: 0 }],
      },
      [item('controls', 5, { type: 'compliance', effects: { compliance: 'soc2' } })],
    );
    const out = run(s, ['controls']);
    const perMonth = K.dealLossPerSlot * (4 / 12);
    expect(slot(out, 1).dealArr).toBeCloseTo(500_000 * expectedDealShare(1.5, 0, perMonth), 6);
  });
});

describe('step 9: cascades and their mitigations', () => {
  const cascade = (fromSlot: number, reductions: number[]) =>
    scenario(
      {
        time: three,
        reliability: { costPerMinute: 10 },
        events: [
          {
            id: 'outage',
            title: 'Region outage',
            kind: 'cascade',
            fromSlot,
            probability: 0.2,
            loss: 1_000_000,
            csat: 4,
            downtimeMinutes: 300,
            mitigations: reductions.map((reduction, i) => ({ item: `m${i}`, reduction })),
          },
        ],
      },
      reductions.map((_, i) => item(`m${i}`, 5, { type: 'ops' })),
    );

  it('charges probability × loss, CSAT and downtime each slot from its first slot', () => {
    const out = run(cascade(1, [0.5]));
    expect(slot(out, 0).cascadeLoss).toBe(0);
    [1, 2].forEach((t) => {
      const p = expectedCascadeProbability(t, 0.2, []);
      expect(slot(out, t).cascadeLoss).toBeCloseTo(p * 1_000_000, 6);
      expect(slot(out, t).downtimeMinutes).toBeCloseTo(p * 300, 9);
      expect(slot(out, t).csatEnd - slot(out, t).csatStart).toBeCloseTo(-p * 4, 9);
    });
    expect(out.ledger.cascade).toBeCloseTo(2 * 0.2 * 1_000_000, 6);
    expect(out.events.filter((e) => e.kind === 'cascade').map((e) => e.slot)).toEqual([1, 2]);
  });

  it('protects only the share of the slot after the mitigation is done', () => {
    // m0 lands at τ = 0.5: Q1 is half protected, Q2 and Q3 fully.
    const out = run(cascade(0, [0.5]), ['m0']);
    const m = [{ reduction: 0.5, doneAt: 0.5 }];
    [0, 1, 2].forEach((t) =>
      expect(slot(out, t).cascadeLoss).toBeCloseTo(
        expectedCascadeProbability(t, 0.2, m) * 1_000_000,
        6,
      ),
    );
    expect(expectedCascadeProbability(0, 0.2, m)).toBeCloseTo(0.15, 12);
    expect(out.events.filter((e) => e.kind === 'cascade').map((e) => e.probability)).toEqual([
      expect.closeTo(0.15, 12),
      expect.closeTo(0.1, 12),
      expect.closeTo(0.1, 12),
    ]);
  });

  it('multiplies the reductions of several mitigations', () => {
    const out = run(cascade(0, [0.5, 0.4]), ['m0', 'm1']);
    const m = [
      { reduction: 0.5, doneAt: 0.5 },
      { reduction: 0.4, doneAt: 1 },
    ];
    [0, 1].forEach((t) =>
      expect(slot(out, t).cascadeLoss).toBeCloseTo(
        expectedCascadeProbability(t, 0.2, m) * 1_000_000,
        6,
      ),
    );
  });
});
