/**
 * Plants each of the one-line engine bugs of issue 11, one at a time, runs unit tests against it
 * and restores the file, whatever happens. Every bug must make at least one test fail; the script
 * prints which tests caught each one and exits 1 if a bug survives.
 *
 *   npm run test:planted                 # each bug against the test file meant to catch it
 *   npm run test:planted -- --all        # the same, listing every failing test, not the first
 *   npm run test:planted -- --full       # each bug against every engine and explain test
 *   npm run test:planted -- decay deal   # only the bugs whose name contains one of the words
 *
 * The tests run are part of the default unit run (the `engine` project of `npm test`, same
 * configuration, same depth), so a bug caught here fails `npm test` too. A focused run takes a
 * minute or two per bug on a busy 2-core machine; `--full` takes several minutes per bug. Do not
 * edit the engine while it runs: it rewrites the files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PlantedBug {
  /** A short name, also the filter word on the command line. */
  name: string;
  /** What the bug does, as issue 11 lists it. */
  what: string;
  file: string;
  /** The exact original text (must occur once in the file) and its replacement. */
  from: string;
  to: string;
  /** The test file(s) meant to catch it: what a focused run runs. */
  tests: string[];
}

export const BUGS: PlantedBug[] = [
  {
    name: 'overcommit-cap',
    what: 'over-commitment cap 2 → 3',
    file: 'src/engine/core.ts',
    from: 'else if (o > 2) o = 2;',
    to: 'else if (o > 3) o = 3;',
    tests: ['tests/engine/mechanics/step02-overcommit.test.ts'],
  },
  {
    name: 'late-deal-halved',
    what: 'the loss of a late gated deal halved',
    file: 'src/engine/core.ts',
    from: 'const share = 1 - deal.loss * late;',
    to: 'const share = 1 - (deal.loss * late) / 2;',
    tests: ['tests/engine/mechanics/step09-obligations-deals-cascades.test.ts'],
  },
  {
    name: 'mitigation-whole-slot',
    what: 'a mitigation counted for the whole slot it is done in',
    file: 'src/engine/core.ts',
    from: 'const covered = Math.max(0, Math.min(1, t + 1 - st.doneAt[m.item]!));',
    to: 'const covered = doneAt[m.item]! <= t + 1 ? 1 : 0;',
    tests: ['tests/engine/mechanics/step09-obligations-deals-cascades.test.ts'],
  },
  {
    name: 'decay-whole-slots',
    what: 'urgency decay counted in whole slots',
    file: 'src/engine/core.ts',
    from: 'u = late > 0 ? Math.pow(1 - item.urgencyRate, late) : 1;',
    to: 'u = late > 0 ? Math.pow(1 - item.urgencyRate, Math.ceil(late)) : 1;',
    tests: ['tests/engine/mechanics/step05-completion.test.ts'],
  },
  {
    name: 'par-final-climb',
    what: 'the final hill-climb of the par search skipped',
    file: 'src/engine/par.ts',
    from: 'const top = climb(elite);',
    to: 'const top = elite;',
    tests: ['tests/engine/par.test.ts'],
  },
  {
    name: 'luck-swapped',
    what: '"lucky" and "unlucky" swapped in the debrief',
    file: 'src/explain/debrief.ts',
    from: "delta < 0 ? 'unlucky' : 'lucky'",
    to: "delta < 0 ? 'lucky' : 'unlucky'",
    tests: ['tests/explain/debrief.test.ts'],
  },
  {
    name: 'horizon-check',
    what: 'the horizon check >= → >',
    file: 'src/engine/load.ts',
    from: 'if (value >= slots)',
    to: 'if (value > slots)',
    tests: ['tests/engine/mechanics/horizon.test.ts'],
  },
  {
    name: 'share-scenario-id',
    what: "a share link's embedded scenario id no longer checked",
    file: 'src/engine/share.ts',
    from: 'if (loaded.scenario.id !== scenarioId)',
    to: 'if (loaded.scenario.id !== scenarioId && false)',
    tests: ['tests/engine/share.test.ts'],
  },
];

/** What `--full` runs against each bug: every engine and explain test of the default unit run. */
const ALL_ENGINE_TESTS = ['tests/engine', 'tests/explain'];

interface VitestJson {
  numFailedTests: number;
  testResults: {
    name: string;
    assertionResults: { status: string; fullName: string }[];
  }[];
}

function plantedCopy(bug: PlantedBug, original: string): string {
  const at = original.indexOf(bug.from);
  if (at < 0 || original.indexOf(bug.from, at + 1) >= 0)
    throw new Error(
      `${bug.name}: "${bug.from}" must occur exactly once in ${bug.file}; update the bug list`,
    );
  return original.slice(0, at) + bug.to + original.slice(at + bug.from.length);
}

/** Runs the tests against the planted file; returns the names of the tests that failed. */
function runTests(
  files: string[],
  all: boolean,
  out: string,
): { failed: string[]; status: number | null } {
  const args = ['vitest', 'run', '--project', 'engine', ...files];
  args.push('--reporter=dot', '--reporter=json', `--outputFile.json=${out}`);
  if (!all) args.push('--bail=1');
  const run = spawnSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(out)) return { failed: [], status: run.status };
  const report = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
  const failed = report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((a) => a.status === 'failed')
      .map((a) => `${file.name.replace(`${process.cwd()}/`, '')} › ${a.fullName}`),
  );
  return { failed, status: run.status };
}

function main() {
  const args = process.argv.slice(2);
  const full = args.includes('--full');
  const all = full || args.includes('--all');
  const words = args.filter((a) => !a.startsWith('--'));
  const bugs = words.length ? BUGS.filter((b) => words.some((w) => b.name.includes(w))) : BUGS;
  const dir = mkdtempSync(join(tmpdir(), 'planted-'));

  // Whatever ends the run (a failure, Ctrl-C), the planted file gets its original text back.
  let restore: (() => void) | null = null;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      restore?.();
      process.exit(130);
    });

  const survivors: string[] = [];
  for (const bug of bugs) {
    const original = readFileSync(bug.file, 'utf8');
    const planted = plantedCopy(bug, original);
    restore = () => writeFileSync(bug.file, original);
    process.stdout.write(`\n${bug.name}: ${bug.what} (${bug.file})\n`);
    let result: { failed: string[]; status: number | null };
    try {
      writeFileSync(bug.file, planted);
      result = runTests(full ? ALL_ENGINE_TESTS : bug.tests, all, join(dir, `${bug.name}.json`));
    } finally {
      restore();
      restore = null;
    }
    if (result.failed.length === 0) {
      survivors.push(bug.name);
      process.stdout.write(
        result.status === 0
          ? '  SURVIVED: every test passed\n'
          : `  no test result (vitest exited ${result.status}); counted as survived\n`,
      );
    } else {
      process.stdout.write(
        `  caught by ${result.failed.length} test(s)${all ? '' : ' (first)'}:\n`,
      );
      for (const name of result.failed) process.stdout.write(`    - ${name}\n`);
    }
  }
  rmSync(dir, { recursive: true, force: true });

  process.stdout.write(
    `\n${bugs.length - survivors.length} of ${bugs.length} planted bugs caught by the unit tests\n`,
  );
  if (survivors.length > 0) {
    process.stderr.write(`survived: ${survivors.join(', ')}\n`);
    process.exit(1);
  }
}

main();
