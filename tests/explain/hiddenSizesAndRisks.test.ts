/**
 * The words for hidden sizes and hidden risks: what a card says while they are unknown, what
 * revealed them, and what they turned out to be after the year.
 */
import { describe, expect, it } from 'vitest';

import type { Revealed } from '../../src/engine/index.ts';
import {
  hiddenValueLines,
  revealedLabel,
  revealedSentence,
  uncertaintyBadges,
} from '../../src/explain/uncertainty.ts';
import { decisionsJson } from '../../src/explain/decisionsReport.ts';
import { item, scenario } from '../engine/mechanics/build.ts';

const s = scenario(
  {
    security: {
      sle: 1_000_000,
      vulnerabilities: [],
      threats: [
        {
          id: 'phishing',
          title: 'Phished staff passwords',
          perYear: 0.2,
          controls: [{ item: 'mfa', reduction: 0.7 }],
          likelihoodOutcomes: [
            { perYear: 0.04, chance: 0.5, label: 'staff report the test emails' },
            { perYear: 0.36, chance: 0.5, label: 'staff click them' },
          ],
        },
      ],
    },
  },
  [
    item('ledger', 14, {
      title: 'Multi-currency ledger',
      effortOutcomes: [
        { effort: 6, chance: 0.6, label: 'currency is only formatting' },
        { effort: 26, chance: 0.4, label: 'the ledger assumes dollars' },
      ],
    }),
    item('spike', 2, { title: 'Currency spike', reveals: ['ledger'] }),
    item('drill', 1, { title: 'Phishing drill', reveals: ['phishing'] }),
    item('mfa', 4, { title: 'MFA for staff', type: 'security' }),
    item('plain', 3, { title: 'Plain feature' }),
  ],
);
const itemOf = (id: string) => s.items.find((i) => i.id === id)!;

describe('hidden sizes on the board', () => {
  it('says the size is unknown, its outcomes with their chances, and what would show it', () => {
    const [badge] = uncertaintyBadges(s, itemOf('ledger'));
    expect(badge!.key).toBe('uncertain-effort');
    expect(badge!.label).toBe('size unknown');
    // 0.6 × 6 + 0.4 × 26 = 14, the stated effort.
    expect(badge!.detail).toBe(
      'Its real size is not known yet: 6 points if currency is only formatting (60% likely) or 26 points if the ledger assumes dollars (40% likely). The estimate, 14 points, is their average. “Currency spike” would show which; so would starting it (by the end of the quarter it starts in).',
    );
    expect(uncertaintyBadges(s, itemOf('plain'))).toEqual([]);
  });

  it('says what an experiment on a size tests', () => {
    const [badge] = uncertaintyBadges(s, itemOf('spike'));
    expect(badge!.label).toBe('experiment: tests Multi-currency ledger');
    expect(badge!.detail).toMatch(
      /^An experiment: once done, it shows what “Multi-currency ledger” will really cost\./,
    );
  });

  it('tells a size revealed by the experiment, and one shown by starting the work', () => {
    const bySpike: Revealed = {
      kind: 'effort',
      item: 'ledger',
      outcome: 1,
      effort: 26,
      by: 'spike',
      slot: 0,
    };
    expect(revealedLabel(s, bySpike)).toBe('Revealed: 26 points (the ledger assumes dollars)');
    expect(revealedSentence(s, bySpike)).toBe(
      '“Currency spike” in Q1 showed that “Multi-currency ledger” is 26 points (the ledger assumes dollars), not the 14 points estimated.',
    );
    const byWork: Revealed = { ...bySpike, outcome: 0, effort: 6, by: 'ledger', slot: 1 };
    expect(revealedLabel(s, byWork)).toBe('Started: 6 points (currency is only formatting)');
    expect(revealedSentence(s, byWork)).toBe(
      'Work on “Multi-currency ledger” in Q2 showed its size: 6 points (currency is only formatting), not the 14 points estimated.',
    );
  });
});

describe('hidden risks on the board', () => {
  it('puts “risk unknown” on the cards of the threat’s controls', () => {
    const [badge] = uncertaintyBadges(s, itemOf('mfa'));
    expect(badge!.key).toBe('uncertain-likelihood');
    expect(badge!.label).toBe('risk unknown');
    // 0.5 × 4% + 0.5 × 36% = 20%, the stated chance.
    expect(badge!.detail).toBe(
      'The real chance of “Phished staff passwords” is not known yet: 4% a year if staff report the test emails (50% likely) or 36% a year if staff click them (50% likely). The estimate, 20% a year, is their average. “Phishing drill” would show which.',
    );
    expect(uncertaintyBadges(s, itemOf('drill'))[0]!.label).toBe(
      'experiment: tests Phished staff passwords',
    );
  });

  it('tells a revealed likelihood against the estimate', () => {
    const fact: Revealed = {
      kind: 'likelihood',
      item: 'phishing',
      outcome: 1,
      perYear: 0.36,
      by: 'drill',
      slot: 0,
    };
    expect(revealedLabel(s, fact)).toBe(
      'Revealed: Phished staff passwords 36% a year (staff click them)',
    );
    expect(revealedSentence(s, fact)).toBe(
      '“Phishing drill” in Q1 showed that “Phished staff passwords” has a 36% chance a year (staff click them), not the 20% estimated.',
    );
  });
});

describe('after the year', () => {
  it('tells each hidden size and risk as the world drew it, and whether the year revealed it', () => {
    const drawn = new Map([
      ['effort:ledger', 1],
      ['likelihood:phishing', 0],
    ]);
    const revealed: Revealed[] = [
      { kind: 'effort', item: 'ledger', outcome: 1, effort: 26, by: 'ledger', slot: 0 },
    ];
    expect(hiddenValueLines(s, drawn, revealed)).toEqual([
      '“Multi-currency ledger” was 26 points of work in this world (the ledger assumes dollars), against the 14 points estimated. It showed once work on it started, in Q1.',
      '“Phished staff passwords” had a 4% chance a year in this world (staff report the test emails), against the 20% estimated. Nothing revealed it during the year.',
    ]);
  });

  it('exports a learned size and a learned likelihood with their own fields', () => {
    const facts: Revealed[] = [
      { kind: 'effort', item: 'ledger', outcome: 1, effort: 26, by: 'spike', slot: 0 },
      { kind: 'likelihood', item: 'phishing', outcome: 0, perYear: 0.04, by: 'drill', slot: 0 },
    ];
    const json = decisionsJson(s, {
      score: 80,
      parScore: 90,
      lost: 10,
      commits: [
        {
          slot: 0,
          committed: ['spike', 'drill'],
          best: ['spike', 'drill'],
          bestScore: 90,
          yourScore: 90,
          lost: 0,
          learned: {
            facts,
            worth: 3,
            informedScore: 90,
            blindScore: 87,
            informedNext: [],
            blindNext: [],
          },
        },
      ],
    });
    expect(json.commits[0]!.learned!.facts).toEqual([
      { item: 'ledger', effort: 26, by: 'spike', slot: 'Q1' },
      { item: 'phishing', perYear: 0.04, by: 'drill', slot: 'Q1' },
    ]);
  });
});
