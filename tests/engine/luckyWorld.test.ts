/**
 * Par in a lucky world. Once an experiment reveals a lucky fact, par from here can earn money past
 * money's best anchor (up to its ceiling), so the weighted sum the search maximizes passes 100.
 * The score the learner is shown tops out at 100 like every other score; the search still ranks
 * plans by the uncapped sum (`value`), so it does not trade that money away.
 *
 * pilot-deal's lucky world is the one where both hidden facts come out at their second outcome
 * (the pilot converts and the deal's value is high); par there is worth about 120 uncapped.
 */
import { describe, expect, it } from 'vitest';
import { compile, scoreMetrics } from '../../src/engine/index.ts';
import { findPar } from '../../src/engine/par.ts';
import { allHiddenFacts, drawWorld, outcomesOf } from '../../src/engine/hidden.ts';
import { valueOfCommit, wouldReveal } from '../../src/engine/lookahead.ts';
import { gradeCommit } from '../../src/engine/decisions.ts';
import { scoringOf } from '../../src/engine/simulate.ts';
import { shipped } from './helpers.ts';

const scenario = shipped('pilot-deal');
const worlds = outcomesOf(
  scenario,
  allHiddenFacts(scenario).map((f) => f.key),
);
const lucky = worlds.find((w) => [...w.o.values()].every((o) => o === 1))!;
const BUDGET = 3_000;

// Par is searched inside each test, not once for the file: a result computed outside the tests
// would be computed before a mutated engine is switched on, and pin nothing under mutation.
const luckyPar = () => findPar(scenario, { known: lucky.o, budget: BUDGET });

describe('par in a lucky world', () => {
  it('is worth more than 100 to the search, and shown as 100', () => {
    expect(lucky).toBeDefined();
    const par = luckyPar();
    expect(par.value).toBeGreaterThan(105);
    expect(par.score).toBe(100);
  });

  it('shows the score of its own metrics (one outcome, one number)', () => {
    const par = luckyPar();
    const { weights, anchors } = scoringOf(compile(scenario));
    const scored = scoreMetrics(par.metrics, anchors, weights);
    expect(par.score).toBe(scored.score);
    expect(par.value).toBeCloseTo(scored.value, 9);
  });

  it('is unchanged below 100: an unlucky world shows what the search found', () => {
    const unlucky = worlds.find((w) => [...w.o.values()].every((o) => o === 0))!;
    const found = findPar(scenario, { known: unlucky.o, budget: BUDGET });
    expect(found.value).toBeLessThan(100);
    expect(found.score).toBe(found.value);
  });
});

describe('the value of a commit in a lucky world', () => {
  const slots = scenario.par!.plan.slots.map((ids) => [...ids]);

  it('shows at most 100 and keeps the uncapped value, every fact known', () => {
    const commit = valueOfCommit(
      compile(scenario),
      { slots },
      0,
      { known: lucky.o },
      { budget: BUDGET },
    );
    expect(commit.value).toBeGreaterThan(105);
    expect(commit.score).toBe(100);
  });

  it('shows at most 100 when the commit reveals a fact and its value is averaged over it', () => {
    // The SAP connector's lucky outcome is known; the buyer survey (6 points) with the PDF patch
    // in the first sprint reveals the approval workflows' value by the sprint's end, so the commit
    // is valued over both of its outcomes (both past 100 uncapped).
    const rest = slots[0]!.filter((id) => id !== 'patch-pdf');
    const surveyFirst = {
      slots: [['buyer-survey', 'patch-pdf'], [...rest, ...slots[1]!], ...slots.slice(2)],
    };
    const known = new Map([['sap-connector', 1]]);
    const c = compile(scenario);
    expect(wouldReveal(c, surveyFirst, 0, { known })).toEqual(['approval-workflows']);
    const commit = valueOfCommit(c, surveyFirst, 0, { known }, { budget: BUDGET });
    expect(commit.value).toBeGreaterThan(105);
    expect(commit.score).toBe(100);
  });
});

describe('what a lucky reveal was worth', () => {
  it('compares two scores the learner can see: both top out at 100, so it was worth nothing', () => {
    // Seed 2 draws the SAP connector's lucky outcome; the Hesketh pilot in the first sprint
    // reveals it. Uncapped, par from the second sprint with it known is worth about 119.
    expect(drawWorld(scenario, 2).get('sap-connector')).toBe(1);
    const slots = scenario.par!.plan.slots.map((ids, t) =>
      t === 0 ? ['hesketh-pilot', ...ids] : [...ids],
    );
    const grade = gradeCommit(scenario, { slots }, 2, 0, { budget: BUDGET });
    expect(grade.learned?.facts.map((f) => f.item)).toEqual(['sap-connector']);
    expect(grade.learned?.informedScore).toBe(100);
    expect(grade.learned?.blindScore).toBe(100);
    expect(grade.learned?.worth).toBe(0);
    expect(grade.bestScore).toBeLessThanOrEqual(100);
  });
});
