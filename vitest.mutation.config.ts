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
    // Whole guard-rail checks take seconds per run (par searches, perturbations).
    exclude: ['tests/engine/guardrails.test.ts'],
    env: { TEST_DEPTH: 'mutation' },
    testTimeout: 120_000,
  },
});
