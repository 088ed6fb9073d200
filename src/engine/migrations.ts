/**
 * Scenario file migrations, one per schema version, each named by what it does.
 *
 * `SCENARIO_VERSIONS` names every version; `SCENARIO_MIGRATIONS[v]` turns a version `v - 1`
 * document into version `v`. Version 1 is the first published format, so there is nothing to
 * migrate yet; the machinery is exercised by tests with synthetic migrations, and a guard test
 * fails when a migration is added without a test.
 */
import type { Result } from './issues.ts';

/** Every scenario schema version, by name. */
export const SCENARIO_VERSIONS = {
  Initial: 1,
} as const;

/** A step from `version - 1` to `version`. It receives a copy and may change it freely. */
export interface Migration {
  version: number;
  name: string;
  up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

/** The shipped migrations, in version order (none yet: version 1 is the first). */
export const SCENARIO_MIGRATIONS: readonly Migration[] = [];

/**
 * Migrates a document from its `schemaVersion` to `target`.
 * A missing, malformed or future version is an issue, never a guess.
 */
export function migrateScenario(
  doc: Record<string, unknown>,
  target: number,
  migrations: readonly Migration[] = SCENARIO_MIGRATIONS,
): Result<Record<string, unknown>> {
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
  let current: Record<string, unknown> = { ...doc };
  for (let v = version + 1; v <= target; v++) {
    const step = migrations.find((m) => m.version === v);
    if (!step) {
      return {
        ok: false,
        issues: [{ path: 'schemaVersion', message: `no migration from version ${v - 1} to ${v}` }],
      };
    }
    current = { ...step.up(current), schemaVersion: v };
  }
  return { ok: true, value: current };
}
