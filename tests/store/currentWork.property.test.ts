/**
 * Property tests: bad input never alters the user's current work. Junk scenario files, plan files
 * and share links go through the same functions the library's import, the board's "Import
 * plan…" and the shared-plan page's "Make a copy" run, store calls included; afterwards every
 * plan, variant, note and imported scenario the user had is exactly as before. An input that is
 * valid may only *add* (one new variant, or a new imported scenario); one that is refused changes
 * nothing at all. Besides junk, each property feeds well-formed inputs with arbitrary content
 * (plans, names, notes, carried scenarios), so a good share of the cases reach the store — the
 * tests count them, and fail if too few do.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';

import type { Scenario } from '../../src/engine';
import { makePlanFile } from '../../src/engine/planFile';
import { decodeShare, encodeShare } from '../../src/engine/share';
import { copySharedPlan } from '../../src/features/share/copyShared';
import { importPlanFile } from '../../src/features/share/files';
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

/**
 * Known ids spread over `slots` slots in any order, sometimes with one more id that makes the plan
 * invalid (an unknown id, or one planned twice).
 */
const arrangement = (ids: readonly string[], slots: number) =>
  fc
    .tuple(
      fc.shuffledSubarray([...ids]),
      fc.array(fc.nat({ max: slots - 1 }), { minLength: ids.length, maxLength: ids.length }),
      fc.oneof(
        { arbitrary: fc.constant(null), weight: 4 },
        { arbitrary: fc.constantFrom('ghost', ids[0]!), weight: 1 },
      ),
    )
    .map(([picked, where, extra]) => {
      const out: string[][] = Array.from({ length: slots }, () => []);
      picked.forEach((id, i) => out[where[i]!]!.push(id));
      if (extra !== null) out[slots - 1]!.push(extra);
      return out;
    });

/** Names and notes as a user might type them, some too long to be accepted. */
const someName = fc.string({ maxLength: 90 });
const someNotes = fc.dictionary(
  fc.constantFrom(...bigIds.slice(0, 4), 'ghost'),
  fc.string({ maxLength: 40 }),
  { maxKeys: 3 },
);

/** How many variants a scenario has in a `work` snapshot. */
const variantCount = (w: ReturnType<typeof work>, scenarioId: string) =>
  w.plans[scenarioId]?.variants.length ?? 0;

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
        { name: 'Team Blue', notes: { [bigIds[3]!]: 'cheap win' } },
      );
      // A well-formed plan file for this scenario with any plan, name and notes in it.
      const wellFormed = fc
        .record({
          slots: arrangement(bigIds, big.time.labels.length),
          name: someName,
          notes: someNotes,
        })
        .map(({ slots, name, notes }) =>
          JSON.stringify({ ...valid, name, notes, plan: { slots } }),
        );
      let added = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(junkText(valid), wellFormed), async (text) => {
          const before = store.getState();
          const snapshot = work(before);
          // Exactly what the board's "Import plan…" runs with a picked file.
          const report = await importPlanFile(store.getState, big, {
            name: 'picked.plan.json',
            size: text.length,
            text: () => Promise.resolve(text),
          });
          const after = work(store.getState());
          expectOnlyAdditions(snapshot, after);
          if (report.ok) {
            expect(variantCount(after, big.id)).toBe(variantCount(snapshot, big.id) + 1);
            added += 1;
          } else {
            expect(report.issues.length).toBeGreaterThan(0);
            expect(after).toEqual(snapshot);
          }
          // Start the next case from the same work.
          store.setState({ plans: before.plans, imported: before.imported });
        }),
        { numRuns: RUNS },
      );
      expect(added).toBeGreaterThan(RUNS / 10);
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
      // Well-formed links with any plan and name, for the shipped scenario or carrying one: the same
      // one, one changed under the same id, one under the id of the user's own import, one under a
      // new id — sometimes with one value of the carried scenario replaced by junk.
      const mine = store.getState().imported[0]!.scenario.id;
      const carriedAs = {
        none: big,
        same: big,
        changed: { ...big, title: 'Big customer, their version' },
        mine: { ...big, id: mine },
        new: { ...big, id: 'from-a-colleague' },
      };
      const wellFormed = fc
        .record({
          slots: arrangement(bigIds, big.time.labels.length),
          name: someName,
          carry: fc.constantFrom('none', 'same', 'changed', 'mine', 'new'),
          junk: fc.option(fc.tuple(fc.nat(), fc.jsonValue()), { freq: 4 }),
        })
        .map(({ slots, name, carry, junk }) => {
          const scenario = carriedAs[carry];
          const sent = junk ? (withJunkAt(scenario, junk[0], junk[1]) as Scenario) : scenario;
          return encodeShare({
            scenario: sent,
            plan: { slots },
            name,
            includeScenario: carry !== 'none',
          });
        });
      const link = fc.oneof(
        fc.string({ maxLength: 300 }),
        tampered(token),
        tampered(carried),
        fc.string({ maxLength: 40 }).map((s) => `p1.${s}`),
        wellFormed,
        wellFormed,
      );
      let copied = 0;
      fc.assert(
        fc.property(link, (text) => {
          const before = store.getState();
          const snapshot = work(before);
          // Exactly what the shared-plan page runs: decode the link, and on "Make a copy" (offered
          // only for a link that decoded) add the copy.
          const decoded = decodeShare(text, lookup);
          if (!decoded.ok) expect(decoded.issues.length).toBeGreaterThan(0);
          else {
            const copy = copySharedPlan(() => store.getState(), decoded.shared);
            const after = work(store.getState());
            expectOnlyAdditions(snapshot, after);
            if (copy.ok) {
              // One new variant holding the shared plan (a scenario new to this browser also
              // gets its own first, empty variant).
              const had = variantCount(snapshot, copy.scenario.id);
              if (had > 0) expect(variantCount(after, copy.scenario.id)).toBe(had + 1);
              const made = after.plans[copy.scenario.id]!.variants.find(
                (v) => v.id === copy.variantId,
              );
              expect(made?.plan).toEqual(decoded.shared.plan);
              copied += 1;
            } else {
              expect(copy.issues.length).toBeGreaterThan(0);
              expect(after).toEqual(snapshot);
            }
          }
          // Start the next case from the same work.
          store.setState({ plans: before.plans, imported: before.imported });
        }),
        { numRuns: RUNS },
      );
      expect(copied).toBeGreaterThan(RUNS / 10);
    },
    TIMEOUT,
  );
});
