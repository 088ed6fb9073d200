/**
 * Plays: the last time each variant's plan was played (and the time before), so the debrief can
 * show what changed since. Only inputs and scores are kept — the seed that tells the run's story,
 * the plan as played and its scores — never an outcome: the engine replays any run from these.
 * Persisted with the plans.
 */
import type { StateCreator } from 'zustand/vanilla';

import { plansEqual, simulate, type Plan, type Scenario } from '../engine';
import {
  entryOf,
  filterEntries,
  hasEntry,
  idRecord,
  withEntry,
  withoutEntry,
  type IdRecord,
} from '../engine/ids';
import { expectedOutcome } from './derived';
import { FIRST_VARIANT_ID, activeVariantOf, historyKey } from './plansSlice';
import type { AppState } from './state';

/** One play of a plan: enough to replay it exactly and to compare the next play with it. */
export interface PlayRecord {
  /** The seed of the seeded run (the story); the grade never depends on it. */
  seed: number;
  /** The plan as it was played. */
  plan: Plan;
  /** Expected score (the grade) and the score of this seeded run, 0–100. */
  score: number;
  seededScore: number;
  /** Par's score when it was played, when par was known. */
  parScore: number | null;
  /** ISO date-time. */
  playedAt: string;
  /** Played quarter by quarter (round by round): each commit is graded by decision quality. */
  rounds?: boolean;
}

/** The latest play of a variant and the one before it (null on the first play). */
export interface PlayHistory {
  last: PlayRecord;
  previous: PlayRecord | null;
}

export interface PlaysSlice {
  /** Per `historyKey(scenarioId, variantId)`. */
  plays: IdRecord<PlayHistory>;
  /**
   * Session only: the seed of each new play whose slot-by-slot reveal has not been watched or
   * skipped yet, per `historyKey`. A reload goes straight to the debrief.
   */
  revealPending: IdRecord<number>;
  /**
   * Plays the scenario's active variant. When its plan is the one played last, the last play is
   * kept (same seed, same story) unless `newDice` asks for another seed; otherwise a new play is
   * recorded and the last one becomes `previous`. Returns the variant's play history.
   */
  playActive: (scenario: Scenario, options?: { newDice?: boolean }) => PlayHistory;
  /** The active variant's reveal was watched or skipped. */
  finishReveal: (scenario: Scenario) => void;
}

export interface PlaysSliceOptions {
  /** A fresh seed for a new play (a positive integer); injectable so tests are deterministic. */
  randomSeed: () => number;
  /** The current time as an ISO string. */
  now: () => string;
}

/** A seed in 1 … 2³¹ − 1 from the browser's random source. */
export function randomSeed(): number {
  const value = new Uint32Array(1);
  globalThis.crypto.getRandomValues(value);
  return (value[0]! % 2_147_483_646) + 1;
}

/** The play history of the scenario's active variant, or null when it was never played. */
export function activePlaysOf(
  state: Pick<AppState, 'plans' | 'plays'>,
  scenario: Scenario,
): PlayHistory | null {
  return entryOf(state.plays, historyKey(scenario.id, activeVariantOf(state, scenario).id)) ?? null;
}

/** Whether a variant still exists: untouched scenarios have only the first variant. */
function variantExists(plans: AppState['plans'], key: string): boolean {
  const slash = key.indexOf('/');
  const scenario = entryOf(plans, key.slice(0, slash));
  const variantId = key.slice(slash + 1);
  return scenario
    ? scenario.variants.some((v) => v.id === variantId)
    : variantId === FIRST_VARIANT_ID;
}

/** The plays of variants that exist; unreadable (null) entries are left out. */
export function livePlays(
  plays: Readonly<Record<string, PlayHistory | null>>,
  plans: AppState['plans'],
): IdRecord<PlayHistory> {
  return filterEntries(
    plays,
    (history, key) => !!history && variantExists(plans, key),
  ) as IdRecord<PlayHistory>;
}

export const createPlaysSlice =
  (
    options: PlaysSliceOptions,
  ): StateCreator<AppState, [['zustand/persist', unknown]], [], PlaysSlice> =>
  (set, get, api) => {
    // A deleted variant's id can be given to a new variant later: forget its plays when it goes,
    // so a new plan is never compared with a run of a plan that no longer exists.
    // (Saved state is restored while the store is created, before there is a previous state.)
    api.subscribe((state, previous: AppState | undefined) => {
      if (previous === undefined || state.plans === previous.plans) return;
      const plays = livePlays(state.plays, state.plans);
      if (Object.keys(plays).length < Object.keys(state.plays).length) set({ plays });
    });

    return {
      plays: idRecord(),
      revealPending: idRecord(),
      playActive: (scenario, playOptions = {}) => {
        const state = get();
        const variant = activeVariantOf(state, scenario);
        const key = historyKey(scenario.id, variant.id);
        const current = entryOf(state.plays, key);
        if (current && !playOptions.newDice && plansEqual(current.last.plan, variant.plan))
          return current;
        const seed = options.randomSeed();
        const par = entryOf(state.par, scenario.id);
        const last: PlayRecord = {
          seed,
          plan: variant.plan,
          score: expectedOutcome(scenario, variant.plan).score,
          seededScore: simulate(scenario, variant.plan, { mode: 'seeded', seed }).score,
          parScore: par?.status === 'ready' ? par.score : null,
          playedAt: options.now(),
        };
        const next: PlayHistory = { last, previous: current?.last ?? null };
        set({
          plays: withEntry(get().plays, key, next),
          revealPending: withEntry(get().revealPending, key, seed),
        });
        return next;
      },
      finishReveal: (scenario) => {
        const key = historyKey(scenario.id, activeVariantOf(get(), scenario).id);
        if (!hasEntry(get().revealPending, key)) return;
        set({ revealPending: withoutEntry(get().revealPending, key) });
      },
    };
  };
