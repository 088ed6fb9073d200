/**
 * Mutation testing of the engine with StrykerJS, at low CPU priority, then the per-file scores and
 * the 85% gate (scripts/mutation-report.ts). Two sets of results (`RESULT_SETS`): the engine's
 * files against the engine and explain tests (stryker.config.json), and the simulation's core,
 * `src/engine/core.ts`, against the mechanics tests (stryker.core.config.mjs).
 *
 *   npm run test:mutation                                  # every file of both sets
 *   npm run test:mutation -- src/engine/share.ts src/engine/lz.ts   # only these files
 *   npm run test:mutation -- src/engine/core.ts            # the core alone (about an hour at first)
 *
 * Incremental: results are kept in each set's file under mutation/, so a rerun tests again only
 * the mutants in changed code or covered by changed tests. With files named, the gate applies to
 * those files only. See docs/quality.md#mutation-testing for the figures and the cost of a run.
 */
import { spawnSync } from 'node:child_process';
import { RESULT_SETS } from './mutation-scores.ts';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const reports: string[] = [];
for (const set of RESULT_SETS) {
  const mine = files.filter((f) => set.measures(f));
  if (files.length > 0 && mine.length === 0) continue;
  const stryker = ['-n', '10', 'npx', 'stryker', 'run', set.config, '--incremental'];
  if (mine.length > 0) stryker.push('--mutate', mine.join(','));
  const run = spawnSync('nice', stryker, { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  reports.push(set.report);
}

const report = spawnSync(
  'npx',
  ['tsx', 'scripts/mutation-report.ts', ...files.map((f) => `--only=${f}`), ...reports],
  { stdio: 'inherit' },
);
process.exit(report.status ?? 1);
