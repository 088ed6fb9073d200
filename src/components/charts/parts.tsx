/**
 * SVG pieces shared by the charts: fill patterns, markers and the legend. Recharts renders any
 * `<defs>` placed among a chart's children.
 */
import type { ReactNode } from 'react';

import type { ChartSeries, FillPattern, Marker, SeriesStyle, ValueFormat } from './types';

/** The `fill` of a series: its pattern (over a light tint of its colour) or its colour. */
export function fillOf(prefix: string, index: number, style: SeriesStyle): string {
  return style.pattern === 'solid' || style.pattern === 'none'
    ? style.color
    : `url(#${prefix}-fill-${index})`;
}

function patternPath(pattern: FillPattern): ReactNode {
  switch (pattern) {
    case 'hatch':
      return <path d="M-1 1l2-2M0 8l8-8M7 9l2-2" strokeWidth="2" />;
    case 'crosshatch':
      return <path d="M0 8l8-8M0 0l8 8" strokeWidth="1.5" />;
    case 'vertical':
      return <path d="M2 0v8M6 0v8" strokeWidth="1.5" />;
    case 'dots':
      return <circle cx="4" cy="4" r="1.6" strokeWidth="0" />;
    default:
      return null;
  }
}

/** `<defs>` with one fill pattern per patterned series. */
export function PatternDefs({
  prefix,
  styles,
}: {
  prefix: string;
  styles: readonly SeriesStyle[];
}) {
  return (
    <defs>
      {styles.map((style, i) =>
        style.pattern === 'solid' || style.pattern === 'none' ? null : (
          <pattern
            key={i}
            id={`${prefix}-fill-${i}`}
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
          >
            <rect width="8" height="8" fill={style.color} fillOpacity="0.28" />
            <g stroke={style.color} fill={style.color}>
              {patternPath(style.pattern)}
            </g>
          </pattern>
        ),
      )}
    </defs>
  );
}

function markerPath(marker: Marker, x: number, y: number, size: number): string | null {
  const s = size + 1;
  switch (marker) {
    case 'circle':
      return `M${x - size} ${y}a${size} ${size} 0 1 0 ${2 * size} 0a${size} ${size} 0 1 0 ${-2 * size} 0Z`;
    case 'square':
      return `M${x - size} ${y - size}h${2 * size}v${2 * size}h${-2 * size}Z`;
    case 'triangle':
      return `M${x} ${y - s}L${x + s} ${y + size}L${x - s} ${y + size}Z`;
    case 'diamond':
      return `M${x} ${y - s}L${x + s} ${y}L${x} ${y + s}L${x - s} ${y}Z`;
    default:
      return null;
  }
}

/**
 * A marker shape centred on (x, y). With `title`, hovering it shows the value (the browser's own
 * tooltip: no chart code needed, and the text summary beside the chart has every number too).
 */
export function MarkerShape({
  marker,
  x,
  y,
  size = 4,
  color,
  title,
}: {
  marker: Marker;
  x: number;
  y: number;
  size?: number;
  color: string;
  title?: string;
}) {
  const d = markerPath(marker, x, y, size);
  if (d === null) return null;
  return (
    <path d={d} fill="var(--surface)" stroke={color} strokeWidth={2}>
      {title && <title>{title}</title>}
    </path>
  );
}

/** A legend in HTML: each entry shows its line (dash and marker) or fill swatch and its label. */
export function Legend({
  series,
  styles,
  prefix,
  kind,
}: {
  series: readonly ChartSeries[];
  styles: readonly SeriesStyle[];
  prefix: string;
  kind: 'line' | 'fill';
}) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {series.map((s, i) => {
        const style = styles[i]!;
        return (
          <li key={s.key}>
            <svg width="28" height="14" viewBox="0 0 28 14" focusable="false">
              {kind === 'line' ? (
                <>
                  <line
                    x1="1"
                    y1="7"
                    x2="27"
                    y2="7"
                    stroke={style.color}
                    strokeWidth="2.5"
                    strokeDasharray={style.dash || undefined}
                  />
                  <MarkerShape marker={style.marker} x={14} y={7} size={3.5} color={style.color} />
                </>
              ) : (
                <>
                  <PatternDefs prefix={`${prefix}-legend-${i}`} styles={[style]} />
                  <rect
                    x="1"
                    y="1"
                    width="26"
                    height="12"
                    rx="2"
                    fill={fillOf(`${prefix}-legend-${i}`, 0, style)}
                    stroke={style.color}
                    strokeWidth="1.5"
                  />
                </>
              )}
            </svg>
            {s.label}
          </li>
        );
      })}
    </ul>
  );
}

/** "Your plan, Q2: $10.2M" — the hover text of a point. */
export function pointTitle(
  series: string,
  category: unknown,
  value: unknown,
  format: ValueFormat,
): string {
  const v: unknown = Array.isArray(value) ? (value as unknown[]).at(-1) : value;
  const where = typeof category === 'string' || typeof category === 'number' ? `, ${category}` : '';
  return `${series}${where}: ${typeof v === 'number' ? format(v) : '—'}`;
}
