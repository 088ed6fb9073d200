/**
 * Plans and the operations on them. A plan is the ordered item ids per slot; items in no slot are
 * left out (the backlog). Every operation returns a new plan and never mutates its input.
 */
import { fromZodError, type Issue } from './issues.ts';
import { planSchema, type Scenario } from './schema.ts';

/** Ordered item ids per slot. `slots[0]` is the first slot (Q1, Sprint 1…). */
export interface Plan {
  slots: string[][];
}

/** Where an item sits in a plan. */
export interface Placement {
  slot: number;
  index: number;
}

/** A plan with every slot empty. */
export function emptyPlan(scenario: Pick<Scenario, 'time'>): Plan {
  return { slots: scenario.time.labels.map(() => []) };
}

/** The slot and position of an item, or null when it is left out. */
export function findItem(plan: Plan, itemId: string): Placement | null {
  for (let slot = 0; slot < plan.slots.length; slot++) {
    const index = plan.slots[slot]?.indexOf(itemId) ?? -1;
    if (index >= 0) return { slot, index };
  }
  return null;
}

/** Removes an item from the plan (back to the backlog). */
export function removeItem(plan: Plan, itemId: string): Plan {
  if (!findItem(plan, itemId)) return plan;
  return { slots: plan.slots.map((ids) => ids.filter((id) => id !== itemId)) };
}

/**
 * Places an item in `slot` at `index` (default: the end), taking it out of wherever it was.
 * An index past the end appends; a slot outside the plan leaves the plan unchanged.
 */
export function placeItem(plan: Plan, itemId: string, slot: number, index?: number): Plan {
  if (!Number.isInteger(slot) || slot < 0 || slot >= plan.slots.length) return plan;
  const without = removeItem(plan, itemId);
  const target = without.slots[slot] ?? [];
  const at = index === undefined ? target.length : Math.max(0, Math.min(index, target.length));
  const next = [...target.slice(0, at), itemId, ...target.slice(at)];
  return { slots: without.slots.map((ids, i) => (i === slot ? next : ids)) };
}

/** Moves an item within its slot from position `from` to position `to`. */
export function reorderItem(plan: Plan, slot: number, from: number, to: number): Plan {
  const ids = plan.slots[slot];
  const id = ids?.[from];
  if (ids === undefined || id === undefined) return plan;
  return placeItem(plan, id, slot, to);
}

/** Ids of items in the plan, in queue order (slot by slot). */
export function plannedIds(plan: Plan): string[] {
  return plan.slots.flat();
}

/** Ids of the scenario's visible items that the plan leaves out, in scenario order. */
export function backlogIds(scenario: Scenario, plan: Plan): string[] {
  const planned = new Set(plannedIds(plan));
  return scenario.items.filter((i) => !i.injected && !planned.has(i.id)).map((i) => i.id);
}

/** True when both plans hold the same items in the same order in every slot. */
export function plansEqual(a: Plan, b: Plan): boolean {
  if (a.slots.length !== b.slots.length) return false;
  return a.slots.every((ids, s) => {
    const other = b.slots[s] ?? [];
    return ids.length === other.length && ids.every((id, i) => other[i] === id);
  });
}

/**
 * Makes any plan fit a scenario: drops unknown and repeated ids, pads or trims slots.
 * Used for stored state and for plans built by code; `dropped` says what was removed.
 */
export function fitPlan(scenario: Scenario, plan: Plan): { plan: Plan; dropped: string[] } {
  const known = new Set(scenario.items.map((i) => i.id));
  const seen = new Set<string>();
  const dropped: string[] = [];
  const slots = scenario.time.labels.map((_, s) =>
    (plan.slots[s] ?? []).filter((id) => {
      if (!known.has(id) || seen.has(id)) {
        dropped.push(id);
        return false;
      }
      seen.add(id);
      return true;
    }),
  );
  for (let s = scenario.time.labels.length; s < plan.slots.length; s++)
    dropped.push(...(plan.slots[s] ?? []));
  return { plan: { slots }, dropped };
}

/**
 * Validates an untrusted plan (plan file, share link) against a scenario.
 * Unknown ids, repeats and extra slots are issues naming where they are.
 */
export function validatePlan(
  scenario: Scenario,
  raw: unknown,
): { ok: true; plan: Plan } | { ok: false; issues: Issue[] } {
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: fromZodError(parsed.error, raw) };
  const issues: Issue[] = [];
  const known = new Set(scenario.items.map((i) => i.id));
  const seen = new Set<string>();
  const slotCount = scenario.time.labels.length;
  if (parsed.data.slots.length > slotCount)
    issues.push({
      path: 'slots',
      message: `has ${parsed.data.slots.length} slots but the scenario has ${slotCount}`,
    });
  parsed.data.slots.forEach((ids, s) =>
    ids.forEach((id, i) => {
      if (!known.has(id))
        issues.push({ path: `slots[${s}][${i}]`, message: `unknown item "${id}"` });
      else if (seen.has(id))
        issues.push({ path: `slots[${s}][${i}]`, message: `"${id}" is planned twice` });
      seen.add(id);
    }),
  );
  if (issues.length > 0) return { ok: false, issues };
  const slots = scenario.time.labels.map((_, s) => parsed.data.slots[s] ?? []);
  return { ok: true, plan: { slots } };
}
