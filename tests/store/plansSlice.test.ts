import { beforeEach, describe, expect, it } from 'vitest';

import { emptyPlan } from '../../src/engine';
import {
  HISTORY_LIMIT,
  activeVariantOf,
  historyKey,
  planOf,
  scenarioPlansOf,
} from '../../src/store';
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
    expect(store.getState().history[historyKey(big.id, 'v1')]?.past).toHaveLength(1);
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
  it('saves a note per item in the active variant and forgets an emptied one', () => {
    const store = freshStore();
    store.getState().setNote(big, 'sso', 'Northwind is worth the risk');
    store.getState().setNote(big, 'waf', 'later');
    store.getState().setNote(big, 'waf', '   ');
    expect(activeVariantOf(store.getState(), big).notes).toEqual({
      sso: 'Northwind is worth the risk',
    });
  });
});

describe('plans: variants', () => {
  it('starts with one empty "Plan A"', () => {
    const plans = scenarioPlansOf(freshStore().getState(), big);
    expect(plans.variants.map((v) => v.name)).toEqual(['Plan A']);
    expect(plans.activeId).toBe(plans.variants[0]?.id);
  });

  it('creates, duplicates, renames and switches variants, each with its own plan and notes', () => {
    const store = freshStore();
    const s = () => store.getState();
    s().moveItem(big, 'sso', 1);
    s().setNote(big, 'sso', 'A: SSO by Q2');

    const b = s().createVariant(big);
    expect(activeVariantOf(s(), big)).toMatchObject({ id: b, name: 'Plan B', notes: {} });
    expect(planOf(s(), big)).toEqual(emptyPlan(big));
    s().moveItem(big, 'db-migration', 0);

    const copy = s().duplicateVariant(big, b);
    expect(activeVariantOf(s(), big).name).toBe('Plan B (copy)');
    expect(planOf(s(), big).slots[0]).toEqual(['db-migration']);
    s().renameVariant(big, copy, '  Migration   first ');
    s().moveItem(big, 'patch-pdf', 0, 0);

    expect(scenarioPlansOf(s(), big).variants.map((v) => [v.name, v.plan.slots.flat()])).toEqual([
      ['Plan A', ['sso']],
      ['Plan B', ['db-migration']],
      ['Migration first', ['patch-pdf', 'db-migration']],
    ]);

    s().switchVariant(big, 'v1');
    expect(planOf(s(), big).slots[1]).toEqual(['sso']);
    expect(activeVariantOf(s(), big).notes).toEqual({ sso: 'A: SSO by Q2' });
  });

  it('keeps undo history per variant', () => {
    const store = freshStore();
    const s = () => store.getState();
    s().moveItem(big, 'sso', 1);
    const b = s().createVariant(big, 'Other');
    s().moveItem(big, 'waf', 2);
    s().switchVariant(big, 'v1');
    s().undo(big);
    expect(planOf(s(), big)).toEqual(emptyPlan(big));
    s().switchVariant(big, b);
    expect(planOf(s(), big).slots[2]).toEqual(['waf']);
    s().undo(big);
    expect(planOf(s(), big)).toEqual(emptyPlan(big));
  });

  it('deletes a variant, activating its neighbour, but never the last one', () => {
    const store = freshStore();
    const s = () => store.getState();
    const b = s().createVariant(big);
    const c = s().createVariant(big);
    s().switchVariant(big, b);
    expect(s().deleteVariant(big, b)).toBe(true);
    expect(scenarioPlansOf(s(), big).activeId).toBe(c);
    expect(s().deleteVariant(big, c)).toBe(true);
    expect(s().deleteVariant(big, 'v1')).toBe(false);
    expect(scenarioPlansOf(s(), big).variants.map((v) => v.id)).toEqual(['v1']);
  });

  it('ignores blank names and unknown variants', () => {
    const store = freshStore();
    store.getState().renameVariant(big, 'v1', '   ');
    store.getState().switchVariant(big, 'nope');
    expect(activeVariantOf(store.getState(), big)).toMatchObject({ id: 'v1', name: 'Plan A' });
  });
});
