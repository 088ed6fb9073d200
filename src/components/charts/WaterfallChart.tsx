/**
 * A waterfall: gains and losses as floating bars from a running total, with totals from zero —
 * e.g. how revenue turned into net value. Gains, losses and totals differ by fill pattern and
 * each bar is labelled with its value.
 */
import { useId, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';

import { ChartFrame } from './ChartFrame';
import { Legend, PatternDefs, fillOf } from './parts';
import { SERIES_STYLES, safeId } from './styles';
import type { SeriesStyle, ValueFormat } from './types';
import { waterfallBars, type WaterfallStep } from './waterfall';

export interface WaterfallChartProps {
  label: string;
  steps: readonly WaterfallStep[];
  format?: ValueFormat;
  height?: number;
  /** Legend names; default "Gain", "Loss", "Total". */
  names?: { gain: string; loss: string; total: string };
}

const KINDS = ['gain', 'loss', 'total'] as const;
/** Gains blue and solid, losses vermilion and striped, totals grey and hatched: never green. */
const KIND_STYLES: readonly SeriesStyle[] = [
  SERIES_STYLES[0]!,
  { ...SERIES_STYLES[4]!, pattern: 'vertical' },
  { ...SERIES_STYLES[1]!, pattern: 'hatch' },
];

const plain: ValueFormat = (v) => String(Math.round(v));

export function WaterfallChart({
  label,
  steps,
  format = plain,
  height = 280,
  names = { gain: 'Gain', loss: 'Loss', total: 'Total' },
}: WaterfallChartProps) {
  const prefix = safeId(useId());
  const bars = waterfallBars(steps);
  // On a narrow chart the value labels of neighbouring bars would run into each other.
  const [width, setWidth] = useState(0);
  const axisWidth = width > 0 && width < 480 ? 52 : 64;
  const slot = width > 0 ? (width - axisWidth - 12) / Math.max(1, bars.length) : Infinity;
  const labelSize = slot < 60 ? 9 : 11;
  return (
    <ChartFrame
      label={label}
      height={height}
      legend={
        <Legend
          series={KINDS.map((k) => ({ key: k, label: names[k] }))}
          styles={KIND_STYLES}
          prefix={prefix}
          kind="fill"
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%" onResize={(w) => setWidth(w)}>
        <BarChart
          data={bars}
          accessibilityLayer={false}
          margin={{ top: 18, right: 8, bottom: 0, left: 4 }}
        >
          <PatternDefs prefix={prefix} styles={KIND_STYLES} />
          <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="2 4" vertical={false} />
          <XAxis
            dataKey="label"
            stroke="var(--chart-text)"
            tickLine={false}
            interval={0}
            angle={-30}
            textAnchor="end"
            height={84}
            fontSize={11}
          />
          <YAxis
            stroke="var(--chart-text)"
            tickFormatter={(v: number) => format(v)}
            width={axisWidth}
          />
          <ReferenceLine y={0} stroke="var(--chart-text)" />
          <Bar dataKey="range" isAnimationActive={false} strokeWidth={1}>
            {bars.map((bar) => {
              const k = KINDS.indexOf(bar.kind);
              return (
                <Cell
                  key={bar.label}
                  fill={fillOf(prefix, k, KIND_STYLES[k]!)}
                  stroke={KIND_STYLES[k]!.color}
                />
              );
            })}
            <LabelList
              dataKey="value"
              position="top"
              className="chart-direct-label"
              fontSize={labelSize}
              formatter={(v: unknown) => (typeof v === 'number' ? format(v) : '')}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
