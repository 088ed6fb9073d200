/**
 * What learning was worth, when the scores cannot tell: in a kind world the best plan with the
 * facts and the plan made without them can both top out at 100. The sentence then says the next
 * step changed and the score did not, rather than that nothing changed.
 */
import { describe, expect, it } from 'vitest';

import type { Revealed } from '../../src/engine/index.ts';
import { learnedSentence } from '../../src/explain/uncertainty.ts';
import { shipped } from '../engine/helpers.ts';

const pilot = shipped('pilot-first');
const hit: Revealed = {
  item: 'ai-dispatch',
  outcome: 1,
  arr: 4_200_000,
  by: 'dispatch-pilot',
  slot: 0,
};
const facts = [hit];

describe('what learning was worth when both plans top out', () => {
  it('says the next step changed but not the score when the two plans differ', () => {
    expect(
      learnedSentence(pilot, 0, {
        facts,
        worth: 0,
        informedScore: 100,
        blindScore: 100,
        informedNext: ['ai-dispatch'],
        blindNext: ['route-export'],
      }),
    ).toBe(
      '“Wizard-of-Oz dispatch pilot” in Q1 showed that “AI dispatch optimizer” would bring $4.20M of ARR (dispatchers adopt it), not the $1.60M estimated. What you learned in Q1 changed what comes next but not the score: the best plan from there with it and the plan you would have made without it both score 100.0.',
    );
  });

  it('says it changed no decision when the next step is the same, in the same order', () => {
    const same = { facts, worth: 0, informedScore: 100, blindScore: 100 };
    expect(
      learnedSentence(pilot, 0, { ...same, informedNext: ['a', 'b'], blindNext: ['a', 'b'] }),
    ).toMatch(/What you learned in Q1 changed no decision:/);
    // The same items in another order, or one more, is another plan.
    expect(
      learnedSentence(pilot, 0, { ...same, informedNext: ['a', 'b'], blindNext: ['b', 'a'] }),
    ).toMatch(/changed what comes next but not the score/);
    expect(
      learnedSentence(pilot, 0, { ...same, informedNext: ['a'], blindNext: ['a', 'b'] }),
    ).toMatch(/changed what comes next but not the score/);
  });
});
