/**
 * Step 7's SLO budget at its edge (docs/model.md): a slot whose downtime uses exactly its budget
 * has kept the promise. Only minutes above the budget blow it and freeze features next slot.
 *
 * Quiet world with incidents on at λ0 (no debt, utilization at the reference): λ0 incidents of
 * incidentMinutes each, a quarter, and nothing else costs minutes.
 */
import { describe, expect, it } from 'vitest';

import { K, item, quarters, run, scenario, slot } from './build.ts';

const MINUTES = K.incidentBase * K.incidentMinutes;

const withBudget = (sloBudgetMinutes: number) =>
  scenario(
    {
      time: { labels: quarters(3), slotsPerYear: 4 },
      constants: { incidentBase: K.incidentBase },
      reliability: { costPerMinute: 0, sloBudgetMinutes, freezeOnBlownBudget: true },
    },
    [item('feature', 3), item('ops', 3, { type: 'ops' })],
  );

describe('step 7: the SLO budget at its edge', () => {
  it('does not freeze when the downtime uses exactly the budget', () => {
    const out = run(withBudget(MINUTES), [], ['feature', 'ops']);
    expect(slot(out, 0).sloMinutes).toBeCloseTo(MINUTES, 9);
    expect(out.slots.map((t) => t.frozen)).toEqual([false, false, false]);
    expect(out.events.some((e) => e.kind === 'freeze')).toBe(false);
  });

  it('freezes when the downtime passes the budget by a minute', () => {
    const out = run(withBudget(MINUTES - 1), [], ['feature', 'ops']);
    expect(slot(out, 0).frozen).toBe(false);
    expect(slot(out, 1).frozen).toBe(true);
  });
});
