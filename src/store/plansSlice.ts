/**
 * Plans: per scenario, named variants (each a plan with the user's notes per item — the decision
 * journal) and which one is active, plus a session-only undo/redo history per variant.
 *
 * Actions are thin: intent → engine plan operation → `set`. Plan actions work on the active
 * variant; a change that leaves the plan as it was records nothing. A scenario nobody touched
 * has one empty variant, "Plan A", created in the store on its first change.
 */
import type { StateCreator } from 'zustand/vanilla';

import {
  emptyPlan,
  fitPlan,
  placeItem,
  plansEqual,
  removeItem,
  reorderItem,
  type Plan,
  type Scenario,
} from '../engine';
import {
  entryOf,
  filterEntries,
  idRecord,
  withEntry,
  withoutEntry,
  type IdRecord,
} from '../engine/ids';
import type { AppState } from './state';

/** Undo reaches back at least this many plan changes per variant. */
export const HISTORY_LIMIT = 200;

/** Longest variant name kept (characters). */
export const VARIANT_NAME_MAX = 60;

export interface Variant {
  /** Unique within its scenario, e.g. "v1". */
  id: string;
  name: string;
  plan: Plan;
  /** The user's rationale per item id; empty notes are not kept. */
  notes: IdRecord<string>;
}

export interface ScenarioPlans {
  activeId: string;
  /** At least one, in the order they were created. */
  variants: Variant[];
}

export interface History {
  past: Plan[];
  future: Plan[];
}

export interface PlansSlice {
  /** Plans per scenario id. A scenario without an entry has one empty variant. */
  plans: IdRecord<ScenarioPlans>;
  /** Undo/redo stacks per `historyKey(scenarioId, variantId)` (this session only). */
  history: IdRecord<History>;
  /** Puts an item in `slot` at `index` (default: the end), or back in the backlog (`null`). */
  moveItem: (scenario: Scenario, itemId: string, slot: number | null, index?: number) => void;
  /** Moves an item within its slot from position `from` to `to`. */
  reorderItem: (scenario: Scenario, slot: number, from: number, to: number) => void;
  /** Empties every slot of the active variant (undoable). */
  resetPlan: (scenario: Scenario) => void;
  undo: (scenario: Scenario) => void;
  redo: (scenario: Scenario) => void;
  /** Saves the note for an item in the active variant; an empty note is removed. */
  setNote: (scenario: Scenario, itemId: string, text: string) => void;
  /** Adds an empty variant and makes it active; returns its id. */
  createVariant: (scenario: Scenario, name?: string) => string;
  /** Copies a variant (plan and notes) into a new active one; returns its id. */
  duplicateVariant: (scenario: Scenario, variantId: string, name?: string) => string;
  /**
   * Adds a variant made elsewhere (a share link, a plan file) and makes it active; returns its id.
   * The plan is fitted to the scenario; a name already taken gets " (2)", " (3)"… Existing
   * variants are never changed.
   */
  addVariant: (
    scenario: Scenario,
    variant: { name: string; plan: Plan; notes?: Readonly<Record<string, string>> },
  ) => string;
  renameVariant: (scenario: Scenario, variantId: string, name: string) => void;
  /** Deletes a variant; the last one cannot be deleted. Returns whether it was. */
  deleteVariant: (scenario: Scenario, variantId: string) => boolean;
  switchVariant: (scenario: Scenario, variantId: string) => void;
}

export const FIRST_VARIANT_ID = 'v1';

/** The key of a variant's undo history. Ids contain no "/", so the key is unambiguous. */
export function historyKey(scenarioId: string, variantId: string): string {
  return `${scenarioId}/${variantId}`;
}

const defaults = new WeakMap<Scenario, ScenarioPlans>();

/** The plans of an untouched scenario: one empty "Plan A" (one stable object per scenario). */
export function defaultPlans(scenario: Scenario): ScenarioPlans {
  let plans = defaults.get(scenario);
  if (!plans) {
    plans = {
      activeId: FIRST_VARIANT_ID,
      variants: [
        { id: FIRST_VARIANT_ID, name: 'Plan A', plan: emptyPlan(scenario), notes: idRecord() },
      ],
    };
    defaults.set(scenario, plans);
  }
  return plans;
}

/** A scenario's variants and which is active. */
export function scenarioPlansOf(
  state: Pick<PlansSlice, 'plans'>,
  scenario: Scenario,
): ScenarioPlans {
  return entryOf(state.plans, scenario.id) ?? defaultPlans(scenario);
}

/** The active variant of a scenario. */
export function activeVariantOf(state: Pick<PlansSlice, 'plans'>, scenario: Scenario): Variant {
  const plans = scenarioPlansOf(state, scenario);
  return plans.variants.find((v) => v.id === plans.activeId) ?? plans.variants[0]!;
}

/** The active plan of a scenario (stored plans are fitted to their scenario when loaded). */
export function planOf(state: Pick<PlansSlice, 'plans'>, scenario: Scenario): Plan {
  return activeVariantOf(state, scenario).plan;
}

/** "Plan B", "Plan C"…: the first letter name not taken. */
export function nextVariantName(variants: readonly Pick<Variant, 'name'>[]): string {
  const taken = new Set(variants.map((v) => v.name));
  for (let i = 0; i < 26; i++) {
    const name = `Plan ${String.fromCharCode(65 + i)}`;
    if (!taken.has(name)) return name;
  }
  for (let n = 27; ; n++) if (!taken.has(`Plan ${n}`)) return `Plan ${n}`;
}

/**
 * A new variant id: "v<n>-<tab>", n one more than any variant's number. The tab's own tag keeps
 * ids made at the same moment in two tabs apart (both would otherwise be "v2"), so the tabs'
 * variants merge instead of one replacing the other.
 */
function nextVariantId(variants: readonly Variant[], tab: string): string {
  const numbers = variants.map((v) => Number(/^v(\d+)/.exec(v.id)?.[1] ?? 0));
  return `v${Math.max(0, ...numbers) + 1}-${tab}`;
}

function cleanName(name: string | undefined): string {
  return (name ?? '').trim().replace(/\s+/g, ' ').slice(0, VARIANT_NAME_MAX);
}

const emptyHistory: History = { past: [], future: [] };

export interface PlansSliceOptions {
  /** This tab's tag in new variant ids (see `nextVariantId`). */
  tab: string;
}

export const createPlansSlice =
  (
    options: PlansSliceOptions,
  ): StateCreator<AppState, [['zustand/persist', unknown]], [], PlansSlice> =>
  (set, get) => {
    /** Replaces a scenario's plans with `update(current)`. */
    const updatePlans = (scenario: Scenario, update: (plans: ScenarioPlans) => ScenarioPlans) =>
      set((state) => ({
        plans: withEntry(state.plans, scenario.id, update(scenarioPlansOf(state, scenario))),
      }));

    /** Replaces the active variant with `update(variant)`. */
    const withActive = (plans: ScenarioPlans, update: (variant: Variant) => Variant) => ({
      ...plans,
      variants: plans.variants.map((v) => (v.id === plans.activeId ? update(v) : v)),
    });

    /** Applies a plan operation to the active variant, recording the previous plan for undo. */
    const change = (scenario: Scenario, operation: (plan: Plan) => Plan) => {
      const state = get();
      const variant = activeVariantOf(state, scenario);
      const next = operation(variant.plan);
      if (plansEqual(variant.plan, next)) return;
      const key = historyKey(scenario.id, variant.id);
      const history = entryOf(state.history, key) ?? emptyHistory;
      set({
        plans: withEntry(
          state.plans,
          scenario.id,
          withActive(scenarioPlansOf(state, scenario), (v) => ({ ...v, plan: next })),
        ),
        history: withEntry(state.history, key, {
          past: [...history.past, variant.plan].slice(-HISTORY_LIMIT),
          future: [],
        }),
      });
    };

    /** Steps through the active variant's history: `direction` −1 undoes, +1 redoes. */
    const step = (scenario: Scenario, direction: -1 | 1) => {
      const state = get();
      const variant = activeVariantOf(state, scenario);
      const key = historyKey(scenario.id, variant.id);
      const history = entryOf(state.history, key);
      const target = direction < 0 ? history?.past.at(-1) : history?.future[0];
      if (!history || !target) return;
      set({
        plans: withEntry(
          state.plans,
          scenario.id,
          withActive(scenarioPlansOf(state, scenario), (v) => ({ ...v, plan: target })),
        ),
        history: withEntry(
          state.history,
          key,
          direction < 0
            ? { past: history.past.slice(0, -1), future: [variant.plan, ...history.future] }
            : { past: [...history.past, variant.plan], future: history.future.slice(1) },
        ),
      });
    };

    return {
      plans: idRecord(),
      history: idRecord(),
      moveItem: (scenario, itemId, slot, index) =>
        change(scenario, (plan) =>
          slot === null
            ? removeItem(plan, itemId)
            : // Only the scenario's own items are ever placed (a stale or made-up id changes nothing).
              scenario.items.some((item) => item.id === itemId)
              ? placeItem(plan, itemId, slot, index)
              : plan,
        ),
      reorderItem: (scenario, slot, from, to) =>
        change(scenario, (plan) => reorderItem(plan, slot, from, to)),
      resetPlan: (scenario) => change(scenario, () => emptyPlan(scenario)),
      undo: (scenario) => step(scenario, -1),
      redo: (scenario) => step(scenario, 1),
      setNote: (scenario, itemId, text) =>
        updatePlans(scenario, (plans) =>
          withActive(plans, (v) => ({
            ...v,
            notes:
              text.trim() === '' ? withoutEntry(v.notes, itemId) : withEntry(v.notes, itemId, text),
          })),
        ),
      createVariant: (scenario, name) => {
        const plans = scenarioPlansOf(get(), scenario);
        const id = nextVariantId(plans.variants, options.tab);
        const variant: Variant = {
          id,
          name: cleanName(name) || nextVariantName(plans.variants),
          plan: emptyPlan(scenario),
          notes: idRecord(),
        };
        updatePlans(scenario, (p) => ({ activeId: id, variants: [...p.variants, variant] }));
        return id;
      },
      duplicateVariant: (scenario, variantId, name) => {
        const plans = scenarioPlansOf(get(), scenario);
        const source = plans.variants.find((v) => v.id === variantId);
        if (!source) return plans.activeId;
        const id = nextVariantId(plans.variants, options.tab);
        const copy: Variant = {
          ...source,
          id,
          name: cleanName(name) || cleanName(`${source.name} (copy)`),
          notes: idRecord(source.notes),
        };
        updatePlans(scenario, (p) => {
          const at = p.variants.findIndex((v) => v.id === variantId);
          const variants = [...p.variants];
          variants.splice(at + 1, 0, copy);
          return { activeId: id, variants };
        });
        return id;
      },
      addVariant: (scenario, { name, plan, notes = {} }) => {
        const plans = scenarioPlansOf(get(), scenario);
        const id = nextVariantId(plans.variants, options.tab);
        const taken = new Set(plans.variants.map((v) => v.name));
        const base = cleanName(name) || nextVariantName(plans.variants);
        let unique = base;
        for (let n = 2; taken.has(unique); n++)
          unique = cleanName(`${base.slice(0, VARIANT_NAME_MAX - 5)} (${n})`);
        const kept = filterEntries(
          notes,
          (text, itemId) => text.trim() !== '' && scenario.items.some((i) => i.id === itemId),
        );
        const variant: Variant = {
          id,
          name: unique,
          plan: fitPlan(scenario, plan).plan,
          notes: kept,
        };
        updatePlans(scenario, (p) => ({ activeId: id, variants: [...p.variants, variant] }));
        return id;
      },
      renameVariant: (scenario, variantId, name) => {
        const clean = cleanName(name);
        if (!clean) return;
        updatePlans(scenario, (p) => ({
          ...p,
          variants: p.variants.map((v) => (v.id === variantId ? { ...v, name: clean } : v)),
        }));
      },
      deleteVariant: (scenario, variantId) => {
        const plans = scenarioPlansOf(get(), scenario);
        const at = plans.variants.findIndex((v) => v.id === variantId);
        if (at < 0 || plans.variants.length <= 1) return false;
        const variants = plans.variants.filter((v) => v.id !== variantId);
        const activeId =
          plans.activeId === variantId
            ? (variants[Math.min(at, variants.length - 1)]?.id ?? variants[0]!.id)
            : plans.activeId;
        set((state) => ({
          plans: withEntry(state.plans, scenario.id, { activeId, variants }),
          history: withoutEntry(state.history, historyKey(scenario.id, variantId)),
        }));
        return true;
      },
      switchVariant: (scenario, variantId) => {
        const plans = scenarioPlansOf(get(), scenario);
        if (plans.activeId === variantId || !plans.variants.some((v) => v.id === variantId)) return;
        updatePlans(scenario, (p) => ({ ...p, activeId: variantId }));
      },
    };
  };
