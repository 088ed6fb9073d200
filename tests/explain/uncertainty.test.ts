/** The words for hidden values and experiments: what a card says, what was revealed, what it was worth. */
import { describe, expect, it } from 'vitest';

import type { Revealed } from '../../src/engine/index.ts';
import {
  hiddenValueLines,
  learnedSentence,
  revealedLabel,
  revealedSentence,
  uncertaintyBadges,
} from '../../src/explain/uncertainty.ts';
import { decisionsJson, decisionsMarkdown } from '../../src/explain/decisionsReport.ts';
import { shipped } from '../engine/helpers.ts';

const pilot = shipped('pilot-first');
const item = (id: string) => pilot.items.find((i) => i.id === id)!;
const dud: Revealed = {
  item: 'ai-dispatch',
  outcome: 0,
  arr: 200_000,
  by: 'dispatch-pilot',
  slot: 0,
};

describe('uncertainty on the board', () => {
  it('names what an experiment tests and what an unknown value might be, with the stated chances', () => {
    expect(uncertaintyBadges(pilot, item('dispatch-pilot')).map((b) => b.label)).toEqual([
      'experiment: tests AI dispatch optimizer',
    ]);
    const [unknown] = uncertaintyBadges(pilot, item('ai-dispatch'));
    expect(unknown!.label).toBe('value unknown');
    // $4M × 0.05 and × 1.05; the estimate $4M × 0.4.
    expect(unknown!.detail).toBe(
      'What it is really worth is not known yet: $200k of ARR if dispatchers override it (65% likely) or $4.20M of ARR if dispatchers adopt it (35% likely). The estimate, $1.60M, is their average. “Wizard-of-Oz dispatch pilot” would show which; so would shipping it.',
    );
    expect(uncertaintyBadges(pilot, item('route-export'))).toEqual([]);
  });

  it('says what was revealed, by whom and against which estimate', () => {
    expect(revealedLabel(pilot, dud)).toBe('Revealed: $200k ARR (dispatchers override it)');
    expect(revealedSentence(pilot, dud)).toBe(
      '“Wizard-of-Oz dispatch pilot” in Q1 showed that “AI dispatch optimizer” would bring $200k of ARR (dispatchers override it), not the $1.60M estimated.',
    );
    const shippedPortal: Revealed = {
      item: 'customer-portal',
      outcome: 1,
      arr: 630_000,
      by: 'customer-portal',
      slot: 2,
    };
    expect(revealedLabel(pilot, shippedPortal)).toBe('Shipped: $630k ARR (a strong uptake)');
    expect(revealedSentence(pilot, shippedPortal)).toBe(
      '“Self-service customer portal” shipped in Q3: it brings $630k of ARR (a strong uptake), not the $540k estimated.',
    );
  });

  it('says what learning was worth, or that it changed nothing', () => {
    const base = { facts: [dud], informedNext: [], blindNext: [] };
    expect(
      learnedSentence(pilot, 0, { ...base, worth: 3.25, informedScore: 80.5, blindScore: 77.25 }),
    ).toBe(
      '“Wizard-of-Oz dispatch pilot” in Q1 showed that “AI dispatch optimizer” would bring $200k of ARR (dispatchers override it), not the $1.60M estimated. What you learned in Q1 was worth +3.3 points: the best plan from there with it scores 80.5, the plan you would have made without it 77.3.',
    );
    expect(
      learnedSentence(pilot, 0, { ...base, worth: 0.01, informedScore: 80, blindScore: 79.99 }),
    ).toMatch(
      /What you learned in Q1 changed no decision: the best plan from there is the same with or without it\.$/,
    );
  });
});

describe('what was hidden, told after the year', () => {
  it('gives each hidden value as drawn, against its estimate, and how the year revealed it', () => {
    const drawn = new Map([
      ['ai-dispatch', 1],
      ['customer-portal', 0],
    ]);
    const revealed: Revealed[] = [
      { item: 'ai-dispatch', outcome: 1, arr: 4_200_000, by: 'dispatch-pilot', slot: 0 },
    ];
    expect(hiddenValueLines(pilot, drawn, revealed)).toEqual([
      '“AI dispatch optimizer” was worth $4.20M of ARR in this world (dispatchers adopt it), against the $1.60M estimated. “Wizard-of-Oz dispatch pilot” revealed it in Q1.',
      // $900k × 0.5; estimate $900k × 0.6.
      '“Self-service customer portal” was worth $450k of ARR in this world (a modest uptake), against the $540k estimated. Nothing revealed it during the year.',
    ]);
    expect(hiddenValueLines(shipped('tutorial'), new Map(), [])).toEqual([]);
  });
});

describe('what was learned, in the exports', () => {
  it('carries each commit’s lesson in the Markdown and the JSON', () => {
    const learned = {
      facts: [dud],
      worth: 2,
      informedScore: 80,
      blindScore: 78,
      informedNext: [],
      blindNext: [],
    };
    const dq = {
      parScore: 84,
      lost: 0,
      score: 84,
      commits: [
        {
          slot: 0,
          committed: ['dispatch-pilot'],
          best: ['dispatch-pilot'],
          bestScore: 84,
          yourScore: 84,
          lost: 0,
          learned,
        },
        { slot: 1, committed: [], best: [], bestScore: 80, yourScore: 80, lost: 0 },
      ],
    };
    const md = decisionsMarkdown(pilot, dq);
    expect(md).toContain(
      '### What you learned, and what it was worth\n\n- “Wizard-of-Oz dispatch pilot” in Q1 showed',
    );
    expect(md).toContain('What you learned in Q1 was worth +2.0 points');
    const json = decisionsJson(pilot, dq);
    expect(json.commits[0]).toMatchObject({
      learned: {
        worth: 2,
        informedScore: 80,
        blindScore: 78,
        facts: [{ item: 'ai-dispatch', arr: 200_000, by: 'dispatch-pilot', slot: 'Q1' }],
      },
    });
    expect(json.commits[1]).not.toHaveProperty('learned');
  });
});
