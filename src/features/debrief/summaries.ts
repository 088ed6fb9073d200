/**
 * The text beside every chart: what the picture shows, in words and numbers, for screen readers,
 * tests and print. Built from the same adapters the charts draw from.
 */
import { type Ledger, type Outcome } from '../../engine';
import { METRIC_INFO } from '../../explain/words';
import type { Debrief } from '../../explain/debrief';
import { andList, formatMoney, formatPercent } from '../../explain/format';
import type { Distribution } from '../../engine/seeds';
import { CAPACITY_PARTS, type OutcomeLine, type TimeMetric } from './chartData';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "Revenue 82% (par 95%), …; the largest gap: Security, 40 points behind par." */
export function radarSummary(gap: Debrief['metricsGap']): string {
  if (gap.length === 0) return 'No weighted metrics to compare.';
  const parts = gap.map(
    (g) => `${METRIC_INFO[g.metric].label} ${pct(g.yours)} (par ${pct(g.par)})`,
  );
  const worst = gap.reduce((a, b) => (b.par - b.yours > a.par - a.yours ? b : a));
  const behind = Math.round((worst.par - worst.yours) * 100);
  const tail =
    behind > 0
      ? ` The largest gap: ${METRIC_INFO[worst.metric].label}, ${behind} points behind par.`
      : ' Your plan matches or beats par on every metric.';
  return `Each metric as a share of the best the search found (0–100%): ${parts.join('; ')}.${tail}`;
}

/** "ARR: your plan $9.0M → $10.2M (peak $10.3M in Q3); par $9.0M → $10.6M." */
export function timeSummary(metric: TimeMetric, lines: readonly OutcomeLine[]): string {
  const parts = lines.map((line) => {
    const slots = line.outcome.slots;
    if (slots.length === 0) return `${line.label}: no slots`;
    const values = slots.map(metric.value);
    const first = metric.start ? metric.start(slots[0]!) : values[0]!;
    const last = values[values.length - 1]!;
    let peak = 0;
    values.forEach((v, i) => {
      if (v > values[peak]!) peak = i;
    });
    const range = `${metric.format(first)}${metric.start ? ' at the start' : ` in ${slots[0]!.label}`} to ${metric.format(last)} in ${slots[slots.length - 1]!.label}`;
    const peakText =
      peak !== values.length - 1 && values[peak]! > last
        ? `, highest ${metric.format(values[peak]!)} in ${slots[peak]!.label}`
        : '';
    const over = metric.referenceLines?.find((r) => values.some((v) => v > r.y));
    const overText = over
      ? `; above ${over.label} in ${slots
          .filter((s) => metric.value(s) > over.y)
          .map((s) => s.label)
          .join(', ')}`
      : '';
    return `${line.label}: ${range}${peakText}${overText}`;
  });
  return `${metric.title}. ${parts.join('. ')}.`;
}

/** Where the year's capacity went, and the slot that lost most to thrash or firefighting. */
export function capacitySummary(outcome: Outcome): string {
  const total = outcome.totals.capacity;
  if (total <= 0) return 'The team had no capacity this year.';
  const parts = CAPACITY_PARTS.map(
    (p) => `${p.label.toLowerCase()} ${formatPercent(outcome.totals[p.key] / total)}`,
  );
  let text = `Of ${Math.round(total)} points of capacity over the year: ${parts.join(', ')}.`;
  const worst = outcome.slots.reduce<{ label: string; lost: number } | null>((a, s) => {
    const lost = s.thrash + s.firefighting;
    return lost > (a?.lost ?? 0.5) ? { label: s.label, lost } : a;
  }, null);
  if (worst)
    text += ` ${worst.label} lost the most to thrash and firefighting: ${worst.lost.toFixed(1)} points.`;
  return text;
}

/**
 * "Net value $24.0M: revenue $12.4M, outages −$421k, … plus one year of ending ARR ($12.7M) less
 * a year of drag from the debt left ($310k)."
 */
export function ledgerSummary(ledger: Ledger): string {
  const losses = (
    [
      ['outages', ledger.outage],
      ['overload', ledger.overload],
      ['breaches', ledger.breach],
      ['fines', ledger.fines],
      ['fees', ledger.fees],
      ['cascades', ledger.cascade],
    ] as const
  ).filter(([, v]) => Math.abs(v) >= 0.5);
  const lossText =
    losses.length > 0
      ? `, less ${losses.map(([name, v]) => `${name} ${formatMoney(v)}`).join(', ')}`
      : ', with no losses';
  const ahead = (
    [
      ['a year of drag from the debt left', ledger.debtCarry],
      ['the breach risk left open', ledger.openRisk],
      ['demand the system cannot carry', ledger.overloadAhead],
    ] as const
  )
    .filter(([, v]) => Math.abs(v) >= 0.5)
    .map(([name, v]) => `${name} (${formatMoney(v)})`);
  const aheadText = ahead.length > 0 ? ` less ${andList(ahead)}` : '';
  return `Net value ${formatMoney(ledger.net)}: revenue ${formatMoney(ledger.revenue)} during the year${lossText}, plus one year of ending ARR (${formatMoney(ledger.terminal)})${aheadText}.`;
}

/** The spread over many runs of your plan and par, and where the expected scores sit. */
export function spreadSummary(
  yours: Distribution,
  par: Distribution,
  scores: { yours: number; par: number; thisRun: number },
): string {
  const describe = (d: Distribution) =>
    `${d.p10.toFixed(0)} to ${d.p90.toFixed(0)} (10th to 90th percentile), median ${d.p50.toFixed(0)}`;
  const better = yours.p50 >= par.p50 ? 'at or above' : 'below';
  return `Over ${yours.runs} runs with different dice, your plan scored ${describe(yours)}; par scored ${describe(par)}. Your median is ${better} par's. Expected scores: yours ${scores.yours.toFixed(1)}, par ${scores.par.toFixed(1)}; this run ${scores.thisRun.toFixed(1)}.`;
}
