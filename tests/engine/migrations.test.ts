import { describe, expect, it } from 'vitest';
import {
  SCENARIO_MIGRATIONS,
  SCENARIO_VERSIONS,
  migrateScenario,
  type Migration,
} from '../../src/engine/index.ts';

/**
 * Every shipped migration must have a test here, by name: add an entry to `tested` together with
 * a test of its `up` step. The guard below fails otherwise.
 */
const tested = new Set<string>([]);

describe('scenario migrations', () => {
  it('has a test for every shipped migration', () => {
    for (const m of SCENARIO_MIGRATIONS)
      expect(tested.has(m.name), `migration "${m.name}" has no test`).toBe(true);
  });

  it('names every version, and migrations cover each step up to the latest', () => {
    const latest = Math.max(...Object.values(SCENARIO_VERSIONS));
    for (let v = 2; v <= latest; v++)
      expect(SCENARIO_MIGRATIONS.some((m) => m.version === v)).toBe(true);
  });

  it('applies migrations in order from the file version to the target', () => {
    const steps: Migration[] = [
      {
        version: 2,
        name: 'RenameBriefToStory',
        up: ({ brief, ...rest }) => ({ ...rest, story: brief }),
      },
      { version: 3, name: 'AddLocale', up: (doc) => ({ ...doc, locale: 'en' }) },
    ];
    const result = migrateScenario({ schemaVersion: 1, brief: 'hi' }, 3, steps);
    expect(result).toEqual({ ok: true, value: { schemaVersion: 3, story: 'hi', locale: 'en' } });
    expect(migrateScenario({ schemaVersion: 2, story: 'x' }, 3, steps)).toEqual({
      ok: true,
      value: { schemaVersion: 3, story: 'x', locale: 'en' },
    });
  });

  it('reports a missing step, a missing version and a future version as issues', () => {
    expect(migrateScenario({ schemaVersion: 1 }, 2, [])).toMatchObject({
      ok: false,
      issues: [{ path: 'schemaVersion' }],
    });
    expect(migrateScenario({}, 1)).toMatchObject({
      ok: false,
      issues: [{ message: 'is required (this app reads version 1)' }],
    });
    expect(migrateScenario({ schemaVersion: 2 }, 1)).toMatchObject({ ok: false });
    expect(migrateScenario({ schemaVersion: 'one' }, 1)).toMatchObject({ ok: false });
  });
});
