/**
 * Lines over categories (e.g. a metric per slot for several plans). Each series has its own dash
 * pattern and marker and is labelled directly at its last point, so no colour lookup is needed.
 */
import { useId } from 'react';
import {
  CartesianGrid,
  LabelList,
  Line,
  LineChart as RechartsLineChart,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';

import { ChartFrame } from './ChartFrame';
import { Legend, MarkerShape, pointTitle } from './parts';
import { niceScale, valuesOf } from './scale';
import { safeId, styleOf } from './styles';
import type { ChartRow, ChartSeries, ValueFormat } from './types';

export interface LineChartProps {
  /** Accessible name of the picture. */
  label: string;
  rows: readonly ChartRow[];
  /** The row field with the category shown on the x axis. */
  xKey: string;
  series: readonly ChartSeries[];
  format?: ValueFormat;
  /** Fixed y range; default fits the data (and the reference lines). */
  yDomain?: [number, number];
  /** Horizontal reference lines, e.g. `{ y: 1, label: 'capacity' }`. */
  referenceLines?: readonly { y: number; label: string }[];
  height?: number;
  /** Label each line at its last point (default); the legend is always shown. */
  directLabels?: boolean;
}

const plain: ValueFormat = (v) => String(Math.round(v * 100) / 100);

export function LineChart({
  label,
  rows,
  xKey,
  series,
  format = plain,
  yDomain,
  referenceLines = [],
  height = 220,
  directLabels = true,
}: LineChartProps) {
  const prefix = safeId(useId());
  const styles = series.map(styleOf);
  const last = rows.length - 1;
  const longest = directLabels ? Math.max(0, ...series.map((s) => s.label.length)) : 0;
  const values = [
    ...valuesOf(
      rows,
      series.map((s) => s.key),
    ),
    ...referenceLines.map((r) => r.y),
  ];
  const scale = niceScale(Math.min(...values), Math.max(...values));
  return (
    <ChartFrame
      label={label}
      height={height}
      legend={<Legend series={series} styles={styles} prefix={prefix} kind="line" />}
    >
      <ResponsiveContainer width="100%" height="100%">
        <RechartsLineChart
          data={rows}
          accessibilityLayer={false}
          margin={{ top: 18, right: 12 + Math.min(longest, 14) * 7, bottom: 0, left: 4 }}
        >
          <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="2 4" vertical={false} />
          <XAxis
            dataKey={xKey}
            stroke="var(--chart-text)"
            tickLine={false}
            interval="preserveStartEnd"
          />
          <YAxis
            stroke="var(--chart-text)"
            tickFormatter={(v: number) => format(v)}
            width={64}
            domain={yDomain ?? scale.domain}
            {...(yDomain ? {} : { ticks: scale.ticks })}
            allowDataOverflow={yDomain !== undefined}
          />
          {referenceLines.map((r) => (
            <ReferenceLine
              key={r.label}
              y={r.y}
              stroke="var(--text)"
              strokeDasharray="3 3"
              strokeWidth={1.5}
              label={{ value: r.label, position: 'insideTopLeft', className: 'chart-direct-label' }}
            />
          ))}
          {series.map((s, i) => {
            const style = styles[i]!;
            return (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                type="linear"
                stroke={style.color}
                strokeWidth={2.5}
                strokeDasharray={style.dash || undefined}
                isAnimationActive={false}
                connectNulls
                dot={(props: { cx?: number; cy?: number; index?: number; value?: unknown }) =>
                  props.cx === undefined || props.cy === undefined ? (
                    <g key={`${s.key}-${props.index}`} />
                  ) : (
                    <MarkerShape
                      key={`${s.key}-${props.index}`}
                      marker={style.marker}
                      x={props.cx}
                      y={props.cy}
                      color={style.color}
                      title={pointTitle(
                        s.label,
                        rows[props.index ?? -1]?.[xKey],
                        props.value,
                        format,
                      )}
                    />
                  )
                }
                activeDot={false}
              >
                {directLabels && (
                  <LabelList
                    dataKey={s.key}
                    content={(props) => {
                      const { x, y, index } = props as { x?: number; y?: number; index?: number };
                      if (index !== last || x === undefined || y === undefined) return null;
                      return (
                        <text
                          x={Number(x) + 9}
                          y={Number(y) + (i % 2 === 0 ? -4 : 12)}
                          className="chart-direct-label"
                          fontSize={12}
                        >
                          {s.label}
                        </text>
                      );
                    }}
                  />
                )}
              </Line>
            );
          })}
        </RechartsLineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
