/**
 * The materiality measurement's rule for "differ only immaterially" (scripts/quality/materiality.ts),
 * on outcomes built by hand around the thresholds: the SLO budget, 0.5% of ARR of breach
 * loss, 1 CSAT point, 1% of the value range of net value, and any difference in obligations or
 * asks met.
 */
import { describe, expect, it } from 'vitest';

import type { Outcome } from '../../src/engine/index.ts';
import { immaterial } from '../../scripts/quality/materiality.ts';

const ARR = 10_000_000;
const RANGE = 2_000_000;

/** An outcome with only what the rule reads: a 100-minute budget over two slots. */
function outcome(parts: {
  downtime?: number;
  breach?: number;
  csat?: number;
  net?: number;
  compliance?: number | null;
  stakeholders?: number | null;
}): Outcome {
  const { downtime = 50, breach = 100_000, csat = 70, net = 20_000_000 } = parts;
  return {
    slots: [{ sloBudget: 50 }, { sloBudget: 50 }],
    metrics: {
      revenue: net,
      csat,
      capacityHealth: 0.8,
      reliability: -downtime,
      security: -breach,
      compliance: parts.compliance === undefined ? 1 : parts.compliance,
      stakeholders: parts.stakeholders === undefined ? 0.5 : parts.stakeholders,
    },
    ledger: { net },
  } as unknown as Outcome;
}

describe('immaterially different outcomes', () => {
  it('are both inside the SLO budget, however far apart in minutes', () => {
    expect(immaterial(outcome({ downtime: 0 }), outcome({ downtime: 100 }), ARR, RANGE)).toBe(true);
    expect(immaterial(outcome({ downtime: 0 }), outcome({ downtime: 101 }), ARR, RANGE)).toBe(
      false,
    );
  });

  it('differ by at most 0.5% of ARR in breach loss, 1 CSAT point and 1% of the value range', () => {
    const base = outcome({});
    expect(immaterial(base, outcome({ breach: 150_000 }), ARR, RANGE)).toBe(true);
    expect(immaterial(base, outcome({ breach: 150_001 }), ARR, RANGE)).toBe(false);
    expect(immaterial(base, outcome({ csat: 71 }), ARR, RANGE)).toBe(true);
    expect(immaterial(base, outcome({ csat: 71.01 }), ARR, RANGE)).toBe(false);
    expect(immaterial(base, outcome({ net: 20_020_000 }), ARR, RANGE)).toBe(true);
    expect(immaterial(base, outcome({ net: 20_020_001 }), ARR, RANGE)).toBe(false);
  });

  it('meet the same obligations and asks', () => {
    const base = outcome({});
    expect(immaterial(base, outcome({ compliance: 0.5 }), ARR, RANGE)).toBe(false);
    expect(immaterial(base, outcome({ stakeholders: 0.6 }), ARR, RANGE)).toBe(false);
  });
});
