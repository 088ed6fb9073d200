/**
 * A time-boxed look at one file's mutants, for a file too costly to measure in one sitting
 * (`src/engine/core.ts`: about 1,500 mutants, each covered by nearly every engine test, so hours
 * on two cores). Runs Stryker on the file at low priority with each mutant's result written as
 * soon as it is known, stops after `--minutes`, and prints what it saw: the mutants tested, the
 * score among them, and (`--list`) every survivor with its line, to write tests from.
 *
 *   npm run test:mutation:sample -- src/engine/core.ts --minutes 90 [--list]
 *   npm run test:mutation:sample -- src/engine/core.ts --tests tests/engine/mechanics
 *   npm run test:mutation:sample -- src/engine/core.ts:1064-1520 --tests tests/engine/mechanics
 *   npm run test:mutation:sample -- --summary [--list]     # the last sample again, no run
 *
 * A sample is not a measurement: it leaves `mutation/incremental.json` alone (so the committed
 * results and CI's gate are untouched), Stryker picks the order, and a stopped run's mutants are
 * not a random draw. It runs the mutation tests (`MUTATION_TESTS`) without the three gap-path
 * quality tests, whose fixed timeouts the instrumented engine overruns (`MUTATION_SAMPLE=1`,
 * read by vitest.mutation.config.ts), so its score is a lower bound; `--tests <folder>` runs only
 * the tests under that folder (say, how well the mechanics tests alone pin the simulation). docs/quality.md,
 * "Mutation testing", has the figures.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { formatScore, scores } from './mutation-scores.ts';

const OUT = join('reports', 'mutation-sample');
const EVENTS = join(OUT, 'events');
const CONFIG = join(OUT, 'stryker.sample.json');

interface MutantEvent {
  fileName: string;
  status: string;
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number; column: number } };
}

/**
 * Counts, score and survivors of one file among the recorded mutant results, scored by the rule
 * the committed results use (`scores`).
 */
export function summarize(events: readonly MutantEvent[], file: string) {
  const mine = events.filter((e) => e.fileName.replace(/\\/g, '/').endsWith(`/${file}`));
  const [row] = scores({ files: { [file]: { mutants: mine } } }, '');
  const survivors = mine
    .filter((e) => e.status === 'Survived' || e.status === 'NoCoverage')
    .sort(
      (a, b) =>
        a.location.start.line - b.location.start.line ||
        a.location.start.column - b.location.start.column,
    );
  return {
    tested: mine.length,
    detected: row!.killed + row!.timeout,
    survived: row!.survived,
    noCoverage: row!.noCoverage,
    score: row!.score,
    survivors,
  };
}

function readEvents(): MutantEvent[] {
  let names: string[];
  try {
    names = readdirSync(EVENTS);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('-onMutantTested.json'))
    .map((n) => JSON.parse(readFileSync(join(EVENTS, n), 'utf8')) as MutantEvent);
}

function report(target: string, list: boolean): void {
  // A file, or a file with a line range (`src/engine/core.ts:1064-1520`, as Stryker's --mutate).
  const file = target.replace(/:\d+-\d+$/, '');
  const s = summarize(readEvents(), file);
  if (s.tested === 0) {
    console.log(`no mutant of ${file} was tested in the last sample (${EVENTS})`);
    return;
  }
  console.log(
    `${file}: ${s.tested} mutants tested, ${formatScore(s.score)} detected (${s.detected} detected, ${s.survived} survived, ${s.noCoverage} not reached)`,
  );
  if (list)
    for (const m of s.survivors)
      console.log(
        `  ${m.location.start.line}:${m.location.start.column}  ${m.status === 'NoCoverage' ? 'not reached' : 'survived'}  ${m.mutatorName} → ${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 90)}`,
      );
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      minutes: { type: 'string', default: '60' },
      tests: { type: 'string' },
      list: { type: 'boolean', default: false },
      summary: { type: 'boolean', default: false },
    },
  });
  const { list, tests } = values;
  const minutes = Number(values.minutes);
  const file = positionals[0];

  if (values.summary) {
    if (!existsSync(join(OUT, 'file.txt'))) {
      console.error(`no sample has run here yet (${OUT}): run one with a file to sample`);
      process.exit(2);
    }
    report(readFileSync(join(OUT, 'file.txt'), 'utf8').trim(), list);
  } else {
    if (!file || !Number.isFinite(minutes) || minutes <= 0) {
      console.error(
        'usage: npm run test:mutation:sample -- <file.ts> [--minutes N] [--tests <folder>] [--list]',
      );
      process.exit(2);
    }
    const base = JSON.parse(readFileSync('stryker.config.json', 'utf8')) as Record<string, unknown>;
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'file.txt'), `${file}\n`);
    writeFileSync(
      CONFIG,
      JSON.stringify(
        {
          ...base,
          incremental: false,
          reporters: ['clear-text', 'progress', 'event-recorder'],
          eventReporter: { baseDir: EVENTS },
        },
        null,
        2,
      ),
    );
    const child = spawn('nice', ['-n', '10', 'npx', 'stryker', 'run', CONFIG, '--mutate', file], {
      stdio: 'inherit',
      detached: true,
      env: {
        ...process.env,
        MUTATION_SAMPLE: '1',
        ...(tests ? { MUTATION_SAMPLE_TESTS: tests } : {}),
      },
    });
    const stop = setTimeout(() => {
      console.log(`\n${minutes} minutes: stopping the sample`);
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }, minutes * 60_000);
    child.on('exit', () => {
      clearTimeout(stop);
      report(file, list);
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
