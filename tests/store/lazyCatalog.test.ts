import { beforeEach, describe, expect, it } from 'vitest';

import type { CatalogEntry } from '../../src/app/catalog';
import { PERSIST_VERSION, planOf, selectScenario, summarizeCatalog } from '../../src/store';
import { shippedCatalog } from '../support/shippedCatalog';
import { FIXED_NOW, freshStore, saved, shippedScenario, firstNotice } from './helpers';

beforeEach(() => localStorage.clear());

/** A store whose shipped scenarios arrive only when `release` is called. */
function lazyStore(entries: readonly CatalogEntry[] = shippedCatalog) {
  let loads = 0;
  let release: () => void = () => {};
  const store = freshStore({
    catalog: {
      index: summarizeCatalog(entries),
      load: () => {
        loads += 1;
        return new Promise((resolve) => {
          release = () => resolve(entries);
        });
      },
    },
  });
  return { store, loads: () => loads, release: () => release() };
}

describe('a catalog that loads after start-up', () => {
  it('lists the index at once and loads the scenarios once, however many screens ask', async () => {
    const { store, loads, release } = lazyStore();

    expect(store.getState().catalogReady).toBe(false);
    expect(store.getState().catalogIndex.map((e) => e.ok && e.summary.id)).toEqual(
      shippedCatalog.map((e) => e.ok && e.scenario.id),
    );
    expect(selectScenario(store.getState(), 'tutorial')).toBeNull();

    const first = store.getState().ensureCatalog();
    const second = store.getState().ensureCatalog();
    release();
    await Promise.all([first, second]);

    expect(loads()).toBe(1);
    expect(store.getState().catalogReady).toBe(true);
    expect(selectScenario(store.getState(), 'tutorial')?.title).toBe(
      shippedScenario('tutorial').title,
    );
  });

  it('keeps saved plans untouched until their scenario arrives, then takes off items it no longer has', async () => {
    const tutorial = shippedScenario('tutorial');
    const [a, b] = tutorial.items.filter((i) => !i.injected).map((i) => i.id);
    localStorage.setItem(
      'roadmap-dojo',
      JSON.stringify({
        version: PERSIST_VERSION,
        state: {
          plans: {
            tutorial: {
              activeId: 'v1',
              variants: [
                { id: 'v1', name: 'Plan A', plan: { slots: [[a, 'gone-item'], [b]] }, notes: {} },
              ],
            },
          },
        },
      }),
    );
    const { store, release } = lazyStore();

    // Before the scenario is loaded nothing is dropped, and nothing is reported.
    expect(store.getState().plans.tutorial?.variants[0]?.plan.slots[0]).toEqual([a, 'gone-item']);
    expect(firstNotice(store.getState())).toBeNull();

    const loaded = store.getState().ensureCatalog();
    release();
    await loaded;

    expect(planOf(store.getState(), tutorial).slots.slice(0, 2)).toEqual([[a], [b]]);
    const notice = firstNotice(store.getState());
    expect(notice?.message).toMatch(/no longer matched its scenario/);
    expect(notice?.details.join(' ')).toMatch(/gone-item/);
    // The original is kept aside, and the fitted plan is what is saved now.
    expect(localStorage.getItem(notice!.backupKey!)).toContain('gone-item');
    expect(JSON.stringify(saved().state.plans)).not.toContain('gone-item');
  });

  it('refuses to import a scenario under a shipped id before the catalog has loaded', () => {
    const { store } = lazyStore();
    const result = store
      .getState()
      .importScenario(
        JSON.stringify({ ...structuredClone(shippedScenario('tutorial')) }),
        'x.json',
      );

    expect(result.ok).toBe(false);
    expect(store.getState().imported).toEqual([]);
  });

  it('rejects when loading fails, and a later attempt tries again', async () => {
    let attempts = 0;
    const store = freshStore({
      now: () => FIXED_NOW,
      catalog: {
        index: summarizeCatalog(shippedCatalog),
        load: () => {
          attempts += 1;
          return attempts === 1
            ? Promise.reject(new Error('Could not load scenarios/tutorial.json (HTTP 404).'))
            : Promise.resolve(shippedCatalog);
        },
      },
    });

    await expect(store.getState().ensureCatalog()).rejects.toThrow(/tutorial\.json/);
    expect(store.getState().catalogReady).toBe(false);
    await store.getState().ensureCatalog();
    expect(attempts).toBe(2);
    expect(store.getState().catalogReady).toBe(true);
  });
});
