/**
 * The gap between a plan and par, metric by metric, in score points and in the figure behind each.
 *
 * The score is `100 · Σ w·s / Σ w` over the weighted metrics that exist in the scenario
 * (`engine/score.ts`), where `s` is a metric normalized between its anchors. So the points par gets
 * from one metric over the plan are `100 · w · (s_par − s_plan) / Σ w`, and these add up to the gap
 * exactly. Both outcomes must be scored with the same anchors and weights (as a debrief's are).
 */
import type { Outcome } from '../engine/simulate.ts';
import { METRICS, type Metric } from '../engine/schema.ts';
import { formatMoney, formatPercent } from './format.ts';
import { METRIC_INFO } from './words.ts';

export interface MetricGap {
  metric: Metric;
  /** "Reliability". */
  label: string;
  /** Score points par gets from this metric over the plan; negative when the plan is ahead. */
  points: number;
  /** `points` rounded to tenths so that the rows add up to the rounded gap (largest remainder). */
  shown: number;
  /** The raw metric of the plan and of par, in the metric's unit. */
  yours: number;
  par: number;
  /** What the metric measures: "downtime", "net value". */
  noun: string;
  /** The raw metrics as people read them: "571 minutes", "$24.7M", "72%". */
  yoursText: string;
  parText: string;
  /** The plan's figure against par's, e.g. "291 minutes more". Empty when they print alike. */
  difference: string;
  /** "Reliability: 5.8 points behind par — downtime 571 minutes against par’s 280 minutes (291
   * minutes more)." */
  sentence: string;
}

export interface GapByMetric {
  /** The plan's score, par's score and par − plan. */
  yours: number;
  par: number;
  gap: number;
  /** The gap as printed: par's score to a tenth minus the plan's; the rows' `shown` add up to it. */
  gapShown: number;
  /** One row per weighted metric, the largest share of the gap first. */
  rows: MetricGap[];
}

/** Tenths: "5.8". */
export const tenths = (x: number): string => (Math.abs(x) < 0.05 ? '0.0' : Math.abs(x).toFixed(1));

/** "5.8 points" (tenths are always plural: "1.0 points"). */
export const pointsWord = (x: number): string => `${tenths(x)} points`;

/**
 * Rounds each value to tenths so that they add up to `total` rounded to tenths (which must be
 * within a tenth of their sum): the values are floored, and the tenths left over go to the
 * largest remainders (ties to the earlier value).
 */
export function roundToTotal(values: readonly number[], total: number): number[] {
  const target = Math.round(total * 10);
  const scaled = values.map((v) => v * 10);
  const floors = scaled.map(Math.floor);
  let left = target - floors.reduce((a, b) => a + b, 0);
  const order = scaled
    .map((v, i) => ({ i, rest: v - floors[i]! }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  const out = [...floors];
  // The values add up to `total`, so at most one tenth per value is left to give (or take).
  for (const { i } of left >= 0 ? order : [...order].reverse()) {
    if (left === 0) break;
    out[i]! += left > 0 ? 1 : -1;
    left += left > 0 ? -1 : 1;
  }
  return out.map((x) => x / 10);
}

/** What each metric measures, as the sentences name it. */
export const NOUNS: Readonly<Record<Metric, string>> = {
  revenue: 'net value',
  csat: 'CSAT',
  capacityHealth: 'capacity free of debt drag',
  reliability: 'downtime',
  security: 'expected breach loss',
  compliance: 'obligations met',
  stakeholders: 'asks met',
};

/** A raw metric's value as people read it: "$2.55M", "51.1", "75%", "796 minutes". */
export function valueText(metric: Metric, value: number): string {
  switch (metric) {
    case 'revenue':
      return formatMoney(value);
    case 'csat':
      return value.toFixed(1);
    case 'capacityHealth':
    case 'compliance':
    case 'stakeholders':
      return formatPercent(value);
    case 'reliability': {
      const minutes = Math.round(-value);
      return `${minutes.toLocaleString('en-US')} ${minutes === 1 ? 'minute' : 'minutes'}`;
    }
    case 'security':
      return formatMoney(-value);
  }
}

/** How the plan's figure differs from par's, in the metric's unit ("$810k more"); empty when equal. */
function differenceText(metric: Metric, yours: number, par: number): string {
  const d = yours - par;
  switch (metric) {
    case 'revenue': {
      const m = formatMoney(Math.abs(d));
      return m === '$0' ? '' : `${m} ${d > 0 ? 'more' : 'less'}`;
    }
    case 'csat': {
      const p = Math.abs(d).toFixed(1);
      return p === '0.0' ? '' : `${p} points ${d > 0 ? 'higher' : 'lower'}`;
    }
    case 'capacityHealth':
    case 'compliance':
    case 'stakeholders': {
      const p = Math.round(Math.abs(d) * 100);
      return p === 0
        ? ''
        : `${p} percentage point${p === 1 ? '' : 's'} ${d > 0 ? 'higher' : 'lower'}`;
    }
    case 'reliability': {
      // The metric is minus the minutes: a higher value is less downtime.
      const minutes = Math.round(Math.abs(d));
      return minutes === 0
        ? ''
        : `${minutes.toLocaleString('en-US')} ${minutes === 1 ? 'minute' : 'minutes'} ${d > 0 ? 'less' : 'more'}`;
    }
    case 'security': {
      // The metric is minus the loss: a higher value is a smaller loss.
      const m = formatMoney(Math.abs(d));
      return m === '$0' ? '' : `${m} ${d > 0 ? 'less' : 'more'}`;
    }
  }
}

/**
 * The score points each weighted metric is worth from one normalized record to another:
 * `100 · w · (to − from) / Σ w` over the metrics that exist and weigh (score.ts's formula), so the
 * points add up to the difference of the two scores.
 */
export function pointsByMetric(
  weights: Readonly<Record<Metric, number>>,
  from: Readonly<Record<Metric, number | null>>,
  to: Readonly<Record<Metric, number | null>>,
): { metric: Metric; points: number }[] {
  const weighted = METRICS.filter((m) => from[m] !== null && to[m] !== null && weights[m] > 0);
  const total = weighted.reduce((sum, m) => sum + weights[m], 0);
  return weighted.map((metric) => ({
    metric,
    points: total > 0 ? (100 * weights[metric] * (to[metric]! - from[metric]!)) / total : 0,
  }));
}

/**
 * The gap between `yours` and `par`, one row per weighted metric, largest share first. Each row's
 * points are par's advantage from that metric; they sum to `par.score − yours.score`.
 */
export function gapByMetric(yours: Outcome, par: Outcome): GapByMetric {
  const shares = pointsByMetric(yours.weights, yours.normalized, par.normalized);
  const weighted = shares.map((s) => s.metric);
  const points = shares.map((s) => s.points);
  const gap = par.score - yours.score;
  // As printed: the two scores to a tenth, and their difference (so the page's numbers agree).
  const gapShown = (Math.round(par.score * 10) - Math.round(yours.score * 10)) / 10;
  const shown = roundToTotal(points, gapShown);
  const rows = weighted.map((metric, i): MetricGap => {
    const y = yours.metrics[metric] ?? 0;
    const p = par.metrics[metric] ?? 0;
    const yoursText = valueText(metric, y);
    const parText = valueText(metric, p);
    const difference = differenceText(metric, y, p);
    const label = METRIC_INFO[metric].label;
    const s = shown[i]!;
    const standing =
      s > 0
        ? `${pointsWord(s)} behind par`
        : s < 0
          ? `${pointsWord(s)} ahead of par`
          : 'even with par';
    const figures =
      yoursText === parText
        ? `${NOUNS[metric]} ${yoursText} for both`
        : `${NOUNS[metric]} ${yoursText} against par’s ${parText}${difference ? ` (${difference})` : ''}`;
    return {
      metric,
      label,
      points: points[i]!,
      shown: s,
      yours: y,
      par: p,
      noun: NOUNS[metric],
      yoursText,
      parText,
      difference,
      sentence: `${label}: ${standing} — ${figures}.`,
    };
  });
  rows.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return { yours: yours.score, par: par.score, gap, gapShown, rows };
}
