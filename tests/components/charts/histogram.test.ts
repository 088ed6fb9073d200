import { describe, expect, it } from 'vitest';

import {
  binIndex,
  binLabel,
  histogramRows,
  trimBins,
} from '../../../src/components/charts/histogram';

const bins = [0, 1, 2, 3].map((i) => ({ from: i * 25, to: (i + 1) * 25 }));

describe('histogram helpers', () => {
  it('puts a value in the bin it falls in; the last bin keeps its upper edge', () => {
    expect(binIndex(bins, 0)).toBe(0);
    expect(binIndex(bins, 24.99)).toBe(0);
    expect(binIndex(bins, 25)).toBe(1);
    expect(binIndex(bins, 100)).toBe(3);
    expect(binIndex(bins, 101)).toBe(-1);
    expect(binLabel(bins[1]!)).toBe('25–50');
  });

  it('makes one row per bin with every series count', () => {
    expect(
      histogramRows(bins, [
        { key: 'a', counts: [1, 2, 3, 4] },
        { key: 'b', counts: [0, 5] },
      ])[1],
    ).toEqual({ bin: '25–50', a: 2, b: 5 });
  });

  it('trims empty bins at both ends but keeps bins holding a marker', () => {
    const series = [{ counts: [0, 3, 0, 0] }];
    expect(trimBins(bins, series)).toEqual({ first: 1, last: 1 });
    expect(trimBins(bins, series, [3])).toEqual({ first: 1, last: 3 });
    expect(trimBins(bins, [{ counts: [0, 0, 0, 0] }])).toEqual({ first: 0, last: 3 });
  });
});
