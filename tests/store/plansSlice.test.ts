import { beforeEach, describe, expect, it } from 'vitest';

import { emptyPlan } from '../../src/engine';
import { HISTORY_LIMIT, planOf } from '../../src/store';
import { freshStore, shippedScenario } from './helpers';

const big = shippedScenario('big-customer');

beforeEach(() => localStorage.clear());

describe('plans: moves', () => {
  it('places, reorders and returns items to the backlog through the engine operations', () => {
    const store = freshStore();
    const { moveItem, reorderItem } = store.getState();

    moveItem(big, 'user-model', 0);
    moveItem(big, 'sso', 0);
    moveItem(big, 'patch-pdf', 0, 0);
    expect(planOf(store.getState(), big).slots[0]).toEqual(['patch-pdf', 'user-model', 'sso']);

    reorderItem(big, 0, 0, 2);
    expect(planOf(store.getState(), big).slots[0]).toEqual(['user-model', 'sso', 'patch-pdf']);

    moveItem(big, 'sso', 1);
    expect(planOf(store.getState(), big).slots.slice(0, 2)).toEqual([
      ['user-model', 'patch-pdf'],
      ['sso'],
    ]);

    moveItem(big, 'sso', null);
    expect(planOf(store.getState(), big).slots.flat()).not.toContain('sso');
  });

  it('gives an untouched scenario a stable empty plan', () => {
    const store = freshStore();
    const first = planOf(store.getState(), big);
    expect(first).toEqual(emptyPlan(big));
    expect(planOf(store.getState(), big)).toBe(first);
  });

  it('records nothing for a move that changes nothing', () => {
    const store = freshStore();
    store.getState().moveItem(big, 'sso', 0);
    store.getState().moveItem(big, 'sso', 0);
    store.getState().moveItem(big, 'dark-mode', null);
    expect(store.getState().history[big.id]?.past).toHaveLength(1);
  });
});

describe('plans: undo and redo', () => {
  it('restores every earlier plan exactly, and redoes forward again', () => {
    const store = freshStore();
    const s = () => store.getState();
    const snapshots = [planOf(s(), big)];
    const moves: [string, number | null][] = [
      ['user-model', 0],
      ['sso', 0],
      ['patch-pdf', 1],
      ['sso', 2],
      ['user-model', null],
    ];
    for (const [id, slot] of moves) {
      s().moveItem(big, id, slot);
      snapshots.push(planOf(s(), big));
    }

    for (let i = snapshots.length - 2; i >= 0; i--) {
      s().undo(big);
      expect(planOf(s(), big)).toEqual(snapshots[i]);
    }
    s().undo(big); // nothing left: no change
    expect(planOf(s(), big)).toEqual(snapshots[0]);

    for (let i = 1; i < snapshots.length; i++) {
      s().redo(big);
      expect(planOf(s(), big)).toEqual(snapshots[i]);
    }
  });

  it('drops the redo stack when a new change is made after undoing', () => {
    const store = freshStore();
    const s = () => store.getState();
    s().moveItem(big, 'sso', 0);
    s().moveItem(big, 'waf', 1);
    s().undo(big);
    s().moveItem(big, 'runbooks', 2);
    s().redo(big);
    expect(planOf(s(), big).slots[1]).toEqual([]);
    expect(planOf(s(), big).slots[2]).toEqual(['runbooks']);
  });

  it(`reaches back at least 100 steps (keeps ${HISTORY_LIMIT})`, () => {
    const store = freshStore();
    const s = () => store.getState();
    for (let i = 0; i < 150; i++) s().moveItem(big, 'sso', i % 4);
    for (let i = 0; i < 150; i++) s().undo(big);
    expect(planOf(s(), big)).toEqual(emptyPlan(big));
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(100);
  });

  it('makes reset undoable', () => {
    const store = freshStore();
    const s = () => store.getState();
    s().moveItem(big, 'sso', 0);
    s().moveItem(big, 'waf', 3);
    const before = planOf(s(), big);
    s().resetPlan(big);
    expect(planOf(s(), big)).toEqual(emptyPlan(big));
    s().undo(big);
    expect(planOf(s(), big)).toEqual(before);
  });
});

describe('plans: notes', () => {
  it('saves a note per item and forgets an emptied one', () => {
    const store = freshStore();
    store.getState().setNote(big.id, 'sso', 'Northwind is worth the risk');
    store.getState().setNote(big.id, 'waf', 'later');
    store.getState().setNote(big.id, 'waf', '   ');
    expect(store.getState().notes[big.id]).toEqual({ sso: 'Northwind is worth the risk' });
  });
});
