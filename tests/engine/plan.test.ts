import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backlogIds,
  emptyPlan,
  findItem,
  fitPlan,
  placeItem,
  plannedIds,
  removeItem,
  reorderItem,
  validatePlan,
} from '../../src/engine/index.ts';
import { checkPlanFile, makePlanFile, readPlanFile } from '../../src/engine/planFile.ts';
import { shipped } from './helpers.ts';
import { cases, propertyTimeout } from '../support/depth.ts';

/** The fuzzers' cases (10,000 in `npm run test:deep`) and their hang timeout. */
const FUZZ = cases(10_000);
const TIMEOUT = propertyTimeout(FUZZ, 10);

const s = shipped('tutorial');

describe('plan operations', () => {
  it('places, moves, reorders and removes without mutating the input', () => {
    const p0 = emptyPlan(s);
    const p1 = placeItem(p0, 'csv-export', 1);
    const p2 = placeItem(p1, 'patch-login', 1, 0);
    expect(p0.slots).toEqual([[], []]);
    expect(p2.slots).toEqual([[], ['patch-login', 'csv-export']]);
    const p3 = placeItem(p2, 'csv-export', 0);
    expect(p3.slots).toEqual([['csv-export'], ['patch-login']]);
    expect(reorderItem(placeItem(p3, 'dark-mode', 0), 0, 1, 0).slots[0]).toEqual([
      'dark-mode',
      'csv-export',
    ]);
    expect(findItem(p3, 'patch-login')).toEqual({ slot: 1, index: 0 });
    expect(removeItem(p3, 'csv-export').slots).toEqual([[], ['patch-login']]);
    expect(backlogIds(s, p3)).toEqual([
      'dark-mode',
      'team-calendars',
      'test-suite',
      'read-replica',
    ]);
  });

  it('ignores a move to a slot that does not exist', () => {
    const p = placeItem(emptyPlan(s), 'csv-export', 0);
    expect(placeItem(p, 'csv-export', 5)).toBe(p);
  });

  it('keeps every item at most once under any sequence of operations', () => {
    const ids = s.items.map((i) => i.id);
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('place' as const),
        id: fc.constantFrom(...ids),
        slot: fc.integer({ min: -1, max: 3 }),
        index: fc.integer({ min: 0, max: 6 }),
      }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom(...ids) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let p = emptyPlan(s);
        for (const o of ops)
          p = o.kind === 'place' ? placeItem(p, o.id, o.slot, o.index) : removeItem(p, o.id);
        const planned = plannedIds(p);
        expect(new Set(planned).size).toBe(planned.length);
        expect(p.slots).toHaveLength(2);
        expect(planned.length + backlogIds(s, p).length).toBe(ids.length);
      }),
      { numRuns: 500 },
    );
  });

  it('fits a stored plan to the scenario, dropping unknown and repeated ids', () => {
    const { plan, dropped } = fitPlan(s, {
      slots: [['csv-export', 'ghost'], ['csv-export'], ['dark-mode']],
    });
    expect(plan.slots).toEqual([['csv-export'], []]);
    expect(dropped).toEqual(['ghost', 'csv-export', 'dark-mode']);
  });

  it('validates an untrusted plan with issues naming the place', () => {
    const result = validatePlan(s, { slots: [['csv-export'], ['ghost', 'csv-export']] });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toEqual([
        { path: 'slots[1][0]', message: 'unknown item "ghost"' },
        { path: 'slots[1][1]', message: '"csv-export" is planned twice' },
      ]);
  });
});

describe('plan files', () => {
  it('round-trips a plan with notes, dropping empty notes', () => {
    const plan = placeItem(emptyPlan(s), 'patch-login', 0);
    const file = makePlanFile(s, plan, {
      name: 'Security first',
      notes: { 'patch-login': 'public exploit', 'dark-mode': '  ' },
    });
    const read = readPlanFile(JSON.stringify(file));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.file.notes).toEqual({ 'patch-login': 'public exploit' });
    const checked = checkPlanFile(s, read.file);
    expect(checked.ok && checked.plan).toEqual(plan);
  });

  it('names the plan "Plan" unless given a name, and carries a team and the app version when given', () => {
    const plain = makePlanFile(s, emptyPlan(s));
    expect(plain.name).toBe('Plan');
    expect(Object.keys(plain).sort()).toEqual([
      'format',
      'name',
      'notes',
      'plan',
      'scenarioId',
      'version',
    ]);
    const full = makePlanFile(s, emptyPlan(s), { name: 'B', team: 'Blue', createdWith: '1.2.0' });
    expect(full).toMatchObject({ name: 'B', team: 'Blue', createdWith: '1.2.0' });
    const read = readPlanFile(JSON.stringify(full));
    expect(read.ok && read.file).toEqual(full);
  });

  it('reads a bare plan ({ "slots": … }) as a plan file for any scenario', () => {
    const slots = s.time.labels.map((_, i) => (i === 0 ? ['patch-login'] : []));
    const read = readPlanFile(JSON.stringify({ slots }));
    expect(read.ok && read.file).toEqual({
      format: 'roadmap-dojo/plan',
      version: 1,
      scenarioId: '',
      name: 'Plan',
      plan: { slots },
      notes: {},
    });
    // No scenario id: any scenario takes it, and its items are still checked.
    if (read.ok) expect(checkPlanFile(s, read.file)).toEqual({ ok: true, plan: { slots } });
    const bad = readPlanFile({ slots: 'Q1' });
    expect(!bad.ok && bad.issues[0]!.path).toBe('slots');
  });

  it('says what is wrong with a file that is not a plan file, naming the field', () => {
    for (const value of [null, 42, true, '"text"', [], [{ slots: [] }]]) {
      expect(readPlanFile(value)).toEqual({
        ok: false,
        issues: [{ path: '(file)', message: 'must be a JSON object (a plan file)' }],
      });
    }
    const file = makePlanFile(s, emptyPlan(s));
    expect(readPlanFile({ ...file, format: 'roadmap-dojo/scenario' })).toEqual({
      ok: false,
      issues: [{ path: 'format', message: 'must be "roadmap-dojo/plan" (is this a plan file?)' }],
    });
    // A plan file with slots is still a plan file once it names a format.
    const named = readPlanFile({ format: 'other', slots: [] });
    expect(!named.ok && named.issues[0]!.path).toBe('format');
    expect(readPlanFile({ ...file, version: 2 })).toEqual({
      ok: false,
      issues: [
        {
          path: 'version',
          message: 'is 2, newer than this app understands (1); update Roadmap Dojo to open it',
        },
      ],
    });
    // The current version, and a version the schema refuses, are not "newer".
    expect(readPlanFile({ ...file, version: 1 }).ok).toBe(true);
    const zero = readPlanFile({ ...file, version: 0 });
    expect(!zero.ok && zero.issues[0]!.path).toBe('version');
    const noName = readPlanFile({ ...file, name: 'x'.repeat(81) });
    expect(!noName.ok && noName.issues[0]!.path).toBe('name');
  });

  it('takes a plan file with no scenario id for any scenario, and checks its items', () => {
    const file = { ...makePlanFile(s, emptyPlan(s)), scenarioId: '' };
    expect(checkPlanFile(s, file).ok).toBe(true);
    const slots = s.time.labels.map((_, i) => (i === 0 ? ['ghost'] : []));
    const ghost = checkPlanFile(s, { ...file, plan: { slots } });
    expect(!ghost.ok && ghost.issues[0]).toEqual({
      path: 'plan.slots[0][0]',
      message: 'unknown item "ghost"',
    });
  });

  it(
    'rejects a plan file for another scenario, a future version and junk',
    () => {
      const file = makePlanFile({ id: 'big-customer' }, emptyPlan(s));
      const checked = checkPlanFile(s, file);
      expect(!checked.ok && checked.issues[0]).toEqual({
        path: 'scenarioId',
        message: 'is "big-customer" but the scenario is "tutorial"',
      });
      const future = readPlanFile({ ...file, version: 9 });
      expect(!future.ok && future.issues[0]!.path).toBe('version');
      fc.assert(
        fc.property(fc.jsonValue(), (v) => {
          const result = readPlanFile(v);
          if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
        }),
        { numRuns: FUZZ },
      );
      fc.assert(
        fc.property(fc.string(), (v) => {
          expect(readPlanFile(v).ok).toBe(false);
        }),
        { numRuns: FUZZ },
      );
    },
    TIMEOUT,
  );
});
