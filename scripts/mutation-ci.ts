/**
 * CI's mutation step (issue 11). Measuring the whole engine takes hours on a two-core machine, so
 * CI checks the committed results and measures again only what changed since:
 *
 * 1. reads each set of committed results (`RESULT_SETS`): `mutation/incremental.json`, the engine's
 *    files against the engine and explain tests, and `mutation/core.incremental.json`, the
 *    simulation's core against the mechanics tests (`npm run test:mutation`, committed with the
 *    change it measured; a set not committed yet is listed as not measured);
 * 2. lists, per set, the measured files whose source differs from the source they were measured
 *    on, and the set's tests that changed, appeared or went;
 * 3. when something changed, runs Stryker incrementally on the changed files (on every measured
 *    file when a test changed or went): it tests again only the mutants in changed code, or whose
 *    tests changed. A new test file alone triggers nothing: it can only kill more mutants, so the
 *    committed scores stay a lower bound. When more than `--max-retest` mutants (default 60) would be tested again, the
 *    committed results are stale: it stops and names the command to run and commit, rather than
 *    run for an hour;
 * 4. holds every measured gated file to 85%, or to its floor (`FLOORS`); files never measured are
 *    listed, not failed.
 *
 *   npx tsx scripts/mutation-ci.ts [--max-retest=60]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { report } from './mutation-report.ts';
import { RESULT_SETS, scores, type Report, type ResultSet } from './mutation-scores.ts';

interface Results extends Report {
  files: Record<string, { source: string; mutants: { status: string }[] }>;
  testFiles?: Record<string, { source?: string }>;
}

/** Measured files whose source changed, and test files that changed, appeared or went. */
export function changes(
  results: Results,
  read: (file: string) => string | null,
  testFilesNow: readonly string[],
): { sources: string[]; tests: string[]; newTests: string[] } {
  const sources = Object.entries(results.files)
    .filter(([file, { source }]) => read(file) !== null && read(file) !== source)
    .map(([file]) => file);
  const before = results.testFiles ?? {};
  const tests = [
    ...testFilesNow.filter((f) => f in before && before[f]?.source !== read(f)),
    ...Object.keys(before).filter((f) => !testFilesNow.includes(f)),
  ];
  const newTests = testFilesNow.filter((f) => !(f in before));
  return { sources, tests, newTests };
}

function testFilesNow(set: ResultSet): string[] {
  const git = spawnSync('git', ['ls-files', '--', ...set.tests.include.map((p) => `:(glob)${p}`)], {
    encoding: 'utf8',
  });
  if (git.status !== 0) throw new Error(`git ls-files failed: ${git.stderr}`);
  return git.stdout.split('\n').filter((f) => f !== '' && !set.tests.exclude.includes(f));
}

const readOrNull = (file: string): string | null =>
  existsSync(file) ? readFileSync(file, 'utf8') : null;

/** Runs Stryker on `files`, stopping it when more than `maxRetest` mutants need testing. */
function runStryker(set: ResultSet, files: readonly string[], maxRetest: number): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      'nice',
      [
        '-n',
        '10',
        'npx',
        'stryker',
        'run',
        set.config,
        '--incremental',
        '--mutate',
        files.join(','),
      ],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stale = false;
    const watch = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) =>
      createInterface({ input: stream }).on('line', (line) => {
        out.write(`${line}\n`);
        const m = /Result:\s+(\d+) of (\d+) mutant result\(s\) are reused/.exec(line);
        if (m && !stale && Number(m[2]) - Number(m[1]) > maxRetest) {
          stale = true;
          process.stderr.write(
            `\n${Number(m[2]) - Number(m[1])} mutants would be tested again (at most ${maxRetest} in CI): ` +
              `the committed results are stale. Run \`npm run test:mutation -- ${files.join(' ')}\` ` +
              `and commit ${set.results}.\n`,
          );
          process.kill(-child.pid!, 'SIGTERM');
        }
      });
    watch(child.stdout, process.stdout);
    watch(child.stderr, process.stderr);
    child.on('exit', (code) => resolve(stale ? 1 : (code ?? 1)));
  });
}

/** Brings one set of committed results up to date; returns its results, or null if none. */
async function checkSet(set: ResultSet, maxRetest: number): Promise<Results | null> {
  if (!existsSync(set.results)) {
    process.stdout.write(
      `[${set.name}] No ${set.results} yet: its files are not measured (\`npm run test:mutation\`).\n`,
    );
    return null;
  }
  const results = JSON.parse(readFileSync(set.results, 'utf8')) as Results;
  const changed = changes(results, readOrNull, testFilesNow(set));
  const measured = Object.keys(results.files).filter((f) => existsSync(f));
  const toRun = changed.tests.length > 0 ? measured : changed.sources;
  if (changed.newTests.length > 0)
    process.stdout.write(
      `[${set.name}] New test files since the committed results (they can only raise the scores; ` +
        `not measured again here): ${changed.newTests.join(', ')}\n`,
    );
  if (toRun.length === 0) {
    process.stdout.write(
      `[${set.name}] The committed results match every measured file and test (${measured.length} files).\n\n`,
    );
  } else {
    process.stdout.write(
      `[${set.name}] Changed since the committed results: ${[...changed.sources, ...changed.tests].join(', ')}\n` +
        `Measuring again (incrementally): ${toRun.join(', ')}\n\n`,
    );
    const code = await runStryker(set, toRun, maxRetest);
    if (code !== 0) process.exit(code);
  }
  return JSON.parse(readFileSync(set.results, 'utf8')) as Results;
}

async function main() {
  const maxArg = process.argv.find((a) => a.startsWith('--max-retest='));
  const maxRetest = maxArg ? Number(maxArg.slice('--max-retest='.length)) : 60;
  if (!existsSync(RESULT_SETS[0]!.results)) {
    process.stderr.write(
      `No ${RESULT_SETS[0]!.results}: run \`npm run test:mutation\` and commit it.\n`,
    );
    process.exit(1);
  }
  const files: Results['files'] = {};
  for (const set of RESULT_SETS) Object.assign(files, (await checkSet(set, maxRetest))?.files);
  process.exit(
    report(scores({ files }, process.cwd()), { markdown: false, only: [], requireAll: false }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
