/**
 * The look-ahead's "experiment first" candidates (src/engine/lookahead.ts): par's plan with an
 * untried experiment at the front of the slot, and what it concerns moved to the next slot, so
 * that decision waits for the answer — the items it reveals, and the controls of a threat it tests.
 */
import { describe, expect, it } from 'vitest';

import { experimentsFirst } from '../../src/engine/lookahead.ts';
import { item, plan, quarters, scenario } from './mechanics/build.ts';

const s = scenario(
  {
    time: { labels: quarters(3), slotsPerYear: 4 },
    security: {
      sle: 1_000_000,
      vulnerabilities: [],
      threats: [
        {
          id: 'phishing',
          title: 'Phishing',
          perYear: 0.2,
          controls: [{ item: 'keys', reduction: 0.9 }],
          likelihoodOutcomes: [
            { perYear: 0.04, chance: 0.5 },
            { perYear: 0.36, chance: 0.5 },
          ],
        },
      ],
    },
  },
  [
    item('drill', 1, { reveals: ['phishing'] }),
    item('keys', 6, { type: 'security' }),
    item('x', 8, {
      effortOutcomes: [
        { effort: 4, chance: 0.5 },
        { effort: 12, chance: 0.5 },
      ],
    }),
    item('spike', 1, { reveals: ['x'] }),
    item('f', 3),
  ],
);

describe('experiments first', () => {
  const best = plan(s, ['keys', 'x', 'f']);
  const none = new Map<string, number>();

  it('moves a tested threat’s controls and a spiked item to the next slot, behind the answer', () => {
    expect(experimentsFirst(s, best, plan(s), 0, none).map((p) => p.slots)).toEqual([
      [['drill', 'x', 'f'], ['keys'], []],
      [['spike', 'keys', 'f'], ['x'], []],
    ]);
  });

  it('offers no experiment whose facts are known, or already placed', () => {
    const known = new Map([['likelihood:phishing', 1]]);
    expect(experimentsFirst(s, best, plan(s), 0, known).map((p) => p.slots[0])).toEqual([
      ['spike', 'keys', 'f'],
    ]);
    const played = plan(s, ['spike'], ['keys', 'x']);
    expect(experimentsFirst(s, played, played, 1, none).map((p) => p.slots)).toEqual([
      [['spike'], ['drill', 'x'], ['keys']],
    ]);
  });
});
