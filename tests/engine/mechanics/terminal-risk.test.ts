/**
 * The terminal value's risk terms (docs/model.md, "Horizon end"), with numbers worked out from the
 * formulas. The end state is valued over a terminal period of terminalYears·slotsPerYear slots
 * (4 quarters here), and net value counts what is left open in it, in dollars:
 *
 *   open risk = P(a breach in the period) · (SLE + breachChurn · ARR_end · terminalYears / 2)
 *     P = 1 − Π over the period's slots of (1 − h) for every vulnerability still open (its
 *     hazard still ripening with age), every standing threat (at its controlled rate) and the
 *     debt baseline; security keeps scoring SLE · P (the residual exposure)
 *   overload ahead = Σ over the period's slots of shed · peakShare · ARR_end / slotsPerYear · season
 *     demand_t = ρ0·(1 + g)^t·season, season = the same slot's a year earlier (else the last
 *     slot's), ρ = demand_t / S_end, shed = 1 − 1/ρ above 1
 */
import { describe, expect, it } from 'vitest';

import { compile, type ScenarioInput } from '../../../src/engine/index.ts';
import { K, item, quarters, run, scenario } from './build.ts';

const SLE = 1_000_000;
const ARR = 1_000_000;

/** A yearly chance as a chance per quarter. */
const perQuarter = (perYear: number) => 1 - Math.pow(1 - perYear, 1 / 4);

/** Every money line adds up to net value, the two new ones included. */
function expectNetAddsUp(o: ReturnType<typeof run>) {
  const l = o.ledger;
  expect(l.net).toBeCloseTo(
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
    4,
  );
}

describe('open risk: what is left open at the end, priced over the terminal period', () => {
  // 2 quarters of 10 points; phishing at 20% a year, cut 70% by MFA (4 points).
  const threatened = () =>
    scenario(
      {
        security: {
          sle: SLE,
          vulnerabilities: [],
          threats: [
            {
              id: 'phishing',
              title: 'Phished staff passwords',
              perYear: 0.2,
              controls: [{ item: 'mfa', reduction: 0.7 }],
            },
          ],
        },
      },
      [item('mfa', 4, { type: 'security' })],
    );

  it('charges a year of an uncontrolled threat: its yearly chance of the loss and the churn', () => {
    const o = run(threatened(), [], []);
    const h = perQuarter(0.2);
    // During the horizon each quarter's expected breach drives away breachChurn of p·ARR.
    const arrEnd = ARR * (1 - h * K.breachChurn) ** 2;
    expect(o.endArr).toBeCloseTo(arrEnd, 6);
    // Four quarters at h compound to exactly the yearly chance.
    const p = 1 - (1 - h) ** 4;
    expect(p).toBeCloseTo(0.2, 12);
    expect(o.ledger.openRisk).toBeCloseTo(p * (SLE + (K.breachChurn * arrEnd * 1) / 2), 4);
    // Security still scores the single loss at that chance.
    expect(o.residualExposure).toBeCloseTo(p * SLE, 4);
    expect(o.ledger.overloadAhead).toBe(0);
    expectNetAddsUp(o);
  });

  it('charges the controlled rate once the control is done, and values the control for it', () => {
    const none = run(threatened(), [], []);
    const mfa = run(threatened(), ['mfa'], []);
    const h = perQuarter(0.2);
    // MFA (4 of 10 points) lands at τ = 0.4: Q1 at h for 0.4 and 0.3h for 0.6, Q2 at 0.3h.
    const p1 = 1 - (1 - h) ** 0.4 * (1 - 0.3 * h) ** 0.6;
    const p2 = 0.3 * h;
    const arrEnd = ARR * (1 - p1 * K.breachChurn) * (1 - p2 * K.breachChurn);
    expect(mfa.endArr).toBeCloseTo(arrEnd, 6);
    const p = 1 - (1 - 0.3 * h) ** 4;
    expect(mfa.ledger.openRisk).toBeCloseTo(p * (SLE + (K.breachChurn * arrEnd) / 2), 4);
    // The control is worth more in net value than its effect inside the horizon alone.
    const inHorizon =
      none.ledger.net + none.ledger.openRisk - (mfa.ledger.net + mfa.ledger.openRisk);
    expect(mfa.ledger.net - none.ledger.net).toBeGreaterThan(-inHorizon);
    expect(none.ledger.openRisk - mfa.ledger.openRisk).toBeGreaterThan(100_000);
  });

  it('lets an open vulnerability keep ripening after the horizon', () => {
    // A high, not internet-facing CVE (CVSS 8) open from the start; nothing patches it.
    const s = scenario(
      {
        security: {
          sle: SLE,
          vulnerabilities: [
            { id: 'cve', title: 'CVE', cvss: 8, disclosedSlot: 0, internetFacing: false },
          ],
        },
      },
      [item('patch', 2, { type: 'security', effects: { closes: ['cve'] } })],
    );
    const { hMax, halfLife } = compile(s).vulns[0]!;
    expect(hMax).toBeCloseTo(K.hazardHigh, 12);
    const hazard = (age: number) => hMax * (1 - Math.pow(0.5, (age + 1) / halfLife));
    const o = run(s, [], []);
    const arrEnd = ARR * (1 - hazard(0) * K.breachChurn) * (1 - hazard(1) * K.breachChurn);
    expect(o.endArr).toBeCloseTo(arrEnd, 6);
    // The terminal quarters are ages 2 to 5.
    let survival = 1;
    for (let age = 2; age < 6; age++) survival *= 1 - hazard(age);
    expect(o.ledger.openRisk).toBeCloseTo((1 - survival) * (SLE + (K.breachChurn * arrEnd) / 2), 4);
    // Patched, nothing is left open: no open risk at all.
    expect(run(s, ['patch'], []).ledger.openRisk).toBe(0);
    expectNetAddsUp(o);
  });

  it('counts nothing when nothing is open', () => {
    const o = run(scenario({}, [item('a', 5)]), ['a'], []);
    expect(o.ledger.openRisk).toBe(0);
    expect(o.ledger.overloadAhead).toBe(0);
  });
});

describe('overload ahead: demand keeps growing against the system capacity left', () => {
  const withDemand = (demand: NonNullable<ScenarioInput['demand']>) =>
    scenario({ demand }, [item('scale', 5, { type: 'scale', effects: { capacityAdd: 0.5 } })]);

  it('sheds the terminal period’s demand above capacity, a season repeating a year on', () => {
    // ρ0 = 0.9, 10% growth a quarter, seasons [1, 1.2] over 2 quarters: the terminal quarters
    // t = 2..5 take the season of t − 4, or the last slot's (1.2) where t − 4 < 0.
    const demand = { rho0: 0.9, growth: 0.1, seasonality: [1, 1.2], peakShare: 0.5 };
    const o = run(withDemand(demand), [], []);
    const seasons = [1.2, 1.2, 1, 1.2];
    let expected = 0;
    seasons.forEach((season, j) => {
      const rho = 0.9 * 1.1 ** (2 + j) * season;
      if (rho > 1) expected += ((1 - 1 / rho) * 0.5 * ARR * season) / 4;
    });
    // Every terminal quarter is over capacity here (ρ from 1.18 to 1.74).
    expect(0.9 * 1.1 ** 4 * 1).toBeGreaterThan(1);
    expect(o.ledger.overloadAhead).toBeCloseTo(expected, 6);
    expectNetAddsUp(o);
  });

  it('prices the capacity a scale item leaves for after the horizon', () => {
    const demand = { rho0: 0.9, growth: 0.1, seasonality: [1, 1.2], peakShare: 0.5 };
    const o = run(withDemand(demand), ['scale'], []);
    // S = 1.5 once the scale item is done: only the quarters where ρ/1.5 > 1 shed.
    const seasons = [1.2, 1.2, 1, 1.2];
    let expected = 0;
    seasons.forEach((season, j) => {
      const rho = (0.9 * 1.1 ** (2 + j) * season) / 1.5;
      if (rho > 1) expected += ((1 - 1 / rho) * 0.5 * ARR * season) / 4;
    });
    expect(o.ledger.overloadAhead).toBeCloseTo(expected, 6);
    expect(o.ledger.overloadAhead).toBeLessThan(
      run(withDemand(demand), [], []).ledger.overloadAhead,
    );
  });

  it('repeats a whole year of seasons after a year-long horizon', () => {
    const demand = { rho0: 0.6, growth: 0, seasonality: [1, 1, 1, 2], peakShare: 0.4 };
    const s = scenario({ demand, time: { labels: quarters(4), slotsPerYear: 4 } }, [item('a', 5)]);
    const o = run(s);
    // Only the peak quarter is over capacity: ρ = 1.2 in the terminal year's Q4, as in the horizon's.
    expect(o.ledger.overloadAhead).toBeCloseTo(((1 - 1 / 1.2) * 0.4 * ARR * 2) / 4, 6);
    expect(o.ledger.overload).toBeCloseTo(((1 - 1 / 1.2) * 0.4 * ARR * 2) / 4, 6);
  });
});
