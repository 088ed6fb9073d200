/**
 * The worlds a plan is run in (docs/model.md, "Randomness"):
 * - Expected mode enumerates the scripted events that change the course of the year as weighted
 *   branches: an uncertain event happens or does not, a demand spike takes one of its
 *   multipliers; branches of zero probability are dropped; a cascade never branches. An event
 *   that does not branch keeps its certain outcome (a spike its most probable multiplier).
 *   More than 8 branches are replaced by 16 fixed seeds, each weighing 1/16.
 * - Seeded mode picks each outcome with the event's roll at its slot: an event fires when the
 *   roll is below its probability; a spike takes the first branch whose cumulative probability
 *   is above the roll.
 * - The expected metrics are the probability-weighted average over the branches; the trace is
 *   the most probable branch's.
 */
import { describe, expect, it } from 'vitest';

import {
  FALLBACK_SEEDS,
  MAX_BRANCHES,
  branchesOf,
  conditionalWorld,
  expectedEnvs,
  expectedMetrics,
  seededChoice,
  seededEnv,
} from '../../src/engine/expected.ts';
import { compile, type ScenarioInput } from '../../src/engine/index.ts';
import { drawStream } from '../../src/engine/rng.ts';
import { item, itemOf, plan, quarters, run, scenario } from './mechanics/build.ts';

type EventInput = ScenarioInput['events'] extends (infer E)[] | undefined ? E : never;

const copycat = (id: string, slot: number, probability: number, title = id): EventInput => ({
  id,
  title,
  kind: 'competitorCopy',
  slot,
  probability,
  item: 'f',
  decay: 0.1,
});
const spike = (
  id: string,
  slot: number,
  branches: { probability: number; multiplier: number }[],
): EventInput => ({ id, title: 'Launch demand', kind: 'demandSpike', slot, branches });
const cascade = (probability: number): EventInput => ({
  id: 'outage',
  title: 'Outage',
  kind: 'cascade',
  fromSlot: 0,
  probability,
  loss: 1_000,
});

/** A scenario of `n` quarters with a delighter `f` and the given scripted events. */
const withEvents = (events: EventInput[], n = 2) =>
  compile(
    scenario({ time: { labels: quarters(n), slotsPerYear: 4 }, events }, [
      item('f', 2, { value: { csat: 5 } }),
    ]),
  );

/** An event's roll at a slot in a seeded run, as the model defines the dice. */
const roll = (c: ReturnType<typeof compile>, seed: number, eventId: string, slot: number) =>
  drawStream(c.id, seed, `event:${eventId}`, c.slots)[slot]!;

describe('expected world: branches of the scripted events', () => {
  it('has the single branch "as planned" when no event is uncertain', () => {
    expect(branchesOf(withEvents([]))).toEqual([
      { probability: 1, choice: [], label: 'as planned' },
    ]);
  });

  it('labels an uncertain event "happens" and "does not happen", weighted p and 1 − p', () => {
    const branches = branchesOf(withEvents([copycat('Copycat', 1, 0.3)]));
    expect(branches.map((b) => [b.label, b.choice])).toEqual([
      ['Copycat: happens', [1]],
      ['Copycat: does not happen', [0]],
    ]);
    expect(branches[0]!.probability).toBeCloseTo(0.3, 12);
    expect(branches[1]!.probability).toBeCloseTo(0.7, 12);
  });

  it('labels each multiplier of a demand spike and drops the ones that cannot happen', () => {
    const c = withEvents([
      spike('launch', 1, [
        { probability: 0.25, multiplier: 1 },
        { probability: 0, multiplier: 3 },
        { probability: 0.75, multiplier: 5 },
      ]),
    ]);
    expect(branchesOf(c)).toEqual([
      { probability: 0.25, choice: [0], label: 'Launch demand: ×1' },
      { probability: 0.75, choice: [2], label: 'Launch demand: ×5' },
    ]);
  });

  it('combines events: probabilities multiply, labels join, certain outcomes are kept', () => {
    // A certain copy (always 1), an uncertain copy (0.4) and an even spike (×2 or ×4).
    const c = withEvents([
      copycat('sure', 0, 1, 'Sure copy'),
      copycat('Copycat', 1, 0.4),
      spike('launch', 1, [
        { probability: 0.5, multiplier: 2 },
        { probability: 0.5, multiplier: 4 },
      ]),
    ]);
    const branches = branchesOf(c);
    expect(branches.map((b) => [b.label, b.choice])).toEqual([
      ['Copycat: happens; Launch demand: ×2', [1, 1, 0]],
      ['Copycat: happens; Launch demand: ×4', [1, 1, 1]],
      ['Copycat: does not happen; Launch demand: ×2', [1, 0, 0]],
      ['Copycat: does not happen; Launch demand: ×4', [1, 0, 1]],
    ]);
    const want = [0.4 * 0.5, 0.4 * 0.5, 0.6 * 0.5, 0.6 * 0.5];
    branches.forEach((b, i) => expect(b.probability).toBeCloseTo(want[i]!, 12));
  });

  it('gives a spike with one possible multiplier no branch, and that multiplier', () => {
    const c = withEvents([
      spike('launch', 0, [
        { probability: 0, multiplier: 2 },
        { probability: 1, multiplier: 5 },
        { probability: 0, multiplier: 9 },
      ]),
    ]);
    expect(branchesOf(c)).toEqual([{ probability: 1, choice: [1], label: 'as planned' }]);
    expect(expectedEnvs(c)[0]!.choice).toEqual([1]);
  });

  it('gives a cascade no branch and no outcome, even a certain one', () => {
    expect(branchesOf(withEvents([cascade(1)]))).toEqual([
      { probability: 1, choice: [0], label: 'as planned' },
    ]);
    expect(branchesOf(withEvents([cascade(0.5)]))).toEqual([
      { probability: 1, choice: [0], label: 'as planned' },
    ]);
  });

  it('keeps an impossible event out of the branches, and it does not happen', () => {
    expect(branchesOf(withEvents([copycat('Never', 0, 0), copycat('Copycat', 1, 0.5)]))).toEqual([
      { probability: 0.5, choice: [0, 1], label: 'Copycat: happens' },
      { probability: 0.5, choice: [0, 0], label: 'Copycat: does not happen' },
    ]);
  });

  it(`enumerates up to ${MAX_BRANCHES} branches`, () => {
    const c = withEvents([copycat('A', 0, 0.5), copycat('B', 1, 0.5), copycat('C', 2, 0.5)], 4);
    const branches = branchesOf(c);
    expect(branches).toHaveLength(8);
    expect(branches[0]!.label).toBe('A: happens; B: happens; C: happens');
    expect(branches[7]!.label).toBe('A: does not happen; B: does not happen; C: does not happen');
  });

  it(`samples ${FALLBACK_SEEDS} fixed seeds when there would be more than ${MAX_BRANCHES} branches`, () => {
    // 4 coins (16 branches) and a certain copy that keeps its outcome in every sample.
    const c = withEvents(
      [
        copycat('sure', 0, 1, 'Sure copy'),
        copycat('A', 0, 0.5),
        copycat('B', 1, 0.5),
        copycat('C', 2, 0.5),
        copycat('D', 3, 0.5),
      ],
      4,
    );
    const branches = branchesOf(c);
    expect(branches).toHaveLength(FALLBACK_SEEDS);
    branches.forEach((b, i) => {
      const seed = 1_000_003 + i;
      expect(b.label).toBe(`sample ${i + 1}`);
      expect(b.probability).toBe(1 / 16);
      expect(b.choice).toEqual([
        1,
        ...['A', 'B', 'C', 'D'].map((id, slot) => (roll(c, seed, id, slot) < 0.5 ? 1 : 0)),
      ]);
    });
    // The samples differ: the fixed seeds are not all the same seed.
    expect(new Set(branches.map((b) => b.choice.join(''))).size).toBeGreaterThan(1);
  });

  it('is worked out once per compiled scenario', () => {
    const c = withEvents([copycat('Copycat', 1, 0.3)]);
    expect(branchesOf(c)).toBe(branchesOf(c));
    expect(expectedEnvs(c)).toBe(expectedEnvs(c));
  });
});

describe('expected world: environments', () => {
  it('runs each branch with the mean effort and no dice', () => {
    const c = compile(
      scenario({ events: [copycat('Copycat', 1, 0.3)] }, [
        item('f', 6, { estimate: [3, 15], value: { csat: 5 } }),
      ]),
    );
    const envs = expectedEnvs(c);
    expect(envs).toHaveLength(2);
    envs.forEach((env, i) => {
      expect(env.seeded).toBe(false);
      expect(env.effort[0]).toBeCloseTo((3 + 6 + 15) / 3, 12);
      expect(env.incidentDice).toBeNull();
      expect(env.breachDice).toBeNull();
      expect(env.eventDice).toBeNull();
      expect(env.choice).toEqual([1 - i]);
    });
  });
});

describe('expected world: metrics and trace', () => {
  /**
   * One quarter of 10 points, ARR $1M. `f` (5 points, +$100k ARR) is planned; a hotfix of 20
   * points may be injected first in the queue. Without it `f` completes at τ = 0.5: revenue
   * 1M·0.5/4 + 1.1M·0.5/4 + one year of 1.1M. With it the team never reaches `f`: 1M/4 + 1M.
   */
  const zeroDay = (probability: number) =>
    scenario(
      {
        time: { labels: quarters(1), slotsPerYear: 4 },
        events: [
          {
            id: 'zeroday',
            title: 'Zero-day',
            kind: 'injectItem',
            slot: 0,
            probability,
            item: 'hotfix',
          },
        ],
      },
      [
        item('hotfix', 20, { type: 'security', injected: true }),
        item('f', 5, { value: { arr: 100_000 } }),
      ],
    );
  const quietRevenue = (1_000_000 * 0.5) / 4 + (1_100_000 * 0.5) / 4 + 1_100_000;
  const firedRevenue = 1_000_000 / 4 + 1_000_000;

  it('averages the metrics of the branches weighted by their probability', () => {
    const s = zeroDay(0.4);
    expect(expectedMetrics(compile(s), plan(s, ['f']).slots).revenue).toBeCloseTo(
      0.4 * firedRevenue + 0.6 * quietRevenue,
      6,
    );
    expect(run(s, ['f']).metrics.revenue).toBeCloseTo(0.4 * firedRevenue + 0.6 * quietRevenue, 6);
  });

  it('tells the story of the most probable branch', () => {
    const unlikely = run(zeroDay(0.4), ['f']);
    expect(itemOf(unlikely, 'f').status).toBe('done');
    expect(itemOf(unlikely, 'hotfix').status).toBe('not triggered');
    const likely = run(zeroDay(0.7), ['f']);
    expect(itemOf(likely, 'f').status).toBe('unfinished');
    expect(itemOf(likely, 'hotfix').status).toBe('unfinished');
  });
});

describe('seeded world: choosing outcomes with the dice', () => {
  it('fires an event when its roll at the event’s slot is below its probability', () => {
    const c = withEvents([copycat('Copycat', 1, 0.5)]);
    const seen = new Set<number>();
    for (let seed = 1; seed <= 12; seed++) {
      const want = roll(c, seed, 'Copycat', 1) < 0.5 ? 1 : 0;
      expect(seededChoice(c, seed).choice).toEqual([want]);
      seen.add(want);
    }
    expect(seen).toEqual(new Set([0, 1]));
  });

  it('does not fire an event whose probability equals its roll (strictly below)', () => {
    const probe = withEvents([copycat('Copycat', 1, 0.5)]);
    const u = roll(probe, 3, 'Copycat', 1);
    const c = withEvents([copycat('Copycat', 1, u)]);
    expect(roll(c, 3, 'Copycat', 1)).toBe(u);
    expect(seededChoice(c, 3).choice).toEqual([0]);
  });

  it('picks the spike branch whose cumulative probability first exceeds the roll', () => {
    const c = withEvents([
      spike('launch', 1, [
        { probability: 0.2, multiplier: 2 },
        { probability: 0.3, multiplier: 3 },
        { probability: 0.5, multiplier: 5 },
      ]),
    ]);
    const seen = new Set<number>();
    for (let seed = 1; seed <= 30; seed++) {
      const u = roll(c, seed, 'launch', 1);
      const want = u < 0.2 ? 0 : u < 0.5 ? 1 : 2;
      expect(seededChoice(c, seed).choice).toEqual([want]);
      seen.add(want);
    }
    // Every band was rolled at least once.
    expect(seen).toEqual(new Set([0, 1, 2]));
  });

  it('puts a roll equal to a cumulative probability in the next spike branch', () => {
    const probe = withEvents([spike('launch', 1, [{ probability: 1, multiplier: 2 }])]);
    const u = roll(probe, 4, 'launch', 1);
    const c = withEvents([
      spike('launch', 1, [
        { probability: u, multiplier: 2 },
        { probability: 1 - u, multiplier: 3 },
      ]),
    ]);
    expect(seededChoice(c, 4).choice).toEqual([1]);
  });

  it('falls in the last spike branch when the roll is above probabilities that add up to just under 1', () => {
    // Probabilities within the loader's 1e-6 tolerance of 1; seed 1119833 rolls above them.
    const c = withEvents([
      spike('spike', 0, [
        { probability: 0.5, multiplier: 2 },
        { probability: 0.4999993, multiplier: 3 },
      ]),
    ]);
    expect(roll(c, 1119833, 'spike', 0)).toBeGreaterThanOrEqual(0.5 + 0.4999993);
    expect(seededChoice(c, 1119833).choice).toEqual([1]);
  });

  it('rolls no outcome for a cascade (it rolls every slot in the run instead)', () => {
    const c = withEvents([cascade(0.5)]);
    for (let seed = 1; seed <= 5; seed++) expect(seededChoice(c, seed).choice).toEqual([0]);
  });

  it('returns the dice of every event, one roll per slot', () => {
    const c = withEvents([copycat('Copycat', 1, 0.5), cascade(0.5)]);
    expect(seededChoice(c, 2).dice).toEqual([
      drawStream(c.id, 2, 'event:Copycat', 2),
      drawStream(c.id, 2, 'event:outage', 2),
    ]);
  });

  it('uses the planned effort of an item without an estimate range', () => {
    const c = compile(scenario({}, [item('a', 5), item('b', 6, { estimate: [3, 15] })]));
    const env = seededEnv(c, 1);
    expect(env.seeded).toBe(true);
    expect(env.effort[0]).toBe(5);
    expect(env.effort[1]).toBeGreaterThanOrEqual(3);
    expect(env.effort[1]).toBeLessThanOrEqual(15);
  });
});

describe('conditional world: part of the year played', () => {
  it('keeps the rolled outcome of the played slots and enumerates the rest', () => {
    const c = withEvents([copycat('Early', 0, 0.5), copycat('Late', 1, 0.3)]);
    const s = c.scenario;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const early = roll(c, seed, 'Early', 0) < 0.5 ? 1 : 0;
      const world = conditionalWorld(c, seed, 1, plan(s, ['f']));
      expect(world.branches.map((b) => [b.label, b.choice])).toEqual([
        ['Late: happens', [early, 1]],
        ['Late: does not happen', [early, 0]],
      ]);
      expect(world.envs.map((e) => e.choice)).toEqual([
        [early, 1],
        [early, 0],
      ]);
    }
  });

  it('enumerates every event when nothing is played yet', () => {
    const c = withEvents([copycat('Early', 0, 0.5), copycat('Late', 1, 0.3)]);
    const world = conditionalWorld(c, 1, 0, plan(c.scenario, ['f']));
    expect(world.branches.map((b) => b.label)).toEqual(branchesOf(c).map((b) => b.label));
  });

  it('keeps a certain event certain whatever the roll', () => {
    const c = withEvents([copycat('sure', 1, 1, 'Sure copy'), copycat('Early', 0, 0.5)]);
    for (const seed of [1, 2, 3]) {
      const world = conditionalWorld(c, seed, 1, plan(c.scenario, ['f']));
      const early = roll(c, seed, 'Early', 0) < 0.5 ? 1 : 0;
      expect(world.branches.map((b) => b.choice)).toEqual([[1, early]]);
    }
  });
});
