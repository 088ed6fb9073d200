/**
 * What is saved in local storage: the persisted shape, its named versions and migrations, and how
 * saved plans are fitted to their scenarios. Reading and writing (recovery, backups, merging what
 * other tabs saved) is in `saving.ts`; the merge of two saved states is in `sync.ts`.
 *
 * Every object keyed by user ids (plans per scenario, notes per item, plays per variant) is read
 * into an `IdRecord` (no prototype): a scenario id "constructor" or a note on "__proto__" is data.
 */
import { z } from '../engine/zod';

import { fitPlan, type Scenario } from '../engine';
import { idRecord, idRecordSchema, mapEntries, type IdRecord } from '../engine/ids';
import { BACKLOG_SORTS } from '../explain/labels';
import { ITEM_TYPES } from '../engine';
import { workshopSettingsSchema } from '../engine/workshop';
import { isRoomCode, isSecret, isTeamId } from '../room/protocol';
import { FIRST_VARIANT_ID, type ScenarioPlans, type Variant } from './plansSlice';
import type { PlayHistory } from './playsSlice';
import { PROJECTION_VISIBILITIES, type Preferences } from './preferencesSlice';
import type { AppState } from './state';
import type { ImportedScenario } from './types';
import { DEFAULT_TIMER, DEFAULT_WORKSHOP, TEAM_NAME_MAX, type Workshop } from './workshopSlice';

/** The local-storage key of the saved state; backups go to `<name>:backup-<n>`. */
export const PERSIST_NAME = 'roadmap-dojo';

/** Every version of the saved shape, by name. Add a name for each change, with a migration. */
export const PERSIST_VERSIONS = {
  Initial: 1,
  AddVariants: 2,
  AddPlays: 3,
  AddWorkshop: 4,
  AddSync: 5,
} as const;

export type PersistVersionName = keyof typeof PERSIST_VERSIONS;

export const PERSIST_VERSION: number = Math.max(...Object.values(PERSIST_VERSIONS));

/** Turns the saved state of `version - 1` into the saved state of `version`. */
export interface PersistMigration {
  name: PersistVersionName;
  version: number;
  up: (state: Record<string, unknown>) => Record<string, unknown>;
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x);

/** Which change of a saved part is the latest: a time stamp and the tab that made it. */
export interface Version {
  /** Milliseconds since 1970, made unique and increasing per tab (see `sync.ts`). */
  stamp: number;
  /** The tab that made the change ("" for data saved before tabs were told apart). */
  tab: string;
}

export const NO_VERSION: Version = Object.freeze({ stamp: 0, tab: '' });

export const PERSIST_MIGRATIONS: readonly PersistMigration[] = [
  {
    // One plan per scenario with notes beside it → named variants, each with its own notes.
    name: 'AddVariants',
    version: PERSIST_VERSIONS.AddVariants,
    up: ({ notes, ...state }) => {
      const stored = state.plans;
      if (!isRecord(stored)) return state;
      const notesOf = (id: string) =>
        isRecord(notes) && Object.hasOwn(notes, id) && isRecord(notes[id]) ? notes[id] : {};
      const ids = new Set([...Object.keys(stored), ...(isRecord(notes) ? Object.keys(notes) : [])]);
      const plans = idRecord<unknown>(
        [...ids].map(
          (id) =>
            [
              id,
              {
                activeId: FIRST_VARIANT_ID,
                variants: [
                  {
                    id: FIRST_VARIANT_ID,
                    name: 'Plan A',
                    plan: (Object.hasOwn(stored, id) ? stored[id] : undefined) ?? { slots: [] },
                    notes: notesOf(id),
                  },
                ],
              },
            ] as const,
        ),
      );
      return { ...state, plans };
    },
  },
  {
    // The last play of each variant (seed, plan and scores) is saved; nothing was played before.
    name: 'AddPlays',
    version: PERSIST_VERSIONS.AddPlays,
    up: (state) => ({ ...state, plays: {} }),
  },
  {
    // Workshops (settings, timer, round-by-round games, the comparison); none existed before.
    name: 'AddWorkshop',
    version: PERSIST_VERSIONS.AddWorkshop,
    up: (state) => ({ ...state, workshop: DEFAULT_WORKSHOP }),
  },
  {
    // Tabs merge what they save: each variant, import, the preferences and the workshop carry the
    // version of their last change; deleted variants and removed imports leave a tombstone. Data
    // saved before has version 0 (older than any change made from now on).
    name: 'AddSync',
    version: PERSIST_VERSIONS.AddSync,
    up: (state) => {
      const stamped = (x: unknown) => (isRecord(x) ? { ...x, ...NO_VERSION } : x);
      const plans = isRecord(state.plans)
        ? idRecord<unknown>(
            Object.entries(state.plans).map(
              ([id, p]) =>
                [
                  id,
                  isRecord(p) && Array.isArray(p.variants)
                    ? { ...p, variants: p.variants.map(stamped), deleted: {} }
                    : p,
                ] as const,
            ),
          )
        : state.plans;
      return {
        ...state,
        plans,
        ...(Array.isArray(state.imported) ? { imported: state.imported.map(stamped) } : {}),
        removedImports: {},
        sync: { preferences: NO_VERSION, workshop: NO_VERSION, superseded: [] },
      };
    },
  },
];

/**
 * Migrates saved state from `fromVersion` to `toVersion` (default `PERSIST_VERSION`). Throws on a
 * version it has no path from (the caller sets the data aside).
 */
export function migratePersisted(
  state: unknown,
  fromVersion: number,
  toVersion: number = PERSIST_VERSION,
): unknown {
  if (!Number.isInteger(fromVersion) || fromVersion < 1 || fromVersion > PERSIST_VERSION)
    throw new Error(`saved data has version ${fromVersion}, which this app cannot read`);
  if (state === null || typeof state !== 'object' || Array.isArray(state))
    throw new Error('saved data is not an object');
  let current = state as Record<string, unknown>;
  for (let version = fromVersion + 1; version <= toVersion; version++) {
    const migration = PERSIST_MIGRATIONS.find((m) => m.version === version);
    if (!migration) throw new Error(`no migration to saved-data version ${version}`);
    current = migration.up(current);
  }
  return current;
}

// ---- The saved shape (current version) ------------------------------------------------------

/** Text of at most `max` characters. */
const text = (max: number) => z.string().check(z.maxLength(max));
const nonNegative = () => z.number().check(z.gte(0));

const versionJson = z.object({ stamp: nonNegative(), tab: text(40) });
const versioned = { stamp: z.catch(nonNegative(), 0), tab: z.catch(text(40), '') };

/** How many earlier versions a saved variant names, newest kept (see `Lineage`). */
export const LINEAGE_KEPT = 8;

const lineageJson = z.catch(
  z.optional(
    z.object({
      from: nonNegative(),
      versions: z.array(versionJson).check(z.maxLength(LINEAGE_KEPT)),
    }),
  ),
  undefined,
);

const planJson = z.object({ slots: z.array(z.array(z.string())) });

const notesJson = idRecordSchema(z.string(), 200);

const variantFields = {
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  name: text(200),
  plan: planJson,
  notes: z._default(notesJson, idRecord()),
};

const variantJson = z.object(variantFields);

const savedVariantJson = z.object({ ...variantFields, ...versioned, lineage: lineageJson });

const tombstoneJson = z.object({ stamp: nonNegative(), tab: text(40), lineage: lineageJson });

const scenarioPlansJson = z.object({
  activeId: z.string(),
  variants: z.array(savedVariantJson).check(z.minLength(1)),
  deleted: z._default(z.catch(idRecordSchema(tombstoneJson), idRecord()), idRecord()),
});

const playJson = z.object({
  seed: z.int().check(z.gte(1)),
  plan: planJson,
  score: z.number(),
  seededScore: z.number(),
  parScore: z.nullable(z.number()),
  playedAt: z.string(),
  rounds: z.catch(z.optional(z.boolean()), undefined),
});

// A play that cannot be read is forgotten on its own; it never costs the user their plans.
const playHistoryJson = z.catch(
  z.nullable(z.object({ last: playJson, previous: z.nullable(playJson) })),
  null,
);

const preferencesJson = z.catch(
  z.partial(
    z.object({
      lastScenarioId: z.catch(z.nullable(z.string()), null),
      backlogSort: z.catch(z.enum(BACKLOG_SORTS as [string, ...string[]]), 'scenario'),
      backlogTypes: z.catch(z.array(z.enum(ITEM_TYPES)), []),
      libraryDifficulty: z.catch(
        z.nullable(z.union([z.literal(1), z.literal(2), z.literal(3)])),
        null,
      ),
      libraryTag: z.catch(z.nullable(z.string()), null),
      projectionWhilePlanning: z.catch(z.enum(PROJECTION_VISIBILITIES), 'auto'),
    }),
  ),
  {},
);

/** A world played alone as saved (backup files read theirs with the same limits). */
export const worldJson = z.object({
  seed: z.int().check(z.gte(1)),
  plan: text(100_000),
  score: z.number(),
  parScore: z.number(),
  playedAt: z.string().check(z.maxLength(64)),
});

// Each part of the workshop that cannot be read is reset on its own; plans never pay for it.
const workshopJson = z.catch(
  z.object({
    settings: z.catch(z.nullable(workshopSettingsSchema), null),
    active: z.catch(z.boolean(), false),
    role: z.catch(z.enum(['facilitator', 'team']), 'facilitator'),
    teamName: z.catch(text(TEAM_NAME_MAX), ''),
    timer: z.catch(
      z.object({ startedAt: z.nullable(z.number()), elapsedMs: nonNegative() }),
      DEFAULT_TIMER,
    ),
    round: z.catch(z.int().check(z.gte(0)), 0),
    games: z.catch(
      idRecordSchema(
        z.object({ seed: z.int().check(z.gte(1)), committed: z.array(z.array(z.string())) }),
      ),
      idRecord(),
    ),
    teamPlans: z.catch(
      z.array(
        z.object({
          id: z.string().check(z.minLength(1), z.maxLength(16)),
          kind: z.enum(['file', 'link']),
          label: text(300),
          text: z.string(),
          team: z.catch(z.optional(text(TEAM_NAME_MAX)), undefined),
        }),
      ),
      [],
    ),
    room: z._default(
      z.catch(
        z.nullable(
          z.object({
            relay: z.string().check(z.regex(/^wss?:\/\//), z.maxLength(500)),
            code: z.string().check(z.refine(isRoomCode)),
            role: z.enum(['facilitator', 'team']),
            secret: z.string().check(z.refine(isSecret)),
            teamId: z.optional(z.string().check(z.refine(isTeamId))),
            controlState: z.optional(text(1_000_000)),
            teamState: z.optional(text(1_000_000)),
          }),
        ),
        null,
      ),
      null,
    ),
    locked: z._default(z.catch(z.boolean(), false), false),
    // Last, as in DEFAULT_WORKSHOP: tabs compare the workshop as JSON text.
    solo: z._default(z.catch(z.nullable(workshopSettingsSchema), null), null),
    // A world that cannot be read is forgotten on its own.
    worlds: z._default(
      z.catch(
        idRecordSchema(
          z.pipe(
            z.array(z.unknown()),
            z.transform((list) =>
              list.flatMap((x) => {
                const world = worldJson.safeParse(x);
                return world.success ? [world.data] : [];
              }),
            ),
          ),
        ),
        idRecord(),
      ),
      idRecord(),
    ),
  }),
  DEFAULT_WORKSHOP,
);

const supersededJson = z.object({
  scenarioId: text(200),
  variant: variantJson,
  lost: versionJson,
  lostLineage: lineageJson,
  by: versionJson,
  deleted: z.boolean(),
});

const NO_SYNC = { preferences: NO_VERSION, workshop: NO_VERSION, superseded: [] };

const syncJson = z.catch(
  z.object({
    preferences: z.catch(versionJson, NO_VERSION),
    workshop: z.catch(versionJson, NO_VERSION),
    superseded: z.catch(z.array(supersededJson).check(z.maxLength(100)), []),
  }),
  NO_SYNC,
);

export const persistedSchema = z.object({
  imported: z._default(
    z.array(
      z.object({
        scenario: z.unknown(),
        fileName: z.string(),
        importedAt: z.string(),
        ...versioned,
      }),
    ),
    [],
  ),
  removedImports: z._default(z.catch(idRecordSchema(versionJson), idRecord()), idRecord()),
  plans: z._default(idRecordSchema(scenarioPlansJson), idRecord()),
  preferences: z._default(preferencesJson, {}),
  plays: z._default(z.catch(idRecordSchema(playHistoryJson), idRecord()), idRecord()),
  workshop: z._default(workshopJson, DEFAULT_WORKSHOP),
  sync: z._default(syncJson, NO_SYNC),
});

/**
 * The versions a change was made on top of: the version its tab had read or written last, that
 * one's own, and so on, oldest first. Complete from the stamp `from` on (0: from the first
 * version); older ones are not named (only the newest `LINEAGE_KEPT` are kept, and data saved
 * before lineages were recorded has none). A tab whose copy of storage was out of date makes a
 * change whose lineage lacks the latest version: that version was replaced without being seen.
 */
export interface Lineage {
  from: number;
  versions: Version[];
}

/** A version with what it was made on top of (undefined: not known). */
export type Lineaged = Version & { lineage?: Lineage | undefined };

/** A variant as saved: with the version of its last change. */
export type SavedVariant = Variant & Lineaged;

/** A scenario's plans as saved: variants with versions, and tombstones of deleted ones. */
export interface SavedScenarioPlans {
  activeId: string;
  variants: SavedVariant[];
  /** Deleted variants by id, with the version of the deletion. */
  deleted: IdRecord<Lineaged>;
}

/** A change another tab made later to the same variant, which replaced this one. */
export interface Superseded {
  scenarioId: string;
  /** The version that lost (what the other tab had). */
  variant: Variant;
  lost: Version;
  /** What the lost version was made on top of, when known. */
  lostLineage?: Lineage | undefined;
  by: Version;
  /** The later change deleted the variant. */
  deleted: boolean;
}

/** Everything saved (the current version of the shape). */
export interface SavedState {
  imported: ({ scenario: unknown; fileName: string; importedAt: string } & Version)[];
  removedImports: IdRecord<Version>;
  plans: IdRecord<SavedScenarioPlans>;
  preferences: Partial<Preferences>;
  plays: IdRecord<PlayHistory>;
  workshop: Workshop;
  sync: { preferences: Version; workshop: Version; superseded: Superseded[] };
}

/**
 * The parts of the store that are saved: inputs only (plans, notes, imports, preferences, the seeds
 * and scores of the last plays, the workshop), never derived results.
 */
export interface PersistedInput {
  imported: ImportedScenario[];
  plans: IdRecord<ScenarioPlans>;
  preferences: Preferences;
  plays: IdRecord<PlayHistory>;
  workshop: Workshop;
}

/** @deprecated name kept for readers of older code: the saved inputs. */
export type PersistedState = PersistedInput;

export function partializeState(state: AppState): PersistedInput {
  return {
    imported: state.imported,
    plans: state.plans,
    preferences: state.preferences,
    plays: state.plays,
    workshop: state.workshop,
  };
}

/** A workshop's committed slots hold only items their scenario has (unknown scenarios: kept). */
function fitWorkshop(workshop: Workshop, scenarios: ReadonlyMap<string, Scenario>): Workshop {
  let changed = false;
  const games = mapEntries(workshop.games, (game, id) => {
    const scenario = scenarios.get(id);
    if (!scenario) return game;
    const { plan } = fitPlan(scenario, { slots: game.committed });
    const committed = plan.slots.slice(0, game.committed.length);
    if (JSON.stringify(committed) === JSON.stringify(game.committed)) return game;
    changed = true;
    return { ...game, committed };
  });
  return changed ? { ...workshop, games } : workshop;
}

/**
 * Fits saved plans (and round-by-round games) to the scenarios they were made for: items a
 * scenario no longer has are taken off, each named in `details`. Plans for scenarios not in
 * `scenarios` are kept untouched for when the scenario returns (or loads). Unchanged plans and
 * variants keep their identity.
 */
export function fitToScenarios(
  storedPlans: Readonly<Record<string, ScenarioPlans>>,
  workshop: Workshop,
  scenarios: ReadonlyMap<string, Scenario>,
): { plans: IdRecord<ScenarioPlans>; workshop: Workshop; details: string[] } {
  const details: string[] = [];
  const plans = mapEntries(storedPlans, (stored, scenarioId) => {
    const seen = new Set<string>();
    const unique = stored.variants.filter((v) => !seen.has(v.id) && seen.add(v.id));
    const scenario = scenarios.get(scenarioId);
    const variants = !scenario
      ? unique
      : unique.map((variant) => {
          const fitted = fitPlan(scenario, variant.plan);
          // An unchanged plan keeps its identity (memoized outcomes stay valid).
          if (JSON.stringify(fitted.plan) === JSON.stringify(variant.plan)) return variant;
          if (fitted.dropped.length > 0)
            details.push(
              `${fitted.dropped.length} planned ${fitted.dropped.length === 1 ? 'item' : 'items'} of “${variant.name}” (${scenario.title}) no longer exist in the scenario and were taken off the plan: ${fitted.dropped.join(', ')}.`,
            );
          return { ...variant, plan: fitted.plan };
        });
    const activeId = variants.some((v) => v.id === stored.activeId)
      ? stored.activeId
      : variants[0]!.id;
    const same =
      activeId === stored.activeId &&
      variants.length === stored.variants.length &&
      variants.every((v, i) => v === stored.variants[i]);
    return same ? stored : { activeId, variants };
  });
  return { plans, workshop: fitWorkshop(workshop, scenarios), details };
}
