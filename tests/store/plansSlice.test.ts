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
/** Any seven distinct items: these tests are about moving ids around, not about the model. */
const [A, B, C, D, E, F, G] = big.items.filter((i) => !i.injected).map((i) => i.id) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

beforeEach(() => localStorage.clear());

describe('plans: moves', () => {
  it('places, reorders and returns items to the backlog through the engine operations', () => {
    const store = freshStore();
    const { moveItem, reorderItem } = store.getState();

    moveItem(big, A, 0);
    moveItem(big, B, 0);
    moveItem(big, C, 0, 0);
    expect(planOf(store.getState(), big).slots[0]).toEqual([C, A, B]);

    reorderItem(big, 0, 0, 2);
    expect(planOf(store.getState(), big).slots[0]).toEqual([A, B, C]);

    moveItem(big, B, 1);
    expect(planOf(store.getState(), big).slots.slice(0, 2)).toEqual([[A, C], [B]]);

    moveItem(big, B, null);
    expect(planOf(store.getState(), big).slots.flat()).not.toContain(B);
  });

  it('gives an untouched scenario a stable empty plan', () => {
    const store = freshStore();
    const first = planOf(store.getState(), big);
    expect(first).toEqual(emptyPlan(big));
    expect(planOf(store.getState(), big)).toBe(first);
  });

  it('records nothing for a move that changes nothing', () => {
    const store = freshStore();
    store.getState().moveItem(big, B, 0);
    store.getState().moveItem(big, B, 0);
    store.getState().moveItem(big, G, null);
    expect(store.getState().history[historyKey(big.id, 'v1')]?.past).toHaveLength(1);
  });

  it('never places an id the scenario does not have', () => {
    const store = freshStore();
    store.getState().moveItem(big, A, 0);
    const before = store.getState().plans;
    for (const id of ['no-such-item', '__proto__', 'constructor', ''])
      store.getState().moveItem(big, id, 1);
    expect(store.getState().plans).toBe(before);
    expect(planOf(store.getState(), big).slots.flat()).toEqual([A]);
  });
});

describe('plans: undo and redo', () => {
  it('restores every earlier plan exactly, and redoes forward again', () => {
    const store = freshStore();
    const s = () => store.getState();
    const snapshots = [planOf(s(), big)];
    const moves: [string, number | null][] = [
      [A, 0],
      [B, 0],
      [C, 1],
      [B, 2],
      [A, null],
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
    s().moveItem(big, B, 0);
    s().moveItem(big, D, 1);
    s().undo(big);
    s().moveItem(big, E, 2);
    s().redo(big);
    expect(planOf(s(), big).slots[1]).toEqual([]);
    expect(planOf(s(), big).slots[2]).toEqual([E]);
  });

  it(`reaches back at least 100 steps (keeps ${HISTORY_LIMIT})`, () => {
    const store = freshStore();
    const s = () => store.getState();
    for (let i = 0; i < 150; i++) s().moveItem(big, B, i % 4);
    for (let i = 0; i < 150; i++) s().undo(big);
    expect(planOf(s(), big)).toEqual(emptyPlan(big));
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(100);
  });

  it('makes reset undoable', () => {
    const store = freshStore();
    const s = () => store.getState();
    s().moveItem(big, B, 0);
    s().moveItem(big, D, 3);
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
    store.getState().setNote(big, B, 'Northwind is worth the risk');
    store.getState().setNote(big, D, 'later');
    store.getState().setNote(big, D, '   ');
    expect(activeVariantOf(store.getState(), big).notes).toEqual({
      [B]: 'Northwind is worth the risk',
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
    s().moveItem(big, B, 1);
    s().setNote(big, B, 'A: SSO by Q2');

    const b = s().createVariant(big);
    expect(activeVariantOf(s(), big)).toMatchObject({ id: b, name: 'Plan B', notes: {} });
    expect(planOf(s(), big)).toEqual(emptyPlan(big));
    s().moveItem(big, F, 0);

    const copy = s().duplicateVariant(big, b);
    expect(activeVariantOf(s(), big).name).toBe('Plan B (copy)');
    expect(planOf(s(), big).slots[0]).toEqual([F]);
    s().renameVariant(big, copy, '  Migration   first ');
    s().moveItem(big, C, 0, 0);

    expect(scenarioPlansOf(s(), big).variants.map((v) => [v.name, v.plan.slots.flat()])).toEqual([
      ['Plan A', [B]],
      ['Plan B', [F]],
      ['Migration first', [C, F]],
    ]);

    s().switchVariant(big, 'v1');
    expect(planOf(s(), big).slots[1]).toEqual([B]);
    expect(activeVariantOf(s(), big).notes).toEqual({ [B]: 'A: SSO by Q2' });
  });

  it('keeps undo history per variant', () => {
    const store = freshStore();
    const s = () => store.getState();
    s().moveItem(big, B, 1);
    const b = s().createVariant(big, 'Other');
    s().moveItem(big, D, 2);
    s().switchVariant(big, 'v1');
    s().undo(big);
    expect(planOf(s(), big)).toEqual(emptyPlan(big));
    s().switchVariant(big, b);
    expect(planOf(s(), big).slots[2]).toEqual([D]);
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
