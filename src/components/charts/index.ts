/**
 * Generic charts (recharts), with no domain knowledge: plain rows and series in, an accessible
 * picture out. Import them through `./lazy` so recharts loads only when a chart is shown; put a
 * text summary beside every chart.
 */
export { LineChart, type LineChartProps } from './LineChart';
export { RadarChart, type RadarChartProps } from './RadarChart';
export { StackedBarChart, type StackedBarChartProps } from './StackedBarChart';
export { WaterfallChart, type WaterfallChartProps } from './WaterfallChart';
export { Histogram, type HistogramProps } from './Histogram';
