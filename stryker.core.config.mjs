// Mutation testing of the simulation's core against the mechanics tests:
// `npm run test:mutation -- src/engine/core.ts`. Everything but what differs comes from
// stryker.config.json, so the two sets share their timeouts, thresholds and ignore patterns.
// See docs/quality.md#mutation-testing.
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));

export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-core.config.ts', related: false },
  mutate: ['src/engine/core.ts'],
  incrementalFile: 'mutation/core.incremental.json',
  jsonReporter: { fileName: 'reports/mutation-core/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation-core/mutation.html' },
  tempDirName: '.stryker-tmp-core',
};
