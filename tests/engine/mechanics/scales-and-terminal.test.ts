/**
 * Model 2's score (docs/model.md, "Net value" and "Metrics and the score"), with numbers worked
 * out from the formulas:
 *
 *   terminal value = terminalYears · ARR_end − debt carry
 *   debt carry = terminalYears · drag_end · capacity of a year · pointValue (its own ledger line)
 *   pointValue = team.pointValue, else Σ(arr·confidence) / Σ mean effort over the features
 *   money s = (net − net of doing nothing) / (net of the value-maximizing plan − net of doing nothing)
 *   CSAT s = (CSAT − 40) / (90 − 40); capacity health is shown, not scored.
 */
import { describe, expect, it } from 'vitest';

import { compile, loadScenario } from '../../../src/engine/index.ts';
import { K, item, plan, run, runWith, scenario } from './build.ts';

/** Drag from debt D with the default half-point H: D / (D + H). */
const drag = (debt: number) => debt / (debt + K.debtHalf);

describe('the terminal value prices the debt left at the end', () => {
  // 2 quarters of 10 points, ARR $1M, 30 points of debt that nothing pays down (the quiet world
  // has no interest and no slack paydown). One feature: $100k at 50% confidence, estimate 4–8
  // around 5 (mean 17/3). A debt item does not count towards the value of a point.
  const withDebt = (pointValue?: number) =>
    scenario(
      {
        start: { arr: 1_000_000, csat: 70, debt: 30 },
        team: { capacity: 10, ktlo: 0, ...(pointValue === undefined ? {} : { pointValue }) },
      },
      [
        item('f', 5, { estimate: [4, 8], value: { arr: 100_000, confidence: 0.5 } }),
        item('d', 3, { type: 'debt', effects: { debtRemove: 5 } }),
      ],
    );

  it('values a point at the expected ARR a point of feature work adds', () => {
    const pointValue = (100_000 * 0.5) / (17 / 3);
    expect(compile(withDebt()).pointValue).toBeCloseTo(pointValue, 9);
    const o = run(withDebt(), [], []);
    // A year of capacity at the end: 10 points a quarter, 4 quarters.
    expect(o.ledger.terminal).toBeCloseTo(1_000_000, 6);
    expect(o.ledger.debtCarry).toBeCloseTo(drag(30) * 40 * pointValue, 6);
    // Nothing else moves money in the quiet world: half a year of ARR, the year after, less the debt.
    expect(o.ledger.net).toBeCloseTo(500_000 + 1_000_000 - drag(30) * 40 * pointValue, 6);
    expect(o.metrics.capacityHealth).toBeCloseTo(1 - drag(30), 12);
  });

  it('uses the scenario’s own value of a point when it states one', () => {
    const o = run(withDebt(2_000), [], []);
    expect(o.ledger.debtCarry).toBeCloseTo(drag(30) * 40 * 2_000, 6);
  });

  it('counts nothing against a team without debt', () => {
    const o = run(scenario({}, [item('f', 5, { value: { arr: 100_000 } })]), [], []);
    expect(o.ledger.debtCarry).toBe(0);
  });

  it('rewards paying debt down with the capacity it gives back after the horizon', () => {
    const nothing = run(withDebt(2_000), [], []);
    const paid = run(withDebt(2_000), ['d'], []);
    // 5 of 30 points paid: the terminal value rises by the drag it removes, over a year of capacity.
    expect(nothing.ledger.debtCarry - paid.ledger.debtCarry).toBeCloseTo(
      (drag(30) - drag(25)) * 40 * 2_000,
      6,
    );
  });
});

describe('the score on fixed scales', () => {
  // One feature worth $100k of ARR and 5 CSAT, 5 points: shipped in Q1 it completes at τ = 0.5,
  // in Q2 at τ = 1.5 (10 points a quarter).
  const feature = (weights: Record<string, number>) =>
    scenario({ scoring: { weights } }, [item('a', 5, { value: { arr: 100_000, csat: 5 } })]);
  const nothing = (1_000_000 * 2) / 4 + 1_000_000;
  const first = (1_000_000 * 0.5) / 4 + (1_100_000 * 1.5) / 4 + 1_100_000;
  const second = (1_000_000 * 1.5) / 4 + (1_100_000 * 0.5) / 4 + 1_100_000;

  it('scores money as the share of value captured between doing nothing and the best plan', () => {
    const s = feature({ revenue: 1 });
    expect(run(s, [], []).score).toBeCloseTo(0, 9);
    expect(run(s, ['a'], []).score).toBeCloseTo(100, 9);
    expect(run(s, [], ['a']).score).toBeCloseTo((100 * (second - nothing)) / (first - nothing), 9);
  });

  it('scores CSAT in points on the fixed 40–90 range, whatever other plans reach', () => {
    const s = feature({ csat: 1 });
    // CSAT 70 with nothing done, 75 once the feature ships (the quiet world has no reversion).
    expect(run(s, [], []).score).toBeCloseTo((100 * (70 - 40)) / 50, 9);
    expect(run(s, ['a'], []).score).toBeCloseTo((100 * (75 - 40)) / 50, 9);
  });

  it('shows capacity health but gives it no weight, whatever weights it is given', () => {
    const s = feature({ revenue: 1 });
    const o = runWith(s, plan(s, [], ['a']), { weights: { revenue: 1, capacityHealth: 5 } });
    expect(o.weights.capacityHealth).toBe(0);
    expect(o.metrics.capacityHealth).toBe(1);
    expect(o.score).toBeCloseTo((100 * (second - nothing)) / (first - nothing), 9);
  });
});

describe('a scenario that still weights capacity health', () => {
  const input = (
    weights: Record<string, number>,
    presets?: Record<string, number>,
    schemaVersion = 2,
  ) => ({
    schemaVersion,
    id: 'old',
    title: 'Old',
    brief: '',
    industry: 'Test',
    difficulty: 1,
    minutes: 1,
    time: { labels: ['Q1', 'Q2'], slotsPerYear: 4 },
    team: { capacity: 10 },
    start: { arr: 1_000_000, csat: 70, debt: 0 },
    scoring: {
      weights,
      ...(presets ? { presets: [{ id: 'cto', name: 'CTO', weights: presets }] } : {}),
    },
    items: [item('a', 5)],
  });

  it('as a version-1 file, loads without those weights, with a notice for each that says why', () => {
    const result = loadScenario(
      input({ revenue: 1, capacityHealth: 2 }, { capacityHealth: 1, csat: 1 }, 1),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => w.path)).toEqual([
      'scoring.weights.capacityHealth',
      'scoring.presets[0].weights.capacityHealth',
      'team.pointValue',
    ]);
    expect(result.warnings[0]!.message).toMatch(/removed.*net value/);
    expect(result.scenario.scoring.weights).toEqual({ revenue: 1 });
  });

  it('as a version-2 file, is refused, naming each weight', () => {
    const result = loadScenario(input({ revenue: 1, capacityHealth: 2 }, { capacityHealth: 1 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([
      'scoring.weights.capacityHealth',
      'scoring.presets[0].weights.capacityHealth',
    ]);
  });

  it('is refused when capacity health is the only metric it weights', () => {
    const result = loadScenario(input({ capacityHealth: 1 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ path: 'scoring.weights' });
    expect(result.issues[0]!.message).toMatch(/other than capacity health/);
  });
});
