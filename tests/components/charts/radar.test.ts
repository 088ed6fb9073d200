import { describe, expect, it } from 'vitest';

import { LABEL_FONT, radarRadius } from '../../../src/components/charts/radar';

const METRICS = [
  'Revenue',
  'Satisfaction',
  'Capacity health',
  'Reliability',
  'Security',
  'Stakeholders',
];
// A wide glyph (DejaVu Sans, the fallback on Linux) is about 0.55 of the font size.
const widest = (labels: string[]) =>
  Math.max(...labels.flatMap((l) => l.split(' ').map((w) => w.length))) * 0.55 * LABEL_FONT;

describe('radarRadius', () => {
  it('leaves room for the longest label word on both sides on a phone', () => {
    const width = 322; // a chart card on a 390 px screen
    const r = radarRadius(width, 300, METRICS);
    expect(width / 2 - r).toBeGreaterThanOrEqual(widest(METRICS));
    expect(r).toBeGreaterThan(50);
  });

  it('is limited by the height on a wide chart, with room for wrapped labels above and below', () => {
    const r = radarRadius(600, 300, METRICS);
    expect(r).toBeLessThan(150 - 2 * LABEL_FONT);
    expect(r).toBeGreaterThan(100);
  });

  it('wraps at spaces, so a long two-word label needs no more room than its longer word', () => {
    expect(radarRadius(322, 300, ['Capacity health'])).toBe(
      radarRadius(322, 300, ['Capacity']) - 0,
    );
  });

  it('never goes below a readable minimum', () => {
    expect(radarRadius(60, 60, METRICS)).toBe(24);
  });
});
