import { beforeEach, describe, expect, it } from 'vitest';

import { planOf, selectScenario } from '../../src/store';
import { FIXED_NOW, freshStore, saved, shippedScenario, firstNotice } from './helpers';
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

  it('refuses the id of a shipped scenario unless it comes in as a copy', () => {
    const store = freshStore();
    const clash = store.getState().importScenario(customScenario({ id: 'tutorial' }), 'a.json');
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.issues[0]?.path).toBe('id');
    const copy = store
      .getState()
      .importScenario(customScenario({ id: 'tutorial' }), 'a.json', { ifTaken: 'copy' });
    expect(copy).toMatchObject({ ok: true, status: 'copied' });
    if (copy.ok) expect(copy.scenario.id).toBe('tutorial-copy');
  });

  it('never replaces an earlier import silently: names the plans and items affected first', () => {
    const store = freshStore();
    const first = store.getState().importScenario(customScenario(), 'a.json');
    if (!first.ok) throw new Error('import failed');
    const [kept, gone] = first.scenario.items.map((i) => i.id) as [string, string];
    store.getState().moveItem(first.scenario, gone, 0);
    store.getState().setNote(first.scenario, gone, 'why this one');
    store.getState().moveItem(first.scenario, kept, 0);
    const changed = customScenario({ title: 'Remix 2' });
    changed.items = (changed.items as { id: string }[]).filter((i) => i.id !== gone);
    changed.stakeholders = [];
    changed.lessons = [];
    delete changed.par;

    // The same file again changes nothing.
    expect(store.getState().importScenario(customScenario(), 'a.json')).toMatchObject({
      ok: true,
      status: 'unchanged',
    });
    const before = store.getState();
    const asked = store.getState().importScenario(changed, 'b.json');
    expect(asked.ok).toBe(false);
    if (asked.ok) return;
    expect(asked.issues[0]?.message).toMatch(/already in your library.*replace it or keep both/);
    expect(asked.conflict?.impact).toEqual([
      {
        variantName: 'Plan A',
        items: [{ id: gone, title: first.scenario.items[1]!.title }],
        notes: 1,
      },
    ]);
    expect(store.getState().imported).toBe(before.imported);
    expect(store.getState().plans).toBe(before.plans);

    // Keep both: the file comes in under a free id, the plans stay with the first.
    const both = store.getState().importScenario(changed, 'b.json', { ifTaken: 'copy' });
    expect(both).toMatchObject({ ok: true, status: 'copied' });
    expect(store.getState().imported.map((i) => i.scenario.id)).toEqual([
      'clinic-remix',
      'clinic-remix-copy',
    ]);
    expect(planOf(store.getState(), first.scenario).slots[0]).toEqual([gone, kept]);

    // Replace, once the user chose it: the plans lose the item the new version does not have.
    const replaced = store.getState().importScenario(changed, 'b.json', { ifTaken: 'replace' });
    expect(replaced).toMatchObject({ ok: true, status: 'replaced', replaced: true });
    if (!replaced.ok) return;
    expect(planOf(store.getState(), replaced.scenario).slots[0]).toEqual([kept]);
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
    expect(firstNotice(reloaded.getState())?.details[0]).toMatch(
      /remix\.json no longer loads \(items\[0\]\.effort: must be a number/,
    );
    expect(firstNotice(reloaded.getState())?.backupKey).toBe('roadmap-dojo:backup-1');
  });

  it('leaves out a stored import with a shipped scenario’s id, as importScenario refuses it', () => {
    const store = freshStore();
    store.getState().importScenario(customScenario(), 'remix.json');
    const raw = JSON.parse(localStorage.getItem('roadmap-dojo') ?? '{}');
    raw.state.imported[0].scenario.id = big.id;
    localStorage.setItem('roadmap-dojo', JSON.stringify(raw));
    expect(store.getState().importScenario(raw.state.imported[0].scenario, 'x.json')).toMatchObject(
      {
        ok: false,
        issues: [{ path: 'id', message: expect.stringMatching(/shipped with Roadmap Dojo/) }],
      },
    );

    const reloaded = freshStore();
    expect(reloaded.getState().imported).toEqual([]);
    // The shipped scenario is the one under its id, and the original is kept aside.
    expect(selectScenario(reloaded.getState(), big.id)?.title).toBe(big.title);
    const notice = firstNotice(reloaded.getState());
    expect(notice?.details).toEqual([
      `The imported scenario from remix.json was left out: "${big.id}" is the id of a scenario shipped with Roadmap Dojo. Give the imported one another id and import it again.`,
    ]);
    expect(localStorage.getItem(notice?.backupKey ?? '')).toContain('Clinic remix');
  });
});
