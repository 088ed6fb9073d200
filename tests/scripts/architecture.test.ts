/**
 * The architecture rules bite: planted imports, linted through the project's own ESLint config
 * (eslint.config.js) with ESLint's Node API, are refused with the layer's message, and the allowed
 * directions pass. If a rule stops resolving paths or a layer drops out of the table, this fails.
 *
 * The planted files are linted as text under a path in the layer (nothing is written to disk);
 * type-aware rules are switched off for them because the files do not exist for TypeScript.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

const eslint = new ESLint({
  cwd: root,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }],
});

/** The messages of the boundary and purity rules for `code` planted at `path`. */
async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === null || /^boundaries\/|^no-restricted/.test(m.ruleId))
    .map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

/** Whether a relative import from `file` names a file that exists (a planted import must). */
function exists(file: string, specifier: string): boolean {
  if (!specifier.startsWith('.')) return true;
  const target = resolve(root, dirname(file), specifier);
  return ['', '.ts', '.tsx', '/index.ts'].some((end) => existsSync(`${target}${end}`));
}

const RELAY_IS_A_SERVER = 'src/relay is the Node relay server';

const use = (specifier: string) =>
  `import * as planted from '${specifier}';\nexport { planted };\n`;

// Loading the config and its plugins takes seconds on a busy machine; each lint after is quick.
beforeAll(async () => {
  await eslint.lintText('', { filePath: `${root}/src/engine/warm-up.ts` });
}, 120_000);

describe('architecture boundaries (eslint-plugin-boundaries)', { timeout: 30_000 }, () => {
  it.each([
    // [file, import, why]
    ['src/workers/planted.ts', '../store', 'src/workers runs off the main thread'],
    ['src/workers/planted.ts', '../store/index.ts', 'src/workers runs off the main thread'],
    [
      'src/workers/planted.ts',
      '../features/debrief/DebriefPage',
      'src/workers runs off the main thread',
    ],
    ['src/features/board/planted.ts', '../debrief/Reveal', 'must not import another feature'],
    [
      'src/features/board/planted.ts',
      '../../features/workshop/hooks.ts',
      'must not import another feature',
    ],
    [
      'src/features/board/planted.ts',
      '../../app/routes',
      'must not import another feature or the app',
    ],
    ['src/engine/planted.ts', '../explain/format', 'src/engine is the pure engine'],
    ['src/engine/planted.ts', '../store', 'src/engine is the pure engine'],
    ['src/engine/planted.ts', 'node:fs', 'src/engine is the pure engine'],
    ['src/engine/planted.ts', 'fs', 'src/engine is the pure engine'],
    ['src/engine/planted.ts', 'react', 'src/engine is the pure engine'],
    // Classic zod is three times the weight of zod/mini in every bundle the engine is in.
    // Classic zod is about three times the weight of zod/mini in every bundle that has it.
    ['src/engine/planted.ts', 'zod', 'Import z from src/engine/zod.ts (zod/mini)'],
    ['src/features/board/planted.ts', 'zod', 'Import z from src/engine/zod.ts (zod/mini)'],
    ['src/store/planted.ts', 'zod/v4', 'Import z from src/engine/zod.ts (zod/mini)'],
    ['src/explain/planted.ts', '../store/summary', 'imports only the engine'],
    ['src/explain/planted.ts', 'zustand', 'imports only the engine'],
    ['src/store/planted.ts', '../features/board/dnd', 'src/store imports only the engine'],
    ['src/store/planted.ts', '../workers/gateway', 'src/store imports only the engine'],
    ['src/components/planted.ts', '../store', 'shared UI without domain state'],
    ['src/cli/planted.ts', '../store', 'src/cli runs under Node'],
    ['src/cli/planted.ts', '../features/share/files', 'src/cli runs under Node'],
    ['scripts/planted.ts', '../src/app/catalog.ts', 'scripts (build and measuring tools)'],
    ['scripts/planted.ts', '../src/features/share/files.ts', 'scripts (build and measuring tools)'],
    ['scripts/vite/planted.ts', '../../src/store/index.ts', 'scripts (build and measuring tools)'],
    ['vite.config.ts', './src/app/catalog.ts', 'The Vite config loads build helpers'],
    ['vite.config.ts', './src/store/summary.ts', 'The Vite config loads build helpers'],
    ['src/main.tsx', './features/board/BoardPage', 'src/main.tsx starts the app'],
    // Live rooms: the relay is a Node server nothing in the browser imports; the room protocol
    // (shared by both) sits on the engine alone.
    ['src/features/workshop/planted.ts', '../../relay/server', RELAY_IS_A_SERVER],
    ['src/store/planted.ts', '../relay/nodeClient', RELAY_IS_A_SERVER],
    ['src/app/planted.ts', '../relay/main.ts', RELAY_IS_A_SERVER],
    ['src/workers/planted.ts', '../relay/files', RELAY_IS_A_SERVER],
    ['src/room/planted.ts', '../relay/server', RELAY_IS_A_SERVER],
    ['src/room/planted.ts', '../store', 'src/room (the room protocol'],
    ['src/room/planted.ts', '../store/roomSlice.ts', 'src/room (the room protocol'],
    ['src/room/planted.ts', '../explain/format', 'src/room (the room protocol'],
    ['src/room/planted.ts', '../features/workshop/RoomBar', 'src/room (the room protocol'],
    ['src/room/planted.ts', 'node:crypto', 'src/room (the room protocol'],
    ['src/room/planted.ts', 'react', 'src/room (the room protocol'],
    ['src/room/planted.ts', '@hocuspocus/provider', 'src/room (the room protocol'],
    ['src/relay/planted.ts', '../store', 'src/relay is the Node relay: it imports'],
    ['src/relay/planted.ts', '../explain/format', 'src/relay is the Node relay: it imports'],
    [
      'src/relay/planted.ts',
      '../features/workshop/RoomBar',
      'src/relay is the Node relay: it imports',
    ],
    ['src/relay/planted.ts', '../workers/gateway', 'src/relay is the Node relay: it imports'],
    ['src/relay/planted.ts', 'react', 'src/relay is the Node relay: it imports'],
    ['src/relay/planted.ts', 'zustand', 'src/relay is the Node relay: it imports'],
    ['src/engine/planted.ts', '../room/protocol', 'src/engine is the pure engine'],
    ['src/explain/planted.ts', '../room/protocol', 'imports only the engine'],
  ])('%s importing %s fails', async (file, specifier, why) => {
    // A missing file is not checked by the rules: the planted import must name a real one.
    expect(exists(file, specifier)).toBe(true);
    const found = await problems(file, use(specifier));
    expect(found).toEqual([expect.stringContaining(why)]);
  });

  it('refuses a dynamic import and a re-export the same way', async () => {
    expect(
      await problems('src/workers/planted.ts', "export const x = () => import('../store');\n"),
    ).toEqual([expect.stringContaining('src/workers runs off the main thread')]);
    expect(
      await problems('src/features/share/planted.ts', "export * from '../board/dnd';\n"),
    ).toEqual([expect.stringContaining('must not import another feature')]);
  });

  it.each([
    ['src/explain/planted.ts', '../engine'],
    ['src/engine/planted.ts', 'zod/mini'],
    ['src/engine/planted.ts', 'lz-string'],
    ['src/store/planted.ts', '../explain/format'],
    ['src/workers/planted.ts', '../explain/debrief'],
    ['src/workers/planted.ts', 'comlink'],
    ['src/features/board/planted.ts', '../../store'],
    ['src/features/board/planted.ts', '../../workers/gateway'],
    ['src/features/board/planted.ts', './dnd'],
    ['src/app/planted.ts', '../features/board/BoardPage'],
    ['src/cli/planted.ts', 'node:fs'],
    ['scripts/planted.ts', '../src/engine/index.ts'],
    ['scripts/planted.ts', '../src/cli/table.ts'],
    ['vite.config.ts', './scripts/vite/scenarioIndex.ts'],
    ['tests/planted.test.ts', '../src/features/board/dnd'],
    ['src/room/planted.ts', '../engine/plan.ts'],
    ['src/room/planted.ts', 'yjs'],
    ['src/room/planted.ts', 'zod/mini'],
    ['src/relay/planted.ts', '../room/protocol.ts'],
    ['src/relay/planted.ts', '../engine/load.ts'],
    ['src/relay/planted.ts', 'node:http'],
    ['src/relay/planted.ts', '@hocuspocus/server'],
    ['src/store/planted.ts', '../room/protocol'],
    ['src/features/workshop/planted.ts', '../../room/protocol'],
    ['src/cli/planted.ts', '../relay/main.ts'],
    ['scripts/planted.ts', '../src/relay/nodeClient.ts'],
    ['scripts/planted.ts', '../src/room/protocol.ts'],
    ['tests/planted.test.ts', '../src/relay/server'],
  ])('%s importing %s passes', async (file, specifier) => {
    expect(exists(file, specifier)).toBe(true);
    expect(await problems(file, use(specifier))).toEqual([]);
  });

  it('keeps the engine, the explain layer and the room protocol free of the clock, dice and the DOM', async () => {
    for (const file of ['src/engine/planted.ts', 'src/explain/planted.ts', 'src/room/planted.ts']) {
      const found = await problems(
        file,
        'export const a = Math.random();\nexport const b = Date.now();\nexport const c = document.title;\n',
      );
      expect(found).toHaveLength(3);
    }
  });
});
