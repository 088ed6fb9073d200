/**
 * Reading and writing the saved state in local storage, so that no learner's work is lost:
 *
 *  1. Saved data this app cannot use (not JSON, an unexpected shape, a version it cannot migrate)
 *     is copied to a backup key, read back, and only then removed; when the backup cannot be
 *     written (storage full) the data stays where it is and this tab does not save, so nothing
 *     overwrites it. Data written by a newer version of the app is never touched: this tab stops
 *     saving and says why.
 *  2. Every save merges with what is stored (other tabs' changes, `sync.ts`), and a `storage`
 *     event from another tab merges its changes into this one, so tabs never overwrite each
 *     other wholesale.
 *  3. When a save fails (storage full or disabled) the user is told which changes exist only in
 *     this tab, and how to export them; the notice updates as it goes and leaves once a save
 *     succeeds again.
 *  4. Saved plans are fitted to their scenarios (items that no longer exist are taken off, named
 *     in a notice, the original kept under a backup key).
 *
 * Notices go through `notify` (they stack; one never hides another).
 */
import type { PersistStorage } from 'zustand/middleware';

import { loadScenario, type Scenario } from '../engine';
import { idRecord } from '../engine/ids';
import type { StorageNotice } from './noticesSlice';
import {
  NO_VERSION,
  PERSIST_VERSION,
  fitToScenarios,
  migratePersisted,
  partializeState,
  persistedSchema,
  type PersistedInput,
  type SavedState,
  type Superseded,
} from './persistence';
import type { Variant } from './plansSlice';
import { livePlays } from './playsSlice';
import { DEFAULT_PREFERENCES } from './preferencesSlice';
import type { AppState } from './state';
import {
  Ledger,
  adoptSaved,
  isNewer,
  localSaved,
  madeOnTopOf,
  mergeSaved,
  plainVariant,
  stampLocal,
  type LoadImported,
} from './sync';
import type { CatalogEntry, ImportedScenario } from './types';
import { DEFAULT_WORKSHOP } from './workshopSlice';

/** Where the persisted state lives; `null` when the browser gives no storage. */
export type StorageProvider = () => Storage | null;

/** Calls `onChange` when another tab changes the saved state; returns how to stop. */
export type WatchStorage = (name: string, onChange: () => void) => () => void;

/** The browser's `storage` event: fired in every other tab of the origin on each change. */
export const watchBrowserStorage: WatchStorage = (name, onChange) => {
  if (typeof window === 'undefined') return () => {};
  const listener = (event: StorageEvent) => {
    if (event.key === name || event.key === null) onChange();
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
};

/** Why this tab does not save: what is stored must not be overwritten. */
export interface Held {
  reason: 'newer' | 'unreadable';
  /** The stored text, as found. */
  raw: string;
}

/** A backup key and how much it holds. */
export interface BackupInfo {
  key: string;
  /** Characters. */
  size: number;
}

export interface Persistence {
  storage: PersistStorage<PersistedInput>;
  /** `persist`'s merge: validates, re-fits plans and reports what could not be kept. */
  merge: (persisted: unknown, current: AppState) => AppState;
  /** Called when migrating threw: sets the saved data aside and returns the notice. */
  recover: (error: unknown) => StorageNotice;
  /** Fits saved plans to scenarios loaded after start-up (see `fitToScenarios`). */
  fitLoaded: (
    state: Pick<AppState, 'plans' | 'workshop'>,
    loaded: readonly Scenario[],
  ) => Partial<AppState>;
  /** Merges what other tabs saved into this one (on their `storage` event). */
  syncFromStorage: () => void;
  /** Why this tab is not saving, or null. */
  held: () => Held | null;
  /** Sets held data aside (written and read back) and saves again; false when it did not fit. */
  setAsideHeld: () => boolean;
  /** The backup keys of this app in storage, oldest first. */
  backups: () => BackupInfo[];
  readBackup: (key: string) => string | null;
  deleteBackup: (key: string) => void;
  /**
   * Runs `change` (a store update) and writes what it changed to storage after the next frame
   * (`afterFrame`) instead of inside it: a drop on the board draws the cards first. A later change
   * saved at once writes it too; `flush` writes it now (the page is hidden or left).
   */
  saveAfterFrame: (change: () => void) => void;
  /** Writes a change waiting for `saveAfterFrame`'s frame now; nothing when none waits. */
  flush: () => void;
}

/**
 * Calls `run` once, just after the next frame is drawn (a task queued from the frame's callback),
 * or after `fallbackMs` when no frame comes first (a hidden tab draws none).
 */
export function afterNextFrame(run: () => void, fallbackMs = 250): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, fallbackMs);
}

/**
 * Calls `run` when the page is hidden or left (a change waiting for a frame must not wait for one
 * that never comes); returns how to stop.
 */
export function watchLeave(run: () => void): () => void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => {};
  const hidden = () => {
    if (document.visibilityState === 'hidden') run();
  };
  window.addEventListener('pagehide', run);
  document.addEventListener('visibilitychange', hidden);
  return () => {
    window.removeEventListener('pagehide', run);
    document.removeEventListener('visibilitychange', hidden);
  };
}

export interface PersistenceOptions {
  name: string;
  getStorage: StorageProvider;
  catalog: readonly CatalogEntry[];
  /** This tab's tag (in versions and new variant ids). */
  tab: string;
  /** Milliseconds since 1970 (injectable for tests). */
  clock: () => number;
  /** The store's current state (for merging on another tab's change); undefined while created. */
  getState: () => AppState | undefined;
  /** Shows a notice; called outside of the store update that caused it. */
  notify: (notice: StorageNotice) => void;
  /** Takes a notice away (the condition it reported is over). */
  withdraw: (id: string) => void;
  /** Applies parts another tab saved to this tab's store (`history` gets their undo steps). */
  adopt: (parts: Partial<PersistedInput>) => void;
  /** Schedules a save held back by `saveAfterFrame`; default `afterNextFrame`. */
  afterFrame?: (run: () => void) => void;
  /** Calls its argument when the page is hidden or left; default `watchLeave`. */
  onLeave?: (run: () => void) => () => void;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const EMPTY_SAVED: SavedState = {
  imported: [],
  removedImports: idRecord(),
  plans: idRecord(),
  preferences: {},
  plays: idRecord(),
  workshop: DEFAULT_WORKSHOP,
  sync: {
    preferences: { stamp: 0, tab: '' },
    workshop: { stamp: 0, tab: '' },
    superseded: [],
  },
};

type SavedImport = SavedState['imported'][number];

/**
 * The saved imports with one entry per scenario id, as the app saves them. A repeated id whose
 * entry is an exact copy of the first (scenario, file name, import time) is dropped silently:
 * nothing is lost. Any other repeat is left out and named in `details`, so the caller tells the
 * user and keeps the original text aside. The first entry of an id is kept, as for repeated
 * variant ids.
 */
export function withoutRepeatedImports(saved: SavedState): {
  saved: SavedState;
  details: string[];
} {
  const first = new Map<string, SavedImport>();
  const kept: SavedImport[] = [];
  const details: string[] = [];
  const content = (e: SavedImport) => JSON.stringify([e.scenario, e.fileName, e.importedAt]);
  const from = (e: SavedImport) => (e.fileName ? `from ${e.fileName}` : 'without a file name');
  for (const entry of saved.imported) {
    const id = (entry.scenario as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') {
      kept.push(entry);
      continue;
    }
    const earlier = first.get(id);
    if (!earlier) {
      first.set(id, entry);
      kept.push(entry);
    } else if (content(earlier) !== content(entry))
      details.push(
        `Two different imported scenarios had the id “${id}”: the one ${from(earlier)} is kept, the one ${from(entry)} was left out.`,
      );
  }
  if (kept.length === saved.imported.length) return { saved, details };
  return { saved: { ...saved, imported: kept }, details };
}

/** What is stored under the key, classified. */
type Stored =
  | { kind: 'empty' }
  | { kind: 'ok'; saved: SavedState }
  | { kind: 'newer'; version: number }
  | { kind: 'unreadable'; message: string; details: string[] };

/** Reads stored text: parse, check the version, migrate, validate. Never throws. */
export function readStored(raw: string | null): Stored {
  if (raw === null) return { kind: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return {
      kind: 'unreadable',
      message: 'Your saved plans could not be read (they are not valid JSON).',
      details: [describeError(error)],
    };
  }
  if (
    parsed === null ||
    typeof parsed !== 'object' ||
    !('state' in parsed) ||
    typeof parsed.state !== 'object' ||
    parsed.state === null
  )
    return {
      kind: 'unreadable',
      message: 'Your saved plans could not be read (unexpected format).',
      details: [],
    };
  const version = (parsed as { version?: unknown }).version ?? PERSIST_VERSION;
  // A version that is not a number ("4", a string) is damage, not a newer format.
  if (typeof version !== 'number' || !Number.isFinite(version))
    return {
      kind: 'unreadable',
      message: 'Your saved plans could not be read (unexpected format).',
      details: [
        `the saved format version is ${JSON.stringify(version)} (${typeof version}), where a whole number from 1 to ${PERSIST_VERSION} is expected`,
      ],
    };
  if (version > PERSIST_VERSION && Number.isInteger(version)) return { kind: 'newer', version };
  let state: unknown;
  try {
    state = migratePersisted(parsed.state, version);
  } catch (error) {
    return {
      kind: 'unreadable',
      message: 'Your saved plans could not be upgraded to this version of Roadmap Dojo.',
      details: [describeError(error)],
    };
  }
  const checked = persistedSchema.safeParse(state);
  if (!checked.success)
    return {
      kind: 'unreadable',
      message: 'Your saved plans could not be read (unexpected format).',
      details: checked.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(saved data)'}: ${i.message}`),
    };
  return { kind: 'ok', saved: checked.data as SavedState };
}

export function createPersistence(options: PersistenceOptions): Persistence {
  const { name, getStorage, catalog, tab } = options;
  const ledger = new Ledger(tab, options.clock);
  /** The text read at start-up (what a backup keeps when it cannot be used). */
  let startRaw: string | null = null;
  /** A problem found by `getItem` at start-up, reported by `merge`. */
  let startProblem: StorageNotice | null = null;
  /** The text read at start-up was an older version: it is saved upgraded once loaded. */
  let startMigrated = false;
  /** The stored text as this tab last read or wrote it, and what it held. */
  let lastRaw: string | null = null;
  let lastSaved: SavedState = EMPTY_SAVED;
  /** The saved parts as last written (their identities: unchanged parts skip the merge). */
  let lastInput: PersistedInput | null = null;
  let hold: Held | null = null;
  /** Superseded versions already told to this tab's user, by key, with their notice's id. */
  const told = new Map<string, { entry: Superseded; noticeId: string }>();
  /** Inside `persist`'s setItem (a store update is in progress): defer store changes. */
  let inSave = false;
  /** Inside `saveAfterFrame`'s change: saves wait for the frame. */
  let holding = false;
  /** The saved parts of the latest change waiting for the frame, or null. */
  let waiting: PersistedInput | null = null;
  /** Stops watching for the page being left (while a change waits). */
  let stopWatching: (() => void) | null = null;
  const afterFrame = options.afterFrame ?? ((run: () => void) => afterNextFrame(run));
  const onLeave = options.onLeave ?? watchLeave;
  /** Takes the change waiting for its frame, if any (it is saved now, or held by what is). */
  const takeWaiting = (): PersistedInput | null => {
    const input = waiting;
    waiting = null;
    stopWatching?.();
    stopWatching = null;
    return input;
  };

  const storage = (): Storage | null => {
    try {
      return getStorage();
    } catch {
      return null;
    }
  };

  const later = (run: () => void) => (inSave ? queueMicrotask(run) : run());
  const notify = (notice: StorageNotice) => later(() => options.notify(notice));

  /**
   * Copies `raw` to a free backup key and reads it back; returns the key, or null when the copy
   * could not be written or does not read back the same (then the caller must keep the original).
   */
  const backup = (raw: string): string | null => {
    const store = storage();
    if (!store) return null;
    try {
      for (let n = 1; n < 1000; n++) {
        const key = `${name}:backup-${n}`;
        if (store.getItem(key) !== null) continue;
        store.setItem(key, raw);
        if (store.getItem(key) === raw) return key;
        store.removeItem(key);
        return null;
      }
    } catch {
      return null;
    }
    return null;
  };

  /** Keeps unusable data where it is and stops saving; the notice offers what the user can do. */
  const keep = (reason: Held['reason'], raw: string, message: string, details: string[]) => {
    hold = { reason, raw };
    return {
      id: reason === 'newer' ? 'newer-version' : 'kept',
      kind: reason === 'newer' ? ('newer-version' as const) : ('kept' as const),
      message,
      backupKey: null,
      details,
    };
  };

  /**
   * Sets unusable saved data aside: a backup (read back), then removal. When the backup fails,
   * nothing is removed and this tab stops saving.
   */
  const setAside = (raw: string, message: string, details: string[]): StorageNotice => {
    const backupKey = backup(raw);
    if (backupKey === null)
      return keep(
        'unreadable',
        raw,
        `${message} There is no room to keep a copy of it aside, so it stays where it is and this tab does not save your changes, to leave it untouched. Download it, then free some space (see Saved data).`,
        details,
      );
    try {
      storage()?.removeItem(name);
    } catch {
      // The backup holds it; the app starts clean in memory either way.
    }
    return {
      id: `set-aside:${backupKey}`,
      kind: 'set-aside',
      message: `${message} It was set aside under the local-storage key "${backupKey}" and the app starts with a clean slate; you can download or restore it from Saved data.`,
      backupKey,
      details,
    };
  };

  const newerMessage = (version: number) =>
    `Your saved plans were written by a newer version of Roadmap Dojo (format ${version}; this one reads up to ${PERSIST_VERSION}). This tab runs an older version: it shows a clean slate and saves nothing, so it cannot overwrite them. Reload to get the new version.`;

  /** The ids of the shipped scenarios (their index is there from the start, even when lazy). */
  const shippedIds = (state: Pick<AppState, 'catalog' | 'catalogIndex'> | undefined) => {
    const ids = new Set<string>();
    for (const entry of [...catalog, ...(state?.catalog ?? [])])
      if (entry.ok) ids.add(entry.scenario.id);
    for (const entry of state?.catalogIndex ?? []) if (entry.ok) ids.add(entry.summary.id);
    return ids;
  };

  /**
   * Loads saved imports as `importScenario` would take them: one that no longer loads, or that has
   * the id of a shipped scenario (which it would hide), is left out with a message.
   */
  const loadImportedInto =
    (failures: string[], shipped: ReadonlySet<string>, failedIds: string[] = []): LoadImported =>
    (entry) => {
      const result = loadScenario(entry.scenario);
      if (result.ok && shipped.has(result.scenario.id)) {
        failures.push(
          `The imported scenario from ${entry.fileName} was left out: "${result.scenario.id}" is the id of a scenario shipped with Roadmap Dojo. Give the imported one another id and import it again.`,
        );
        failedIds.push(result.scenario.id);
        return null;
      }
      if (result.ok)
        return {
          scenario: result.scenario,
          fileName: entry.fileName,
          importedAt: entry.importedAt,
        } satisfies ImportedScenario;
      failures.push(
        `The imported scenario from ${entry.fileName} no longer loads (${result.issues[0]?.path}: ${result.issues[0]?.message}).`,
      );
      const id = (entry.scenario as { id?: unknown } | null)?.id;
      if (typeof id === 'string') failedIds.push(id);
      return null;
    };

  const scenarioTitles = () => {
    const titles = new Map<string, string>();
    const state = options.getState();
    for (const entry of [...catalog, ...(state?.catalog ?? [])])
      if (entry.ok) titles.set(entry.scenario.id, entry.scenario.title);
    for (const entry of state?.catalogIndex ?? [])
      if (entry.ok) titles.set(entry.summary.id, entry.summary.title);
    for (const entry of state?.imported ?? []) titles.set(entry.scenario.id, entry.scenario.title);
    return titles;
  };

  /**
   * The notice when a save failed: what exists only in this tab, and how to keep it. A variant
   * changed here and then changed back to what storage holds (`stored`) is not named: nothing of
   * it would be lost.
   */
  const saveFailedNotice = (error: unknown, stored: SavedState = lastSaved): StorageNotice => {
    const titles = scenarioTitles();
    const unsaved = ledger.unsaved();
    const storedAlike = (scenarioId: string, variant: Variant) => {
      const kept = stored.plans[scenarioId]?.variants.find((v) => v.id === variant.id);
      return (
        kept !== undefined &&
        JSON.stringify(plainVariant(kept)) === JSON.stringify(plainVariant(variant))
      );
    };
    const details = [
      ...unsaved.variants
        .filter(({ scenarioId, entry }) => !entry.ref || !storedAlike(scenarioId, entry.ref))
        .map(({ scenarioId, entry }) =>
          entry.ref
            ? `“${entry.ref.name}” in ${titles.get(scenarioId) ?? scenarioId}`
            : `a deleted variant in ${titles.get(scenarioId) ?? scenarioId}`,
        ),
      ...unsaved.imports.map((id) => `the imported scenario “${titles.get(id) ?? id}”`),
    ];
    return {
      id: 'save-failed',
      kind: 'save-failed',
      message:
        details.length > 0
          ? `Your latest changes cannot be saved in this browser: storage is full or disabled (${describeError(error)}). Until they are, these exist only in this tab and are lost when it closes. Export everything to a file to keep them, and free space under Saved data.`
          : `Your changes cannot be saved in this browser: storage is full or disabled (${describeError(error)}). Export everything to a file to keep your work, and free space under Saved data.`,
      backupKey: null,
      details,
    };
  };

  /** This tab's variant (as last saved or adopted) has the content of `lost`. */
  const sameVariantHere = (lost: { scenarioId: string; variant: Variant }) => {
    const here = ledger.variants.get(lost.scenarioId)?.get(lost.variant.id)?.ref;
    return (
      here !== null &&
      here !== undefined &&
      JSON.stringify(plainVariant(here)) === JSON.stringify(plainVariant(lost.variant))
    );
  };

  const tellSuperseded = (entries: readonly Superseded[]) => {
    const titles = scenarioTitles();
    const mine = entries.filter((entry) => entry.lost.tab === tab);
    for (const entry of mine) {
      // A later version of this tab's, made on top of this one, was lost too: telling that one
      // offers everything this one held (one notice per loss, not one per step).
      if (mine.some((other) => madeOnTopOf(other, entry))) continue;
      if ([...told.values()].some((t) => madeOnTopOf(t.entry, entry))) continue;
      // A later change made here, on top of the lost one, has won since: nothing of it is lost.
      const current = ledger.variants.get(entry.scenarioId)?.get(entry.variant.id)?.version;
      if (current && current.tab === tab && isNewer(current, entry.by)) continue;
      // The variant holds this version again (the same edit was made in the other tab too, or it
      // was undone there): nothing is lost, so nothing is told.
      if (sameVariantHere(entry)) continue;
      const key = `${entry.scenarioId}/${entry.variant.id}@${entry.lost.stamp}`;
      if (told.has(key)) continue;
      const noticeId = `superseded:${key}`;
      for (const [earlierKey, earlier] of told)
        if (madeOnTopOf(entry, earlier.entry)) {
          told.delete(earlierKey);
          later(() => options.withdraw(earlier.noticeId));
        }
      told.set(key, { entry, noticeId });
      const where = titles.get(entry.scenarioId) ?? entry.scenarioId;
      const notice: StorageNotice = {
        id: noticeId,
        kind: 'superseded',
        message: entry.deleted
          ? `“${entry.variant.name}” (${where}) was deleted in another tab after your last change to it here. Your version can be kept as a new variant.`
          : `“${entry.variant.name}” (${where}) was also changed in another tab, and that later change replaced yours here. Your version can be kept as a new variant.`,
        backupKey: null,
        details: [],
        superseded: { scenarioId: entry.scenarioId, variant: entry.variant },
      };
      // Shown unless a later loss made on top of it was told first (a notice deferred out of a
      // save can arrive after the one that replaces it).
      later(() => {
        if (told.has(key)) options.notify(notice);
      });
    }
  };

  /**
   * Merges this tab's saved parts with what is stored and writes the result. Changes made in this
   * tab get their versions first; parts another tab changed later are adopted into the store.
   */
  const sync = (input: PersistedInput) => {
    const store = storage();
    stampLocal(input, ledger);
    if (hold) return;
    if (!store) {
      notify(saveFailedNotice(new Error('local storage is not available')));
      return;
    }
    let raw: string | null;
    try {
      raw = store.getItem(name);
    } catch (error) {
      notify(saveFailedNotice(error));
      return;
    }
    let stored = lastSaved;
    if (raw !== lastRaw) {
      const read = readStored(raw);
      if (read.kind === 'newer') {
        notify(keep('newer', raw!, newerMessage(read.version), []));
        return;
      }
      if (read.kind === 'unreadable') {
        // Something else wrote junk under the key: keep a copy before writing over it.
        const notice = setAside(raw!, read.message, read.details);
        notify(notice);
        if (hold) return;
        stored = EMPTY_SAVED;
      } else stored = read.kind === 'ok' ? read.saved : EMPTY_SAVED;
    }
    const local = localSaved(input, ledger, []);
    const merged = mergeSaved(local, stored, ledger);
    const failures: string[] = [];
    const parts = adoptSaved(
      merged.saved,
      input,
      ledger,
      loadImportedInto(failures, shippedIds(options.getState())),
    );
    const text = JSON.stringify({ state: merged.saved, version: PERSIST_VERSION });
    if (text !== raw) {
      try {
        store.setItem(name, text);
      } catch (error) {
        lastRaw = raw;
        lastSaved = stored;
        notify(saveFailedNotice(error, stored));
        finish(parts, merged.lostHere, merged.saved.sync.superseded);
        return;
      }
    }
    lastRaw = text;
    lastSaved = merged.saved;
    ledger.markSeen();
    later(() => options.withdraw('save-failed'));
    finish(parts, merged.lostHere, merged.saved.sync.superseded);
  };

  const finish = (
    parts: Partial<PersistedInput>,
    lostHere: readonly Superseded[],
    superseded: readonly Superseded[],
  ) => {
    // Told first: adopting saves, and that save must find these already told.
    tellSuperseded([...lostHere, ...superseded]);
    if (Object.keys(parts).length > 0) later(() => options.adopt(parts));
    // A version told lost that is back (undo, or the same edit again) needs keeping no more.
    for (const notice of options.getState()?.notices ?? [])
      if (notice.superseded && sameVariantHere(notice.superseded))
        later(() => options.withdraw(notice.id));
  };

  const persistStorage: PersistStorage<PersistedInput> = {
    getItem: (key) => {
      startRaw = null;
      startProblem = null;
      startMigrated = false;
      const store = storage();
      if (!store) return null;
      try {
        startRaw = store.getItem(key);
      } catch {
        return null;
      }
      if (startRaw === null) return null;
      // Read whole here (migrated and validated), so `persist` has nothing left to migrate.
      const read = readStored(startRaw);
      if (read.kind === 'newer') {
        startProblem = keep('newer', startRaw, newerMessage(read.version), []);
        return null;
      }
      if (read.kind === 'unreadable') {
        startProblem = setAside(startRaw, read.message, read.details);
        return null;
      }
      if (read.kind === 'empty') return null;
      startMigrated = (JSON.parse(startRaw) as { version?: unknown }).version !== PERSIST_VERSION;
      return { state: read.saved as unknown as PersistedInput, version: PERSIST_VERSION };
    },
    setItem: (_key, value) => {
      const input = value.state;
      if (holding) {
        // Written after the frame (`saveAfterFrame`); the latest change holds every earlier one.
        if (waiting === null) {
          afterFrame(flush);
          stopWatching = onLeave(flush);
        }
        waiting = input;
        return;
      }
      // A change saved now holds the one waiting too.
      takeWaiting();
      save(input);
    },
    removeItem: (key) => {
      try {
        storage()?.removeItem(key);
      } catch {
        // Ignored: nothing to remove from storage that cannot be reached.
      }
    },
  };

  /** Writes the saved parts (merged with what other tabs saved) unless nothing changed. */
  function save(input: PersistedInput): void {
    if (
      lastInput &&
      lastInput.plans === input.plans &&
      lastInput.imported === input.imported &&
      lastInput.preferences === input.preferences &&
      lastInput.plays === input.plays &&
      lastInput.workshop === input.workshop
    )
      return;
    lastInput = input;
    inSave = true;
    try {
      sync(input);
    } finally {
      inSave = false;
    }
  }

  function flush(): void {
    const input = takeWaiting();
    if (input !== null) save(input);
  }

  /** Backs up the text saved now and describes what no longer matched its scenario. */
  const leftOutNotice = (
    details: string[],
    what = 'Some saved data no longer matched its scenario and was left out.',
  ): StorageNotice => {
    let raw = startRaw;
    try {
      raw = storage()?.getItem(name) ?? raw;
    } catch {
      // Keep the text read at start-up.
    }
    const backupKey = raw === null ? null : backup(raw);
    if (raw !== null && backupKey === null)
      return keep(
        'unreadable',
        raw,
        'Some saved data no longer matches its scenario, and there is no room to keep the original aside. It stays as it was and this tab does not save, so nothing is lost: download it, then free some space (see Saved data).',
        details,
      );
    return {
      id: `left-out:${backupKey ?? 'none'}`,
      kind: 'left-out',
      message:
        what +
        (backupKey ? ` The original is kept under the local-storage key "${backupKey}".` : ''),
      backupKey,
      details,
    };
  };

  const merge = (persisted: unknown, current: AppState): AppState => {
    if (startProblem) return { ...current, notices: [...current.notices, startProblem] };
    if (persisted === undefined) return current;
    const checked = persistedSchema.safeParse(persisted);
    if (!checked.success) {
      const details = checked.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(saved data)'}: ${i.message}`);
      const notice = setAside(
        startRaw ?? JSON.stringify(persisted),
        'Your saved plans could not be read (unexpected format).',
        details,
      );
      return { ...current, notices: [...current.notices, notice] };
    }
    const repeated = withoutRepeatedImports(checked.data as SavedState);
    const saved = repeated.saved;
    const failures: string[] = [];
    const failedIds: string[] = [];
    const empty: PersistedInput = {
      imported: [],
      plans: idRecord(),
      preferences: DEFAULT_PREFERENCES,
      plays: idRecord(),
      workshop: DEFAULT_WORKSHOP,
    };
    const parts = adoptSaved(
      saved,
      empty,
      ledger,
      loadImportedInto(failures, shippedIds(current), failedIds),
    );
    const loaded: PersistedInput = { ...empty, ...parts };
    lastRaw = startRaw;
    lastSaved = saved;
    ledger.markSeen();
    // An import that no longer loads is left out (the original is backed up below): a removal.
    for (const id of failedIds)
      ledger.imports.set(id, { ref: null, version: ledger.tick(), seen: NO_VERSION });

    const scenarios = new Map<string, Scenario>();
    for (const entry of catalog) if (entry.ok) scenarios.set(entry.scenario.id, entry.scenario);
    for (const entry of loaded.imported) scenarios.set(entry.scenario.id, entry.scenario);
    const fitted = fitToScenarios(loaded.plans, loaded.workshop, scenarios);
    const details = [...repeated.details, ...failures, ...fitted.details];
    const next: AppState = {
      ...current,
      ...loaded,
      plans: fitted.plans,
      plays: livePlays(loaded.plays, fitted.plans),
      workshop: fitted.workshop,
    };
    lastInput = partializeState(next);
    tellSuperseded(saved.sync.superseded);
    if (details.length === 0) {
      if (startMigrated) {
        lastInput = null;
        lastRaw = null;
        persistStorage.setItem(name, { state: partializeState(next), version: PERSIST_VERSION });
      }
      return next;
    }
    // Keep the original, then save the cleaned state so the next load is clean.
    const notice = leftOutNotice(
      details,
      repeated.details.length > 0
        ? 'Some saved data could not be used as it was and was left out.'
        : undefined,
    );
    if (!hold) {
      lastInput = null;
      persistStorage.setItem(name, { state: partializeState(next), version: PERSIST_VERSION });
    }
    return { ...next, notices: [...next.notices, notice] };
  };

  const fitLoaded = (
    state: Pick<AppState, 'plans' | 'workshop'>,
    loaded: readonly Scenario[],
  ): Partial<AppState> => {
    const scenarios = new Map(loaded.map((s) => [s.id, s]));
    const fitted = fitToScenarios(state.plans, state.workshop, scenarios);
    if (fitted.details.length === 0) return { plans: fitted.plans, workshop: fitted.workshop };
    const notice = leftOutNotice(fitted.details);
    queueMicrotask(() => options.notify(notice));
    return { plans: fitted.plans, workshop: fitted.workshop };
  };

  const recover = (error: unknown): StorageNotice =>
    setAside(
      startRaw ?? '',
      'Your saved plans could not be upgraded to this version of Roadmap Dojo.',
      [describeError(error)],
    );

  const backupKeys = (): string[] => {
    const store = storage();
    if (!store) return [];
    const keys: { key: string; n: number }[] = [];
    try {
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        const n = key === null ? null : new RegExp(`^${escape(name)}:backup-(\\d+)$`).exec(key);
        if (key !== null && n) keys.push({ key, n: Number(n[1]) });
      }
    } catch {
      return [];
    }
    return keys.sort((a, b) => a.n - b.n).map((k) => k.key);
  };

  return {
    storage: persistStorage,
    merge,
    recover,
    fitLoaded,
    syncFromStorage: () => {
      const state = options.getState();
      if (!state) return;
      // The current state holds a change waiting for its frame: it is saved here.
      takeWaiting();
      lastInput = partializeState(state);
      sync(lastInput);
    },
    held: () => hold,
    saveAfterFrame: (change) => {
      const was = holding;
      holding = true;
      try {
        change();
      } finally {
        holding = was;
      }
    },
    flush,
    setAsideHeld: () => {
      if (!hold) return true;
      const key = backup(hold.raw);
      if (key === null) return false;
      try {
        storage()?.removeItem(name);
      } catch {
        // The backup holds it.
      }
      hold = null;
      lastRaw = null;
      lastSaved = EMPTY_SAVED;
      lastInput = null;
      options.withdraw('kept');
      options.withdraw('newer-version');
      options.notify({
        id: `set-aside:${key}`,
        kind: 'set-aside',
        message: `The saved data was set aside under the local-storage key "${key}". This tab saves again.`,
        backupKey: key,
        details: [],
      });
      const state = options.getState();
      if (state)
        persistStorage.setItem(name, { state: partializeState(state), version: PERSIST_VERSION });
      return true;
    },
    backups: () => {
      const store = storage();
      return backupKeys().map((key) => ({ key, size: store?.getItem(key)?.length ?? 0 }));
    },
    readBackup: (key) => {
      if (!backupKeys().includes(key)) return null;
      try {
        return storage()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    deleteBackup: (key) => {
      if (!backupKeys().includes(key)) return;
      try {
        storage()?.removeItem(key);
      } catch {
        // Nothing to delete from storage that cannot be reached.
      }
    },
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
