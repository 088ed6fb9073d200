/**
 * Stacked bars per category (e.g. where each slot's capacity went). Every series has its own fill
 * pattern as well as its colour, and the legend shows the patterns.
 */
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';

import { ChartFrame } from './ChartFrame';
import { Legend, PatternDefs, fillOf } from './parts';
import { safeId, styleOf } from './styles';
import type { ChartRow, ChartSeries, ValueFormat } from './types';

export interface StackedBarChartProps {
  label: string;
  rows: readonly ChartRow[];
  xKey: string;
  /** Bottom of the stack first. */
  series: readonly ChartSeries[];
  format?: ValueFormat;
  height?: number;
}

const plain: ValueFormat = (v) => String(Math.round(v * 10) / 10);

export function StackedBarChart({
  label,
  rows,
  xKey,
  series,
  format = plain,
  height = 260,
}: StackedBarChartProps) {
  const prefix = safeId(useId());
  const styles = series.map(styleOf);
  return (
    <ChartFrame
      label={label}
      height={height}
      legend={<Legend series={series} styles={styles} prefix={prefix} kind="fill" />}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={rows}
          accessibilityLayer={false}
          margin={{ top: 10, right: 8, bottom: 0, left: 4 }}
        >
          <PatternDefs prefix={prefix} styles={styles} />
          <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="2 4" vertical={false} />
          <XAxis dataKey={xKey} stroke="var(--chart-text)" tickLine={false} />
          <YAxis stroke="var(--chart-text)" tickFormatter={(v: number) => format(v)} width={52} />
          {series.map((s, i) => {
            const style = styles[i]!;
            return (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="stack"
                fill={fillOf(prefix, i, style)}
                stroke={style.color}
                strokeWidth={1}
                isAnimationActive={false}
              />
            );
          })}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
