/** Round-by-round play: outcomes conditional on the slots already played. */
import { describe, expect, it } from 'vitest';
import { simulate, type Plan } from '../../src/engine/index.ts';
import { findPar } from '../../src/engine/par.ts';
import { searchBudget } from '../support/depth.ts';
import { shipped } from './helpers.ts';

const s = shipped('big-customer');
const plan: Plan = {
  slots: [
    ['patch-pdf', 'user-model', 'sso'],
    ['db-migration'],
    ['bulk-edit', 'runbooks'],
    ['audit-log', 'waf'],
  ],
};

describe('conditional mode', () => {
  it('is the expected run when nothing is revealed and the seeded run when everything is', () => {
    const none = simulate(s, plan, { mode: 'conditional', seed: 5, revealedSlots: 0 });
    const all = simulate(s, plan, { mode: 'conditional', seed: 5, revealedSlots: 4 });
    expect(none.score).toBeCloseTo(simulate(s, plan).score, 9);
    expect(all.score).toBeCloseTo(simulate(s, plan, { mode: 'seeded', seed: 5 }).score, 9);
    expect(none.revealedSlots).toBe(0);
    expect(all.revealedSlots).toBe(4);
  });

  it('tells the revealed slots exactly as the seeded story, and expects the rest', () => {
    const seeded = simulate(s, plan, { mode: 'seeded', seed: 9 });
    const expected = simulate(s, plan);
    const half = simulate(s, plan, { mode: 'conditional', seed: 9, revealedSlots: 2 });
    for (const t of [0, 1]) {
      expect(half.slots[t]!.incidents).toBe(seeded.slots[t]!.incidents);
      expect(half.slots[t]!.breaches).toBe(seeded.slots[t]!.breaches);
      expect(Number.isInteger(half.slots[t]!.incidents)).toBe(true);
    }
    // Later slots use expectations: fractional incident counts, like the expected run.
    expect(Number.isInteger(half.slots[3]!.incidents)).toBe(false);
    expect(half.slots[3]!.incidents).not.toBe(expected.slots[3]!.incidents);
  });

  it('finds par from here: the played slots stay, the rest is re-optimized in the revealed world', () => {
    const played: Plan = { slots: [['dark-mode', 'ai-assistant'], [], [], []] };
    const here = findPar(s, {
      frozenSlots: 1,
      fixedPlan: played,
      revealedSeed: 3,
      budget: searchBudget(6000),
    });
    expect(here.plan.slots[0]).toEqual(['dark-mode', 'ai-assistant']);
    const committed = simulate(s, played, { mode: 'conditional', seed: 3, revealedSlots: 1 });
    const best = simulate(s, here.plan, { mode: 'conditional', seed: 3, revealedSlots: 1 });
    expect(best.score).toBeCloseTo(here.score, 9);
    expect(best.score).toBeGreaterThan(committed.score);
  });
});
