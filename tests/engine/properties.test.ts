/**
 * Property tests over random valid scenarios and plans (MODEL.md §9.6–9.7): determinism, bounds,
 * no NaN, capacity conservation and the monotonicity of breach risk and utilization.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  loadScenario,
  simulate,
  type Outcome,
  type Plan,
  type Scenario,
  type ScenarioInput,
} from '../../src/engine/index.ts';
import { scenarioInput, scenarioWithPlan } from './arbitraries.ts';
import { cases, propertyTimeout } from '../support/depth.ts';

/** Random scenarios per property (1,000 in `npm run test:deep`) and their hang timeout. */
const RUNS = cases(1_000, 300, 10);
const TIMEOUT = propertyTimeout(RUNS, 200);

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value !== null && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

function checkBounds(out: Outcome) {
  expect(allFinite(out)).toBe(true);
  expect(out.score).toBeGreaterThanOrEqual(0);
  expect(out.score).toBeLessThanOrEqual(100);
  for (const n of Object.values(out.normalized)) {
    if (n === null) continue;
    expect(n).toBeGreaterThanOrEqual(0);
    expect(n).toBeLessThanOrEqual(1);
  }
  for (const s of out.slots) {
    expect(s.csatEnd).toBeGreaterThanOrEqual(0);
    expect(s.csatEnd).toBeLessThanOrEqual(100);
    expect(s.drag).toBeGreaterThanOrEqual(0);
    expect(s.drag).toBeLessThan(1);
    expect(s.breachProbability).toBeGreaterThanOrEqual(0);
    expect(s.breachProbability).toBeLessThanOrEqual(1);
    expect(s.debtEnd).toBeGreaterThanOrEqual(0);
    // Capacity used never exceeds capacity, and every point is accounted for.
    expect(s.delivered).toBeLessThanOrEqual(s.workingCapacity + 1e-9);
    expect(s.workingCapacity).toBeLessThanOrEqual(s.effectiveCapacity + 1e-9);
    expect(s.effectiveCapacity).toBeLessThanOrEqual(s.capacity + 1e-9);
    const accounted = s.dragLost + s.ktlo + s.firefighting + s.thrash + s.delivered + s.slack;
    expect(accounted).toBeCloseTo(s.capacity, 6);
  }
}

describe('engine properties', () => {
  it(
    'keeps every number finite and in bounds, in both modes',
    () => {
      fc.assert(
        fc.property(scenarioWithPlan(), fc.nat(), ({ scenario, plan }, seed) => {
          checkBounds(simulate(scenario, plan));
          checkBounds(simulate(scenario, plan, { mode: 'seeded', seed }));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'is deterministic, and the expected score ignores the seed',
    () => {
      fc.assert(
        fc.property(scenarioWithPlan(), fc.nat(), fc.nat(), ({ scenario, plan }, seed, other) => {
          const a = simulate(scenario, plan, { mode: 'seeded', seed });
          const b = simulate(scenario, plan, { mode: 'seeded', seed });
          expect(JSON.stringify(a)).toBe(JSON.stringify(b));
          expect(simulate(scenario, plan, { seed }).score).toBe(
            simulate(scenario, plan, { seed: other }).score,
          );
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'never raises breach probability in any slot when a vulnerability is closed earlier',
    () => {
      // Ceteris paribus: only the patch closes anything, no item changes posture, and the
      // debt-linked baseline is off — otherwise delaying another security item could raise risk.
      // No feature freeze either: a feature patch planned early can over-commit its slot, add
      // debt, blow the error budget and freeze features in later slots, so the patch itself
      // stalls while the later plan finishes it (found by search: 95 such cases in 295,000).
      const arb = scenarioInput({ maxItems: 8 })
        .filter((input) => (input.security?.vulnerabilities?.length ?? 0) > 0)
        .map((input): ScenarioInput => ({
          ...input,
          reliability: { costPerMinute: 2000, ...input.reliability, freezeOnBlownBudget: false },
          constants: { stalenessHazard: 0 },
          items: input.items.map((item) => ({
            ...item,
            effects: { ...item.effects, postureReduction: 0 },
          })),
        }))
        .chain((input) => {
          const loaded = loadScenario(input);
          if (!loaded.ok) throw new Error('invalid');
          const patch = loaded.scenario.items.find((i) => i.effects.closes.length > 0)!;
          const s: Scenario = {
            ...loaded.scenario,
            items: loaded.scenario.items.map((i) =>
              i.id === patch.id ? i : { ...i, effects: { ...i.effects, closes: [] } },
            ),
          };
          const slots = s.time.labels.length;
          return fc.record({
            scenario: fc.constant(s),
            patch: fc.constant(patch.id),
            early: fc.integer({ min: 0, max: slots - 1 }),
            delay: fc.integer({ min: 1, max: slots }),
            others: fc.array(fc.integer({ min: -1, max: slots - 1 }), {
              minLength: s.items.length,
              maxLength: s.items.length,
            }),
          });
        });
      fc.assert(
        fc.property(arb, ({ scenario, patch, early, delay, others }) => {
          const slots = scenario.time.labels.length;
          const late = early + delay; // may be past the horizon: never patched
          // Other work goes after the later patch, so planning the patch earlier cannot make it
          // finish later (an earlier slot that is over-committed would thrash and delay it).
          const base: string[][] = Array.from({ length: slots }, () => []);
          scenario.items.forEach((item, i) => {
            const at = others[i]!;
            if (item.id !== patch && at > late && !item.dependsOn.length) base[at]!.push(item.id);
          });
          const withPatchAt = (slot: number): Plan => ({
            slots: base.map((ids, s) => (s === slot ? [patch, ...ids] : ids)),
          });
          const a = simulate(scenario, withPatchAt(early));
          const b = simulate(scenario, late < slots ? withPatchAt(late) : { slots: base });
          a.slots.forEach((slot, t) => {
            expect(slot.breachProbability).toBeLessThanOrEqual(
              b.slots[t]!.breachProbability + 1e-12,
            );
          });
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'never raises utilization in any slot when capacity is added',
    () => {
      // No feature freeze: added capacity can lift a freeze, and the features that then run
      // delay a later capacity item, so a later slot runs hotter (3 items, 3 slots: slot 2 at
      // 52% without the boost, 58% with it). The freeze is a switch in the model, not a
      // monotone effect.
      const arb = scenarioWithPlan({ maxItems: 8 })
        .filter(({ scenario }) => scenario.demand !== undefined)
        .map(({ scenario, plan }) => ({
          scenario: {
            ...scenario,
            reliability: {
              costPerMinute: 2000,
              ...scenario.reliability,
              freezeOnBlownBudget: false,
            },
          },
          plan,
        }));
      fc.assert(
        fc.property(
          arb,
          fc.double({ min: 0.01, max: 2, noNaN: true }),
          ({ scenario, plan }, boost) => {
            // Same plan, one planned item adds more system capacity.
            const target = plan.slots.flat()[0];
            if (target === undefined) return;
            const boosted: Scenario = {
              ...scenario,
              items: scenario.items.map((i) =>
                i.id === target
                  ? { ...i, effects: { ...i.effects, capacityAdd: i.effects.capacityAdd + boost } }
                  : i,
              ),
            };
            const a = simulate(scenario, plan);
            const b = simulate(boosted, plan);
            b.slots.forEach((slot, t) => {
              expect(slot.utilization).toBeLessThanOrEqual(a.slots[t]!.utilization + 1e-12);
              expect(slot.peakUtilization).toBeLessThanOrEqual(a.slots[t]!.peakUtilization + 1e-12);
            });
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
