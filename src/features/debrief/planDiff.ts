/**
 * How two plans differ item by item: the par board's highlights, the lens table's "where it
 * disagrees with par" and the changes since the last play all come from here.
 */
import { findItem, type ItemType, type Plan, type Scenario } from '../../engine';

export type DiffKind = 'same' | 'moved' | 'only-yours' | 'only-theirs';

export interface DiffEntry {
  id: string;
  title: string;
  type: ItemType;
  kind: DiffKind;
  /** Slot in the first plan ("yours") and in the second ("theirs": par, the last play…). */
  yourSlot: number | null;
  theirSlot: number | null;
}

export interface PlanDiff {
  /** Items in at least one of the plans, in scenario order. */
  entries: DiffEntry[];
  /** Per slot, each plan's items in its own order. */
  slots: { label: string; yours: DiffEntry[]; theirs: DiffEntry[] }[];
  counts: Record<DiffKind, number>;
}

/** Compares `yours` with `theirs` (e.g. par). Unknown item ids are ignored. */
export function planDiff(scenario: Scenario, yours: Plan, theirs: Plan): PlanDiff {
  const byId = new Map(scenario.items.map((i) => [i.id, i]));
  const entries: DiffEntry[] = [];
  const counts: Record<DiffKind, number> = {
    same: 0,
    moved: 0,
    'only-yours': 0,
    'only-theirs': 0,
  };
  const entryOf = new Map<string, DiffEntry>();
  for (const item of scenario.items) {
    const a = findItem(yours, item.id);
    const b = findItem(theirs, item.id);
    if (!a && !b) continue;
    const kind: DiffKind = !b
      ? 'only-yours'
      : !a
        ? 'only-theirs'
        : a.slot === b.slot
          ? 'same'
          : 'moved';
    const entry = {
      id: item.id,
      title: item.title,
      type: item.type,
      kind,
      yourSlot: a?.slot ?? null,
      theirSlot: b?.slot ?? null,
    };
    counts[kind] += 1;
    entries.push(entry);
    entryOf.set(item.id, entry);
  }
  const pick = (ids: readonly string[] | undefined) =>
    (ids ?? []).filter((id) => byId.has(id)).map((id) => entryOf.get(id)!);
  const slots = scenario.time.labels.map((label, s) => ({
    label,
    yours: pick(yours.slots[s]),
    theirs: pick(theirs.slots[s]),
  }));
  return { entries, slots, counts };
}

const slotName = (scenario: Scenario, slot: number | null) =>
  slot === null ? 'left out' : (scenario.time.labels[slot] ?? `slot ${slot + 1}`);

/** What changed from `before` to `after`, one short sentence per item, in scenario order. */
export function describeChanges(scenario: Scenario, before: Plan, after: Plan): string[] {
  const diff = planDiff(scenario, after, before);
  const changes = diff.entries.flatMap((e) => {
    switch (e.kind) {
      case 'moved':
        return [
          `Moved ${e.title} from ${slotName(scenario, e.theirSlot)} to ${slotName(scenario, e.yourSlot)}`,
        ];
      case 'only-yours':
        return [`Added ${e.title} in ${slotName(scenario, e.yourSlot)}`];
      case 'only-theirs':
        return [`Took ${e.title} off the plan (was in ${slotName(scenario, e.theirSlot)})`];
      default:
        return [];
    }
  });
  if (changes.length === 0) {
    const reordered = diff.slots
      .filter((s) => s.yours.map((e) => e.id).join() !== s.theirs.map((e) => e.id).join())
      .map((s) => s.label);
    if (reordered.length > 0) return [`Changed the order within ${reordered.join(', ')}`];
  }
  return changes;
}

/**
 * "Plans A and B, which par leaves out; leaves out C; D in Q3 (par: Q1)." — or agreement. With
 * `limit`, each list names at most that many items and counts the rest ("and 4 more").
 */
export function disagreementText(scenario: Scenario, diff: PlanDiff, limit = Infinity): string {
  const titles = (kind: DiffKind) => diff.entries.filter((e) => e.kind === kind);
  const cut = <T>(items: T[], name: (item: T) => string) => {
    if (items.length <= limit) return items.map(name).join(', ');
    if (limit <= 0) return `${items.length} ${items.length === 1 ? 'item' : 'items'}`;
    return `${items.slice(0, limit).map(name).join(', ')} and ${items.length - limit} more`;
  };
  const list = (items: DiffEntry[]) => cut(items, (e) => e.title);
  const parts: string[] = [];
  const extra = titles('only-yours');
  const missing = titles('only-theirs');
  const moved = titles('moved');
  if (extra.length > 0) parts.push(`plans ${list(extra)}, which par leaves out`);
  if (missing.length > 0) parts.push(`leaves out ${list(missing)}`);
  if (moved.length > 0)
    parts.push(
      cut(
        moved,
        (e) =>
          `${e.title} in ${slotName(scenario, e.yourSlot)} (par: ${slotName(scenario, e.theirSlot)})`,
      ),
    );
  if (parts.length === 0) return 'Same items in the same slots as par.';
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
