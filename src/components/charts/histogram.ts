/** Bins and markers of a histogram, kept apart from drawing so they can be tested. */

export interface HistogramBin {
  from: number;
  to: number;
}

/** "60–65": the label of a bin. */
export function binLabel(bin: HistogramBin): string {
  return `${bin.from}–${bin.to}`;
}

/** The index of the bin a value falls in (the last bin includes its upper edge); -1 if none. */
export function binIndex(bins: readonly HistogramBin[], value: number): number {
  return bins.findIndex(
    (b, i) => value >= b.from && (value < b.to || (i === bins.length - 1 && value <= b.to)),
  );
}

/** Rows for a grouped bar chart: one per bin, with each series' count under its key. */
export function histogramRows(
  bins: readonly HistogramBin[],
  series: readonly { key: string; counts: readonly number[] }[],
): Record<string, string | number>[] {
  return bins.map((bin, i) => ({
    bin: binLabel(bin),
    ...Object.fromEntries(series.map((s) => [s.key, s.counts[i] ?? 0])),
  }));
}

/** Drops empty bins at both ends (keeping at least one), so the bars use the width. */
export function trimBins(
  bins: readonly HistogramBin[],
  series: readonly { counts: readonly number[] }[],
  keep: readonly number[] = [],
): { first: number; last: number } {
  const used = bins.map((_, i) => series.some((s) => (s.counts[i] ?? 0) > 0) || keep.includes(i));
  const first = used.indexOf(true);
  const last = used.lastIndexOf(true);
  return first < 0 ? { first: 0, last: Math.max(0, bins.length - 1) } : { first, last };
}
