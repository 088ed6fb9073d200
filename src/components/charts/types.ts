/**
 * Shared types of the chart components. Charts take plain rows and series and know nothing about
 * roadmaps; every series can be told apart without colour (dash pattern, marker, fill pattern).
 */

/** One data row: a category (e.g. a slot label) and numbers keyed by series. */
export type ChartRow = Record<string, string | number | null>;

export type Marker = 'circle' | 'square' | 'triangle' | 'diamond' | 'none';
export type FillPattern = 'solid' | 'hatch' | 'crosshatch' | 'dots' | 'vertical' | 'none';

/** How a series is drawn. `color` is any CSS colour, e.g. `var(--chart-1)`. */
export interface SeriesStyle {
  color: string;
  /** SVG `stroke-dasharray`, e.g. "6 4"; empty for solid. */
  dash: string;
  marker: Marker;
  pattern: FillPattern;
}

export interface ChartSeries {
  /** The row field holding this series' values. */
  key: string;
  /** Shown in the legend, direct labels and tooltips. */
  label: string;
  /** Any part not given comes from the series' position in `SERIES_STYLES`. */
  style?: Partial<SeriesStyle>;
}

/** Formats a value for axes, labels and tooltips. */
export type ValueFormat = (value: number) => string;
