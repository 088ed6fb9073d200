/**
 * The one application store, built by a factory so every test (and every app instance) gets a
 * fresh one. Slices are composed here; middleware (`persist`) only wraps the root.
 *
 * To add a slice: write `createXSlice` next to the others, add its type to `AppState`
 * (state.ts) and spread it below. If it must survive a reload, add its inputs to
 * `partializeState` and `persistedSchema` and a named version with a migration (persistence.ts).
 */
import { persist } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';

import { createNoticesSlice, type StorageNotice } from './noticesSlice';
import { createParSlice, type ComputePar } from './parSlice';
import {
  createPersistence,
  migratePersisted,
  partializeState,
  PERSIST_NAME,
  PERSIST_VERSION,
  type PersistedState,
  type StorageProvider,
} from './persistence';
import { createPlansSlice } from './plansSlice';
import { createPlaysSlice, randomSeed } from './playsSlice';
import { createPreferencesSlice } from './preferencesSlice';
import { createRoomSlice, type RoomSliceOptions } from './roomSlice';
import { createScenariosSlice } from './scenariosSlice';
import type { AppState } from './state';
import type { CatalogEntry, CatalogIndexEntry } from './types';
import { createWorkshopSlice } from './workshopSlice';

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
  /** A fresh seed for each new play of a plan; injectable for tests. */
  randomSeed?: () => number;
  /** The live room's transport, randomness and clock; injectable for tests. */
  room?: RoomSliceOptions;
}

export type AppStore = StoreApi<AppState>;

const browserStorage: StorageProvider = () =>
  typeof window === 'undefined' ? null : window.localStorage;

export function createAppStore(options: AppStoreOptions): AppStore {
  const name = options.name ?? PERSIST_NAME;
  let api: StoreApi<AppState> | null = null;
  // The notice when saved data could not be migrated (and was set aside).
  let recovered: StorageNotice | null = null;
  const persistence = createPersistence({
    name,
    getStorage: options.storage ?? browserStorage,
    // A catalog that loads later is fitted to saved plans when it arrives (`fitLoaded`).
    catalog: Array.isArray(options.catalog) ? (options.catalog as readonly CatalogEntry[]) : [],
    // Reported after the failing `set` returns, so the notice's own save cannot recurse.
    onSaveFailed: (notice) => queueMicrotask(() => api?.setState({ storageNotice: notice })),
  });

  const store = createStore<AppState>()(
    persist<AppState, [], [], PersistedState>(
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
            now: options.now ?? (() => new Date().toISOString()),
          })(...a),
          ...createPlansSlice(...a),
          ...createPreferencesSlice(...a),
          ...createParSlice(options.computePar ?? null)(...a),
          ...createNoticesSlice(...a),
          ...createPlaysSlice({
            randomSeed: options.randomSeed ?? randomSeed,
            now: options.now ?? (() => new Date().toISOString()),
          })(...a),
          ...createWorkshopSlice({ now: options.now ?? (() => new Date().toISOString()) })(...a),
          ...createRoomSlice(options.room)(...a),
        };
      },
      {
        name,
        version: PERSIST_VERSION,
        storage: persistence.storage,
        partialize: partializeState,
        migrate: (state, version) => migratePersisted(state, version) as PersistedState,
        merge: persistence.merge,
        onRehydrateStorage: () => (_state, error) => {
          if (error === undefined) return;
          recovered = persistence.recover(error);
          api?.setState({ storageNotice: recovered });
        },
      },
    ),
  );
  // Local storage is synchronous, so the store hydrates while it is being created, and the
  // creator's initial state then replaces what the callback set: set the notice again.
  if (recovered && !store.getState().storageNotice) store.setState({ storageNotice: recovered });
  return store;
}
