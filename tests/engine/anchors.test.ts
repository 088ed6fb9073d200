/**
 * Anchors (docs/model.md, "Metrics and the score"): each metric is normalized between a floor
 * (the worst value of the strategy battery) and a best. Baked anchors are used when they cover
 * every metric that applies to the scenario; otherwise the battery supplies them.
 */
import { describe, expect, it } from 'vitest';

import {
  anchorsComplete,
  anchorsFrom,
  batteryAnchors,
  resolveAnchors,
} from '../../src/engine/anchors.ts';
import { compile, type Anchors, type Metric, type Metrics } from '../../src/engine/index.ts';
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

describe('complete anchors', () => {
  const all: Anchors = {
    revenue: { floor: 0, best: 1 },
    csat: { floor: 60, best: 80 },
    capacityHealth: { floor: 0.5, best: 1 },
    reliability: { floor: -100, best: 0 },
    security: { floor: -1_000, best: 0 },
  };

  it('are missing when there are no anchors at all', () => {
    expect(anchorsComplete(undefined, usual)).toBe(false);
  });

  it('cover every applicable metric; a metric that does not apply needs no anchor', () => {
    expect(anchorsComplete(all, usual)).toBe(true);
  });

  it('are incomplete when one applicable metric has no anchor', () => {
    const { csat: _dropped, ...noCsat } = all;
    expect(anchorsComplete(noCsat, usual)).toBe(false);
  });

  it('are incomplete when an applicable compliance metric has no anchor', () => {
    expect(anchorsComplete(all, { ...usual, compliance: true })).toBe(false);
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

  it('cover every applicable metric, and only those', () => {
    const anchors = batteryAnchors(compile(oneFeature()));
    expect(Object.keys(anchors).sort()).toEqual(
      ['capacityHealth', 'csat', 'reliability', 'revenue', 'security'].sort(),
    );
    // Nothing moves CSAT, debt, downtime or breaches in the quiet world.
    expect(anchors.csat!.floor).toBeCloseTo(70, 12);
    expect(anchors.csat!.best).toBeCloseTo(70, 12);
    expect(anchors.capacityHealth!.floor).toBeCloseTo(1, 12);
    expect(anchors.reliability!.best).toBeCloseTo(0, 12);
  });
});

describe('the anchors scoring uses', () => {
  const baked: Anchors = {
    revenue: { floor: 1, best: 2 },
    csat: { floor: 3, best: 4 },
    capacityHealth: { floor: 0.1, best: 0.2 },
    reliability: { floor: -6, best: -5 },
    security: { floor: -8, best: -7 },
  };

  it('are the baked anchors when they cover every applicable metric', () => {
    expect(resolveAnchors(compile(oneFeature(baked)))).toEqual(baked);
  });

  it('come from the battery when the baked anchors miss an applicable metric', () => {
    const { security: _missing, ...partial } = baked;
    const anchors = resolveAnchors(compile(oneFeature(partial)));
    expect(anchors.revenue!.floor).toBeCloseTo(doNothingRevenue, 6);
    expect(anchors.revenue!.best).toBeCloseTo(shipFirstRevenue, 6);
    expect(anchors).toHaveProperty('security');
  });

  it('come from the battery when nothing is baked', () => {
    const anchors = resolveAnchors(compile(oneFeature()));
    expect(anchors.revenue!.floor).toBeCloseTo(doNothingRevenue, 6);
    expect(anchors.revenue!.best).toBeCloseTo(shipFirstRevenue, 6);
  });

  it('are worked out once per compiled scenario', () => {
    const c = compile(oneFeature());
    expect(resolveAnchors(c)).toBe(resolveAnchors(c));
  });
});
