/**
 * Property tests: bad input never alters the user's current work. Junk scenario files, plan files
 * and share links go through the same functions and store actions the library's import, the
 * board's "Import plan…" and the shared-plan page's "Make a copy" use; afterwards every plan,
 * variant, note and imported scenario the user had is exactly as before. (A junk input that
 * happens to be valid may only *add*: a new variant or a new imported scenario.)
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';

import type { Scenario } from '../../src/engine';
import { makePlanFile } from '../../src/engine/planFile';
import { decodeShare, encodeShare } from '../../src/engine/share';
import { copySharedPlan } from '../../src/features/share/copyShared';
import { readPlanFileFor } from '../../src/features/share/files';
import { createAppStore, type AppState, type CatalogEntry } from '../../src/store';
import { rawScenario, scenarioFiles, shipped } from '../engine/helpers';
import { FIXED_NOW } from './helpers';
import { cases, propertyTimeout } from '../support/depth';

/** Cases per property (10,000 in `npm run test:deep`) and their hang timeout. */
const RUNS = cases(10_000);
const TIMEOUT = propertyTimeout(RUNS, 40);

const shippedScenarios = scenarioFiles().map((file) => shipped(file.replace(/\.json$/, '')));
const catalog: CatalogEntry[] = shippedScenarios.map((scenario) => ({
  ok: true,
  file: `scenarios/${scenario.id}.json`,
  scenario,
}));
const tutorial = shipped('tutorial');
const big = shipped('big-customer');
const bigIds = big.items.filter((i) => !i.injected).map((i) => i.id);

/** A store holding work: two scenarios planned, notes, two variants, an imported scenario. */
function storeWithWork() {
  localStorage.clear();
  const store = createAppStore({ catalog, now: () => FIXED_NOW });
  const s = store.getState();
  s.moveItem(big, bigIds[0]!, 0);
  s.moveItem(big, bigIds[1]!, 1);
  s.setNote(big, bigIds[1]!, 'Northwind asked');
  s.duplicateVariant(big, 'v1', 'Safer');
  s.moveItem(big, bigIds[2]!, 0, 0);
  s.moveItem(tutorial, tutorial.items[0]!.id, 0);
  const copy = s.importScenario(
    JSON.stringify({ ...rawScenario('tutorial'), id: 'my-copy', title: 'My copy' }),
    'copy.json',
  );
  if (!copy.ok) throw new Error('the copy should import');
  return store;
}

/** The user's work as plain JSON, to compare before and after. */
const work = (state: AppState) =>
  JSON.parse(JSON.stringify({ plans: state.plans, imported: state.imported })) as {
    plans: AppState['plans'];
    imported: AppState['imported'];
  };

/** Everything in `before` is still in `after`, unchanged (new variants and imports allowed). */
function expectOnlyAdditions(before: ReturnType<typeof work>, after: ReturnType<typeof work>) {
  for (const [scenarioId, plans] of Object.entries(before.plans)) {
    const now = after.plans[scenarioId];
    expect(now, scenarioId).toBeDefined();
    for (const variant of plans.variants)
      expect(now!.variants.find((v) => v.id === variant.id)).toEqual(variant);
  }
  for (const entry of before.imported)
    expect(after.imported.find((i) => i.scenario.id === entry.scenario.id)).toEqual(entry);
}

/** A JSON value with one leaf replaced by `junk`. */
function withJunkAt(value: unknown, pick: number, junk: unknown): unknown {
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (node !== null && typeof node === 'object')
      for (const [k, v] of Object.entries(node))
        walk(v, [...path, Array.isArray(node) ? Number(k) : k]);
    else paths.push(path);
  };
  walk(value, []);
  const path = paths[pick % paths.length]!;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = junk;
  return copy;
}

/** Text with a few characters replaced at `at`. */
const tampered = (text: string) =>
  fc
    .tuple(fc.nat({ max: text.length - 1 }), fc.string({ minLength: 1, maxLength: 3 }))
    .map(([at, insert]) => text.slice(0, at) + insert + text.slice(at + insert.length));

const junkText = (valid: unknown) => {
  const text = JSON.stringify(valid);
  return fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc
      .tuple(fc.nat(), fc.jsonValue())
      .map(([pick, junk]) => JSON.stringify(withJunkAt(valid, pick, junk))),
    tampered(text),
  );
};

beforeEach(() => localStorage.clear());

describe("bad input never alters the user's current work", () => {
  it(
    `importing a junk scenario file (${RUNS.toLocaleString('en')} cases)`,
    () => {
      const store = storeWithWork();
      const fresh = { ...rawScenario('tutorial'), id: 'fresh-import', title: 'Fresh' };
      fc.assert(
        fc.property(junkText(fresh), (text) => {
          const before = store.getState();
          const snapshot = work(before);
          const result = before.importScenario(text, 'junk.json');
          const after = store.getState();
          expect(after.plans).toBe(before.plans);
          if (!result.ok) {
            expect(after.imported).toBe(before.imported);
            expect(result.issues.length).toBeGreaterThan(0);
          }
          expectOnlyAdditions(snapshot, work(after));
          store.setState({ plans: before.plans, imported: before.imported });
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `importing a junk plan file on the board (${RUNS.toLocaleString('en')} cases)`,
    async () => {
      const store = storeWithWork();
      const valid = makePlanFile(
        big,
        { slots: big.time.labels.map((_, i) => (i === 0 ? [bigIds[3]!] : [])) },
        {
          name: 'Team Blue',
          notes: { [bigIds[3]!]: 'cheap win' },
        },
      );
      await fc.assert(
        fc.asyncProperty(junkText(valid), async (text) => {
          const before = store.getState();
          const snapshot = work(before);
          // What the board's "Import plan…" does with a picked file.
          const read = await readPlanFileFor(big, {
            size: text.length,
            text: () => Promise.resolve(text),
          });
          if (read.ok)
            before.addVariant(big, { name: read.name, plan: read.plan, notes: read.notes });
          const after = store.getState();
          if (!read.ok) {
            expect(after.plans).toBe(before.plans);
            expect(read.issues.length).toBeGreaterThan(0);
          }
          expectOnlyAdditions(snapshot, work(after));
          // Start the next case from the same work (a valid input may have added a variant).
          store.setState({ plans: before.plans, imported: before.imported });
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `opening a junk share link and making a copy (${RUNS.toLocaleString('en')} cases)`,
    () => {
      const store = storeWithWork();
      const lookup = (id: string): Scenario | undefined =>
        shippedScenarios.find((s) => s.id === id) ??
        store.getState().imported.find((i) => i.scenario.id === id)?.scenario;
      const plan = { slots: big.time.labels.map((_, i) => (i === 1 ? [bigIds[4]!] : [])) };
      const token = encodeShare({ scenario: big, plan, name: 'Shared' });
      const carried = encodeShare({ scenario: big, plan, name: 'Carried', includeScenario: true });
      const link = fc.oneof(
        fc.string({ maxLength: 300 }),
        tampered(token),
        tampered(carried),
        fc.string({ maxLength: 40 }).map((s) => `p1.${s}`),
      );
      fc.assert(
        fc.property(link, (text) => {
          const before = store.getState();
          const snapshot = work(before);
          const decoded = decodeShare(text, lookup);
          if (decoded.ok) {
            const copied = copySharedPlan(() => store.getState(), decoded.shared);
            if (!copied.ok) expect(copied.issues.length).toBeGreaterThan(0);
          } else expect(decoded.issues.length).toBeGreaterThan(0);
          const after = store.getState();
          if (!decoded.ok) {
            expect(after.plans).toBe(before.plans);
            expect(after.imported).toBe(before.imported);
          }
          expectOnlyAdditions(snapshot, work(after));
          // Start the next case from the same work (a valid input may have added a variant).
          store.setState({ plans: before.plans, imported: before.imported });
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
