import { describe, expect, it } from 'vitest';

import { simulate } from '../../../src/engine';
import { debrief } from '../../../src/explain/debrief';
import { seedDistribution } from '../../../src/engine/seeds';
import {
  CAPACITY_PARTS,
  TIME_METRICS,
  capacityRows,
  ledgerSteps,
  radarRows,
  radarRowsOf,
  spreadSeries,
  timeMetricsFor,
  timeRows,
} from '../../../src/features/debrief/chartData';
import { waterfallBars } from '../../../src/components/charts/waterfall';
import { big, bigPar, deferredPatch } from './fixtures';

const yours = simulate(big, deferredPatch);
const par = simulate(big, bigPar().plan);
const lines = [
  { key: 'yours', label: 'Your plan', outcome: yours },
  { key: 'par', label: 'Par', outcome: par },
];

describe('metrics over time', () => {
  it('starts ARR at the starting ARR, then one row per slot for every line', () => {
    const rows = timeRows(TIME_METRICS.arr, lines);
    expect(rows.map((r) => r.slot)).toEqual(['Start', ...big.time.labels]);
    expect(rows[0]).toEqual({ slot: 'Start', yours: big.start.arr, par: big.start.arr });
    expect(rows[2]).toEqual({
      slot: big.time.labels[1],
      yours: yours.slots[1]!.arrEnd,
      par: par.slots[1]!.arrEnd,
    });
  });

  it('charts per-slot values without a start row for drag, utilization and breach risk', () => {
    const rows = timeRows(TIME_METRICS.breach, lines);
    expect(rows).toHaveLength(big.time.labels.length);
    // The deferred patch leaves Q3's breach risk far above par's.
    expect(rows[2]!.yours as number).toBeGreaterThan(5 * (rows[2]!.par as number));
    expect(TIME_METRICS.utilization.referenceLines).toEqual([{ y: 1, label: 'overload (1.0)' }]);
  });

  it('charts utilization only with demand and breaches only with security', () => {
    expect(timeMetricsFor(big).map((m) => m.id)).toEqual([
      'arr',
      'csat',
      'debt',
      'drag',
      'utilization',
      'breach',
    ]);
    const { demand: _d, security: _s, ...plain } = big;
    expect(timeMetricsFor(plain).map((m) => m.id)).toEqual(['arr', 'csat', 'debt', 'drag']);
  });

  it('marks rising debt, drag, load and risk as bad news', () => {
    const bad = Object.values(TIME_METRICS)
      .filter((m) => m.higherIsWorse)
      .map((m) => m.id);
    expect(bad.sort()).toEqual(['breach', 'debt', 'drag', 'utilization']);
  });
});

describe('radar', () => {
  it('turns the metric gap into one row per weighted metric, yours and par', () => {
    const d = debrief(big, deferredPatch, { par: bigPar().plan, seed: 1 });
    const rows = radarRows(d.metricsGap);
    expect(rows).toHaveLength(d.metricsGap.length);
    const security = rows.find((r) => r.metric === 'Security')!;
    expect(security.yours as number).toBeLessThan(security.par as number);
  });

  it('overlays any number of outcomes on the metrics they all have', () => {
    const rows = radarRowsOf(lines);
    expect(rows.find((r) => r.metric === 'Net value')).toEqual({
      metric: 'Net value',
      yours: yours.normalized.revenue,
      par: par.normalized.revenue,
    });
    expect(rows.map((r) => r.metric)).not.toContain('Compliance');
  });
});

describe('capacity breakdown', () => {
  it('has one row per slot whose parts add up to the slot capacity', () => {
    const rows = capacityRows(yours);
    expect(rows).toHaveLength(big.time.labels.length);
    rows.forEach((row, t) => {
      const sum = CAPACITY_PARTS.reduce((a, p) => a + (row[p.key] as number), 0);
      expect(sum).toBeCloseTo(yours.slots[t]!.capacity, 6);
    });
  });
});

describe('money ledger', () => {
  it('walks from revenue through each loss and ending ARR to the net', () => {
    const steps = ledgerSteps(yours.ledger);
    expect(steps[0]).toEqual({ label: 'Revenue', value: yours.ledger.revenue });
    expect(steps.at(-1)).toEqual({ label: 'Net value', value: yours.ledger.net, total: true });
    expect(steps.map((s) => s.label)).toContain('Breaches');
    expect(steps.map((s) => s.label)).not.toContain('Fines');
    // After a year of ending ARR, what the end state will cost in that year: this big-customer
    // plan ends with debt, with risk left open and with less system capacity than its demand needs.
    expect(yours.ledger.debtCarry).toBeGreaterThan(0);
    expect(yours.ledger.openRisk).toBeGreaterThan(0);
    expect(yours.ledger.overloadAhead).toBeGreaterThan(0);
    expect(steps.slice(-5, -1)).toEqual([
      { label: 'Ending ARR (1 yr)', value: yours.ledger.terminal },
      { label: 'Debt left (1 yr of drag)', value: -yours.ledger.debtCarry },
      { label: 'Risk left open (1 yr)', value: -yours.ledger.openRisk },
      { label: 'Lost demand (1 yr)', value: -yours.ledger.overloadAhead },
    ]);
    // Lines under 50 cents are left out: par carries its demand, so it has no such line.
    expect(par.ledger.overloadAhead).toBe(0);
    expect(ledgerSteps(par.ledger).map((s) => s.label)).not.toContain('Lost demand (1 yr)');
    // The bars end exactly where the net total is.
    const bars = waterfallBars(steps);
    expect(bars.at(-2)!.level).toBeCloseTo(yours.ledger.net, 3);
  });
});

describe('many seeds', () => {
  it('puts both distributions on the same bins', () => {
    const a = seedDistribution(big, deferredPatch, { runs: 30 });
    const b = seedDistribution(big, bigPar().plan, { runs: 30 });
    const { bins, series } = spreadSeries(a, b);
    expect(bins).toHaveLength(20);
    expect(series.map((s) => s.counts.reduce((x, y) => x + y, 0))).toEqual([30, 30]);
  });
});
