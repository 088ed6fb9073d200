/**
 * The tests StrykerJS runs against each mutant of the engine (`npm run test:mutation`): the
 * engine and explain tests in Node, with property tests at a few cases (TEST_DEPTH=mutation),
 * since every mutant reruns each test that covers it. See docs/quality.md#mutation-testing.
 */
import { defineConfig } from 'vitest/config';
import { MUTATION_TESTS } from './scripts/mutation-scores.ts';

export default defineConfig({
  test: {
    environment: 'node',
    include: [...MUTATION_TESTS.include],
    exclude: [...MUTATION_TESTS.exclude],
    env: { TEST_DEPTH: 'mutation' },
    // Instrumented code runs many times slower; Stryker times mutants out on its own.
    testTimeout: 600_000,
  },
});
