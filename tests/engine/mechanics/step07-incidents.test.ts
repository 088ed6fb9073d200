/**
 * Step 7 of a slot (docs/model.md): incidents and the SLO budget.
 *   λ = λ0·(1 + β·D/H)·(1 − ρref)/(1 − min(ρ, ρcap))·κ   (per slot, integrated over the slot)
 * Expected mode counts λ incidents. Each costs incidentMinutes of downtime × cost per minute,
 * csatPerIncident of CSAT, and firefightingPerIncident points of next slot's capacity.
 * incidentReduction r at completion: κ ×= 1 − r. A blown SLO budget (downtime + degraded minutes
 * above the budget) freezes features next slot when the scenario says so.
 */
import { describe, expect, it } from 'vitest';

import { K, causeTotal, item, itemOf, quarters, run, scenario, slot } from './build.ts';

/** The formula of step 7 (per quarter; the quiet world's slots are quarters). */
function expectedIncidentRate(p: { debt?: number; rho?: number; kappa?: number }): number {
  const rho = p.rho ?? K.rhoRef;
  const capped = Math.min(Math.max(rho, 0), K.rhoCap);
  return (
    K.incidentBase *
    (1 + (K.debtIncidentFactor * (p.debt ?? 0)) / K.debtHalf) *
    ((1 - K.rhoRef) / (1 - capped)) *
    (p.kappa ?? 1)
  );
}
function expectedIncidentCosts(incidents: number, costPerMinute: number) {
  const minutes = incidents * K.incidentMinutes;
  return {
    minutes,
    cost: minutes * costPerMinute,
    csat: incidents * K.csatPerIncident,
    firefightingNext: incidents * K.firefightingPerIncident,
  };
}
/** Features freeze next slot when this slot's SLO minutes exceed the budget. */
function expectedFreeze(sloMinutes: number, budget: number, freezeOnBlownBudget: boolean) {
  return freezeOnBlownBudget && sloMinutes > budget;
}

const incidentsOn = { incidentBase: K.incidentBase };

describe('step 7: incidents', () => {
  it('expects λ0 incidents at the reference utilization with no debt', () => {
    const s = scenario({ constants: incidentsOn, reliability: { costPerMinute: 200 } });
    const out = run(s);
    const t0 = slot(out, 0);
    const lambda = expectedIncidentRate({});
    const want = expectedIncidentCosts(lambda, 200);
    expect(t0.incidentRate).toBeCloseTo(lambda, 12);
    expect(t0.incidents).toBeCloseTo(lambda, 12);
    expect(t0.downtimeMinutes).toBeCloseTo(want.minutes, 9);
    expect(t0.outageCost).toBeCloseTo(want.cost, 6);
    expect(t0.csatEnd).toBeCloseTo(70 - want.csat, 9);
    expect(causeTotal(t0, 'csat', 'incidents')).toBeCloseTo(-want.csat, 9);
    expect(slot(out, 1).firefighting).toBeCloseTo(want.firefightingNext, 9);
    expect(out.ledger.outage).toBeCloseTo(t0.outageCost + slot(out, 1).outageCost, 6);
  });

  it('grows with debt (1 + β·D/H) and with utilization 1/(1 − ρ)', () => {
    const s = scenario({
      constants: incidentsOn,
      start: { arr: 1_000_000, csat: 70, debt: 50 },
      demand: { rho0: 0.8 },
    });
    expect(slot(run(s), 0).incidentRate).toBeCloseTo(
      expectedIncidentRate({ debt: 50, rho: 0.8 }),
      12,
    );
  });

  it('caps the queueing factor at ρcap', () => {
    const s = scenario({ constants: incidentsOn, demand: { rho0: 3 } });
    const t0 = slot(run(s), 0);
    expect(t0.incidentRate).toBeCloseTo(expectedIncidentRate({ rho: 3 }), 12);
    expect(t0.incidentRate).toBeCloseTo(expectedIncidentRate({ rho: K.rhoCap }), 12);
  });

  it('integrates the rate over the slot when debt changes mid-slot', () => {
    // D = 60 until the paydown lands (4 points at a capacity dragged down to 10·(1 − 60/160)),
    // then D = 10 (the floor).
    const tau = 4 / (10 * (1 - 60 / (60 + K.debtHalf)));
    const s = scenario({ constants: incidentsOn, start: { arr: 1_000_000, csat: 70, debt: 60 } }, [
      item('pay', 4, { type: 'debt', effects: { debtRemove: 50 } }),
    ]);
    expect(slot(run(s, ['pay']), 0).incidentRate).toBeCloseTo(
      tau * expectedIncidentRate({ debt: 60 }) + (1 - tau) * expectedIncidentRate({ debt: 10 }),
      12,
    );
  });

  it('cuts the rate by incidentReduction from the moment the item lands', () => {
    const s = scenario({ constants: incidentsOn }, [
      item('runbooks', 5, { type: 'ops', effects: { incidentReduction: 0.4 } }),
    ]);
    const out = run(s, ['runbooks']);
    expect(slot(out, 0).incidentRate).toBeCloseTo(
      0.5 * expectedIncidentRate({}) + 0.5 * expectedIncidentRate({ kappa: 0.6 }),
      12,
    );
    expect(slot(out, 1).incidentRate).toBeCloseTo(expectedIncidentRate({ kappa: 0.6 }), 12);
  });
});

describe('step 7: feature freeze after a blown SLO budget', () => {
  // λ0 = 0.6 incidents × 90 min = 54 min a quarter, against a budget of 50.
  const frozen = (freezeOnBlownBudget: boolean, sloBudgetMinutes = 50) =>
    scenario(
      {
        time: { labels: quarters(3), slotsPerYear: 4 },
        constants: incidentsOn,
        reliability: { costPerMinute: 0, sloBudgetMinutes, freezeOnBlownBudget },
      },
      [item('feature', 3), item('ops', 3, { type: 'ops' })],
    );
  // Q2's capacity after firefighting Q1's incidents.
  const q2Capacity = 10 - expectedIncidentCosts(expectedIncidentRate({}), 0).firefightingNext;

  it('freezes features the slot after the budget is blown; other work goes on', () => {
    const out = run(frozen(true), [], ['feature', 'ops']);
    const t0 = slot(out, 0);
    const budget = 50;
    expect(t0.sloBudget).toBe(budget);
    expect(t0.sloMinutes).toBeCloseTo(
      expectedIncidentCosts(expectedIncidentRate({}), 0).minutes,
      9,
    );
    expect(expectedFreeze(t0.sloMinutes, budget, true)).toBe(true);
    expect(t0.frozen).toBe(false);
    expect(slot(out, 1).frozen).toBe(true);
    expect(out.events.some((e) => e.kind === 'freeze' && e.slot === 0)).toBe(true);
    // Q2 is frozen: ops is done (on what Q1's firefighting leaves), the feature waits for Q3
    // (Q2 blew the budget too, so Q3 is frozen as well and it stays unfinished).
    expect(itemOf(out, 'ops').completedAt).toBeCloseTo(1 + 3 / q2Capacity, 9);
    expect(itemOf(out, 'feature').startedAt).toBeNull();
    expect(itemOf(out, 'feature').status).toBe('unfinished');
  });

  it('does not freeze when the scenario does not ask for it', () => {
    const out = run(frozen(false), [], ['feature', 'ops']);
    expect(out.slots.every((t) => !t.frozen)).toBe(true);
    expect(itemOf(out, 'feature').completedAt).toBeCloseTo(1 + 3 / q2Capacity, 9);
  });

  it('does not freeze when the minutes stay within the budget', () => {
    const minutes = expectedIncidentCosts(expectedIncidentRate({}), 0).minutes;
    const out = run(frozen(true, minutes + 1), [], ['feature', 'ops']);
    expect(expectedFreeze(slot(out, 0).sloMinutes, minutes + 1, true)).toBe(false);
    expect(out.slots.every((t) => !t.frozen)).toBe(true);
  });

  it('converts the per-quarter SLO budget to the slot length', () => {
    const s = scenario({ time: { labels: quarters(2), slotsPerYear: 12 } });
    expect(slot(run(s), 0).sloBudget).toBeCloseTo(K.sloBudgetMinutes * (4 / 12), 9);
  });
});
