/**
 * Problems found at a data boundary, named by the field at fault.
 *
 * Boundaries (scenario files, plan files, share links, stored state) never throw: they return
 * `{ ok: false, issues }` where every issue says *where* (`items[3].effort`) and *what*.
 */
import type { z } from './zod.ts';
import { formatBound } from './bounds.ts';

/** One problem with an input, at a path like `items[3].effort`. */
export interface Issue {
  path: string;
  message: string;
}

/** Success with a value, or failure with the issues that name what is wrong. */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Formats a path (`['items', 3, 'effort']`) as `items[3].effort`; the root is `(file)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(file)' : out;
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    case 'tuple':
      return 'a list';
    default:
      return expected;
  }
}

function describeReceived(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
  return typeof input === 'object' ? 'an object' : `${typeof input} ${JSON.stringify(input)}`;
}

/** Turns one zod issue into a sentence a scenario author can act on. */
function describeZodIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return 'is required';
      return `must be ${describeExpected(issue.expected)}, not ${describeReceived(input)}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set')
        return `must have at least ${min} entr${min === 1 ? 'y' : 'ies'}`;
      if (issue.origin === 'string')
        return min <= 1 ? 'must not be empty' : `must be at least ${min} characters`;
      if (min === 0 && !issue.inclusive) return 'must be a positive number';
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${formatBound(min)}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set')
        return `must have at most ${max} entries`;
      if (issue.origin === 'string') return `must be at most ${max} characters`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${formatBound(max)}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
    case 'invalid_union': {
      if (input === undefined) return 'is required';
      const literals = issue.errors.every(
        (branch) => branch.length === 1 && branch[0]?.code === 'invalid_value',
      )
        ? issue.errors.flatMap(
            (branch) => (branch[0] as { values?: unknown[] } | undefined)?.values ?? [],
          )
        : [];
      if (literals.length > 0)
        return `must be one of ${literals.map((v) => JSON.stringify(v)).join(', ')}`;
      if ('options' in issue && Array.isArray(issue.options))
        return `must be one of ${(issue.options as unknown[]).map((o) => JSON.stringify(o)).join(', ')}`;
      return 'does not match any allowed form';
    }
    case 'invalid_format':
      return issue.message.startsWith('must ') ? issue.message : `has the wrong format`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Object.prototype.hasOwnProperty.call(node, key)
      ? (node as Record<PropertyKey, unknown>)[key]
      : undefined;
  }
  return node;
}

/** Converts a zod error into issues with readable paths and messages. */
export function fromZodError(
  error: z.core.$ZodError,
  input: unknown,
  prefix: PropertyKey[] = [],
): Issue[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    const custom = issue.code === 'custom' || (issue.message && issue.message.startsWith('must'));
    return {
      path: formatPath(path),
      message: custom ? issue.message : describeZodIssue(issue, valueAt(input, issue.path)),
    };
  });
}

/** A short, readable list of issues, e.g. for an error banner or stderr. */
export function summarizeIssues(issues: readonly Issue[], max = 8): string {
  const lines = issues.slice(0, max).map((i) => `${i.path}: ${i.message}`);
  if (issues.length > max) lines.push(`…and ${issues.length - max} more`);
  return lines.join('\n');
}
