/**
 * What a par teaches (src/engine/lessonMix.ts), on tiny quiet-world scenarios whose answers follow
 * from the definitions: a CVE public from the first slot, a low-confidence feature left out, a
 * debt item whose early payment would push a feature later, a control that closes no CVE, and
 * the idle share of the last slot with what would fit there.
 */
import { describe, expect, it } from 'vitest';

import { IDLE_AT_END, lessonMix, mixChecks, type LessonMix } from '../../src/engine/lessonMix.ts';
import { simulate, type Plan } from '../../src/engine/index.ts';
import { item, scenario } from './mechanics/build.ts';

describe('lesson mix of a plan', () => {
  it('names the vulnerabilities public from the first slot, and nothing disclosed later', () => {
    const s = scenario(
      {
        security: {
          sle: 1_000_000,
          vulnerabilities: [
            { id: 'early', title: 'Early', cvss: 9, disclosedSlot: 0 },
            { id: 'later', title: 'Later', cvss: 9, disclosedSlot: 1 },
          ],
        },
      },
      [item('patch', 2, { type: 'security', effects: { closes: ['early', 'later'] } })],
    );
    expect(lessonMix(s, { slots: [[], []] }).cveAtStart).toEqual(['early']);
  });

  it('lists features of 40% confidence or less that the plan leaves out', () => {
    const s = scenario({}, [
      item('hyped', 3, { value: { arr: 500_000, confidence: 0.3 } }),
      item('edge', 3, { value: { arr: 500_000, confidence: 0.4 } }),
      item('planned', 3, { value: { arr: 500_000, confidence: 0.2 } }),
      item('solid', 3, { value: { arr: 500_000, confidence: 0.5 } }),
      item('debt', 3, { type: 'debt', value: { arr: 0, confidence: 0.1 } }),
    ]);
    const mix = lessonMix(s, { slots: [['planned'], []] });
    expect(mix.hypedLeftOut).toEqual([
      { id: 'hyped', confidence: 0.3 },
      { id: 'edge', confidence: 0.4 },
    ]);
  });

  it('counts a security control in the plan that closes no vulnerability', () => {
    const s = scenario(
      { security: { sle: 1_000_000, vulnerabilities: [{ id: 'v', title: 'V', cvss: 7 }] } },
      [
        item('mfa', 3, { type: 'security', effects: { postureReduction: 0.4 } }),
        item('patch', 2, { type: 'security', effects: { closes: ['v'], postureReduction: 0.1 } }),
        item('waf', 3, { type: 'security', effects: { postureReduction: 0.2 } }),
      ],
    );
    expect(lessonMix(s, { slots: [['mfa', 'patch'], []] }).controlsWithoutCve).toEqual(['mfa']);
  });

  it('measures the idle share of the last slot and the backlog items that fit it and add money', () => {
    // Quiet world: 10 points a quarter, no debt, no keep-the-lights-on: Q2 holds 10 working
    // points; `a` uses 4 of them, so 6 sit idle (60%).
    const s = scenario({}, [
      item('a', 4, { value: { arr: 200_000 } }),
      item('b', 5, { value: { arr: 100_000 } }),
      item('c', 3, { value: { arr: 300_000 } }),
      item('big', 7, { value: { arr: 900_000 } }),
      item('moneyless', 2),
      item('later', 2, { value: { arr: 100_000 }, dependsOn: ['big'] }),
    ]);
    const plan: Plan = { slots: [[], ['a']] };
    const mix = lessonMix(s, plan);
    expect(mix.idleAtEnd.idlePoints).toBeCloseTo(6, 9);
    expect(mix.idleAtEnd.share).toBeCloseTo(0.6, 9);
    // `big` does not fit (7 > 6), `moneyless` adds nothing, `later` waits for `big`. Of the two
    // that fit, `c` (more ARR, done sooner) adds more than `b`.
    expect(mix.idleAtEnd.fits.map((f) => f.id)).toEqual(['c', 'b']);
    const base = simulate(s, plan).ledger.net;
    const withC = simulate(s, { slots: [[], ['a', 'c']] }).ledger.net;
    expect(mix.idleAtEnd.fits[0]!.netGain).toBeCloseTo(withC - base, 6);
    expect(mix.idleAtEnd.fits[0]!.netGain).toBeGreaterThan(0);

    const [idle] = mixChecks([mix]).filter((c) => c.rule === 'idle-at-end');
    expect(idle!.ok).toBe(false);
    expect(idle!.detail).toMatch(/^60% idle \(6\.0 points\); c \(3 points\) would add \$/);
    // Filled to within the limit, the check passes even with items left over.
    const full = lessonMix(s, { slots: [[], ['a', 'b']] });
    expect(full.idleAtEnd.share).toBeCloseTo(0.1, 9);
    expect(full.idleAtEnd.share).toBeLessThanOrEqual(IDLE_AT_END);
    expect(mixChecks([full]).find((c) => c.rule === 'idle-at-end')!.ok).toBe(true);
  });

  it('finds debt paid late that would cost points paid at once, swapped with a first-slot item', () => {
    // Two quarters: the feature in Q1 earns its ARR a quarter sooner than in Q2. Paying the
    // (worthless, in the quiet world) debt item first swaps the two, which only loses money.
    const s = scenario({}, [
      item('feature', 5, { value: { arr: 400_000 } }),
      item('refactor', 5, { type: 'debt', effects: { debtRemove: 5 } }),
    ]);
    const late: Plan = { slots: [['feature'], ['refactor']] };
    const swapped: Plan = { slots: [['refactor'], ['feature']] };
    const cost = simulate(s, late).score - simulate(s, swapped).score;
    expect(cost).toBeGreaterThan(0.5);
    expect(lessonMix(s, late).lateDebt).toEqual([{ id: 'refactor', slot: 1, cost }]);
    // Paid in the first half already: not a late payment.
    expect(lessonMix(s, swapped).lateDebt).toEqual([]);
  });
});

describe('the library against its targets', () => {
  const mix = (id: string, parts: Partial<LessonMix> = {}): LessonMix => ({
    id,
    cveAtStart: [],
    hypedLeftOut: [],
    lateDebt: [],
    controlsWithoutCve: [],
    idleAtEnd: { share: 0, idlePoints: 0, fits: [] },
    ...parts,
  });
  const rule = (mixes: LessonMix[], name: string) => mixChecks(mixes).find((c) => c.rule === name)!;

  it('allows a public CVE at the start in at most a third of the scenarios', () => {
    const cve = { cveAtStart: ['v'] };
    expect(rule([mix('a', cve), mix('b'), mix('c')], 'cve-at-start').ok).toBe(true);
    expect(rule([mix('a', cve), mix('b', cve), mix('c')], 'cve-at-start').ok).toBe(false);
    expect(rule([mix('a', cve), mix('b', cve), mix('c')], 'cve-at-start').detail).toBe('2: a, b');
  });

  it('allows the hyped feature left out in at most a third of the scenarios', () => {
    const hyped = { hypedLeftOut: [{ id: 'ai', confidence: 0.2 }] };
    expect(rule([mix('a', hyped), mix('b'), mix('c')], 'hyped-left-out').ok).toBe(true);
    expect(rule([mix('a', hyped), mix('b', hyped), mix('c')], 'hyped-left-out').ok).toBe(false);
  });

  it('wants two scenarios that reward late debt and one control without a CVE', () => {
    const late = { lateDebt: [{ id: 'd', slot: 3, cost: 2 }] };
    expect(rule([mix('a', late), mix('b')], 'late-debt').ok).toBe(false);
    expect(rule([mix('a', late), mix('b', late)], 'late-debt').ok).toBe(true);
    expect(rule([mix('a')], 'control-without-cve').ok).toBe(false);
    expect(rule([mix('a', { controlsWithoutCve: ['mfa'] })], 'control-without-cve').ok).toBe(true);
  });
});
