/**
 * Saving to local storage: the persisted shape, its named versions and migrations, and recovery
 * from saved data that cannot be used.
 *
 * Loading never crashes the app and never silently loses anything:
 *  1. text that is not JSON, an unexpected shape or a version newer than this app is copied to a
 *     backup key, removed, and the app starts clean with a notice naming the backup key;
 *  2. an older version is migrated step by step (`PERSIST_MIGRATIONS`);
 *  3. every imported scenario is validated again and every plan re-fitted to its scenario with
 *     the engine's `fitPlan`; anything dropped is listed in the notice and the original saved
 *     data is kept under a backup key.
 */
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { z } from '../engine/zod';

import { fitPlan, loadScenario, type Scenario } from '../engine';
import { BACKLOG_SORTS } from '../explain/advice';
import { ITEM_TYPES } from '../engine';
import { workshopSettingsSchema } from '../engine/workshop';
import { isRoomCode, isSecret, isTeamId } from '../room/protocol';
import type { StorageNotice } from './noticesSlice';
import { FIRST_VARIANT_ID, type ScenarioPlans } from './plansSlice';
import { livePlays, type PlayHistory } from './playsSlice';
import { DEFAULT_PREFERENCES, type Preferences } from './preferencesSlice';
import type { AppState } from './state';
import type { CatalogEntry, ImportedScenario } from './types';
import { DEFAULT_TIMER, DEFAULT_WORKSHOP, TEAM_NAME_MAX, type Workshop } from './workshopSlice';

/** The local-storage key of the saved state; backups go to `<name>:backup-<n>`. */
export const PERSIST_NAME = 'roadmap-dojo';

/** Every version of the saved shape, by name. Add a name for each change, with a migration. */
export const PERSIST_VERSIONS = {
  Initial: 1,
  AddVariants: 2,
  AddPlays: 3,
  AddWorkshop: 4,
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

export const PERSIST_MIGRATIONS: readonly PersistMigration[] = [
  {
    // One plan per scenario with notes beside it → named variants, each with its own notes.
    name: 'AddVariants',
    version: PERSIST_VERSIONS.AddVariants,
    up: ({ notes, ...state }) => {
      const stored = state.plans;
      if (!isRecord(stored)) return state;
      const notesOf = (id: string) => (isRecord(notes) && isRecord(notes[id]) ? notes[id] : {});
      const ids = new Set([...Object.keys(stored), ...(isRecord(notes) ? Object.keys(notes) : [])]);
      const plans = Object.fromEntries(
        [...ids].map((id) => [
          id,
          {
            activeId: FIRST_VARIANT_ID,
            variants: [
              {
                id: FIRST_VARIANT_ID,
                name: 'Plan A',
                plan: stored[id] ?? { slots: [] },
                notes: notesOf(id),
              },
            ],
          },
        ]),
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
];

/**
 * Migrates saved state from `fromVersion` to `PERSIST_VERSION`. Throws on a version it has no
 * path from (the caller sets the data aside).
 */
export function migratePersisted(state: unknown, fromVersion: number): unknown {
  if (!Number.isInteger(fromVersion) || fromVersion < 1 || fromVersion > PERSIST_VERSION)
    throw new Error(`saved data has version ${fromVersion}, which this app cannot read`);
  if (state === null || typeof state !== 'object' || Array.isArray(state))
    throw new Error('saved data is not an object');
  let current = state as Record<string, unknown>;
  for (let version = fromVersion + 1; version <= PERSIST_VERSION; version++) {
    const migration = PERSIST_MIGRATIONS.find((m) => m.version === version);
    if (!migration) throw new Error(`no migration to saved-data version ${version}`);
    current = migration.up(current);
  }
  return current;
}

// ---- The saved shape (current version) ------------------------------------------------------

const planJson = z.object({ slots: z.array(z.array(z.string())) });

const variantJson = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(200),
  plan: planJson,
  notes: z.record(z.string(), z.string()).default({}),
});

const scenarioPlansJson = z.object({
  activeId: z.string(),
  variants: z.array(variantJson).min(1),
});

const playJson = z.object({
  seed: z.int().min(1),
  plan: planJson,
  score: z.number(),
  seededScore: z.number(),
  parScore: z.number().nullable(),
  playedAt: z.string(),
});

// A play that cannot be read is forgotten on its own; it never costs the user their plans.
const playHistoryJson = z
  .object({ last: playJson, previous: playJson.nullable() })
  .nullable()
  .catch(null);

const preferencesJson = z
  .object({
    lastScenarioId: z.string().nullable().catch(null),
    backlogSort: z.enum(BACKLOG_SORTS as [string, ...string[]]).catch('scenario'),
    backlogTypes: z.array(z.enum(ITEM_TYPES)).catch([]),
    libraryDifficulty: z
      .union([z.literal(1), z.literal(2), z.literal(3)])
      .nullable()
      .catch(null),
    libraryTag: z.string().nullable().catch(null),
  })
  .partial()
  .catch({});

// Each part of the workshop that cannot be read is reset on its own; plans never pay for it.
const workshopJson = z
  .object({
    settings: workshopSettingsSchema.nullable().catch(null),
    active: z.boolean().catch(false),
    role: z.enum(['facilitator', 'team']).catch('facilitator'),
    teamName: z.string().max(TEAM_NAME_MAX).catch(''),
    timer: z
      .object({ startedAt: z.number().nullable(), elapsedMs: z.number().min(0) })
      .catch(DEFAULT_TIMER),
    round: z.int().min(0).catch(0),
    games: z
      .record(
        z.string(),
        z.object({ seed: z.int().min(1), committed: z.array(z.array(z.string())) }),
      )
      .catch({}),
    teamPlans: z
      .array(
        z.object({
          id: z.string().min(1).max(16),
          kind: z.enum(['file', 'link']),
          label: z.string().max(300),
          text: z.string(),
          team: z.string().max(TEAM_NAME_MAX).optional().catch(undefined),
        }),
      )
      .catch([]),
    room: z
      .object({
        relay: z
          .string()
          .regex(/^wss?:\/\//)
          .max(500),
        code: z.string().refine(isRoomCode),
        role: z.enum(['facilitator', 'team']),
        secret: z.string().refine(isSecret),
        teamId: z.string().refine(isTeamId).optional(),
        controlState: z.string().max(1_000_000).optional(),
        teamState: z.string().max(1_000_000).optional(),
      })
      .nullable()
      .catch(null)
      .default(null),
    locked: z.boolean().catch(false).default(false),
  })
  .catch(DEFAULT_WORKSHOP);

export const persistedSchema = z.object({
  imported: z
    .array(z.object({ scenario: z.unknown(), fileName: z.string(), importedAt: z.string() }))
    .default([]),
  plans: z.record(z.string(), scenarioPlansJson).default({}),
  preferences: preferencesJson.default({}),
  plays: z.record(z.string(), playHistoryJson).catch({}).default({}),
  workshop: workshopJson.default(DEFAULT_WORKSHOP),
});

/**
 * What is saved: inputs only (plans, notes, imports, preferences, the seeds and scores of the last
 * plays), never derived results.
 */
export interface PersistedState {
  imported: { scenario: Scenario; fileName: string; importedAt: string }[];
  plans: Record<string, ScenarioPlans>;
  preferences: Preferences;
  plays: Record<string, PlayHistory>;
  workshop: Workshop;
}

export function partializeState(state: AppState): PersistedState {
  return {
    imported: state.imported.map(({ scenario, fileName, importedAt }) => ({
      scenario,
      fileName,
      importedAt,
    })),
    plans: state.plans,
    preferences: state.preferences,
    plays: state.plays,
    workshop: state.workshop,
  };
}

/** A workshop's committed slots hold only items their scenario has (unknown scenarios: kept). */
function fitWorkshop(workshop: Workshop, scenarios: ReadonlyMap<string, Scenario>): Workshop {
  const games = Object.fromEntries(
    Object.entries(workshop.games).map(([id, game]) => {
      const scenario = scenarios.get(id);
      if (!scenario) return [id, game];
      const { plan } = fitPlan(scenario, { slots: game.committed });
      return [id, { ...game, committed: plan.slots.slice(0, game.committed.length) }];
    }),
  );
  return { ...workshop, games };
}

/**
 * Fits saved plans (and round-by-round games) to the scenarios they were made for: items a
 * scenario no longer has are taken off, each named in `details`. Plans for scenarios not in
 * `scenarios` are kept untouched for when the scenario returns (or loads).
 */
export function fitToScenarios(
  storedPlans: Readonly<Record<string, ScenarioPlans>>,
  workshop: Workshop,
  scenarios: ReadonlyMap<string, Scenario>,
): { plans: Record<string, ScenarioPlans>; workshop: Workshop; details: string[] } {
  const details: string[] = [];
  const plans: Record<string, ScenarioPlans> = {};
  for (const [scenarioId, stored] of Object.entries(storedPlans)) {
    const scenario = scenarios.get(scenarioId);
    const seen = new Set<string>();
    const variants = stored.variants.filter((v) => !seen.has(v.id) && seen.add(v.id));
    const activeId = variants.some((v) => v.id === stored.activeId)
      ? stored.activeId
      : variants[0]!.id;
    plans[scenarioId] = {
      activeId,
      variants: !scenario
        ? variants
        : variants.map((variant) => {
            const fitted = fitPlan(scenario, variant.plan);
            // An unchanged plan keeps its identity (memoized outcomes stay valid).
            if (JSON.stringify(fitted.plan) === JSON.stringify(variant.plan)) return variant;
            if (fitted.dropped.length > 0)
              details.push(
                `${fitted.dropped.length} planned ${fitted.dropped.length === 1 ? 'item' : 'items'} of “${variant.name}” (${scenario.title}) no longer exist in the scenario and were taken off the plan: ${fitted.dropped.join(', ')}.`,
              );
            return { ...variant, plan: fitted.plan };
          }),
    };
  }
  return { plans, workshop: fitWorkshop(workshop, scenarios), details };
}

// ---- Recovery ---------------------------------------------------------------------------------

/** Where the persisted state lives; `null` when the browser gives no storage. */
export type StorageProvider = () => Storage | null;

export interface Persistence {
  storage: PersistStorage<PersistedState>;
  /** `persist`'s merge: validates, re-fits plans and reports what could not be kept. */
  merge: (persisted: unknown, current: AppState) => AppState;
  /** Called when migrating threw: sets the saved data aside and returns the notice. */
  recover: (error: unknown) => StorageNotice;
  /** Fits saved plans to scenarios loaded after start-up (see `fitToScenarios`). */
  fitLoaded: (
    state: Pick<AppState, 'plans' | 'workshop'>,
    loaded: readonly Scenario[],
  ) => Partial<AppState>;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createPersistence(options: {
  name: string;
  getStorage: StorageProvider;
  catalog: readonly CatalogEntry[];
  /** Called (once per session) when saving fails, e.g. storage is full or disabled. */
  onSaveFailed: (notice: StorageNotice) => void;
}): Persistence {
  const { name, getStorage, catalog } = options;
  let raw: string | null = null;
  let problem: StorageNotice | null = null;
  let saveFailureReported = false;

  const storage = (): Storage | null => {
    try {
      return getStorage();
    } catch {
      return null;
    }
  };

  /** Copies the raw saved text to a free backup key; returns the key or null. */
  const backup = (): string | null => {
    const store = storage();
    if (!store || raw === null) return null;
    try {
      for (let n = 1; n < 1000; n++) {
        const key = `${name}:backup-${n}`;
        if (store.getItem(key) === null) {
          store.setItem(key, raw);
          return key;
        }
      }
    } catch {
      return null;
    }
    return null;
  };

  /** Backs the saved data up, removes it so the app starts clean, and describes what happened. */
  const setAside = (message: string, details: string[] = []): StorageNotice => {
    const backupKey = backup();
    try {
      storage()?.removeItem(name);
    } catch {
      // Nothing more to do: the app still starts clean in memory.
    }
    return {
      message:
        backupKey === null
          ? `${message} It could not be backed up, and the app starts with a clean slate.`
          : `${message} It was set aside under the local-storage key "${backupKey}" and the app starts with a clean slate.`,
      backupKey,
      details,
    };
  };

  const persistStorage: PersistStorage<PersistedState> = {
    getItem: (key) => {
      raw = null;
      problem = null;
      const store = storage();
      if (!store) return null;
      try {
        raw = store.getItem(key);
      } catch {
        return null;
      }
      if (raw === null) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch (error) {
        problem = setAside('Your saved plans could not be read (they are not valid JSON).', [
          describeError(error),
        ]);
        return null;
      }
      if (
        parsed === null ||
        typeof parsed !== 'object' ||
        !('state' in parsed) ||
        typeof parsed.state !== 'object' ||
        parsed.state === null
      ) {
        problem = setAside('Your saved plans could not be read (unexpected format).');
        return null;
      }
      const envelope = parsed as StorageValue<unknown>;
      if (
        envelope.version !== undefined &&
        (typeof envelope.version !== 'number' || envelope.version > PERSIST_VERSION)
      ) {
        problem = setAside(
          `Your saved plans were written by a newer version of Roadmap Dojo (format ${String(envelope.version)}; this one reads up to ${PERSIST_VERSION}).`,
        );
        return null;
      }
      return {
        state: envelope.state as PersistedState,
        version: envelope.version ?? PERSIST_VERSION,
      };
    },
    setItem: (key, value) => {
      try {
        const store = storage();
        if (!store) throw new Error('local storage is not available');
        store.setItem(key, JSON.stringify(value));
      } catch (error) {
        if (saveFailureReported) return;
        saveFailureReported = true;
        options.onSaveFailed({
          message:
            'Your changes cannot be saved in this browser (storage is full or disabled). They last until you close the tab.',
          backupKey: null,
          details: [describeError(error)],
        });
      }
    },
    removeItem: (key) => {
      try {
        storage()?.removeItem(key);
      } catch {
        // Ignored: nothing to remove from storage that cannot be reached.
      }
    },
  };

  const merge = (persisted: unknown, current: AppState): AppState => {
    if (problem) return { ...current, storageNotice: problem };
    if (persisted === undefined) return current;
    const parsed = persistedSchema.safeParse(persisted);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(saved data)'}: ${i.message}`);
      return {
        ...current,
        storageNotice: setAside('Your saved plans could not be read (unexpected format).', issues),
      };
    }
    const data = parsed.data;
    const details: string[] = [];

    const imported: ImportedScenario[] = [];
    for (const entry of data.imported) {
      const result = loadScenario(entry.scenario);
      if (result.ok) imported.push({ ...entry, scenario: result.scenario });
      else
        details.push(
          `The imported scenario from ${entry.fileName} no longer loads (${result.issues[0]?.path}: ${result.issues[0]?.message}).`,
        );
    }

    const scenarios = new Map<string, Scenario>();
    for (const entry of catalog) if (entry.ok) scenarios.set(entry.scenario.id, entry.scenario);
    for (const entry of imported) scenarios.set(entry.scenario.id, entry.scenario);

    const fitted = fitToScenarios(data.plans, data.workshop, scenarios);
    const { plans } = fitted;
    details.push(...fitted.details);

    const next: AppState = {
      ...current,
      imported,
      plans,
      preferences: { ...DEFAULT_PREFERENCES, ...(data.preferences as Partial<Preferences>) },
      plays: livePlays(data.plays, plans),
      workshop: fitted.workshop,
    };
    if (details.length === 0) return next;
    // Keep the original, then save the cleaned state so the next load is clean.
    const notice = leftOutNotice(details);
    persistStorage.setItem(name, { state: partializeState(next), version: PERSIST_VERSION });
    return { ...next, storageNotice: notice };
  };

  /** Backs up what is saved now and describes what no longer matched its scenario. */
  const leftOutNotice = (details: string[]): StorageNotice => {
    const store = storage();
    try {
      raw = store?.getItem(name) ?? raw;
    } catch {
      // Keep the text read at start-up.
    }
    const backupKey = backup();
    return {
      message:
        'Some saved data no longer matched its scenario and was left out.' +
        (backupKey ? ` The original is kept under the local-storage key "${backupKey}".` : ''),
      backupKey,
      details,
    };
  };

  /**
   * Fits saved plans and games to scenarios that arrive after start-up (the shipped catalog loads
   * when a screen first needs it). Returns the changes to apply, with a notice when something was
   * left out; plans for scenarios not in `loaded` are untouched.
   */
  const fitLoaded = (
    state: Pick<AppState, 'plans' | 'workshop'>,
    loaded: readonly Scenario[],
  ): Partial<AppState> => {
    const scenarios = new Map(loaded.map((s) => [s.id, s]));
    const fitted = fitToScenarios(state.plans, state.workshop, scenarios);
    if (fitted.details.length === 0) return { plans: fitted.plans, workshop: fitted.workshop };
    return {
      plans: fitted.plans,
      workshop: fitted.workshop,
      storageNotice: leftOutNotice(fitted.details),
    };
  };

  const recover = (error: unknown): StorageNotice =>
    setAside('Your saved plans could not be upgraded to this version of Roadmap Dojo.', [
      describeError(error),
    ]);

  return { storage: persistStorage, merge, recover, fitLoaded };
}
