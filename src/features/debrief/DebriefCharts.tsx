/**
 * The pictures: each metric against par (radar), metrics over the year, where capacity went, the
 * money ledger and the spread over many seeded runs — each with its text summary.
 */
import { useId, useLayoutEffect, useRef, useState } from 'react';

import { ChartFrame } from '../../components/charts/ChartFrame';
import {
  LazyHistogram,
  LazyLineChart,
  LazyRadarChart,
  LazyStackedBarChart,
  LazyWaterfallChart,
} from '../../components/charts/lazy';
import { Legend, PatternDefs, fillOf } from '../../components/charts/parts';
import { SERIES_STYLES, safeId } from '../../components/charts/styles';
import type { ChartSeries, SeriesStyle } from '../../components/charts/types';
import { waterfallBars, type WaterfallStep } from '../../components/charts/waterfall';
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

/** The money chart's kinds of bar, styled as the waterfall chart styles them. */
const MONEY_KINDS = ['gain', 'loss', 'total'] as const;
const MONEY_STYLES: readonly SeriesStyle[] = [
  SERIES_STYLES[0]!,
  { ...SERIES_STYLES[4]!, pattern: 'vertical' },
  { ...SERIES_STYLES[1]!, pattern: 'hatch' },
];
const MONEY_NAMES = { gain: 'Money in', loss: 'Money lost', total: NET_VALUE_LABEL };
const MONEY_LABEL = 'Waterfall from revenue through each loss and a year of ending ARR to the net';
/** Text sizes of the row layout, in px: names and (bold) values. */
const MONEY_FONT = 12;

/** Measures text in the page's font; a rough estimate where there is no canvas. */
function textMeasure(family: string): (text: string, font: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  return (text, font) => {
    if (!context) return text.length * 0.62 * parseFloat(font.replace(/^\d+ /, ''));
    context.font = `${font} ${family}`;
    return context.measureText(text).width;
  };
}

/**
 * The money ledger as a waterfall. Where every bar's value fits above it at 11 px (the column
 * waterfall shrinks its labels to 9 px, and neighbours still ran into each other on a phone), it is
 * the column waterfall; otherwise one row per step, its name, a floating bar and its value in a
 * column of their own, so no two figures can meet at any width.
 */
function MoneyChart({ steps }: { steps: readonly WaterfallStep[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<{ width: number; family: string } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      // A chart hidden while a lazy chart loads measures 0: keep the last width.
      const width = Math.floor(el.getBoundingClientRect().width);
      if (width > 0)
        setBox((old) =>
          old?.width === width ? old : { width, family: getComputedStyle(el).fontFamily },
        );
    };
    update();
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    resize?.observe(el);
    return () => resize?.disconnect();
  }, []);
  const layout = box ? moneyLayout(steps, box.width, textMeasure(box.family)) : null;
  return (
    <div ref={ref} className="money-chart" data-layout={layout ? 'rows' : 'columns'}>
      {box && layout ? (
        <MoneyRows layout={layout} />
      ) : (
        <LazyWaterfallChart
          label={MONEY_LABEL}
          steps={steps}
          format={formatMoney}
          height={300}
          names={MONEY_NAMES}
        />
      )}
    </div>
  );
}

interface MoneyLayout {
  width: number;
  height: number;
  bars: ReturnType<typeof waterfallBars>;
  /** One line per row (name, bar, value) or two (name and value over the bar). */
  oneLine: boolean;
  /** Where the names end (one line) and where the bars may run. */
  nameEnd: number;
  plot: [number, number];
  domain: [number, number];
}

/**
 * The row layout for `width`, or null when the column waterfall shows every value at 11 px
 * without two meeting (its rule: a value axis 52 px wide under 480 px, else 64, 12 px of margins,
 * and labels of 11 px only where each bar has 60 px).
 */
function moneyLayout(
  steps: readonly WaterfallStep[],
  width: number,
  measure: (text: string, font: string) => number,
): MoneyLayout | null {
  const bars = waterfallBars(steps);
  const slot = (width - (width < 480 ? 52 : 64) - 12) / Math.max(1, bars.length);
  const widest = (font: string, texts: string[]) =>
    Math.ceil(Math.max(0, ...texts.map((t) => measure(t, font))));
  const values = bars.map((b) => formatMoney(b.value));
  if (slot >= 60 && widest('600 11px', values) + 6 <= slot) return null;
  const valueWidth = widest(`600 ${MONEY_FONT}px`, values);
  const nameWidth = widest(
    `${MONEY_FONT}px`,
    bars.map((b) => b.label),
  );
  const gap = 8;
  const oneLine = nameWidth + valueWidth + 2 * gap + 142 <= width;
  const nameEnd = oneLine ? nameWidth : 0;
  const plot: [number, number] = oneLine
    ? [nameEnd + gap, width - 2 - valueWidth - gap]
    : [1, width - 1];
  const low = Math.min(0, ...bars.map((b) => b.range[0]));
  const high = Math.max(0, ...bars.map((b) => b.range[1]));
  const height = bars.length * (oneLine ? MONEY_ROW : MONEY_ROW_TWO) + (oneLine ? 8 : -4);
  return {
    width,
    height,
    bars,
    oneLine,
    nameEnd,
    plot,
    domain: [low, high > low ? high : low + 1],
  };
}

/** Row pitches, in px, of one-line and two-line rows. */
const MONEY_ROW = 30;
const MONEY_ROW_TWO = 46;

function MoneyRows({ layout }: { layout: MoneyLayout }) {
  const prefix = safeId(useId());
  const { width, height, bars, oneLine, nameEnd, plot, domain } = layout;
  const x = (v: number) =>
    plot[0] + ((v - domain[0]) / (domain[1] - domain[0])) * (plot[1] - plot[0]);
  const pitch = oneLine ? MONEY_ROW : MONEY_ROW_TWO;
  const barHeight = oneLine ? 18 : 14;
  // The top of each row's bar, and the baseline of its name and value.
  const barTop = (i: number) => 4 + i * pitch + (oneLine ? (pitch - barHeight) / 2 : 18);
  const baseline = (i: number) => (oneLine ? barTop(i) + barHeight / 2 + 4 : 4 + i * pitch + 13);
  return (
    <ChartFrame
      label={MONEY_LABEL}
      height={height}
      legend={
        <Legend
          series={MONEY_KINDS.map((k) => ({ key: k, label: MONEY_NAMES[k] }))}
          styles={MONEY_STYLES}
          prefix={prefix}
          kind="fill"
        />
      }
    >
      <svg
        className="money-rows"
        width="100%"
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        focusable="false"
      >
        <PatternDefs prefix={prefix} styles={MONEY_STYLES} />
        {/* The zero line: whole in one-line rows, beside each bar in two-line ones (not through the names). */}
        {(oneLine ? [0] : bars.map((_, i) => i)).map((i) => (
          <line
            key={i}
            x1={x(0)}
            x2={x(0)}
            y1={barTop(i) - 3}
            y2={(oneLine ? barTop(bars.length - 1) : barTop(i)) + barHeight + 3}
            stroke="var(--chart-text)"
          />
        ))}
        {bars.map((bar, i) => {
          const k = MONEY_KINDS.indexOf(bar.kind);
          const style = MONEY_STYLES[k]!;
          const left = x(bar.range[0]);
          const right = Math.max(x(bar.range[1]), left + 2);
          const next = bars[i + 1];
          return (
            <g key={bar.label}>
              {next && (
                <line
                  x1={x(bar.level)}
                  x2={x(bar.level)}
                  y1={barTop(i) + barHeight}
                  y2={barTop(i + 1)}
                  stroke="var(--chart-text)"
                  strokeDasharray="2 2"
                />
              )}
              <rect
                x={left}
                y={barTop(i)}
                width={right - left}
                height={barHeight}
                fill={fillOf(prefix, k, style)}
                stroke={style.color}
                strokeWidth={1}
              />
              <text
                className="money-name"
                x={oneLine ? nameEnd : 0}
                y={baseline(i)}
                textAnchor={oneLine ? 'end' : 'start'}
                fontSize={MONEY_FONT}
                fill="var(--chart-text)"
              >
                {bar.label}
              </text>
              <text
                className="chart-direct-label money-value"
                x={width - 2}
                y={baseline(i)}
                textAnchor="end"
                fontSize={MONEY_FONT}
              >
                {formatMoney(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}

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
          <MoneyChart steps={ledgerSteps(debrief.expected.ledger)} />
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
