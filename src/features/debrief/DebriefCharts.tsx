/**
 * The pictures: each metric against par (radar), metrics over the year, where capacity went, the
 * money ledger and the spread over many seeded runs — each with its text summary.
 */
import {
  LazyHistogram,
  LazyLineChart,
  LazyRadarChart,
  LazyStackedBarChart,
  LazyWaterfallChart,
} from '../../components/charts/lazy';
import type { ChartSeries } from '../../components/charts/types';
import type { Scenario } from '../../engine';
import type { Debrief } from '../../explain/debrief';
import { formatMoney, formatPercent } from '../../explain/format';
import { NET_VALUE_LABEL } from '../../explain/value';
import type { Spread } from '../../workers/debriefJob';
import {
  CAPACITY_PARTS,
  capacityRows,
  ledgerSteps,
  radarRows,
  spreadSeries,
  timeMetricsFor,
  timeRows,
  type OutcomeLine,
} from './chartData';
import { ChartFigure } from './ChartFigure';
import type { JobState } from './useJob';
import {
  capacitySummary,
  ledgerSummary,
  radarSummary,
  spreadSummary,
  timeSummary,
} from './summaries';

/** Your plan solid blue with circles; par dashed grey with squares. */
const YOURS_PAR: ChartSeries[] = [
  { key: 'yours', label: 'Your plan' },
  { key: 'par', label: 'Par' },
];

/** Capacity parts: delivered in blue, losses in warm colours and patterns, never green. */
const CAPACITY_SERIES: ChartSeries[] = CAPACITY_PARTS.map((p) => {
  const styles = {
    delivered: { color: 'var(--chart-1)', pattern: 'solid' },
    dragLost: { color: 'var(--chart-3)', pattern: 'hatch' },
    ktlo: { color: 'var(--chart-2)', pattern: 'dots' },
    thrash: { color: 'var(--chart-4)', pattern: 'crosshatch' },
    firefighting: { color: 'var(--chart-5)', pattern: 'vertical' },
    slack: { color: 'var(--chart-2)', pattern: 'none' },
  } as const;
  return { key: p.key, label: p.label, style: styles[p.key] };
});

const points = (v: number) => `${Math.round(v * 10) / 10}`;

export function DebriefCharts({
  scenario,
  debrief,
  spread,
  spreadRuns,
}: {
  scenario: Scenario;
  debrief: Debrief;
  spread: JobState<Spread>;
  spreadRuns: number;
}) {
  const lines: OutcomeLine[] = [
    { key: 'yours', label: 'Your plan', outcome: debrief.expected },
    { key: 'par', label: 'Par', outcome: debrief.parOutcome },
  ];
  return (
    <section className="debrief-section" aria-labelledby="charts-title">
      <h2 id="charts-title">What your plan did</h2>
      <p className="muted">
        Expected values: the average over what the dice could do, which is what the score grades.
      </p>
      <div className="chart-grid">
        <ChartFigure
          title="Each metric against par"
          summary={radarSummary(debrief.metricsGap)}
          height={300}
          testId="chart-radar"
        >
          <LazyRadarChart
            label="Radar of each weighted metric, your plan and par, 0 to 100%"
            rows={radarRows(debrief.metricsGap)}
            angleKey="metric"
            series={YOURS_PAR}
          />
        </ChartFigure>
        <ChartFigure
          title="Where the capacity went"
          summary={capacitySummary(debrief.expected)}
          height={260}
          testId="chart-capacity"
        >
          <LazyStackedBarChart
            label="Stacked bars per slot: delivered, debt drag, keep the lights on, thrash, firefighting and slack, in points"
            rows={capacityRows(debrief.expected)}
            xKey="slot"
            series={CAPACITY_SERIES}
            format={points}
          />
        </ChartFigure>
      </div>
      <h3 className="subsection-title">Over the year</h3>
      <div className="chart-grid chart-grid-small">
        {timeMetricsFor(scenario).map((metric) => (
          <ChartFigure
            key={metric.id}
            title={metric.title}
            summary={timeSummary(metric, lines)}
            height={200}
            testId={`chart-time-${metric.id}`}
          >
            <LazyLineChart
              label={`${metric.title} per slot, your plan and par`}
              rows={timeRows(metric, lines)}
              xKey="slot"
              series={YOURS_PAR}
              format={metric.format}
              height={200}
              {...(metric.domain ? { yDomain: metric.domain } : {})}
              {...(metric.referenceLines ? { referenceLines: metric.referenceLines } : {})}
            />
          </ChartFigure>
        ))}
      </div>
      <div className="chart-grid">
        <ChartFigure
          title="The money"
          summary={ledgerSummary(debrief.expected.ledger)}
          height={300}
          testId="chart-ledger"
        >
          <LazyWaterfallChart
            label="Waterfall from revenue through each loss and a year of ending ARR to the net"
            steps={ledgerSteps(debrief.expected.ledger)}
            format={formatMoney}
            height={300}
            names={{ gain: 'Money in', loss: 'Money lost', total: NET_VALUE_LABEL }}
          />
        </ChartFigure>
        {spread.status === 'ready' ? (
          <ChartFigure
            title={`${spread.value.yours.runs} runs with different dice`}
            summary={spreadSummary(spread.value.yours, spread.value.par, {
              yours: debrief.score,
              par: debrief.parScore,
              thisRun: debrief.luck.seeded,
            })}
            height={300}
            testId="chart-seeds"
          >
            <LazyHistogram
              label="Histogram of seeded scores, your plan and par, with both expected scores marked"
              {...spreadSeries(spread.value.yours, spread.value.par)}
              markers={[
                { value: debrief.score, label: `yours ${debrief.score.toFixed(0)}` },
                { value: debrief.parScore, label: `par ${debrief.parScore.toFixed(0)}` },
              ]}
              height={300}
            />
          </ChartFigure>
        ) : (
          <figure className="chart-figure" data-testid="chart-seeds">
            <h3 className="chart-title">{spreadRuns} runs with different dice</h3>
            <p className="muted" role="status">
              {spread.status === 'failed'
                ? `The runs could not be completed (${spread.message}).`
                : `Playing the year ${spreadRuns} times for your plan and for par…`}
            </p>
          </figure>
        )}
      </div>
      <p className="muted small">
        Capacity health at the end: {formatPercent(debrief.expected.metrics.capacityHealth ?? 0)} of
        capacity free of debt drag (par{' '}
        {formatPercent(debrief.parOutcome.metrics.capacityHealth ?? 0)}). It is not scored on its
        own: what the debt left will cost is the money chart’s “Debt left” line, part of net value.
      </p>
    </section>
  );
}
