/**
 * Decision quality of a game played quarter by quarter (src/engine/decisions.ts): each commit
 * against the best commit available with what was known when it was made.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { simulate, type Plan } from '../../src/engine/index.ts';
import { decisionQuality, gradeCommit } from '../../src/engine/decisions.ts';
import { findPar } from '../../src/engine/par.ts';
import { shipped } from './helpers.ts';

const tutorial = shipped('tutorial');
const zeroDay = shipped('zero-day');
const BUDGET = 1500;

describe('a search with fewer slots revealed than frozen', () => {
  it('plays the frozen slots it does not reveal with expected dice', () => {
    const par = zeroDay.par!.plan;
    // A seed whose second slot's dice move the score: revealing it or not must differ.
    const seed = 11;
    const revealedOne = simulate(zeroDay, par, { mode: 'conditional', seed, revealedSlots: 1 });
    const revealedTwo = simulate(zeroDay, par, { mode: 'conditional', seed, revealedSlots: 2 });
    expect(Math.abs(revealedOne.score - revealedTwo.score)).toBeGreaterThan(0.01);

    const found = findPar(zeroDay, {
      frozenSlots: 2,
      fixedPlan: par,
      revealedSeed: seed,
      revealedSlots: 1,
      budget: 200,
      starts: [par],
    });
    const again = simulate(zeroDay, found.plan, { mode: 'conditional', seed, revealedSlots: 1 });
    expect(found.score).toBeCloseTo(again.score, 9);
    expect(found.plan.slots.slice(0, 2)).toEqual(par.slots.slice(0, 2));
  });
});

describe('grading a commit', () => {
  const par = tutorial.par!.plan;
  const emptyFirst: Plan = { slots: [[], [...par.slots[0]!, ...par.slots[1]!]] };

  it('par’s first slot loses nothing, against par’s own score', () => {
    const grade = gradeCommit(tutorial, par, 5, 0, { budget: BUDGET });
    expect(grade.bestScore).toBe(tutorial.par!.score);
    expect(grade.lost).toBe(0);
    expect(grade.committed).toEqual(par.slots[0]);
  });

  it('an empty first slot loses the best score less its own, and at least its own plan', () => {
    const grade = gradeCommit(tutorial, emptyFirst, 5, 0, { budget: BUDGET });
    const ownPlan = simulate(tutorial, emptyFirst).score;
    expect(grade.yourScore).toBeGreaterThanOrEqual(ownPlan - 1e-9);
    expect(grade.lost).toBeCloseTo(grade.bestScore - grade.yourScore, 12);
    // The CVE left open and a quarter of work lost: far from par.
    expect(grade.lost).toBeGreaterThan(20);
    expect(grade.best).toEqual(par.slots[0]);
  });

  it('the first commit’s grade does not depend on the dice (nothing was known yet)', () => {
    const first = gradeCommit(tutorial, emptyFirst, 1, 0, { budget: BUDGET });
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 2_000_000_000 }), (seed) => {
        const other = gradeCommit(tutorial, emptyFirst, seed, 0, { budget: BUDGET });
        expect(other).toEqual(first);
      }),
      { numRuns: 4 },
    );
  });

  it('a later commit is graded after the earlier slots’ dice, before its own', () => {
    for (const seed of [3, 11]) {
      const grade = gradeCommit(zeroDay, zeroDay.par!.plan, seed, 2, { budget: BUDGET });
      // The learner's own plan is one of the candidates, valued with slots 0–1 revealed.
      const own = simulate(zeroDay, zeroDay.par!.plan, {
        mode: 'conditional',
        seed,
        revealedSlots: 2,
      }).score;
      expect(grade.yourScore).toBeGreaterThanOrEqual(own - 1e-9);
      expect(grade.bestScore).toBeGreaterThanOrEqual(grade.yourScore);
      // Valued with its own slot's dice revealed, the plan scores differently: not that world.
      const ownRevealed = simulate(zeroDay, zeroDay.par!.plan, {
        mode: 'conditional',
        seed,
        revealedSlots: 3,
      }).score;
      expect(Math.abs(ownRevealed - own)).toBeGreaterThan(0.01);
    }
  });
});

describe('the decision score of a game', () => {
  it('is par less every point lost, over every commit', () => {
    const plan: Plan = { slots: [tutorial.par!.plan.slots[0]!, []] };
    const dq = decisionQuality(tutorial, plan, 9, { budget: BUDGET });
    const grades = [0, 1].map((slot) => gradeCommit(tutorial, plan, 9, slot, { budget: BUDGET }));
    expect(dq.commits).toEqual(grades);
    expect(dq.parScore).toBe(tutorial.par!.score);
    // Q2 left empty loses points; Q1 (par's) none.
    expect(grades[0]!.lost).toBe(0);
    expect(grades[1]!.lost).toBeGreaterThan(1);
    expect(dq.lost).toBeCloseTo(grades[1]!.lost, 12);
    expect(dq.score).toBeCloseTo(tutorial.par!.score - grades[1]!.lost, 12);
  });
});
