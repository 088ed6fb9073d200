/**
 * The par search's default budget counts simulated runs, not plans (the Model 2 issue, item 10:
 * par ≤ 1 s on every shipped scenario). A scenario whose scripted events branch runs each plan
 * once per branch, so its search evaluates `PAR_BUDGET / branches` plans and takes about as long
 * as a scenario without branches.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../../src/engine/index.ts';
import { branchesOf } from '../../src/engine/expected.ts';
import { PAR_BUDGET, scaledBudget, scoreObjective, searchPlans } from '../../src/engine/par.ts';
import { scoringOf } from '../../src/engine/simulate.ts';
import { shipped } from './helpers.ts';

describe('the default par budget of a scenario whose events branch', () => {
  it('divides the budget of simulated runs by the runs each plan takes', () => {
    const c = compile(shipped('delighters'));
    expect(c.items.length * c.slots).toBeLessThanOrEqual(120);
    // 120,000 runs ÷ 4 branches = 30,000 plans; ÷ 3 = 40,000; ÷ 7 = 17,142.9 → 17,143
    expect(scaledBudget(c, PAR_BUDGET, 4)).toBe(30_000);
    expect(scaledBudget(c, PAR_BUDGET, 3)).toBe(40_000);
    expect(scaledBudget(c, PAR_BUDGET, 7)).toBe(17_143);
    // One run per plan is the whole budget; the floor of 1,000 plans holds either way.
    expect(scaledBudget(c, PAR_BUDGET, 1)).toBe(PAR_BUDGET);
    expect(scaledBudget(c, 2_000, 4)).toBe(1_000);
  });

  it('lets a four-branch scenario evaluate a quarter as many plans by default', () => {
    const c = compile(shipped('delighters'));
    expect(branchesOf(c)).toHaveLength(4);
    const { weights, anchors } = scoringOf(c, {});
    const found = searchPlans(c, scoreObjective(weights, anchors));
    // The annealing spends the scaled budget (30,000 plans) and the closing climb a few more; the
    // whole budget would be about 100,000 before the climb.
    expect(found.evaluations).toBeGreaterThan(15_000);
    expect(found.evaluations).toBeLessThanOrEqual(40_000);
  });
});
