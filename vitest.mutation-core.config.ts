/**
 * The tests StrykerJS runs against each mutant of the simulation's core (`npm run test:mutation
 * -- src/engine/core.ts`, stryker.core.config.mjs): the mechanics tests only
 * (`tests/engine/mechanics`), which pin each step of docs/model.md with numbers worked out from its
 * formulas. Every other engine and explain test runs the core too, so under the whole set each
 * mutant reran about 1,200 tests (hours for the file); against the mechanics tests the whole file
 * takes about an hour and a quarter once, then minutes to tens of minutes per change.
 * See docs/quality.md#mutation-testing.
 */
import { defineConfig } from 'vitest/config';
import { CORE_MUTATION_TESTS } from './scripts/mutation-scores.ts';

export default defineConfig({
  test: {
    environment: 'node',
    include: [...CORE_MUTATION_TESTS.include],
    env: { TEST_DEPTH: 'mutation' },
    // Instrumented code runs many times slower; Stryker times mutants out on its own.
    testTimeout: 600_000,
  },
});
