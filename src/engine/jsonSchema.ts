/**
 * The scenario JSON Schema, generated from the zod schema so editors can autocomplete and check
 * scenario files (`"$schema": "./schema.json"`). `npm run schema` writes it to
 * `scenarios/schema.json`; a test fails when the file is stale.
 */
import { z } from './zod.ts';
import { scenarioSchema, SCHEMA_VERSION } from './schema.ts';

/** The JSON Schema document for scenario files, as stable, formatted text. */
export function scenarioJsonSchemaText(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const doc = {
    $schema: schema.$schema,
    title: 'Roadmap Dojo scenario',
    description: `A Roadmap Dojo scenario file, schema version ${SCHEMA_VERSION}. Effort and capacity are in points, money in dollars, slots are 0-based indexes.`,
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
