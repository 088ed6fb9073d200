/**
 * Scenario files written for schema version 1 (engine 1) load on engine 2 (schema version 2),
 * with a notice naming each change: the capacity-health weights removed (capacity health is
 * reported, not scored; the debt left at the end is priced in net value) and the price of a point
 * of capacity filled in. A version-2 file that weights capacity health is refused.
 */
import { describe, expect, it } from 'vitest';

import { loadScenario, simulate, type Scenario } from '../../src/engine/index.ts';
import { SCHEMA_VERSION } from '../../src/engine/schema.ts';
import { rawScenario } from './helpers.ts';

type Raw = Record<string, unknown> & {
  scoring: { weights: Record<string, number>; presets?: unknown[] };
  team: Record<string, unknown>;
};

/** The tutorial as a version-1 file: no point value, capacity health weighted. */
function tutorialVersion1(): Raw {
  const raw = structuredClone(rawScenario('tutorial')) as Raw;
  raw.schemaVersion = 1;
  delete raw.team.pointValue;
  raw.scoring.weights = { ...raw.scoring.weights, capacityHealth: 2 };
  raw.scoring.presets = [
    { id: 'growth', name: 'Growth board', weights: { revenue: 5, capacityHealth: 1 } },
  ];
  return raw;
}

function loaded(input: unknown): {
  scenario: Scenario;
  warnings: { path: string; message: string }[];
} {
  const result = loadScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

describe('a version-1 scenario file', () => {
  it('loads as version 2 without its capacity-health weights, naming each', () => {
    expect(SCHEMA_VERSION).toBe(2);
    const { scenario, warnings } = loaded(tutorialVersion1());
    expect(scenario.schemaVersion).toBe(2);
    expect(scenario.scoring.weights).not.toHaveProperty('capacityHealth');
    expect(scenario.scoring.presets?.[0]?.weights).toEqual({ revenue: 5 });
    const paths = warnings.map((w) => w.path);
    expect(paths).toContain('scoring.weights.capacityHealth');
    expect(paths).toContain('scoring.presets[0].weights.capacityHealth');
    const weight = warnings.find((w) => w.path === 'scoring.weights.capacityHealth')!;
    expect(weight.message).toMatch(/^was removed \(it was 2\): since engine 2 capacity health/);
    expect(weight.message).toMatch(/\(schemaVersion 1 → 2\)$/);
  });

  it('gets the price of a point of capacity filled in, and says how much', () => {
    // The tutorial's features: CSV export $140k × 0.9, dark mode $10k × 0.8, team calendars
    // $420k × 0.6 = $386,000 of expected ARR over 5 + 5 + 16 = 26 points: $14,846 a point.
    const { scenario, warnings } = loaded(tutorialVersion1());
    expect(scenario.team.pointValue).toBe(14_846);
    const note = warnings.find((w) => w.path === 'team.pointValue');
    expect(note?.message).toMatch(/^was filled in as \$14,846 a point: version 1 had no price/);
  });

  it('scores a plan as the same file at version 2 does (to the dollar of that rounding)', () => {
    const v1 = loaded(tutorialVersion1()).scenario;
    const v2raw = structuredClone(rawScenario('tutorial')) as Raw;
    const v2 = loaded(v2raw).scenario;
    const plan = v2.par!.plan;
    const a = simulate(v1, plan, { weights: v2.scoring.weights });
    const b = simulate(v2, plan);
    // Only the point value's rounding to whole dollars differs: the debt left at the end is
    // priced at $14,846 rather than $14,846.15 a point.
    expect(Math.abs(a.ledger.net - b.ledger.net)).toBeLessThan(100);
    expect(a.score).toBeCloseTo(b.score, 2);
  });

  it('keeps a point value the file already gives, and then notes nothing about it', () => {
    const raw = tutorialVersion1();
    raw.team.pointValue = 20_000;
    const { scenario, warnings } = loaded(raw);
    expect(scenario.team.pointValue).toBe(20_000);
    expect(warnings.map((w) => w.path)).not.toContain('team.pointValue');
  });
});

describe('a version-2 scenario file', () => {
  it('loads with no migration notice, its point value left to the engine when not given', () => {
    const { scenario, warnings } = loaded(structuredClone(rawScenario('tutorial')));
    expect(scenario.team.pointValue).toBeUndefined();
    expect(warnings.filter((w) => /schemaVersion/.test(w.message))).toEqual([]);
  });

  it('is refused when it weights capacity health, naming the field', () => {
    const raw = structuredClone(rawScenario('tutorial')) as Raw;
    raw.scoring.weights = { ...raw.scoring.weights, capacityHealth: 1 };
    const result = loadScenario(raw);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toContainEqual({
        path: 'scoring.weights.capacityHealth',
        message: expect.stringMatching(
          /^must be 0 or left out: since engine 2 \(schemaVersion 2\)/,
        ),
      });
  });
});
