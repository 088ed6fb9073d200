/**
 * Step 8 of a slot (docs/model.md), standing threats: a scenario's threat profile (phishing,
 * credential stuffing, misconfiguration…) gives each threat a yearly breach chance q with no CVE
 * behind it. Per slot its hazard is h = (1 − (1 − q)^(1/slotsPerYear))·Π(1 − r)·π, where each
 * control done so far cuts it by its reduction r and π is the breach posture. Threats join the
 * vulnerabilities and the debt baseline as independent hazards (p = 1 − Π(1 − h)), and the ones
 * still standing at the end add to the residual exposure over terminalYears·slotsPerYear slots.
 * Every expected number below is worked out from those formulas.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { loadScenario, type ScenarioInput } from '../../../src/engine/index.ts';
import { lessonMix } from '../../../src/engine/lessonMix.ts';
import { cases } from '../../support/depth.ts';
import { K, causeTotal, item, quarters, run, scenario, slot } from './build.ts';

type Security = NonNullable<ScenarioInput['security']>;
type Threat = NonNullable<Security['threats']>[number];

const SLE = 1_000_000;

/** A yearly chance as a chance per slot. */
function perSlot(perYear: number, slotsPerYear = 4): number {
  return 1 - Math.pow(1 - perYear, 1 / slotsPerYear);
}
/** Breach probability over a slot: each hazard held for a share `dt` of it. */
function breachProbability(pieces: readonly { h: number; dt?: number }[]): number {
  return 1 - pieces.reduce((survival, { h, dt }) => survival * Math.pow(1 - h, dt ?? 1), 1);
}

/** 2 quarters of 10 points; MFA (4 points) controls phishing, a WAF (5) controls stuffing. */
function withThreats(threats: Threat[], extra: Partial<ScenarioInput> = {}) {
  return scenario({ security: { sle: SLE, vulnerabilities: [], threats }, ...extra }, [
    item('mfa', 4, { type: 'security' }),
    item('waf', 5, { type: 'security' }),
    item('posture', 5, { type: 'security', effects: { postureReduction: 0.5 } }),
    item('feature', 4),
  ]);
}
const phishing = (controls: Threat['controls'] = [{ item: 'mfa', reduction: 0.7 }]): Threat => ({
  id: 'phishing',
  title: 'Phished staff passwords',
  perYear: 0.2,
  controls,
});

describe('step 8: standing threats', () => {
  it('turns a yearly chance into a hazard per quarter, with no CVE open', () => {
    const out = run(withThreats([phishing()]));
    const h = perSlot(0.2);
    for (const t of [0, 1]) {
      expect(slot(out, t).breachProbability).toBeCloseTo(h, 12);
      expect(slot(out, t).threatRisk).toEqual([
        { id: 'phishing', probability: expect.closeTo(h, 12) },
      ]);
      expect(slot(out, t).vulnerabilityRisk).toEqual([]);
      expect(slot(out, t).breachCost).toBeCloseTo(h * SLE, 6);
    }
    // Two quarters at h leave (1 − h)² of the year's survival: 1 − 0.8^(1/2) over the half year.
    expect(1 - (1 - h) ** 2).toBeCloseTo(1 - Math.sqrt(0.8), 12);
  });

  it('converts the yearly chance to months', () => {
    const s = withThreats([phishing()], { time: { labels: quarters(2), slotsPerYear: 12 } });
    expect(slot(run(s), 0).breachProbability).toBeCloseTo(perSlot(0.2, 12), 12);
  });

  it('cuts the threat by its control from the moment the control is done', () => {
    const out = run(withThreats([phishing()]), ['mfa']);
    const h = perSlot(0.2);
    // MFA takes 4 of the quarter's 10 points: done at τ = 0.4.
    expect(slot(out, 0).breachProbability).toBeCloseTo(
      breachProbability([
        { h, dt: 0.4 },
        { h: h * 0.3, dt: 0.6 },
      ]),
      12,
    );
    expect(slot(out, 1).breachProbability).toBeCloseTo(h * 0.3, 12);
    expect(causeTotal(slot(out, 0), 'breachHazard', 'controls phishing')).toBeCloseTo(-0.7, 12);
  });

  it('multiplies the reductions of two controls, and leaves other threats alone', () => {
    const stuffing: Threat = {
      id: 'stuffing',
      title: 'Credential stuffing',
      perYear: 0.1,
      controls: [{ item: 'waf', reduction: 0.5 }],
    };
    const s = withThreats([
      phishing([
        { item: 'mfa', reduction: 0.7 },
        { item: 'waf', reduction: 0.2 },
      ]),
      stuffing,
    ]);
    const out = run(s, ['mfa', 'waf']);
    const t1 = slot(out, 1);
    const hPhishing = perSlot(0.2) * 0.3 * 0.8;
    const hStuffing = perSlot(0.1) * 0.5;
    expect(t1.breachProbability).toBeCloseTo(
      breachProbability([{ h: hPhishing }, { h: hStuffing }]),
      12,
    );
    expect(t1.threatRisk).toEqual([
      { id: 'phishing', probability: expect.closeTo(hPhishing, 12) },
      { id: 'stuffing', probability: expect.closeTo(hStuffing, 12) },
    ]);
    // MFA alone does nothing to credential stuffing.
    const mfaOnly = slot(run(s, ['mfa']), 1);
    expect(mfaOnly.threatRisk[1]!.probability).toBeCloseTo(perSlot(0.1), 12);
  });

  it('scales threats by the breach posture too', () => {
    const out = run(withThreats([phishing()]), ['posture']);
    expect(slot(out, 1).breachProbability).toBeCloseTo(perSlot(0.2) * 0.5, 12);
  });

  it('adds threats to open vulnerabilities as independent hazards', () => {
    const s = scenario(
      {
        security: {
          sle: SLE,
          vulnerabilities: [{ id: 'v', title: 'V', cvss: 5 }],
          threats: [phishing()],
        },
      },
      [
        item('mfa', 4, { type: 'security' }),
        item('patch', 2, { type: 'security', effects: { closes: ['v'] } }),
      ],
    );
    const hVuln = K.hazardMedium * (1 - Math.pow(0.5, 1 / K.halfLife));
    const t0 = slot(run(s), 0);
    expect(t0.breachProbability).toBeCloseTo(
      breachProbability([{ h: hVuln }, { h: perSlot(0.2) }]),
      12,
    );
    expect(run(s).events.find((e) => e.kind === 'breach' && e.slot === 0)?.detail).toBe(
      'open: v; threats: phishing',
    );
  });

  it('counts the threats still standing at the end in the residual exposure', () => {
    const s = withThreats([phishing()]);
    const horizon = Math.round(K.terminalYears * 4);
    const open = run(s);
    expect(open.residualExposure).toBeCloseTo(SLE * (1 - Math.pow(1 - perSlot(0.2), horizon)), 6);
    const controlled = run(s, ['mfa']);
    expect(controlled.residualExposure).toBeCloseTo(
      SLE * (1 - Math.pow(1 - perSlot(0.2) * 0.3, horizon)),
      6,
    );
    expect(controlled.metrics.security!).toBeGreaterThan(open.metrics.security!);
  });

  it('gives a control value in money with no vulnerability at all', () => {
    const s = withThreats([phishing()]);
    const none = run(s);
    const mfa = run(s, ['mfa']);
    const saved = none.ledger.breach - mfa.ledger.breach;
    const h = perSlot(0.2);
    const slot0 = breachProbability([
      { h, dt: 0.4 },
      { h: h * 0.3, dt: 0.6 },
    ]);
    expect(saved).toBeCloseTo(SLE * (2 * h - slot0 - h * 0.3), 6);
    expect(mfa.ledger.net).toBeGreaterThan(none.ledger.net);
  });
});

describe('controls, over random threat profiles', () => {
  it('a control done never raises the breach chance of any slot, and cuts the year’s', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.9, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.constantFrom<string[][]>([['mfa']], [[], ['mfa']], [['feature', 'mfa']]),
        (perYear, reduction, slots) => {
          const s = withThreats([
            { id: 'phishing', title: 'P', perYear, controls: [{ item: 'mfa', reduction }] },
          ]);
          const without = run(s, ...slots.map((ids) => ids.filter((id) => id !== 'mfa')));
          const withControl = run(s, ...slots);
          without.slots.forEach((t, i) =>
            expect(withControl.slots[i]!.breachProbability).toBeLessThanOrEqual(
              t.breachProbability + 1e-15,
            ),
          );
          expect(withControl.ledger.breach).toBeLessThan(without.ledger.breach);
          expect(withControl.residualExposure).toBeLessThan(without.residualExposure);
        },
      ),
      { numRuns: cases(2_000, 200, 20), seed: 11 },
    );
  });
});

describe('what a par teaches', () => {
  it('counts a planned control of a threat as a security control without a CVE', () => {
    const s = withThreats([phishing()]);
    expect(lessonMix(s, { slots: [['mfa', 'feature'], []] }).controlsWithoutCve).toEqual(['mfa']);
    // A control left out of the plan, or one cutting nothing, does not count.
    expect(lessonMix(s, { slots: [['feature'], []] }).controlsWithoutCve).toEqual([]);
    const idle = withThreats([phishing([{ item: 'mfa', reduction: 0 }])]);
    expect(lessonMix(idle, { slots: [['mfa'], []] }).controlsWithoutCve).toEqual([]);
  });
});

describe('loading a threat profile', () => {
  const base = (threats: unknown, vulnerabilities: unknown[] = []): unknown => ({
    schemaVersion: 2,
    id: 'threats',
    title: 'Threats',
    brief: '',
    industry: 'Test',
    difficulty: 1,
    minutes: 1,
    time: { labels: quarters(2), slotsPerYear: 4 },
    team: { capacity: 10 },
    start: { arr: 1_000_000, csat: 70, debt: 0 },
    scoring: { weights: { revenue: 1 } },
    security: { sle: SLE, vulnerabilities, threats },
    items: [
      { id: 'mfa', title: 'MFA', type: 'security', effort: 4 },
      { id: 'patch', title: 'Patch', type: 'security', effort: 2, effects: { closes: ['v'] } },
    ],
  });
  const issues = (input: unknown) => {
    const result = loadScenario(input);
    return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
  };
  const v = [{ id: 'v', title: 'V', cvss: 5 }];

  it('loads a threat with its controls, and defaults to none', () => {
    expect(issues(base([phishing()], v))).toEqual([]);
    const result = loadScenario(base(undefined, v));
    expect(result.ok && result.scenario.security?.threats).toEqual([]);
  });

  it('names a control of an unknown item', () => {
    expect(issues(base([phishing([{ item: 'sso', reduction: 0.5 }])], v))).toContain(
      'security.threats[0].controls[0].item: unknown item "sso"',
    );
  });

  it('refuses an item listed twice as a control of one threat', () => {
    const twice = phishing([
      { item: 'mfa', reduction: 0.5 },
      { item: 'mfa', reduction: 0.5 },
    ]);
    expect(issues(base([twice], v))).toContain(
      'security.threats[0].controls: item "mfa" is listed more than once',
    );
  });

  it('refuses a threat id used twice or already a vulnerability’s', () => {
    expect(issues(base([phishing(), phishing()], v))).toContain(
      'security.threats: id "phishing" is used more than once',
    );
    expect(issues(base([{ ...phishing(), id: 'v' }], v))).toContain(
      'security.threats[0].id: "v" is already a vulnerability’s id (a threat needs its own)',
    );
  });

  it('refuses a yearly chance outside 0–1', () => {
    expect(issues(base([{ ...phishing(), perYear: 1.5 }], v)).join('\n')).toMatch(
      /security\.threats\.0\.perYear|security\.threats\[0\]\.perYear/,
    );
  });
});
