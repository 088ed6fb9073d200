/**
 * `virtual:scenario-index`: the library's first screen, made when the app is built. Every file in
 * `scenarios/` goes through the same validation as at run time (`buildCatalog`); the module keeps
 * only each scenario's summary (or the file's issues), so the first screen does not carry every
 * scenario's items, events and text. The scenarios themselves load with `src/app/catalogData.ts`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

import { buildCatalog, indexCatalog } from '../../src/app/catalog.ts';

export const SCENARIO_INDEX_ID = 'virtual:scenario-index';
const RESOLVED = `\0${SCENARIO_INDEX_ID}`;

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

export function scenarioIndex(dir: string): Plugin {
  return {
    name: 'roadmap-dojo:scenario-index',
    resolveId: (id) => (id === SCENARIO_INDEX_ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      for (const name of readdirSync(dir))
        if (name.endsWith('.json')) this.addWatchFile(join(dir, name));
      const index = indexCatalog(buildCatalog(readScenarioFiles(dir)));
      return `export default ${JSON.stringify(index)};\n`;
    },
  };
}
