/**
 * The box every chart draws in: a fixed height, the full width, and an accessible name. The
 * picture is an image to assistive technology (`role="img"`); the text summary the caller puts
 * beside it carries the numbers.
 */
import type { ReactNode } from 'react';

import './charts.css';

export function ChartFrame({
  label,
  height,
  children,
  legend,
}: {
  /** The chart's accessible name, e.g. "ARR per quarter, your plan and par". */
  label: string;
  height: number;
  children: ReactNode;
  legend?: ReactNode;
}) {
  return (
    <div className="chart">
      <div className="chart-plot" role="img" aria-label={label} style={{ height }}>
        {children}
      </div>
      {legend}
    </div>
  );
}
