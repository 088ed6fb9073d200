/**
 * Anchors (docs/model.md, "Metrics and the score"): money is normalized between doing nothing
 * and the value-maximizing plan (baked by the authoring check, else the best plan of the
 * strategy battery); every other metric has a fixed scale that depends only on the scenario —
 * its SLO error budget, its ARR — never on how other plans happen to do.
 */
import { describe, expect, it } from 'vitest';

import {
  SCALES,
  anchorsComplete,
  anchorsFrom,
  batteryAnchors,
  fixedScales,
  resolveAnchors,
} from '../../src/engine/anchors.ts';
import {
  ENGINE_VERSION,
  compile,
  type Anchors,
  type Metric,
  type Metrics,
} from '../../src/engine/index.ts';
import { item, scenario } from './mechanics/build.ts';

/** Every metric applies except compliance and stakeholders (no obligations, no asks). */
const usual: Record<Metric, boolean> = {
  revenue: true,
  csat: true,
  capacityHealth: true,
  reliability: true,
  security: true,
  compliance: false,
  stakeholders: false,
};

const record = (values: Partial<Metrics>): Metrics => ({
  revenue: null,
  csat: null,
  capacityHealth: null,
  reliability: null,
  security: null,
  compliance: null,
  stakeholders: null,
  ...values,
});

describe('anchors from a list of metric records', () => {
  const list: Metrics[] = [
    record({ revenue: 300, csat: 70, reliability: -40, compliance: 0.5, security: null }),
    record({ revenue: 100, csat: null, reliability: -10, compliance: 1, security: null }),
    record({ revenue: 200, csat: 65, reliability: -25, compliance: 0, security: null }),
  ];

  it('takes the worst value as the floor and the best value as the best', () => {
    const anchors = anchorsFrom(list, usual);
    expect(anchors.revenue).toEqual({ floor: 100, best: 300 });
    expect(anchors.reliability).toEqual({ floor: -40, best: -10 });
  });

  it('skips a record where the metric is null', () => {
    // CSAT: 70, (null), 65 — the null is neither the floor nor the best.
    expect(anchorsFrom(list, usual).csat).toEqual({ floor: 65, best: 70 });
  });

  it('skips a null that comes between two values', () => {
    const anchors = anchorsFrom(
      [record({ revenue: 3 }), record({ revenue: null }), record({ revenue: 7 })],
      usual,
    );
    expect(anchors.revenue).toEqual({ floor: 3, best: 7 });
  });

  it('leaves out a metric that does not apply, even when the records have values for it', () => {
    const anchors = anchorsFrom(list, usual);
    expect(anchors).not.toHaveProperty('compliance');
    expect(anchorsFrom(list, { ...usual, compliance: true }).compliance).toEqual({
      floor: 0,
      best: 1,
    });
  });

  it('leaves out a metric whose values are all null', () => {
    expect(anchorsFrom(list, usual)).not.toHaveProperty('security');
  });

  it('lists exactly the applicable metrics that have a value', () => {
    expect(Object.keys(anchorsFrom(list, usual)).sort()).toEqual([
      'csat',
      'reliability',
      'revenue',
    ]);
  });

  it('has a flat anchor when there is a single record', () => {
    expect(anchorsFrom([record({ revenue: 42 })], usual)).toEqual({
      revenue: { floor: 42, best: 42 },
    });
  });

  it('has no anchors without records', () => {
    expect(anchorsFrom([], usual)).toEqual({});
  });

  it('keeps the floor when a later record is better, and the best when a later one is worse', () => {
    const anchors = anchorsFrom(
      [record({ csat: 50 }), record({ csat: 80 }), record({ csat: 60 })],
      usual,
    );
    expect(anchors.csat).toEqual({ floor: 50, best: 80 });
  });
});

/**
 * A quiet scenario with one valuable feature: 2 quarters of 10 points, ARR $1M, CSAT 70, no debt.
 * Doing nothing earns ARR·2/4 plus one year of ending ARR; shipping `a` (5 points) in the first
 * quarter completes it at τ = 5/10 = 0.5 and adds $100k of ARR from there on.
 */
const oneFeature = (anchors?: Anchors) =>
  scenario({ scoring: { weights: { revenue: 1 }, ...(anchors ? { anchors } : {}) } }, [
    item('a', 5, { value: { arr: 100_000 } }),
  ]);
const doNothingRevenue = (1_000_000 * 2) / 4 + 1_000_000;
const shipFirstRevenue = (1_000_000 * 0.5) / 4 + (1_100_000 * 1.5) / 4 + 1_100_000;

describe('battery anchors', () => {
  it('span the strategies: doing nothing is the revenue floor, shipping the feature first the best', () => {
    const anchors = batteryAnchors(compile(oneFeature()));
    expect(anchors.revenue!.floor).toBeCloseTo(doNothingRevenue, 6);
    expect(anchors.revenue!.best).toBeCloseTo(shipFirstRevenue, 6);
  });

  it('cover every applicable metric with its fixed scale, and only those', () => {
    const anchors = batteryAnchors(compile(oneFeature()));
    expect(Object.keys(anchors).sort()).toEqual(
      ['csat', 'reliability', 'revenue', 'security'].sort(),
    );
    // The quiet world: 2 quarters with the default SLO budget of 131 minutes each, ARR $1M.
    expect(anchors.reliability).toEqual({ floor: -3 * 262, best: -262 });
    expect(anchors.security).toEqual({ floor: -250_000, best: 0 });
    expect(anchors.csat).toEqual({ floor: 40, best: 90 });
    // Capacity health is reported but not scored: its cost is in net value's terminal value.
    expect(anchors).not.toHaveProperty('capacityHealth');
  });
});

describe('the fixed scales', () => {
  it('are the documented constants', () => {
    expect(SCALES).toEqual({
      reliabilityZero: 3,
      securityZero: 0.25,
      csatZero: 40,
      csatFull: 90,
    });
  });

  it('run reliability from one horizon budget (full marks) to three (nothing), in the scenario’s slots', () => {
    // Six months: 6 slots of 131·(4/12) minutes = 262 minutes in all.
    const s = scenario({
      time: { labels: ['M1', 'M2', 'M3', 'M4', 'M5', 'M6'], slotsPerYear: 12 },
    });
    const budget = 131 * (4 / 12) * 6;
    const r = fixedScales(compile(s)).reliability!;
    expect(r.best).toBeCloseTo(-budget, 9);
    expect(r.floor).toBeCloseTo(-3 * budget, 9);
  });

  it('score compliance and stakeholders as the share met, from 0 to 1', () => {
    const s = scenario(
      {
        stakeholders: [
          { id: 'cfo', name: 'CFO', role: 'CFO', influence: 1, asks: [{ item: 'a', bySlot: 1 }] },
        ],
      },
      [item('a', 5)],
    );
    expect(fixedScales(compile(s)).stakeholders).toEqual({ floor: 0, best: 1 });
    expect(fixedScales(compile(s))).not.toHaveProperty('compliance');
  });

  it('follow the scenario’s ARR for security: a quarter of a year’s ARR lost scores nothing', () => {
    const s = scenario({ start: { arr: 8_000_000, csat: 70, debt: 0 } });
    expect(fixedScales(compile(s)).security).toEqual({ floor: -2_000_000, best: 0 });
  });
});

describe('the anchors scoring uses', () => {
  const bakedMoney = { floor: 1, best: 2 };
  const baked = (engineVersion: string) =>
    scenario(
      {
        scoring: { weights: { revenue: 1 }, anchors: { revenue: bakedMoney } },
        par: { plan: { slots: [['a'], []] }, score: 50, engineVersion, weightsKey: 'x' },
      },
      [item('a', 5, { value: { arr: 100_000 } })],
    );

  it('take the baked money anchor when it was baked by this engine, with the fixed scales', () => {
    const c = compile(baked(ENGINE_VERSION));
    expect(anchorsComplete(c)).toBe(true);
    expect(resolveAnchors(c)).toEqual({ revenue: bakedMoney, ...fixedScales(c) });
  });

  it('ignore a money anchor baked by another engine version', () => {
    const c = compile(baked('1.2.0'));
    expect(anchorsComplete(c)).toBe(false);
    expect(resolveAnchors(c).revenue!.floor).toBeCloseTo(doNothingRevenue, 6);
    expect(resolveAnchors(c).revenue!.best).toBeCloseTo(shipFirstRevenue, 6);
  });

  it('come from the battery when nothing is baked', () => {
    const c = compile(oneFeature());
    expect(anchorsComplete(c)).toBe(false);
    const anchors = resolveAnchors(c);
    expect(anchors.revenue!.floor).toBeCloseTo(doNothingRevenue, 6);
    expect(anchors.revenue!.best).toBeCloseTo(shipFirstRevenue, 6);
  });

  it('are worked out once per compiled scenario', () => {
    const c = compile(oneFeature());
    expect(resolveAnchors(c)).toBe(resolveAnchors(c));
  });
});

describe('the money floor', () => {
  it('is doing nothing, even when a strategy of the battery does worse', () => {
    // A feature that adds nothing but debt: every strategy that does it ends below doing nothing
    // (its drag costs capacity after the horizon), and the floor stays at doing nothing.
    const s = scenario({ start: { arr: 1_000_000, csat: 70, debt: 0 } }, [
      item('a', 5, { value: { arr: 100_000 } }),
      item('bad', 4, { effects: { debtAdd: 30 } }),
    ]);
    const anchors = batteryAnchors(compile(s));
    expect(anchors.revenue!.floor).toBeCloseTo(doNothingRevenue, 6);
  });
});
