/**
 * Mutation testing of the engine with StrykerJS (stryker.config.json), at low CPU priority, then
 * the per-file scores and the 85% gate (scripts/mutation-report.ts).
 *
 *   npm run test:mutation                                  # every file of stryker.config.json
 *   npm run test:mutation -- src/engine/share.ts src/engine/lz.ts   # only these files
 *
 * Incremental: results are kept in mutation/incremental.json, so a rerun tests again only the
 * mutants in changed code or covered by changed tests. With files named, the gate applies to
 * those files only. See docs/quality.md#mutation-testing for the figures and the cost of a run.
 */
import { spawnSync } from 'node:child_process';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const stryker = ['-n', '10', 'npx', 'stryker', 'run', '--incremental'];
if (files.length > 0) stryker.push('--mutate', files.join(','));

const run = spawnSync('nice', stryker, { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);

const report = spawnSync(
  'npx',
  ['tsx', 'scripts/mutation-report.ts', ...files.map((f) => `--only=${f}`)],
  {
    stdio: 'inherit',
  },
);
process.exit(report.status ?? 1);
