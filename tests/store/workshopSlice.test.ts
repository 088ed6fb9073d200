import { beforeEach, describe, expect, it } from 'vitest';

import { simulate } from '../../src/engine';
import { defaultWorkshopSettings, type WorkshopSettings } from '../../src/engine/workshop';
import {
  MAX_TEAM_PLANS,
  activePlaysOf,
  activeWorkshopFor,
  planOf,
  roundGameOf,
  timerRemainingMs,
  withCommitted,
  workshopWeightsFor,
} from '../../src/store';
import { freshStore, saved, shippedScenario } from './helpers';

const big = shippedScenario('big-customer');
const tutorial = shippedScenario('tutorial');

function roundsStore(changes: Partial<WorkshopSettings> = {}) {
  const store = freshStore();
  store.getState().setWorkshopSettings({ ...defaultWorkshopSettings(big, 77), ...changes });
  store.getState().startWorkshop();
  return store;
}

beforeEach(() => localStorage.clear());

describe('workshop: settings', () => {
  it('drive only their own scenario, and only once started', () => {
    const store = freshStore();
    store.getState().setWorkshopSettings({ ...defaultWorkshopSettings(big, 5), preset: 'ciso' });
    expect(activeWorkshopFor(store.getState(), big.id)).toBeNull();
    store.getState().startWorkshop();
    expect(activeWorkshopFor(store.getState(), big.id)?.preset).toBe('ciso');
    expect(activeWorkshopFor(store.getState(), tutorial.id)).toBeNull();
    expect(workshopWeightsFor(store.getState(), big).security).toBe(4);
    expect(workshopWeightsFor(store.getState(), tutorial)).toEqual(tutorial.scoring.weights);
    store.getState().endWorkshop();
    expect(activeWorkshopFor(store.getState(), big.id)).toBeNull();
  });

  it('a team joining from a link plays under the facilitator’s settings', () => {
    const store = freshStore();
    store
      .getState()
      .joinWorkshop({ ...defaultWorkshopSettings(big, 9), hideScores: true }, ' Red ');
    const { workshop } = store.getState();
    expect(workshop.role).toBe('team');
    expect(workshop.teamName).toBe('Red');
    expect(activeWorkshopFor(store.getState(), big.id)?.hideScores).toBe(true);
  });

  it('are saved, and restored in a new store', () => {
    const store = roundsStore({ hideScores: true, timerMinutes: 20 });
    store.getState().moveItem(big, 'patch-pdf', 0);
    store.getState().commitSlot(big);
    store.getState().addTeamPlans([{ kind: 'link', label: 'Link 1', text: 'p1.x' }]);
    expect(saved().state.workshop).toMatchObject({ active: true, games: { [big.id]: {} } });

    const reloaded = freshStore();
    expect(reloaded.getState().workshop.settings?.timerMinutes).toBe(20);
    expect(roundGameOf(reloaded.getState(), big.id).committed).toEqual([['patch-pdf']]);
    expect(reloaded.getState().workshop.teamPlans).toHaveLength(1);
  });
});

describe('workshop: round-by-round play', () => {
  it('committing a slot locks it: moves into it or out of it are put back', () => {
    const store = roundsStore();
    const s = () => store.getState();
    s().moveItem(big, 'patch-pdf', 0);
    s().moveItem(big, 'user-model', 0);
    expect(s().commitSlot(big)).toBe(1);
    expect(roundGameOf(s(), big.id)).toEqual({
      seed: 77,
      committed: [['patch-pdf', 'user-model']],
    });

    s().moveItem(big, 'sso', 0);
    expect(planOf(s(), big).slots[0]).toEqual(['patch-pdf', 'user-model']);
    s().moveItem(big, 'patch-pdf', 2);
    expect(planOf(s(), big).slots[0]).toEqual(['patch-pdf', 'user-model']);
    expect(planOf(s(), big).slots[2]).toEqual([]);
    // Later slots are free.
    s().moveItem(big, 'sso', 1);
    expect(planOf(s(), big).slots[1]).toEqual(['sso']);
  });

  it('undo cannot reach back across a commit; Reset empties only the open slots', () => {
    const store = roundsStore();
    const s = () => store.getState();
    s().moveItem(big, 'patch-pdf', 0);
    s().commitSlot(big);
    s().undo(big);
    expect(planOf(s(), big).slots[0]).toEqual(['patch-pdf']);
    s().moveItem(big, 'sso', 1);
    s().resetPlan(big);
    expect(planOf(s(), big).slots).toEqual([['patch-pdf'], [], [], []]);
  });

  it('a new variant starts from the slots already played', () => {
    const store = roundsStore();
    const s = () => store.getState();
    s().moveItem(big, 'waf', 0);
    s().commitSlot(big);
    s().createVariant(big, 'Plan B');
    expect(planOf(s(), big).slots[0]).toEqual(['waf']);
  });

  it('commits nothing outside round-by-round play, and at most every slot', () => {
    const year = roundsStore({ play: 'year' });
    expect(year.getState().commitSlot(big)).toBe(0);
    const store = roundsStore();
    for (let i = 0; i < 6; i++) store.getState().commitSlot(big);
    expect(roundGameOf(store.getState(), big.id).committed).toHaveLength(4);
  });

  it('a finished game becomes the play the debrief tells, with the workshop’s seed', () => {
    const store = roundsStore();
    const s = () => store.getState();
    s().moveItem(big, 'patch-pdf', 0);
    expect(s().finishGame(big)).toBeNull();
    for (let i = 0; i < 4; i++) s().commitSlot(big);
    const history = s().finishGame(big)!;
    expect(history.last.seed).toBe(77);
    expect(history.last.seededScore).toBeCloseTo(
      simulate(big, planOf(s(), big), { mode: 'seeded', seed: 77 }).score,
      9,
    );
    expect(activePlaysOf(s(), big)?.last.seed).toBe(77);
    // Opening the debrief plays the unchanged plan: the workshop's seed is kept.
    expect(s().playActive(big).last.seed).toBe(77);
  });

  it('whole-year play is played with the workshop’s seed, the same dice for every team', () => {
    const store = roundsStore({ play: 'year' });
    store.getState().moveItem(big, 'sso', 1);
    expect(store.getState().finishGame(big)?.last.seed).toBe(77);
  });

  it('restarting forgets the committed slots; new dice end the game', () => {
    const store = roundsStore();
    const s = () => store.getState();
    s().commitSlot(big);
    s().restartGame(big);
    expect(roundGameOf(s(), big.id).committed).toEqual([]);
    s().commitSlot(big);
    s().setWorkshopSettings({ ...s().workshop.settings!, seed: 78 });
    expect(roundGameOf(s(), big.id)).toEqual({ seed: 78, committed: [] });
  });

  it('withCommitted keeps played slots as committed and committed items nowhere else', () => {
    const plan = { slots: [['a'], ['b', 'c'], ['d']] };
    expect(withCommitted(plan, [])).toBe(plan);
    expect(withCommitted(plan, [['a']])).toBe(plan);
    expect(withCommitted(plan, [['c'], ['a']])).toEqual({ slots: [['c'], ['a'], ['d']] });
  });
});

describe('workshop: timer', () => {
  it('counts down while running, holds while paused, and starts over on reset', () => {
    const store = roundsStore({ timerMinutes: 10 });
    const s = () => store.getState();
    const remaining = (now: number) =>
      timerRemainingMs(s().workshop.settings!, s().workshop.timer, now);
    expect(remaining(0)).toBe(600_000);
    s().startTimer(1_000);
    expect(remaining(61_000)).toBe(540_000);
    s().pauseTimer(61_000);
    expect(remaining(500_000)).toBe(540_000);
    s().startTimer(500_000);
    expect(remaining(1_100_000)).toBe(0);
    s().resetTimer();
    expect(remaining(2_000_000)).toBe(600_000);
  });
});

describe('workshop: teams’ plans for the comparison', () => {
  it('keeps what was given, in order, up to the limit', () => {
    const store = freshStore();
    const many = Array.from({ length: MAX_TEAM_PLANS + 5 }, (_, i) => ({
      kind: 'file' as const,
      label: `team-${i}.plan.json`,
      text: '{}',
    }));
    expect(store.getState().addTeamPlans(many.slice(0, 2))).toBe(2);
    expect(store.getState().addTeamPlans(many)).toBe(MAX_TEAM_PLANS - 2);
    const ids = store.getState().workshop.teamPlans.map((p) => p.id);
    expect(new Set(ids).size).toBe(MAX_TEAM_PLANS);
    store.getState().removeTeamPlan(ids[0]!);
    expect(store.getState().workshop.teamPlans[0]!.label).toBe('team-1.plan.json');
    store.getState().clearTeamPlans();
    expect(store.getState().workshop.teamPlans).toEqual([]);
  });

  it('renames a team (kept after a reload); an empty name forgets the given one', () => {
    const store = freshStore();
    store.getState().addTeamPlans([
      { kind: 'file', label: 'a.plan.json', text: '{}' },
      { kind: 'file', label: 'b.plan.json', text: '{}' },
    ]);
    const [a, b] = store.getState().workshop.teamPlans;
    store.getState().renameTeamPlan(a!.id, '  Team Red  ');
    expect(store.getState().workshop.teamPlans.map((p) => p.team)).toEqual(['Team Red', undefined]);
    expect(freshStore().getState().workshop.teamPlans[0]!.team).toBe('Team Red');
    store.getState().renameTeamPlan(a!.id, ' ');
    expect(store.getState().workshop.teamPlans[0]).not.toHaveProperty('team');
    expect(store.getState().workshop.teamPlans[1]).toEqual(b);
  });
});
