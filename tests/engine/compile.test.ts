/**
 * Compiling a scenario (src/engine/compile.ts): per-slot arrays, constants converted from per
 * quarter to per slot, ids turned into indexes, and the lists the simulation's hot loop uses.
 */
import { describe, expect, it } from 'vitest';

import {
  compile,
  effectiveWeights,
  scenarioConstants,
  slotConstants,
  typeCode,
} from '../../src/engine/compile.ts';
import { DEFAULT_CONSTANTS, ITEM_TYPES, METRICS, type Metric } from '../../src/engine/index.ts';
import { item, quarters, scenario } from './mechanics/build.ts';

const K = DEFAULT_CONSTANTS;

describe('slotConstants', () => {
  it('leaves quarter scenarios as they are', () => {
    const k = slotConstants(K, 4);
    expect(k.scale).toBe(1);
    for (const name of Object.keys(K) as (keyof typeof K)[])
      expect(k[name]).toBeCloseTo(K[name], 12);
  });

  it('compounds hazards and churn, scales counts and minutes, stretches half-lives', () => {
    const k = slotConstants(K, 12);
    const scale = 4 / 12;
    const hazard = (q: number) => 1 - Math.pow(1 - q, scale);
    expect(k.scale).toBeCloseTo(scale, 12);
    expect(k.debtInterest).toBeCloseTo(Math.pow(1 + K.debtInterest, scale) - 1, 12);
    expect(k.incidentBase).toBeCloseTo(K.incidentBase * scale, 12);
    expect(k.overloadMinutes).toBeCloseTo(K.overloadMinutes * scale, 12);
    expect(k.overloadCsat).toBeCloseTo(K.overloadCsat * scale, 12);
    expect(k.hazardCritical).toBeCloseTo(hazard(K.hazardCritical), 12);
    expect(k.hazardHigh).toBeCloseTo(hazard(K.hazardHigh), 12);
    expect(k.hazardMedium).toBeCloseTo(hazard(K.hazardMedium), 12);
    expect(k.hazardLow).toBeCloseTo(hazard(K.hazardLow), 12);
    expect(k.stalenessHazard).toBeCloseTo(hazard(K.stalenessHazard), 12);
    expect(k.churnBase).toBeCloseTo(hazard(K.churnBase), 12);
    expect(k.csatReversion).toBeCloseTo(hazard(K.csatReversion), 12);
    expect(k.halfLifeCritical).toBeCloseTo(K.halfLifeCritical / scale, 12);
    expect(k.halfLife).toBeCloseTo(K.halfLife / scale, 12);
    expect(k.churnSensitivity).toBeCloseTo(K.churnSensitivity * scale, 12);
    expect(k.dealLossPerSlot).toBeCloseTo(K.dealLossPerSlot * scale, 12);
    expect(k.sloBudgetMinutes).toBeCloseTo(K.sloBudgetMinutes * scale, 12);
    // Counts per incident and shares are not rates: unchanged.
    expect(k.incidentMinutes).toBe(K.incidentMinutes);
    expect(k.firefightingPerIncident).toBe(K.firefightingPerIncident);
    expect(k.thrash).toBe(K.thrash);
    expect(k.terminalYears).toBe(K.terminalYears);
  });

  it('keeps a certain hazard finite when compounding', () => {
    expect(slotConstants({ ...K, hazardCritical: 1 }, 52).hazardCritical).toBeLessThan(1);
  });
});

describe('scenarioConstants', () => {
  it('takes the defaults, then the scenario’s overrides, then the caller’s', () => {
    const s = scenario({ constants: { thrash: 0.5, debtHalf: 80 } });
    const merged = scenarioConstants(s, { debtHalf: 60 });
    expect(merged.thrash).toBe(0.5);
    expect(merged.debtHalf).toBe(60);
    expect(merged.churnBase).toBe(0); // the test scenario's own override
    expect(merged.ktloShare).toBe(K.ktloShare);
  });

  it('ignores override values that are not finite numbers', () => {
    const s = scenario();
    expect(scenarioConstants(s, { thrash: Number.NaN, debtHalf: Infinity }).thrash).toBe(K.thrash);
  });
});

describe('effectiveWeights', () => {
  it('keeps the weights of metrics that apply, 0 for the others and for negative ones', () => {
    const applies = Object.fromEntries(METRICS.map((m) => [m, m !== 'compliance'])) as Record<
      Metric,
      boolean
    >;
    expect(effectiveWeights(applies, { revenue: 2, compliance: 3, csat: -1 })).toEqual({
      revenue: 2,
      csat: 0,
      capacityHealth: 0,
      reliability: 0,
      security: 0,
      compliance: 0,
      stakeholders: 0,
    });
  });
});

describe('compile', () => {
  const s = scenario(
    {
      time: { labels: quarters(3), slotsPerYear: 4 },
      team: { capacity: [10, 12, 14] },
      demand: { rho0: 0.5, growth: 0.1, seasonality: [1, 2, 1] },
      reliability: { costPerMinute: 30, sloBudgetMinutes: 200, freezeOnBlownBudget: true },
      security: {
        sle: 900,
        vulnerabilities: [
          { id: 'crit', title: 'Crit', cvss: 9.1, internetFacing: true },
          { id: 'own', title: 'Own', cvss: 5, halfLife: 2 },
          { id: 'zd', title: 'Zero-day', cvss: 7 },
        ],
      },
      obligations: [{ id: 'ob', title: 'Ob', deadlineSlot: 2, observationSlots: 1, penalty: 5 }],
      deals: [{ id: 'deal', title: 'Deal', arr: 7, obligation: 'ob', fromSlot: 1 }],
      stakeholders: [
        { id: 'ceo', name: 'C', role: 'CEO', influence: 2, asks: [{ item: 'b', bySlot: 1 }] },
      ],
      events: [
        {
          id: 'inject',
          title: 'Inject',
          kind: 'injectItem',
          slot: 1,
          probability: 0.5,
          item: 'hot',
          opens: 'zd',
        },
        {
          id: 'sure',
          title: 'Sure',
          kind: 'competitorCopy',
          slot: 1,
          probability: 1,
          item: 'b',
          decay: 0.1,
        },
        {
          id: 'spike',
          title: 'Spike',
          kind: 'demandSpike',
          slot: 2,
          branches: [
            { probability: 0.5, multiplier: 2 },
            { probability: 0.5, multiplier: 1 },
          ],
        },
        {
          id: 'cas',
          title: 'Cas',
          kind: 'cascade',
          fromSlot: 0,
          probability: 0.1,
          loss: 9,
          mitigations: [{ item: 'a', reduction: 0.5 }],
        },
      ],
    },
    [
      item('a', 4, { estimate: [2, 9], type: 'ops' }),
      item('b', 3, {
        dependsOn: ['a'],
        value: { arr: 1_000, confidence: 0.5, csat: 2, kano: 'must', mustPenalty: 1 },
        urgency: { kind: 'deadline', slot: 1, lateFactor: 0.4, penalty: 3 },
        effects: {
          closes: ['crit', 'own'],
          compliance: 'ob',
          fee: { label: 'Fee', perSlot: 6, fromSlot: 1 },
        },
      }),
      item('c', 2, { urgency: { kind: 'decay', startSlot: 1, rate: 0.2 } }),
      item('hot', 1, { injected: true, type: 'security', effects: { closes: ['zd'] } }),
    ],
  );
  const c = compile(s);

  it('is cached per scenario object, but not when constants are overridden', () => {
    expect(compile(s)).toBe(c);
    const perturbed = compile(s, { thrash: 0.3 });
    expect(perturbed).not.toBe(c);
    expect(perturbed.k.thrash).toBe(0.3);
    expect(compile(s)).toBe(c);
  });

  it('lays capacity, KTLO, demand and seasons out per slot', () => {
    expect(c.slots).toBe(3);
    expect(c.capacity).toEqual([10, 12, 14]);
    expect(c.ktlo.map((x) => x / K.ktloShare)).toEqual([
      expect.closeTo(10, 9),
      expect.closeTo(12, 9),
      expect.closeTo(14, 9),
    ]);
    expect(c.season).toEqual([1, 2, 1]);
    expect(c.demand).toEqual([
      0.5,
      expect.closeTo(0.5 * 1.1 * 2, 12),
      expect.closeTo(0.5 * 1.21, 12),
    ]);
    expect(c.costPerMinute).toBe(30);
    expect(c.sloBudget).toBe(200);
    expect(c.freezeOnBlownBudget).toBe(true);
    expect(c.sle).toBe(900);
    expect(c.csatReference).toBe(70);
  });

  it('turns items into indexes and the model’s numbers', () => {
    const [a, b, cc, hot] = c.items;
    expect(a).toMatchObject({ index: 0, low: 2, mode: 4, high: 9, deps: [], urgency: 0 });
    expect(a!.meanEffort).toBeCloseTo(5, 12);
    expect(b).toMatchObject({
      deps: [0],
      arr: 500,
      csat: 2,
      must: true,
      mustPenalty: 1,
      urgency: 2,
      urgencySlot: 1,
      urgencyRate: 0.4,
      penalty: 3,
      closes: [0, 1],
      obligation: 0,
      feePerSlot: 6,
      feeFrom: 1,
    });
    expect(b!.meanEffort).toBe(3);
    expect(cc).toMatchObject({
      urgency: 1,
      urgencySlot: 1,
      urgencyRate: 0.2,
      penalty: 0,
      obligation: -1,
    });
    expect(hot).toMatchObject({ injected: true, closes: [2] });
    expect(c.index.get('c')).toBe(2);
    expect(typeCode('ops')).toBe(ITEM_TYPES.indexOf('ops'));
  });

  it('gives vulnerabilities their band, half-life in slots and what discloses them', () => {
    expect(c.vulns.map((v) => [v.id, v.hMax, v.halfLife, v.disclosed, v.openedBy])).toEqual([
      ['crit', expect.closeTo(K.hazardCritical, 12), K.halfLifeCritical, 0, -1],
      ['own', expect.closeTo(K.hazardMedium, 12), 2, 0, -1],
      ['zd', expect.closeTo(K.hazardHigh, 12), K.halfLife, 0, 0],
    ]);
  });

  it('links obligations, deals, asks and events by index', () => {
    expect(c.obligations).toEqual([
      { id: 'ob', title: 'Ob', deadline: 2, observation: 1, penalty: 5 },
    ]);
    expect(c.deals).toEqual([
      { id: 'deal', title: 'Deal', arr: 7, obligation: 0, fromSlot: 1, loss: K.dealLossPerSlot },
    ]);
    expect(c.stakeholders[0]!.asks).toEqual([{ item: 1, bySlot: 1 }]);
    expect(c.events[0]).toMatchObject({
      kind: 'injectItem',
      item: 3,
      opens: 2,
      prepared: [],
      effortFactor: 1,
    });
    expect(c.events[1]).toMatchObject({ kind: 'competitorCopy', item: 1, decay: 0.1 });
    expect(c.events[3]).toMatchObject({
      kind: 'cascade',
      mitigations: [{ item: 0, reduction: 0.5 }],
    });
  });

  it('lists the items and events the hot loop checks', () => {
    expect(c.feeItems).toEqual([1]);
    // Must-be, deadline-penalty and CSAT items are checked at the end of each slot.
    expect(c.endOfSlotItems).toEqual([1]);
    expect(c.injectEvents.map((e) => e.id)).toEqual(['inject']);
    // Uncertain events branch; a certain one and cascades do not.
    expect(c.branching.map((e) => e.id)).toEqual(['inject', 'spike']);
  });

  it('knows which metrics apply', () => {
    expect(c.applicable).toEqual({
      revenue: true,
      csat: true,
      // Reported, not scored since engine 2 (its cost is in the terminal value).
      capacityHealth: false,
      reliability: true,
      security: true,
      compliance: true,
      stakeholders: true,
    });
    const bare = compile(scenario());
    expect(bare.applicable.compliance).toBe(false);
    expect(bare.applicable.stakeholders).toBe(false);
    expect(bare.demand).toBeNull();
    expect(bare.sle).toBe(0);
  });

  it('keeps the queueing cap below 1 and the reference below the cap, whatever is asked', () => {
    const k = compile(scenario(), { rhoCap: 1.5, rhoRef: 1.2 }).k;
    expect(k.rhoCap).toBe(0.99);
    expect(k.rhoRef).toBeCloseTo(0.98, 12);
  });
});
