import { describe, expect, it } from 'vitest';

import type { CommitGrade } from '../../src/engine/decisions';
import {
  decisionRows,
  decisionScore,
  decisionSentence,
  slotBySlot,
} from '../../src/explain/decisions';
import { shipped } from '../engine/helpers';

const tutorial = shipped('tutorial');

const grade = (slot: number, committed: string[], best: string[], lost: number): CommitGrade => ({
  slot,
  committed,
  best,
  bestScore: 90,
  yourScore: 90 - lost,
  lost,
});

describe('decision quality in words', () => {
  it('names each commit, the best one then, and the points lost', () => {
    const rows = decisionRows(tutorial, [
      grade(0, ['patch-login', 'csv-export'], ['csv-export', 'patch-login'], 0.01),
      grade(1, [], ['dark-mode'], 2.345),
    ]);
    expect(rows).toEqual([
      {
        slot: 0,
        label: 'Q1',
        committed: 'Patch the login library CVE, CSV export of appointments',
        best: 'Same as yours',
        lost: '0.0',
        good: true,
      },
      {
        slot: 1,
        label: 'Q2',
        committed: 'Nothing (keep the lights on)',
        best: 'Dark mode',
        lost: '−2.3',
        good: false,
      },
    ]);
  });

  it('scores the game as par less every point lost', () => {
    const commits = [grade(0, [], [], 0), grade(1, [], [], 1.5), grade(2, [], [], 0.25)];
    expect(decisionScore(90, commits)).toEqual({ commits, parScore: 90, lost: 1.75, score: 88.25 });
  });

  it('says where most points went, or that none were lost', () => {
    const some = decisionScore(93.2, [grade(0, [], [], 1.5), grade(1, [], [], 0.75)]);
    expect(decisionSentence(tutorial, some)).toBe(
      'Your decisions are worth 91.0 against par’s 93.2: 2.3 points lost, 1.5 of them in Q1.',
    );
    const one = decisionScore(93.2, [grade(0, [], [], 0), grade(1, [], [], 4)]);
    expect(decisionSentence(tutorial, one)).toBe(
      'Your decisions are worth 89.2 against par’s 93.2: 4.0 points lost, all of them in Q2.',
    );
    const none = decisionScore(93.2, [grade(0, [], [], 0), grade(1, [], [], 0.02)]);
    expect(decisionSentence(tutorial, none)).toMatch(/^Every commit was as good as the best one/);
    const below = decisionScore(10, [grade(0, [], [], 14)]);
    expect(decisionSentence(tutorial, below)).toContain('worth −4.0 against par’s 10.0');
  });

  it('plays a year of quarters, months or sprints slot by slot', () => {
    expect(slotBySlot({ time: { labels: [], slotsPerYear: 4 } })).toBe('quarter by quarter');
    expect(slotBySlot({ time: { labels: [], slotsPerYear: 12 } })).toBe('month by month');
    expect(slotBySlot({ time: { labels: [], slotsPerYear: 26 } })).toBe('sprint by sprint');
    expect(slotBySlot({ time: { labels: [], slotsPerYear: 6 } })).toBe('slot by slot');
  });
});
