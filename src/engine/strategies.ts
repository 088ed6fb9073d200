/**
 * The strategy battery (MODEL.md §7): naive and framework rules a team might follow. Each rule
 * orders the backlog; the order is packed into slots by forecast capacity, prerequisites pulled
 * forward. The battery seeds the par search, sets the metric floors, and is what the framework
 * lens shows users ("what RICE would have done").
 */
import type { Compiled } from './compile.ts';
import { computeLenses, orderBy, type LensRow } from './lenses.ts';
import type { Plan } from './plan.ts';
import type { ItemType } from './schema.ts';

export type StrategyId =
  | 'do-nothing'
  | 'rice'
  | 'ice'
  | 'wsjf'
  | 'cd3'
  | 'edf'
  | 'features-first'
  | 'debt-scale-first'
  | 'security-compliance-first'
  | 'eighty-twenty';

/** What kind of rule a strategy is; the guard-rails treat the kinds differently. */
export type StrategyKind = 'baseline' | 'framework' | 'single-type' | 'heuristic';

/** A strategy of the battery: its id and its kind (the explain layer names and describes it). */
export interface StrategyInfo {
  id: StrategyId;
  kind: StrategyKind;
}

/** The battery, in the order tables list it. */
export const STRATEGIES: readonly StrategyInfo[] = [
  { id: 'do-nothing', kind: 'baseline' },
  { id: 'rice', kind: 'framework' },
  { id: 'ice', kind: 'framework' },
  { id: 'wsjf', kind: 'framework' },
  { id: 'cd3', kind: 'framework' },
  { id: 'edf', kind: 'heuristic' },
  { id: 'features-first', kind: 'single-type' },
  { id: 'debt-scale-first', kind: 'single-type' },
  { id: 'security-compliance-first', kind: 'single-type' },
  { id: 'eighty-twenty', kind: 'heuristic' },
];

/** Forecast effective capacity per slot as a naive planner sees it: starting drag, minus KTLO. */
export function forecastCapacity(c: Compiled): number[] {
  const D = c.scenario.start.debt;
  const drag = D / (D + c.k.debtHalf);
  return c.capacity.map((cap, t) => Math.max(0, cap * (1 - drag) - (c.ktlo[t] ?? 0)));
}

/**
 * Packs an ordering into slots: each item goes to the earliest slot (not before its not-before
 * slot or its prerequisites' slots) with room for it; prerequisites are placed first. An item
 * bigger than any slot goes to the first slot with at least half a slot free, and spills. An MVP
 * slice ranked before its feature splits it (the feature comes no earlier, with the rest's
 * effort); ranked after, it is left out.
 */
export function packOrder(
  c: Compiled,
  order: readonly string[],
  budgets: number[] = forecastCapacity(c),
): Plan {
  const room = [...budgets];
  const slots: string[][] = c.labels.map(() => []);
  const slotOf = new Map<number, number>();
  const visiting = new Set<number>();
  const place = (idx: number): number => {
    const known = slotOf.get(idx);
    if (known !== undefined) return known;
    if (visiting.has(idx)) return -1;
    visiting.add(idx);
    const item = c.items[idx]!;
    let earliest = item.notBefore;
    for (const d of item.deps) {
      const s = place(d);
      if (s < 0) return -1;
      earliest = Math.max(earliest, s);
    }
    // A feature after its MVP slice is the rest, after the slice.
    const mvpSlot = item.mvp >= 0 ? slotOf.get(item.mvp) : undefined;
    if (mvpSlot !== undefined) earliest = Math.max(earliest, mvpSlot);
    const effort = mvpSlot !== undefined ? item.mode * item.restEffort : item.mode;
    let target = -1;
    for (let s = earliest; s < c.slots; s++) {
      if ((room[s] ?? 0) >= effort - 1e-9) {
        target = s;
        break;
      }
    }
    if (target < 0 && effort > Math.max(...budgets)) {
      for (let s = earliest; s < c.slots; s++) {
        if ((room[s] ?? 0) >= 0.5 * (budgets[s] ?? 0) && (budgets[s] ?? 0) > 0) {
          target = s;
          break;
        }
      }
    }
    if (target < 0) return -1;
    room[target] = (room[target] ?? 0) - effort;
    slots[target]!.push(item.id);
    slotOf.set(idx, target);
    return target;
  };
  for (const id of order) {
    const idx = c.index.get(id);
    // The frameworks rank the backlog; a renegotiation is a conversation, not backlog work.
    if (idx === undefined || c.items[idx]!.injected || c.scenario.items[idx]!.renegotiates)
      continue;
    // Nobody builds the MVP of a feature already planned whole.
    const sliceOf = c.items[idx]!.sliceOf;
    if (sliceOf >= 0 && slotOf.has(sliceOf)) continue;
    visiting.clear();
    place(idx);
  }
  return { slots };
}

const isType = (types: readonly ItemType[]) => (row: LensRow) => types.includes(row.type);

/** The earliest date attached to an item: its deadline, a stakeholder's ask, an obligation. */
function dueSlot(c: Compiled, id: string): number {
  const idx = c.index.get(id)!;
  const item = c.items[idx]!;
  let due = Infinity;
  if (item.urgency === 2) due = item.urgencySlot;
  if (item.urgency === 1) due = Math.min(due, item.urgencySlot);
  for (const s of c.stakeholders)
    for (const a of s.asks) if (a.item === idx) due = Math.min(due, a.bySlot);
  if (item.obligation >= 0) {
    const o = c.obligations[item.obligation]!;
    due = Math.min(due, o.deadline - o.observation);
  }
  return due;
}

/** The plan each strategy makes for a compiled scenario. */
export function strategyPlans(
  c: Compiled,
  rows: readonly LensRow[] = computeLenses(c),
): Record<StrategyId, Plan> {
  const wsjf = orderBy(rows, 'wsjf');
  const rice = orderBy(rows, 'rice');
  const firstThen = (types: readonly ItemType[], firstOrder: string[], rest: string[]) => {
    const first = new Set(rows.filter(isType(types)).map((r) => r.id));
    return [...firstOrder.filter((id) => first.has(id)), ...rest.filter((id) => !first.has(id))];
  };
  const dated = rows
    .map((r) => ({ id: r.id, due: dueSlot(c, r.id) }))
    .filter((x) => Number.isFinite(x.due))
    .sort((a, b) => a.due - b.due)
    .map((x) => x.id);
  const edf = [...dated, ...wsjf.filter((id) => !dated.includes(id))];

  // 80/20: two budgets per slot, engineering work first inside each slot.
  const budgets = forecastCapacity(c);
  const features = packOrder(
    c,
    rice.filter((id) => rows.find((r) => r.id === id)?.type === 'feature'),
    budgets.map((b) => b * 0.8),
  );
  const engineering = packOrder(
    c,
    wsjf.filter((id) => rows.find((r) => r.id === id)?.type !== 'feature'),
    budgets.map((b) => b * 0.2),
  );
  // A prerequisite pulled into both budgets is kept once, where it comes first.
  const merged = new Set<string>();
  const eightyTwenty: Plan = {
    slots: c.labels.map((_, s) =>
      [...(engineering.slots[s] ?? []), ...(features.slots[s] ?? [])].filter(
        (id) => !merged.has(id) && merged.add(id),
      ),
    ),
  };

  return {
    'do-nothing': { slots: c.labels.map(() => []) },
    rice: packOrder(c, rice),
    ice: packOrder(c, orderBy(rows, 'ice')),
    wsjf: packOrder(c, wsjf),
    cd3: packOrder(c, orderBy(rows, 'cd3')),
    edf: packOrder(c, edf),
    'features-first': packOrder(c, firstThen(['feature'], rice, wsjf)),
    'debt-scale-first': packOrder(c, firstThen(['debt', 'scale'], wsjf, wsjf)),
    'security-compliance-first': packOrder(c, firstThen(['security', 'compliance'], wsjf, wsjf)),
    'eighty-twenty': eightyTwenty,
  };
}
