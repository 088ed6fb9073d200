import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { PERSIST_VERSION, activeVariantOf, planOf } from '../../src/store';
import { afterNextFrame } from '../../src/store/saving';
import { freshStore, saved, shippedScenario, firstNotice } from './helpers';

const big = shippedScenario('big-customer');
/** Any three distinct items: these tests are about moving ids around, not about the model. */
const [A, B, C] = big.items.filter((i) => !i.injected).map((i) => i.id) as [string, string, string];
const tutorial = shippedScenario('tutorial');
const T = tutorial.items[0]!.id;
/** A plan of `big` with the given first slots and the rest empty. */
const bigPlan = (...slots: string[][]) => ({
  slots: big.time.labels.map((_, i) => slots[i] ?? []),
});

beforeEach(() => localStorage.clear());

function corrupt(text: string) {
  localStorage.setItem('roadmap-dojo', text);
}

describe('persist: saving and restoring', () => {
  it('saves inputs only (plans, notes, imports, preferences, plays), never outcomes or history', () => {
    const store = freshStore();
    store.getState().moveItem(big, B, 1);
    store.getState().setNote(big, B, 'why');
    store.getState().setPreferences({ backlogSort: 'wsjf' });

    const { state, version } = saved();
    expect(version).toBe(PERSIST_VERSION);
    expect(Object.keys(state).sort()).toEqual([
      'imported',
      'plans',
      'plays',
      'preferences',
      'removedImports',
      'sync',
      'workshop',
    ]);
    expect(JSON.stringify(state)).not.toMatch(/score|history|"par/);
  });

  it('restores variants, plans, notes and preferences in a new store', () => {
    const first = freshStore();
    first.getState().moveItem(big, A, 0);
    first.getState().moveItem(big, B, 1);
    first.getState().setNote(big, B, 'Northwind');
    first.getState().duplicateVariant(big, 'v1', 'Safer');
    first.getState().moveItem(big, C, 0, 0);
    first.getState().setPreferences({ backlogSort: 'cd3', lastScenarioId: big.id });

    const second = freshStore();
    expect(second.getState().plans).toEqual(first.getState().plans);
    expect(activeVariantOf(second.getState(), big)).toMatchObject({
      name: 'Safer',
      notes: { [B]: 'Northwind' },
    });
    expect(planOf(second.getState(), big).slots[0]).toEqual([C, A]);
    expect(second.getState().preferences).toMatchObject({
      backlogSort: 'cd3',
      lastScenarioId: big.id,
    });
    expect(firstNotice(second.getState())).toBeNull();
  });
});

describe('persist: a change saved after the frame (a drop on the board)', () => {
  /** A store whose held-back saves run when the test says: the frame, or the page left. */
  function heldStore() {
    const frames: (() => void)[] = [];
    const leaves = new Set<() => void>();
    let written = 0;
    const counted = {
      getItem: (key: string) => localStorage.getItem(key),
      setItem: (key: string, value: string) => {
        written++;
        localStorage.setItem(key, value);
      },
      removeItem: (key: string) => localStorage.removeItem(key),
    } as unknown as Storage;
    const store = freshStore({
      storage: () => counted,
      afterFrame: (run) => frames.push(run),
      onLeave: (run) => {
        leaves.add(run);
        return () => leaves.delete(run);
      },
    });
    const savedPlan = () => {
      const plans = saved().state.plans as Record<string, { variants: { plan: unknown }[] }>;
      return plans[big.id]?.variants[0]?.plan;
    };
    return {
      store,
      savedPlan,
      frame: () => frames.splice(0).forEach((run) => run()),
      leave: () => [...leaves].forEach((run) => run()),
      watching: () => leaves.size,
      writes: () => written,
    };
  }

  it('is not written in the change, and is written after the next frame', () => {
    const { store, savedPlan, frame } = heldStore();
    store.getState().moveItem(big, A, 0);
    store.getState().saveAfterFrame(() => store.getState().moveItem(big, B, 1));
    expect(planOf(store.getState(), big)).toEqual(bigPlan([A], [B]));
    expect(savedPlan()).toEqual(bigPlan([A]));
    frame();
    expect(savedPlan()).toEqual(bigPlan([A], [B]));
    // And a new store reads it back.
    expect(planOf(freshStore().getState(), big)).toEqual(bigPlan([A], [B]));
  });

  it('is written when the page is hidden or left before the frame comes', () => {
    const { store, savedPlan, leave, watching } = heldStore();
    store.getState().saveAfterFrame(() => store.getState().moveItem(big, B, 1));
    expect(watching()).toBe(1);
    leave();
    expect(savedPlan()).toEqual(bigPlan([], [B]));
    // Nothing is left to write, and the page is no longer watched.
    expect(watching()).toBe(0);
  });

  it('is written with the next change saved at once, and not again after the frame', () => {
    const { store, savedPlan, frame, watching, writes } = heldStore();
    store.getState().saveAfterFrame(() => store.getState().moveItem(big, B, 1));
    store.getState().moveItem(big, C, 0);
    expect(savedPlan()).toEqual(bigPlan([C], [B]));
    expect(watching()).toBe(0);
    const written = writes();
    frame();
    expect(writes()).toBe(written);
  });

  it('keeps only the latest of several changes made before the frame, every one of them in it', () => {
    const { store, savedPlan, frame } = heldStore();
    store.getState().saveAfterFrame(() => store.getState().moveItem(big, A, 0));
    store.getState().saveAfterFrame(() => store.getState().moveItem(big, B, 1));
    expect(() => saved()).toThrow('nothing saved');
    frame();
    expect(savedPlan()).toEqual(bigPlan([A], [B]));
  });
});

describe('afterNextFrame', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs once, after the next frame, or after the fallback when no frame comes', () => {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
      frames.push(callback),
    );
    let runs = 0;
    afterNextFrame(() => runs++, 250);
    vi.advanceTimersByTime(10);
    expect(runs).toBe(0);
    frames.splice(0).forEach((frame) => frame(0));
    expect(runs).toBe(0);
    vi.advanceTimersByTime(0);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(500);
    expect(runs).toBe(1);
    // A hidden tab draws no frame: the fallback runs it.
    afterNextFrame(() => runs++, 250);
    vi.advanceTimersByTime(249);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(2);
  });
});

describe('persist: older saved data', () => {
  it('upgrades a version-1 save (one plan per scenario, notes beside it) and saves it upgraded', () => {
    corrupt(
      JSON.stringify({
        version: 1,
        state: {
          imported: [],
          plans: { [big.id]: bigPlan([A], [B]) },
          notes: { [big.id]: { [B]: 'Northwind' } },
          preferences: { backlogSort: 'wsjf' },
        },
      }),
    );
    const store = freshStore();
    expect(firstNotice(store.getState())).toBeNull();
    expect(activeVariantOf(store.getState(), big)).toEqual({
      id: 'v1',
      name: 'Plan A',
      plan: bigPlan([A], [B]),
      notes: { [B]: 'Northwind' },
    });
    expect(store.getState().preferences.backlogSort).toBe('wsjf');
    expect(saved().version).toBe(PERSIST_VERSION);
  });

  it('sets a save aside when its migration cannot make sense of it', () => {
    corrupt(JSON.stringify({ version: 1, state: { plans: 'garbage' } }));
    const store = freshStore();
    expect(firstNotice(store.getState())?.backupKey).toBe('roadmap-dojo:backup-1');
    expect(planOf(store.getState(), big)).toEqual(bigPlan());
  });
});

describe('persist: unreadable saved state', () => {
  it('sets bad JSON aside under a backup key, tells the user, and starts clean', () => {
    corrupt('{"state": {"plans": ');
    const store = freshStore();

    const notice = firstNotice(store.getState());
    expect(notice?.message).toMatch(/could not be read \(they are not valid JSON\)/);
    expect(notice?.backupKey).toBe('roadmap-dojo:backup-1');
    expect(localStorage.getItem('roadmap-dojo:backup-1')).toBe('{"state": {"plans": ');
    expect(planOf(store.getState(), big).slots.flat()).toEqual([]);

    store.getState().moveItem(big, B, 0);
    expect(saved().state.plans).toMatchObject({
      [big.id]: {
        activeId: 'v1',
        variants: [{ id: 'v1', name: 'Plan A', plan: bigPlan([B]), notes: {} }],
      },
    });
    store.getState().dismissNotice(firstNotice(store.getState())!.id);
    expect(firstNotice(store.getState())).toBeNull();
  });

  it('sets a wrong shape aside', () => {
    corrupt(
      JSON.stringify({ state: { plans: { [big.id]: 'not a plan' } }, version: PERSIST_VERSION }),
    );
    const store = freshStore();
    expect(firstNotice(store.getState())?.message).toMatch(/unexpected format/);
    expect(localStorage.getItem('roadmap-dojo:backup-1')).toContain('not a plan');
    expect(localStorage.getItem('roadmap-dojo')).toBeNull();
  });

  it('sets junk that is valid JSON aside', () => {
    for (const junk of ['null', '42', '"text"', '[]', '{"version": 1}']) {
      localStorage.clear();
      corrupt(junk);
      const store = freshStore();
      expect(firstNotice(store.getState())?.backupKey, junk).toBe('roadmap-dojo:backup-1');
    }
  });

  it('does not guess at data from a newer version, and never writes over it', () => {
    const newer = JSON.stringify({ state: { plans: {} }, version: PERSIST_VERSION + 1 });
    corrupt(newer);
    const store = freshStore();
    const notice = firstNotice(store.getState());
    expect(notice?.kind).toBe('newer-version');
    expect(notice?.message).toMatch(/newer version of Roadmap Dojo/);
    store.getState().moveItem(big, B, 0);
    expect(planOf(store.getState(), big).slots[0]).toEqual([B]);
    expect(localStorage.getItem('roadmap-dojo')).toBe(newer);
    expect(store.getState().savingPaused()?.reason).toBe('newer');
  });

  it('reports a version that is not a number as damage, not as a newer format', () => {
    // A saved version "4" (text) once read as "written by a newer version (format 4; reads up to 4)".
    corrupt(JSON.stringify({ state: { plans: {} }, version: '4' }));
    const notice = firstNotice(freshStore().getState());
    expect(notice?.kind).toBe('set-aside');
    expect(notice?.message).toMatch(/could not be read \(unexpected format\)/);
    expect(notice?.message).not.toMatch(/newer/);
    expect(notice?.details).toEqual([
      `the saved format version is "4" (string), where a whole number from 1 to ${PERSIST_VERSION} is expected`,
    ]);
  });

  it('never overwrites an earlier backup', () => {
    localStorage.setItem('roadmap-dojo:backup-1', 'older');
    corrupt('nope');
    const store = freshStore();
    expect(firstNotice(store.getState())?.backupKey).toBe('roadmap-dojo:backup-2');
    expect(localStorage.getItem('roadmap-dojo:backup-1')).toBe('older');
  });

  it('re-fits stored plans to their scenario, listing and backing up what it dropped', () => {
    const stored = {
      version: PERSIST_VERSION,
      state: {
        plans: {
          [tutorial.id]: {
            activeId: 'v1',
            variants: [
              {
                id: 'v1',
                name: 'Plan A',
                plan: {
                  slots: [
                    [T, 'gone-item'],
                    [T],
                    ...tutorial.time.labels.slice(2).map(() => []),
                    ['extra-slot'],
                  ],
                },
                notes: {},
              },
            ],
          },
        },
        imported: [],
        preferences: {},
      },
    };
    corrupt(JSON.stringify(stored));
    const store = freshStore();

    expect(planOf(store.getState(), tutorial)).toEqual({
      slots: tutorial.time.labels.map((_, i) => (i === 0 ? [T] : [])),
    });
    const notice = firstNotice(store.getState());
    expect(notice?.details.join(' ')).toContain(`gone-item, ${T}, extra-slot`);
    expect(JSON.parse(localStorage.getItem(notice?.backupKey ?? '') ?? '{}')).toEqual(stored);
    // The cleaned state is saved at once, so the next load is quiet.
    expect(firstNotice(freshStore().getState())).toBeNull();
  });

  it('keeps going without storage at all', () => {
    const store = freshStore({ storage: () => null });
    store.getState().moveItem(big, B, 0);
    expect(planOf(store.getState(), big).slots[0]).toEqual([B]);
  });

  it('tells the user once when saving fails', async () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    } as unknown as Storage;
    const store = freshStore({ storage: () => full });
    store.getState().moveItem(big, B, 0);
    store.getState().moveItem(big, C, 0);
    await Promise.resolve();
    expect(firstNotice(store.getState())?.message).toMatch(/cannot be saved/);
    expect(planOf(store.getState(), big).slots[0]).toEqual([B, C]);
  });
});
