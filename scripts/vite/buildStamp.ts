/**
 * A fingerprint of everything a production build is made from, written next to the build
 * (`<outDir>/.build-inputs`), so the browser tests can serve the build `npm run check` just made
 * instead of building the same thing again (scripts/e2e/server.ts). Any change to the sources,
 * scenarios, public files, build configuration or locked dependencies changes the fingerprint.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** What a build is made from, relative to the project root. */
export const BUILD_INPUTS = [
  'src',
  'public',
  'scenarios',
  'scripts/vite',
  'index.html',
  'vite.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

export const STAMP_FILE = '.build-inputs';

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** SHA-256 over the path and content of every build input, in a fixed order. */
export function buildInputsHash(root: string): string {
  const hash = createHash('sha256');
  for (const input of BUILD_INPUTS)
    for (const file of filesUnder(join(root, input))) {
      hash.update(relative(root, file));
      hash.update('\0');
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  return hash.digest('hex');
}

/** True when `outDir` holds a complete build of exactly the current inputs. */
export function buildIsCurrent(root: string, outDir: string): boolean {
  const dir = resolve(root, outDir);
  const stamp = join(dir, STAMP_FILE);
  if (!existsSync(stamp) || !existsSync(join(dir, 'index.html'))) return false;
  return readFileSync(stamp, 'utf8').trim() === buildInputsHash(root);
}

/** Vite plugin: stamps every production build with the fingerprint of its inputs. */
export function buildStamp(root: string): Plugin {
  let inputs = '';
  let outDir = 'dist';
  return {
    name: 'roadmap-dojo:build-stamp',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    buildStart() {
      // Taken when the build starts: an edit during the build leaves a stamp that no longer
      // matches, so the next run builds again.
      inputs = buildInputsHash(root);
    },
    closeBundle() {
      writeFileSync(join(outDir, STAMP_FILE), `${inputs}\n`);
    },
  };
}
