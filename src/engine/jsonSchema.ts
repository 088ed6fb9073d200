/**
 * The scenario JSON Schema, generated from the zod schema so editors can autocomplete and check
 * scenario files (`"$schema": "./schema.json"`). `npm run schema` writes it to
 * `scenarios/schema.json`; a test fails when the file is stale.
 */
import { z } from './zod.ts';
import { CONSTANT_INFO, CONSTANT_NAMES } from './constants.ts';
import { scenarioSchema, SCHEMA_VERSION } from './schema.ts';

/** The JSON Schema document for scenario files, as stable, formatted text. */
export function scenarioJsonSchemaText(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  describeConstants(schema);
  const doc = {
    $schema: schema.$schema,
    title: 'Roadmap Dojo scenario',
    description: `A Roadmap Dojo scenario file, schema version ${SCHEMA_VERSION}. Effort and capacity are in points, money in dollars, slots are 0-based indexes.`,
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Gives each constant override its meaning from `CONSTANT_INFO`, first among its keywords. */
function describeConstants(schema: JsonObject): void {
  const top = schema.properties;
  const constants = isObject(top) ? top.constants : undefined;
  const properties = isObject(constants) ? constants.properties : undefined;
  if (!isObject(properties)) throw new Error('the scenario schema has no constants object');
  for (const name of CONSTANT_NAMES) {
    const property = properties[name];
    if (!isObject(property)) throw new Error(`the scenario schema has no constant ${name}`);
    properties[name] = { description: CONSTANT_INFO[name].meaning, ...property };
  }
}
