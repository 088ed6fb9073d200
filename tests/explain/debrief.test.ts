import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { debrief } from '../../src/explain/debrief.ts';
import { checkLibrary, checkScenario } from '../../src/engine/guardrails.ts';
import { loadScenario, simulate, type Plan } from '../../src/engine/index.ts';
import { bakedPar, findPar } from '../../src/engine/par.ts';
import {
  distributionOf,
  quantile,
  seedDistribution,
  seededScores,
} from '../../src/engine/seeds.ts';
import { shipped } from '../engine/helpers.ts';

const s = shipped('big-customer');
const par = (bakedPar(s) ?? findPar(s)).plan;
/** A plausible plan that defers the critical patch to Q3 and chases the hyped feature. */
const deferredPatch: Plan = {
  slots: [
    ['dark-mode', 'ai-assistant', 'bulk-edit'],
    ['user-model', 'sso'],
    ['patch-pdf'],
    ['db-migration'],
  ],
};

describe('counterfactual debrief', () => {
  const d = debrief(s, deferredPatch, { par, seed: 4 });

  it('names the deferred security patch first, with the breach probability it caused and would have had', () => {
    const first = d.causes[0]!;
    expect(first.item).toBe('patch-pdf');
    expect(first.mechanism).toBe('security');
    expect(first.change).toBe('Move Patch the PDF library CVE from Q3 to Q1');
    // "Breach probability in Q3 was 35.1% (would have been 1.0%)."
    const [, was, wouldBe] =
      /Breach probability in Q\d was ([\d.]+)% \(would have been ([\d.]+)%\)/.exec(first.sentence)!;
    expect(Number(was)).toBeGreaterThan(20);
    expect(Number(wouldBe)).toBeLessThan(5);
    expect(first.gain).toBeGreaterThan(5);
  });

  it('ranks causes by expected gain, each worth more than a point, at most five', () => {
    expect(d.causes.length).toBeGreaterThanOrEqual(3);
    expect(d.causes.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < d.causes.length; i++)
      expect(d.causes[i - 1]!.gain).toBeGreaterThanOrEqual(d.causes[i]!.gain);
    for (const c of d.causes) {
      expect(c.gain).toBeGreaterThan(1);
      expect(c.sentence).toMatch(/[+−]\d+\.\d points\.$/);
      // The counterfactual really scores that much more.
      expect(simulate(s, c.plan).score - d.score).toBeCloseTo(c.gain, 9);
    }
  });

  it('explains dropping the hyped feature that par leaves out', () => {
    const ai = d.causes.find((c) => c.item === 'ai-assistant')!;
    expect(ai.kind).toBe('drop');
    expect(ai.sentence).toContain('35% confidence');
  });

  it('notes when the top moves do not add up', () => {
    expect(d.interaction).not.toBeNull();
    const { joint, sum } = d.interaction!;
    expect(Math.abs(joint - sum)).toBeGreaterThan(1);
    expect(d.interaction!.sentence).toMatch(/reinforce|compete/);
  });

  it('separates luck from the decision', () => {
    expect(d.luck.expected).toBe(d.score);
    expect(d.luck.delta).toBeCloseTo(d.luck.seeded - d.luck.expected, 9);
    expect(d.luck.sentence).toMatch(/Judge the decision by the first number|luck hardly mattered/);
  });

  it('triggers the scenario lessons whose conditions hold, and only those', () => {
    expect(d.lessons.map((l) => l.id)).toEqual(expect.arrayContaining(['pdf-late', 'hype']));
    const good = debrief(s, par, { par });
    expect(good.lessons.map((l) => l.id)).not.toContain('pdf-late');
    expect(good.causes).toEqual([]);
    expect(good.percentOfPar).toBeCloseTo(100, 9);
  });

  it('gives each stakeholder a reaction in their own voice', () => {
    const ciso = d.stakeholders.find((x) => x.id === 'ciso')!;
    expect(ciso.asks.find((a) => a.item === 'patch-pdf')!.status).toBe('late');
    expect(ciso.mood).not.toBe('pleased');
    expect(d.stakeholders.find((x) => x.id === 'ceo')!.quote).toBe(
      'We have an AI story for the board.',
    );
  });

  it('reveals actual effort for estimated items in this run', () => {
    const sso = d.effortReveal.find((e) => e.item === 'sso')!;
    expect(sso.actual).toBeGreaterThanOrEqual(sso.estimate[0]);
    expect(sso.actual).toBeLessThanOrEqual(sso.estimate[1]);
  });
});

describe('many seeds', () => {
  it('summarizes seeded scores with percentiles and a 0–100 histogram', () => {
    const dist = seedDistribution(s, par, { runs: 300 });
    expect(dist.runs).toBe(300);
    expect(dist.histogram.reduce((a, b) => a + b.count, 0)).toBe(300);
    expect(dist.p10).toBeLessThanOrEqual(dist.p50);
    expect(dist.p50).toBeLessThanOrEqual(dist.p90);
    expect(dist.min).toBeGreaterThanOrEqual(0);
    expect(dist.max).toBeLessThanOrEqual(100);
  });

  it('is reproducible and uses the same dice for every plan', () => {
    expect(seededScores(s, par, { runs: 20 })).toEqual(seededScores(s, par, { runs: 20 }));
    expect(seededScores(s, par, { runs: 5 })[2]).toBe(
      simulate(s, par, { mode: 'seeded', seed: 3 }).score,
    );
  });

  it('computes quantiles by interpolation', () => {
    expect(quantile([0, 10], 0.5)).toBe(5);
    expect(distributionOf([1, 2, 3, 4, 5]).p50).toBe(3);
  });
});

describe('guard-rails', () => {
  it('fail, with a clear line, on a scenario built to have a dominant strategy', () => {
    const raw = readFileSync(
      join(import.meta.dirname, '..', 'fixtures', 'dominant-strategy.json'),
      'utf8',
    );
    const loaded = loadScenario(raw);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const report = checkScenario(loaded.scenario, { budget: 8000, perturbBudget: 1500, seeds: 50 });
    const rule = report.rules.find((r) => r.rule === '9.2')!;
    expect(rule.ok).toBe(false);
    expect(rule.detail).toMatch(/^within 5 points of par: .*features-first/);
    expect(report.ok).toBe(false);
    const library = checkLibrary([report]);
    expect(library.find((r) => r.rule === '9.3a')!.ok).toBe(false);
  }, 30_000);
});

describe('cascade explanations', () => {
  it('explains a missing mitigation with the chance of the cascade and its expected loss', () => {
    const router = shipped('legacy-router');
    const parPlan = (bakedPar(router) ?? findPar(router)).plan;
    const empty: Plan = { slots: router.time.labels.map(() => []) };
    const d = debrief(router, empty, { par: parPlan, seed: 1 });
    const cascade = d.causes.find((c) => c.mechanism === 'cascade');
    expect(cascade).toBeDefined();
    const [, was, wouldBe] = /during the year was ([\d.]+)% \(would have been ([\d.]+)%\)/.exec(
      cascade!.sentence,
    )!;
    expect(Number(was)).toBeGreaterThan(Number(wouldBe));
  });
});
