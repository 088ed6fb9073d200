/**
 * Ids that users write (scenario, item, stakeholder, variant, team ids) and the objects keyed by
 * them.
 *
 * A plain object answers for names it never stored: `plans['constructor']` is a function and
 * `notes['toString']` a method, and assigning `obj['__proto__'] = x` replaces the object's
 * prototype instead of storing `x`. So everything keyed by such ids is an `IdRecord`: an object
 * with no prototype, built and changed only through the helpers below, and read with `entryOf`,
 * which looks at own properties only. They stay plain JSON (persisted, diffed, sent to workers).
 *
 * The scenario schema also refuses ids that are names of `Object.prototype` (`RESERVED_IDS`), so
 * a file never brings one in; the records are the defence for data that did not pass the schema
 * (saved state, links, older files).
 */
import { z } from './zod.ts';

/**
 * The property names every plain object has: an id with one of these names is refused by the
 * scenario schema. (Checked against `Object.getOwnPropertyNames(Object.prototype)` by a test.)
 */
export const RESERVED_IDS: readonly string[] = [
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
];

const reserved = new Set(RESERVED_IDS);

/** True when `id` is the name of a property every plain object has. */
export function isReservedId(id: string): boolean {
  return reserved.has(id);
}

/** The message for a reserved id (the caller names the field). */
export function reservedIdMessage(id: string): string {
  return `must not be "${id}": that name is reserved (every JavaScript object has it); choose another id, e.g. "${id.replace(/^_+|_+$/g, '') || 'id'}-1"`;
}

/** An object keyed by user-supplied ids, with no prototype. Build it with the helpers below. */
export type IdRecord<T> = Record<string, T>;

/** A new id record, optionally filled from entries or from another object's own entries. */
export function idRecord<T>(
  from: Iterable<readonly [string, T]> | Readonly<Record<string, T>> = [],
): IdRecord<T> {
  const out = Object.create(null) as IdRecord<T>;
  const entries: Iterable<readonly [string, T]> =
    Symbol.iterator in from ? from : Object.entries(from as Record<string, T>);
  // On an object without a prototype, even "__proto__" is stored as an ordinary key.
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** The value stored under `id`, or undefined: own properties only, whatever the prototype. */
export function entryOf<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined;
}

/** True when `record` stores a value under `id` (own properties only). */
export function hasEntry(record: Readonly<Record<string, unknown>>, id: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, id);
}

/** A copy of `record` with `id` set to `value`. */
export function withEntry<T>(
  record: Readonly<Record<string, T>>,
  id: string,
  value: NoInfer<T>,
): IdRecord<T> {
  const out = idRecord(record);
  out[id] = value;
  return out;
}

/** A copy of `record` without `id`. */
export function withoutEntry<T>(record: Readonly<Record<string, T>>, id: string): IdRecord<T> {
  const out = idRecord(record);
  delete out[id];
  return out;
}

/** A copy of `record` keeping only the entries `keep` accepts. */
export function filterEntries<T>(
  record: Readonly<Record<string, T>>,
  keep: (value: T, id: string) => boolean,
): IdRecord<T> {
  return idRecord(Object.entries(record).filter(([id, value]) => keep(value, id)));
}

/** A copy of `record` with every value mapped. */
export function mapEntries<T, U>(
  record: Readonly<Record<string, T>>,
  map: (value: T, id: string) => U,
): IdRecord<U> {
  return idRecord(Object.entries(record).map(([id, value]) => [id, map(value, id)] as const));
}

/**
 * A zod schema for an object keyed by ids, read into an `IdRecord`. (zod's own `z.record` builds a
 * plain object by assignment, so a `"__proto__"` key would become the prototype instead of data.)
 * Issues carry the key in their path, e.g. `plans.tutorial.variants`.
 */
export function idRecordSchema<T extends z.ZodMiniType>(value: T, maxKeyLength = 200) {
  return z.pipe(
    z.custom<Record<string, unknown>>(
      (input) => input !== null && typeof input === 'object' && !Array.isArray(input),
      { error: 'must be an object' },
    ),
    z.transform((input: Record<string, unknown>, ctx): IdRecord<z.output<T>> => {
      const out = idRecord<z.output<T>>();
      for (const [key, raw] of Object.entries(input)) {
        if (key.length > maxKeyLength) {
          ctx.issues.push({
            code: 'custom',
            input: key,
            path: [key],
            message: `must be at most ${maxKeyLength} characters (a key)`,
          });
          continue;
        }
        const parsed = value.safeParse(raw);
        if (parsed.success) out[key] = parsed.data;
        else
          for (const issue of parsed.error.issues)
            ctx.issues.push({
              ...issue,
              input: raw,
              path: [key, ...issue.path],
            } as (typeof ctx.issues)[number]);
      }
      return out;
    }),
  );
}
