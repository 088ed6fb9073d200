/**
 * The browser tests' web server (playwright.config.ts): serves the production build with
 * `vite preview`, building it first only when `<outDir>` does not already hold a build of the
 * current sources (see scripts/vite/buildStamp.ts). After `npm run check`, which builds `dist/`,
 * `npm run test:e2e` serves that build instead of making it again.
 *
 *   tsx scripts/e2e/server.ts --port 4173 --out-dir dist
 */
import { spawnSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { buildIsCurrent } from '../vite/buildStamp.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4173' },
    'out-dir': { type: 'string', default: 'dist' },
  },
});
const port = values.port;
const outDir = values['out-dir'];
const root = join(import.meta.dirname, '..', '..');
const vite = join(root, 'node_modules', '.bin', 'vite');

if (buildIsCurrent(root, outDir)) {
  process.stdout.write(`${outDir}/ is a build of the current sources: serving it as it is.\n`);
} else {
  process.stdout.write(`Building ${outDir}/ for the browser tests.\n`);
  const build = spawnSync(vite, ['build', '--outDir', outDir], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const preview = spawn(
  vite,
  ['preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', port, '--strictPort'],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    preview.kill(signal);
  });
preview.on('exit', (code) => process.exit(code ?? 0));
