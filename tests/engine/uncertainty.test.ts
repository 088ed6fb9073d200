/**
 * Decisions under uncertainty: valuing a commit before its hidden facts are known
 * (src/engine/lookahead.ts), what a revealed fact was worth (decisions.ts), par under uncertainty
 * and the value of information (voi.ts), and the anchors that make learning count (par.ts).
 * Searches run on small budgets: the relations asserted hold for any plan the search returns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { compile, drawWorld, simulate, type Plan } from '../../src/engine/index.ts';
import { gradeCommit } from '../../src/engine/decisions.ts';
import { revealedFacts } from '../../src/engine/expected.ts';
import { hiddenFacts, withoutHiddenFacts } from '../../src/engine/hidden.ts';
import {
  experimentsFirst,
  outcomesOf,
  valueOfCommit,
  wouldReveal,
} from '../../src/engine/lookahead.ts';
import { computeAnchors, findPar, scoreObjective } from '../../src/engine/par.ts';
import { averageMetrics } from '../../src/engine/score.ts';
import { scoringOf } from '../../src/engine/simulate.ts';
import { adaptivePar } from '../../src/engine/voi.ts';
import { cases } from '../support/depth.ts';
import { shipped } from './helpers.ts';

const pilot = shipped('pilot-first');
const BUDGET = 1500;
const blind: Plan = {
  slots: [['ai-dispatch', 'patch-maps-sdk', 'crew-scheduling', 'sync-engine'], [], [], []],
};
const piloted: Plan = {
  slots: [['dispatch-pilot', 'patch-maps-sdk', 'crew-scheduling', 'sync-engine'], [], [], []],
};

/** The first seed whose world draws outcome `k` for the optimizer. */
function seedWith(k: number): number {
  for (let seed = 1; seed < 500; seed++)
    if (drawWorld(pilot, seed).get('ai-dispatch') === k) return seed;
  throw new Error('no seed');
}

describe('the shipped value-of-information scenario', () => {
  it('hides the optimizer and the portal, and has a pilot and a study that reveal them', () => {
    expect(
      hiddenFacts(pilot).map((f) => [f.item, f.outcomes.map((o) => [o.factor, o.chance])]),
    ).toEqual([
      [
        'ai-dispatch',
        [
          [0.05, 0.65],
          [1.05, 0.35],
        ],
      ],
      [
        'customer-portal',
        [
          [0.5, 0.5],
          [0.7, 0.5],
        ],
      ],
    ]);
    expect(pilot.items.find((i) => i.id === 'dispatch-pilot')!.reveals).toEqual(['ai-dispatch']);
  });

  it('with the outcomes taken away, plays exactly as expected and tells stories at the expectation', () => {
    const plain = withoutHiddenFacts(pilot);
    expect(hiddenFacts(plain)).toEqual([]);
    expect(simulate(plain, blind).score).toBeCloseTo(simulate(pilot, blind).score, 9);
    const story = simulate(
      plain,
      { slots: [[], ['ai-dispatch'], [], []] },
      { mode: 'seeded', seed: 3 },
    );
    const completion = story.slots
      .flatMap((s) => s.causes)
      .find((c) => c.item === 'ai-dispatch' && c.target === 'arr');
    // Stated $4M × confidence 0.4, whatever the world would have drawn.
    if (completion) expect(completion.delta).toBeCloseTo(1_600_000, 6);
  });
});

describe('valuing a commit before its facts are known', () => {
  const c = compile(pilot);

  it('knows what a slot would reveal: the pilot reveals the optimizer, a blind slot nothing', () => {
    expect(wouldReveal(c, piloted, 0, { known: new Map() })).toEqual(['ai-dispatch']);
    expect(wouldReveal(c, blind, 0, { known: new Map() })).toEqual([]);
    expect(wouldReveal(c, piloted, 0, { known: new Map([['ai-dispatch', 1]]) })).toEqual([]);
  });

  it('enumerates joint outcomes with the product of their chances', () => {
    const combos = outcomesOf(pilot, ['ai-dispatch', 'customer-portal']);
    expect(combos.map((x) => [x.p, [...x.o]])).toEqual([
      [
        0.65 * 0.5,
        [
          ['ai-dispatch', 0],
          ['customer-portal', 0],
        ],
      ],
      [
        0.65 * 0.5,
        [
          ['ai-dispatch', 0],
          ['customer-portal', 1],
        ],
      ],
      [
        0.35 * 0.5,
        [
          ['ai-dispatch', 1],
          ['customer-portal', 0],
        ],
      ],
      [
        0.35 * 0.5,
        [
          ['ai-dispatch', 1],
          ['customer-portal', 1],
        ],
      ],
    ]);
    expect(combos.reduce((s, x) => s + x.p, 0)).toBeCloseTo(1, 12);
  });

  it('values a revealing commit as the score of par’s metrics averaged over the outcomes', () => {
    const options = { budget: BUDGET, starts: [piloted] };
    const value = valueOfCommit(c, piloted, 0, { known: new Map() }, options);
    const each = [0, 1].map((k) =>
      findPar(pilot, {
        ...options,
        frozenSlots: 1,
        fixedPlan: piloted,
        known: new Map([['ai-dispatch', k]]),
      }),
    );
    const { weights, anchors } = scoringOf(c);
    const metrics = averageMetrics([
      { metrics: each[0]!.metrics, weight: 0.65 },
      { metrics: each[1]!.metrics, weight: 0.35 },
    ]);
    expect(value.score).toBeCloseTo(scoreObjective(weights, anchors)(metrics), 9);
    // A commit that reveals nothing is plain par from the next slot.
    const plainValue = valueOfCommit(
      c,
      blind,
      0,
      { known: new Map() },
      { budget: BUDGET, starts: [blind] },
    );
    const plain = findPar(pilot, {
      budget: BUDGET,
      starts: [blind],
      frozenSlots: 1,
      fixedPlan: blind,
      known: new Map(),
    });
    expect(plainValue.score).toBeCloseTo(plain.score, 9);
  });

  it('puts an experiment first and lets what it reveals wait for its answer', () => {
    expect(
      experimentsFirst(pilot, blind, { slots: [[], [], [], []] }, 0, new Map()).map((p) => p.slots),
    ).toEqual([
      [
        ['dispatch-pilot', 'patch-maps-sdk', 'crew-scheduling', 'sync-engine'],
        ['ai-dispatch'],
        [],
        [],
      ],
      [
        ['market-study', 'ai-dispatch', 'patch-maps-sdk', 'crew-scheduling', 'sync-engine'],
        [],
        [],
        [],
      ],
    ]);
    // Already known, or already run: no candidate.
    const known = new Map([
      ['ai-dispatch', 0],
      ['customer-portal', 1],
    ]);
    expect(experimentsFirst(pilot, blind, { slots: [[], [], [], []] }, 0, known)).toEqual([]);
    expect(experimentsFirst(pilot, blind, piloted, 1, new Map([['customer-portal', 0]]))).toEqual(
      [],
    );
  });
});

describe('grading commits with hidden facts', () => {
  it('grades the first commit the same in every world: nothing was known yet', () => {
    const grades = [seedWith(0), seedWith(1), 7].map((seed) =>
      gradeCommit(pilot, piloted, seed, 0, { budget: BUDGET }),
    );
    for (const g of grades.slice(1)) expect(g).toEqual({ ...grades[0], learned: g.learned });
    // What the pilot learned differs with the world, and is named.
    expect(grades[0]!.learned!.facts.map((f) => [f.item, f.outcome, f.by])).toEqual([
      ['ai-dispatch', 0, 'dispatch-pilot'],
    ]);
    expect(grades[1]!.learned!.facts.map((f) => [f.item, f.outcome])).toEqual([['ai-dispatch', 1]]);
  });

  it('charges building the optimizer blind with what the pilot would have been worth', () => {
    const grade = gradeCommit(pilot, blind, 1, 0, { budget: 5000 });
    expect(grade.best).toEqual([
      'dispatch-pilot',
      'patch-maps-sdk',
      'crew-scheduling',
      'sync-engine',
    ]);
    // Yours is committed par itself: the blind bet is the best plan made without learning.
    expect(grade.yourScore).toBeCloseTo(pilot.par!.score, 6);
    expect(grade.lost).toBeGreaterThan(4);
    expect(grade.lost).toBeCloseTo(grade.bestScore - grade.yourScore, 12);
  });

  it('says what a revealed dud was worth: the plan made blind builds the optimizer, the informed one skips it', () => {
    // The first seed that draws the dud; at 40% the optimizer is still worth building blind.
    const seed = seedWith(0);
    expect(drawWorld(pilot, seed).get('ai-dispatch')).toBe(0);
    const { learned } = gradeCommit(pilot, piloted, seed, 0, { budget: 20_000 });
    expect(learned).toBeDefined();
    expect(learned!.facts[0]!.arr).toBeCloseTo(4_000_000 * 0.05, 6);
    expect(learned!.worth).toBeCloseTo(learned!.informedScore - learned!.blindScore, 12);
    expect(learned!.worth).toBeGreaterThan(1);
    expect(learned!.blindNext).toContain('ai-dispatch');
    expect(learned!.informedNext).not.toContain('ai-dispatch');
    // The blind plan is scored in the world after the slot, with what it revealed.
    const blindScore = simulate(
      pilot,
      { slots: [piloted.slots[0]!, learned!.blindNext, [], []] },
      {
        mode: 'conditional',
        seed,
        revealedSlots: 1,
      },
    ).score;
    expect(blindScore).toBeLessThanOrEqual(learned!.informedScore + 1e-9);
  });

  it('values a hit that changes nothing at nothing: blind and informed both build the optimizer', () => {
    const { learned } = gradeCommit(pilot, piloted, seedWith(1), 0, { budget: 20_000 });
    expect(learned!.facts[0]!.arr).toBeCloseTo(4_000_000 * 1.05, 6);
    expect(learned!.worth).toBeGreaterThanOrEqual(0);
    expect(learned!.blindNext).toContain('ai-dispatch');
    expect(learned!.informedNext).toContain('ai-dispatch');
  });

  it('learns nothing from a slot that reveals nothing', () => {
    expect(gradeCommit(pilot, blind, 3, 0, { budget: BUDGET }).learned).toBeUndefined();
  });
});

describe('par under uncertainty', () => {
  it('committed par’s value over the worlds is its expected score (scores are linear in a hidden value)', () => {
    const result = adaptivePar(pilot, { budget: 800 });
    expect(result.worlds.reduce((s, w) => s + w.probability, 0)).toBeCloseTo(1, 12);
    expect(result.committed).toBeCloseTo(pilot.par!.score, 6);
    expect(result.adaptive).toBeGreaterThanOrEqual(result.committed - 1);
    // Adaptive par decides with what it knows: one first slot for every world.
    const first = new Set(result.worlds.map((w) => JSON.stringify(w.plan.slots[0])));
    expect(first.size).toBe(1);
  });

  it('has one world and nothing to learn in a scenario without hidden facts', () => {
    const tutorial = shipped('tutorial');
    const result = adaptivePar(tutorial, { budget: 400 });
    expect(result.worlds).toHaveLength(1);
    expect(result.worlds[0]!.facts).toEqual({});
  });

  it('draws worlds reproducibly from the seed, and never reveals a fact before its slot is played', () => {
    const c = compile(pilot);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (seed) => {
        expect(drawWorld(pilot, seed)).toEqual(drawWorld(pilot, seed));
        expect(revealedFacts(c, seed, piloted, 0)).toEqual([]);
        expect(revealedFacts(c, seed, blind, 1)).toEqual([]);
      }),
      { numRuns: cases(500, 100) },
    );
  });

  it('scores money against the best with every fact known: learning can reach the top of the scale', () => {
    const bare = { ...pilot, par: undefined, scoring: { ...pilot.scoring, anchors: undefined } };
    const informed = computeAnchors(bare, { budget: 2000 }).revenue!.best;
    const blindBest = computeAnchors(withoutHiddenFacts(bare), { budget: 2000 }).revenue!.best;
    expect(informed).toBeGreaterThan(blindBest);
  });
});
