/**
 * Framework lenses (MODEL.md §8b): RICE, ICE, WSJF, CD3, Kano, MoSCoW and value-vs-effort.
 * They are *views* computed from item attributes, never inputs to the simulation — except CD3's
 * cost of delay, which the engine estimates by simulation (the value of doing an item one slot
 * earlier, in money), because that is what a cost-of-delay estimate is meant to be.
 */
import type { Compiled } from './compile.ts';
import { expectedWorld, runPlan } from './expected.ts';
import type { Item, Scenario } from './schema.ts';

/** One item's framework scores and tags. */
export interface LensRow {
  id: string;
  title: string;
  type: Item['type'];
  effort: number;
  rice: number;
  ice: number;
  wsjf: number;
  /** Cost of delay per slot (dollars), and CD3 = cost of delay ÷ effort. */
  costOfDelay: number;
  cd3: number;
  kano: Item['value']['kano'] | null;
  moscow: Item['lens']['moscow'] | null;
  /** Value-vs-effort quadrant from business value and effort, split at the medians. */
  quadrant: 'quick win' | 'big bet' | 'fill-in' | 'money pit';
  /** Inputs behind the scores, for tooltips. */
  inputs: {
    reach: number;
    impact: number;
    confidence: number;
    businessValue: number;
    timeCriticality: number;
    riskReduction: number;
    jobSize: number;
  };
}

export type LensName = 'rice' | 'ice' | 'wsjf' | 'cd3';

const FIBONACCI = [1, 2, 3, 5, 8, 13, 20];
const ICE_IMPACT: Record<number, number> = { 3: 10, 2: 8, 1: 5, 0.5: 3, 0.25: 1 };

function nearest(values: readonly number[], x: number): number {
  let best = values[0] ?? x;
  for (const v of values) if (Math.abs(v - x) < Math.abs(best - x)) best = v;
  return best;
}

/** RICE confidence snaps to the 100/80/50% ladder. */
export function riceConfidence(item: Item): number {
  return nearest([1, 0.8, 0.5], item.lens.confidence ?? item.value.confidence);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Items that are placed in the backlog (not injected by events). */
export function visibleItems(scenario: Scenario): Item[] {
  return scenario.items.filter((i) => !i.injected);
}

/**
 * The cost of delay of each item per slot, in dollars: net revenue with the item alone (with
 * its prerequisites) in its earliest slot, minus the same one slot later.
 */
export function costOfDelay(c: Compiled): Map<string, number> {
  const world = expectedWorld(c);
  // Net revenue of a plan, averaged over the scripted-event branches like every expected value.
  const money = (slots: string[][]) =>
    world.envs.reduce(
      (sum, env, i) =>
        sum + runPlan(c, slots, env, null, false).revenueNet * world.branches[i]!.probability,
      0,
    );
  const out = new Map<string, number>();
  const closure = (idx: number, acc: Set<number>) => {
    for (const d of c.items[idx]!.deps)
      if (!acc.has(d)) {
        closure(d, acc);
        acc.add(d);
      }
  };
  for (const item of c.items) {
    if (item.injected) continue;
    const pre = new Set<number>();
    closure(item.index, pre);
    const ids = [...pre].map((i) => c.items[i]!.id);
    const first = Math.max(item.notBefore, ...[...pre].map((i) => c.items[i]!.notBefore));
    const planAt = (slot: number) => c.labels.map((_, s) => (s === slot ? [...ids, item.id] : []));
    const later = first + 1 < c.slots ? money(planAt(first + 1)) : money(c.labels.map(() => []));
    out.set(item.id, money(planAt(first)) - later);
  }
  return out;
}

/** Every lens for every visible item, in scenario order. */
export function computeLenses(c: Compiled): LensRow[] {
  const items = visibleItems(c.scenario);
  const minEffort = Math.min(...items.map((i) => i.effort));
  const maxEffort = Math.max(...items.map((i) => i.effort));
  const cod = costOfDelay(c);
  const medianValue = median(items.map((i) => i.lens.businessValue));
  const medianEffort = median(items.map((i) => i.effort));
  return items.map((item) => {
    const confidence = riceConfidence(item);
    const rice = (item.lens.reach * item.lens.impact * confidence) / item.effort;
    const ease = Math.max(
      1,
      Math.min(10, 10 - ((item.effort - minEffort) / Math.max(1, maxEffort - minEffort)) * 9),
    );
    const ice = (ICE_IMPACT[item.lens.impact] ?? 5) * confidence * 10 * ease;
    const jobSize = nearest(FIBONACCI, item.effort / minEffort);
    const wsjf =
      (item.lens.businessValue + item.lens.timeCriticality + item.lens.riskReduction) / jobSize;
    const costOfDelayPerSlot = cod.get(item.id) ?? 0;
    const highValue = item.lens.businessValue >= medianValue;
    const lowEffort = item.effort <= medianEffort;
    return {
      id: item.id,
      title: item.title,
      type: item.type,
      effort: item.effort,
      rice,
      ice,
      wsjf,
      costOfDelay: costOfDelayPerSlot,
      cd3: costOfDelayPerSlot / item.effort,
      kano: item.value.kano ?? null,
      moscow: item.lens.moscow ?? null,
      quadrant: highValue
        ? lowEffort
          ? 'quick win'
          : 'big bet'
        : lowEffort
          ? 'fill-in'
          : 'money pit',
      inputs: {
        reach: item.lens.reach,
        impact: item.lens.impact,
        confidence,
        businessValue: item.lens.businessValue,
        timeCriticality: item.lens.timeCriticality,
        riskReduction: item.lens.riskReduction,
        jobSize,
      },
    };
  });
}

/** Item ids ordered by a lens, highest first; ties keep scenario order. */
export function orderBy(rows: readonly LensRow[], lens: LensName): string[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => b.row[lens] - a.row[lens] || a.i - b.i)
    .map((x) => x.row.id);
}

/** Points of Must items against total forecast capacity (MoSCoW warns above 60%). */
export function mustShare(scenario: Scenario, totalCapacity: number): number {
  const must = visibleItems(scenario)
    .filter((i) => i.lens.moscow === 'must')
    .reduce((a, i) => a + i.effort, 0);
  return totalCapacity > 0 ? must / totalCapacity : 0;
}
