import { describe, expect, it } from 'vitest';

import { worldsSummary } from '../../src/explain/decisions';

const worlds = (...scores: number[]) => scores.map((score) => ({ score, parScore: 93.24 }));

describe('the library’s line for worlds played quarter by quarter', () => {
  it('is absent before any world', () => {
    expect(worldsSummary([])).toBeNull();
  });

  it('counts the worlds and lists their decision scores, oldest first, against par', () => {
    expect(worldsSummary(worlds(88.04))).toBe('1 world · decision quality 88.0 (par 93.2)');
    expect(worldsSummary(worlds(80, 85.56, 91))).toBe(
      '3 worlds · decision quality 80.0 → 85.6 → 91.0 (par 93.2)',
    );
  });

  it('shows only the latest five of more', () => {
    expect(worldsSummary(worlds(1, 2, 3, 4, 5, 6, 7))).toBe(
      '7 worlds · decision quality latest 3.0 → 4.0 → 5.0 → 6.0 → 7.0 (par 93.2)',
    );
  });
});
