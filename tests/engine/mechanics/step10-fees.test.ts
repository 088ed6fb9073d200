/**
 * Step 10 of a slot (docs/model.md): running fees accrue, per unit of slot time, from their
 * first slot until the item that stops them is done.
 */
import { describe, expect, it } from 'vitest';

import { item, quarters, run, scenario, slot } from './build.ts';

/** The formula of step 10: the fee charged in slot t. */
function expectedFee(p: { t: number; perSlot: number; fromSlot: number; doneAt: number | null }) {
  if (p.t < p.fromSlot) return 0;
  const end = Math.min(p.t + 1, p.doneAt ?? Infinity);
  return p.perSlot * Math.max(0, end - p.t);
}

const withFee = (fromSlot: number) =>
  scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, [
    item('migrate', 3, {
      type: 'ops',
      effects: { fee: { label: 'Legacy support', perSlot: 40_000, fromSlot } },
    }),
    item('other', 6),
  ]);

describe('step 10: running fees', () => {
  it('charges the fee every slot while the item is not done', () => {
    const out = run(withFee(0));
    expect(out.slots.map((t) => t.fees)).toEqual([40_000, 40_000, 40_000]);
    expect(out.ledger.fees).toBe(120_000);
  });

  it('stops the fee the moment the item is done', () => {
    // Planned in Q2 after a 6-point item: done at τ = 1 + (6 + 3)/10.
    const out = run(withFee(0), [], ['other', 'migrate']);
    const doneAt = 1 + 9 / 10;
    out.slots.forEach((trace, t) =>
      expect(trace.fees).toBeCloseTo(expectedFee({ t, perSlot: 40_000, fromSlot: 0, doneAt }), 6),
    );
  });

  it('charges nothing before the fee’s first slot', () => {
    const out = run(withFee(1));
    out.slots.forEach((trace, t) =>
      expect(trace.fees).toBe(expectedFee({ t, perSlot: 40_000, fromSlot: 1, doneAt: null })),
    );
    expect(slot(out, 0).fees).toBe(0);
  });

  it('takes the fees out of net revenue', () => {
    const s = withFee(0);
    const paying = run(s);
    const stopped = run(s, ['migrate']);
    expect(paying.ledger.net - paying.ledger.revenue - paying.ledger.terminal).toBeCloseTo(
      -paying.ledger.fees,
      6,
    );
    expect(stopped.ledger.fees).toBeCloseTo(40_000 * 0.3, 6);
  });
});
