/**
 * Metrics and the score (docs/model.md).
 *   revenue = net dollars; satisfaction = CSAT at the end; capacity health = 1 − drag at the end;
 *   reliability = −(downtime + degraded minutes); security = −(breach cost + residual exposure);
 *   compliance = share of obligations met (only with obligations); stakeholders = influence-
 *   weighted share of asks met (only with asks).
 *   s = clamp((x − floor)/(best − floor), 0, 1) with the range widened to the metric's
 *   resolution; score = 100·Σ w·s / Σ w over the metrics that apply.
 */
import { describe, expect, it } from 'vitest';

import type { Anchors, Metric, Outcome } from '../../../src/engine/index.ts';
import { K, item, plan, run, runWith, scenario, slot } from './build.ts';

/** The formulas of the score. */
function expectedNormalized(x: number, floor: number, best: number, resolution: number): number {
  const top = Math.max(best, floor + resolution);
  return Math.min(1, Math.max(0, (x - floor) / (top - floor)));
}
function expectedScore(parts: readonly { s: number; w: number }[]): number {
  const weight = parts.reduce((a, p) => a + p.w, 0);
  return (100 * parts.reduce((a, p) => a + p.w * p.s, 0)) / weight;
}
/** The resolution of each metric: the smallest range an anchor is allowed to have. */
const resolution = (startArr: number, sle: number): Record<Metric, number> => ({
  revenue: Math.max(10_000, startArr * 0.005),
  csat: 0.5,
  capacityHealth: 0.005,
  reliability: 5,
  security: Math.max(10_000, sle * 0.01),
  compliance: 0.01,
  stakeholders: 0.01,
});

const busy = () =>
  scenario(
    {
      start: { arr: 1_000_000, csat: 70, debt: 30 },
      constants: { incidentBase: K.incidentBase, churnBase: K.churnBase },
      demand: { rho0: 1.1 },
      reliability: { costPerMinute: 50 },
      security: { sle: 800_000, vulnerabilities: [{ id: 'v', title: 'V', cvss: 7.5 }] },
      obligations: [{ id: 'ob', title: 'Ob', deadlineSlot: 1, penalty: 10_000 }],
      stakeholders: [
        { id: 'ceo', name: 'C', role: 'CEO', influence: 3, asks: [{ item: 'a', bySlot: 0 }] },
      ],
      scoring: {
        weights: {
          revenue: 3,
          csat: 1,
          reliability: 2,
          security: 1,
          compliance: 1,
          stakeholders: 2,
        },
      },
    },
    [
      item('a', 5, { value: { arr: 100_000, csat: 2 } }),
      item('patch', 2, { type: 'security', effects: { closes: ['v'] } }),
      item('ob', 2, { type: 'compliance', effects: { compliance: 'ob' } }),
    ],
  );

describe('metrics', () => {
  it('reads each raw metric from the run', () => {
    const s = busy();
    const out = run(s, ['a', 'ob']);
    const last = slot(out, 1);
    expect(out.metrics.revenue).toBeCloseTo(out.ledger.net, 6);
    expect(out.metrics.csat).toBeCloseTo(last.csatEnd, 12);
    expect(out.metrics.capacityHealth).toBeCloseTo(
      1 - out.endDebt / (out.endDebt + K.debtHalf),
      12,
    );
    expect(out.metrics.reliability).toBeCloseTo(
      -out.slots.reduce((a, t) => a + t.downtimeMinutes + t.overloadMinutes, 0),
      9,
    );
    expect(out.metrics.security).toBeCloseTo(-(out.ledger.breach + out.residualExposure), 6);
    expect(out.metrics.compliance).toBe(1);
    expect(out.metrics.stakeholders).toBe(1);
  });

  it('leaves out compliance and stakeholders when the scenario has none', () => {
    const s = scenario({ scoring: { weights: { revenue: 1, compliance: 5, stakeholders: 5 } } });
    const out = run(s, ['a']);
    expect(out.metrics.compliance).toBeNull();
    expect(out.metrics.stakeholders).toBeNull();
    expect(out.normalized.compliance).toBeNull();
    expect(out.weights).toMatchObject({ revenue: 1, compliance: 0, stakeholders: 0 });
  });
});

describe('the score', () => {
  it('normalizes each metric between its anchors and weighs them', () => {
    const s = busy();
    const p = plan(s, ['a', 'ob']);
    const raw = run(s, ['a', 'ob']).metrics;
    // Anchors chosen around the raw values: wide ones, and one below a metric's resolution.
    const anchors: Anchors = {
      revenue: { floor: raw.revenue! - 200_000, best: raw.revenue! + 300_000 },
      csat: { floor: raw.csat! - 1, best: raw.csat! - 0.5 },
      capacityHealth: { floor: 0, best: 1 },
      reliability: { floor: raw.reliability! - 1, best: raw.reliability! + 1 },
      security: { floor: raw.security! - 100_000, best: 0 },
      compliance: { floor: 0, best: 1 },
      stakeholders: { floor: 0, best: 1 },
    };
    const out = runWith(s, p, { anchors });
    const res = resolution(1_000_000, 800_000);
    const parts: { m: Metric; w: number }[] = [
      { m: 'revenue', w: 3 },
      { m: 'csat', w: 1 },
      { m: 'reliability', w: 2 },
      { m: 'security', w: 1 },
      { m: 'compliance', w: 1 },
      { m: 'stakeholders', w: 2 },
    ];
    const s01 = (m: Metric) =>
      expectedNormalized(raw[m]!, anchors[m]!.floor, anchors[m]!.best, res[m]);
    for (const { m } of parts) expect(out.normalized[m]).toBeCloseTo(s01(m), 12);
    expect(out.normalized.revenue).toBeCloseTo(0.4, 12);
    expect(out.normalized.csat).toBe(1);
    // Reliability's range of 2 minutes is widened to 5: (x − floor)/5.
    expect(out.normalized.reliability).toBeCloseTo(1 / 5, 12);
    expect(out.score).toBeCloseTo(expectedScore(parts.map(({ m, w }) => ({ s: s01(m), w }))), 9);
  });

  it('scores with other weights when asked (presets, custom weights)', () => {
    const s = busy();
    const p = plan(s, ['a', 'ob']);
    const base = runWith(s, p, {});
    const onlyRevenue = runWith(s, p, { weights: { revenue: 1 } });
    expect(onlyRevenue.score).toBeCloseTo(100 * base.normalized.revenue!, 9);
    const two = runWith(s, p, { weights: { revenue: 1, security: 3 } });
    expect(two.score).toBeCloseTo(
      expectedScore([
        { s: base.normalized.revenue!, w: 1 },
        { s: base.normalized.security!, w: 3 },
      ]),
      9,
    );
  });

  it('keeps every normalized metric and the score within 0–100 for any plan', () => {
    const s = busy();
    const outs: Outcome[] = [run(s), run(s, ['a', 'patch', 'ob']), run(s, [], ['ob'])];
    for (const out of outs) {
      expect(out.score).toBeGreaterThanOrEqual(0);
      expect(out.score).toBeLessThanOrEqual(100);
      for (const v of Object.values(out.normalized))
        if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
    }
  });
});
