/**
 * Per-file mutation scores from StrykerJS's JSON report (reports/mutation/mutation.json, written by
 * `npm run test:mutation`), and the gate: every file of the modules below must score at least
 * 85%. Exits 1 when one does not, or when one is missing from the report.
 *
 * Score = detected / (detected + undetected): killed and timed-out mutants are detected; survivors
 * and mutants no test reaches are not. Ignored mutants (static ones: module-level definitions such
 * as the zod schema, see docs/quality.md#mutation-testing) and ones that do not compile do not count.
 *
 *   npx tsx scripts/mutation-report.ts [--markdown] [--only=src/engine/share.ts …] [report.json]
 *
 * With `--only`, the gate applies to those files alone (a scoped run, `npm run test:mutation --
 * FILE…`); without it, to every gated file, each of which must be in the report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const THRESHOLD = 85;

/** The modules held to the threshold, by area (issue 11). */
export const GATED: Record<string, string[]> = {
  simulation: ['core', 'expected', 'simulate', 'compile'].map((f) => `src/engine/${f}.ts`),
  scoring: ['score', 'anchors'].map((f) => `src/engine/${f}.ts`),
  par: ['src/engine/par.ts'],
  debrief: ['src/explain/debrief.ts'],
  loading: ['load', 'schema', 'migrations', 'issues'].map((f) => `src/engine/${f}.ts`),
  link: ['share', 'workshop', 'lz', 'planFile'].map((f) => `src/engine/${f}.ts`),
};

interface Mutant {
  status: string;
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

export interface FileScore {
  file: string;
  area: string | null;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  ignored: number;
  score: number | null;
}

export function scores(report: Report, root = process.cwd()): FileScore[] {
  const areaOf = new Map(
    Object.entries(GATED).flatMap(([area, files]) => files.map((f) => [f, area])),
  );
  return Object.entries(report.files)
    .map(([path, { mutants }]) => {
      const file = path.startsWith(root) ? path.slice(root.length + 1) : path;
      const count = (status: string) => mutants.filter((m) => m.status === status).length;
      const killed = count('Killed');
      const timeout = count('Timeout');
      const survived = count('Survived');
      const noCoverage = count('NoCoverage');
      const total = killed + timeout + survived + noCoverage;
      return {
        file,
        area: areaOf.get(file) ?? null,
        killed,
        timeout,
        survived,
        noCoverage,
        ignored: count('Ignored'),
        score: total > 0 ? (100 * (killed + timeout)) / total : null,
      };
    })
    .sort((a, b) => (a.area ?? '~').localeCompare(b.area ?? '~') || a.file.localeCompare(b.file));
}

function main() {
  const args = process.argv.slice(2);
  const markdown = args.includes('--markdown');
  const only = args.filter((a) => a.startsWith('--only=')).map((a) => a.slice('--only='.length));
  const path =
    args.find((a) => !a.startsWith('--')) ?? join('reports', 'mutation', 'mutation.json');
  const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
  const rows = scores(report);
  const fmt = (s: number | null) => (s === null ? '—' : `${s.toFixed(1)}%`);
  const lines = rows.map((r) =>
    markdown
      ? `| ${r.area ?? '(not gated)'} | \`${r.file}\` | **${fmt(r.score)}** | ${r.killed + r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.ignored} |`
      : `${(r.area ?? '-').padEnd(11)} ${r.file.padEnd(30)} ${fmt(r.score).padStart(7)}  detected ${String(r.killed + r.timeout).padStart(4)}  survived ${String(r.survived).padStart(4)}  no coverage ${String(r.noCoverage).padStart(4)}  ignored ${String(r.ignored).padStart(4)}`,
  );
  if (markdown)
    process.stdout.write(
      `| area | file | score | detected | survived | no coverage | ignored |\n| --- | --- | --- | --- | --- | --- | --- |\n`,
    );
  process.stdout.write(`${lines.join('\n')}\n`);
  const total = rows.reduce(
    (t, r) => ({ d: t.d + r.killed + r.timeout, u: t.u + r.survived + r.noCoverage }),
    { d: 0, u: 0 },
  );
  process.stdout.write(`\nall files: ${fmt((100 * total.d) / (total.d + total.u))}\n`);

  const failures: string[] = [];
  for (const [area, files] of Object.entries(GATED))
    for (const file of files) {
      if (only.length > 0 && !only.includes(file)) continue;
      const row = rows.find((r) => r.file === file);
      if (!row) failures.push(`${file} (${area}) is not in the report`);
      else if (row.score !== null && row.score < THRESHOLD)
        failures.push(`${file} (${area}) scores ${fmt(row.score)}, below ${THRESHOLD}%`);
    }
  if (failures.length > 0) {
    process.stderr.write(
      `\nMutation score gate failed:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`every gated file scores at least ${THRESHOLD}%\n`);
}

main();
