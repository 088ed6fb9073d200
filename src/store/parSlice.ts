/**
 * Par per scenario (session only): the best plan known and its expected score. A valid baked par
 * is used at once; otherwise the search runs through the `computePar` the factory was given (a
 * Web Worker in the app), and the board shows "computing par…" until it arrives. A user plan that
 * scores higher becomes the new par.
 */
import type { StateCreator } from 'zustand/vanilla';

import type { Plan, Scenario } from '../engine';
import { entryOf, idRecord, withEntry, type IdRecord } from '../engine/ids';
import { bakedPar } from '../engine/par';
import type { AppState } from './state';

/** Runs the par search for a scenario; resolves with plain JSON. */
export type ComputePar = (scenario: Scenario) => Promise<{ plan: Plan; score: number }>;

export type ParEntry =
  | { status: 'computing' }
  | { status: 'failed'; message: string }
  | {
      status: 'ready';
      plan: Plan;
      score: number;
      /** Baked into the scenario file, found by the search, or the user's own plan. */
      source: 'baked' | 'search' | 'yours';
    };

export interface ParSlice {
  par: IdRecord<ParEntry>;
  /** Makes sure par is known or being computed for the scenario. */
  requestPar: (scenario: Scenario) => void;
  /** Offers a plan with its expected score: it becomes par when it beats the current one. */
  offerPlan: (scenarioId: string, plan: Plan, score: number) => boolean;
}

/** Scores closer than this are the same score (floating-point noise). */
const SCORE_EPS = 1e-6;

export const createParSlice =
  (
    computePar: ComputePar | null,
  ): StateCreator<AppState, [['zustand/persist', unknown]], [], ParSlice> =>
  (set, get) => ({
    par: idRecord(),
    requestPar: (scenario) => {
      const existing = entryOf(get().par, scenario.id);
      if (existing && existing.status !== 'failed') return;
      const baked = bakedPar(scenario);
      if (baked) {
        set((state) => ({
          par: withEntry(state.par, scenario.id, { status: 'ready', ...baked, source: 'baked' }),
        }));
        return;
      }
      if (!computePar) {
        set((state) => ({
          par: withEntry(state.par, scenario.id, {
            status: 'failed',
            message: 'par cannot be computed here',
          }),
        }));
        return;
      }
      set((state) => ({ par: withEntry(state.par, scenario.id, { status: 'computing' }) }));
      computePar(scenario).then(
        (found) =>
          set((state) => {
            const current = entryOf(state.par, scenario.id);
            // A user plan may have beaten the search while it ran.
            if (current?.status === 'ready' && current.score >= found.score - SCORE_EPS) return {};
            return {
              par: withEntry(state.par, scenario.id, {
                status: 'ready',
                ...found,
                source: 'search',
              }),
            };
          }),
        (error: unknown) =>
          set((state) => ({
            par: withEntry(state.par, scenario.id, {
              status: 'failed',
              message: error instanceof Error ? error.message : String(error),
            }),
          })),
      );
    },
    offerPlan: (scenarioId, plan, score) => {
      const current = entryOf(get().par, scenarioId);
      if (current?.status !== 'ready' || score <= current.score + SCORE_EPS) return false;
      set((state) => ({
        par: withEntry(state.par, scenarioId, { status: 'ready', plan, score, source: 'yours' }),
      }));
      return true;
    },
  });
