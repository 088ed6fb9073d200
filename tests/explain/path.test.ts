/**
 * The path of moves toward par: every step is checkable (its plan rescored with `simulate` gives
 * its score), each is the best single edit from where the last left off, the gains add up, the
 * stop rules hold, and the words name the slot and the position.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../../src/engine/compile.ts';
import { simulate, type Plan } from '../../src/engine/index.ts';
import { bakedPar } from '../../src/engine/par.ts';
import { strategyPlans } from '../../src/engine/strategies.ts';
import { applyEdit, describeEdit, editsOf, pathToPar } from '../../src/explain/path.ts';
import { scenarioFiles, shipped } from '../engine/helpers.ts';

const tutorial = shipped('tutorial');
const c = compile(tutorial);
const title = (id: string) => tutorial.items.find((i) => i.id === id)!.title;
const visible = tutorial.items.filter((i) => !i.injected).map((i) => i.id);

describe('the words of an edit', () => {
  const plan: Plan = { slots: [['dark-mode', 'test-suite'], ['csv-export']] };

  it('adding names the slot, the position and the neighbours', () => {
    expect(
      describeEdit(c, plan, {
        kind: 'place',
        item: 'patch-login',
        from: null,
        to: { slot: 0, index: 1 },
      }),
    ).toBe(
      `Add “${title('patch-login')}” to Q1, second, after “${title('dark-mode')}”, before “${title('test-suite')}”`,
    );
    expect(
      describeEdit(c, plan, {
        kind: 'place',
        item: 'patch-login',
        from: null,
        to: { slot: 1, index: 1 },
      }),
    ).toBe(`Add “${title('patch-login')}” to Q2, last, after “${title('csv-export')}”`);
  });

  it('moving across slots, starting first, moving later, taking out, swapping, replacing', () => {
    expect(
      describeEdit(c, plan, {
        kind: 'place',
        item: 'csv-export',
        from: { slot: 1, index: 0 },
        to: { slot: 0, index: 0 },
      }),
    ).toBe(`Move “${title('csv-export')}” from Q2 to Q1, first, before “${title('dark-mode')}”`);
    expect(
      describeEdit(c, plan, {
        kind: 'place',
        item: 'test-suite',
        from: { slot: 0, index: 1 },
        to: { slot: 0, index: 0 },
      }),
    ).toBe(`Start “${title('test-suite')}” first in Q1, before “${title('dark-mode')}”`);
    expect(
      describeEdit(c, plan, {
        kind: 'place',
        item: 'dark-mode',
        from: { slot: 0, index: 0 },
        to: { slot: 0, index: 1 },
      }),
    ).toBe(`Move “${title('dark-mode')}” later in Q1, last, after “${title('test-suite')}”`);
    expect(
      describeEdit(c, plan, { kind: 'remove', item: 'csv-export', from: { slot: 1, index: 0 } }),
    ).toBe(`Take “${title('csv-export')}” out of Q2`);
    expect(
      describeEdit(c, plan, {
        kind: 'swap',
        item: 'dark-mode',
        other: 'csv-export',
        from: { slot: 0, index: 0 },
        otherFrom: { slot: 1, index: 0 },
      }),
    ).toBe(`Swap “${title('dark-mode')}” (Q1) and “${title('csv-export')}” (Q2)`);
    expect(
      describeEdit(c, plan, {
        kind: 'replace',
        item: 'dark-mode',
        other: 'patch-login',
        from: { slot: 0, index: 0 },
      }),
    ).toBe(`Replace “${title('dark-mode')}” in Q1 with “${title('patch-login')}”`);
  });
});

describe('the edits of a plan', () => {
  it('are every placement, removal, swap and replacement, each one change away', () => {
    const plan: Plan = { slots: [['dark-mode', 'test-suite'], ['csv-export']] };
    const edits = [...editsOf(plan, visible)];
    // Placements. Each of the 3 backlog items: 3 positions in Q1 and 2 in Q2 (15). Dark mode and
    // the test suite: the other position in Q1 and 2 in Q2 (3 each). CSV export: 3 in Q1 (its own
    // slot without it has only its own place). 15 + 3 + 3 + 3 = 24.
    const places = edits.filter((e) => e.kind === 'place');
    expect(places).toHaveLength(24);
    expect(edits.filter((e) => e.kind === 'remove')).toHaveLength(3);
    // Swaps across slots: dark-mode and test-suite each with csv-export.
    expect(edits.filter((e) => e.kind === 'swap')).toHaveLength(2);
    // Replacements: 3 planned × 3 in the backlog.
    expect(edits.filter((e) => e.kind === 'replace')).toHaveLength(9);
    for (const edit of edits) {
      const next = applyEdit(plan, edit);
      expect(next).not.toEqual(plan);
      // Nothing is lost or doubled.
      const ids = next.slots.flat();
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('the path on every shipped scenario', () => {
  for (const file of scenarioFiles()) {
    const id = file.replace(/\.json$/, '');
    it(`${id}: each step rescored is its score; gains add up; the stop rules hold`, () => {
      const scenario = shipped(id);
      const par = bakedPar(scenario)!.plan;
      const plan = strategyPlans(compile(scenario)).rice;
      const path = pathToPar(scenario, plan, par);
      expect(path.start).toBeCloseTo(simulate(scenario, plan).score, 9);
      expect(path.par).toBeCloseTo(simulate(scenario, par).score, 9);
      expect(path.steps.length).toBeLessThanOrEqual(8);
      let before = plan;
      let score = path.start;
      for (const step of path.steps) {
        expect(step.plan).toEqual(applyEdit(before, step.edit));
        expect(step.before).toBeCloseTo(score, 9);
        expect(step.after).toBeCloseTo(simulate(scenario, step.plan).score, 9);
        expect(step.gain).toBeCloseTo(step.after - step.before, 9);
        expect(step.gain).toBeGreaterThanOrEqual(0.05);
        expect(step.sentence).toContain(`: +${step.gain.toFixed(1)} points`);
        // Every step but the last leaves at least half a point of the gap.
        before = step.plan;
        score = step.after;
      }
      const sum = path.steps.reduce((s, st) => s + st.gain, 0);
      expect(path.end - path.start).toBeCloseTo(sum, 9);
      path.steps
        .slice(0, -1)
        .forEach((step) => expect(path.par - step.after).toBeGreaterThanOrEqual(0.5));
      if (path.steps.length < 8) {
        // It stopped because the gap is under half a point or no single edit gains.
        const left = path.par - path.end;
        if (left >= 0.5) {
          const last = path.steps.at(-1)?.plan ?? plan;
          for (const edit of editsOf(
            last,
            scenario.items.filter((i) => !i.injected).map((i) => i.id),
          ))
            expect(simulate(scenario, applyEdit(last, edit)).score - path.end).toBeLessThan(0.05);
        }
      }
      const left = path.par - path.end;
      expect(path.stopped).toBe(
        left < 0.5 ? 'close' : path.steps.length === 8 ? 'steps' : 'together',
      );
      const gap = path.par - path.start;
      if (gap > 0)
        expect(path.explained).toBeCloseTo(
          Math.min(1, Math.max(0, (path.end - path.start) / gap)),
          9,
        );
    });
  }
});

describe('each step is the best single edit', () => {
  it('on the tutorial, from a features-first plan: no edit beats the chosen one', () => {
    const par = bakedPar(tutorial)!.plan;
    const plan: Plan = { slots: [['team-calendars'], ['dark-mode']] };
    const path = pathToPar(tutorial, plan, par);
    let current = plan;
    for (const step of path.steps) {
      let best = -Infinity;
      for (const edit of editsOf(current, visible))
        best = Math.max(best, simulate(tutorial, applyEdit(current, edit)).score);
      expect(step.after).toBeCloseTo(best, 9);
      current = step.plan;
    }
    // From this plan the moves reach par's score: all of the gap is explained.
    expect(path.explained).toBeGreaterThanOrEqual(0.99);
  });
});

describe('compound edits', () => {
  const zeroDay = shipped('zero-day');
  const cz = compile(zeroDay);
  const zTitle = (id: string) => zeroDay.items.find((i) => i.id === id)!.title;
  const deps = new Map(cz.items.map((i) => [i.id, i.deps.map((d) => cz.items[d]!.id)]));
  const ids = zeroDay.items.filter((i) => !i.injected).map((i) => i.id);
  const [q1, q2] = zeroDay.time.labels as [string, string];

  it('an item goes in with the prerequisites it would wait for, just before it', () => {
    const empty: Plan = { slots: zeroDay.time.labels.map(() => []) };
    const edit = {
      kind: 'group' as const,
      item: 'dependency-upgrades',
      with: ['sbom'],
      slot: 1,
      before: null,
      withSlots: [1],
    };
    expect(applyEdit(empty, edit).slots[1]).toEqual(['sbom', 'dependency-upgrades']);
    expect(describeEdit(cz, empty, edit)).toBe(
      `Add “${zTitle('dependency-upgrades')}” to ${q2}, with what it needs first: “${zTitle('sbom')}”`,
    );
    // Offered in every slot while the prerequisite is not planned before it, and in every slot
    // but the first with the prerequisite a slot earlier…
    const groups = [...editsOf(empty, ids, deps)].filter(
      (e) => e.kind === 'group' && e.item === 'dependency-upgrades',
    );
    expect(groups).toHaveLength(2 * zeroDay.time.labels.length - 1);
    const staggered = { ...edit, withSlots: [0] };
    expect(groups).toContainEqual(staggered);
    const after = applyEdit(empty, staggered);
    expect(after.slots.slice(0, 2)).toEqual([['sbom'], ['dependency-upgrades']]);
    expect(describeEdit(cz, empty, staggered)).toBe(
      `Add “${zTitle('dependency-upgrades')}” to ${q2}, with what it needs before it: “${zTitle('sbom')}” in ${q1}`,
    );
    // …and nowhere once the SBOM is planned first thing in Q1.
    const withSbom: Plan = { slots: [['sbom'], ...zeroDay.time.labels.slice(1).map(() => [])] };
    const later = [...editsOf(withSbom, ids, deps)].filter(
      (e) => e.kind === 'group' && e.item === 'dependency-upgrades',
    );
    // None: after the SBOM in Q1 or in any later slot it waits for nothing (and a group that
    // would put it before the SBOM by moving the SBOM is not offered).
    expect(later).toEqual([]);
  });

  it('a chain of prerequisites goes one slot earlier per link, never before the first slot', () => {
    const sprints = shipped('platform-sprints');
    const sDeps = new Map(sprints.items.map((i) => [i.id, i.dependsOn ?? []]));
    const sIds = sprints.items.map((i) => i.id);
    const empty: Plan = { slots: sprints.time.labels.map(() => []) };
    // halvorsen-cutover needs migration-rehearsal (needs bulk-importer) and halvorsen-pool (needs
    // worker-pools, which needs tenant-quotas): links 1, 2, 1, 2, 3 from the cut-over.
    const group = [...editsOf(empty, sIds, sDeps)].find(
      (e) =>
        e.kind === 'group' &&
        e.item === 'halvorsen-cutover' &&
        e.slot === 3 &&
        e.withSlots.some((s) => s !== 3),
    );
    expect(group).toBeDefined();
    if (group?.kind !== 'group') return;
    const slotOf = Object.fromEntries(group.with.map((id, i) => [id, group.withSlots[i]]));
    expect(slotOf).toEqual({
      'bulk-importer': 1,
      'migration-rehearsal': 2,
      'tenant-quotas': 0,
      'worker-pools': 1,
      'halvorsen-pool': 2,
    });
    // Cut-over in Sprint 4 (slot 3), its chain in Sprints 1–3, in dependency order.
    expect(applyEdit(empty, group).slots.slice(0, 4)).toEqual([
      ['tenant-quotas'],
      ['bulk-importer', 'worker-pools'],
      ['migration-rehearsal', 'halvorsen-pool'],
      ['halvorsen-cutover'],
    ]);
  });

  it('the overflow of a slot: its last items out at once', () => {
    const plan: Plan = {
      slots: [
        ['sbom', 'patch-xml', 'clinician-mfa'],
        ...zeroDay.time.labels.slice(1).map(() => []),
      ],
    };
    const trims = [...editsOf(plan, ids, deps)].filter((e) => e.kind === 'trim');
    expect(trims).toEqual([
      { kind: 'trim', slot: 0, count: 2 },
      { kind: 'trim', slot: 0, count: 3 },
    ]);
    expect(applyEdit(plan, trims[0]!).slots[0]).toEqual(['sbom']);
    expect(describeEdit(cz, plan, trims[0]!)).toBe(
      `Take the last 2 items out of ${q1}: “${zTitle('patch-xml')}”, “${zTitle('clinician-mfa')}”`,
    );
  });
});

describe('the lesson of a step', () => {
  it('is the kind of move, else the metric the step gains most on', () => {
    const par = bakedPar(tutorial)!.plan;
    const path = pathToPar(tutorial, { slots: [['team-calendars'], ['dark-mode']] }, par);
    // Patching the CVE first is about risk, though its gain shows in net value first (the breach
    // risk left open is priced in the terminal value); the replica about capacity before demand;
    // the CSV export about Sales' ask; the test suite about debt, though its gain shows in net
    // value (the capacity the remaining debt will cost is priced in the terminal value).
    expect(path.steps.map((s) => [s.moved[0]?.metric, s.lesson])).toEqual([
      ['revenue', 'risk'],
      ['reliability', 'scale'],
      ['stakeholders', 'promises'],
      ['revenue', 'debt'],
    ]);
    // platform-sprints from doing nothing: the cut-over with what it needs, as one group; and
    // zero-day's cost-of-delay plan: the overflow of an over-committed slot taken out.
    const sprints = shipped('platform-sprints');
    const sprintsPar = bakedPar(sprints)!.plan;
    const [first] = pathToPar(
      sprints,
      strategyPlans(compile(sprints))['do-nothing'],
      sprintsPar,
    ).steps;
    expect([first!.edit.kind, first!.lesson]).toEqual(['group', 'enablers']);
    const zeroDay = shipped('zero-day');
    const trim = pathToPar(
      zeroDay,
      strategyPlans(compile(zeroDay)).cd3,
      bakedPar(zeroDay)!.plan,
    ).steps.find((s) => s.edit.kind === 'trim');
    expect(trim?.lesson).toBe('overcommitment');
  });
});
