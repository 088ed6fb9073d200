/** Shared fixtures for engine tests: the shipped scenarios, loaded. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario, type Scenario } from '../../src/engine/index.ts';

export const SCENARIO_DIR = join(import.meta.dirname, '..', '..', 'scenarios');

export function scenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .sort();
}

export function rawScenario(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCENARIO_DIR, `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

export function shipped(name: string): Scenario {
  const result = loadScenario(rawScenario(name));
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.issues)}`);
  return result.scenario;
}

/** A deep copy of a shipped scenario's raw JSON, changed by `edit`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke arbitrary fields of raw JSON
export function edited(name: string, edit: (raw: any) => void): unknown {
  const raw = structuredClone(rawScenario(name));
  edit(raw);
  return raw;
}
