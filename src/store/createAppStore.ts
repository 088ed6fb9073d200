/**
 * The one application store, built by a factory so every test (and every app instance) gets a
 * fresh one. Slices are composed here; middleware (`persist`) only wraps the root.
 *
 * To add a slice: write `createXSlice` next to the others, add its type to `AppState`
 * (state.ts) and spread it below. If it must survive a reload, add its inputs to
 * `partializeState` and `persistedSchema` and a named version with a migration (persistence.ts).
 *
 * Saving (saving.ts) merges with what other tabs saved: their changes arrive through the
 * `storage` event and are adopted here, each a step the learner can undo.
 */
import { persist } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';

import { entryOf, withEntry } from '../engine/ids';
import { plansEqual } from '../engine';
import { createNoticesSlice, withNotice, type StorageNotice } from './noticesSlice';
import { createParSlice, type ComputePar } from './parSlice';
import {
  PERSIST_NAME,
  PERSIST_VERSION,
  migratePersisted,
  partializeState,
  type PersistedInput,
} from './persistence';
import { HISTORY_LIMIT, createPlansSlice, historyKey } from './plansSlice';
import { createPlaysSlice, livePlays, randomSeed } from './playsSlice';
import { createPreferencesSlice } from './preferencesSlice';
import { createSavedDataSlice } from './savedDataSlice';
import {
  createPersistence,
  watchBrowserStorage,
  type StorageProvider,
  type WatchStorage,
} from './saving';
import { createRoomSlice, type RoomSliceOptions } from './roomSlice';
import { createScenariosSlice } from './scenariosSlice';
import type { AppState } from './state';
import type { CatalogEntry, CatalogIndexEntry } from './types';
import { createWorkshopSlice } from './workshopSlice';

export type { StorageProvider, WatchStorage } from './saving';

export interface AppStoreOptions {
  /**
   * The shipped scenarios (validated catalog entries), or their index and a loader: the app lists
   * the index on its first screen and loads the scenarios when a screen needs one.
   */
  catalog:
    | readonly CatalogEntry[]
    | { index: readonly CatalogIndexEntry[]; load: () => Promise<readonly CatalogEntry[]> };
  /** Where state is saved; default `window.localStorage`. Return null for no saving. */
  storage?: StorageProvider;
  /** Storage key; default "roadmap-dojo". */
  name?: string;
  /** Runs the par search (a Web Worker in the app); without it par shows only when baked. */
  computePar?: ComputePar | null;
  /** The current time as an ISO string; injectable for tests. */
  now?: () => string;
  /** The current time in milliseconds (versions of saved changes); injectable for tests. */
  clock?: () => number;
  /** This tab's tag in saved versions and new variant ids; default random. */
  tabId?: string;
  /** How other tabs' changes are noticed; default the browser's `storage` event; null: never. */
  watchStorage?: WatchStorage | null;
  /** A fresh seed for each new play of a plan; injectable for tests. */
  randomSeed?: () => number;
  /** The live room's transport, randomness and clock; injectable for tests. */
  room?: RoomSliceOptions;
  /**
   * When a save held back by `saveAfterFrame` runs, and when the page is left; default just
   * after the next frame, and on `pagehide` or the page hidden. Injectable for tests.
   */
  afterFrame?: (run: () => void) => void;
  onLeave?: (run: () => void) => () => void;
}

export type AppStore = StoreApi<AppState>;

const browserStorage: StorageProvider = () =>
  typeof window === 'undefined' ? null : window.localStorage;

/** Four base-36 characters from the browser's random source. */
function randomTab(): string {
  const value = new Uint32Array(1);
  globalThis.crypto.getRandomValues(value);
  return (value[0]! % 36 ** 4).toString(36).padStart(4, '0');
}

export function createAppStore(options: AppStoreOptions): AppStore {
  const name = options.name ?? PERSIST_NAME;
  const tab = options.tabId ?? randomTab();
  const now = options.now ?? (() => new Date().toISOString());
  let api: StoreApi<AppState> | null = null;
  // Notices raised while the store is still being created, shown once it exists.
  const early: StorageNotice[] = [];

  const persistence = createPersistence({
    name,
    getStorage: options.storage ?? browserStorage,
    // A catalog that loads later is fitted to saved plans when it arrives (`fitLoaded`).
    catalog: Array.isArray(options.catalog) ? (options.catalog as readonly CatalogEntry[]) : [],
    tab,
    clock: options.clock ?? (() => Date.now()),
    getState: () => api?.getState(),
    notify: (notice) => {
      if (api) api.setState((state) => ({ notices: withNotice(state.notices, notice) }));
      else early.push(notice);
    },
    withdraw: (id) => {
      if (api?.getState().notices.some((n) => n.id === id))
        api.setState((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
    },
    adopt: (parts) => api?.setState((state) => adopt(state, parts)),
    ...(options.afterFrame ? { afterFrame: options.afterFrame } : {}),
    ...(options.onLeave ? { onLeave: options.onLeave } : {}),
  });

  const store = createStore<AppState>()(
    persist<AppState, [], [], PersistedInput>(
      (...a) => {
        api = a[2];
        return {
          ...createScenariosSlice({
            catalog: options.catalog,
            onCatalogLoaded: (state, entries) =>
              persistence.fitLoaded(
                state,
                entries.flatMap((e) => (e.ok ? [e.scenario] : [])),
              ),
            now,
          })(...a),
          ...createPlansSlice({ tab })(...a),
          ...createPreferencesSlice(...a),
          ...createParSlice(options.computePar ?? null)(...a),
          ...createNoticesSlice(...a),
          ...createPlaysSlice({ randomSeed: options.randomSeed ?? randomSeed, now })(...a),
          ...createWorkshopSlice({ now })(...a),
          ...createSavedDataSlice({ persistence: () => persistence, now })(...a),
          ...createRoomSlice(options.room)(...a),
        };
      },
      {
        name,
        version: PERSIST_VERSION,
        storage: persistence.storage,
        partialize: partializeState,
        migrate: (state, version) => migratePersisted(state, version) as PersistedInput,
        merge: persistence.merge,
        onRehydrateStorage: () => (_state, error) => {
          if (error === undefined) return;
          early.push(persistence.recover(error));
        },
      },
    ),
  );
  // Local storage is synchronous, so the store hydrates while it is being created; notices
  // raised before it existed are shown now.
  for (const notice of early)
    store.setState((state) => ({ notices: withNotice(state.notices, notice) }));
  const watch = options.watchStorage === undefined ? watchBrowserStorage : options.watchStorage;
  watch?.(name, () => persistence.syncFromStorage());
  return store;
}

/**
 * The store after adopting parts another tab saved: each variant whose plan changed gets an undo
 * step back to the plan this tab had, and plays of variants that no longer exist go.
 */
function adopt(state: AppState, parts: Partial<PersistedInput>): Partial<AppState> {
  const next: Partial<AppState> = { ...parts };
  if (parts.plans) {
    let history = state.history;
    for (const [scenarioId, plans] of Object.entries(parts.plans)) {
      const before = entryOf(state.plans, scenarioId);
      if (!before) continue;
      for (const variant of plans.variants) {
        const old = before.variants.find((v) => v.id === variant.id);
        if (!old || plansEqual(old.plan, variant.plan)) continue;
        const key = historyKey(scenarioId, variant.id);
        const past = entryOf(history, key)?.past ?? [];
        history = withEntry(history, key, {
          past: [...past, old.plan].slice(-HISTORY_LIMIT),
          future: [],
        });
      }
    }
    next.history = history;
  }
  if (parts.plans || parts.plays)
    next.plays = livePlays(parts.plays ?? state.plays, parts.plans ?? state.plans);
  return next;
}
