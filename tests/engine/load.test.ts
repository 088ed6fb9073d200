import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario, MAX_SCENARIO_CHARS, type Issue } from '../../src/engine/index.ts';
import { edited, rawScenario, scenarioFiles } from './helpers.ts';
import { cases, propertyTimeout } from '../support/depth.ts';

/** The fuzzers' cases (10,000 in `npm run test:deep`) and their hang timeout. */
const FUZZ = cases(10_000);
const TIMEOUT = propertyTimeout(FUZZ, 10);

function issuesOf(input: unknown): Issue[] {
  const result = loadScenario(input);
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.issues;
}

describe('loadScenario', () => {
  it.each(scenarioFiles())('accepts the shipped scenario %s', (file) => {
    const result = loadScenario(rawScenario(file.replace('.json', '')));
    expect(result.ok && result.scenario.items.length).toBeGreaterThan(0);
  });

  it('fills defaults: lens inputs, effects and urgency', () => {
    const result = loadScenario(rawScenario('tutorial'));
    if (!result.ok) throw new Error('invalid');
    const test = result.scenario.items.find((i) => i.id === 'test-suite')!;
    expect(test.urgency).toEqual({ kind: 'standard' });
    expect(test.value).toMatchObject({ arr: 0, confidence: 1 });
    expect(test.effects).toMatchObject({ debtRemove: 18, debtAdd: 0, closes: [] });
  });

  it('names the field of a negative effort', () => {
    const issues = issuesOf(edited('tutorial', (s) => (s.items[3].effort = -2)));
    expect(issues).toContainEqual({
      path: 'items[3].effort',
      message: 'must be a positive number',
    });
  });

  it('names a wrong type and a misspelled field', () => {
    const issues = issuesOf(
      edited('tutorial', (s) => {
        s.start.arr = 'lots';
        s.items[0].efort = 3;
      }),
    );
    expect(issues).toContainEqual({
      path: 'start.arr',
      message: 'must be a number, not string "lots"',
    });
    expect(issues).toContainEqual({
      path: 'items[0]',
      message: 'has unknown field "efort" (check the spelling)',
    });
  });

  it('rejects an unknown dependency and a dependency cycle', () => {
    expect(issuesOf(edited('tutorial', (s) => (s.items[0].dependsOn = ['nope'])))).toContainEqual({
      path: 'items[0].dependsOn[0]',
      message: 'unknown item "nope"',
    });
    const cycle = issuesOf(
      edited('tutorial', (s) => {
        s.items[0].dependsOn = ['dark-mode'];
        s.items[1].dependsOn = ['csv-export'];
      }),
    );
    expect(cycle.map((i) => i.message).join()).toMatch(
      /dependency cycle: (csv-export → dark-mode → csv-export|dark-mode → csv-export → dark-mode)/,
    );
  });

  it('rejects a vulnerability that no item closes', () => {
    const issues = issuesOf(edited('tutorial', (s) => (s.items[4].effects.closes = [])));
    expect(issues).toContainEqual({
      path: 'security.vulnerabilities[0]',
      message:
        'vulnerability "cve-login" is closed by no item (add it to an item\'s effects.closes)',
    });
  });

  it('rejects a deadline past the horizon', () => {
    const issues = issuesOf(
      edited(
        'big-customer',
        (s) => (s.items.find((i: { id: string }) => i.id === 'sso').urgency.slot = 6),
      ),
    );
    expect(
      issues.some(
        (i) =>
          /^items\[\d+\]\.urgency\.slot$/.test(i.path) && i.message.includes('past the horizon'),
      ),
    ).toBe(true);
  });

  it('rejects per-slot capacity of the wrong length', () => {
    const issues = issuesOf(edited('tutorial', (s) => (s.team.capacity = [20, 20, 20])));
    expect(issues).toContainEqual({
      path: 'team.capacity',
      message: 'has 3 values but the scenario has 2 slots',
    });
  });

  it('refuses a future schema version instead of guessing', () => {
    const issues = issuesOf(edited('tutorial', (s) => (s.schemaVersion = 99)));
    expect(issues[0]).toMatchObject({ path: 'schemaVersion' });
    expect(issues[0]!.message).toMatch(/newer than this app understands/);
  });

  it('reports text that is not JSON, and oversized text before parsing it', () => {
    expect(issuesOf('{"schemaVersion": 1,')[0]!.message).toMatch(/^is not valid JSON/);
    expect(issuesOf(' '.repeat(MAX_SCENARIO_CHARS + 1))[0]!.message).toMatch(/too large/);
    // A 5 MB file is refused before parsing, with its size in the message.
    expect(issuesOf(`{"items": [${'0,'.repeat(2_500_000)}0]}`)[0]!.message).toMatch(
      /too large \(5\.0 MB\)/,
    );
    expect(issuesOf([1, 2])[0]!.message).toBe('must be a JSON object (a scenario)');
  });

  it('refuses a 10,000-item scenario with a message', () => {
    const issues = issuesOf(
      edited('tutorial', (s) => {
        s.items = Array.from({ length: 10_000 }, (_, i) => ({ ...s.items[0], id: `x${i}` }));
      }),
    );
    expect(issues[0]).toMatchObject({ path: 'items' });
  });

  it(
    `never throws on arbitrary JSON (${FUZZ.toLocaleString('en')} cases)`,
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          const result = loadScenario(value);
          expect(result.ok).toBe(false);
        }),
        { numRuns: FUZZ },
      );
    },
    TIMEOUT,
  );

  it(
    `never throws on arbitrary text (${FUZZ.toLocaleString('en')} cases)`,
    () => {
      fc.assert(
        fc.property(fc.string(), (text) => {
          expect(loadScenario(text).ok).toBe(false);
        }),
        { numRuns: FUZZ },
      );
    },
    TIMEOUT,
  );

  it(
    `never throws on a shipped scenario with one value replaced by junk, and names the field (${FUZZ.toLocaleString('en')} cases)`,
    () => {
      const base = rawScenario('big-customer');
      const paths: (string | number)[][] = [];
      const walk = (node: unknown, path: (string | number)[]) => {
        if (node !== null && typeof node === 'object') {
          for (const [k, v] of Object.entries(node))
            walk(v, [...path, Array.isArray(node) ? Number(k) : k]);
        } else paths.push(path);
      };
      walk(base, []);
      fc.assert(
        fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, junk) => {
          const copy = structuredClone(base);
          let node = copy as Record<string | number, unknown>;
          for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
          node[path[path.length - 1]!] = junk;
          const result = loadScenario(copy);
          if (!result.ok) {
            for (const issue of result.issues) {
              expect(issue.path).not.toBe('');
              expect(issue.message.length).toBeGreaterThan(3);
            }
          }
        }),
        { numRuns: FUZZ },
      );
    },
    TIMEOUT,
  );
});
