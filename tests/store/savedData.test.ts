import { beforeEach, describe, expect, it } from 'vitest';

import { PERSIST_VERSION, activeVariantOf, planOf, scenarioPlansOf } from '../../src/store';
import { firstNotice, freshStore, shippedScenario } from './helpers';

const tutorial = shippedScenario('tutorial');
const [X, Y] = tutorial.items.filter((i) => !i.injected).map((i) => i.id) as [string, string];
const slots = (...given: string[][]) => tutorial.time.labels.map((_, i) => given[i] ?? []);

beforeEach(() => localStorage.clear());

interface SavedText {
  state: { plans: Record<string, { variants: unknown[] | string }> };
  version: unknown;
}

/** Saves a plan of the tutorial, then damages the saved text and starts a new store on it. */
function setAsideDamaged(damage: (saved: SavedText) => void) {
  const first = freshStore();
  first.getState().moveItem(tutorial, X, 1);
  first.getState().renameVariant(tutorial, 'v1', 'Before the crash');
  const saved = JSON.parse(localStorage.getItem('roadmap-dojo')!) as SavedText;
  damage(saved);
  localStorage.setItem('roadmap-dojo', JSON.stringify(saved));
  const store = freshStore();
  expect(firstNotice(store.getState())?.backupKey).toBe('roadmap-dojo:backup-1');
  return store;
}

describe('saved data: restoring set-aside data', () => {
  it('brings back the plans of a copy whose format version is damaged, as the open plan', async () => {
    const store = setAsideDamaged((saved) => {
      saved.version = String(PERSIST_VERSION);
    });
    expect(planOf(store.getState(), tutorial).slots.flat()).toEqual([]);

    const result = await store.getState().restoreBackup('roadmap-dojo:backup-1');

    expect(result).toEqual({
      ok: true,
      summary: [
        'Added 1 variant and 0 imported scenarios.',
        `The copy was damaged (the saved format version is "${PERSIST_VERSION}" (string), where a whole number from 1 to ${PERSIST_VERSION} is expected); what could be read was added.`,
      ],
    });
    // Nothing of the learner's was there (only the untouched first plan): the restored plan takes
    // its place, under its own name, and is the one the board opens.
    const plans = scenarioPlansOf(store.getState(), tutorial);
    expect(plans.variants.map((v) => v.name)).toEqual(['Before the crash']);
    expect(activeVariantOf(store.getState(), tutorial).plan.slots).toEqual(slots([], [X]));
    // And it is saved: a new store (a reload) has it.
    expect(planOf(freshStore().getState(), tutorial).slots).toEqual(slots([], [X]));
  });

  it('adds restored plans next to the learner’s own, which stays open', async () => {
    const store = setAsideDamaged((saved) => {
      saved.version = 'five';
    });
    store.getState().moveItem(tutorial, Y, 0);

    const result = await store.getState().restoreBackup('roadmap-dojo:backup-1');

    expect(result.ok).toBe(true);
    const plans = scenarioPlansOf(store.getState(), tutorial);
    expect(plans.variants.map((v) => [v.name, v.plan.slots])).toEqual([
      ['Plan A', slots([Y])],
      ['Before the crash', slots([], [X])],
    ]);
    expect(activeVariantOf(store.getState(), tutorial).name).toBe('Plan A');
  });

  it('brings back what can be read of a damaged copy and names what cannot', async () => {
    const store = setAsideDamaged((saved) => {
      const variants = saved.state.plans.tutorial!.variants as object[];
      const good = variants[0]!;
      variants.push({ ...good, id: 'v2', name: 'Broken', plan: 'lost' });
      variants.push({ ...good, id: 'v3', name: 'Second' });
      saved.state.plans['big-customer'] = { variants: 'nothing here' };
    });

    const result = await store.getState().restoreBackup('roadmap-dojo:backup-1');

    expect(result.ok && result.summary).toEqual([
      'Added 2 variants and 0 imported scenarios.',
      'The copy was damaged; what could be read was added.',
      'Not added: state.plans.tutorial.variants[1].plan: must be an object, not string "lost"',
      'Not added: state.plans.big-customer.variants: cannot be read as a list of variants',
    ]);
    expect(scenarioPlansOf(store.getState(), tutorial).variants.map((v) => v.name)).toEqual([
      'Before the crash',
      'Second',
    ]);
  });

  it('refuses a copy with nothing it can use, and changes nothing', async () => {
    localStorage.setItem('roadmap-dojo', '{"state": {"plans": {"tutorial": 3}}, "version": "x"}');
    const store = freshStore();
    store.getState().moveItem(tutorial, Y, 0);
    const before = store.getState().plans;

    const result = await store.getState().restoreBackup('roadmap-dojo:backup-1');

    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'roadmap-dojo:backup-1',
          message: expect.stringMatching(
            /^cannot be read as saved plans .*download it to keep it$/,
          ),
        },
      ],
    });
    expect(store.getState().plans).toBe(before);
  });
});
