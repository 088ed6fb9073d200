/**
 * The worlds played quarter by quarter alone travel with the learner's files: "Export everything"
 * holds them, importing a backup file merges them with those remembered here (one per world and
 * plan, the newest 20), a file that cannot be read changes nothing, and restoring set-aside data
 * brings them back too.
 */
import { beforeEach, describe, expect, it } from 'vitest';

import {
  BACKUP_FILE_FORMAT,
  MAX_WORLDS,
  PERSIST_VERSION,
  mergeWorlds,
  readBackupFile,
  type WorldPlayed,
} from '../../src/store';
import { FIXED_NOW, freshStore, saved, shippedScenario } from './helpers';

const tutorial = shippedScenario('tutorial');
const big = shippedScenario('big-customer');

beforeEach(() => localStorage.clear());

const PLAN_A = JSON.stringify([['patch-login'], []]);
const PLAN_B = JSON.stringify([[], ['patch-login']]);

/** A world as a file holds it, played on January `day` of 2026 unless given. */
function world(seed: number, score: number, day: number, plan = PLAN_A): WorldPlayed {
  const date = new Date(Date.UTC(2026, 0, day, 10));
  return { seed, plan, score, parScore: 93.2, playedAt: date.toISOString() };
}

/** A version-1 backup file's text, as an older app wrote it, with `extra` fields added. */
function backupText(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: BACKUP_FILE_FORMAT,
    version: 1,
    exportedAt: FIXED_NOW,
    createdWith: 'Roadmap Dojo (saved-data format 5)',
    plans: {},
    imported: [],
    ...extra,
  });
}

/** A store whose clock reads each recorded world's own time. */
function storeWith(scenarioId: string, worlds: readonly WorldPlayed[]) {
  let now = FIXED_NOW;
  const store = freshStore({ now: () => now });
  for (const { playedAt, ...rest } of worlds) {
    now = playedAt;
    store.getState().recordWorld(scenarioId, rest);
  }
  now = FIXED_NOW;
  return store;
}

const seeds = (list: readonly WorldPlayed[] | undefined) =>
  (list ?? []).map((w) => [w.seed, w.score]);

describe('backup file: worlds played alone', () => {
  it('Export everything holds them; importing it in another browser brings them back', async () => {
    const here = storeWith(tutorial.id, [world(5, 88, 1), world(6, 90.5, 2)]);
    const text = here.getState().exportEverything();
    expect(JSON.parse(text).worlds).toEqual({
      [tutorial.id]: [world(5, 88, 1), world(6, 90.5, 2)],
    });

    localStorage.clear();
    const there = freshStore();
    const result = await there.getState().importEverything(text);

    expect(result).toEqual({
      ok: true,
      summary: [
        'Added 0 variants and 0 imported scenarios.',
        'Added 2 worlds played quarter by quarter.',
      ],
    });
    expect(there.getState().workshop.worlds[tutorial.id]).toEqual([
      world(5, 88, 1),
      world(6, 90.5, 2),
    ]);
    // Saved with the rest: a reload has them.
    expect(seeds(freshStore().getState().workshop.worlds[tutorial.id])).toEqual([
      [5, 88],
      [6, 90.5],
    ]);
  });

  it('merges them with those remembered here: one per world and plan, the newest 20', async () => {
    const store = storeWith(tutorial.id, [world(1, 80, 10), world(2, 81, 11), world(3, 82, 12)]);
    const old = Array.from({ length: MAX_WORLDS }, (_, i) => world(100 + i, i, 1));
    const text = backupText({
      worlds: {
        [tutorial.id]: [
          // Graded again later, elsewhere: replaces the record here.
          world(2, 99, 20),
          // Graded earlier, elsewhere: the record here stays.
          world(3, 10, 5),
          // The same dice with another plan: another world.
          world(1, 70, 13, PLAN_B),
          ...old,
        ],
        [big.id]: [world(7, 60, 2)],
      },
    });

    const result = await store.getState().importEverything(text);

    // 4 here and new + 20 old, all on January 1st: the 4 first of those go.
    expect(seeds(store.getState().workshop.worlds[tutorial.id])).toEqual([
      ...old.slice(4).map((w) => [w.seed, w.score]),
      [1, 80],
      [3, 82],
      [1, 70],
      [2, 99],
    ]);
    expect(store.getState().workshop.worlds[big.id]).toEqual([world(7, 60, 2)]);
    expect(result.ok && result.summary).toEqual([
      'Added 0 variants and 0 imported scenarios.',
      'Added 19 worlds played quarter by quarter.',
    ]);

    // The same file again adds nothing, and changes nothing.
    const before = store.getState().workshop;
    const again = await store.getState().importEverything(text);
    expect(again).toEqual({ ok: true, summary: ['Added 0 variants and 0 imported scenarios.'] });
    expect(store.getState().workshop).toBe(before);
  });

  it('reads a version-1 file written before worlds were in it', async () => {
    const store = storeWith(tutorial.id, [world(1, 80, 10)]);
    const before = store.getState().workshop.worlds;
    const text = backupText({
      plans: {
        [tutorial.id]: {
          variants: [{ id: 'v1', name: 'Kept', plan: { slots: [['patch-login']] }, notes: {} }],
        },
      },
    });

    const read = readBackupFile(text);
    expect(read.ok && read.file.worlds).toBeUndefined();
    const result = await store.getState().importEverything(text);

    expect(result).toEqual({ ok: true, summary: ['Added 1 variant and 0 imported scenarios.'] });
    expect(store.getState().workshop.worlds).toBe(before);
  });

  const good = world(1, 80, 1);
  const t = tutorial.id;
  const long = 's'.repeat(201);
  it.each([
    ['not an object', [], 'worlds', 'must be an object'],
    ['worlds not a list', { [t]: 'many' }, `worlds.${t}`, 'must be a list, not string "many"'],
    [
      'a seed below 1',
      { [t]: [{ ...good, seed: 0 }] },
      `worlds.${t}[0].seed`,
      'must be at least 1',
    ],
    [
      'a seed not whole',
      { [t]: [good, { ...good, seed: 1.5 }] },
      `worlds.${t}[1].seed`,
      'must be a whole number, not number 1.5',
    ],
    [
      'a score as text',
      { [t]: [{ ...good, score: '80' }] },
      `worlds.${t}[0].score`,
      'must be a number, not string "80"',
    ],
    [
      'no par score',
      { [t]: [{ ...good, parScore: undefined }] },
      `worlds.${t}[0].parScore`,
      'is required',
    ],
    [
      'a plan too long',
      { [t]: [{ ...good, plan: 'x'.repeat(100_001) }] },
      `worlds.${t}[0].plan`,
      'must be at most 100000 characters',
    ],
    [
      'a time too long',
      { [t]: [{ ...good, playedAt: 'x'.repeat(65) }] },
      `worlds.${t}[0].playedAt`,
      'must be at most 64 characters',
    ],
    [
      'a scenario id too long',
      { [long]: [good] },
      `worlds.${long}`,
      'must be at most 200 characters (a key)',
    ],
  ])(
    'refuses a file with %s, naming the field, and changes nothing',
    async (_, worlds, path, message) => {
      const store = storeWith(tutorial.id, [world(1, 80, 10)]);
      const before = store.getState();
      const savedBefore = localStorage.getItem('roadmap-dojo');
      // The file's plans are fine: the whole file is refused all the same.
      const text = backupText({
        worlds,
        plans: {
          [tutorial.id]: {
            variants: [{ id: 'v9', name: 'New', plan: { slots: [['patch-login']] }, notes: {} }],
          },
        },
      });

      const result = await store.getState().importEverything(text);

      expect(result).toEqual({ ok: false, issues: [{ path, message }] });
      expect(store.getState().workshop).toBe(before.workshop);
      expect(store.getState().plans).toBe(before.plans);
      expect(localStorage.getItem('roadmap-dojo')).toBe(savedBefore);
    },
  );

  it('keeps scenario ids such as "__proto__" as data', async () => {
    const store = freshStore();
    const text = `{"format":"${BACKUP_FILE_FORMAT}","version":1,"worlds":{"__proto__":[${JSON.stringify(good)}],"constructor":[${JSON.stringify(good)}]}}`;
    const result = await store.getState().importEverything(text);
    expect(result.ok).toBe(true);
    const { worlds } = store.getState().workshop;
    expect(Object.getPrototypeOf(worlds)).toBeNull();
    expect(Object.keys(worlds).sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as { seed?: unknown }).seed).toBeUndefined();
  });

  it('gives the worlds of a scenario that comes in as a copy to the copy', async () => {
    const acme = { ...tutorial, id: 'acme', title: 'Acme' };
    const store = freshStore();
    // A different "acme" is already here: the file's comes in as "acme-restored".
    expect(store.getState().importScenario({ ...acme, title: 'Other Acme' }, 'a.json').ok).toBe(
      true,
    );
    const text = backupText({
      imported: [{ scenario: acme, fileName: 'acme.json', importedAt: FIXED_NOW }],
      worlds: { acme: [world(3, 75, 4)] },
    });

    const result = await store.getState().importEverything(text);

    expect(result.ok).toBe(true);
    expect(store.getState().workshop.worlds['acme-restored']).toEqual([world(3, 75, 4)]);
    expect(store.getState().workshop.worlds.acme).toBeUndefined();
  });
});

describe('set-aside data: worlds played alone', () => {
  /** Puts saved state (as the app wrote it) under a backup key, changed by `change`. */
  function setAside(change: (raw: ReturnType<typeof saved>) => void = () => {}) {
    storeWith(tutorial.id, [world(5, 88, 1), world(6, 90, 2)]);
    const raw = saved();
    change(raw);
    localStorage.clear();
    localStorage.setItem('roadmap-dojo:backup-1', JSON.stringify(raw));
    return freshStore();
  }

  it('come back when a copy is restored', async () => {
    const store = setAside();
    const result = await store.getState().restoreBackup('roadmap-dojo:backup-1');
    expect(result.ok && result.summary).toContain('Added 2 worlds played quarter by quarter.');
    expect(seeds(store.getState().workshop.worlds[tutorial.id])).toEqual([
      [5, 88],
      [6, 90],
    ]);
  });

  it('come back from a damaged copy, each that cannot be read named', async () => {
    const store = setAside((raw) => {
      raw.version = String(PERSIST_VERSION) as unknown as number;
      const workshop = raw.state.workshop as { worlds: Record<string, unknown[]> };
      workshop.worlds[tutorial.id]!.push({ ...world(7, 1, 3), seed: 'seven' });
    });
    const result = await store.getState().restoreBackup('roadmap-dojo:backup-1');
    expect(result.ok && result.summary).toEqual([
      'Added 0 variants and 0 imported scenarios.',
      'The copy was damaged; what could be read was added.',
      'Added 2 worlds played quarter by quarter.',
      expect.stringMatching(/^Not added: state\.workshop\.worlds\.tutorial\[2\]\.seed: /),
    ]);
    expect(seeds(store.getState().workshop.worlds[tutorial.id])).toEqual([
      [5, 88],
      [6, 90],
    ]);
  });
});

describe('mergeWorlds', () => {
  it('returns the list here itself when nothing is added', () => {
    const here = [world(1, 80, 3), world(2, 81, 4)];
    expect(mergeWorlds(here, [])).toBe(here);
    expect(mergeWorlds(here, [world(1, 80, 3), world(2, 50, 1)])).toBe(here);
  });

  it('orders by when they were played; a time that cannot be read counts as oldest', () => {
    const odd = { ...world(9, 1, 1), playedAt: 'yesterday' };
    expect(mergeWorlds([world(1, 80, 3)], [world(2, 81, 2), odd]).map((w) => w.seed)).toEqual([
      9, 2, 1,
    ]);
  });
});
