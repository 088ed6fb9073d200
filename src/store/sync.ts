/**
 * Tabs that share one saved state: what each tab saves is merged with what the others saved,
 * part by part, instead of replacing it whole.
 *
 * The parts (registers) are each scenario's variants, each imported scenario, the preferences and
 * the workshop. Each carries the `Version` of its last change (a time stamp made unique per tab,
 * and the tab); a deleted variant or removed import leaves a tombstone with the version of the
 * deletion. Merging two saved states keeps, per part, the later version: two tabs editing
 * different variants both keep their edits; two tabs editing the same variant end with the later
 * edit. The earlier one is then recorded as superseded (with its content), so the tab that made
 * it can tell its user and offer to keep it as a new variant. Plays keep the later play.
 *
 * Which parts a tab changed is found by identity: store updates are immutable, so a variant
 * object that is not the one last saved or adopted was changed in this tab (the `Ledger`).
 *
 * A tab does not always read the latest saved state: the browser brings each tab another tab's
 * write with its `storage` event, and a busy tab can read, merge and write before that arrives.
 * So a variant's version also names the versions it was made on top of (its lineage): a later
 * version whose lineage lacks an earlier one replaced it unseen, whichever tab finds that out.
 *
 * The merge is a pure function of two saved states and the ledger; `saving.ts` does the reading,
 * writing and the storage events.
 */
import { entryOf, idRecord } from '../engine/ids';
import {
  LINEAGE_KEPT,
  NO_VERSION,
  type Lineage,
  type Lineaged,
  type PersistedInput,
  type SavedScenarioPlans,
  type SavedState,
  type SavedVariant,
  type Superseded,
  type Version,
} from './persistence';
import type { PlayHistory } from './playsSlice';
import type { ScenarioPlans, Variant } from './plansSlice';
import { DEFAULT_PREFERENCES, type Preferences } from './preferencesSlice';
import type { ImportedScenario } from './types';
import type { Workshop } from './workshopSlice';

/** How many superseded versions the saved state keeps (the newest). */
export const SUPERSEDED_KEPT = 20;

/** True when `a` is a later change than `b` (time stamp, then tab, so ties are broken alike). */
export function isNewer(a: Version, b: Version): boolean {
  return a.stamp !== b.stamp ? a.stamp > b.stamp : a.tab > b.tab;
}

export function sameVersion(a: Version, b: Version): boolean {
  return a.stamp === b.stamp && a.tab === b.tab;
}

/** What this tab knows of one part: its value here (null: deleted) and versions. */
export interface Entry<T> {
  ref: T | null;
  /** The version of the value here. */
  version: Version;
  /** The last version this tab read from or wrote to storage (what a local change is based on). */
  seen: Version;
  /** What `version` was made on top of (undefined: not known). */
  lineage?: Lineage | undefined;
}

const NEW_LINEAGE: Lineage = { from: 0, versions: [] };

/** The lineage of a change made now on top of `entry` (what this tab holds of that part). */
function lineageAfter<T>(entry: Entry<T> | undefined | null): Lineage | undefined {
  if (!entry) return NEW_LINEAGE;
  // A change not yet written replaces one that was made on the same base.
  if (!sameVersion(entry.version, entry.seen)) return entry.lineage;
  const base = entry.seen;
  if (base.stamp === 0) return NEW_LINEAGE;
  if (!entry.lineage) return { from: base.stamp, versions: [versionOf(base)] };
  const versions = [...entry.lineage.versions, versionOf(base)];
  if (versions.length <= LINEAGE_KEPT) return { from: entry.lineage.from, versions };
  const kept = versions.slice(-LINEAGE_KEPT);
  return { from: kept[0]!.stamp, versions: kept };
}

/**
 * Whether `loser` was replaced by `winner` without being seen: true when it is not among the
 * versions `winner` was made on top of, false when it is, undefined when the lineage cannot tell
 * (not recorded, or not that far back).
 */
export function replacedUnseen(loser: Version, winner: Lineaged): boolean | undefined {
  const lineage = winner.lineage;
  if (!lineage || loser.stamp === 0 || loser.stamp < lineage.from) return undefined;
  return !lineage.versions.some((v) => sameVersion(v, loser));
}

/** This tab's record of the parts it holds: which object was saved (or adopted) at which version. */
export class Ledger {
  /** Variants per scenario id, then per variant id. */
  readonly variants = new Map<string, Map<string, Entry<Variant>>>();
  readonly imports = new Map<string, Entry<ImportedScenario>>();
  preferences: Entry<Preferences> | null = null;
  workshop: Entry<Workshop> | null = null;
  /** The active variant per scenario as this tab last saved it, and which it changed since. */
  readonly active = new Map<string, string>();
  readonly activeChanged = new Set<string>();
  /** The order of each scenario's variants as last saved or adopted, and which changed here. */
  readonly order = new Map<string, string>();
  readonly orderChanged = new Set<string>();
  /** The largest stamp seen anywhere: the next local change is stamped after it. */
  private maxStamp = 0;

  constructor(
    readonly tab: string,
    private readonly clock: () => number,
  ) {}

  /** A version for a change made now in this tab: later than anything seen. */
  tick(): Version {
    const stamp = Math.max(Math.floor(this.clock()), this.maxStamp + 1);
    this.maxStamp = stamp;
    return { stamp, tab: this.tab };
  }

  see(version: Version): void {
    if (version.stamp > this.maxStamp) this.maxStamp = version.stamp;
  }

  variantsOf(scenarioId: string): Map<string, Entry<Variant>> {
    let map = this.variants.get(scenarioId);
    if (!map) {
      map = new Map();
      this.variants.set(scenarioId, map);
    }
    return map;
  }

  /** Every part with a change not yet written (version ≠ seen). */
  unsaved(): { variants: { scenarioId: string; entry: Entry<Variant> }[]; imports: string[] } {
    const variants: { scenarioId: string; entry: Entry<Variant> }[] = [];
    for (const [scenarioId, map] of this.variants)
      for (const entry of map.values())
        if (!sameVersion(entry.version, entry.seen)) variants.push({ scenarioId, entry });
    const imports = [...this.imports]
      .filter(([, e]) => !sameVersion(e.version, e.seen))
      .map(([id]) => id);
    return { variants, imports };
  }

  /** Everything here has been written: the versions here are the ones storage holds. */
  markSeen(): void {
    this.activeChanged.clear();
    this.orderChanged.clear();
    for (const map of this.variants.values()) for (const e of map.values()) e.seen = e.version;
    for (const e of this.imports.values()) e.seen = e.version;
    if (this.preferences) this.preferences.seen = this.preferences.version;
    if (this.workshop) this.workshop.seen = this.workshop.version;
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Records this tab's changes in the ledger: every part whose object is not the one the ledger
 * holds gets a new version, every variant or import that is gone gets a tombstone. Returns
 * whether anything changed.
 */
export function stampLocal(input: PersistedInput, ledger: Ledger): boolean {
  let changed = false;
  const touch = <T>(entry: Entry<T> | undefined | null, ref: T | null): Entry<T> => {
    changed = true;
    const seen = entry?.seen ?? NO_VERSION;
    return { ref, version: ledger.tick(), seen, lineage: lineageAfter(entry) };
  };
  for (const [scenarioId, plans] of Object.entries(input.plans)) {
    if (ledger.active.get(scenarioId) !== plans.activeId) {
      // Which variant is active is this tab's choice; saved, but never a change to merge.
      ledger.active.set(scenarioId, plans.activeId);
      ledger.activeChanged.add(scenarioId);
    }
    const order = JSON.stringify(plans.variants.map((v) => v.id));
    if (ledger.order.get(scenarioId) !== order) {
      ledger.order.set(scenarioId, order);
      ledger.orderChanged.add(scenarioId);
    }
    const map = ledger.variantsOf(scenarioId);
    const live = new Set<string>();
    for (const variant of plans.variants) {
      live.add(variant.id);
      const entry = map.get(variant.id);
      if (entry?.ref === variant) continue;
      if (entry?.ref && sameJson(entry.ref, variant)) {
        entry.ref = variant;
        continue;
      }
      map.set(variant.id, touch(entry, variant));
    }
    for (const [id, entry] of map)
      if (entry.ref !== null && !live.has(id)) map.set(id, touch(entry, null));
  }
  const imports = new Set<string>();
  for (const entry of input.imported) {
    const id = entry.scenario.id;
    imports.add(id);
    const known = ledger.imports.get(id);
    if (known?.ref === entry) continue;
    ledger.imports.set(id, touch(known, entry));
  }
  for (const [id, known] of ledger.imports)
    if (known.ref !== null && !imports.has(id)) ledger.imports.set(id, touch(known, null));
  if (ledger.preferences?.ref !== input.preferences)
    ledger.preferences = sameJson(ledger.preferences?.ref, input.preferences)
      ? { ...ledger.preferences!, ref: input.preferences }
      : touch(ledger.preferences, input.preferences);
  if (ledger.workshop?.ref !== input.workshop)
    ledger.workshop = sameJson(ledger.workshop?.ref, input.workshop)
      ? { ...ledger.workshop!, ref: input.workshop }
      : touch(ledger.workshop, input.workshop);
  return changed;
}

const savedVariant = (variant: Variant, entry: Entry<Variant> | undefined): SavedVariant => ({
  id: variant.id,
  name: variant.name,
  plan: variant.plan,
  notes: variant.notes,
  ...withLineage(entry?.version ?? NO_VERSION, entry?.lineage),
});

function versionOf(x: Version): Version {
  return { stamp: x.stamp, tab: x.tab };
}

/** A lost version as a `Superseded` names it. */
function lostVersion(x: Lineaged): Pick<Superseded, 'lost' | 'lostLineage'> {
  return x.lineage ? { lost: versionOf(x), lostLineage: x.lineage } : { lost: versionOf(x) };
}

/** `later` was made on top of `earlier` (so it holds what `earlier` held, and more). */
export function madeOnTopOf(later: Superseded, earlier: Superseded): boolean {
  return (
    later.scenarioId === earlier.scenarioId &&
    later.variant.id === earlier.variant.id &&
    (later.lostLineage?.versions.some((v) => sameVersion(v, earlier.lost)) ?? false)
  );
}

/** A version with its lineage (when known) as saved, and no other field. */
function withLineage(version: Version, lineage: Lineage | undefined): Lineaged {
  const out: Lineaged = versionOf(version);
  if (lineage) out.lineage = lineage;
  return out;
}

/** The saved state this tab would write: its parts with their versions (after `stampLocal`). */
export function localSaved(
  input: PersistedInput,
  ledger: Ledger,
  superseded: readonly Superseded[],
): SavedState {
  const plans = idRecord<SavedScenarioPlans>();
  for (const [scenarioId, map] of ledger.variants) {
    const here = entryOf(input.plans, scenarioId);
    const deleted = idRecord<Lineaged>();
    for (const [id, entry] of map)
      if (entry.ref === null) deleted[id] = withLineage(entry.version, entry.lineage);
    const variants = (here?.variants ?? []).map((v) => savedVariant(v, map.get(v.id)));
    if (variants.length === 0 && Object.keys(deleted).length === 0) continue;
    plans[scenarioId] = { activeId: here?.activeId ?? variants[0]?.id ?? '', variants, deleted };
  }
  const removedImports = idRecord<Version>();
  for (const [id, entry] of ledger.imports)
    if (entry.ref === null) removedImports[id] = versionOf(entry.version);
  return {
    imported: input.imported.map((entry) => ({
      scenario: entry.scenario,
      fileName: entry.fileName,
      importedAt: entry.importedAt,
      ...versionOf(ledger.imports.get(entry.scenario.id)?.version ?? NO_VERSION),
    })),
    removedImports,
    plans,
    preferences: input.preferences,
    plays: input.plays,
    workshop: input.workshop,
    sync: {
      preferences: versionOf(ledger.preferences?.version ?? NO_VERSION),
      workshop: versionOf(ledger.workshop?.version ?? NO_VERSION),
      superseded: [...superseded],
    },
  };
}

/** A register's value in one saved state: a variant, or a tombstone (null) with its version. */
interface Side<T> {
  value: T | null;
  version: Lineaged;
}

const supersededKey = (s: Superseded) =>
  `${JSON.stringify([s.scenarioId, s.variant.id])}@${s.lost.stamp}.${s.lost.tab}`;

/** The outcome of merging this tab's saved state with the stored one. */
export interface Merged {
  saved: SavedState;
  /** Versions made in this tab that lost to a later change elsewhere (to tell the user). */
  lostHere: Superseded[];
}

/**
 * Merges this tab's saved state (`local`) with the one in storage: per part the later version
 * wins (see the module comment). Pure; `ledger` is only read, for what this tab has seen.
 */
export function mergeSaved(local: SavedState, stored: SavedState, ledger: Ledger): Merged {
  const superseded: Superseded[] = [];
  const lostHere: Superseded[] = [];
  const plans = idRecord<SavedScenarioPlans>();
  const scenarioIds = new Set([...Object.keys(stored.plans), ...Object.keys(local.plans)]);
  for (const scenarioId of scenarioIds) {
    const l = entryOf(local.plans, scenarioId);
    const s = entryOf(stored.plans, scenarioId);
    const known = ledger.variants.get(scenarioId);
    const sides = (p: SavedScenarioPlans | undefined) => {
      const out = new Map<string, Side<SavedVariant>>();
      if (!p) return out;
      for (const [id, version] of Object.entries(p.deleted)) out.set(id, { value: null, version });
      for (const v of p.variants) out.set(v.id, { value: v, version: v });
      return out;
    };
    const ls = sides(l);
    const ss = sides(s);
    const live = new Map<string, SavedVariant>();
    const deleted = idRecord<Lineaged>();
    const candidates: SavedVariant[] = [];
    // In id order, so two tabs that merge the same states write the same text (in the order of
    // each tab's own tombstones first, each would take the other's write for a change, forever).
    for (const id of [...new Set([...ls.keys(), ...ss.keys()])].sort()) {
      const mine = ls.get(id);
      const theirs = ss.get(id);
      if (mine?.value) candidates.push(mine.value);
      if (theirs?.value) candidates.push(theirs.value);
      let winner: Side<SavedVariant>;
      if (!theirs) winner = mine!;
      else if (!mine) winner = theirs;
      else if (sameVersion(mine.version, theirs.version)) winner = mine;
      else if (isNewer(mine.version, theirs.version)) {
        winner = mine;
        // Stored holds a change this tab never saw, and this tab's later change replaces it.
        const seen = known?.get(id)?.seen ?? NO_VERSION;
        const unseen =
          replacedUnseen(theirs.version, mine.version) ?? !sameVersion(theirs.version, seen);
        if (theirs.value && unseen && !(mine.value && sameContent(mine.value, theirs.value)))
          superseded.push({
            scenarioId,
            variant: plainVariant(theirs.value),
            ...lostVersion(theirs.version),
            by: versionOf(mine.version),
            deleted: mine.value === null,
          });
      } else {
        winner = theirs;
        // This tab's change was never written, or the later change elsewhere was made without
        // seeing the version this tab holds (that tab read an out-of-date copy): it replaces it.
        const entry = known?.get(id);
        const unsaved = entry !== undefined && !sameVersion(entry.version, entry.seen);
        if (
          mine.value &&
          (unsaved || replacedUnseen(mine.version, theirs.version) === true) &&
          !(theirs.value && sameContent(mine.value, theirs.value))
        ) {
          const loss: Superseded = {
            scenarioId,
            variant: plainVariant(mine.value),
            ...lostVersion(mine.version),
            by: versionOf(theirs.version),
            deleted: theirs.value === null,
          };
          // This tab tells its user now; another tab's loss is saved, for that tab to tell.
          if (mine.version.tab === ledger.tab) lostHere.push(loss);
          else superseded.push(loss);
        }
      }
      if (winner.value) live.set(id, winner.value);
      else deleted[id] = withLineage(winner.version, winner.version.lineage);
    }
    if (live.size === 0 && candidates.length > 0) {
      // Two tabs deleted every variant between them: a scenario keeps at least one, the latest.
      const latest = candidates.reduce((a, b) => (isNewer(b, a) ? b : a));
      live.set(latest.id, latest);
      delete deleted[latest.id];
    }
    // The order of the last tab that added, copied or deleted a variant (so tabs agree).
    const [first, second] = ledger.orderChanged.has(scenarioId) ? [l, s] : [s, l];
    const order = [
      ...(first?.variants ?? []).map((v) => v.id),
      ...(second?.variants ?? []).map((v) => v.id),
      ...live.keys(),
    ];
    const variants = [...new Set(order)].flatMap((id) => {
      const v = live.get(id);
      return v ? [v] : [];
    });
    if (variants.length === 0) continue;
    // The last tab to switch variants decides what opens after a reload.
    const choices = ledger.activeChanged.has(scenarioId)
      ? [l?.activeId, s?.activeId]
      : [s?.activeId, l?.activeId];
    const activeId = choices.find((id) => id !== undefined && live.has(id));
    plans[scenarioId] = { activeId: activeId ?? variants[0]!.id, variants, deleted };
  }

  // Imported scenarios, by id, with removals.
  type Imported = SavedState['imported'][number];
  const importSides = (saved: SavedState) => {
    const out = new Map<string, Side<Imported>>();
    for (const [id, version] of Object.entries(saved.removedImports))
      out.set(id, { value: null, version });
    for (const entry of saved.imported) {
      const id = importId(entry);
      if (id !== null) out.set(id, { value: entry, version: entry });
    }
    return out;
  };
  const li = importSides(local);
  const si = importSides(stored);
  const importWinners = new Map<string, Side<Imported>>();
  for (const id of new Set([...li.keys(), ...si.keys()])) {
    const mine = li.get(id);
    const theirs = si.get(id);
    importWinners.set(
      id,
      !theirs ? mine! : !mine || isNewer(theirs.version, mine.version) ? theirs : mine,
    );
  }
  const importOrder = [...local.imported, ...stored.imported].map(importId);
  const imported: Imported[] = [];
  const removedImports = idRecord<Version>();
  for (const id of new Set(importOrder)) {
    if (id === null) continue;
    const winner = importWinners.get(id);
    if (winner?.value) imported.push(winner.value);
  }
  for (const id of [...importWinners.keys()].sort()) {
    const winner = importWinners.get(id)!;
    if (!winner.value) removedImports[id] = versionOf(winner.version);
  }

  // Plays: the later play of each variant that still exists (a deleted variant's plays go).
  const plays = idRecord<PlayHistory>();
  for (const source of [stored.plays, local.plays])
    for (const [key, history] of Object.entries(source)) {
      // An empty entry (a damaged play reads as null) is no play: keeping it would differ from the
      // store, which drops it, and every save would then adopt and save it again.
      if (!history) continue;
      const other = entryOf(plays, key);
      if (other && history.last.playedAt < other.last.playedAt) continue;
      const slash = key.indexOf('/');
      const scenario = entryOf(plans, key.slice(0, slash));
      const variantId = key.slice(slash + 1);
      if (scenario ? scenario.variants.some((v) => v.id === variantId) : variantId === 'v1')
        plays[key] = history;
    }

  const preferencesWin = !isNewer(stored.sync.preferences, local.sync.preferences);
  const workshopWin = !isNewer(stored.sync.workshop, local.sync.workshop);

  const kept = new Map<string, Superseded>();
  for (const entry of [...stored.sync.superseded, ...local.sync.superseded, ...superseded])
    kept.set(supersededKey(entry), entry);
  const supersededAll = [...kept.values()]
    .sort((a, b) => (isNewer(a.by, b.by) ? 1 : isNewer(b.by, a.by) ? -1 : 0))
    .slice(-SUPERSEDED_KEPT);

  return {
    saved: {
      imported,
      removedImports,
      plans,
      preferences: preferencesWin ? local.preferences : stored.preferences,
      plays,
      workshop: workshopWin ? local.workshop : stored.workshop,
      sync: {
        preferences: preferencesWin ? local.sync.preferences : stored.sync.preferences,
        workshop: workshopWin ? local.sync.workshop : stored.sync.workshop,
        superseded: supersededAll,
      },
    },
    lostHere,
  };
}

/** Two versions of a variant that look the same to the user (name, plan, notes). */
function sameContent(a: Variant, b: Variant): boolean {
  return sameJson(plainVariant(a), plainVariant(b));
}

function importId(entry: { scenario: unknown }): string | null {
  const scenario = entry.scenario as { id?: unknown } | null;
  return scenario && typeof scenario.id === 'string' ? scenario.id : null;
}

/** A variant without its version fields (what the store holds). */
export function plainVariant(v: Variant): Variant {
  return { id: v.id, name: v.name, plan: v.plan, notes: v.notes };
}

/** Makes an in-memory imported scenario from a saved entry, or null when it does not load. */
export type LoadImported = (entry: SavedState['imported'][number]) => ImportedScenario | null;

/**
 * The store's saved parts after a merge: every part whose version is the one this tab holds
 * keeps its object (so nothing re-renders or re-computes for it); the others are new objects, and
 * the ledger now holds them. Returns only what differs from `input`.
 */
export function adoptSaved(
  saved: SavedState,
  input: PersistedInput,
  ledger: Ledger,
  loadImported: LoadImported,
): Partial<PersistedInput> {
  const out: Partial<PersistedInput> = {};
  for (const sides of [saved.sync.preferences, saved.sync.workshop]) ledger.see(sides);

  let plansChanged = false;
  const plans = idRecord<ScenarioPlans>();
  for (const [scenarioId, savedPlans] of Object.entries(saved.plans)) {
    const map = ledger.variantsOf(scenarioId);
    for (const [id, version] of Object.entries(savedPlans.deleted)) {
      ledger.see(version);
      const entry = map.get(id);
      if (!entry || !sameVersion(entry.version, version))
        map.set(id, {
          ref: null,
          version: versionOf(version),
          seen: versionOf(version),
          lineage: version.lineage,
        });
    }
    const variants = savedPlans.variants.map((v) => {
      ledger.see(v);
      const entry = map.get(v.id);
      if (entry?.ref && sameVersion(entry.version, v)) return entry.ref;
      const ref = plainVariant(v);
      map.set(v.id, { ref, version: versionOf(v), seen: versionOf(v), lineage: v.lineage });
      return ref;
    });
    const here = entryOf(input.plans, scenarioId);
    // This tab keeps the variant it shows, unless it is gone.
    const activeId =
      here && variants.some((v) => v.id === here.activeId) ? here.activeId : savedPlans.activeId;
    if (!here) ledger.active.set(scenarioId, activeId);
    ledger.order.set(scenarioId, JSON.stringify(variants.map((v) => v.id)));
    const same =
      here !== undefined &&
      here.activeId === activeId &&
      here.variants.length === variants.length &&
      here.variants.every((v, i) => v === variants[i]);
    if (!same) plansChanged = true;
    plans[scenarioId] = same ? here : { activeId, variants };
  }
  for (const [scenarioId, here] of Object.entries(input.plans))
    // Nothing saved for it (a scenario never loses every variant): keep what is here.
    if (!entryOf(saved.plans, scenarioId)) plans[scenarioId] = here;
  if (plansChanged) out.plans = plans;

  for (const [id, version] of Object.entries(saved.removedImports)) {
    ledger.see(version);
    const entry = ledger.imports.get(id);
    if (!entry || !sameVersion(entry.version, version))
      ledger.imports.set(id, { ref: null, version, seen: version });
  }
  const imported: ImportedScenario[] = [];
  for (const entry of saved.imported) {
    ledger.see(entry);
    const id = importId(entry)!;
    const known = ledger.imports.get(id);
    if (known?.ref && sameVersion(known.version, entry)) {
      imported.push(known.ref);
      continue;
    }
    const loaded = loadImported(entry);
    if (!loaded) continue;
    ledger.imports.set(id, { ref: loaded, version: versionOf(entry), seen: versionOf(entry) });
    imported.push(loaded);
  }
  if (imported.length !== input.imported.length || imported.some((e, i) => e !== input.imported[i]))
    out.imported = imported;

  if (!ledger.preferences || !sameVersion(ledger.preferences.version, saved.sync.preferences)) {
    const preferences: Preferences = { ...DEFAULT_PREFERENCES, ...saved.preferences };
    ledger.preferences = {
      ref: preferences,
      version: saved.sync.preferences,
      seen: saved.sync.preferences,
    };
    out.preferences = preferences;
  }
  if (!ledger.workshop || !sameVersion(ledger.workshop.version, saved.sync.workshop)) {
    ledger.workshop = {
      ref: saved.workshop,
      version: saved.sync.workshop,
      seen: saved.sync.workshop,
    };
    out.workshop = saved.workshop;
  }
  const playKeys = new Set([...Object.keys(saved.plays), ...Object.keys(input.plays)]);
  if (
    [...playKeys].some((key) => entryOf(saved.plays, key) !== entryOf(input.plays, key)) &&
    !sameJson(saved.plays, input.plays)
  )
    out.plays = idRecord(saved.plays);
  return out;
}
