/**
 * Bundle budgets, gzipped: the JavaScript the first screen loads (the entry script and the chunks
 * it preloads or imports statically); all the app's JavaScript (every screen, the engine worker);
 * and the live-rooms add-on (the room screens and the Yjs/Hocuspocus transport, loaded only when
 * someone hosts or joins a room). Reads `dist/` (run `npm run build` first), or the folder in
 * DIST_DIR, with the build's `.vite/manifest.json` to know which chunks only rooms reach. Prints
 * every chunk and exits 1 when a budget is missed.
 *
 *   npx tsx scripts/quality/size.ts [--json]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { table } from '../../src/cli/table.ts';

export const BUDGETS = { initialKb: 150, totalKb: 425, roomsKb: 50 } as const;

/**
 * Where the rooms add-on starts: the modules the app imports dynamically only for a room. A chunk
 * belongs to the add-on when it is reachable from one of these and not from the app without them.
 */
export const ROOM_ENTRIES = [
  'src/features/workshop/RoomHostPage.tsx',
  'src/features/workshop/RoomJoinPage.tsx',
  'src/store/roomTransport.ts',
] as const;

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

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** Chunk files only the rooms reach (see ROOM_ENTRIES), from the build's manifest. */
function roomChunks(): Set<string> {
  const path = join(dist, '.vite', 'manifest.json');
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
  } catch (error) {
    throw new Error(`Cannot read the build manifest ${path} (build.manifest in vite.config.ts)`, {
      cause: error,
    });
  }
  for (const entry of ROOM_ENTRIES)
    if (!manifest[entry])
      throw new Error(`${entry} is not a chunk of this build: update ROOM_ENTRIES in size.ts`);
  const reach = (starts: readonly string[], skip: ReadonlySet<string>) => {
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key) || skip.has(key) || !manifest[key]) return;
      seen.add(key);
      const chunk = manifest[key];
      [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])].forEach(visit);
    };
    starts.forEach(visit);
    return new Set([...seen].map((key) => manifest[key]!.file));
  };
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  const app = reach(entries, new Set(ROOM_ENTRIES));
  return new Set([...reach(ROOM_ENTRIES, new Set())].filter((file) => !app.has(file)));
}

const all = files(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const initial = initialChunks();
const rooms = roomChunks();
const rows = all
  .map((f) => {
    const rel = f.slice(dist.length + 1);
    return {
      rel,
      raw: statSync(f).size / 1024,
      gz: gzipKb(f),
      initial: initial.has(rel),
      rooms: rooms.has(rel),
    };
  })
  .sort((a, b) => b.gz - a.gz);
const sum = (list: readonly { gz: number }[]) => list.reduce((a, r) => a + r.gz, 0);
const initialKb = sum(rows.filter((r) => r.initial));
const totalKb = sum(rows.filter((r) => !r.rooms));
const roomsKb = sum(rows.filter((r) => r.rooms));
const ok =
  initialKb <= BUDGETS.initialKb && totalKb <= BUDGETS.totalKb && roomsKb <= BUDGETS.roomsKb;
// Scenario files are data, fetched as JSON when a screen first needs a scenario: not JavaScript,
// but reported so their weight stays visible.
const dataKb = files(join(dist, 'assets'))
  .filter((f) => f.endsWith('.json'))
  .reduce((a, f) => a + gzipKb(f), 0);

if (process.argv.includes('--json')) {
  process.stdout.write(
    `${JSON.stringify(
      { ok, initialKb, totalKb, roomsKb, dataKb, budgets: BUDGETS, chunks: rows },
      null,
      2,
    )}\n`,
  );
} else {
  process.stdout.write(
    table(
      ['Chunk', 'Raw kB', 'Gzip kB', 'Loaded'],
      rows.map((r) => [
        r.rel,
        Number(r.raw.toFixed(1)),
        Number(r.gz.toFixed(1)),
        r.initial ? 'first screen' : r.rooms ? 'rooms only' : '',
      ]),
    ),
  );
  process.stdout.write(
    `\nInitial JavaScript: ${initialKb.toFixed(1)} kB gzipped (budget ${BUDGETS.initialKb}) ${initialKb <= BUDGETS.initialKb ? 'ok' : 'OVER'}\n` +
      `App JavaScript:     ${totalKb.toFixed(1)} kB gzipped (budget ${BUDGETS.totalKb}) ${totalKb <= BUDGETS.totalKb ? 'ok' : 'OVER'} (every screen and the engine worker)\n` +
      `Rooms add-on:       ${roomsKb.toFixed(1)} kB gzipped (budget ${BUDGETS.roomsKb}) ${roomsKb <= BUDGETS.roomsKb ? 'ok' : 'OVER'} (loaded only to host or join a live room)\n` +
      `Scenario data:      ${dataKb.toFixed(1)} kB gzipped (JSON, fetched when a scenario is first opened; no budget)\n`,
  );
}
process.exitCode = ok ? 0 : 1;
