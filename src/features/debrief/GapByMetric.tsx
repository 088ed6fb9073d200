/**
 * Where the gap is: from the plan's score to par's, one bar per weighted metric, in score points,
 * with the figure behind each in words. The bars add up to the gap (explain/gap.ts).
 */
import { useMemo } from 'react';

import { LazyWaterfallChart } from '../../components/charts/lazy';
import type { WaterfallStep } from '../../components/charts/waterfall';
import type { Outcome } from '../../engine';
import { gapByMetric, tenths, type GapByMetric as Gap } from '../../explain/gap';
import { ChartFigure } from './ChartFigure';

/** The waterfall: your score, each metric's points (toward par), par's score. */
export function gapSteps(gap: Gap, parLabel: string): WaterfallStep[] {
  return [
    { label: 'Your plan', value: gap.yours, total: true },
    ...gap.rows.map((row) => ({ label: row.label, value: row.shown })),
    { label: parLabel, value: gap.par, total: true },
  ];
}

/** The lead sentence: how far apart the plans are, in points, and which way. */
export function gapLead(gap: Gap, parLabel: string): string {
  const points = tenths(gap.gapShown);
  if (points === '0.0') return `Your plan scores the same as ${parLabel.toLowerCase()}.`;
  return gap.gapShown > 0
    ? `${parLabel} scores ${points} points more than your plan (${tenths(gap.par)} against ${tenths(gap.yours)}). Metric by metric, that gap is:`
    : `Your plan scores ${points} points more than ${parLabel.toLowerCase()} (${tenths(gap.yours)} against ${tenths(gap.par)}). Metric by metric:`;
}

export function GapByMetric({
  yours,
  par,
  parLabel = 'Par',
}: {
  yours: Outcome;
  par: Outcome;
  parLabel?: string;
}) {
  const gap = useMemo(() => gapByMetric(yours, par), [yours, par]);
  const summary = `From your score of ${tenths(gap.yours)} to ${parLabel.toLowerCase()}’s ${tenths(gap.par)}: ${gap.rows
    .map((r) => `${r.label} ${r.shown > 0 ? '+' : r.shown < 0 ? '−' : '±'}${tenths(r.shown)}`)
    .join(', ')}.`;
  return (
    <section className="debrief-section gap-section" aria-labelledby="gap-title">
      <h2 id="gap-title">Where the gap is</h2>
      <p>{gapLead(gap, parLabel)}</p>
      <ol className="gap-list" data-testid="gap-by-metric">
        {gap.rows.map((row) => (
          <li
            key={row.metric}
            className={row.shown > 0 ? 'gap-behind' : row.shown < 0 ? 'gap-ahead' : ''}
          >
            {row.sentence}
          </li>
        ))}
      </ol>
      <ChartFigure title="Your score to par, metric by metric" summary={summary} height={260}>
        <LazyWaterfallChart
          label={`Waterfall from your score through each metric's points to ${parLabel.toLowerCase()}'s score`}
          steps={gapSteps(gap, parLabel)}
          format={(v) => v.toFixed(1)}
          height={260}
          names={{ gain: `${parLabel} ahead`, loss: 'You ahead', total: 'Score' }}
        />
      </ChartFigure>
      <p className="muted small">
        Each metric’s points are its weight times the difference in its 0–100% score, so the bars
        add up to the gap; the figure behind each is the metric itself, as the debrief below and the
        exports show it.
      </p>
    </section>
  );
}
