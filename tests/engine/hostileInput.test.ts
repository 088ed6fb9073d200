/**
 * Hostile scenario input, at the mechanism: every id field refuses the names every JavaScript
 * object has, and every number field refuses a value that would overflow the model — each with
 * an issue naming the field. The fields are found by walking the shipped scenarios, so a new
 * field is covered as soon as a scenario uses it.
 */
import { describe, expect, it } from 'vitest';

import { loadScenario } from '../../src/engine/index.ts';
import {
  RESERVED_IDS,
  entryOf,
  idRecord,
  idRecordSchema,
  isReservedId,
  withEntry,
  withoutEntry,
} from '../../src/engine/ids.ts';
import { z } from '../../src/engine/zod.ts';
import { formatPath } from '../../src/engine/issues.ts';
import { rawScenario, scenarioFiles } from './helpers.ts';

type Path = (string | number)[];

/** Every leaf of a JSON value with its path. */
function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value }];
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

const scenarios = scenarioFiles().map((file) => ({
  name: file.replace('.json', ''),
  raw: rawScenario(file.replace('.json', '')),
}));

describe('ids that are names of Object.prototype', () => {
  it('lists every property name a plain object has', () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype))
      expect(isReservedId(name), name).toBe(true);
    expect(isReservedId('Constructor')).toBe(false);
    expect(isReservedId('constructor-1')).toBe(false);
  });

  it.each(scenarios)('are refused in every id field of $name, naming the field', ({ raw }) => {
    const idFields = leaves(raw).filter(
      ({ path, value }) => path.at(-1) === 'id' && typeof value === 'string',
    );
    expect(idFields.length).toBeGreaterThan(3);
    idFields.forEach(({ path }, n) => {
      const name = RESERVED_IDS[n % RESERVED_IDS.length]!;
      const result = loadScenario(setAt(raw, path, name));
      expect(result.ok, `${formatPath(path)} = ${name}`).toBe(false);
      if (result.ok) return;
      const issue = result.issues.find((i) => i.path === formatPath(path));
      expect(issue, `${formatPath(path)}: ${JSON.stringify(result.issues)}`).toBeDefined();
      // "__proto__" already fails the id pattern (it starts with "_"); every other name is named.
      if (!name.startsWith('_')) expect(issue!.message).toContain(`must not be "${name}"`);
    });
  });
});

describe('numeric bounds', () => {
  it('capacity 1e308 gets a clear message naming the field', () => {
    const raw = setAt(rawScenario('tutorial'), ['team', 'capacity'], 1e308);
    const result = loadScenario(JSON.stringify(raw));
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'team.capacity', message: 'must be at most 10,000' }],
    });
  });

  it.each(scenarios)(
    'every number in $name refuses ±1e308 with an issue on that field',
    ({ raw }) => {
      const numbers = leaves(raw).filter(({ value }) => typeof value === 'number');
      expect(numbers.length).toBeGreaterThan(10);
      for (const { path } of numbers) {
        for (const huge of [1e308, -1e308]) {
          const result = loadScenario(setAt(raw, path, huge));
          expect(result.ok, `${formatPath(path)} = ${huge}`).toBe(false);
          if (result.ok) continue;
          // A number inside a union (capacity per slot, a literal) may be named by its parent.
          const named = result.issues.some(
            (i) => i.path === formatPath(path) || formatPath(path).startsWith(`${i.path}`),
          );
          expect(named, `${formatPath(path)}: ${JSON.stringify(result.issues)}`).toBe(true);
        }
      }
    },
  );
});

describe('id records', () => {
  it('keep "__proto__" and "constructor" as data and never answer from a prototype', () => {
    let record = idRecord<number>();
    expect(entryOf(record, 'constructor')).toBeUndefined();
    expect(entryOf({}, 'toString')).toBeUndefined();
    record = withEntry(record, '__proto__', 1);
    record = withEntry(record, 'constructor', 2);
    expect(Object.keys(record)).toEqual(['__proto__', 'constructor']);
    expect(entryOf(record, '__proto__')).toBe(1);
    expect(JSON.parse(JSON.stringify(record))).toEqual(
      JSON.parse('{"__proto__":1,"constructor":2}'),
    );
    expect(Object.keys(withoutEntry(record, '__proto__'))).toEqual(['constructor']);
    expect(Object.getPrototypeOf(withoutEntry(record, '__proto__'))).toBeNull();
  });

  it('parse objects keyed by such ids without losing an entry (zod records would)', () => {
    const input = JSON.parse('{"__proto__": "a", "constructor": "b", "toString": "c"}');
    const schema = idRecordSchema(z.string());
    const parsed = schema.parse(input);
    expect(Object.keys(parsed)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getPrototypeOf(parsed)).toBeNull();
    // What a zod record makes of the same input: "__proto__" becomes the prototype.
    expect(Object.keys(z.record(z.string(), z.string()).parse(input))).not.toContain('__proto__');
    const bad = schema.safeParse({ ok: 'x', broken: 3 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['broken']);
  });
});
