/**
 * The end of a slot (docs/model.md, steps 7, 9, 11 and the capacity account):
 * - the SLO budget counts a cascade's downtime beside incidents' and overload's;
 * - a deal is added in the slot whose end its report reaches, a report exactly at the end
 *   included, and never before the slot before the deal's own;
 * - churn takes at most all of ARR;
 * - firefighting counts only the capacity keeping the lights on left.
 *
 * Quiet world (tests/engine/mechanics/build.ts) unless a test turns a mechanism on.
 */
import { describe, expect, it } from 'vitest';

import { K, item, quarters, run, scenario, slot } from './build.ts';

const three = { labels: quarters(3), slotsPerYear: 4 };

describe('the SLO budget', () => {
  it("counts a cascade's expected downtime", () => {
    const s = scenario({
      time: three,
      reliability: { costPerMinute: 10 },
      events: [
        {
          id: 'outage',
          title: 'Region outage',
          kind: 'cascade',
          fromSlot: 0,
          probability: 0.2,
          loss: 1_000_000,
          csat: 0,
          downtimeMinutes: 300,
          mitigations: [],
        },
      ],
    });
    const out = run(s);
    for (const t of out.slots) expect(t.sloMinutes).toBeCloseTo(0.2 * 300, 9);
  });
});

describe('a gated deal', () => {
  // The controls (5 points) are done at τ = 0.5; with half a slot of observation the report
  // exists at exactly τ = 1, the end of Q1.
  const withDeal = (fromSlot: number) =>
    scenario(
      {
        time: three,
        obligations: [
          { id: 'soc2', title: 'SOC 2', deadlineSlot: 2, observationSlots: 0.5, penalty: 0 },
        ],
        deals: [{ id: 'bank', title: 'Bank', arr: 500_000, obligation: 'soc2', fromSlot }],
      },
      [item('controls', 5, { type: 'compliance', effects: { compliance: 'soc2' } })],
    );

  it('is added in the slot its report reaches exactly at the end', () => {
    const out = run(withDeal(1), ['controls']);
    expect(out.slots.map((t) => t.dealArr)).toEqual([500_000, 0, 0]);
  });

  it('waits for the slot before its own when the report comes earlier', () => {
    // From Q3: added at the end of Q2, in full, though the report was there at the end of Q1.
    const out = run(withDeal(2), ['controls']);
    expect(out.slots.map((t) => t.dealArr)).toEqual([0, 500_000, 0]);
  });
});

describe('churn', () => {
  it('takes at most all of ARR', () => {
    // Ten expected incidents take satisfaction below where it started; at a sensitivity of 500
    // per point of the gap the churn rate is far above 1.
    const s = scenario({
      time: three,
      constants: {
        incidentBase: 10,
        csatPerIncident: K.csatPerIncident,
        churnBase: K.churnBase,
        churnSensitivity: 500,
      },
    });
    const out = run(s);
    const first = slot(out, 0);
    expect(first.csatEnd).toBeLessThan(first.csatStart);
    expect(first.arrEnd).toBe(0);
    expect(out.endArr).toBe(0);
  });
});

describe('the capacity account', () => {
  it('counts firefighting only up to what keeping the lights on leaves', () => {
    // 10 points, 8 of them KTLO. λ incidents in Q1 leave λ·f points of firefighting for Q2,
    // more than the 2 points left: 2 count as firefighting.
    const lambda = 5 / K.firefightingPerIncident;
    const s = scenario({
      time: { labels: quarters(2), slotsPerYear: 4 },
      team: { capacity: 10, ktlo: 8 },
      constants: { incidentBase: lambda },
    });
    const out = run(s);
    expect(slot(out, 0).incidents).toBeCloseTo(lambda, 9);
    expect(out.totals.firefighting).toBeCloseTo(2, 9);
    expect(out.totals.ktlo).toBeCloseTo(16, 9);
  });
});
