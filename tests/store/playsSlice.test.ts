import { beforeEach, describe, expect, it, vi } from 'vitest';

import { simulate } from '../../src/engine';
import { PERSIST_VERSION, activePlaysOf, historyKey } from '../../src/store';
import { freshStore, saved, shippedScenario, firstNotice } from './helpers';

const big = shippedScenario('big-customer');
const [A, B] = big.items.filter((i) => !i.injected).map((i) => i.id) as [string, string];

/** A stand-in par search (the tests are about plays, not the search): A alone in Q1. */
const parPlan = { slots: big.time.labels.map((_, s) => (s === 0 ? [A] : [])) };
const parScore = simulate(big, parPlan).score;

/** A store whose seeds come from a list, so every play's seed is known. */
function storeWithSeeds(...seeds: number[]) {
  const queue = [...seeds];
  const store = freshStore({
    computePar: () => Promise.resolve({ plan: parPlan, score: parScore }),
    randomSeed: () => {
      const next = queue.shift();
      if (next === undefined) throw new Error('asked for more seeds than the test expected');
      return next;
    },
  });
  store.getState().requestPar(big);
  return store;
}

beforeEach(() => localStorage.clear());

describe('plays', () => {
  it('records the first play with its seed, expected and seeded scores and par', async () => {
    const store = storeWithSeeds(17);
    await vi.waitFor(() => expect(store.getState().par[big.id]?.status).toBe('ready'));
    store.getState().moveItem(big, A, 0);
    const plan = store.getState().plans[big.id]!.variants[0]!.plan;

    const history = store.getState().playActive(big);

    expect(history.previous).toBeNull();
    expect(history.last).toMatchObject({ seed: 17, plan, playedAt: '2026-11-22T10:00:00.000Z' });
    expect(history.last.score).toBe(simulate(big, plan).score);
    expect(history.last.seededScore).toBe(simulate(big, plan, { mode: 'seeded', seed: 17 }).score);
    // Baked par when the scenario carries a valid one, else the stand-in search.
    const par = store.getState().par[big.id];
    expect(history.last.parScore).toBe(par?.status === 'ready' ? par.score : NaN);
    expect(activePlaysOf(store.getState(), big)).toBe(history);
  });

  it('replays the same story when the plan has not changed since the last play', () => {
    const store = storeWithSeeds(5);
    store.getState().moveItem(big, A, 0);
    const first = store.getState().playActive(big);
    // A second seed would throw: none is drawn.
    expect(store.getState().playActive(big)).toBe(first);
  });

  it('keeps the last play as the previous one when a changed plan is played', () => {
    const store = storeWithSeeds(5, 9);
    store.getState().moveItem(big, A, 0);
    const first = store.getState().playActive(big);
    store.getState().moveItem(big, B, 1);

    const second = store.getState().playActive(big);

    expect(second.previous).toEqual(first.last);
    expect(second.last.seed).toBe(9);
    expect(second.last.plan.slots[1]).toEqual([B]);
  });

  it('rolls new dice for the same plan on request', () => {
    const store = storeWithSeeds(5, 6);
    store.getState().moveItem(big, A, 0);
    const first = store.getState().playActive(big);
    const again = store.getState().playActive(big, { newDice: true });
    expect(again.last.seed).toBe(6);
    expect(again.last.plan).toEqual(first.last.plan);
    expect(again.last.score).toBe(first.last.score);
    expect(again.previous).toEqual(first.last);
  });

  it('asks for a reveal of each new play until it is watched, and never saves that', () => {
    const store = storeWithSeeds(5, 6);
    store.getState().moveItem(big, A, 0);
    store.getState().playActive(big);
    const key = historyKey(big.id, 'v1');
    expect(store.getState().revealPending).toEqual({ [key]: 5 });
    store.getState().finishReveal(big);
    expect(store.getState().revealPending).toEqual({});
    // Playing the unchanged plan again is the same run: nothing new to reveal.
    store.getState().playActive(big);
    expect(store.getState().revealPending).toEqual({});
    store.getState().playActive(big, { newDice: true });
    expect(store.getState().revealPending).toEqual({ [key]: 6 });
    expect(saved().state).not.toHaveProperty('revealPending');
    expect(freshStore().getState().revealPending).toEqual({});
  });

  it('keeps plays per variant', () => {
    const store = storeWithSeeds(1, 2);
    store.getState().moveItem(big, A, 0);
    store.getState().playActive(big);
    const copy = store.getState().duplicateVariant(big, 'v1', 'Copy');
    const history = store.getState().playActive(big);
    expect(history.last.seed).toBe(2);
    expect(history.previous).toBeNull();
    expect(Object.keys(store.getState().plays).sort()).toEqual(
      [historyKey(big.id, 'v1'), historyKey(big.id, copy)].sort(),
    );
  });

  it('forgets the plays of a deleted variant, so a new variant with its id starts fresh', () => {
    const store = storeWithSeeds(1, 2);
    const id = store.getState().createVariant(big, 'Short-lived');
    store.getState().moveItem(big, A, 0);
    store.getState().playActive(big);
    store.getState().deleteVariant(big, id);
    expect(store.getState().plays).toEqual({});
    expect(store.getState().createVariant(big, 'New')).toBe(id);
    expect(activePlaysOf(store.getState(), big)).toBeNull();
  });

  it('saves seeds, plans and scores only, and a new store restores them', () => {
    const store = storeWithSeeds(3);
    store.getState().moveItem(big, A, 0);
    const history = store.getState().playActive(big);

    const { state, version } = saved();
    expect(version).toBe(PERSIST_VERSION);
    expect(state.plays).toEqual({ [historyKey(big.id, 'v1')]: history });
    expect(JSON.stringify(state.plays)).not.toMatch(/events|ledger|metrics|causes/);

    const next = freshStore();
    expect(activePlaysOf(next.getState(), big)).toEqual(history);
  });

  it('drops an unreadable play without losing the plans', () => {
    const store = storeWithSeeds(3);
    store.getState().moveItem(big, A, 0);
    store.getState().playActive(big);
    const { state, version } = saved();
    const broken = {
      ...state,
      plays: { [historyKey(big.id, 'v1')]: { last: { seed: 'x' } }, 'gone/v9': null },
    };
    localStorage.setItem('roadmap-dojo', JSON.stringify({ state: broken, version }));

    const next = freshStore();
    expect(next.getState().plays).toEqual({});
    expect(next.getState().plans).toEqual(store.getState().plans);
    expect(firstNotice(next.getState())).toBeNull();
  });
});
