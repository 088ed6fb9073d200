/**
 * Step 4 of a slot (docs/model.md): between completions the state is constant, and the slot
 * integrates revenue (ARR·Δ/slotsPerYear), running fees, overload, incident intensity and breach
 * survival piece by piece. (Overload, incidents and breaches have their own files; this one
 * checks the piecewise integration with revenue and fees.)
 */
import { describe, expect, it } from 'vitest';

import { item, quarters, run, scenario, slot } from './build.ts';

/** The formula of step 4: revenue of a slot whose ARR changes at the given fractions. */
function expectedRevenue(
  pieces: readonly { arr: number; from: number; to: number }[],
  slotsPerYear: number,
) {
  return pieces.reduce((sum, p) => sum + (p.arr * (p.to - p.from)) / slotsPerYear, 0);
}

describe('step 4: integrating between completions', () => {
  it('earns the ARR in force over each piece of the slot', () => {
    // ARR $1M until the feature lands halfway through Q1, then $1.4M.
    const s = scenario({}, [item('a', 5, { value: { arr: 400_000 } })]);
    const out = run(s, ['a']);
    expect(slot(out, 0).revenue).toBeCloseTo(
      expectedRevenue(
        [
          { arr: 1_000_000, from: 0, to: 0.5 },
          { arr: 1_400_000, from: 0.5, to: 1 },
        ],
        4,
      ),
      6,
    );
    expect(slot(out, 1).revenue).toBeCloseTo(
      expectedRevenue([{ arr: 1_400_000, from: 0, to: 1 }], 4),
      6,
    );
    expect(out.ledger.revenue).toBeCloseTo(slot(out, 0).revenue + slot(out, 1).revenue, 6);
  });

  it('divides by the scenario’s slots per year', () => {
    const s = scenario({ time: { labels: quarters(3), slotsPerYear: 12 } }, [
      item('a', 2, { value: { arr: 120_000 } }),
    ]);
    const out = run(s, ['a']);
    expect(slot(out, 0).revenue).toBeCloseTo(
      expectedRevenue(
        [
          { arr: 1_000_000, from: 0, to: 0.2 },
          { arr: 1_120_000, from: 0.2, to: 1 },
        ],
        12,
      ),
      6,
    );
  });

  it('splits the slot at every completion', () => {
    const s = scenario({}, [
      item('a', 2, { value: { arr: 100_000 } }),
      item('b', 3, { value: { arr: 200_000 } }),
    ]);
    const out = run(s, ['a', 'b']);
    expect(slot(out, 0).revenue).toBeCloseTo(
      expectedRevenue(
        [
          { arr: 1_000_000, from: 0, to: 0.2 },
          { arr: 1_100_000, from: 0.2, to: 0.5 },
          { arr: 1_300_000, from: 0.5, to: 1 },
        ],
        4,
      ),
      6,
    );
  });
});
