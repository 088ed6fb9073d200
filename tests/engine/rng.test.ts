/**
 * The dice (src/engine/rng.ts): stream seeds, uniform streams and the inverse-CDF draws.
 */
import { describe, expect, it } from 'vitest';

import { drawStream, hashSeed, poissonInverse, triangularInverse } from '../../src/engine/rng.ts';

/** P(N ≤ k) for N ~ Poisson(λ), summed directly. */
function poissonCdf(lambda: number, k: number): number {
  let term = Math.exp(-lambda);
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= lambda / i;
    sum += term;
  }
  return sum;
}

describe('hashSeed', () => {
  it('is 32-bit FNV-1a, as a signed integer', () => {
    // Published FNV-1a test vectors.
    expect(hashSeed('')).toBe(0x811c9dc5 | 0);
    expect(hashSeed('a')).toBe(0xe40c292c | 0);
    expect(hashSeed('foobar')).toBe(0xbf9cf968 | 0);
  });
});

describe('drawStream', () => {
  it('draws uniforms in [0, 1), the same for the same scenario, seed and stream', () => {
    const a = drawStream('tutorial', 1, 'incidents', 200);
    expect(a).toHaveLength(200);
    expect(a.every((u) => u >= 0 && u < 1)).toBe(true);
    expect(drawStream('tutorial', 1, 'incidents', 200)).toEqual(a);
    // Spread over the interval, not stuck.
    expect(new Set(a).size).toBe(200);
    expect(a.filter((u) => u < 0.5).length).toBeGreaterThan(60);
    expect(a.filter((u) => u >= 0.5).length).toBeGreaterThan(60);
  });

  it('gives each slot its own draw: a longer stream starts with the shorter one', () => {
    expect(drawStream('tutorial', 3, 'breach', 8).slice(0, 4)).toEqual(
      drawStream('tutorial', 3, 'breach', 4),
    );
    expect(drawStream('tutorial', 3, 'breach', 0)).toEqual([]);
  });

  it('changes with the scenario, the run seed and the stream name', () => {
    const base = drawStream('tutorial', 1, 'incidents', 4);
    expect(drawStream('zero-day', 1, 'incidents', 4)).not.toEqual(base);
    expect(drawStream('tutorial', 2, 'incidents', 4)).not.toEqual(base);
    expect(drawStream('tutorial', 1, 'breach', 4)).not.toEqual(base);
  });
});

describe('poissonInverse', () => {
  it('is the smallest k with P(N ≤ k) ≥ u', () => {
    for (const lambda of [0.05, 0.6, 2, 7.5]) {
      for (const u of [0.001, 0.1, 0.37, 0.5, 0.9, 0.999]) {
        const k = poissonInverse(lambda, u);
        expect(poissonCdf(lambda, k)).toBeGreaterThanOrEqual(u);
        if (k > 0) expect(poissonCdf(lambda, k - 1)).toBeLessThan(u);
      }
    }
  });

  it('is zero for no rate, and for a roll at or below P(N = 0)', () => {
    expect(poissonInverse(0, 0.99)).toBe(0);
    expect(poissonInverse(-1, 0.99)).toBe(0);
    expect(poissonInverse(Number.NaN, 0.5)).toBe(0);
    expect(poissonInverse(1, 0)).toBe(0);
    expect(poissonInverse(1, Math.exp(-1))).toBe(0);
    expect(poissonInverse(1, Math.exp(-1) + 1e-9)).toBe(1);
  });

  it('never yields fewer events for a larger rate on the same roll', () => {
    for (const u of [0.2, 0.5, 0.8, 0.95]) {
      let last = 0;
      for (let lambda = 0.1; lambda < 10; lambda += 0.3) {
        const k = poissonInverse(lambda, u);
        expect(k).toBeGreaterThanOrEqual(last);
        last = k;
      }
    }
  });

  it('stops at 1,000 events whatever the roll', () => {
    expect(poissonInverse(5000, 0.5)).toBe(1000);
  });
});

describe('triangularInverse', () => {
  it('maps 0 to low, 1 to high and the mode’s share to the mode', () => {
    expect(triangularInverse(2, 5, 14, 0)).toBe(2);
    expect(triangularInverse(2, 5, 14, 1)).toBeCloseTo(14, 12);
    expect(triangularInverse(2, 5, 14, (5 - 2) / (14 - 2))).toBeCloseTo(5, 12);
  });

  it('follows the triangular CDF on both sides of the mode', () => {
    const [low, mode, high] = [2, 5, 14];
    // CDF: (x − low)²/((high − low)(mode − low)) below the mode, 1 − (high − x)²/(…) above.
    const cdf = (x: number) =>
      x <= mode
        ? (x - low) ** 2 / ((high - low) * (mode - low))
        : 1 - (high - x) ** 2 / ((high - low) * (high - mode));
    for (const u of [0.05, 0.2, 0.25, 0.4, 0.75, 0.99])
      expect(cdf(triangularInverse(low, mode, high, u))).toBeCloseTo(u, 12);
  });

  it('has the mean (low + mode + high)/3 that expected mode uses', () => {
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += triangularInverse(3, 6, 15, (i + 0.5) / n);
    expect(sum / n).toBeCloseTo((3 + 6 + 15) / 3, 3);
  });

  it('returns the mode when there is no range', () => {
    expect(triangularInverse(4, 4, 4, 0.7)).toBe(4);
    expect(triangularInverse(5, 4, 3, 0.7)).toBe(4);
  });
});
