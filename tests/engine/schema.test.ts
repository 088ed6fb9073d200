import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from '../../src/engine/jsonSchema.ts';
import { rawScenario, scenarioFiles, SCENARIO_DIR } from './helpers.ts';

describe('published JSON Schema', () => {
  it('is up to date with the zod schema (run `npm run schema` when this fails)', () => {
    expect(readFileSync(join(SCENARIO_DIR, 'schema.json'), 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it.each(scenarioFiles())('is referenced by %s for editor autocompletion', (file) => {
    expect(rawScenario(file.replace('.json', '')).$schema).toBe('./schema.json');
  });
});
