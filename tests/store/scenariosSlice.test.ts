import { beforeEach, describe, expect, it } from 'vitest';

import { planOf, selectScenario } from '../../src/store';
import { FIXED_NOW, freshStore, saved, shippedScenario } from './helpers';
import tutorialJson from '../../scenarios/tutorial.json';

const big = shippedScenario('big-customer');
const B = big.items[1]!.id;

beforeEach(() => localStorage.clear());

/** The tutorial scenario file under another id, as a facilitator might share it. */
function customScenario(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...structuredClone(tutorialJson),
    id: 'clinic-remix',
    title: 'Clinic remix',
    ...changes,
  };
}

describe('scenarios: import', () => {
  it('adds a valid scenario file to the library and saves it', () => {
    const store = freshStore();
    const result = store.getState().importScenario(JSON.stringify(customScenario()), 'remix.json');

    expect(result).toMatchObject({ ok: true, replaced: false });
    expect(selectScenario(store.getState(), 'clinic-remix')?.title).toBe('Clinic remix');
    expect(store.getState().imported[0]).toMatchObject({
      fileName: 'remix.json',
      importedAt: FIXED_NOW,
    });
    expect(
      freshStore()
        .getState()
        .imported.map((i) => i.scenario.id),
    ).toEqual(['clinic-remix']);
    expect((saved().state.imported as unknown[]).length).toBe(1);
  });

  it('names each field at fault and changes nothing when the file is broken', () => {
    const store = freshStore();
    store.getState().moveItem(big, B, 1);
    const before = store.getState();
    const broken = customScenario();
    (broken.items as { effort: number }[])[3]!.effort = -2;
    const result = store.getState().importScenario(JSON.stringify(broken), 'broken.json');

    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'items[3].effort', message: 'must be a positive number' }],
    });
    expect(store.getState().imported).toBe(before.imported);
    expect(planOf(store.getState(), big)).toBe(planOf(before, big));
  });

  it('reports text that is not JSON at all', () => {
    const result = freshStore().getState().importScenario('{ nope', 'nope.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toMatch(/^is not valid JSON/);
  });

  it('refuses the id of a shipped scenario, and replaces an earlier import of the same id', () => {
    const store = freshStore();
    const clash = store.getState().importScenario(customScenario({ id: 'tutorial' }), 'a.json');
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.issues[0]?.path).toBe('id');

    store.getState().importScenario(customScenario(), 'a.json');
    const again = store.getState().importScenario(customScenario({ title: 'Remix 2' }), 'b.json');
    expect(again).toMatchObject({ ok: true, replaced: true });
    expect(store.getState().imported.map((i) => i.scenario.title)).toEqual(['Remix 2']);
  });

  it('removes an imported scenario but keeps its plans for a later re-import', () => {
    const store = freshStore();
    const result = store.getState().importScenario(customScenario(), 'a.json');
    if (!result.ok) throw new Error('import failed');
    const first = result.scenario.items[0]!.id;
    store.getState().moveItem(result.scenario, first, 0);
    store.getState().removeImportedScenario('clinic-remix');

    expect(selectScenario(store.getState(), 'clinic-remix')).toBeNull();
    const back = store.getState().importScenario(customScenario(), 'a.json');
    if (!back.ok) throw new Error('re-import failed');
    expect(planOf(store.getState(), back.scenario).slots[0]).toEqual([first]);
  });

  it('drops a stored import that no longer validates, and says so', () => {
    const store = freshStore();
    store.getState().importScenario(customScenario(), 'remix.json');
    const raw = JSON.parse(localStorage.getItem('roadmap-dojo') ?? '{}');
    raw.state.imported[0].scenario.items[0].effort = 'lots';
    localStorage.setItem('roadmap-dojo', JSON.stringify(raw));

    const reloaded = freshStore();
    expect(reloaded.getState().imported).toEqual([]);
    expect(reloaded.getState().storageNotice?.details[0]).toMatch(
      /remix\.json no longer loads \(items\[0\]\.effort: must be a number/,
    );
    expect(reloaded.getState().storageNotice?.backupKey).toBe('roadmap-dojo:backup-1');
  });
});
