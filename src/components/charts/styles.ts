/**
 * Default series styles: colours from a colour-blind-safe palette (Okabe–Ito), each with its own
 * dash pattern, marker and fill pattern so charts still read in greyscale and in print.
 * Colours are CSS custom properties (charts.css) with light and dark values.
 */
import type { ChartSeries, SeriesStyle } from './types';

export const SERIES_STYLES: readonly SeriesStyle[] = [
  { color: 'var(--chart-1)', dash: '', marker: 'circle', pattern: 'solid' },
  { color: 'var(--chart-2)', dash: '7 4', marker: 'square', pattern: 'hatch' },
  { color: 'var(--chart-3)', dash: '2 3', marker: 'triangle', pattern: 'dots' },
  { color: 'var(--chart-4)', dash: '10 3 2 3', marker: 'diamond', pattern: 'crosshatch' },
  { color: 'var(--chart-5)', dash: '4 2', marker: 'circle', pattern: 'vertical' },
  { color: 'var(--chart-6)', dash: '1 2', marker: 'square', pattern: 'solid' },
];

/** The full style of the `index`-th series. */
export function styleOf(series: ChartSeries, index: number): SeriesStyle {
  return { ...SERIES_STYLES[index % SERIES_STYLES.length]!, ...series.style };
}

/** A DOM-id-safe prefix from React's `useId`. */
export function safeId(id: string): string {
  return `chart-${id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
}
