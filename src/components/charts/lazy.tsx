/**
 * The charts, loaded on first use: importing this module does not load recharts. Wrap them in
 * `<Suspense>` (a `ChartPlaceholder` of the same height keeps the layout still).
 */
import { lazy } from 'react';

import './charts.css';

const charts = () => import('./index');

export const LazyLineChart = lazy(() => charts().then((m) => ({ default: m.LineChart })));
export const LazyRadarChart = lazy(() => charts().then((m) => ({ default: m.RadarChart })));
export const LazyStackedBarChart = lazy(() =>
  charts().then((m) => ({ default: m.StackedBarChart })),
);
export const LazyWaterfallChart = lazy(() => charts().then((m) => ({ default: m.WaterfallChart })));
export const LazyHistogram = lazy(() => charts().then((m) => ({ default: m.Histogram })));

/** Holds a chart's place while its code loads. */
export function ChartPlaceholder({ height }: { height: number }) {
  return (
    <div className="chart-placeholder" style={{ height }} aria-hidden="true">
      Loading chart…
    </div>
  );
}
