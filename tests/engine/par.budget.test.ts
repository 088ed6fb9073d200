/**
 * The par search's budget on a large plan space (the Model 2 issue, item 10): scaled down in
 * proportion to items × slots beyond the shipped scenarios' size, and its climbs' cap of four
 * times the budget held inside a pass over a neighbourhood.
 */
import { describe, expect, it } from 'vitest';

import { compile, loadScenario } from '../../src/engine/index.ts';
import {
  FULL_BUDGET_SIZE,
  PAR_BUDGET,
  scaledBudget,
  scoreObjective,
  searchPlans,
} from '../../src/engine/par.ts';
import { scoringOf } from '../../src/engine/simulate.ts';
import { largeBacklogText } from '../../scripts/quality/largeBacklog.ts';
import { shipped } from './helpers.ts';

function largeBacklog(items: number, slots: number) {
  const result = loadScenario(largeBacklogText(items, slots));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return compile(result.scenario);
}

describe('the search budget on a large plan space', () => {
  it('gets a search budget scaled down in proportion to items × slots beyond the shipped size', () => {
    // Every shipped scenario keeps the whole budget (at most 20 items over 6 slots).
    for (const id of ['tutorial', 'audit-year', 'platform-sprints']) {
      const c = compile(shipped(id));
      expect(c.items.length * c.slots).toBeLessThanOrEqual(FULL_BUDGET_SIZE);
      expect(scaledBudget(c, PAR_BUDGET)).toBe(PAR_BUDGET);
    }
    const c = largeBacklog(150, 26);
    expect(c.items.length * c.slots).toBe(3_900);
    // 120,000 × 120 / 3,900 = 3,692.3
    expect(scaledBudget(c, PAR_BUDGET)).toBe(3_692);
    // 20,000 × 120 / 3,900 = 615.4, under the floor of 1,000
    expect(scaledBudget(c, 20_000)).toBe(1_000);
  });

  it('stops its search at four times the budget, even inside one pass over a neighbourhood', () => {
    const c = largeBacklog(150, 26);
    const { weights, anchors } = scoringOf(c, {});
    // One pass over this plan space's neighbourhood is thousands of plans: a cap checked only
    // between passes overshoots it by a pass.
    const found = searchPlans(c, scoreObjective(weights, anchors), { budget: 1_000 });
    expect(found.evaluations).toBeLessThanOrEqual(4_000);
    expect(found.evaluations).toBeGreaterThan(1_000);
  });

  it('scales from just past the shipped size', () => {
    // 18 items × 7 sprints = 126: 120,000 × 120 / 126 = 114,285.7
    const c = largeBacklog(18, 7);
    expect(c.items.length * c.slots).toBe(126);
    expect(scaledBudget(c, PAR_BUDGET)).toBe(114_286);
    // 20 × 6 = 120: the whole budget
    expect(scaledBudget(largeBacklog(20, 6), PAR_BUDGET)).toBe(PAR_BUDGET);
  });
});
