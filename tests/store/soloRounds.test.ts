/**
 * Quarter-by-quarter play alone: the round machinery of workshops with settings of its own. A
 * facilitator's workshop and the learner's game never overwrite each other's games, and the
 * finished game is recorded as played round by round (the debrief then grades its commits).
 */
import { beforeEach, describe, expect, it } from 'vitest';

import { defaultWorkshopSettings } from '../../src/engine/workshop';
import {
  MAX_WORLDS,
  activePlaysOf,
  activeWorkshopFor,
  planOf,
  roundGameOf,
  roundsPlayFor,
  soloPlayFor,
} from '../../src/store';
import { FIXED_NOW, freshStore, saved, shippedScenario } from './helpers';

const big = shippedScenario('big-customer');
const tutorial = shippedScenario('tutorial');

beforeEach(() => localStorage.clear());

describe('quarter by quarter, alone', () => {
  it('starts a game with its own dice and the scenario’s weights, without par from here', () => {
    const store = freshStore();
    store.getState().startSolo(tutorial, 4242);
    const settings = roundsPlayFor(store.getState(), tutorial.id);
    expect(settings).toMatchObject({
      scenarioId: tutorial.id,
      seed: 4242,
      play: 'rounds',
      preset: 'balanced',
      parFromHere: false,
      hideScores: false,
    });
    expect(soloPlayFor(store.getState(), tutorial.id)).toBe(true);
    // Not a workshop: sharing and the debrief treat the scenario as plain play.
    expect(activeWorkshopFor(store.getState(), tutorial.id)).toBeNull();
    expect(roundsPlayFor(store.getState(), big.id)).toBeNull();
    expect(roundGameOf(store.getState(), tutorial.id)).toEqual({ seed: 4242, committed: [] });
  });

  it('commits slot by slot and records the finished game as played round by round', () => {
    const store = freshStore();
    const s = () => store.getState();
    s().startSolo(tutorial, 7);
    s().moveItem(tutorial, 'patch-login', 0);
    expect(s().finishGame(tutorial)).toBeNull();
    expect(s().commitSlot(tutorial)).toBe(1);
    // A committed slot is history: a move out of it is put back.
    s().moveItem(tutorial, 'patch-login', 1);
    expect(planOf(s(), tutorial).slots[0]).toEqual(['patch-login']);
    s().moveItem(tutorial, 'dark-mode', 1);
    expect(s().commitSlot(tutorial)).toBe(2);
    expect(s().commitSlot(tutorial)).toBe(2);

    const play = s().finishGame(tutorial);
    expect(play?.last).toMatchObject({ seed: 7, rounds: true });
    expect(activePlaysOf(s(), tutorial)?.last.rounds).toBe(true);
    // Opening the debrief keeps that play (same plan): the rounds are not replayed as a year.
    expect(s().playActive(tutorial).last).toMatchObject({ seed: 7, rounds: true });
  });

  it('survives a reload mid-game; an unreadable saved game is dropped, the plan kept', () => {
    const store = freshStore();
    store.getState().startSolo(tutorial, 99);
    store.getState().moveItem(tutorial, 'patch-login', 0);
    store.getState().commitSlot(tutorial);
    const again = freshStore();
    expect(roundsPlayFor(again.getState(), tutorial.id)?.seed).toBe(99);
    expect(roundGameOf(again.getState(), tutorial.id).committed).toEqual([['patch-login']]);

    const raw = saved();
    const workshop = raw.state.workshop as Record<string, unknown>;
    workshop.solo = { scenarioId: tutorial.id, seed: 'not a number' };
    localStorage.setItem('roadmap-dojo', JSON.stringify(raw));
    const broken = freshStore();
    expect(broken.getState().workshop.solo).toBeNull();
    expect(roundsPlayFor(broken.getState(), tutorial.id)).toBeNull();
    expect(planOf(broken.getState(), tutorial).slots[0]).toEqual(['patch-login']);
  });

  it('stops: the board is plain again and the plan keeps what was played', () => {
    const store = freshStore();
    const s = () => store.getState();
    s().startSolo(tutorial, 3);
    s().moveItem(tutorial, 'patch-login', 0);
    s().commitSlot(tutorial);
    s().endSolo();
    expect(roundsPlayFor(s(), tutorial.id)).toBeNull();
    expect(s().workshop.games).toEqual({});
    expect(planOf(s(), tutorial).slots[0]).toEqual(['patch-login']);
    // Free again: the slot opens.
    s().moveItem(tutorial, 'patch-login', 1);
    expect(planOf(s(), tutorial).slots[1]).toContain('patch-login');
  });

  it('a new game replaces the previous one, on any scenario', () => {
    const store = freshStore();
    const s = () => store.getState();
    s().startSolo(tutorial, 3);
    s().moveItem(tutorial, 'patch-login', 0);
    s().commitSlot(tutorial);
    s().startSolo(big, 5);
    expect(roundsPlayFor(s(), tutorial.id)).toBeNull();
    expect(Object.keys(s().workshop.games)).toEqual([big.id]);
    s().startSolo(big, 6);
    expect(roundGameOf(s(), big.id)).toEqual({ seed: 6, committed: [] });
  });

  it('and a facilitator’s workshop keep out of each other’s way', () => {
    const store = freshStore();
    const s = () => store.getState();
    s().startSolo(tutorial, 3);
    s().moveItem(tutorial, 'patch-login', 0);
    s().commitSlot(tutorial);
    // A workshop on another scenario starts and ends: the game alone goes on.
    s().setWorkshopSettings(defaultWorkshopSettings(big, 11));
    s().startWorkshop();
    expect(roundGameOf(s(), tutorial.id).committed).toEqual([['patch-login']]);
    s().endWorkshop();
    expect(roundGameOf(s(), tutorial.id)).toEqual({ seed: 3, committed: [['patch-login']] });
    expect(s().workshop.settings?.scenarioId).toBe(big.id);

    // While a workshop drives a scenario, playing it alone does not start…
    s().startWorkshop();
    s().startSolo(big, 8);
    expect(soloPlayFor(s(), big.id)).toBe(false);
    expect(roundsPlayFor(s(), big.id)?.seed).toBe(11);
    // …and a workshop that takes over the scenario of the game alone ends that game.
    s().endWorkshop();
    s().setWorkshopSettings(defaultWorkshopSettings(tutorial, 12));
    s().startWorkshop();
    expect(s().workshop.solo).toBeNull();
    expect(roundGameOf(s(), tutorial.id)).toEqual({ seed: 12, committed: [] });
  });
});

describe('worlds played alone', () => {
  const world = (seed: number, score: number) => ({
    seed,
    plan: JSON.stringify([['patch-login'], []]),
    score,
    parScore: 93.2,
  });

  it('are remembered once per world and plan, the latest 20, oldest first', () => {
    const store = freshStore();
    const s = () => store.getState();
    s().recordWorld(tutorial.id, world(1, 80));
    s().recordWorld(tutorial.id, world(2, 85));
    // Grading the first game again (same seed and plan) replaces its record.
    s().recordWorld(tutorial.id, world(1, 81));
    expect(s().workshop.worlds[tutorial.id]?.map((w) => [w.seed, w.score])).toEqual([
      [2, 85],
      [1, 81],
    ]);
    const unchanged = s().workshop;
    s().recordWorld(tutorial.id, world(1, 81));
    expect(s().workshop).toBe(unchanged);
    for (let seed = 3; seed <= 30; seed++) s().recordWorld(tutorial.id, world(seed, seed));
    const kept = s().workshop.worlds[tutorial.id]!;
    expect(kept).toHaveLength(MAX_WORLDS);
    expect(kept[0]!.seed).toBe(11);
    expect(kept.at(-1)).toMatchObject({ seed: 30, playedAt: FIXED_NOW });
  });

  it('survive a reload and the end of the game; an unreadable one is dropped alone', () => {
    const store = freshStore();
    store.getState().startSolo(tutorial, 5);
    store.getState().recordWorld(tutorial.id, world(5, 88));
    store.getState().recordWorld(tutorial.id, world(6, 90));
    store.getState().endSolo();
    const raw = saved();
    const workshop = raw.state.workshop as { worlds: Record<string, unknown[]> };
    workshop.worlds[tutorial.id]![0] = { seed: -1, plan: 7 };
    localStorage.setItem('roadmap-dojo', JSON.stringify(raw));
    const again = freshStore();
    expect(again.getState().workshop.worlds[tutorial.id]?.map((w) => w.seed)).toEqual([6]);
  });
});
