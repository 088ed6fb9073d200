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
const tested = new Set<string>(['CapacityHealthNotScored']);

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
    expect(result).toEqual({
      ok: true,
      value: { schemaVersion: 3, story: 'hi', locale: 'en' },
      from: 1,
      notes: [],
    });
    expect(migrateScenario({ schemaVersion: 2, story: 'x' }, 3, steps)).toEqual({
      ok: true,
      value: { schemaVersion: 3, story: 'x', locale: 'en' },
      from: 2,
      notes: [],
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

  it('collects what each step notes, in order, with the version the file was read as', () => {
    const steps: Migration[] = [
      {
        version: 2,
        name: 'A',
        up: (doc, note) => (note({ path: 'a', message: 'first' }), doc),
      },
      {
        version: 3,
        name: 'B',
        up: (doc, note) => (note({ path: 'b', message: 'second' }), doc),
      },
    ];
    expect(migrateScenario({ schemaVersion: 1 }, 3, steps)).toMatchObject({
      ok: true,
      from: 1,
      notes: [
        { path: 'a', message: 'first' },
        { path: 'b', message: 'second' },
      ],
    });
    expect(migrateScenario({ schemaVersion: 3 }, 3, steps)).toMatchObject({ from: 3, notes: [] });
  });
});

describe('CapacityHealthNotScored (version 1 → 2)', () => {
  const step = SCENARIO_MIGRATIONS.find((m) => m.name === 'CapacityHealthNotScored')!;
  const run = (doc: Record<string, unknown>) => {
    const notes: { path: string; message: string }[] = [];
    const out = step.up(structuredClone(doc), (n) => notes.push(n));
    return { out, notes };
  };

  it('is the step to version 2', () => {
    expect(step.version).toBe(2);
    expect(SCENARIO_VERSIONS.CapacityHealthNotScored).toBe(2);
  });

  it('removes the capacity-health weight from the weights and every preset, noting each', () => {
    const { out, notes } = run({
      scoring: {
        weights: { revenue: 3, capacityHealth: 1, csat: 1 },
        presets: [
          { id: 'growth', label: 'Growth', weights: { revenue: 5, capacityHealth: 0 } },
          { id: 'ciso', label: 'CISO', weights: { security: 5 } },
        ],
      },
    });
    expect(out).toEqual({
      scoring: {
        weights: { revenue: 3, csat: 1 },
        presets: [
          { id: 'growth', label: 'Growth', weights: { revenue: 5 } },
          { id: 'ciso', label: 'CISO', weights: { security: 5 } },
        ],
      },
    });
    expect(notes.map((n) => n.path)).toEqual([
      'scoring.weights.capacityHealth',
      'scoring.presets[0].weights.capacityHealth',
    ]);
    expect(notes[0]!.message).toMatch(/^was removed \(it was 1\): since engine 2 capacity health/);
    expect(notes[1]!.message).toMatch(/^was removed \(it was 0\)/);
  });

  it('leaves a file without the weight, or with junk where the scoring is, as it was', () => {
    for (const doc of [
      { scoring: { weights: { revenue: 1 } } },
      { scoring: 'junk' },
      { scoring: { weights: [1, 2], presets: 'junk' } },
      { scoring: { weights: { revenue: 1 }, presets: [null, { weights: null }] } },
      {},
    ]) {
      const { out, notes } = run(doc);
      expect(out).toEqual(doc);
      expect(notes).toEqual([]);
    }
  });
});
