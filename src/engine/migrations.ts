/**
 * Scenario file migrations, one per schema version, each named by what it does.
 *
 * `SCENARIO_VERSIONS` names every version; `SCENARIO_MIGRATIONS[v]` turns a version `v - 1`
 * document into version `v`, noting each change it makes so the loader can tell the user what
 * was changed or filled in (a notice, never a silent rewrite). A guard test fails when a
 * migration is added without a test.
 */
import type { Issue } from './issues.ts';

/** Every scenario schema version, by name. */
export const SCENARIO_VERSIONS = {
  Initial: 1,
  /** Engine 2: capacity health is reported, not scored; a point of capacity has a price. */
  CapacityHealthNotScored: 2,
} as const;

/** A step from `version - 1` to `version`. It receives a copy and may change it freely. */
export interface Migration {
  version: number;
  name: string;
  /** Returns the migrated document; `note` records each change, by the field it concerns. */
  up: (doc: Record<string, unknown>, note: (issue: Issue) => void) => Record<string, unknown>;
}

/** A migrated document, the version it was read as, and what the migrations changed. */
export type Migrated =
  | {
      ok: true;
      value: Record<string, unknown>;
      /** The file's own `schemaVersion`. */
      from: number;
      /** The changes the migrations made, one per field (empty when there was nothing to change). */
      notes: Issue[];
    }
  | { ok: false; issues: Issue[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Version 2 (engine 2): capacity health is no longer a weight. Its cost — the capacity the debt
 * left at the end will take — is counted in net value, so weighting it too would count the debt
 * twice. The weight is removed from the scoring weights and every preset, and noted. (The price of
 * a point of capacity, `team.pointValue`, is filled in by the loader once the file is validated:
 * it is computed from the items.)
 */
const capacityHealthNotScored: Migration = {
  version: SCENARIO_VERSIONS.CapacityHealthNotScored,
  name: 'CapacityHealthNotScored',
  up: (doc, note) => {
    const without = (weights: unknown, path: string): unknown => {
      if (!isRecord(weights) || !('capacityHealth' in weights)) return weights;
      const { capacityHealth, ...rest } = weights;
      note({
        path: `${path}.capacityHealth`,
        message: `was removed (it was ${JSON.stringify(capacityHealth)}): since engine 2 capacity health is reported, not scored; the capacity the debt left at the end will take is priced in net value`,
      });
      return rest;
    };
    const scoring = doc.scoring;
    if (!isRecord(scoring)) return doc;
    const weights = without(scoring.weights, 'scoring.weights');
    const presets = Array.isArray(scoring.presets)
      ? scoring.presets.map((preset: unknown, i) =>
          isRecord(preset)
            ? { ...preset, weights: without(preset.weights, `scoring.presets[${i}].weights`) }
            : preset,
        )
      : scoring.presets;
    return {
      ...doc,
      scoring: {
        ...scoring,
        weights,
        ...(scoring.presets === undefined ? {} : { presets }),
      },
    };
  },
};

/** The shipped migrations, in version order. */
export const SCENARIO_MIGRATIONS: readonly Migration[] = [capacityHealthNotScored];

/**
 * Migrates a document from its `schemaVersion` to `target`.
 * A missing, malformed or future version is an issue, never a guess.
 */
export function migrateScenario(
  doc: Record<string, unknown>,
  target: number,
  migrations: readonly Migration[] = SCENARIO_MIGRATIONS,
): Migrated {
  const version = doc.schemaVersion;
  if (version === undefined) {
    return {
      ok: false,
      issues: [
        { path: 'schemaVersion', message: `is required (this app reads version ${target})` },
      ],
    };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      issues: [{ path: 'schemaVersion', message: `must be a whole number from 1 to ${target}` }],
    };
  }
  if (version > target) {
    return {
      ok: false,
      issues: [
        {
          path: 'schemaVersion',
          message: `is ${version}, newer than this app understands (${target}); update Roadmap Dojo to open it`,
        },
      ],
    };
  }
  const notes: Issue[] = [];
  let current: Record<string, unknown> = { ...doc };
  for (let v = version + 1; v <= target; v++) {
    const step = migrations.find((m) => m.version === v);
    if (!step) {
      return {
        ok: false,
        issues: [{ path: 'schemaVersion', message: `no migration from version ${v - 1} to ${v}` }],
      };
    }
    current = { ...step.up(current, (issue) => notes.push(issue)), schemaVersion: v };
  }
  return { ok: true, value: current, from: version, notes };
}
