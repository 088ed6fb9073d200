/**
 * The sentences a refused input gets, one per kind of problem: the field named as a path, the
 * problem in words an author can act on (not zod's wording). The expected sentences are the
 * wording issues.ts promises, written out here.
 */
import { describe, expect, it } from 'vitest';

import { formatPath, fromZodError, summarizeIssues } from '../../src/engine/issues.ts';
import { z } from '../../src/engine/zod.ts';

/** The issues a schema gives for an input (a parse that must fail). */
function issuesOf(schema: z.ZodMiniType, input: unknown, prefix: PropertyKey[] = []) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return fromZodError(parsed.error, input, prefix);
}

/** The one message a schema gives for a value in field `x`. */
function messageFor(schema: z.ZodMiniType, value: unknown): string {
  const issues = issuesOf(z.object({ x: schema }), value === undefined ? {} : { x: value });
  expect(issues).toHaveLength(1);
  expect(issues[0]!.path).toBe('x');
  return issues[0]!.message;
}

describe('refusal messages', () => {
  it('names the path: fields with dots, list positions in brackets, the root as (file)', () => {
    expect(formatPath(['items', 3, 'effort'])).toBe('items[3].effort');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath([])).toBe('(file)');
    const schema = z.object({ items: z.array(z.object({ effort: z.number() })) });
    expect(issuesOf(schema, { items: [{ effort: 1 }, { effort: 'x' }] })).toEqual([
      { path: 'items[1].effort', message: 'must be a number, not string "x"' },
    ]);
    expect(issuesOf(z.number(), 'x', ['scenario'])).toEqual([
      { path: 'scenario', message: 'must be a number, not string "x"' },
    ]);
  });

  it.each([
    [z.number(), 'a number', true, 'boolean true'],
    [z.int(), 'a whole number', 1.5, 'number 1.5'],
    [z.string(), 'text', 5, 'number 5'],
    [z.boolean(), 'true or false', null, 'null'],
    [z.array(z.number()), 'a list', { a: 1 }, 'an object'],
    [z.object({}), 'an object', [1], 'a list'],
    [z.tuple([z.number()]), 'a list', 'x', 'string "x"'],
  ])('a wrong type says what it must be and what it is (%#)', (schema, expected, value, got) => {
    expect(messageFor(schema, value)).toBe(`must be ${expected}, not ${got}`);
  });

  it('calls a missing field required, and names non-finite numbers as they are', () => {
    expect(messageFor(z.number(), undefined)).toBe('is required');
    expect(messageFor(z.string(), Number.POSITIVE_INFINITY)).toBe('must be text, not Infinity');
    expect(messageFor(z.string(), Number.NaN)).toBe('must be text, not NaN');
  });

  it('words lower bounds for lists, text and numbers', () => {
    expect(messageFor(z.array(z.number()).check(z.minLength(1)), [])).toBe(
      'must have at least 1 entry',
    );
    expect(messageFor(z.array(z.number()).check(z.minLength(3)), [1])).toBe(
      'must have at least 3 entries',
    );
    expect(messageFor(z.string().check(z.minLength(1)), '')).toBe('must not be empty');
    expect(messageFor(z.string().check(z.minLength(4)), 'ab')).toBe(
      'must be at least 4 characters',
    );
    expect(messageFor(z.number().check(z.gt(0)), 0)).toBe('must be a positive number');
    expect(messageFor(z.number().check(z.gte(0)), -1)).toBe('must be at least 0');
    expect(messageFor(z.number().check(z.gte(2)), 1)).toBe('must be at least 2');
    expect(messageFor(z.number().check(z.gt(2)), 2)).toBe('must be more than 2');
    expect(messageFor(z.number().check(z.gte(10_000)), 5)).toBe('must be at least 10,000');
  });

  it('words upper bounds for lists, text and numbers', () => {
    expect(messageFor(z.array(z.number()).check(z.maxLength(2)), [1, 2, 3])).toBe(
      'must have at most 2 entries',
    );
    expect(messageFor(z.string().check(z.maxLength(3)), 'abcd')).toBe(
      'must be at most 3 characters',
    );
    expect(messageFor(z.number().check(z.lte(1e12)), 2e12)).toBe(
      'must be at most 1,000,000,000,000',
    );
    expect(messageFor(z.number().check(z.lt(1)), 1)).toBe('must be less than 1');
  });

  it('lists the allowed values, unknown fields, and the forms a union allows', () => {
    expect(messageFor(z.enum(['feature', 'debt']), 'bug')).toBe('must be one of "feature", "debt"');
    expect(messageFor(z.literal(2), 3)).toBe('must be one of 2');
    expect(issuesOf(z.strictObject({ a: z.number() }), { a: 1, b: 2 })).toEqual([
      { path: '(file)', message: 'has unknown field "b" (check the spelling)' },
    ]);
    expect(issuesOf(z.strictObject({}), { b: 1, c: 2 })).toEqual([
      { path: '(file)', message: 'has unknown fields "b", "c" (check the spelling)' },
    ]);
    expect(messageFor(z.union([z.literal('a'), z.literal('b')]), 'c')).toBe(
      'must be one of "a", "b"',
    );
    expect(messageFor(z.union([z.literal('a'), z.literal('b')]), undefined)).toBe('is required');
    expect(messageFor(z.union([z.number(), z.object({ k: z.string() })]), 'x')).toBe(
      'does not match any allowed form',
    );
  });

  it('words multiples and formats, and keeps a schema\'s own "must …" message', () => {
    expect(messageFor(z.number().check(z.multipleOf(5)), 7)).toBe('must be a multiple of 5');
    expect(messageFor(z.string().check(z.regex(/^[a-z]+$/)), 'A')).toBe('has the wrong format');
    expect(
      messageFor(z.string().check(z.regex(/^[a-z]+$/, 'must be lower-case letters')), 'A'),
    ).toBe('must be lower-case letters');
    const custom = z.number().check(z.refine((n) => n % 2 === 0, 'is odd, so it cannot pair up'));
    expect(messageFor(custom, 3)).toBe('is odd, so it cannot pair up');
  });

  it('summarizes at most eight issues, then says how many more', () => {
    const issues = Array.from({ length: 10 }, (_, i) => ({ path: `a[${i}]`, message: 'm' }));
    const lines = summarizeIssues(issues).split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[0]).toBe('a[0]: m');
    expect(lines[8]).toBe('…and 2 more');
    expect(summarizeIssues(issues.slice(0, 8))).not.toContain('more');
    expect(summarizeIssues(issues, 2)).toBe('a[0]: m\na[1]: m\n…and 8 more');
  });
});
