/**
 * The gap by metric: each metric's points come from the score's formula (worked out here from the
 * normalized metrics and weights, not taken from the function), they add up to the gap exactly,
 * the rounded figures add up to the rounded gap, and the sentences say the figures behind them.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../../src/engine/compile.ts';
import { METRICS, simulate, type Outcome } from '../../src/engine/index.ts';
import { bakedPar } from '../../src/engine/par.ts';
import { strategyPlans } from '../../src/engine/strategies.ts';
import { debrief } from '../../src/explain/debrief.ts';
import { gapByMetric, roundToTotal } from '../../src/explain/gap.ts';
import { planReportMarkdown } from '../../src/explain/report.ts';
import { scenarioFiles, shipped } from '../engine/helpers.ts';

describe('roundToTotal', () => {
  it('gives the tenth left over to the largest remainder', () => {
    // 23 + 23 + 23 tenths = 69; the total is 70: the 0.04 remainder of 2.34 is the largest.
    expect(roundToTotal([2.34, 2.33, 2.33], 7)).toEqual([2.4, 2.3, 2.3]);
  });

  it('rounds negative shares too, ties to the earlier value', () => {
    // Floors: −13 and 37 tenths (24); the total is 25: both remainders are 0.5, the first wins.
    expect(roundToTotal([-1.25, 3.75], 2.5)).toEqual([-1.2, 3.7]);
  });

  it('takes tenths back when the floors overshoot a negative total', () => {
    // −0.45 − 0.45 = −0.9; floors −5 and −5 tenths (−10): one tenth is given back, to the first.
    expect(roundToTotal([-0.45, -0.45], -0.9)).toEqual([-0.4, -0.5]);
  });
});

/** Par's points from each metric, from the score's formula: 100·w·(s_par − s_yours)/Σw. */
function byFormula(yours: Outcome, par: Outcome): Map<string, number> {
  const weighted = METRICS.filter((m) => yours.normalized[m] !== null && yours.weights[m] > 0);
  const sum = weighted.reduce((s, m) => s + yours.weights[m], 0);
  return new Map(
    weighted.map((m) => [
      m,
      (100 * yours.weights[m] * (par.normalized[m]! - yours.normalized[m]!)) / sum,
    ]),
  );
}

describe('the gap by metric on every shipped scenario', () => {
  for (const file of scenarioFiles()) {
    const id = file.replace(/\.json$/, '');
    it(`${id}: every strategy's gap to par, metric by metric, adds up`, () => {
      const scenario = shipped(id);
      const parPlan = bakedPar(scenario)?.plan;
      if (!parPlan) throw new Error(`${id} has no baked par`);
      const par = simulate(scenario, parPlan);
      for (const [strategy, plan] of Object.entries(strategyPlans(compile(scenario)))) {
        const yours = simulate(scenario, plan);
        const gap = gapByMetric(yours, par);
        const expected = byFormula(yours, par);
        expect(gap.gap).toBeCloseTo(par.score - yours.score, 9);
        expect(new Set(gap.rows.map((r) => r.metric))).toEqual(new Set(expected.keys()));
        for (const row of gap.rows) {
          expect(row.points, `${strategy} ${row.metric}`).toBeCloseTo(expected.get(row.metric)!, 9);
          expect(Math.abs(row.shown - row.points)).toBeLessThan(0.1 + 1e-9);
          expect(row.yours).toBe(yours.metrics[row.metric]);
          expect(row.par).toBe(par.metrics[row.metric]);
        }
        const sum = gap.rows.reduce((s, r) => s + r.points, 0);
        expect(sum, strategy).toBeCloseTo(par.score - yours.score, 9);
        // What is printed adds up too: the gap is the difference of the printed scores, and the
        // tenths of the rows sum to it.
        expect(Math.round(gap.gapShown * 10)).toBe(
          Math.round(par.score * 10) - Math.round(yours.score * 10),
        );
        const tenthsSum = gap.rows.reduce((s, r) => s + Math.round(r.shown * 10), 0);
        expect(tenthsSum, strategy).toBe(Math.round(gap.gapShown * 10));
        // Largest share first.
        const sizes = gap.rows.map((r) => Math.abs(r.points));
        expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      }
    });
  }
});

describe('the sentences', () => {
  it('name the points, both figures and the difference in the metric’s unit', () => {
    const scenario = shipped('tutorial');
    const par = simulate(scenario, bakedPar(scenario)!.plan);
    const nothing = simulate(scenario, { slots: scenario.time.labels.map(() => []) });
    const gap = gapByMetric(nothing, par);
    for (const row of gap.rows) {
      expect(row.sentence.startsWith(`${row.label}: `)).toBe(true);
      if (row.shown > 0)
        expect(row.sentence).toContain(`${row.shown.toFixed(1)} points behind par`);
      if (row.yoursText !== row.parText) {
        expect(row.sentence).toContain(`${row.noun} ${row.yoursText} against par’s ${row.parText}`);
      } else expect(row.sentence).toContain(`${row.noun} ${row.yoursText} for both`);
    }
    const reliability = gap.rows.find((r) => r.metric === 'reliability');
    if (reliability) {
      const more = Math.round(-nothing.metrics.reliability! + par.metrics.reliability!);
      if (more > 1)
        expect(reliability.difference).toBe(`${more.toLocaleString('en-US')} minutes more`);
    }
  });

  it('say "for both" when the figures print alike, and "even with par" at zero points', () => {
    const scenario = shipped('tutorial');
    const par = simulate(scenario, bakedPar(scenario)!.plan);
    const gap = gapByMetric(par, par);
    expect(gap.gap).toBe(0);
    for (const row of gap.rows) {
      expect(row.shown).toBe(0);
      expect(row.difference).toBe('');
      expect(row.sentence).toBe(
        `${row.label}: even with par — ${row.noun} ${row.yoursText} for both.`,
      );
    }
  });
});

describe('the Markdown export', () => {
  it('lists the same rows, in the same words and numbers, as the page', () => {
    const scenario = shipped('tutorial');
    const par = bakedPar(scenario)!.plan;
    const plan = { slots: [['team-calendars'], ['dark-mode']] };
    const d = debrief(scenario, plan, { par, seed: 3 });
    const md = planReportMarkdown({ scenario, plan, name: 'Plan A', notes: {}, debrief: d });
    const gap = gapByMetric(d.expected, d.parOutcome);
    expect(md).toContain('## Where the gap is');
    expect(md).toContain(
      `Par scores ${d.parScore.toFixed(1)} and this plan ${d.score.toFixed(1)}: ${gap.gapShown.toFixed(1)} points behind.`,
    );
    gap.rows.forEach((row, i) => expect(md).toContain(`\n${i + 1}. ${row.sentence}\n`));
  });
});
