/**
 * A histogram of one or more distributions over the same bins (e.g. scores over many runs), with
 * labelled markers at given values (e.g. the expected score). Series differ by fill pattern.
 */
import { useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';

import { ChartFrame } from './ChartFrame';
import { binIndex, binLabel, histogramRows, trimBins, type HistogramBin } from './histogram';
import { Legend, PatternDefs, fillOf } from './parts';
import { safeId, styleOf } from './styles';
import type { ChartSeries } from './types';

export interface HistogramProps {
  label: string;
  bins: readonly HistogramBin[];
  /** Counts per bin for each series. */
  series: readonly (ChartSeries & { counts: readonly number[] })[];
  /** Vertical markers at values on the binned scale, drawn in the bin they fall in. */
  markers?: readonly { value: number; label: string }[];
  height?: number;
  /** Leave out empty bins at both ends (default true). */
  trim?: boolean;
}

export function Histogram({
  label,
  bins,
  series,
  markers = [],
  height = 260,
  trim = true,
}: HistogramProps) {
  const prefix = safeId(useId());
  const styles = series.map(styleOf);
  const markerBins = markers.map((m) => binIndex(bins, m.value));
  const { first, last } = trim
    ? trimBins(bins, series, markerBins)
    : { first: 0, last: bins.length - 1 };
  const rows = histogramRows(bins, series).slice(first, last + 1);
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
          barGap={1}
          barCategoryGap="12%"
          margin={{ top: 28, right: 8, bottom: 0, left: 4 }}
        >
          <PatternDefs prefix={prefix} styles={styles} />
          <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="2 4" vertical={false} />
          <XAxis dataKey="bin" stroke="var(--chart-text)" tickLine={false} fontSize={11} />
          <YAxis stroke="var(--chart-text)" allowDecimals={false} width={44} />
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={fillOf(prefix, i, styles[i]!)}
              stroke={styles[i]!.color}
              strokeWidth={1}
              isAnimationActive={false}
            />
          ))}
          {markers.map((m, i) => {
            const at = markerBins[i]!;
            if (at < 0) return null;
            return (
              <ReferenceLine
                key={m.label}
                x={binLabel(bins[at]!)}
                stroke="var(--text)"
                strokeWidth={2}
                strokeDasharray={i % 2 === 0 ? undefined : '4 3'}
                label={{
                  value: m.label,
                  position: i % 2 === 0 ? 'top' : 'insideTopRight',
                  className: 'chart-direct-label',
                  fontSize: 12,
                }}
              />
            );
          })}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
