/**
 * A team's real backlog: 150 items over a year of 26 sprints (the Model 2 issue, item 10). It
 * loads, its par search is held to a budget scaled to the plan space (one evaluation of such a
 * plan costs several times a shipped scenario's), and the debrief's moves toward par consider only
 * edits toward par's plan there, instead of tens of thousands of simulations a step. How fast is
 * measured by `npm run bench` ("a large backlog"), never asserted here. The budget's scaling and
 * cap are in `par.budget.test.ts`; this file's searches take seconds, so mutation testing leaves
 * it out (`MUTATION_TESTS`), as it does the full-budget searches.
 */
import { describe, expect, it } from 'vitest';

import {
  compile,
  createEvaluator,
  loadScenario,
  simulate,
  strategyPlans,
} from '../../src/engine/index.ts';
import type { Plan } from '../../src/engine/plan.ts';
import { findPar } from '../../src/engine/par.ts';
import { LIMITS, type Scenario } from '../../src/engine/schema.ts';
import {
  applyEdit,
  editsOf,
  editsTowardPar,
  pathToPar,
  type Edit,
} from '../../src/explain/path.ts';
import { largeBacklogText } from '../../scripts/quality/largeBacklog.ts';
import { searchBudget } from '../support/depth.ts';

function load(text: string): Scenario {
  const result = loadScenario(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

const large = load(largeBacklogText(150, 26));

describe('a backlog of 150 items over 26 sprints', () => {
  it('is the largest scenario that loads: one more item or sprint is refused, naming the field', () => {
    expect(LIMITS.items).toBe(150);
    expect(LIMITS.slots).toBe(26);
    expect(large.items).toHaveLength(150);
    expect(large.time.labels).toHaveLength(26);
    const moreItems = loadScenario(largeBacklogText(151, 26));
    expect(moreItems.ok).toBe(false);
    if (!moreItems.ok)
      expect(moreItems.issues).toContainEqual(
        expect.objectContaining({ path: 'items', message: 'must have at most 150 entries' }),
      );
    const moreSprints = loadScenario(largeBacklogText(150, 27));
    expect(moreSprints.ok).toBe(false);
    if (!moreSprints.ok)
      expect(moreSprints.issues).toContainEqual(
        expect.objectContaining({ path: 'time.labels', message: 'must have at most 26 entries' }),
      );
  });

  it('reaches a par at least as good as every strategy it starts from', () => {
    const par = findPar(large, { budget: searchBudget(2_000) });
    for (const [name, plan] of Object.entries(strategyPlans(compile(large))))
      expect(par.score, name).toBeGreaterThanOrEqual(simulate(large, plan).score - 1e-9);
  });
});

describe('the moves toward par on a large plan space', () => {
  const ids = large.items.filter((i) => !i.injected).map((i) => i.id);
  const deps = new Map(large.items.map((i) => [i.id, i.dependsOn ?? []]));
  const key = (edit: Edit) => JSON.stringify(edit);
  const parSlot = (par: Plan) =>
    new Map(par.slots.flatMap((slot, s) => slot.map((id) => [id, s] as const)));

  it('tries every single move of an item into the slot par gives it, and only edits editsOf tries', () => {
    const c = compile(large);
    const plans = strategyPlans(c);
    const plan = plans.rice;
    const par = plans.wsjf;
    const all = new Set([...editsOf(plan, ids, deps)].map(key));
    const toward = [...editsTowardPar(plan, par, ids, deps)];
    expect(toward.length).toBeGreaterThan(0);
    expect(toward.length).toBeLessThan(all.size / 4);
    for (const edit of toward) expect(all.has(key(edit)), key(edit)).toBe(true);
    const slotOf = parSlot(par);
    const towardKeys = new Set(toward.map(key));
    for (const edit of editsOf(plan, ids, deps)) {
      const intoParSlot = edit.kind === 'place' && slotOf.get(edit.item) === edit.to.slot;
      const outOfPar = edit.kind === 'remove' && !slotOf.has(edit.item);
      if (intoParSlot || outOfPar) expect(towardKeys.has(key(edit)), key(edit)).toBe(true);
    }
  });

  it('each step moves an item where par has it, and the path closes part of the gap', () => {
    const c = compile(large);
    const plan = strategyPlans(c).rice;
    const par = findPar(large, { budget: searchBudget(2_000) }).plan;
    const slotOf = parSlot(par);
    const path = pathToPar(large, plan, par, { maxSteps: 3 });
    expect(path.steps.length).toBeGreaterThan(0);
    // Only the edits toward par were scored: the start and par, then at most every edit toward
    // par from each plan the search stood on — far fewer than every edit of the plan.
    const stoodOn = [plan, ...path.steps.map((s) => s.plan)];
    const toward = stoodOn.map((p) => [...editsTowardPar(p, par, ids, deps)].length);
    expect(path.scored).toBeLessThanOrEqual(2 + toward.reduce((a, b) => a + b, 0));
    expect(path.scored).toBeLessThan([...editsOf(plan, ids, deps)].length);
    for (const step of path.steps) {
      expect(step.gain).toBeGreaterThan(0);
      const { edit } = step;
      if (edit.kind === 'place') expect(edit.to.slot).toBe(slotOf.get(edit.item));
      if (edit.kind === 'remove') expect(slotOf.has(edit.item)).toBe(false);
      if (edit.kind === 'group') expect(edit.slot).toBe(slotOf.get(edit.item));
    }
    expect(path.end).toBeGreaterThan(path.start);
  });

  /** The definition: the edits of `editsOf` that move toward par's plan, in its order. */
  const toward = (plan: Plan, par: Plan): Edit[] => {
    const slotOf = parSlot(par);
    return [...editsOf(plan, ids, deps)].filter((edit) => {
      if (edit.kind === 'place') return slotOf.get(edit.item) === edit.to.slot;
      if (edit.kind === 'remove') return !slotOf.has(edit.item);
      if (edit.kind === 'swap')
        return (
          slotOf.get(edit.item) === edit.otherFrom.slot || slotOf.get(edit.other) === edit.from.slot
        );
      if (edit.kind === 'replace')
        return !slotOf.has(edit.item) && slotOf.get(edit.other) === edit.from.slot;
      if (edit.kind === 'group') return slotOf.get(edit.item) === edit.slot;
      return true;
    });
  };

  it('lists exactly the edits of editsOf toward par, in the same order', () => {
    const plans = strategyPlans(compile(large));
    for (const [plan, par] of [
      [plans.rice, plans.wsjf],
      [plans.cd3, plans.rice],
      [plans['features-first'], plans.edf],
    ] as const)
      expect([...editsTowardPar(plan, par, ids, deps)].map(key)).toEqual(
        toward(plan, par).map(key),
      );
  });

  it('tries every position only for the most promising items, and still finds the best step', () => {
    // From CD3's plan the second step puts an item fifth in an over-full sprint: its move to the
    // end of the sprint is among the worst, its move to the front among the best (trying only the
    // ends of a slot misses it).
    const plan = strategyPlans(compile(large)).cd3;
    const par = findPar(large).plan;
    const path = pathToPar(large, plan, par, { maxSteps: 2 });
    const score = createEvaluator(large);
    let current = plan;
    let listed = 0;
    let firstRound = 0;
    for (const step of path.steps) {
      const edits = toward(current, par);
      listed += edits.length;
      // The first round: every edit without positions, and each item's front and end of a slot.
      const families = new Map<string, Edit[]>();
      for (const edit of edits) {
        const family =
          edit.kind === 'place'
            ? `${edit.item} ${edit.to.slot}`
            : edit.kind === 'group'
              ? `${edit.item} ${edit.slot} ${edit.withSlots.join()} group`
              : null;
        if (family === null) firstRound += 1;
        else families.set(family, [...(families.get(family) ?? []), edit]);
      }
      for (const members of families.values()) firstRound += Math.min(2, members.length);
      const best = Math.max(...edits.map((edit) => score(applyEdit(current, edit))));
      expect(step.after).toBeCloseTo(best, 9);
      current = step.plan;
    }
    expect(path.steps).toHaveLength(2);
    // The start and par, then more than the first round (every position of a few items) and far
    // fewer than every edit toward par of each step.
    expect(path.scored - 2).toBeGreaterThan(firstRound);
    expect(path.scored - 2).toBeLessThan(0.75 * listed);
  });
});
