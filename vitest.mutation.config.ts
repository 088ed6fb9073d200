/**
 * The tests StrykerJS runs against each mutant of the engine (`npm run test:mutation`): the
 * engine and explain tests in Node, with property tests at a few cases (TEST_DEPTH=mutation),
 * since every mutant reruns each test that covers it. See docs/quality.md#mutation-testing.
 */
import { defineConfig } from 'vitest/config';
import { MUTATION_TESTS } from './scripts/mutation-scores.ts';

/**
 * A time-boxed sample (scripts/mutation-sample.ts) leaves out the gap-path quality tests, whose
 * fixed timeouts are overrun when a whole large module is instrumented, and may run only the tests
 * under one folder (`MUTATION_SAMPLE_TESTS`, from its `--tests`).
 */
const sample = process.env.MUTATION_SAMPLE;
const SAMPLE_SKIPS = sample
  ? [
      'tests/explain/pathCoverage.test.ts',
      'tests/explain/path.room.test.ts',
      'tests/explain/path.slot.test.ts',
    ]
  : [];
const only = sample ? process.env.MUTATION_SAMPLE_TESTS : undefined;
const include = only ? [`${only.replace(/\/+$/, '')}/**/*.test.ts`] : [...MUTATION_TESTS.include];

export default defineConfig({
  test: {
    environment: 'node',
    include,
    exclude: [...MUTATION_TESTS.exclude, ...SAMPLE_SKIPS],
    env: { TEST_DEPTH: 'mutation' },
    // Instrumented code runs many times slower; Stryker times mutants out on its own.
    testTimeout: 600_000,
  },
});
