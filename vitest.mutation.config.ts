/**
 * The tests StrykerJS runs against each mutant of the engine (`npm run test:mutation`): the
 * engine and explain tests in Node, with property tests at a few cases (TEST_DEPTH=mutation),
 * since every mutant reruns each test that covers it. See docs/quality.md#mutation-testing.
 */
import { defineConfig } from 'vitest/config';
import { MUTATION_TESTS } from './scripts/mutation-scores.ts';

/**
 * A time-boxed sample (scripts/mutation-sample.ts) leaves out the gap-path quality tests: their
 * fixed timeouts are overrun when a whole large module is instrumented.
 */
const SAMPLE_SKIPS = process.env.MUTATION_SAMPLE
  ? [
      'tests/explain/pathCoverage.test.ts',
      'tests/explain/path.room.test.ts',
      'tests/explain/path.slot.test.ts',
    ]
  : [];

export default defineConfig({
  test: {
    environment: 'node',
    include: [...MUTATION_TESTS.include],
    exclude: [...MUTATION_TESTS.exclude, ...SAMPLE_SKIPS],
    env: { TEST_DEPTH: 'mutation' },
    // Instrumented code runs many times slower; Stryker times mutants out on its own.
    testTimeout: 600_000,
  },
});
