/**
 * Metrics and the 0–100 score (MODEL.md §6).
 *
 * Each raw metric is normalized between a floor (the worst strategy of the battery) and a best
 * (the single-metric optimum): `s = clamp((x − floor)/(best − floor), 0, 1)`. The score is
 * `100 · Σ w·s / Σ w` over the metrics that exist in the scenario. An anchor may carry a ceiling
 * above its best (money with hidden facts: the best is averaged over the worlds, the ceiling is
 * the luckiest world's best), and the normalized value then runs up to it instead of 1.
 */
import type { RunResult } from './core.ts';
import { METRICS, type Anchor, type Anchors, type Metric } from './schema.ts';

/** Raw metric values; null when a metric does not apply to the scenario. */
export type Metrics = Record<Metric, number | null>;

/**
 * The smallest difference each metric can meaningfully resolve in a scenario. An anchor whose
 * range (best − floor) is narrower is widened to this, so a metric on which every strategy
 * scores nearly the same cannot swing the score by its full weight over noise-sized
 * differences.
 */
export function metricResolution(start: { arr: number }, sle: number): Record<Metric, number> {
  return {
    revenue: Math.max(10_000, start.arr * 0.005),
    csat: 0.5,
    capacityHealth: 0.005,
    reliability: 5,
    security: Math.max(10_000, sle * 0.01),
    compliance: 0.01,
    stakeholders: 0.01,
  };
}

/** Anchors with every range widened to at least the metric's resolution. */
export function widenAnchors(anchors: Anchors, resolution: Record<Metric, number>): Anchors {
  const out: Anchors = {};
  for (const m of METRICS) {
    const a = anchors[m];
    if (!a) continue;
    const best = Math.max(a.best, a.floor + resolution[m]);
    out[m] = a.ceiling === undefined ? { floor: a.floor, best } : { ...a, best };
  }
  return out;
}

/** Raw metrics from one run. */
export function metricsOf(run: RunResult, applicable: Record<Metric, boolean>): Metrics {
  return {
    revenue: run.revenueNet,
    csat: run.csat,
    capacityHealth: run.capacityHealth,
    reliability: -run.downtime,
    security: -run.securityLoss,
    compliance:
      applicable.compliance && run.complianceTotal > 0
        ? run.complianceMet / run.complianceTotal
        : null,
    stakeholders: applicable.stakeholders ? run.stakeholderAlignment : null,
  };
}

/**
 * Normalizes one raw value against its anchor: 0 at the floor, 1 at the best, capped at 1, or at
 * the ceiling's value when the anchor has one. A flat anchor scores 1 (nothing to gain).
 */
export function normalize(value: number, anchor: Anchor | undefined): number {
  if (!anchor) return 0;
  const range = anchor.best - anchor.floor;
  if (!(range > 1e-9 * Math.max(1, Math.abs(anchor.best))))
    return value >= anchor.floor - 1e-9 ? 1 : 0;
  const top =
    anchor.ceiling === undefined ? 1 : Math.max(1, (anchor.ceiling - anchor.floor) / range);
  const s = (value - anchor.floor) / range;
  return s < 0 ? 0 : s > top ? top : s;
}

/**
 * The score (0–100), the normalized value of each metric, and `value`, the same weighted sum
 * without the cap at 100 (what the searches maximize: money past its best, in a lucky world, still
 * counts for them; a score shown to the learner tops out at 100).
 */
export function scoreMetrics(
  metrics: Metrics,
  anchors: Anchors,
  weights: Record<Metric, number>,
): { score: number; value: number; normalized: Record<Metric, number | null> } {
  let sum = 0;
  let weight = 0;
  const normalized = {} as Record<Metric, number | null>;
  for (const m of METRICS) {
    const x = metrics[m];
    if (x === null) {
      normalized[m] = null;
      continue;
    }
    const s = normalize(x, anchors[m]);
    normalized[m] = s;
    const w = weights[m];
    if (w > 0) {
      sum += w * s;
      weight += w;
    }
  }
  const value = weight > 0 ? (100 * sum) / weight : 0;
  return { score: Math.min(100, value), value, normalized };
}

/** Averages metric records with the given weights (probabilities). */
export function averageMetrics(list: readonly { metrics: Metrics; weight: number }[]): Metrics {
  const out = {} as Metrics;
  for (const m of METRICS) {
    let total = 0;
    let w = 0;
    let isNull = false;
    for (const entry of list) {
      const x = entry.metrics[m];
      if (x === null) {
        isNull = true;
        break;
      }
      total += x * entry.weight;
      w += entry.weight;
    }
    out[m] = isNull || w === 0 ? null : total / w;
  }
  return out;
}
