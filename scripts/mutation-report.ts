/**
 * Per-file mutation scores from StrykerJS's JSON reports (reports/mutation/mutation.json and, for
 * the simulation's core, reports/mutation-core/mutation.json, written by `npm run
 * test:mutation`), and the gate (`scripts/mutation-scores.ts`): every gated file scores
 * at least 85%, or its floor while it has one. Exits 1 when one does not, or when one is missing
 * from the report.
 *
 *   npx tsx scripts/mutation-report.ts [--markdown] [--only=src/engine/share.ts …] [report.json …]
 *
 * With `--only`, the gate applies to those files alone (a scoped run, `npm run test:mutation --
 * FILE…`); without it, to every gated file, each of which must be in one of the reports. Without
 * a report named, it reads every set's report that exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import {
  RESULT_SETS,
  formatScore,
  gate,
  scores,
  THRESHOLD,
  type FileScore,
  type Report,
} from './mutation-scores.ts';

/** The score table, as aligned text or as a Markdown table. */
export function scoreTable(rows: readonly FileScore[], markdown: boolean): string {
  const lines = rows.map((r) =>
    markdown
      ? `| ${r.area ?? '(not gated)'} | \`${r.file}\` | **${formatScore(r.score)}** | ${r.killed + r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.ignored} |`
      : `${(r.area ?? '-').padEnd(11)} ${r.file.padEnd(30)} ${formatScore(r.score).padStart(7)}  detected ${String(r.killed + r.timeout).padStart(4)}  survived ${String(r.survived).padStart(4)}  no coverage ${String(r.noCoverage).padStart(4)}  ignored ${String(r.ignored).padStart(4)}`,
  );
  const head = markdown
    ? `| area | file | score | detected | survived | no coverage | ignored |\n| --- | --- | --- | --- | --- | --- | --- |\n`
    : '';
  const total = rows.reduce(
    (t, r) => ({ d: t.d + r.killed + r.timeout, u: t.u + r.survived + r.noCoverage }),
    { d: 0, u: 0 },
  );
  return `${head}${lines.join('\n')}\n\nall files: ${formatScore((100 * total.d) / (total.d + total.u))}\n`;
}

/** Prints the table and the gate's verdict; returns the exit code. */
export function report(
  rows: readonly FileScore[],
  options: { markdown: boolean; only: string[]; requireAll: boolean },
): number {
  process.stdout.write(scoreTable(rows, options.markdown));
  const verdict = gate(rows, options);
  for (const line of verdict.belowTarget)
    process.stdout.write(`below ${THRESHOLD}%, held to its floor: ${line}\n`);
  if (!options.requireAll)
    for (const file of verdict.unmeasured) process.stdout.write(`not measured yet: ${file}\n`);
  if (verdict.failures.length > 0) {
    process.stderr.write(
      `\nMutation score gate failed:\n${verdict.failures.map((f) => `  - ${f}`).join('\n')}\n`,
    );
    return 1;
  }
  process.stdout.write(`every gated file measured scores at least ${THRESHOLD}% or its floor\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const only = args.filter((a) => a.startsWith('--only=')).map((a) => a.slice('--only='.length));
  const named = args.filter((a) => !a.startsWith('--'));
  const paths = named.length > 0 ? named : RESULT_SETS.map((s) => s.report).filter(existsSync);
  const files: Report['files'] = {};
  for (const path of paths)
    Object.assign(files, (JSON.parse(readFileSync(path, 'utf8')) as Report).files);
  process.exit(
    report(scores({ files }, process.cwd()), {
      markdown: args.includes('--markdown'),
      only,
      requireAll: true,
    }),
  );
}
