/**
 * The edges of hidden facts: how many outcomes an item may list and their bounds, the engine's
 * entry point for what play revealed, and a search told which facts are known.
 */
import { describe, expect, it } from 'vitest';

import { compile, loadScenario, revealedAfter, type Plan } from '../../src/engine/index.ts';
import { revealedFacts } from '../../src/engine/expected.ts';
import { findPar } from '../../src/engine/par.ts';
import { edited, shipped } from './helpers.ts';

function loads(outcomes: unknown): boolean {
  return loadScenario(
    edited('tutorial', (s) => {
      s.items[2].value.outcomes = outcomes;
    }),
  ).ok;
}

describe('hidden outcomes: limits', () => {
  const even = (n: number) => Array.from({ length: n }, () => ({ factor: 0.6, chance: 1 / n }));

  it('takes two to five outcomes', () => {
    expect(loads(even(1))).toBe(false);
    expect(loads(even(2))).toBe(true);
    expect(loads(even(5))).toBe(true);
    expect(loads(even(6))).toBe(false);
  });

  it('takes factors from 0 to 10 and chances from 0 to 1', () => {
    expect(
      loads([
        { factor: 0, chance: 0.4 },
        { factor: 1, chance: 0.6 },
      ]),
    ).toBe(true);
    expect(
      loads([
        { factor: -0.1, chance: 0.5 },
        { factor: 1.3, chance: 0.5 },
      ]),
    ).toBe(false);
    expect(
      loads([
        { factor: 10.5, chance: 0.05 },
        { factor: 0.1, chance: 0.95 },
      ]),
    ).toBe(false);
    expect(
      loads([
        { factor: 0.6, chance: 1.2 },
        { factor: 0.6, chance: -0.2 },
      ]),
    ).toBe(false);
  });
});

describe('what play revealed', () => {
  const pilot = shipped('pilot-first');
  const played: Plan = {
    slots: [['dispatch-pilot', 'patch-maps-sdk', 'crew-scheduling', 'sync-engine'], [], [], []],
  };

  it('is the same through the engine’s entry point as from the compiled scenario', () => {
    for (const seed of [1, 2, 3])
      expect(revealedAfter(pilot, played, seed, 1)).toEqual(
        revealedFacts(compile(pilot), seed, played, 1),
      );
    expect(revealedAfter(pilot, played, 1, 1)).toHaveLength(1);
  });

  it('lets a search take facts as known: a dud known and a hit known find different plans', () => {
    // Both searches start from the same plans, one with the optimizer in Q2: what they keep is
    // what the known fact makes worth it.
    const withOptimizer: Plan = { slots: [played.slots[0]!, ['ai-dispatch'], [], []] };
    const search = (k: number) =>
      findPar(pilot, {
        budget: 20_000,
        frozenSlots: 1,
        fixedPlan: played,
        starts: [played, withOptimizer],
        known: new Map([['ai-dispatch', k]]),
      });
    const dud = search(0);
    const hit = search(1);
    expect(hit.plan.slots.flat()).toContain('ai-dispatch');
    expect(dud.plan.slots.flat()).not.toContain('ai-dispatch');
    expect(hit.score).toBeGreaterThan(dud.score);
  });
});
