/**
 * A radar (spider) chart: one axis per row, one closed shape per series — e.g. each metric of a
 * plan against a reference. Series differ by dash pattern, marker and fill opacity.
 */
import { useId, useState } from 'react';
import {
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart as RechartsRadarChart,
  ResponsiveContainer,
} from 'recharts';

import { ChartFrame } from './ChartFrame';
import { LABEL_FONT, LINE, radarRadius } from './radar';
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

/** An axis label split into lines at spaces; labels above the centre grow upwards. */
function AngleTick(props: {
  x?: number;
  y?: number;
  cy?: number;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  payload?: { value?: string | number };
}) {
  const { x = 0, y = 0, cy = y, textAnchor = 'middle' } = props;
  const words = `${props.payload?.value ?? ''}`.split(' ');
  const above = y < cy - 1;
  const below = y > cy + 1;
  const first = above
    ? -(words.length - 1) * LINE
    : below
      ? LINE * 0.7
      : -((words.length - 1) * LINE) / 2 + LINE * 0.35;
  return (
    <text
      x={x}
      y={y + first}
      textAnchor={textAnchor}
      fontSize={LABEL_FONT}
      className="recharts-polar-angle-axis-tick-value"
    >
      {words.map((word, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : LINE}>
          {word}
        </tspan>
      ))}
    </text>
  );
}

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
  const [width, setWidth] = useState(0);
  const labels = rows.map((r) => String(r[angleKey] ?? ''));
  const radius = width > 0 ? radarRadius(width, height, labels) : undefined;
  return (
    <ChartFrame
      label={label}
      height={height}
      legend={<Legend series={series} styles={styles} prefix={prefix} kind="line" />}
    >
      <ResponsiveContainer width="100%" height="100%" onResize={(w) => setWidth(w)}>
        <RechartsRadarChart
          data={rows}
          accessibilityLayer={false}
          outerRadius={radius ?? '60%'}
          margin={{ top: 0, right: 0, bottom: 0, left: 0 }}
        >
          <PolarGrid stroke="var(--chart-grid)" />
          <PolarAngleAxis dataKey={angleKey} stroke="var(--chart-text)" tick={<AngleTick />} />
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
