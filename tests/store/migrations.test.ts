/**
 * Saved-state migrations: one small test per migration, and a guard that fails when a version
 * has no migration or a migration has no test.
 */
import { describe, expect, it } from 'vitest';

import {
  DEFAULT_WORKSHOP,
  PERSIST_MIGRATIONS,
  PERSIST_VERSION,
  PERSIST_VERSIONS,
  migratePersisted,
} from '../../src/store';

const tested = new Set<string>();

/** Declares the test of one named migration. */
function testMigration(name: keyof typeof PERSIST_VERSIONS, body: () => void) {
  tested.add(name);
  it(`migrates to ${name} (version ${PERSIST_VERSIONS[name]})`, body);
}

describe('saved-state migrations', () => {
  it('leaves current-version state alone', () => {
    const state = { plans: {}, notes: {}, imported: [], preferences: {} };
    expect(migratePersisted(state, PERSIST_VERSION)).toEqual(state);
  });

  it('refuses versions it has no path from', () => {
    expect(() => migratePersisted({}, 0)).toThrow(/version 0/);
    expect(() => migratePersisted({}, PERSIST_VERSION + 1)).toThrow();
    expect(() => migratePersisted(null, 1)).toThrow(/not an object/);
  });
});

describe('AddVariants', () => {
  testMigration('AddVariants', () => {
    const v1 = {
      imported: [],
      plans: { tutorial: { slots: [['patch-login'], []] } },
      notes: { tutorial: { 'patch-login': 'public exploit' }, orphan: { x: 'note only' } },
      preferences: { backlogSort: 'rice' },
    };
    expect(migratePersisted(v1, 1, 2)).toEqual({
      imported: [],
      plans: {
        tutorial: {
          activeId: 'v1',
          variants: [
            {
              id: 'v1',
              name: 'Plan A',
              plan: { slots: [['patch-login'], []] },
              notes: { 'patch-login': 'public exploit' },
            },
          ],
        },
        orphan: {
          activeId: 'v1',
          variants: [{ id: 'v1', name: 'Plan A', plan: { slots: [] }, notes: { x: 'note only' } }],
        },
      },
      preferences: { backlogSort: 'rice' },
    });
  });

  it('passes through state it cannot read, for validation to set aside', () => {
    expect(migratePersisted({ plans: 'garbage' }, 1, 4)).toEqual({
      plans: 'garbage',
      plays: {},
      workshop: DEFAULT_WORKSHOP,
    });
  });
});

describe('AddPlays', () => {
  testMigration('AddPlays', () => {
    const v2 = {
      imported: [],
      plans: {
        tutorial: {
          activeId: 'v1',
          variants: [{ id: 'v1', name: 'Plan A', plan: { slots: [['a'], []] }, notes: {} }],
        },
      },
      preferences: {},
    };
    expect(migratePersisted(v2, 2, 4)).toEqual({ ...v2, plays: {}, workshop: DEFAULT_WORKSHOP });
  });
});

describe('AddWorkshop', () => {
  testMigration('AddWorkshop', () => {
    const v3 = {
      imported: [],
      plans: {},
      preferences: { libraryTag: 'security' },
      plays: {},
    };
    const v4 = migratePersisted(v3, 3, 4);
    expect(v4).toEqual({ ...v3, workshop: DEFAULT_WORKSHOP });
    // No workshop is set up, so no board is in workshop mode after the upgrade.
    expect((v4 as { workshop: typeof DEFAULT_WORKSHOP }).workshop.active).toBe(false);
  });
});

describe('AddSync', () => {
  testMigration('AddSync', () => {
    const v4 = {
      imported: [{ scenario: { id: 'mine' }, fileName: 'mine.json', importedAt: 'then' }],
      plans: {
        tutorial: {
          activeId: 'v1',
          variants: [{ id: 'v1', name: 'Plan A', plan: { slots: [['a'], []] }, notes: {} }],
        },
      },
      preferences: {},
      plays: {},
      workshop: DEFAULT_WORKSHOP,
    };
    // Everything saved before tabs merged is older (version 0) than any change made after.
    expect(migratePersisted(v4, 4, 5)).toEqual({
      ...v4,
      imported: [{ ...v4.imported[0], stamp: 0, tab: '' }],
      plans: {
        tutorial: {
          activeId: 'v1',
          variants: [{ ...v4.plans.tutorial.variants[0], stamp: 0, tab: '' }],
          deleted: {},
        },
      },
      removedImports: {},
      sync: {
        preferences: { stamp: 0, tab: '' },
        workshop: { stamp: 0, tab: '' },
        superseded: [],
      },
    });
    // A scenario id that is a name of Object.prototype stays a plain key.
    const hostile = migratePersisted(
      JSON.parse('{"plans": {"__proto__": {"activeId": "v1", "variants": []}}}'),
      4,
      5,
    ) as { plans: object };
    expect(Object.keys(hostile.plans)).toEqual(['__proto__']);
  });
});

describe('guard', () => {
  it('has exactly one migration per version after the first, in order', () => {
    const versions = Object.values(PERSIST_VERSIONS).sort((a, b) => a - b);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
    expect(PERSIST_MIGRATIONS.map((m) => m.version)).toEqual(versions.slice(1));
    for (const m of PERSIST_MIGRATIONS) expect(PERSIST_VERSIONS[m.name]).toBe(m.version);
  });

  // `testMigration` registers while the file is collected, so this sees every migration test.
  it('has a test for every migration', () => {
    const untested = PERSIST_MIGRATIONS.map((m) => m.name).filter((name) => !tested.has(name));
    expect(untested, 'migrations without a test in this file').toEqual([]);
  });
});
