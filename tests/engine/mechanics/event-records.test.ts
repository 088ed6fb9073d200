/**
 * The events a run records, which the story of a seeded run tells word for word
 * (src/explain/story.ts): a cascade's probability, the roll that decided it and what mitigated it,
 * and a feature freeze with the minutes that blew the budget. Expected words and rolls are put
 * together here from the scenario and the run's dice, never copied from the output.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../../../src/engine/compile.ts';
import { seededChoice } from '../../../src/engine/expected.ts';
import { K, item, plan, quarters, run, runWith, scenario } from './build.ts';

const P = 0.2;

/** A region outage from Q1, 20% a quarter, mitigated by the named items (by 50% each). */
const outage = (mitigations: string[]) =>
  scenario(
    {
      time: { labels: quarters(3), slotsPerYear: 4 },
      reliability: { costPerMinute: 10 },
      events: [
        {
          id: 'outage',
          title: 'Region outage',
          kind: 'cascade',
          fromSlot: 0,
          probability: P,
          loss: 1_000_000,
          csat: 4,
          downtimeMinutes: 300,
          mitigations: mitigations.map((id) => ({ item: id, reduction: 0.5 })),
        },
      ],
    },
    [item('a', 5, { type: 'ops' }), item('b', 5, { type: 'ops' })],
  );

describe('cascade events', () => {
  it('name the mitigations done by the slot, the ones that would have helped, or none', () => {
    const cascades = (out: ReturnType<typeof run>) =>
      out.events.filter((e) => e.kind === 'cascade');
    // One stream of 10 points: a (5 points) is done at mid-Q1, b at mid-Q2; each halves the
    // chance for the share of the slot after it is done.
    const staged = cascades(run(outage(['a', 'b']), ['a'], ['b']));
    expect(staged.map((e) => e.detail)).toEqual([
      'reduced by Item a',
      'reduced by Item a, Item b',
      'reduced by Item a, Item b',
    ]);
    expect(staged[0]!.probability).toBeCloseTo(P * (1 - 0.5 * 0.5), 12);
    expect(staged[1]!.probability).toBeCloseTo(P * 0.5 * (1 - 0.5 * 0.5), 12);
    expect(staged[2]!.probability).toBeCloseTo(P * 0.5 * 0.5, 12);
    // b done exactly at the end of Q1 protects none of Q1.
    const boundary = cascades(run(outage(['a', 'b']), ['a', 'b']));
    expect(boundary.map((e) => e.detail)).toEqual([
      'reduced by Item a',
      'reduced by Item a, Item b',
      'reduced by Item a, Item b',
    ]);
    expect(boundary[0]!.probability).toBeCloseTo(P * (1 - 0.5 * 0.5), 12);
    // Listed but never built: the run does not claim they reduced it.
    const unbuilt = cascades(run(outage(['a', 'b'])));
    expect(unbuilt.map((e) => e.detail)).toEqual([
      'not mitigated (Item a, Item b would reduce it)',
      'not mitigated (Item a, Item b would reduce it)',
      'not mitigated (Item a, Item b would reduce it)',
    ]);
    expect(unbuilt.map((e) => e.probability)).toEqual([P, P, P]);
    const bare = run(outage([]));
    expect(bare.events.filter((e) => e.kind === 'cascade').map((e) => e.detail)).toEqual([
      'no mitigation',
      'no mitigation',
      'no mitigation',
    ]);
  });

  it('record, in a seeded run, the roll of each slot and strike when it is below the chance', () => {
    const s = outage([]);
    const outcomes: number[] = [];
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const out = runWith(s, plan(s), { mode: 'seeded', seed });
      const dice = seededChoice(compile(s), seed).dice[0]!;
      const cascades = out.events.filter((e) => e.kind === 'cascade');
      expect(cascades.map((e) => e.roll)).toEqual([dice[0], dice[1], dice[2]]);
      expect(cascades.map((e) => e.outcome)).toEqual(dice.slice(0, 3).map((u) => (u < P ? 1 : 0)));
      expect(out.ledger.cascade).toBeCloseTo(
        dice.slice(0, 3).filter((u) => u < P).length * 1_000_000,
        6,
      );
      outcomes.push(...cascades.map((e) => e.outcome));
    }
    // The seeds give both: outages that struck and outages that did not.
    expect(new Set(outcomes)).toEqual(new Set([0, 1]));
  });

  it('record no roll in expected mode, and the expected share as the outcome', () => {
    const out = run(outage([]));
    const cascades = out.events.filter((e) => e.kind === 'cascade');
    expect(cascades.map((e) => [e.roll, e.outcome])).toEqual([
      [null, P],
      [null, P],
      [null, P],
    ]);
  });
});

describe('feature freeze events', () => {
  it('say how many minutes blew the budget of how many', () => {
    // λ0 incidents of incidentMinutes each in Q1 (no debt, reference utilization): 54 minutes
    // against a budget of 50.
    const minutes = K.incidentBase * K.incidentMinutes;
    const s = scenario(
      {
        time: { labels: quarters(2), slotsPerYear: 4 },
        constants: { incidentBase: K.incidentBase },
        reliability: { costPerMinute: 0, sloBudgetMinutes: 50, freezeOnBlownBudget: true },
      },
      [item('f', 3)],
    );
    const freeze = run(s, ['f']).events.find((e) => e.kind === 'freeze' && e.slot === 0);
    expect(freeze?.detail).toBe(
      `SLO budget blown (${minutes.toFixed(0)} of 50 min): features frozen next slot`,
    );
  });
});
