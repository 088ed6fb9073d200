/**
 * How many cases a property test runs, and how long it may take before it counts as hung.
 *
 * - the default run (`npm test`, part of `npm run check`): at most 1,000 cases per fuzzer;
 * - `npm run test:deep` (TEST_DEPTH=deep, run by CI): the full counts, 10,000 for the fuzzers;
 * - mutation testing (TEST_DEPTH=mutation): a few cases, because every mutant reruns each test
 *   that covers it; the mechanics and unit tests do the killing there.
 *
 * The timeouts are hang detection, generous enough for a busy 2-core machine: a property test
 * never asserts how fast it ran (speed is measured by `npm run bench`).
 */
export type Depth = 'default' | 'deep' | 'mutation';

function depthOf(value: string | undefined): Depth {
  if (value === 'deep' || value === 'mutation') return value;
  return 'default';
}

export const DEPTH: Depth = depthOf(process.env.TEST_DEPTH);

/**
 * Cases for a property test whose full (deep) count is `deep`; the default run keeps
 * `normal` (at most 1,000 unless given), mutation testing at most `mutation`.
 */
export function cases(deep: number, normal = Math.min(deep, 1_000), mutation = 50): number {
  if (DEPTH === 'deep') return deep;
  if (DEPTH === 'mutation') return Math.min(normal, mutation);
  return normal;
}

/** The timeout of a property-test file: `perCase` ms for each of `count` cases, at least 60 s. */
export function propertyTimeout(count: number, perCase: number): number {
  return Math.max(60_000, count * perCase);
}
