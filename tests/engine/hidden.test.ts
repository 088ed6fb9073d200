/**
 * Hidden facts and experiments: a feature's true value drawn per world from its outcomes, shown
 * only once an experiment (or the feature itself) reveals it. Expected figures come from the
 * formula: a completion adds `arr × factor` in a seeded world, `arr × confidence` while unknown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compile,
  loadScenario,
  simulate,
  type Plan,
  type Scenario,
} from '../../src/engine/index.ts';
import { revealedFacts } from '../../src/engine/expected.ts';
import {
  checkHidden,
  drawOutcome,
  drawWorld,
  hiddenFacts,
  revealedBy,
} from '../../src/engine/hidden.ts';
import { edited, shipped } from './helpers.ts';

const OUTCOMES = [
  { factor: 0.1, chance: 0.5, label: 'a dud' },
  { factor: 1.1, chance: 0.5, label: 'a hit' },
];

/** The tutorial with a hidden value on team calendars (confidence 0.6) and a pilot that reveals it. */
function withPilot(edit: Parameters<typeof edited>[1] = () => {}): Scenario {
  const raw = edited('tutorial', (s) => {
    const calendars = s.items.find((i: { id: string }) => i.id === 'team-calendars');
    calendars.value.outcomes = OUTCOMES;
    s.items.push({
      id: 'calendar-pilot',
      title: 'Pilot calendars with one customer',
      type: 'feature',
      effort: 2,
      reveals: ['team-calendars'],
    });
    edit(s);
  });
  const result = loadScenario(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

function refusal(edit: Parameters<typeof edited>[1]): string[] {
  const result = loadScenario(
    edited('tutorial', (s) => {
      s.items.find((i: { id: string }) => i.id === 'team-calendars').value.outcomes = OUTCOMES;
      edit(s);
    }),
  );
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
}

/** The ARR a completion of `item` added in slot `t` of an outcome. */
function completionArr(outcome: ReturnType<typeof simulate>, item: string): number {
  for (const slot of outcome.slots)
    for (const cause of slot.causes)
      if (cause.target === 'arr' && cause.item === item && cause.mechanism === 'completion')
        return cause.delta;
  return Number.NaN;
}

describe('hidden facts: loading', () => {
  it('accepts outcomes that weigh to the confidence, and an experiment naming a hidden item', () => {
    const s = withPilot();
    expect(hiddenFacts(s).map((f) => [f.item, f.arr, f.confidence])).toEqual([
      ['team-calendars', 420_000, 0.6],
    ]);
    expect(checkHidden(s)).toEqual([]);
  });

  it('refuses chances that do not add to 1, a weighted factor off the confidence, and bad reveals', () => {
    expect(
      refusal((s) => {
        s.items[2].value.outcomes = [
          { factor: 0.1, chance: 0.5 },
          { factor: 1.1, chance: 0.4 },
        ];
      }),
    ).toEqual(['items[2].value.outcomes: the chances add up to 0.9, not 1']);
    expect(
      refusal((s) => {
        s.items[2].value.confidence = 0.8;
      }),
    ).toEqual([
      'items[2].value.outcomes: the outcomes weigh to a factor of 0.6, but the confidence is 0.8: the confidence is the expected share of the stated ARR, so they must agree',
    ]);
    expect(
      refusal((s) => {
        s.items[0].reveals = ['team-calendars', 'nope', 'csv-export', 'csv-export'.slice(0, 3)];
        s.items[1].reveals = ['dark-mode'];
      }),
    ).toEqual([
      'items[0].reveals[1]: unknown item "nope"',
      'items[0].reveals[2]: "csv-export" cannot reveal itself',
      'items[0].reveals[3]: unknown item "csv"',
      'items[1].reveals[0]: "dark-mode" cannot reveal itself',
    ]);
    expect(
      refusal((s) => {
        s.items[0].reveals = ['dark-mode'];
      }),
    ).toEqual([
      'items[0].reveals[0]: "dark-mode" has no hidden value to reveal (give it value.outcomes)',
    ]);
  });
});

describe('hidden facts: the world', () => {
  const s = withPilot();
  const fact = hiddenFacts(s)[0]!;

  it('draws each outcome reproducibly from the seed, in proportion to its chance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        expect(drawOutcome(s.id, seed, fact)).toBe(drawOutcome(s.id, seed, fact));
        expect(drawWorld(s, seed).get('team-calendars')).toBe(drawOutcome(s.id, seed, fact));
      }),
      { numRuns: 200 },
    );
    let hits = 0;
    for (let seed = 1; seed <= 2000; seed++) hits += drawOutcome(s.id, seed, fact);
    // 2,000 draws at 0.5: 3 standard deviations is ±67.
    expect(Math.abs(hits - 1000)).toBeLessThan(67);
  });

  it('leaves the expected score as it was: an unknown fact counts at stated ARR × confidence', () => {
    const plain = shipped('tutorial');
    const result = loadScenario(
      edited('tutorial', (raw) => {
        raw.items[2].value.outcomes = OUTCOMES;
      }),
    );
    if (!result.ok) throw new Error('does not load');
    const plan: Plan = { slots: [['team-calendars', 'csv-export'], ['test-suite']] };
    const hidden = simulate(result.scenario, plan);
    expect(hidden.score).toBeCloseTo(simulate(plain, plan).score, 9);
    expect(hidden.metrics).toEqual(simulate(plain, plan).metrics);
    expect(completionArr(hidden, 'team-calendars')).toBeCloseTo(420_000 * 0.6, 6);
  });

  it('pays the drawn value in a seeded world: stated ARR × the outcome’s factor', () => {
    const plan: Plan = { slots: [['team-calendars'], []] };
    const seen = new Set<number>();
    for (let seed = 1; seed <= 30; seed++) {
      const story = simulate(s, plan, { mode: 'seeded', seed });
      if (story.items.find((i) => i.id === 'team-calendars')!.status !== 'done') continue;
      const k = drawOutcome(s.id, seed, fact);
      seen.add(k);
      expect(completionArr(story, 'team-calendars')).toBeCloseTo([42_000, 462_000][k]!, 6);
    }
    expect([...seen].sort()).toEqual([0, 1]);
  });

  it('reveals a fact when its experiment is done, and not before', () => {
    const c = compile(s);
    const pilotFirst: Plan = { slots: [['calendar-pilot', 'team-calendars'], []] };
    const blind: Plan = { slots: [['csv-export', 'team-calendars'], []] };
    const seen = new Set<number>();
    for (let seed = 1; seed <= 30; seed++) {
      const k = drawOutcome(s.id, seed, fact);
      expect(revealedFacts(c, seed, pilotFirst, 0)).toEqual([]);
      const revealed = revealedFacts(c, seed, pilotFirst, 1);
      expect(revealed).toEqual([
        {
          item: 'team-calendars',
          outcome: k,
          arr: 420_000 * OUTCOMES[k]!.factor,
          by: 'calendar-pilot',
          slot: 0,
        },
      ]);
      // Played one slot after the pilot, the calendars count at their revealed value when done…
      const after = simulate(s, pilotFirst, { mode: 'conditional', seed, revealedSlots: 1 });
      const unknown = simulate(s, blind, { mode: 'conditional', seed, revealedSlots: 1 });
      if (after.items.find((i) => i.id === 'team-calendars')!.completedAt! <= 1) continue;
      if (unknown.items.find((i) => i.id === 'team-calendars')!.status !== 'done') continue;
      seen.add(k);
      expect(completionArr(after, 'team-calendars')).toBeCloseTo(420_000 * OUTCOMES[k]!.factor, 6);
      // …while without the pilot they are still expected, whatever the world drew.
      expect(revealedFacts(c, seed, blind, 1)).toEqual([]);
      expect(completionArr(unknown, 'team-calendars')).toBeCloseTo(252_000, 6);
    }
    expect([...seen].sort()).toEqual([0, 1]);
  });

  it('counts a shipped item as revealing itself, and the earliest reveal of a fact', () => {
    const c = compile(s);
    const drawn = new Map([['team-calendars', 1]]);
    const at = (pilot: number, calendars: number) => {
      const doneAt = s.items.map(() => Infinity);
      doneAt[s.items.findIndex((i) => i.id === 'calendar-pilot')] = pilot;
      doneAt[s.items.findIndex((i) => i.id === 'team-calendars')] = calendars;
      return revealedBy(c, doneAt, 2, drawn).map((r) => [r.by, r.slot]);
    };
    expect(at(Infinity, 1.5)).toEqual([['team-calendars', 1]]);
    expect(at(0.4, 1.5)).toEqual([['calendar-pilot', 0]]);
    expect(at(1.6, 0.9)).toEqual([['team-calendars', 0]]);
    // Done exactly at the end of slot 0 is revealed in slot 0; after the played slots, never.
    expect(at(1, Infinity)).toEqual([['calendar-pilot', 0]]);
    expect(at(2.2, Infinity)).toEqual([]);
  });

  it('grades nothing on a fact not yet revealed: two scenarios that differ only in it play alike', () => {
    const other = withPilot((raw) => {
      raw.items.find((i: { id: string }) => i.id === 'team-calendars').value.outcomes = [
        { factor: 0, chance: 0.4 },
        { factor: 1, chance: 0.6 },
      ];
    });
    const plan: Plan = { slots: [['csv-export', 'test-suite'], ['team-calendars']] };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const a = simulate(s, plan, { mode: 'conditional', seed, revealedSlots: 1 });
        const b = simulate(other, plan, { mode: 'conditional', seed, revealedSlots: 1 });
        expect(a.score).toBeCloseTo(b.score, 9);
      }),
      { numRuns: 20 },
    );
  });
});
