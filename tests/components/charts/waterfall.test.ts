import { describe, expect, it } from 'vitest';

import { waterfallBars } from '../../../src/components/charts/waterfall';

describe('waterfallBars', () => {
  it('floats each change from the running total and draws totals from zero', () => {
    const bars = waterfallBars([
      { label: 'Revenue', value: 100 },
      { label: 'Outages', value: -30 },
      { label: 'Fees', value: -10 },
      { label: 'Net', value: 60, total: true },
      { label: 'Bonus', value: 5 },
    ]);
    expect(bars.map((b) => [b.kind, b.range, b.level])).toEqual([
      ['gain', [0, 100], 100],
      ['loss', [70, 100], 70],
      ['loss', [60, 70], 60],
      ['total', [0, 60], 60],
      ['gain', [60, 65], 65],
    ]);
  });

  it('handles running totals below zero', () => {
    const bars = waterfallBars([
      { label: 'a', value: 10 },
      { label: 'b', value: -25 },
      { label: 'net', value: -15, total: true },
    ]);
    expect(bars.map((b) => b.range)).toEqual([
      [0, 10],
      [-15, 10],
      [-15, 0],
    ]);
  });
});
