/**
 * Writes scenarios/schema.json from the zod schema. `--check` exits 1 when the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioJsonSchemaText } from '../src/engine/jsonSchema.ts';

const target = join(import.meta.dirname, '..', 'scenarios', 'schema.json');
const text = scenarioJsonSchemaText();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    process.stderr.write('scenarios/schema.json is stale: run `npm run schema`\n');
    process.exit(1);
  }
  process.stdout.write('scenarios/schema.json is up to date\n');
} else {
  writeFileSync(target, text);
  process.stdout.write(`wrote ${target}\n`);
}
