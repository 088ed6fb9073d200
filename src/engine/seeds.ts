/**
 * The spread of outcomes over many seeded runs: how much of a plan's score is luck.
 * Seeds run 1…n, so the user's plan and par are compared on the same dice.
 */
import { compile } from './compile.ts';
import { metricsOf, scoreMetrics } from './score.ts';
import { runPlan, seededEnv } from './expected.ts';
import type { Plan } from './plan.ts';
import type { Anchors, Scenario, Weights } from './schema.ts';
import { scoringOf } from './simulate.ts';

export interface Distribution {
  runs: number;
  mean: number;
  min: number;
  max: number;
  p10: number;
  p50: number;
  p90: number;
  /** Counts per score bin, bins of `binWidth` points from 0 to 100. */
  histogram: { from: number; to: number; count: number }[];
}

export interface SeedOptions {
  runs?: number;
  firstSeed?: number;
  binWidth?: number;
  weights?: Weights;
  anchors?: Anchors;
}

/** The value below which a share q of the sorted values falls (linear interpolation). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Scores of a plan over seeds `firstSeed … firstSeed + runs − 1`, in seed order. */
export function seededScores(scenario: Scenario, plan: Plan, options: SeedOptions = {}): number[] {
  const c = compile(scenario);
  const { weights, anchors } = scoringOf(c, options);
  const runs = Math.max(1, Math.min(100_000, options.runs ?? 1000));
  const first = options.firstSeed ?? 1;
  const scores: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = runPlan(c, plan.slots, seededEnv(c, first + i), null, false);
    scores.push(scoreMetrics(metricsOf(run, c.applicable), anchors, weights).score);
  }
  return scores;
}

/** Summarizes scores as percentiles and a histogram on a fixed 0–100 grid. */
export function distributionOf(scores: readonly number[], binWidth = 5): Distribution {
  const sorted = [...scores].sort((a, b) => a - b);
  const bins = Math.ceil(100 / binWidth);
  const histogram = Array.from({ length: bins }, (_, i) => ({
    from: i * binWidth,
    to: Math.min(100, (i + 1) * binWidth),
    count: 0,
  }));
  for (const s of sorted)
    histogram[Math.min(bins - 1, Math.max(0, Math.floor(s / binWidth)))]!.count += 1;
  return {
    runs: sorted.length,
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    p10: quantile(sorted, 0.1),
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    histogram,
  };
}

/** The distribution of a plan's seeded score over many runs. */
export function seedDistribution(
  scenario: Scenario,
  plan: Plan,
  options: SeedOptions = {},
): Distribution {
  return distributionOf(seededScores(scenario, plan, options), options.binWidth);
}
