/**
 * The tests StrykerJS runs against each mutant of the engine (`npm run test:mutation`): the
 * engine and explain tests in Node, with property tests at a few cases (TEST_DEPTH=mutation),
 * since every mutant reruns each test that covers it. See docs/quality.md#mutation-testing.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/engine/**/*.test.ts', 'tests/explain/**/*.test.ts'],
    // Seconds per run each (par searches at full budget, perturbations): par.test.ts covers the
    // search's parts on small budgets instead.
    exclude: ['tests/engine/guardrails.test.ts', 'tests/engine/par.search.test.ts'],
    env: { TEST_DEPTH: 'mutation' },
    // Instrumented code runs many times slower; Stryker times mutants out on its own.
    testTimeout: 600_000,
  },
});
