/**
 * A radar (spider) chart: one axis per row, one closed shape per series — e.g. each metric of a
 * plan against a reference. Series differ by dash pattern, marker and fill opacity.
 */
import { useId } from 'react';
import {
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart as RechartsRadarChart,
  ResponsiveContainer,
} from 'recharts';

import { ChartFrame } from './ChartFrame';
import { Legend, MarkerShape, pointTitle } from './parts';
import { safeId, styleOf } from './styles';
import type { ChartRow, ChartSeries, ValueFormat } from './types';

export interface RadarChartProps {
  label: string;
  /** One row per axis. */
  rows: readonly ChartRow[];
  /** The row field naming the axis. */
  angleKey: string;
  series: readonly ChartSeries[];
  /** Radial range; default 0–1. */
  domain?: [number, number];
  format?: ValueFormat;
  height?: number;
}

const percent: ValueFormat = (v) => `${Math.round(v * 100)}%`;

export function RadarChart({
  label,
  rows,
  angleKey,
  series,
  domain = [0, 1],
  format = percent,
  height = 300,
}: RadarChartProps) {
  const prefix = safeId(useId());
  const styles = series.map(styleOf);
  return (
    <ChartFrame
      label={label}
      height={height}
      legend={<Legend series={series} styles={styles} prefix={prefix} kind="line" />}
    >
      <ResponsiveContainer width="100%" height="100%">
        <RechartsRadarChart
          data={rows}
          accessibilityLayer={false}
          outerRadius="72%"
          margin={{ top: 8, right: 24, bottom: 8, left: 24 }}
        >
          <PolarGrid stroke="var(--chart-grid)" />
          <PolarAngleAxis dataKey={angleKey} stroke="var(--chart-text)" />
          <PolarRadiusAxis domain={domain} tick={false} axisLine={false} />
          {series.map((s, i) => {
            const style = styles[i]!;
            return (
              <Radar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={style.color}
                strokeWidth={2.5}
                strokeDasharray={style.dash || undefined}
                fill={style.color}
                fillOpacity={i === 0 ? 0.18 : 0.04}
                isAnimationActive={false}
                dot={(props: { cx?: number; cy?: number; index?: number; value?: unknown }) =>
                  props.cx === undefined || props.cy === undefined ? (
                    <g key={`${s.key}-${props.index}`} />
                  ) : (
                    <MarkerShape
                      key={`${s.key}-${props.index}`}
                      marker={style.marker}
                      x={props.cx}
                      y={props.cy}
                      size={3.5}
                      color={style.color}
                      title={pointTitle(
                        s.label,
                        rows[props.index ?? -1]?.[angleKey],
                        props.value,
                        format,
                      )}
                    />
                  )
                }
              />
            );
          })}
        </RechartsRadarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
