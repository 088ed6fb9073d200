/**
 * The shipped scenarios, validated once when the app is built (the same `buildCatalog` the tests
 * and the loader use), in two parts:
 *
 * - `virtual:scenario-index`: each file's summary (or its issues). The library's first screen
 *   lists it, so that screen does not carry every scenario's items, events and text.
 * - `virtual:scenario-catalog-url`: the URL of one JSON file holding every validated catalog entry,
 *   which `src/app/catalogData.ts` fetches when a screen first needs a scenario: one request, data
 *   rather than code, no validation left to do in the browser. The build emits it as a hashed
 *   asset (precached for offline use); the dev server serves it fresh on every request.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

import { buildCatalog, summarizeCatalog as indexCatalog } from '../../src/engine/catalog.ts';

export const SCENARIO_INDEX_ID = 'virtual:scenario-index';
export const SCENARIO_CATALOG_URL_ID = 'virtual:scenario-catalog-url';
const DEV_CATALOG_PATH = '/@scenario-catalog.json';

/** Reads every scenario file of a folder; a file that is not JSON becomes junk the loader names. */
export function readScenarioFiles(dir: string): Record<string, unknown> {
  const modules: Record<string, unknown> = {};
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name === 'schema.json') continue;
    const text = readFileSync(join(dir, name), 'utf8');
    // The loader takes JSON text too and names a syntax error as an issue of the file.
    modules[`scenarios/${name}`] = text;
  }
  return modules;
}

/** The catalog as the browser receives it: every entry, validated and normalized, as JSON. */
export function catalogJson(dir: string): string {
  return JSON.stringify(buildCatalog(readScenarioFiles(dir)));
}

export function scenarioIndex(dir: string): Plugin {
  let command: 'build' | 'serve' = 'serve';
  return {
    name: 'roadmap-dojo:scenarios',
    configResolved(config) {
      command = config.command;
    },
    resolveId: (id) =>
      id === SCENARIO_INDEX_ID || id === SCENARIO_CATALOG_URL_ID ? `\0${id}` : undefined,
    load(id) {
      if (id !== `\0${SCENARIO_INDEX_ID}` && id !== `\0${SCENARIO_CATALOG_URL_ID}`)
        return undefined;
      for (const name of readdirSync(dir))
        if (name.endsWith('.json')) this.addWatchFile(join(dir, name));
      if (id === `\0${SCENARIO_INDEX_ID}`) {
        const index = indexCatalog(buildCatalog(readScenarioFiles(dir)));
        return `export default ${JSON.stringify(index)};\n`;
      }
      if (command === 'serve') return `export default ${JSON.stringify(DEV_CATALOG_PATH)};\n`;
      const ref = this.emitFile({
        type: 'asset',
        name: 'scenarios.json',
        source: catalogJson(dir),
      });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};\n`;
    },
    configureServer(server) {
      server.middlewares.use(DEV_CATALOG_PATH, (_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(catalogJson(dir));
      });
    },
  };
}
