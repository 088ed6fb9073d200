/**
 * Step 6 of a slot (docs/model.md): demand.
 *   ρ = ρ0·(1 + g)^t·season_t·spike_t / S
 * Above 1 the system sheds 1 − 1/ρ of demand: lost revenue shed·peakShare·ARR/slotsPerYear·
 * season_t, degraded minutes shed·overloadMinutes and a CSAT hit shed·overloadCsat, each per
 * unit of slot time, integrated between completions. S ×= 1 + capacityAdd at completion.
 */
import { describe, expect, it } from 'vitest';

import { K, causeTotal, item, quarters, run, scenario, slot } from './build.ts';

/** The formulas of step 6. */
function expectedUtilization(p: {
  rho0: number;
  growth?: number;
  t: number;
  season?: number;
  spike?: number;
  systemCapacity?: number;
}): number {
  return (
    (p.rho0 * Math.pow(1 + (p.growth ?? 0), p.t) * (p.season ?? 1) * (p.spike ?? 1)) /
    (p.systemCapacity ?? 1)
  );
}
function expectedShed(rho: number): number {
  return rho > 1 ? 1 - 1 / rho : 0;
}
function expectedOverload(p: {
  rho: number;
  arr: number;
  peakShare: number;
  slotsPerYear: number;
  season?: number;
  duration?: number;
}) {
  const shed = expectedShed(p.rho);
  const dt = p.duration ?? 1;
  return {
    loss: ((shed * p.peakShare * p.arr) / p.slotsPerYear) * (p.season ?? 1) * dt,
    minutes: shed * K.overloadMinutes * dt,
    csat: shed * K.overloadCsat * dt,
  };
}

describe('step 6: demand and overload', () => {
  it('grows utilization by (1 + g) per slot, with seasonality', () => {
    const s = scenario({
      time: { labels: quarters(3), slotsPerYear: 4 },
      demand: { rho0: 0.5, growth: 0.2, seasonality: [1, 1.5, 0.8] },
    });
    const out = run(s);
    const season = [1, 1.5, 0.8];
    out.slots.forEach((trace, t) => {
      const rho = expectedUtilization({ rho0: 0.5, growth: 0.2, t, season: season[t] });
      expect(trace.utilization).toBeCloseTo(rho, 12);
      expect(trace.peakUtilization).toBeCloseTo(rho, 12);
      expect(trace.shed).toBe(0);
    });
  });

  it('sheds 1 − 1/ρ above 1 and charges revenue, minutes and CSAT for it', () => {
    const s = scenario({
      demand: { rho0: 1.25, peakShare: 0.4 },
      reliability: { costPerMinute: 100 },
    });
    const out = run(s);
    const t0 = slot(out, 0);
    const rho = expectedUtilization({ rho0: 1.25, t: 0 });
    const want = expectedOverload({ rho, arr: 1_000_000, peakShare: 0.4, slotsPerYear: 4 });
    expect(t0.shed).toBeCloseTo(expectedShed(rho), 12);
    expect(t0.overloadLoss).toBeCloseTo(want.loss, 6);
    expect(t0.overloadMinutes).toBeCloseTo(want.minutes, 9);
    expect(t0.csatEnd).toBeCloseTo(70 - want.csat, 9);
    expect(causeTotal(t0, 'csat', 'overload')).toBeCloseTo(-want.csat, 9);
    // Degraded minutes count against the SLO and reliability, not as downtime.
    expect(t0.sloMinutes).toBeCloseTo(want.minutes, 9);
    expect(t0.downtimeMinutes).toBe(0);
    expect(t0.outageCost).toBe(0);
    expect(out.ledger.overload).toBeCloseTo(t0.overloadLoss + slot(out, 1).overloadLoss, 6);
  });

  it('scales the lost revenue by the slot’s seasonality', () => {
    const s = scenario({ demand: { rho0: 1, seasonality: [2, 1], peakShare: 0.5 } });
    const t0 = slot(run(s), 0);
    const rho = expectedUtilization({ rho0: 1, t: 0, season: 2 });
    expect(t0.overloadLoss).toBeCloseTo(
      expectedOverload({ rho, arr: 1_000_000, peakShare: 0.5, slotsPerYear: 4, season: 2 }).loss,
      6,
    );
  });

  it('relieves overload from the moment a scale item lands (capacityAdd)', () => {
    // ρ 1.5 until the scale work lands at τ = 0.5; then S = 2 and ρ = 0.75.
    const s = scenario({ demand: { rho0: 1.5, peakShare: 0.5 } }, [
      item('scale', 5, { type: 'scale', effects: { capacityAdd: 1 } }),
    ]);
    const out = run(s, ['scale']);
    const t0 = slot(out, 0);
    const before = expectedUtilization({ rho0: 1.5, t: 0 });
    const after = expectedUtilization({ rho0: 1.5, t: 0, systemCapacity: 2 });
    const want = expectedOverload({
      rho: before,
      arr: 1_000_000,
      peakShare: 0.5,
      slotsPerYear: 4,
      duration: 0.5,
    });
    expect(t0.utilization).toBeCloseTo(before * 0.5 + after * 0.5, 12);
    expect(t0.peakUtilization).toBeCloseTo(before, 12);
    expect(t0.shed).toBeCloseTo(expectedShed(before) * 0.5, 12);
    expect(t0.overloadMinutes).toBeCloseTo(want.minutes, 9);
    expect(t0.overloadLoss).toBeCloseTo(want.loss, 6);
    expect(slot(out, 1).utilization).toBeCloseTo(after, 12);
  });

  it('compounds system capacity: two scale items multiply', () => {
    const s = scenario({ demand: { rho0: 0.9 } }, [
      item('x', 2, { type: 'scale', effects: { capacityAdd: 0.5 } }),
      item('y', 2, { type: 'scale', effects: { capacityAdd: 0.2 } }),
    ]);
    const out = run(s, ['x', 'y']);
    expect(slot(out, 1).utilization).toBeCloseTo(
      expectedUtilization({ rho0: 0.9, t: 1, systemCapacity: 1.5 * 1.2 }),
      12,
    );
  });

  it('multiplies demand by a demand spike in its slot only', () => {
    const s = scenario({
      time: { labels: quarters(3), slotsPerYear: 4 },
      demand: { rho0: 0.6 },
      events: [
        {
          id: 'launch',
          title: 'Launch',
          kind: 'demandSpike',
          slot: 1,
          branches: [{ probability: 1, multiplier: 2.5 }],
        },
      ],
    });
    const out = run(s);
    expect(out.slots.map((t) => t.utilization)).toEqual([
      expect.closeTo(0.6, 12),
      expect.closeTo(expectedUtilization({ rho0: 0.6, t: 1, spike: 2.5 }), 12),
      expect.closeTo(0.6, 12),
    ]);
    expect(slot(out, 1).shed).toBeCloseTo(expectedShed(1.5), 12);
  });
});
