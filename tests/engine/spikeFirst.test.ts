/**
 * "Spike before you build" (scenarios/spike-first.json): the shipped scenario whose hidden fact is
 * a size. Multi-currency billing is 4 points or a 40-point rebuild at even chances (22 on the
 * card); a 1-point spike reveals which, and the ledger is frozen until Q2, so the spike in Q1
 * costs the bet no time. Cheap checks only: the value of information itself is guard-rail 8
 * (`npm run scenarios:check`) and `npm run dojo -- voi scenarios/spike-first.json`.
 */
import { describe, expect, it } from 'vitest';

import { compile, drawWorld, simulate, type Plan } from '../../src/engine/index.ts';
import { effortKey, experimentsOf, hiddenEfforts } from '../../src/engine/hidden.ts';
import { wouldReveal } from '../../src/engine/lookahead.ts';
import { shipped } from './helpers.ts';

const spike = shipped('spike-first');
const KEY = effortKey('multi-currency');

/** The first seed whose world draws outcome `k` for multi-currency's size. */
function seedWith(k: number): number {
  for (let seed = 1; seed < 500; seed++) if (drawWorld(spike, seed).get(KEY) === k) return seed;
  throw new Error('no seed');
}

describe('Spike before you build', () => {
  it('hides the size of multi-currency and of smart dunning; the spike and the study reveal them', () => {
    expect(
      hiddenEfforts(spike).map((f) => [
        f.item,
        f.effort,
        f.outcomes.map((o) => [o.effort, o.chance]),
      ]),
    ).toEqual([
      [
        'multi-currency',
        22,
        [
          [4, 0.5],
          [40, 0.5],
        ],
      ],
      [
        'smart-dunning',
        10,
        [
          [8, 0.5],
          [12, 0.5],
        ],
      ],
    ]);
    expect(Object.fromEntries(experimentsOf(spike))).toEqual({
      'ledger-spike': ['multi-currency'],
      'dunning-poc': ['smart-dunning'],
    });
  });

  it('learns the size in Q1 only with the spike: the ledger cannot be started before Q2', () => {
    const c = compile(spike);
    const none = new Map<string, number>();
    const blind: Plan = { slots: [['multi-currency', 'rev-rec'], [], [], []] };
    const spiked: Plan = { slots: [['ledger-spike', 'rev-rec'], ['multi-currency'], [], []] };
    expect(wouldReveal(c, spiked, 0, { known: none })).toEqual([KEY]);
    expect(wouldReveal(c, blind, 0, { known: none })).toEqual([]);
    // Started in Q2, its size is known by the end of Q2: too late to not start it.
    expect(wouldReveal(c, blind, 1, { known: none })).toEqual([KEY]);
  });

  it('built blind, it ships in Q2 when it is small and not this year when it is large', () => {
    const par = spike.par!.plan;
    const done = (seed: number) =>
      simulate(spike, par, { mode: 'seeded', seed }).items.find((i) => i.id === 'multi-currency')!
        .completedAt;
    const small = done(seedWith(0));
    expect(small).not.toBeNull();
    expect(small!).toBeLessThanOrEqual(2);
    expect(done(seedWith(1))).toBeNull();
  });
});
