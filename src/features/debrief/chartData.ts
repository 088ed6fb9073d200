/**
 * Adapters from the engine's outcome and debrief to the rows and series the generic charts draw.
 * Pure: no React, no recharts. The charts' text summaries are built from the same rows
 * (summaries.ts), so what is drawn and what is read agree.
 */
import type { ChartRow, ChartSeries } from '../../components/charts/types';
import type { WaterfallStep } from '../../components/charts/waterfall';
import {
  type Ledger,
  type Metric,
  type Outcome,
  type Scenario,
  type SlotTrace,
} from '../../engine';
import { METRIC_INFO } from '../../explain/words';
import type { Debrief } from '../../explain/debrief';
import { formatMoney, formatPercent } from '../../explain/format';
import { NET_VALUE_LABEL } from '../../explain/value';
import type { Distribution } from '../../engine/seeds';

/** A plan's outcome drawn as one series: "yours", "par", or a variant. */
export interface OutcomeLine {
  key: string;
  label: string;
  outcome: Outcome;
}

export type TimeMetricId = 'arr' | 'csat' | 'debt' | 'drag' | 'utilization' | 'breach';

/** A metric charted slot by slot. */
export interface TimeMetric {
  id: TimeMetricId;
  title: string;
  /** The value before the year starts, when the metric has one. */
  start?: (slot: SlotTrace) => number;
  /** The value in (or at the end of) a slot. */
  value: (slot: SlotTrace) => number;
  format: (value: number) => string;
  /** True when a rising line is bad news (debt, drag, load, risk): never drawn in green. */
  higherIsWorse: boolean;
  referenceLines?: { y: number; label: string }[];
  domain?: [number, number];
}

export const TIME_METRICS: Readonly<Record<TimeMetricId, TimeMetric>> = {
  arr: {
    id: 'arr',
    title: 'ARR',
    start: (s) => s.arrStart,
    value: (s) => s.arrEnd,
    format: formatMoney,
    higherIsWorse: false,
  },
  csat: {
    id: 'csat',
    title: 'Customer satisfaction (CSAT)',
    start: (s) => s.csatStart,
    value: (s) => s.csatEnd,
    format: (v) => v.toFixed(1),
    higherIsWorse: false,
  },
  debt: {
    id: 'debt',
    title: 'Technical debt (points)',
    start: (s) => s.debtStart,
    value: (s) => s.debtEnd,
    format: (v) => v.toFixed(0),
    higherIsWorse: true,
  },
  drag: {
    id: 'drag',
    title: 'Debt drag (share of capacity lost)',
    value: (s) => s.drag,
    format: (v) => formatPercent(v),
    higherIsWorse: true,
    domain: [0, 1],
  },
  utilization: {
    id: 'utilization',
    title: 'Peak utilization of the systems',
    value: (s) => s.peakUtilization,
    format: (v) => v.toFixed(2),
    higherIsWorse: true,
    referenceLines: [{ y: 1, label: 'overload (1.0)' }],
  },
  breach: {
    id: 'breach',
    title: 'Breach probability per slot',
    value: (s) => s.breachProbability,
    format: (v) => formatPercent(v, 1),
    higherIsWorse: true,
  },
};

/** The metrics worth charting for a scenario (utilization needs demand, breaches security). */
export function timeMetricsFor(scenario: Scenario): TimeMetric[] {
  const ids: TimeMetricId[] = ['arr', 'csat', 'debt', 'drag'];
  if (scenario.demand) ids.push('utilization');
  if (scenario.security) ids.push('breach');
  return ids.map((id) => TIME_METRICS[id]);
}

/** Rows of one metric over the year: a "Start" row when the metric has one, then each slot. */
export function timeRows(metric: TimeMetric, lines: readonly OutcomeLine[]): ChartRow[] {
  const first = lines[0]?.outcome.slots ?? [];
  const rows: ChartRow[] = [];
  if (metric.start && first[0])
    rows.push({
      slot: 'Start',
      ...Object.fromEntries(
        lines.map((l) => [l.key, l.outcome.slots[0] ? metric.start!(l.outcome.slots[0]) : null]),
      ),
    });
  first.forEach((slot, t) =>
    rows.push({
      slot: slot.label,
      ...Object.fromEntries(
        lines.map((l) => {
          const s = l.outcome.slots[t];
          return [l.key, s ? metric.value(s) : null];
        }),
      ),
    }),
  );
  return rows;
}

/** The series of outcome lines: the first solid, the others dashed (styles by position). */
export function lineSeries(lines: readonly OutcomeLine[]): ChartSeries[] {
  return lines.map((l) => ({ key: l.key, label: l.label }));
}

/** Radar rows from the debrief's metric gap: one axis per weighted metric, 0–1. */
export function radarRows(gap: Debrief['metricsGap']): ChartRow[] {
  return gap.map((g) => ({ metric: METRIC_INFO[g.metric].label, yours: g.yours, par: g.par }));
}

/** Radar rows for several outcomes (variants), over the metrics that count in all of them. */
export function radarRowsOf(lines: readonly OutcomeLine[]): ChartRow[] {
  const first = lines[0]?.outcome;
  if (!first) return [];
  const metrics = (Object.keys(METRIC_INFO) as Metric[]).filter(
    (m) => first.weights[m] > 0 && lines.every((l) => l.outcome.normalized[m] !== null),
  );
  return metrics.map((m) => ({
    metric: METRIC_INFO[m].label,
    ...Object.fromEntries(lines.map((l) => [l.key, l.outcome.normalized[m] ?? 0])),
  }));
}

/** Where capacity went, bottom of the stack first. */
export const CAPACITY_PARTS = [
  { key: 'delivered', label: 'Delivered' },
  { key: 'dragLost', label: 'Debt drag' },
  { key: 'ktlo', label: 'Keep the lights on' },
  { key: 'thrash', label: 'Thrash' },
  { key: 'firefighting', label: 'Firefighting' },
  { key: 'slack', label: 'Slack' },
] as const satisfies readonly { key: keyof SlotTrace; label: string }[];

export type CapacityPart = (typeof CAPACITY_PARTS)[number]['key'];

/** One row per slot with the points each part took. */
export function capacityRows(outcome: Outcome): ChartRow[] {
  return outcome.slots.map((s) => ({
    slot: s.label,
    ...Object.fromEntries(CAPACITY_PARTS.map((p) => [p.key, s[p.key]])),
  }));
}

/**
 * The money ledger as waterfall steps: revenue, each loss, one year of ending ARR, then what the
 * end state will cost in that year (the debt left, the risk left open, demand over capacity), net.
 */
export function ledgerSteps(ledger: Ledger): WaterfallStep[] {
  const losses: [string, number][] = [
    ['Outages', ledger.outage],
    ['Overload', ledger.overload],
    ['Breaches', ledger.breach],
    ['Fines', ledger.fines],
    ['Fees', ledger.fees],
    ['Cascades', ledger.cascade],
  ];
  return [
    { label: 'Revenue', value: ledger.revenue },
    ...losses
      .filter(([, value]) => Math.abs(value) >= 0.5)
      .map(([label, value]) => ({ label, value: -value })),
    { label: 'Ending ARR (1 yr)', value: ledger.terminal },
    ...(
      [
        ['Debt left (1 yr of drag)', ledger.debtCarry],
        ['Risk left open (1 yr)', ledger.openRisk],
        ['Lost demand (1 yr)', ledger.overloadAhead],
      ] as const
    )
      .filter(([, value]) => Math.abs(value) >= 0.5)
      .map(([label, value]) => ({ label, value: -value })),
    { label: NET_VALUE_LABEL, value: ledger.net, total: true },
  ];
}

/** Bins and series of the many-seeds histogram: your plan and par on the same bins. */
export function spreadSeries(yours: Distribution, par: Distribution) {
  return {
    bins: yours.histogram.map(({ from, to }) => ({ from, to })),
    series: [
      { key: 'yours', label: 'Your plan', counts: yours.histogram.map((b) => b.count) },
      { key: 'par', label: 'Par', counts: par.histogram.map((b) => b.count) },
    ],
  };
}
