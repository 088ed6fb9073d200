/**
 * A hazard past certainty (docs/model.md, step 8): the stale-dependency hazard γ·D/H·π grows with
 * debt without bound, so it is held just under 1 (0.999999) before its logarithm is taken. Debt
 * so stale that γ·D/H passes 1 still gives a breach probability of 0.999999 a slot, never NaN or
 * more than 1. (A vulnerability's band and a threat's yearly chance are held under 1 when the
 * scenario is compiled.)
 */
import { describe, expect, it } from 'vitest';

import { K, quarters, run, scenario } from './build.ts';

const CAP = 0.999999;
const SLE = 1_000_000;

function expectCapped(out: ReturnType<typeof run>) {
  for (const t of out.slots) expect(t.breachProbability).toBeCloseTo(CAP, 12);
}

describe('a hazard at certainty', () => {
  it('is held under 1 when debt makes the stale-dependency hazard pass 1', () => {
    // γ·D/H = 2 at this debt: twice certainty.
    const debt = (2 * K.debtHalf) / K.stalenessHazard;
    const s = scenario({
      time: { labels: quarters(2), slotsPerYear: 4 },
      constants: { stalenessHazard: K.stalenessHazard },
      start: { arr: 1_000_000, csat: 70, debt },
      security: { sle: SLE, vulnerabilities: [] },
    });
    expectCapped(run(s));
  });
});
