/**
 * Plans: one plan per scenario with the user's notes per item, and a session-only undo/redo
 * history. Actions are thin: intent → engine plan operation → `set`. A move that changes nothing
 * records nothing.
 */
import type { StateCreator } from 'zustand/vanilla';

import {
  emptyPlan,
  placeItem,
  plansEqual,
  removeItem,
  reorderItem,
  type Plan,
  type Scenario,
} from '../engine';
import type { AppState } from './state';

/** Undo reaches back at least this many plan changes per scenario. */
export const HISTORY_LIMIT = 200;

export interface History {
  past: Plan[];
  future: Plan[];
}

export interface PlansSlice {
  /** The plan per scenario id; a scenario without an entry has an empty plan. */
  plans: Record<string, Plan>;
  /** The user's rationale per scenario id, per item id (the decision journal). */
  notes: Record<string, Record<string, string>>;
  /** Undo/redo stacks per scenario id (this session only). */
  history: Record<string, History>;
  /** Puts an item in `slot` at `index` (default: the end), or back in the backlog (`null`). */
  moveItem: (scenario: Scenario, itemId: string, slot: number | null, index?: number) => void;
  /** Moves an item within its slot from position `from` to `to`. */
  reorderItem: (scenario: Scenario, slot: number, from: number, to: number) => void;
  /** Empties every slot (undoable). */
  resetPlan: (scenario: Scenario) => void;
  undo: (scenario: Scenario) => void;
  redo: (scenario: Scenario) => void;
  /** Saves the note for an item; an empty note is removed. */
  setNote: (scenarioId: string, itemId: string, text: string) => void;
}

const emptyPlans = new WeakMap<Scenario, Plan>();

/** One empty plan object per scenario, so selectors return a stable reference. */
export function stableEmptyPlan(scenario: Scenario): Plan {
  let plan = emptyPlans.get(scenario);
  if (!plan) {
    plan = emptyPlan(scenario);
    emptyPlans.set(scenario, plan);
  }
  return plan;
}

/** The plan of a scenario (stored plans are fitted to their scenario when loaded). */
export function planOf(state: Pick<PlansSlice, 'plans'>, scenario: Scenario): Plan {
  return state.plans[scenario.id] ?? stableEmptyPlan(scenario);
}

const emptyHistory: History = { past: [], future: [] };

export const createPlansSlice: StateCreator<
  AppState,
  [['zustand/persist', unknown]],
  [],
  PlansSlice
> = (set, get) => {
  /** Applies a plan operation, recording the previous plan for undo when it changed. */
  const change = (scenario: Scenario, operation: (plan: Plan) => Plan) => {
    const state = get();
    const current = state.plans[scenario.id] ?? emptyPlan(scenario);
    const next = operation(current);
    if (plansEqual(current, next)) return;
    const history = state.history[scenario.id] ?? emptyHistory;
    set({
      plans: { ...state.plans, [scenario.id]: next },
      history: {
        ...state.history,
        [scenario.id]: { past: [...history.past, current].slice(-HISTORY_LIMIT), future: [] },
      },
    });
  };

  return {
    plans: {},
    notes: {},
    history: {},
    moveItem: (scenario, itemId, slot, index) =>
      change(scenario, (plan) =>
        slot === null ? removeItem(plan, itemId) : placeItem(plan, itemId, slot, index),
      ),
    reorderItem: (scenario, slot, from, to) =>
      change(scenario, (plan) => reorderItem(plan, slot, from, to)),
    resetPlan: (scenario) => change(scenario, () => emptyPlan(scenario)),
    undo: (scenario) => {
      const state = get();
      const history = state.history[scenario.id];
      const previous = history?.past.at(-1);
      if (!history || !previous) return;
      const current = state.plans[scenario.id] ?? emptyPlan(scenario);
      set({
        plans: { ...state.plans, [scenario.id]: previous },
        history: {
          ...state.history,
          [scenario.id]: { past: history.past.slice(0, -1), future: [current, ...history.future] },
        },
      });
    },
    redo: (scenario) => {
      const state = get();
      const history = state.history[scenario.id];
      const next = history?.future[0];
      if (!history || !next) return;
      const current = state.plans[scenario.id] ?? emptyPlan(scenario);
      set({
        plans: { ...state.plans, [scenario.id]: next },
        history: {
          ...state.history,
          [scenario.id]: { past: [...history.past, current], future: history.future.slice(1) },
        },
      });
    },
    setNote: (scenarioId, itemId, text) =>
      set((state) => {
        const notes = { ...state.notes[scenarioId] };
        if (text.trim() === '') delete notes[itemId];
        else notes[itemId] = text;
        return { notes: { ...state.notes, [scenarioId]: notes } };
      }),
  };
};
