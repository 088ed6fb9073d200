/**
 * `npm run dev` starts without a warning. Vite bundles vite.config.ts and everything it imports,
 * and warns when that code uses what its native config loader will not support (imports without a
 * file extension, directory imports, `__dirname`). This loads the config the way the dev server
 * does and fails on any warning, so the warning cannot quietly come back.
 */
import { fileURLToPath } from 'node:url';

import { createLogger, loadConfigFromFile } from 'vite';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('vite.config.ts', () => {
  it('loads for the dev server with no warning', async () => {
    const warnings: string[] = [];
    const logger = createLogger('warn');
    logger.warn = (message) => void warnings.push(message);
    logger.warnOnce = (message) => void warnings.push(message);
    const loaded = await loadConfigFromFile(
      { command: 'serve', mode: 'development' },
      undefined,
      root,
      'warn',
      logger,
    );
    expect(loaded?.path).toMatch(/vite\.config\.ts$/);
    expect(warnings).toEqual([]);
    // The config's own modules: build helpers and the engine, never app, store or feature code.
    const own = loaded!.dependencies
      .map((d) => d.replaceAll('\\', '/'))
      .filter((d) => !d.includes('node_modules'));
    expect(own.filter((d) => /\/src\/(app|store|features|components|workers)\//.test(d))).toEqual(
      [],
    );
  }, 60_000);
});
