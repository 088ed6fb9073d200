/**
 * Step 8 of a slot (docs/model.md): breach.
 *   h = hMax(CVSS)·(1 − 0.5^((age + 1)/halfLife))·π per open vulnerability, plus the debt-linked
 *   baseline γ·D/H·π;  p = 1 − Π(1 − h), integrated over the parts of the slot each hazard holds.
 * Expected mode charges p breaches: p·SLE dollars, p·breachCsat CSAT and p·breachChurn of ARR.
 * Bands: CVSS ≥ 9 critical, ≥ 7 high, ≥ 4 medium, else low; half-life `halfLifeCritical` for
 * critical internet-facing ones, else `halfLife` (quarters), unless the vulnerability gives one.
 */
import { describe, expect, it } from 'vitest';

import type { ScenarioInput } from '../../../src/engine/index.ts';
import { K, causeTotal, item, quarters, run, scenario, slot } from './build.ts';

type Vuln = NonNullable<ScenarioInput['security']>['vulnerabilities'] extends
  (infer V)[] | undefined
  ? V
  : never;

/** The formulas of step 8 (per quarter: the quiet world's slots are quarters). */
function expectedBand(cvss: number): number {
  if (cvss >= 9) return K.hazardCritical;
  if (cvss >= 7) return K.hazardHigh;
  if (cvss >= 4) return K.hazardMedium;
  return K.hazardLow;
}
function expectedHazard(p: {
  cvss: number;
  age: number;
  internetFacing?: boolean;
  halfLife?: number;
  posture?: number;
}): number {
  const halfLife =
    p.halfLife ?? (p.cvss >= 9 && p.internetFacing ? K.halfLifeCritical : K.halfLife);
  return expectedBand(p.cvss) * (1 - Math.pow(0.5, (p.age + 1) / halfLife)) * (p.posture ?? 1);
}
function expectedBaseline(debt: number, posture = 1): number {
  return ((K.stalenessHazard * debt) / K.debtHalf) * posture;
}
/** Breach probability over a slot: each hazard held for a share `dt` of it. */
function expectedBreachProbability(pieces: readonly { h: number; dt?: number }[]): number {
  return 1 - pieces.reduce((survival, { h, dt }) => survival * Math.pow(1 - h, dt ?? 1), 1);
}
function expectedBreachCosts(p: number, sle: number, arr: number) {
  return { cost: p * sle, csat: p * K.breachCsat, arrLoss: arr * p * K.breachChurn };
}

const SLE = 2_000_000;
const withVulns = (vulns: Vuln[], extra: Parameters<typeof scenario>[0] = {}) =>
  scenario({ security: { sle: SLE, vulnerabilities: vulns }, ...extra }, [
    item('patch', 4, { type: 'security', effects: { closes: vulns.map((v) => v.id) } }),
    item('posture', 5, { type: 'security', effects: { postureReduction: 0.5 } }),
  ]);

describe('step 8: breach', () => {
  it('ramps an open critical internet-facing vulnerability by its age', () => {
    const s = withVulns([{ id: 'v', title: 'V', cvss: 9.8, internetFacing: true }]);
    const out = run(s);
    [0, 1].forEach((t) => {
      const p = expectedBreachProbability([
        { h: expectedHazard({ cvss: 9.8, age: t, internetFacing: true }) },
      ]);
      expect(slot(out, t).breachProbability).toBeCloseTo(p, 12);
      expect(slot(out, t).vulnerabilityRisk).toEqual([
        { id: 'v', probability: expect.closeTo(p, 12) },
      ]);
    });
  });

  it('charges p breaches: SLE, CSAT and a share of ARR', () => {
    const s = withVulns([{ id: 'v', title: 'V', cvss: 9.8, internetFacing: true }]);
    const out = run(s);
    const t0 = slot(out, 0);
    const p = expectedBreachProbability([
      { h: expectedHazard({ cvss: 9.8, age: 0, internetFacing: true }) },
    ]);
    const want = expectedBreachCosts(p, SLE, 1_000_000);
    expect(t0.breaches).toBeCloseTo(p, 12);
    expect(t0.breachCost).toBeCloseTo(want.cost, 6);
    expect(t0.csatEnd).toBeCloseTo(70 - want.csat, 9);
    expect(t0.arrEnd).toBeCloseTo(1_000_000 - want.arrLoss, 6);
    expect(causeTotal(t0, 'arr', 'breach')).toBeCloseTo(-want.arrLoss, 6);
    expect(out.ledger.breach).toBeCloseTo(t0.breachCost + slot(out, 1).breachCost, 6);
  });

  it.each([
    [9, false],
    [9.5, false],
    [7, false],
    [8.9, true],
    [4, false],
    [6.9, false],
    [3.9, false],
    [0, false],
  ])(
    'uses the CVSS band and half-life of a CVSS %s vulnerability (internet-facing: %s)',
    (cvss, internetFacing) => {
      const s = withVulns([{ id: 'v', title: 'V', cvss, internetFacing }]);
      expect(slot(run(s), 1).breachProbability).toBeCloseTo(
        expectedHazard({ cvss, age: 1, internetFacing }),
        12,
      );
    },
  );

  it('uses a vulnerability’s own half-life when it gives one', () => {
    const s = withVulns([{ id: 'v', title: 'V', cvss: 9.8, internetFacing: true, halfLife: 2 }]);
    expect(slot(run(s), 0).breachProbability).toBeCloseTo(
      expectedHazard({ cvss: 9.8, age: 0, halfLife: 2 }),
      12,
    );
  });

  it('carries no risk before the disclosure slot, and ages from it', () => {
    const s = withVulns([{ id: 'v', title: 'V', cvss: 7.5, disclosedSlot: 1 }], {
      time: { labels: quarters(3), slotsPerYear: 4 },
    });
    const out = run(s);
    expect(slot(out, 0).breachProbability).toBe(0);
    expect(slot(out, 0).vulnerabilityRisk).toEqual([]);
    expect(slot(out, 1).breachProbability).toBeCloseTo(expectedHazard({ cvss: 7.5, age: 0 }), 12);
    expect(slot(out, 2).breachProbability).toBeCloseTo(expectedHazard({ cvss: 7.5, age: 1 }), 12);
  });

  it('protects the rest of the slot from the moment the patch lands', () => {
    const s = withVulns([{ id: 'v', title: 'V', cvss: 9.8, internetFacing: true }]);
    const out = run(s, ['patch']);
    const h = expectedHazard({ cvss: 9.8, age: 0, internetFacing: true });
    expect(slot(out, 0).breachProbability).toBeCloseTo(
      expectedBreachProbability([{ h, dt: 0.4 }]),
      12,
    );
    expect(slot(out, 1).breachProbability).toBe(0);
  });

  it('combines vulnerabilities as independent hazards', () => {
    const s = withVulns([
      { id: 'v', title: 'V', cvss: 9.8, internetFacing: true },
      { id: 'w', title: 'W', cvss: 5 },
    ]);
    expect(slot(run(s), 1).breachProbability).toBeCloseTo(
      expectedBreachProbability([
        { h: expectedHazard({ cvss: 9.8, age: 1, internetFacing: true }) },
        { h: expectedHazard({ cvss: 5, age: 1 }) },
      ]),
      12,
    );
  });

  it('adds the stale-dependency baseline γ·D/H even with nothing open', () => {
    const s = scenario({
      start: { arr: 1_000_000, csat: 70, debt: 50 },
      security: { sle: SLE, vulnerabilities: [] },
      constants: { stalenessHazard: K.stalenessHazard },
    });
    const t0 = slot(run(s), 0);
    expect(t0.breachProbability).toBeCloseTo(expectedBaseline(50), 12);
    expect(t0.vulnerabilityRisk).toEqual([]);
  });

  it('scales every hazard by the breach posture from the moment it improves', () => {
    const s = withVulns([{ id: 'v', title: 'V', cvss: 7.5 }], {
      start: { arr: 1_000_000, csat: 70, debt: 50 },
      team: { capacity: 20, ktlo: 0 },
      constants: { stalenessHazard: K.stalenessHazard },
    });
    // posture lands after 5 points of 20·(1 − 50/150) = 13.33: at τ = 0.375.
    const tau = 5 / (20 * (1 - 50 / (50 + K.debtHalf)));
    const out = run(s, ['posture']);
    expect(slot(out, 0).breachProbability).toBeCloseTo(
      expectedBreachProbability([
        { h: expectedHazard({ cvss: 7.5, age: 0 }), dt: tau },
        { h: expectedBaseline(50), dt: tau },
        { h: expectedHazard({ cvss: 7.5, age: 0, posture: 0.5 }), dt: 1 - tau },
        { h: expectedBaseline(50, 0.5), dt: 1 - tau },
      ]),
      12,
    );
  });

  it('converts the per-quarter hazards and half-lives to the slot length', () => {
    // Months: a hazard q per quarter is 1 − (1 − q)^(1/3) per month; half-lives triple.
    const s = withVulns([{ id: 'v', title: 'V', cvss: 9.8, internetFacing: true }], {
      time: { labels: quarters(2), slotsPerYear: 12 },
    });
    const scale = 4 / 12;
    const hMax = 1 - Math.pow(1 - K.hazardCritical, scale);
    const halfLife = K.halfLifeCritical / scale;
    expect(slot(run(s), 0).breachProbability).toBeCloseTo(
      hMax * (1 - Math.pow(0.5, 1 / halfLife)),
      12,
    );
  });
});
