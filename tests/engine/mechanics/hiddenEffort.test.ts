/**
 * Hidden efforts (docs/model.md, "Hidden facts and experiments"): an item whose true size is one
 * of a few outcomes. Expected numbers are worked out from the model, in the quiet world of
 * `build.ts` (one stream, 10 points a quarter, nothing else moving):
 *
 * - the expected world plans with the outcomes' mean (Σ chance × effort), as it does with every
 *   estimate range, so an item with outcomes 4 or 16 points at even chances plays exactly like a
 *   plain 10-point item there;
 * - a seeded world draws one outcome from the stream `hidden:effort:<item>` and the item takes
 *   exactly that many points;
 * - the effort is revealed by an experiment that names the item, by the item shipping, or by work
 *   on it starting (by the end of the slot it started in); until then a conditional world keeps
 *   it at its mean.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../../../src/engine/compile.ts';
import { conditionalWorld } from '../../../src/engine/expected.ts';
import {
  allHiddenFacts,
  drawWorld,
  effortKey,
  hiddenEfforts,
  outcomesOf,
} from '../../../src/engine/hidden.ts';
import { loadScenario, revealedAfter, simulate } from '../../../src/engine/index.ts';
import { drawStream } from '../../../src/engine/rng.ts';
import { valueOfInformation } from '../../../src/engine/voi.ts';
import { wouldReveal } from '../../../src/engine/lookahead.ts';
import { item, itemOf, plan, QUIET, quarters, scenario, type ItemInput } from './build.ts';

const SMALL = 4;
const LARGE = 16;
/** 4 or 16 points at even chances: a mean of 10, one quarter of the quiet world's capacity. */
const lumpy = (extra: Partial<ItemInput> = {}) =>
  item('x', 10, {
    effortOutcomes: [
      { effort: SMALL, chance: 0.5, label: 'the module is clean' },
      { effort: LARGE, chance: 0.5, label: 'the module needs a rewrite' },
    ],
    ...extra,
  });

/** The first seed whose world draws outcome `k` of item x's effort. */
function seedWith(s: ReturnType<typeof scenario>, k: number): number {
  for (let seed = 1; seed < 1000; seed++)
    if (drawWorld(s, seed).get(effortKey('x')) === k) return seed;
  throw new Error(`no seed draws outcome ${k}`);
}

describe('a hidden effort in the expected world', () => {
  it('compiles to its outcomes: the mean is the expected effort, the extremes the range', () => {
    const c = compile(scenario({}, [lumpy()]));
    const x = c.items[0]!;
    expect(x.meanEffort).toBeCloseTo(0.5 * SMALL + 0.5 * LARGE, 12);
    expect([x.low, x.mode, x.high]).toEqual([SMALL, 10, LARGE]);
  });

  it('plays exactly like a plain item of its mean: the expected score does not move', () => {
    const hidden = scenario({}, [lumpy(), item('y', 5)]);
    const plain = scenario({}, [item('x', 10), item('y', 5)]);
    const a = simulate(hidden, plan(hidden, ['x'], ['y']));
    const b = simulate(plain, plan(plain, ['x'], ['y']));
    // 10 points at 10 a quarter: x ships at the end of Q1, y (5 points) half-way through Q2.
    expect(itemOf(a, 'x').completedAt).toBeCloseTo(1, 9);
    expect(itemOf(a, 'y').completedAt).toBeCloseTo(1.5, 9);
    expect(a.metrics).toEqual(b.metrics);
  });
});

describe('a hidden effort in a seeded world', () => {
  const s = scenario({}, [lumpy(), item('y', 5)]);

  it('draws its outcome from the stream hidden:effort:<item>, the same for the same seed', () => {
    for (const seed of [1, 2, 3, 17, 404]) {
      const u = drawStream(s.id, seed, 'hidden:effort:x', 1)[0]!;
      expect(drawWorld(s, seed).get('effort:x')).toBe(u < 0.5 ? 0 : 1);
      expect(drawWorld(s, seed)).toEqual(drawWorld(s, seed));
    }
  });

  it('takes exactly the drawn points: 4 ships at 0.4 of Q1; 16 as a plain 16-point item', () => {
    const small = simulate(s, plan(s, ['x'], ['y']), { mode: 'seeded', seed: seedWith(s, 0) });
    expect(itemOf(small, 'x').effort).toBe(SMALL);
    // 4 points at 10 a quarter, nothing else in Q1.
    expect(itemOf(small, 'x').completedAt).toBeCloseTo(SMALL / 10, 9);
    const large = simulate(s, plan(s, ['x'], ['y']), { mode: 'seeded', seed: seedWith(s, 1) });
    expect(itemOf(large, 'x').effort).toBe(LARGE);
    // 16 points over-commit Q1; it runs exactly as a stated 16-point item does.
    const plain = scenario({}, [item('x', LARGE), item('y', 5)]);
    const oracle = simulate(plain, plan(plain, ['x'], ['y']));
    expect(itemOf(large, 'x').completedAt).toBeCloseTo(itemOf(oracle, 'x').completedAt!, 12);
    expect(itemOf(large, 'y').completedAt).toBeCloseTo(itemOf(oracle, 'y').completedAt!, 12);
  });
});

describe('revealing a hidden effort', () => {
  const spike = item('spike', 1, { reveals: ['x'] });

  it('is revealed by work starting on it, by the end of the slot it started in', () => {
    const s = scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, [lumpy()]);
    const seed = seedWith(s, 1);
    // Started at 0 and 16 points long: not shipped after Q1, but its size is known.
    expect(revealedAfter(s, plan(s, ['x']), seed, 1)).toEqual([
      { kind: 'effort', item: 'x', outcome: 1, effort: LARGE, by: 'x', slot: 0 },
    ]);
  });

  it('is revealed by an experiment that names the item, with its value', () => {
    const s = scenario({}, [
      spike,
      lumpy({
        value: {
          arr: 1_000_000,
          confidence: 0.5,
          outcomes: [
            { factor: 0, chance: 0.5 },
            { factor: 1, chance: 0.5 },
          ],
        },
      }),
    ]);
    const seed = seedWith(s, 0);
    const value = drawWorld(s, seed).get('x')!;
    const facts = revealedAfter(s, plan(s, ['spike'], ['x']), seed, 1);
    expect(facts).toEqual([
      { item: 'x', outcome: value, arr: 1_000_000 * value, by: 'spike', slot: 0 },
      { kind: 'effort', item: 'x', outcome: 0, effort: SMALL, by: 'spike', slot: 0 },
    ]);
  });

  it('stays at its mean in a conditional world while planned but not started', () => {
    // x waits for y, which takes all of Q1: planned in Q1, x has not started when Q1 is played.
    const items = [item('y', 10), lumpy({ dependsOn: ['y'] })];
    const s = scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, items);
    const plain = scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, [
      items[0]!,
      item('x', 10, { dependsOn: ['y'] }),
    ]);
    const oracle = simulate(plain, plan(plain, ['y', 'x']));
    for (const k of [0, 1]) {
      const seed = seedWith(s, k);
      const committed = plan(s, ['y', 'x']);
      const world = conditionalWorld(compile(s), seed, 1, committed);
      expect(world.envs[0]!.effort[1]).toBeCloseTo(10, 12);
      expect(revealedAfter(s, committed, seed, 1)).toEqual([]);
      // Whatever the world drew, the rest of the year is planned with its mean, 10 points.
      const out = simulate(s, committed, { mode: 'conditional', seed, revealedSlots: 1 });
      expect(itemOf(out, 'x').completedAt).toBeCloseTo(itemOf(oracle, 'x').completedAt!, 12);
    }
  });

  it('is known in a conditional world once an experiment showed it', () => {
    const s = scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, [spike, lumpy()]);
    const seed = seedWith(s, 1);
    const committed = plan(s, ['spike'], ['x']);
    const out = simulate(s, committed, { mode: 'conditional', seed, revealedSlots: 1 });
    // The spike showed 16 points: x, from Q2, runs as a stated 16-point item does.
    const plain = scenario(
      { time: { labels: quarters(3), slotsPerYear: 4 } },
      [spike, lumpy()].map((i) => (i.id === 'x' ? item('x', LARGE) : item('spike', 1))),
    );
    const oracle = simulate(plain, plan(plain, ['spike'], ['x']));
    expect(itemOf(out, 'x').completedAt).toBeCloseTo(itemOf(oracle, 'x').completedAt!, 12);
    // Alone on one stream, x is no over-commitment: 10 points in Q2, the other 6 in Q3 (the
    // expected 10-point item would finish at the end of Q2).
    expect(itemOf(out, 'x').completedAt).toBeCloseTo(2 + (LARGE - 10) / 10, 12);
  });

  it('is what a slot would reveal: the experiment in it, or the item started in it', () => {
    const s = scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, [
      spike,
      item('y', 10),
      lumpy({ dependsOn: ['y'] }),
    ]);
    const c = compile(s);
    const none = { known: new Map<string, number>() };
    expect(wouldReveal(c, plan(s, ['spike', 'y']), 0, none)).toEqual(['effort:x']);
    // x waits for y all through Q1: nothing shows its size yet.
    expect(wouldReveal(c, plan(s, ['y', 'x']), 0, none)).toEqual([]);
    expect(wouldReveal(c, plan(s, ['y'], ['x']), 1, none)).toEqual(['effort:x']);
    expect(wouldReveal(c, plan(s, ['spike']), 0, { known: new Map([['effort:x', 0]]) })).toEqual(
      [],
    );
  });
});

describe('hidden efforts as facts', () => {
  it('lists an item’s value before its effort, each with its own key and outcomes', () => {
    const s = scenario({}, [
      item('a', 3),
      lumpy({
        value: {
          arr: 100,
          confidence: 0.5,
          outcomes: [
            { factor: 0, chance: 0.5 },
            { factor: 1, chance: 0.5 },
          ],
        },
      }),
    ]);
    expect(allHiddenFacts(s).map((f) => [f.kind, f.key, f.index])).toEqual([
      ['value', 'x', 1],
      ['effort', 'effort:x', 1],
    ]);
    expect(hiddenEfforts(s).map((f) => f.outcomes.map((o) => o.effort))).toEqual([[4, 16]]);
    // Both facts of x: four joint outcomes at a quarter each.
    const combos = outcomesOf(s, ['x', 'effort:x']);
    expect(combos.map((c) => c.p)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(combos.map((c) => [...c.o])).toContainEqual([
      ['x', 1],
      ['effort:x', 0],
    ]);
  });
});

describe('loading hidden efforts', () => {
  function issuesOf(items: ItemInput[]) {
    const result = loadScenario({
      schemaVersion: 2,
      id: 'efforts',
      title: 'Efforts',
      brief: '',
      industry: 'Test',
      difficulty: 1,
      minutes: 1,
      time: { labels: quarters(2), slotsPerYear: 4 },
      team: { capacity: 10, ktlo: 0 },
      start: { arr: 1_000_000, csat: 70, debt: 0 },
      scoring: { weights: { revenue: 1 } },
      items,
      constants: QUIET,
    });
    return result.ok ? [] : result.issues;
  }
  const outcomes = (a: number, b: number, pa = 0.5) => [
    { effort: a, chance: pa },
    { effort: b, chance: 1 - pa },
  ];

  it('accepts outcomes that weigh to the stated effort, and an experiment that reveals them', () => {
    expect(
      issuesOf([lumpy(), item('spike', 1, { reveals: ['x'] }), item('y', 6, { dependsOn: ['x'] })]),
    ).toEqual([]);
  });

  it.each<[string, ItemInput[], { path: string; message: string }[]]>([
    [
      'chances that do not add to 1',
      [item('x', 10, { effortOutcomes: [outcomes(4, 16)[0]!, { effort: 16, chance: 0.4 }] })],
      [{ path: 'items[0].effortOutcomes', message: 'the chances add up to 0.9, not 1' }],
    ],
    [
      'outcomes that weigh to another effort',
      [item('x', 12, { effortOutcomes: outcomes(4, 16) })],
      [
        {
          path: 'items[0].effortOutcomes',
          message:
            'the outcomes weigh to 10 points, but the effort is 12: the stated effort is the expected effort, so they must agree',
        },
      ],
    ],
    [
      'an estimate range as well',
      [item('x', 10, { estimate: [8, 14], effortOutcomes: outcomes(4, 16) })],
      [
        {
          path: 'items[0].effortOutcomes',
          message:
            'an item with a hidden effort has no estimate range: its outcomes are the range (remove "estimate")',
        },
      ],
    ],
    [
      'a sliced feature',
      [
        item('x', 10, { effortOutcomes: outcomes(4, 16) }),
        item('mvp', 3, { sliceOf: { item: 'x', share: 0.4 } }),
      ],
      [
        {
          path: 'items[0].effortOutcomes',
          message:
            '"x" is a sliced feature: a sliced feature and its slice keep a stated effort (their shares come from it)',
        },
      ],
    ],
    [
      'an MVP slice',
      [
        item('x', 10, { value: { arr: 100 } }),
        item('mvp', 3, { sliceOf: { item: 'x', share: 0.4 }, effortOutcomes: outcomes(2, 4) }),
      ],
      [
        {
          path: 'items[1].effortOutcomes',
          message:
            '"mvp" is an MVP slice: a sliced feature and its slice keep a stated effort (their shares come from it)',
        },
      ],
    ],
  ])('refuses %s, naming the field', (_, items, expected) => {
    expect(issuesOf(items)).toEqual(expected);
  });
});

describe('what knowing a size is worth', () => {
  // 3 quarters of 10 points. x is worth $1.2M: 4 points or 16. The fillers are worth $0.5M for 9
  // points and $0.3M for 6. Made blind, par plans x at its mean; playing quarter by quarter, the
  // plan learns x's size once work on it starts and re-plans around it.
  const s = scenario(
    { time: { labels: quarters(3), slotsPerYear: 4 }, team: { capacity: 10, ktlo: 0 } },
    [
      item('spike', 1, { reveals: ['x'] }),
      lumpy({ value: { arr: 1_200_000 } }),
      item('f1', 9, { value: { arr: 500_000 } }),
      item('f2', 9, { value: { arr: 500_000 } }),
      item('f3', 6, { value: { arr: 300_000 } }),
    ],
  );

  it('makes adaptive par beat par made blind; starting x shows its size, so the spike adds nothing', () => {
    const report = valueOfInformation(s, { budget: 3000 });
    expect(report.voi).toBeCloseTo(report.adaptive - report.committed, 12);
    expect(report.voi).toBeGreaterThan(4);
    // Each world is one outcome of x's effort, at an even chance.
    expect(report.worlds.map((w) => [w.facts, w.probability])).toEqual([
      [{ 'effort:x': 0 }, 0.5],
      [{ 'effort:x': 1 }, 0.5],
    ]);
    // The small world needs no re-plan: adaptive and committed par agree there.
    expect(report.worlds[0]!.score).toBeCloseTo(report.worlds[0]!.committed, 9);
    expect(report.worlds[1]!.score).toBeGreaterThan(report.worlds[1]!.committed);
    // Work started on x in Q1 shows its size by Q2, as the spike would: it is worth nothing here.
    expect(report.withoutExperiments).toBeCloseTo(report.adaptive, 9);
    expect(report.experiments).toEqual([{ id: 'spike', worth: 0 }]);
  });
});
