import { describe, expect, it } from 'vitest';

import { niceScale, valuesOf } from '../../../src/components/charts/scale';

describe('niceScale', () => {
  it('widens a range to round ends with round, evenly spaced ticks', () => {
    expect(niceScale(10.8e6, 12.7e6)).toEqual({
      domain: [10.5e6, 13e6],
      ticks: [10.5e6, 11e6, 11.5e6, 12e6, 12.5e6, 13e6],
    });
    expect(niceScale(39.2, 74.5).ticks).toEqual([30, 40, 50, 60, 70, 80]);
    expect(niceScale(0.002, 0.315).ticks).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(niceScale(0.6, 1).ticks).toEqual([0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('keeps ends that are already round and copes with flat or missing data', () => {
    expect(niceScale(0, 100).domain).toEqual([0, 100]);
    expect(niceScale(5, 5).domain).toEqual([4.5, 5.5]);
    expect(niceScale(0, 0).domain).toEqual([-1, 1]);
    expect(niceScale(Infinity, 3).domain).toEqual([0, 1]);
  });

  it('reads the finite numbers of the charted fields', () => {
    expect(valuesOf([{ a: 1, b: 'x' }, { a: null, b: 3 }, { a: NaN }], ['a', 'b'])).toEqual([1, 3]);
  });
});
