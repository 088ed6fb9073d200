/**
 * fast-check generators for valid scenarios and plans, used by the engine's property tests.
 * Every generated scenario passes `loadScenario`; dependencies only point to earlier items, so
 * there are no cycles.
 */
import fc from 'fast-check';
import {
  loadScenario,
  type Plan,
  type Scenario,
  type ScenarioInput,
} from '../../src/engine/index.ts';

const TYPES = ['feature', 'debt', 'security', 'scale', 'compliance', 'ops'] as const;

export interface ScenarioOptions {
  minItems?: number;
  maxItems?: number;
  maxSlots?: number;
}

/** A valid scenario input with items of all kinds, vulnerabilities, obligations and events. */
export function scenarioInput(options: ScenarioOptions = {}): fc.Arbitrary<ScenarioInput> {
  const { minItems = 2, maxItems = 12, maxSlots = 6 } = options;
  return fc
    .record({
      slots: fc.integer({ min: 1, max: maxSlots }),
      slotsPerYear: fc.constantFrom(4, 12, 26),
      capacity: fc.integer({ min: 5, max: 60 }),
      ktloShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
      debt: fc.integer({ min: 0, max: 150 }),
      arr: fc.integer({ min: 0, max: 50_000_000 }),
      csat: fc.integer({ min: 0, max: 100 }),
      demand: fc.option(
        fc.record({
          rho0: fc.double({ min: 0.1, max: 1.4, noNaN: true }),
          growth: fc.double({ min: -0.1, max: 0.3, noNaN: true }),
        }),
      ),
      vulnCount: fc.integer({ min: 0, max: 3 }),
      obligationCount: fc.integer({ min: 0, max: 2 }),
      items: fc.array(
        fc.record({
          type: fc.constantFrom(...TYPES),
          effort: fc.integer({ min: 1, max: 30 }),
          spread: fc.option(fc.integer({ min: 0, max: 10 })),
          arr: fc.integer({ min: 0, max: 2_000_000 }),
          confidence: fc.double({ min: 0, max: 1, noNaN: true }),
          csat: fc.integer({ min: -5, max: 8 }),
          debtAdd: fc.integer({ min: 0, max: 10 }),
          debtRemove: fc.integer({ min: 0, max: 30 }),
          capacityAdd: fc.double({ min: 0, max: 1, noNaN: true }),
          incidentReduction: fc.double({ min: 0, max: 0.5, noNaN: true }),
          postureReduction: fc.double({ min: 0, max: 0.5, noNaN: true }),
          urgency: fc.constantFrom('standard', 'decay', 'deadline'),
          urgencySlot: fc.nat(),
          dep: fc.option(fc.nat()),
          notBefore: fc.nat(),
          must: fc.boolean(),
          reach: fc.integer({ min: 0, max: 5000 }),
          fee: fc.option(fc.integer({ min: 0, max: 300_000 })),
        }),
        { minLength: minItems, maxLength: maxItems },
      ),
      withEvent: fc.constantFrom('none', 'cascade', 'spike', 'copy'),
    })
    .map((r): ScenarioInput => {
      const labels = Array.from({ length: r.slots }, (_, i) => `S${i + 1}`);
      const vulns = Array.from({ length: r.vulnCount }, (_, i) => ({
        id: `v${i}`,
        title: `Vulnerability ${i}`,
        cvss: [9.8, 7.5, 5, 2][i % 4]!,
        disclosedSlot: i % r.slots,
        internetFacing: i % 2 === 0,
      }));
      const obligations = Array.from({ length: r.obligationCount }, (_, i) => ({
        id: `o${i}`,
        title: `Obligation ${i}`,
        deadlineSlot: (i + 1) % r.slots,
        observationSlots: i,
        penalty: 100_000 * (i + 1),
      }));
      const items = r.items.map((it, i) => {
        const slot = it.urgencySlot % r.slots;
        return {
          id: `i${i}`,
          title: `Item ${i}`,
          type: it.type,
          effort: it.effort,
          ...(it.spread !== null
            ? {
                estimate: [Math.max(0.5, it.effort - it.spread / 2), it.effort + it.spread] as [
                  number,
                  number,
                ],
              }
            : {}),
          dependsOn: it.dep !== null && i > 0 ? [`i${it.dep % i}`] : [],
          notBefore: it.notBefore % r.slots,
          value: {
            arr: it.arr,
            confidence: it.confidence,
            csat: it.csat,
            ...(it.must ? { kano: 'must' as const, mustPenalty: 1 } : {}),
          },
          urgency:
            it.urgency === 'decay'
              ? { kind: 'decay' as const, startSlot: slot, rate: 0.3 }
              : it.urgency === 'deadline'
                ? { kind: 'deadline' as const, slot, lateFactor: 0.4, penalty: 50_000 }
                : { kind: 'standard' as const },
          effects: {
            debtAdd: it.debtAdd,
            debtRemove: it.debtRemove,
            capacityAdd: it.capacityAdd,
            incidentReduction: it.incidentReduction,
            postureReduction: it.postureReduction,
            // Every vulnerability and obligation needs an item that handles it.
            closes: vulns.filter((_, v) => v % r.items.length === i).map((v) => v.id),
            ...(obligations.some((_, o) => o % r.items.length === i)
              ? { compliance: `o${obligations.findIndex((_, o) => o % r.items.length === i)}` }
              : {}),
            ...(it.fee !== null ? { fee: { label: 'Fee', perSlot: it.fee, fromSlot: 0 } } : {}),
          },
          lens: {
            reach: it.reach,
            impact: 1 as const,
            businessValue: 3,
            timeCriticality: 2,
            riskReduction: 1,
          },
        };
      });
      // An obligation satisfied by two items would need both; keep each to one item.
      const events: ScenarioInput['events'] = [];
      if (r.withEvent === 'cascade')
        events.push({
          id: 'e0',
          kind: 'cascade',
          title: 'Storm',
          fromSlot: 0,
          probability: 0.1,
          loss: 1_000_000,
          mitigations: [{ item: 'i0', reduction: 0.8 }],
        });
      if (r.withEvent === 'spike')
        events.push({
          id: 'e0',
          kind: 'demandSpike',
          title: 'Launch',
          slot: r.slots - 1,
          branches: [
            { probability: 0.5, multiplier: 1 },
            { probability: 0.5, multiplier: 3 },
          ],
        });
      if (r.withEvent === 'copy')
        events.push({
          id: 'e0',
          kind: 'competitorCopy',
          title: 'Copycat',
          slot: 0,
          probability: 0.5,
          item: 'i0',
          decay: 0.3,
        });
      return {
        schemaVersion: 2,
        id: 'generated',
        title: 'Generated',
        brief: '',
        industry: 'Test',
        difficulty: 2,
        minutes: 10,
        time: { labels, slotsPerYear: r.slotsPerYear },
        team: { capacity: r.capacity, ktlo: Math.round(r.capacity * r.ktloShare) },
        start: { arr: r.arr, csat: r.csat, debt: r.debt },
        ...(r.demand ? { demand: { rho0: r.demand.rho0, growth: r.demand.growth } } : {}),
        reliability: { costPerMinute: 2000, freezeOnBlownBudget: true },
        security: { sle: 2_000_000, vulnerabilities: vulns },
        obligations,
        stakeholders: [
          { id: 's0', name: 'Ana', role: 'CEO', influence: 2, asks: [{ item: 'i0', bySlot: 0 }] },
        ],
        events,
        scoring: {
          weights: {
            revenue: 3,
            csat: 1,
            reliability: 1,
            security: 1,
            compliance: 1,
            stakeholders: 1,
          },
        },
        items,
      };
    })
    .filter((input) => {
      // Vulnerabilities/obligations with more handlers than items are dropped by the filter above;
      // keep only inputs that load (e.g. an obligation whose only handler index is out of range).
      return loadScenario(input).ok;
    });
}

/** A valid scenario. */
export function scenarioArb(options: ScenarioOptions = {}): fc.Arbitrary<Scenario> {
  return scenarioInput(options).map((input) => {
    const result = loadScenario(input);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.scenario;
  });
}

/** A random plan for a scenario: each visible item left out or placed in some slot. */
export function planArb(scenario: Scenario): fc.Arbitrary<Plan> {
  const ids = scenario.items.filter((i) => !i.injected).map((i) => i.id);
  const slots = scenario.time.labels.length;
  return fc
    .tuple(
      fc.array(fc.integer({ min: -1, max: slots - 1 }), {
        minLength: ids.length,
        maxLength: ids.length,
      }),
      fc.array(fc.nat(), { minLength: ids.length, maxLength: ids.length }),
    )
    .map(([where, order]) => {
      const placed = ids
        .map((id, i) => ({ id, slot: where[i]!, key: order[i]! }))
        .filter((x) => x.slot >= 0)
        .sort((a, b) => a.key - b.key);
      return {
        slots: Array.from({ length: slots }, (_, s) =>
          placed.filter((x) => x.slot === s).map((x) => x.id),
        ),
      };
    });
}

/** A scenario together with a plan for it. */
export function scenarioWithPlan(
  options: ScenarioOptions = {},
): fc.Arbitrary<{ scenario: Scenario; plan: Plan }> {
  return scenarioArb(options).chain((scenario) =>
    planArb(scenario).map((plan) => ({ scenario, plan })),
  );
}

/**
 * Small scenarios for checking par against exhaustive enumeration: 4–10 items, 1–3 slots,
 * efforts of 2–12 points and a team that fits about four items in the horizon; no feature
 * freezes and no stakeholders (asks make the landscape needlessly flat).
 */
export function smallScenarioArb(): fc.Arbitrary<Scenario> {
  return scenarioInput({ minItems: 4, maxItems: 10, maxSlots: 3 }).map((input) => {
    const slots = input.time.labels.length;
    const items = input.items.map((i) => ({
      ...i,
      effort: 2 + (i.effort % 11),
      estimate: undefined,
    }));
    const efforts = items.map((i) => i.effort).sort((a, b) => a - b);
    const fit = efforts.slice(0, 4).reduce((a, b) => a + b, 0);
    const result = loadScenario({
      ...input,
      items,
      team: { capacity: Math.max(8, Math.round((fit * 1.2) / slots)), ktlo: 0 },
      reliability: { costPerMinute: 2000, freezeOnBlownBudget: false },
      stakeholders: [],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.scenario;
  });
}
