/**
 * `cardRisks`: which chips of a card turn to a warning. Every warning the plan has about one item
 * must be told by that item's card (a chip, or the timing line for "does not finish"), and no
 * chip may warn of what the plan's warnings do not say: checked on random plans of every shipped
 * scenario, and by hand for an item with two prerequisites.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { loadScenario, simulate, type Plan, type Scenario } from '../../../src/engine';
import { planWarnings } from '../../../src/explain/advice';
import { cardRisks, cardRisksKey } from '../../../src/explain/board';
import { cases, propertyTimeout } from '../../support/depth';
import { shippedCatalog } from '../../support/shippedCatalog';
import { testScenarioInput } from '../helpers';

const COUNT = cases(200, 25);

const shipped: Scenario[] = shippedCatalog.flatMap((entry) => (entry.ok ? [entry.scenario] : []));

/** A plan from a list of (item, slot or -1 for the backlog) in queue order. */
function planOf(scenario: Scenario, places: readonly [string, number][]): Plan {
  const slots: string[][] = scenario.time.labels.map(() => []);
  for (const [id, slot] of places) if (slot >= 0) slots[slot]!.push(id);
  return { slots };
}

/** Random plans of a scenario: each visible item in a random slot or left out, in random order. */
function plans(scenario: Scenario) {
  const ids = scenario.items.filter((i) => !i.injected).map((i) => i.id);
  const last = scenario.time.labels.length - 1;
  return fc
    .tuple(
      fc.array(fc.integer({ min: -1, max: last }), {
        minLength: ids.length,
        maxLength: ids.length,
      }),
      fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }),
    )
    .map(([slots, order]) =>
      planOf(
        scenario,
        order.map((id) => [id, slots[ids.indexOf(id)]!] as [string, number]),
      ),
    );
}

describe('cardRisks', () => {
  it.each(shipped.map((s) => [s.id, s] as const))(
    '%s: a chip warns exactly when the plan warns about that item, and about that chip',
    (_id, scenario) => {
      fc.assert(
        fc.property(plans(scenario), (plan) => {
          const outcome = simulate(scenario, plan);
          const warnings = planWarnings(scenario, plan, outcome);
          const risks = cardRisks(scenario, plan, outcome, warnings);
          const planned = plan.slots.flat();
          for (const id of planned) {
            const item = scenario.items.find((i) => i.id === id)!;
            const kinds = new Set(warnings.filter((w) => w.itemId === id).map((w) => w.kind));
            const risk = risks.get(id);
            expect(risk?.deadline ?? false).toBe(kinds.has('deadlineAtRisk'));
            expect(risk?.notBefore ?? false).toBe(kinds.has('notBefore'));
            // Each ask chip at risk is an ask the outcome did not meet, and there is one
            // exactly when the plan warns of an ask.
            expect((risk?.asks.length ?? 0) > 0).toBe(kinds.has('askAtRisk'));
            for (const who of risk?.asks ?? [])
              expect(
                outcome.asks.some(
                  (a) =>
                    (a.item === id || a.renegotiated?.scope === id) &&
                    a.stakeholder === who &&
                    a.status !== 'met',
                ),
              ).toBe(true);
            // The renegotiation chip warns exactly when the conversation comes too late.
            expect(risk?.renegotiation ?? false).toBe(kinds.has('renegotiationLate'));
            if (kinds.has('renegotiationLate')) expect(item.renegotiates).toBeDefined();
            // The slice chip warns exactly when an MVP comes after its feature.
            expect(risk?.slice ?? false).toBe(kinds.has('sliceWasted'));
            if (kinds.has('sliceWasted')) expect(item.sliceOf).toBeDefined();
            // A prerequisite chip warns when it is missing or comes later, and only then.
            expect((risk?.needs.length ?? 0) > 0).toBe(
              kinds.has('dependencyMissing') || kinds.has('dependencyOrder'),
            );
            for (const need of risk?.needs ?? []) {
              expect(item.dependsOn).toContain(need.id);
              expect(need.problem === 'missing').toBe(!planned.includes(need.id));
              if (need.problem === 'later') expect(planned.indexOf(need.id)).toBeGreaterThan(-1);
            }
            // Every other warning about one item is "does not finish", told by the timing line.
            for (const kind of kinds)
              expect([
                'deadlineAtRisk',
                'notBefore',
                'askAtRisk',
                'renegotiationLate',
                'sliceWasted',
                'dependencyMissing',
                'dependencyOrder',
                'unfinished',
              ]).toContain(kind);
          }
          // Nothing for items left in the backlog.
          for (const id of risks.keys()) expect(planned).toContain(id);
        }),
        { numRuns: COUNT },
      );
    },
    propertyTimeout(COUNT * shipped.length, 50),
  );

  it('names only the prerequisite that comes later, of two', () => {
    const scenario = shipped.find((s) => s.items.some((i) => i.dependsOn.length > 1))!;
    const item = scenario.items.find((i) => i.dependsOn.length > 1)!;
    const [first, second] = item.dependsOn as [string, string];
    // The first prerequisite in the first slot, the item in the second, the other prerequisite
    // after it in the same slot; a prerequisite's own prerequisites, if any, are left out (not
    // this item's business).
    const plan: Plan = {
      slots: scenario.time.labels.map((_, s) =>
        s === 0 ? [first] : s === 1 ? [item.id, second] : [],
      ),
    };
    const outcome = simulate(scenario, plan);
    const risk = cardRisks(scenario, plan, outcome, planWarnings(scenario, plan, outcome)).get(
      item.id,
    );
    expect(risk?.needs).toEqual([{ id: second, problem: 'later' }]);
    expect(cardRisksKey(risk)).toContain(`needs-later:${second}`);
    expect(cardRisksKey(risk)).not.toContain(first);
  });

  it('warns on the "not before" chip of an item placed before it may start, and only then', () => {
    // No shipped scenario has a visible item that must wait; the UI test company's read replica
    // is made to wait for Q2 here.
    const input = {
      ...testScenarioInput,
      items: testScenarioInput.items.map((i) => (i.id === 'replica' ? { ...i, notBefore: 1 } : i)),
    };
    const loaded = loadScenario(JSON.stringify(input));
    if (!loaded.ok) throw new Error('the test scenario did not load');
    const scenario = loaded.scenario;
    const riskIn = (plan: Plan) => {
      const outcome = simulate(scenario, plan);
      return cardRisks(scenario, plan, outcome, planWarnings(scenario, plan, outcome)).get(
        'replica',
      );
    };
    const early = riskIn({ slots: [['replica'], []] });
    expect(early?.notBefore).toBe(true);
    expect(cardRisksKey(early)).toBe('not-before');
    expect(riskIn({ slots: [[], ['replica']] })).toBeUndefined();
  });

  it('writes every risk into the key, in a fixed order', () => {
    expect(
      cardRisksKey({
        deadline: true,
        notBefore: true,
        asks: ['cto', 'sales'],
        needs: [
          { id: 'a', problem: 'missing' },
          { id: 'b', problem: 'later' },
        ],
      }),
    ).toBe('deadline not-before ask:cto ask:sales needs-missing:a needs-later:b');
    expect(cardRisksKey({ deadline: false, notBefore: false, asks: [], needs: [] })).toBe('');
    expect(cardRisksKey(undefined)).toBe('');
  });
});
