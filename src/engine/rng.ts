/**
 * Seeded randomness with common random numbers.
 *
 * Every (stream, slot) pair gets one uniform draw from a generator seeded by a hash of
 * `scenarioId | runSeed | streamName`, so adding a stream never shifts another, and a changed
 * plan re-run on the same dice is an exact counterfactual: a plan changes a probability, never
 * the roll.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** 32-bit FNV-1a hash of a string: a stable seed for a named stream. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** `count` uniforms in [0, 1) for one named stream of one run. */
export function drawStream(
  scenarioId: string,
  runSeed: number,
  stream: string,
  count: number,
): number[] {
  const rng = xoroshiro128plus(hashSeed(`${scenarioId}|${runSeed}|${stream}`));
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(uniformFloat64(rng));
  return out;
}

/**
 * Smallest k with P(N ≤ k) ≥ u for N ~ Poisson(λ): the inverse-CDF draw, so a larger λ never
 * yields fewer events on the same roll.
 */
export function poissonInverse(lambda: number, u: number): number {
  if (!(lambda > 0)) return 0;
  let k = 0;
  let p = Math.exp(-lambda);
  let cdf = p;
  while (cdf < u && k < 1000) {
    k += 1;
    p *= lambda / k;
    cdf += p;
  }
  return k;
}

/** Inverse CDF of the triangular distribution on [low, high] with the given mode. */
export function triangularInverse(low: number, mode: number, high: number, u: number): number {
  if (high <= low) return mode;
  const split = (mode - low) / (high - low);
  if (u < split) return low + Math.sqrt(u * (high - low) * (mode - low));
  return high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}
