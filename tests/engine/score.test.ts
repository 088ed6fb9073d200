/**
 * Metrics and the score, directly (src/engine/score.ts): resolution, widened anchors, raw metrics
 * from a run, normalization, the weighted score and the average over branches.
 */
import { describe, expect, it } from 'vitest';

import type { RunResult } from '../../src/engine/core.ts';
import {
  averageMetrics,
  metricResolution,
  metricsOf,
  normalize,
  scoreMetrics,
  widenAnchors,
  type Metrics,
} from '../../src/engine/score.ts';
import { METRICS, type Metric } from '../../src/engine/schema.ts';

const all = (applies: boolean) =>
  Object.fromEntries(METRICS.map((m) => [m, applies])) as Record<Metric, boolean>;
const weights = (w: Partial<Record<Metric, number>>) =>
  Object.fromEntries(METRICS.map((m) => [m, w[m] ?? 0])) as Record<Metric, number>;
const metrics = (m: Partial<Metrics>): Metrics =>
  Object.fromEntries(METRICS.map((k) => [k, m[k] ?? null])) as Metrics;

/** The fields of a run that the metrics read; the rest is irrelevant here. */
function runResult(fields: Partial<RunResult>): RunResult {
  return {
    revenueNet: 0,
    csat: 0,
    capacityHealth: 0,
    downtime: 0,
    securityLoss: 0,
    complianceMet: 0,
    complianceTotal: 0,
    stakeholderAlignment: 0,
    ...fields,
  } as RunResult;
}

describe('metricResolution', () => {
  it('is 0.5% of starting ARR and 1% of the breach cost, at least $10k each', () => {
    expect(metricResolution({ arr: 8_000_000 }, 3_000_000)).toEqual({
      revenue: 40_000,
      csat: 0.5,
      capacityHealth: 0.005,
      reliability: 5,
      security: 30_000,
      compliance: 0.01,
      stakeholders: 0.01,
    });
    const small = metricResolution({ arr: 100_000 }, 0);
    expect(small.revenue).toBe(10_000);
    expect(small.security).toBe(10_000);
  });
});

describe('widenAnchors', () => {
  it('widens a range narrower than the resolution from its floor, and keeps wider ones', () => {
    const res = metricResolution({ arr: 1_000_000 }, 0);
    const widened = widenAnchors(
      { revenue: { floor: 100, best: 2_000 }, csat: { floor: 60, best: 70 } },
      res,
    );
    expect(widened).toEqual({
      revenue: { floor: 100, best: 100 + res.revenue },
      csat: { floor: 60, best: 70 },
    });
  });

  it('leaves out the metrics that have no anchor', () => {
    expect(
      Object.keys(widenAnchors({ csat: { floor: 1, best: 2 } }, metricResolution({ arr: 0 }, 0))),
    ).toEqual(['csat']);
  });
});

describe('metricsOf', () => {
  const run = runResult({
    revenueNet: 1_234,
    csat: 71.5,
    capacityHealth: 0.8,
    downtime: 90,
    securityLoss: 5_000,
    complianceMet: 1,
    complianceTotal: 4,
    stakeholderAlignment: 0.25,
  });

  it('reads revenue, CSAT and health as they are, and downtime and security loss negated', () => {
    expect(metricsOf(run, all(true))).toEqual({
      revenue: 1_234,
      csat: 71.5,
      capacityHealth: 0.8,
      reliability: -90,
      security: -5_000,
      compliance: 0.25,
      stakeholders: 0.25,
    });
  });

  it('has no compliance or stakeholder metric where they do not apply', () => {
    const m = metricsOf(run, { ...all(true), compliance: false, stakeholders: false });
    expect(m.compliance).toBeNull();
    expect(m.stakeholders).toBeNull();
    expect(metricsOf(runResult({ complianceTotal: 0 }), all(true)).compliance).toBeNull();
  });
});

describe('normalize', () => {
  it('is the share of the way from floor to best, clamped to 0–1', () => {
    const a = { floor: 10, best: 30 };
    expect(normalize(15, a)).toBe(0.25);
    expect(normalize(10, a)).toBe(0);
    expect(normalize(30, a)).toBe(1);
    expect(normalize(5, a)).toBe(0);
    expect(normalize(45, a)).toBe(1);
    expect(normalize(-2, { floor: -10, best: -2 })).toBe(1);
    expect(normalize(-8, { floor: -10, best: -2 })).toBe(0.25);
  });

  it('scores 1 on a flat anchor unless below it, and 0 without an anchor', () => {
    expect(normalize(5, { floor: 5, best: 5 })).toBe(1);
    expect(normalize(5 - 1e-10, { floor: 5, best: 5 })).toBe(1);
    expect(normalize(4.9, { floor: 5, best: 5 })).toBe(0);
    // Flat relative to its size: a range of a billionth of the best is no range.
    expect(normalize(2e6, { floor: 2e6, best: 2e6 + 1e-4 })).toBe(1);
    expect(normalize(3, undefined)).toBe(0);
  });
});

describe('scoreMetrics', () => {
  const anchors = {
    revenue: { floor: 0, best: 100 },
    csat: { floor: 50, best: 70 },
    security: { floor: -100, best: 0 },
  };

  it('is 100 · Σ w·s / Σ w over the weighted metrics', () => {
    const { score, normalized } = scoreMetrics(
      metrics({ revenue: 40, csat: 65, security: -100 }),
      anchors,
      weights({ revenue: 3, csat: 1, security: 2 }),
    );
    expect(normalized).toMatchObject({ revenue: 0.4, csat: 0.75, security: 0 });
    expect(score).toBeCloseTo((100 * (3 * 0.4 + 1 * 0.75 + 2 * 0)) / 6, 12);
  });

  it('normalizes but does not weigh a metric with weight 0, and skips metrics that do not apply', () => {
    const { score, normalized } = scoreMetrics(
      metrics({ revenue: 40, csat: 65 }),
      anchors,
      weights({ revenue: 1, csat: 0, compliance: 5 }),
    );
    expect(score).toBeCloseTo(40, 12);
    expect(normalized.csat).toBe(0.75);
    expect(normalized.compliance).toBeNull();
  });

  it('is 0 when nothing is weighted', () => {
    expect(scoreMetrics(metrics({ revenue: 100 }), anchors, weights({})).score).toBe(0);
  });
});

describe('averageMetrics', () => {
  it('weights each record by its probability', () => {
    const avg = averageMetrics([
      { metrics: metrics({ revenue: 100, csat: 60 }), weight: 0.25 },
      { metrics: metrics({ revenue: 200, csat: 80 }), weight: 0.75 },
    ]);
    expect(avg.revenue).toBe(175);
    expect(avg.csat).toBe(75);
    expect(avg.compliance).toBeNull();
  });

  it('divides by the total weight, and is null when any record lacks the metric', () => {
    const avg = averageMetrics([
      { metrics: metrics({ revenue: 100, csat: 10 }), weight: 1 },
      { metrics: metrics({ revenue: 300 }), weight: 3 },
    ]);
    expect(avg.revenue).toBe(250);
    expect(avg.csat).toBeNull();
    expect(averageMetrics([{ metrics: metrics({ revenue: 1 }), weight: 0 }]).revenue).toBeNull();
  });
});
