/**
 * The learner's saved data as a whole: export everything to one file and import it back, the
 * backups of data that was set aside (download, restore, delete), saving paused to protect data
 * the app cannot use, and keeping a version another tab replaced. Session only; it acts on the
 * other slices and on the saved state through `Persistence`.
 */
import type { StateCreator } from 'zustand/vanilla';

import { plansEqual, type Issue } from '../engine';
import { entryOf, idRecord, withEntry } from '../engine/ids';
import { makeBackupFile, readBackupFile, salvageBackup, type BackupFile } from './backupFile';
import { selectScenario } from './derived';
import { PERSIST_VERSION, type SavedState } from './persistence';
import {
  FIRST_VARIANT_ID,
  defaultPlans,
  nextVariantName,
  scenarioPlansOf,
  type Variant,
} from './plansSlice';
import { readStored, type BackupInfo, type Held, type Persistence } from './saving';
import type { AppState } from './state';
import type { WorldPlayed } from './workshopSlice';

export type RestoreResult = { ok: true; summary: string[] } | { ok: false; issues: Issue[] };

export interface SavedDataSlice {
  /** Every plan, imported scenario and world played alone as the text of one backup file. */
  exportEverything: () => string;
  /**
   * Adds what a backup file holds: its imported scenarios (the same one again is skipped, a
   * different one under a taken id comes in as a copy) and its variants as new variants (one
   * identical to a variant already here is skipped), and its worlds played alone merged with those
   * remembered here (`addWorlds`). Nothing is ever replaced.
   */
  importEverything: (text: string) => Promise<RestoreResult>;
  /** This app's backup keys in local storage (set-aside data), oldest first. */
  listBackups: () => BackupInfo[];
  readBackup: (key: string) => string | null;
  deleteBackup: (key: string) => void;
  /** Adds what a backup key holds, as `importEverything` does. */
  restoreBackup: (key: string) => Promise<RestoreResult>;
  /** Why this tab does not save (data it must not overwrite), or null when it saves. */
  savingPaused: () => Held | null;
  /** Copies the data saving is paused for to a backup key, then saves again; false if it did not fit. */
  setAsideHeldData: () => boolean;
  /** Keeps the version another tab replaced (a 'superseded' notice) as a new variant. */
  keepSupersededVersion: (noticeId: string) => string | null;
  /**
   * Runs `change` and saves it just after the next frame (a drop: the board is drawn first);
   * never later than the page being hidden or left, or the next change saved at once.
   */
  saveAfterFrame: (change: () => void) => void;
}

export interface SavedDataSliceOptions {
  persistence: () => Persistence;
  /** The current time as an ISO string. */
  now: () => string;
}

/** A backup file from saved state (what a set-aside backup key holds). */
function fileFromSaved(saved: SavedState): BackupFile {
  return {
    format: 'roadmap-dojo/backup',
    version: 1,
    exportedAt: '',
    createdWith: `saved state, format ${PERSIST_VERSION}`,
    plans: idRecord(
      Object.entries(saved.plans).map(([id, p]) => [
        id,
        {
          variants: p.variants.map((v) => ({
            id: v.id,
            name: v.name,
            plan: v.plan,
            notes: v.notes,
          })),
        },
      ]),
    ),
    imported: saved.imported.map(({ scenario, fileName, importedAt }) => ({
      scenario,
      fileName,
      importedAt,
    })),
    worlds: saved.workshop.worlds,
  };
}

/** The usable part of saved state that did not pass as a whole (see `salvageBackup`). */
function salvageStored(raw: string): ReturnType<typeof salvageBackup> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  const state = (parsed as { state?: unknown } | null)?.state;
  return salvageBackup(state, ['state']);
}

const sameVariant = (a: Variant, b: Variant) =>
  a.name === b.name &&
  plansEqual(a.plan, b.plan) &&
  JSON.stringify(Object.entries(a.notes).sort()) === JSON.stringify(Object.entries(b.notes).sort());

export const createSavedDataSlice =
  (
    options: SavedDataSliceOptions,
  ): StateCreator<AppState, [['zustand/persist', unknown]], [], SavedDataSlice> =>
  (set, get) => {
    /** Adds a backup file's content; see `importEverything`. */
    const addFile = async (file: BackupFile): Promise<RestoreResult> => {
      try {
        await get().ensureCatalog();
      } catch {
        // Shipped scenarios unavailable: their plans are kept for when they load.
      }
      const summary: string[] = [];
      const issues: Issue[] = [];
      const moved = new Map<string, string>();
      let importedCount = 0;
      for (const [index, entry] of file.imported.entries()) {
        const result = get().importScenario(entry.scenario, entry.fileName, {
          ifTaken: 'copy',
          copySuffix: 'restored',
        });
        const id = (entry.scenario as { id?: unknown } | null)?.id;
        if (!result.ok) {
          issues.push(
            ...result.issues.map((i) => ({ ...i, path: `imported[${index}].scenario.${i.path}` })),
          );
          continue;
        }
        if (typeof id === 'string' && id !== result.scenario.id) moved.set(id, result.scenario.id);
        if (result.status === 'copied')
          summary.push(
            `“${result.scenario.title}” was added as a copy: a different scenario already had its id.`,
          );
        if (result.status !== 'unchanged') importedCount += 1;
      }
      let added = 0;
      let skipped = 0;
      for (const [sourceId, entry] of Object.entries(file.plans)) {
        const scenarioId = moved.get(sourceId) ?? sourceId;
        const scenario = selectScenario(get(), scenarioId);
        if (scenario) {
          const had = entryOf(get().plans, scenarioId);
          const before = had ?? defaultPlans(scenario);
          const restored: { id: string; name: string }[] = [];
          for (const variant of entry.variants) {
            const current = entryOf(get().plans, scenarioId) ?? defaultPlans(scenario);
            if (current.variants.some((v) => sameVariant(v, variant))) {
              skipped += 1;
              continue;
            }
            restored.push({ id: get().addVariant(scenario, variant), name: variant.name });
            added += 1;
          }
          if (had || restored.length === 0) {
            get().switchVariant(scenario, before.activeId);
            continue;
          }
          // Nothing of the learner's was here, only the untouched first plan the board shows: the
          // restored plans take its place, under their own names, the first one open.
          get().deleteVariant(scenario, FIRST_VARIANT_ID);
          for (const { id, name } of restored) {
            const others = scenarioPlansOf(get(), scenario).variants.filter((v) => v.id !== id);
            const clean = name.trim().replace(/\s+/g, ' ');
            if (clean !== '' && !others.some((v) => v.name === clean))
              get().renameVariant(scenario, id, name);
          }
          get().switchVariant(scenario, restored[0]!.id);
          continue;
        }
        // Plans for a scenario this app does not have: kept for when it is imported.
        const current = entryOf(get().plans, scenarioId);
        const variants = [...(current?.variants ?? [])];
        for (const variant of entry.variants) {
          if (variants.some((v) => sameVariant(v, variant))) {
            skipped += 1;
            continue;
          }
          const taken = new Set(variants.map((v) => v.id));
          let id = variant.id;
          for (let n = 2; taken.has(id); n++) id = `${variant.id}-${n}`;
          variants.push({ ...variant, id, name: variant.name || nextVariantName(variants) });
          added += 1;
        }
        if (variants.length > 0)
          set((state) => ({
            plans: withEntry(state.plans, scenarioId, {
              activeId: current?.activeId ?? variants[0]!.id,
              variants,
            }),
          }));
      }
      // Worlds go with their scenario, under the id it was imported as.
      const worlds = idRecord<WorldPlayed[]>();
      for (const [sourceId, list] of Object.entries(file.worlds ?? {})) {
        const scenarioId = moved.get(sourceId) ?? sourceId;
        worlds[scenarioId] = [...(entryOf(worlds, scenarioId) ?? []), ...list];
      }
      const worldsAdded = get().addWorlds(worlds);
      if (issues.length > 0 && added === 0 && importedCount === 0 && worldsAdded === 0)
        return { ok: false, issues };
      summary.unshift(
        `Added ${added} ${added === 1 ? 'variant' : 'variants'} and ${importedCount} imported ${importedCount === 1 ? 'scenario' : 'scenarios'}` +
          (skipped > 0 ? `; ${skipped} ${skipped === 1 ? 'was' : 'were'} already here.` : '.'),
        ...(worldsAdded > 0
          ? [
              `Added ${worldsAdded} ${worldsAdded === 1 ? 'world' : 'worlds'} played quarter by quarter.`,
            ]
          : []),
      );
      for (const issue of issues.slice(0, 5))
        summary.push(`Not added: ${issue.path}: ${issue.message}`);
      return { ok: true, summary };
    };

    return {
      exportEverything: () => {
        const state = get();
        const titles = new Map<string, string>();
        for (const entry of state.catalogIndex)
          if (entry.ok) titles.set(entry.summary.id, entry.summary.title);
        for (const entry of state.imported) titles.set(entry.scenario.id, entry.scenario.title);
        return `${JSON.stringify(
          makeBackupFile({
            plans: state.plans,
            imported: state.imported,
            worlds: state.workshop.worlds,
            titles,
            exportedAt: options.now(),
            createdWith: `Roadmap Dojo (saved-data format ${PERSIST_VERSION})`,
          }),
          null,
          2,
        )}\n`;
      },
      importEverything: async (text) => {
        const read = readBackupFile(text);
        if (!read.ok) return read;
        return addFile(read.file);
      },
      listBackups: () => options.persistence().backups(),
      readBackup: (key) => options.persistence().readBackup(key),
      deleteBackup: (key) => options.persistence().deleteBackup(key),
      restoreBackup: async (key) => {
        const raw = options.persistence().readBackup(key);
        if (raw === null)
          return { ok: false, issues: [{ path: key, message: 'is not in this browser any more' }] };
        const asFile = readBackupFile(raw);
        if (asFile.ok) return addFile(asFile.file);
        const read = readStored(raw);
        if (read.kind === 'newer')
          return {
            ok: false,
            issues: [
              {
                path: key,
                message: `was saved by a newer version of Roadmap Dojo (format ${read.version}); download it and open it there`,
              },
            ],
          };
        if (read.kind === 'ok') return addFile(fileFromSaved(read.saved));
        const refused = {
          ok: false as const,
          issues: [
            {
              path: key,
              message: `cannot be read as saved plans (${read.kind === 'unreadable' ? [read.message, ...read.details].join(' ') : 'it is empty'}); download it to keep it`,
            },
          ],
        };
        // Damaged as a whole (a bad format version, one broken variant): whatever plans and
        // imports can still be read on their own come back, and the rest is named.
        const salvaged = read.kind === 'unreadable' ? salvageStored(raw) : null;
        if (read.kind !== 'unreadable' || !salvaged) return refused;
        const result = await addFile(salvaged.file);
        if (!result.ok) return result;
        return {
          ok: true,
          summary: [
            ...result.summary.slice(0, 1),
            // The entries left out say what was wrong with them; else say what was.
            salvaged.issues.length > 0
              ? 'The copy was damaged; what could be read was added.'
              : `The copy was damaged (${read.details[0] ?? read.message}); what could be read was added.`,
            ...result.summary.slice(1),
            ...salvaged.issues.slice(0, 5).map((i) => `Not added: ${i.path}: ${i.message}`),
          ],
        };
      },
      savingPaused: () => options.persistence().held(),
      setAsideHeldData: () => options.persistence().setAsideHeld(),
      saveAfterFrame: (change) => options.persistence().saveAfterFrame(change),
      keepSupersededVersion: (noticeId) => {
        const notice = get().notices.find((n) => n.id === noticeId);
        const lost = notice?.superseded;
        if (!lost) return null;
        const scenario = selectScenario(get(), lost.scenarioId);
        get().dismissNotice(noticeId);
        if (!scenario) return null;
        return get().addVariant(scenario, {
          name: `${lost.variant.name} (this tab)`,
          plan: lost.variant.plan,
          notes: lost.variant.notes,
        });
      },
    };
  };
