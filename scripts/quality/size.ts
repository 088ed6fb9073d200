/**
 * Bundle budgets: the JavaScript the first screen loads (the entry script and the chunks it
 * preloads or imports statically) and all JavaScript, gzipped. Reads `dist/` (run `npm run build`
 * first), or the folder in DIST_DIR. Prints every chunk and exits 1 when a budget is missed.
 *
 *   npx tsx scripts/quality/size.ts [--json]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { table } from '../../src/cli/table.ts';

export const BUDGETS = { initialKb: 150, totalKb: 400 } as const;

const dist = process.env.DIST_DIR ?? join(import.meta.dirname, '..', '..', 'dist');

function gzipKb(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Chunks loaded before the first screen: the entry and everything it imports statically. */
function initialChunks(): Set<string> {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const visit = (rel: string) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const code = readFileSync(join(dist, rel), 'utf8');
    // Static imports of sibling chunks: `import ... from "./x.js"` or `import "./x.js"`.
    for (const m of code.matchAll(
      /(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g,
    ))
      visit(`assets/${m[1]!}`);
  };
  refs.forEach(visit);
  return seen;
}

const all = files(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const initial = initialChunks();
const rows = all
  .map((f) => {
    const rel = f.slice(dist.length + 1);
    return { rel, raw: statSync(f).size / 1024, gz: gzipKb(f), initial: initial.has(rel) };
  })
  .sort((a, b) => b.gz - a.gz);
const initialKb = rows.filter((r) => r.initial).reduce((a, r) => a + r.gz, 0);
const totalKb = rows.reduce((a, r) => a + r.gz, 0);
const ok = initialKb <= BUDGETS.initialKb && totalKb <= BUDGETS.totalKb;
// Scenario files are data, fetched as JSON when a screen first needs a scenario: not JavaScript,
// but reported so their weight stays visible.
const dataKb = files(join(dist, 'assets'))
  .filter((f) => f.endsWith('.json'))
  .reduce((a, f) => a + gzipKb(f), 0);

if (process.argv.includes('--json')) {
  process.stdout.write(
    `${JSON.stringify({ ok, initialKb, totalKb, dataKb, budgets: BUDGETS, chunks: rows }, null, 2)}\n`,
  );
} else {
  process.stdout.write(
    table(
      ['Chunk', 'Raw kB', 'Gzip kB', 'First screen'],
      rows.map((r) => [
        r.rel,
        Number(r.raw.toFixed(1)),
        Number(r.gz.toFixed(1)),
        r.initial ? 'yes' : '',
      ]),
    ),
  );
  process.stdout.write(
    `\nInitial JavaScript: ${initialKb.toFixed(1)} kB gzipped (budget ${BUDGETS.initialKb}) ${initialKb <= BUDGETS.initialKb ? 'ok' : 'OVER'}\n` +
      `Total JavaScript:   ${totalKb.toFixed(1)} kB gzipped (budget ${BUDGETS.totalKb}) ${totalKb <= BUDGETS.totalKb ? 'ok' : 'OVER'}\n` +
      `Scenario data:      ${dataKb.toFixed(1)} kB gzipped (JSON, fetched when a scenario is first opened; no budget)\n`,
  );
}
process.exitCode = ok ? 0 : 1;
