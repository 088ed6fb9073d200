/**
 * Display formats (src/explain/format.ts): money, percentages, signed numbers, metrics in their
 * units and slot times. The engine keeps full precision; rounding happens only here.
 */
import { describe, expect, it } from 'vitest';

import {
  formatMetric,
  formatMoney,
  formatPercent,
  formatSigned,
  formatSlotTime,
} from '../../src/explain/format.ts';

describe('formatMoney', () => {
  it('shows millions with two decimals, tens of millions with one', () => {
    expect(formatMoney(1_000_000)).toBe('$1.00M');
    expect(formatMoney(1_234_567)).toBe('$1.23M');
    expect(formatMoney(9_994_999)).toBe('$9.99M');
    expect(formatMoney(10_000_000)).toBe('$10.0M');
    expect(formatMoney(12_345_678)).toBe('$12.3M');
  });

  it('shows thousands as whole k, and smaller amounts in dollars', () => {
    expect(formatMoney(450_000)).toBe('$450k');
    expect(formatMoney(1_000)).toBe('$1k');
    expect(formatMoney(12_400)).toBe('$12k');
    expect(formatMoney(999)).toBe('$999');
    expect(formatMoney(0)).toBe('$0');
    expect(formatMoney(0.4)).toBe('$0');
  });

  it('puts a true minus sign before negative amounts', () => {
    expect(formatMoney(-2_400_000)).toBe('−$2.40M');
    expect(formatMoney(-45_000)).toBe('−$45k');
    expect(formatMoney(-12)).toBe('−$12');
  });
});

describe('formatPercent', () => {
  it('turns a share into a percentage with the digits asked for', () => {
    expect(formatPercent(0.234)).toBe('23%');
    expect(formatPercent(0.2345, 1)).toBe('23.4%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
  });
});

describe('formatSigned', () => {
  it('signs non-zero numbers with + and a true minus', () => {
    expect(formatSigned(3.21)).toBe('+3.2');
    expect(formatSigned(-1)).toBe('−1.0');
    expect(formatSigned(2.5, 0)).toBe('+3');
    expect(formatSigned(-0.456, 2)).toBe('−0.46');
  });

  it('writes a number that rounds to zero without a sign', () => {
    expect(formatSigned(0)).toBe('0.0');
    expect(formatSigned(0.04)).toBe('0.0');
    expect(formatSigned(-0.04)).toBe('0.0');
    expect(formatSigned(-0.4, 0)).toBe('0');
  });
});

describe('formatMetric', () => {
  it('shows each metric in its unit', () => {
    expect(formatMetric('revenue', 2_500_000)).toBe('$2.50M');
    expect(formatMetric('security', -120_000)).toBe('−$120k');
    expect(formatMetric('csat', 71.25)).toBe('71.3');
    expect(formatMetric('reliability', -312.6)).toBe('313 min down');
    expect(formatMetric('capacityHealth', 0.815)).toBe('82%');
    expect(formatMetric('compliance', 0.5)).toBe('50%');
    expect(formatMetric('stakeholders', 2 / 3)).toBe('67%');
  });

  it('shows a dash for a metric that does not apply', () => {
    expect(formatMetric('compliance', null)).toBe('—');
  });
});

describe('formatSlotTime', () => {
  const labels = ['Q1', 'Q2', 'Q3', 'Q4'];

  it('names the slot a completion time falls in, and how far into it', () => {
    expect(formatSlotTime(labels, 0.2)).toBe('early Q1');
    expect(formatSlotTime(labels, 0.5)).toBe('mid Q1');
    expect(formatSlotTime(labels, 0.9)).toBe('late Q1');
    expect(formatSlotTime(labels, 1.3)).toBe('early Q2');
    expect(formatSlotTime(labels, 3.5)).toBe('mid Q4');
  });

  it('counts the end of a slot as late in that slot, not early in the next', () => {
    expect(formatSlotTime(labels, 1)).toBe('late Q1');
    expect(formatSlotTime(labels, 4)).toBe('late Q4');
  });

  it('puts the boundaries at a third and two thirds', () => {
    expect(formatSlotTime(labels, 0.34)).toBe('early Q1');
    expect(formatSlotTime(labels, 0.35)).toBe('mid Q1');
    expect(formatSlotTime(labels, 0.66)).toBe('mid Q1');
    expect(formatSlotTime(labels, 0.67)).toBe('late Q1');
  });

  it('keeps times outside the year in its first and last slots', () => {
    expect(formatSlotTime(labels, 0)).toBe('early Q1');
    expect(formatSlotTime(labels, 6)).toBe('late Q4');
  });
});
