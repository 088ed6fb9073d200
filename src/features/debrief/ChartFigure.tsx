/** A chart with its title and the text summary beside it; the chart itself loads lazily. */
import { Suspense, useId, type ReactNode } from 'react';

import { ChartPlaceholder } from '../../components/charts/lazy';

export function ChartFigure({
  title,
  summary,
  height,
  children,
  testId,
}: {
  title: string;
  summary: string;
  height: number;
  children: ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`} data-testid={testId}>
      <h3 id={`${id}-title`} className="chart-title">
        {title}
      </h3>
      <Suspense fallback={<ChartPlaceholder height={height} />}>{children}</Suspense>
      <figcaption className="chart-summary">{summary}</figcaption>
    </figure>
  );
}
