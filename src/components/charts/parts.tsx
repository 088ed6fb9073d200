/**
 * SVG pieces shared by the charts: fill patterns, markers and the legend. Recharts renders any
 * `<defs>` placed among a chart's children.
 */
import type { ReactNode } from 'react';

import type { ChartSeries, FillPattern, Marker, SeriesStyle } from './types';

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

/** A marker shape centred on (x, y). */
export function MarkerShape({
  marker,
  x,
  y,
  size = 4,
  color,
}: {
  marker: Marker;
  x: number;
  y: number;
  size?: number;
  color: string;
}) {
  const common = { fill: 'var(--surface)', stroke: color, strokeWidth: 2 };
  switch (marker) {
    case 'circle':
      return <circle cx={x} cy={y} r={size} {...common} />;
    case 'square':
      return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} {...common} />;
    case 'triangle':
      return (
        <path
          d={`M${x} ${y - size - 1}L${x + size + 1} ${y + size}L${x - size - 1} ${y + size}Z`}
          {...common}
        />
      );
    case 'diamond':
      return (
        <path
          d={`M${x} ${y - size - 1}L${x + size + 1} ${y}L${x} ${y + size + 1}L${x - size - 1} ${y}Z`}
          {...common}
        />
      );
    default:
      return null;
  }
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
