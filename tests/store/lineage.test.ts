/**
 * Lineages by hand: what each saved version names as the versions it was made on top of, and how
 * a tab that read an out-of-date copy of the storage is found out (see docs/storage.md, "Several
 * tabs").
 */
import { describe, expect, it } from 'vitest';

import {
  createAppStore,
  PERSIST_NAME,
  PERSIST_VERSION,
  type AppStore,
  type CatalogEntry,
} from '../../src/store';
import { replacedUnseen } from '../../src/store/sync';
import { shipped } from '../engine/helpers';
import { SharedArea, type TabView } from './fakeStorage';
import { FIXED_NOW } from './helpers';

const tutorial = shipped('tutorial');
const catalog: CatalogEntry[] = [{ ok: true, file: 'scenarios/tutorial.json', scenario: tutorial }];

const v = (stamp: number, tab: string) => ({ stamp, tab });

describe('replacedUnseen', () => {
  const winner = { ...v(30, 'b'), lineage: { from: 0, versions: [v(10, 'a'), v(20, 'b')] } };

  it('a version in the winner’s lineage was seen; one that is not was replaced unseen', () => {
    expect(replacedUnseen(v(10, 'a'), winner)).toBe(false);
    expect(replacedUnseen(v(20, 'b'), winner)).toBe(false);
    expect(replacedUnseen(v(15, 'a'), winner)).toBe(true);
    // Same stamp, another tab: another version.
    expect(replacedUnseen(v(20, 'a'), winner)).toBe(true);
  });

  it('cannot tell without a lineage, before where it starts, or for data saved before versions', () => {
    expect(replacedUnseen(v(15, 'a'), v(30, 'b'))).toBeUndefined();
    const truncated = { ...v(30, 'b'), lineage: { from: 20, versions: [v(20, 'b')] } };
    expect(replacedUnseen(v(19, 'a'), truncated)).toBeUndefined();
    expect(replacedUnseen(v(20, 'a'), truncated)).toBe(true);
    expect(replacedUnseen(v(0, ''), winner)).toBeUndefined();
  });
});

interface Tab {
  view: TabView;
  store: AppStore;
}

function world() {
  const area = new SharedArea();
  let now = 1_000;
  let n = 0;
  const open = (): Tab => {
    const view = area.view();
    const store = createAppStore({
      catalog,
      storage: () => view,
      watchStorage: view.watch,
      clock: () => now,
      now: () => FIXED_NOW,
      tabId: `t${++n}`,
    });
    return { view, store };
  };
  const later = (ms: number) => {
    now += ms;
  };
  return { area, open, later };
}

/** The saved tutorial variants: name, slots, version and lineage. */
function savedVariants(area: SharedArea) {
  const raw = JSON.parse(area.data.get(PERSIST_NAME)!) as {
    state: {
      plans: Record<
        string,
        {
          variants: {
            name: string;
            plan: { slots: string[][] };
            stamp: number;
            tab: string;
            lineage?: unknown;
          }[];
        }
      >;
    };
  };
  return raw.state.plans[tutorial.id]!.variants;
}

async function flush() {
  for (let i = 0; i < 3; i++) await Promise.resolve();
}

describe('lineages as saved', () => {
  it('each change names the versions before it, the newest 8, and from where that is complete', () => {
    const { area, open, later } = world();
    const a = open();
    const moves: [string, number | null][] = [
      ['dark-mode', 0],
      ['test-suite', 0],
      ['csv-export', 1],
      ['dark-mode', 1],
      ['test-suite', null],
      ['csv-export', 0],
      ['dark-mode', 0],
      ['test-suite', 1],
      ['csv-export', null],
      ['dark-mode', null],
    ];
    const stamps: number[] = [];
    for (const [item, slot] of moves) {
      later(10);
      a.store.getState().moveItem(tutorial, item, slot);
      stamps.push(savedVariants(area)[0]!.stamp);
    }
    // One change every 10 ms from 1,010 on, each its own version.
    expect(stamps).toEqual([1010, 1020, 1030, 1040, 1050, 1060, 1070, 1080, 1090, 1100]);
    const at = (i: number) => ({ stamp: stamps[i]!, tab: 't1' });
    a.store.getState().moveItem(tutorial, 'dark-mode', 0);
    // The clock did not move: the 11th change is stamped one after the 10th.
    const [variant] = savedVariants(area);
    expect(variant!.stamp).toBe(1101);
    // Made on top of changes 3 to 10 (the newest 8): complete from change 3's stamp on.
    expect(variant!.lineage).toEqual({
      from: 1030,
      versions: [2, 3, 4, 5, 6, 7, 8, 9].map(at),
    });
  });

  it('a version saved without a lineage (an earlier app) is named as the base, and only from there', () => {
    const { area, open } = world();
    const text = JSON.stringify({
      version: PERSIST_VERSION,
      state: {
        plans: {
          [tutorial.id]: {
            activeId: 'v1',
            variants: [
              {
                id: 'v1',
                name: 'Plan A',
                plan: { slots: [['dark-mode'], []] },
                notes: {},
                stamp: 500,
                tab: 'old',
              },
            ],
          },
        },
      },
    });
    area.put(PERSIST_NAME, text);
    const a = open();
    a.store.getState().moveItem(tutorial, 'test-suite', 0);
    expect(savedVariants(area)[0]!.lineage).toEqual({
      from: 500,
      versions: [{ stamp: 500, tab: 'old' }],
    });
  });
});

describe('a tab that read an out-of-date copy', () => {
  it('the tab whose saved change it replaced is told, once, of its newest lost version', async () => {
    const { area, open, later } = world();
    const a = open();
    const b = open();
    later(100);
    a.store.getState().moveItem(tutorial, 'dark-mode', 0);
    b.view.deliver();
    await flush();
    // A changes the plan twice, saved; B has heard of neither when it changes the plan.
    later(100);
    a.store.getState().moveItem(tutorial, 'dark-mode', 1);
    later(100);
    a.store.getState().renameVariant(tutorial, 'v1', 'Bold');
    later(100);
    b.store.getState().moveItem(tutorial, 'test-suite', 0);
    // Storage now holds B's change, made on top of A's first: A's second and third were
    // replaced unseen. A hears of it.
    expect(savedVariants(area).map((x) => [x.name, x.plan.slots])).toEqual([
      ['Plan A', [['dark-mode', 'test-suite'], []]],
    ]);
    a.view.deliver();
    await flush();
    expect(a.store.getState().plans[tutorial.id]!.variants[0]!.plan.slots).toEqual([
      ['dark-mode', 'test-suite'],
      [],
    ]);
    const notices = a.store.getState().notices.filter((n) => n.kind === 'superseded');
    // One notice: "Bold" was made on top of A's move to Q2, so keeping it keeps both.
    expect(
      notices.map((n) => [n.superseded!.variant.name, n.superseded!.variant.plan.slots]),
    ).toEqual([['Bold', [[], ['dark-mode']]]]);
    // B lost nothing and is told nothing.
    b.view.deliver();
    await flush();
    expect(b.store.getState().notices).toEqual([]);
  });

  it('two lost versions, the second made on top of the first: told once, of the second', async () => {
    const { open, later } = world();
    const a = open();
    const b = open();
    // A and B each change the plan before hearing of the other: B's later change wins.
    later(100);
    a.store.getState().moveItem(tutorial, 'csv-export', 0);
    later(100);
    b.store.getState().moveItem(tutorial, 'csv-export', 1);
    // A saves again (another part), still not having heard of B: its plan goes back in.
    later(100);
    a.store.getState().setPreferences({ backlogSort: 'effort-asc' });
    // B hears of that: A's plan was replaced unseen by B's, and B saves it as superseded.
    b.view.deliver();
    await flush();
    // A renames its plan, B moves another item: neither has heard of the other.
    later(100);
    a.store.getState().renameVariant(tutorial, 'v1', 'Bold');
    later(100);
    b.store.getState().moveItem(tutorial, 'dark-mode', 0);
    a.view.deliver();
    await flush();
    expect(a.store.getState().plans[tutorial.id]!.variants[0]!.plan.slots).toEqual([
      ['dark-mode'],
      ['csv-export'],
    ]);
    // Both of A's versions were lost; "Bold" was made on top of the first and holds it.
    const notices = a.store.getState().notices.filter((n) => n.kind === 'superseded');
    expect(
      notices.map((n) => [n.superseded!.variant.name, n.superseded!.variant.plan.slots]),
    ).toEqual([['Bold', [['csv-export'], []]]]);
  });

  it('a tab whose copy was current is told nothing when its change wins', async () => {
    const { open, later } = world();
    const a = open();
    const b = open();
    later(100);
    a.store.getState().moveItem(tutorial, 'dark-mode', 0);
    b.view.deliver();
    await flush();
    later(100);
    b.store.getState().moveItem(tutorial, 'test-suite', 0);
    a.view.deliver();
    await flush();
    expect(a.store.getState().notices).toEqual([]);
    expect(b.store.getState().notices).toEqual([]);
    expect(a.store.getState().plans[tutorial.id]!.variants[0]!.plan.slots).toEqual([
      ['dark-mode', 'test-suite'],
      [],
    ]);
  });
});
