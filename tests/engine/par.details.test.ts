/**
 * The par search's inner parts on tiny hand-made scenarios: the search space, dependency repair,
 * the random and the full neighbourhood, starting plans, the budget, exact enumeration and
 * anchors. Expected values are worked out by hand or by brute force here.
 */
import { describe, expect, it } from 'vitest';

import { compile, type Plan } from '../../src/engine/index.ts';
import { expectedMetrics } from '../../src/engine/expected.ts';
import { fixedScales } from '../../src/engine/anchors.ts';
import {
  computeAnchors,
  countPlans,
  exactBest,
  fullNeighbourhood,
  makeRng,
  makeSpace,
  neighbour,
  repairPlan,
  scoreObjective,
  searchPlans,
  startingPlan,
  type Objective,
} from '../../src/engine/par.ts';
import { scoreMetrics } from '../../src/engine/score.ts';
import { scoringOf } from '../../src/engine/simulate.ts';
import { strategyPlans } from '../../src/engine/strategies.ts';
import { item, quarters, scenario } from './mechanics/build.ts';

/** Three independent items over two quarters. */
const three = () => compile(scenario({}, [item('a', 3), item('b', 3), item('c', 3)]));
/** Four independent items over two quarters. */
const four = () => compile(scenario({}, [item('a', 3), item('b', 3), item('c', 3), item('d', 3)]));
/** A chain a ← b ← c (c needs b, b needs a) plus a free x, over three quarters. */
const chain = () =>
  compile(
    scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, [
      item('a', 2),
      item('b', 2, { dependsOn: ['a'], value: { arr: 50_000 } }),
      item('c', 2, { dependsOn: ['b'], value: { arr: 300_000 } }),
      item('x', 5, { value: { arr: 120_000 } }),
    ]),
  );

const key = (p: Plan) => JSON.stringify(p.slots);
const size = (p: Plan) => p.slots.flat().length;

describe('the search space', () => {
  it('lists the free items and, for each item, who needs it', () => {
    const c = compile(
      scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, [
        item('a', 2),
        item('b', 2, { dependsOn: ['a'] }),
        item('c', 2, { dependsOn: ['a'] }),
        item('x', 2),
      ]),
    );
    const space = makeSpace(c, {});
    expect(space.free).toEqual(['a', 'b', 'c', 'x']);
    expect(space.frozen).toBe(0);
    expect(space.dependents.get('a')).toEqual(['b', 'c']);
    expect(space.dependents.get('x')).toBeUndefined();
    expect(space.deps.get('b')).toEqual(['a']);
  });

  it('takes the items fixed in frozen slots out of the free ones, but not those of later slots', () => {
    const c = chain();
    const space = makeSpace(c, { frozenSlots: 1, fixedPlan: { slots: [['a'], ['x'], []] } });
    expect(space.frozen).toBe(1);
    expect(space.free).toEqual(['b', 'c', 'x']);
  });
});

describe('repairing a plan', () => {
  it('moves a prerequisite placed later in the same slot before its dependent', () => {
    const c = chain();
    const space = makeSpace(c, {});
    expect(repairPlan(space, { slots: [['x', 'b', 'a'], [], []] })).toEqual({
      slots: [['x', 'a', 'b'], [], []],
    });
  });

  it('moves a prerequisite from a later slot even when it sits early in that slot', () => {
    const c = chain();
    const space = makeSpace(c, {});
    expect(repairPlan(space, { slots: [['x', 'b'], ['a'], []] })).toEqual({
      slots: [['x', 'a', 'b'], [], []],
    });
  });

  it('adds every missing prerequisite down a chain, not just the first', () => {
    const c = chain();
    const space = makeSpace(c, {});
    expect(repairPlan(space, { slots: [[], ['c'], []] })).toEqual({
      slots: [[], ['a', 'b', 'c'], []],
    });
  });

  it('leaves a prerequisite fixed in a frozen slot where it is, even when absent from the plan', () => {
    const c = chain();
    const space = makeSpace(c, { frozenSlots: 1, fixedPlan: { slots: [['a'], [], []] } });
    expect(repairPlan(space, { slots: [[], ['b'], []] })).toEqual({ slots: [[], ['b'], []] });
    expect(repairPlan(space, { slots: [['a'], ['b'], []] })).toEqual({
      slots: [['a'], ['b'], []],
    });
  });

  it('repairs the first editable slot after the frozen ones', () => {
    const c = chain();
    const space = makeSpace(c, { frozenSlots: 1, fixedPlan: { slots: [['x'], [], []] } });
    expect(repairPlan(space, { slots: [['x'], ['b', 'a'], []] })).toEqual({
      slots: [['x'], ['a', 'b'], []],
    });
  });
});

/** Valid: no duplicates, only known items, every prerequisite earlier in the queue. */
function isValid(deps: Map<string, string[]>, p: Plan): boolean {
  const queue = p.slots.flat();
  if (new Set(queue).size !== queue.length) return false;
  return queue.every(
    (id, at) =>
      deps.has(id) && (deps.get(id) ?? []).every((d) => queue.includes(d) && queue.indexOf(d) < at),
  );
}

/** Every way to insert `id` into a plan. */
function insertions(p: Plan, id: string): Plan[] {
  const out: Plan[] = [];
  p.slots.forEach((slot, t) => {
    for (let i = 0; i <= slot.length; i++)
      out.push({
        slots: p.slots.map((x, u) => (u === t ? [...x.slice(0, i), id, ...x.slice(i)] : [...x])),
      });
  });
  return out;
}

const without = (p: Plan, ids: string[]): Plan => ({
  slots: p.slots.map((s) => s.filter((x) => !ids.includes(x))),
});

describe('a random neighbour', () => {
  /** From [[a],[b]] with c, d left out (no prerequisites): every plan one documented move away. */
  function oneMoveAway(): { moveOrSwap: Set<string>; fewer: Set<string>; replaced: Set<string> } {
    const p: Plan = { slots: [['a'], ['b']] };
    const moveOrSwap = new Set<string>();
    for (const id of ['a', 'b'])
      for (const q of insertions(without(p, [id]), id)) moveOrSwap.add(key(q));
    moveOrSwap.add(key({ slots: [['b'], ['a']] }));
    const fewer = new Set([
      key({ slots: [[], ['b']] }),
      key({ slots: [['a'], []] }),
      key({ slots: [[], []] }),
    ]);
    const replaced = new Set<string>();
    for (const out of ['a', 'b'])
      for (const inn of ['c', 'd'])
        replaced.add(key({ slots: p.slots.map((s) => s.map((x) => (x === out ? inn : x))) }));
    return { moveOrSwap, fewer, replaced };
  }

  it('is one move of the documented kinds, each drawn about as often as documented', () => {
    const c = four();
    const space = makeSpace(c, {});
    const rng = makeRng(7);
    const p: Plan = { slots: [['a'], ['b']] };
    const { moveOrSwap, fewer, replaced } = oneMoveAway();
    const addOne = new Set(['c', 'd'].flatMap((id) => insertions(p, id).map(key)));
    const addTwo = new Set(
      [
        ['c', 'd'],
        ['d', 'c'],
      ].flatMap(([x, y]) => insertions(p, x!).flatMap((q) => insertions(q, y!).map(key))),
    );
    const n = 4000;
    const tally = { moveOrSwap: 0, fewer: 0, replaced: 0, addOne: 0, addTwo: 0 };
    const ends = new Set<number>();
    let emptied = 0;
    for (let i = 0; i < n; i++) {
      const q = neighbour(space, p, rng);
      const k = key(q);
      if (moveOrSwap.has(k)) tally.moveOrSwap += 1;
      else if (fewer.has(k)) tally.fewer += 1;
      else if (replaced.has(k)) tally.replaced += 1;
      else if (addOne.has(k)) tally.addOne += 1;
      else if (addTwo.has(k)) tally.addTwo += 1;
      else throw new Error(`not one move away: ${k}`);
      if (size(q) === 0) emptied += 1;
      if (size(q) === 3)
        for (const slot of q.slots)
          if (slot.length === 2) ends.add(slot.indexOf(slot.includes('c') ? 'c' : 'd'));
    }
    expect(p).toEqual({ slots: [['a'], ['b']] });
    // Move 35% + swap 15%; drop 12% + cut 8%; replace 10%; add two 10% (the same pick twice,
    // half of them, adds one); add one 10%.
    expect(tally.moveOrSwap / n).toBeCloseTo(0.5, 1);
    expect(tally.fewer / n).toBeCloseTo(0.2, 1);
    expect(tally.replaced / n).toBeCloseTo(0.1, 1);
    expect(tally.addOne / n).toBeCloseTo(0.15, 1);
    expect(tally.addTwo / n).toBeCloseTo(0.05, 1);
    expect(Math.abs(tally.addTwo / n - 0.05)).toBeLessThan(0.02);
    expect(Math.abs(tally.replaced / n - 0.1)).toBeLessThan(0.025);
    // Only a cut at the head (half of the cuts) empties the plan.
    expect(Math.abs(emptied / n - 0.04)).toBeLessThan(0.015);
    // An added item lands before or after the one already in its slot.
    expect([...ends].sort()).toEqual([0, 1]);
  });

  it('only moves or swaps when nothing is left out', () => {
    const c = three();
    const space = makeSpace(c, {});
    const rng = makeRng(3);
    const p: Plan = { slots: [['a', 'b'], ['c']] };
    let changed = 0;
    for (let i = 0; i < 300; i++) {
      const q = neighbour(space, p, rng);
      expect(q.slots.flat().sort()).toEqual(['a', 'b', 'c']);
      if (key(q) !== key(p)) changed += 1;
    }
    expect(changed).toBeGreaterThan(150);
  });

  it('only adds one or two items to an empty plan', () => {
    const c = three();
    const space = makeSpace(c, {});
    const rng = makeRng(5);
    const sizes = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const q = neighbour(space, { slots: [[], []] }, rng);
      expect(isValid(space.deps, q)).toBe(true);
      sizes.add(size(q));
    }
    expect([...sizes].sort()).toEqual([1, 2]);
  });

  it('puts a replacement in the place of the item it replaces', () => {
    const c = three();
    const space = makeSpace(c, {});
    const rng = makeRng(19);
    const replaced = new Set<string>();
    for (let i = 0; i < 600; i++) {
      const q = neighbour(space, { slots: [['a', 'b'], []] }, rng);
      if (size(q) === 2 && q.slots.flat().includes('c')) replaced.add(key(q));
    }
    expect([...replaced].sort()).toEqual(
      [key({ slots: [['a', 'c'], []] }), key({ slots: [['c', 'b'], []] })].sort(),
    );
  });

  it('drops the only planned item instead of swapping it with itself', () => {
    const c = three();
    const space = makeSpace(c, {});
    const rng = makeRng(17);
    const n = 3000;
    let emptied = 0;
    let same = 0;
    for (let i = 0; i < n; i++) {
      const q = neighbour(space, { slots: [['a'], []] }, rng);
      if (size(q) === 0) emptied += 1;
      if (key(q) === key({ slots: [['a'], []] })) same += 1;
    }
    // r in [0.35, 0.7): drop or cut, both empty the plan. A move (r < 0.35) lands back in place
    // half the time.
    expect(Math.abs(emptied / n - 0.35)).toBeLessThan(0.03);
    expect(Math.abs(same / n - 0.175)).toBeLessThan(0.03);
  });

  it('keeps prerequisites first and frozen slots as they are', () => {
    const c = chain();
    const space = makeSpace(c, { frozenSlots: 1, fixedPlan: { slots: [['x'], [], []] } });
    const rng = makeRng(11);
    let p: Plan = { slots: [['x'], ['a'], ['b', 'c']] };
    for (let i = 0; i < 400; i++) {
      p = neighbour(space, p, rng);
      expect(p.slots[0]).toEqual(['x']);
      expect(isValid(space.deps, p)).toBe(true);
    }
  });

  it('drops a prerequisite together with the items that need it', () => {
    const c = chain();
    const space = makeSpace(c, {});
    const rng = makeRng(13);
    const p: Plan = { slots: [['a', 'b', 'c'], [], []] };
    const seen = new Set<string>();
    for (let i = 0; i < 600; i++) seen.add(key(neighbour(space, p, rng)));
    expect(seen.has(key({ slots: [[], [], []] }))).toBe(true);
    expect(seen.has(key({ slots: [['a'], [], []] }))).toBe(true);
    for (const k of seen)
      expect(isValid(space.deps, { slots: JSON.parse(k) as string[][] })).toBe(true);
  });

  it('returns the same plan when every slot is frozen', () => {
    const c = three();
    const fixedPlan = { slots: [['a'], ['b']] };
    const space = makeSpace(c, { frozenSlots: 2, fixedPlan });
    expect(neighbour(space, fixedPlan, makeRng(1))).toEqual(fixedPlan);
  });
});

describe('the full neighbourhood', () => {
  it('lists each move of [[a, b], []] with c left out exactly once', () => {
    const c = three();
    const space = makeSpace(c, {});
    const p: Plan = { slots: [['a', 'b'], []] };
    const all = [...fullNeighbourhood(space, p)];
    // Worked out by hand: 1 cut, 1 swap, 2 replacements, a and b each dropped or moved to the
    // 2 other places, c added in 4 places.
    expect(all).toEqual([
      { slots: [[], []] },
      { slots: [['b', 'a'], []] },
      { slots: [['c', 'b'], []] },
      { slots: [['a', 'c'], []] },
      { slots: [['b'], []] },
      { slots: [['b', 'a'], []] },
      { slots: [['b'], ['a']] },
      { slots: [['a'], []] },
      { slots: [['b', 'a'], []] },
      { slots: [['a'], ['b']] },
      { slots: [['c', 'a', 'b'], []] },
      { slots: [['a', 'c', 'b'], []] },
      { slots: [['a', 'b', 'c'], []] },
      { slots: [['a', 'b'], ['c']] },
    ]);
    expect(p).toEqual({ slots: [['a', 'b'], []] });
  });

  it('cuts a three-item queue after each of its first two positions', () => {
    const c = three();
    const space = makeSpace(c, {});
    const all = [...fullNeighbourhood(space, { slots: [['a'], ['b', 'c']] })];
    expect(all.slice(0, 2)).toEqual([{ slots: [[], []] }, { slots: [['a'], []] }]);
    // 2 cuts + 3 swaps + 3 items × (drop + 3 other places); nothing is left out to swap in.
    expect(all).toHaveLength(2 + 3 + 3 * 4);
  });

  it('repairs the plans it yields', () => {
    const c = chain();
    const space = makeSpace(c, {});
    const all = [...fullNeighbourhood(space, { slots: [['a', 'b'], [], []] })];
    for (const q of all) expect(isValid(space.deps, q)).toBe(true);
    // Swapping a and b, then repairing, gives back the same queue.
    expect(all[1]).toEqual({ slots: [['a', 'b'], [], []] });
    // Replacing a with c drops b and adds c's chain back in front of it.
    expect(all).toContainEqual({ slots: [['a', 'b', 'c'], [], []] });
  });
});

describe('starting plans', () => {
  it('keep frozen slots from the fixed plan and only free items, once each, elsewhere', () => {
    const c = chain();
    const options = { frozenSlots: 1, fixedPlan: { slots: [['x'], [], []] } };
    const space = makeSpace(c, options);
    expect(startingPlan(space, options, { slots: [['a'], ['x', 'b', 'zz', 'a', 'b']] })).toEqual({
      slots: [['x'], ['a', 'b'], []],
    });
  });

  it('copy an unfrozen plan, repaired', () => {
    const c = chain();
    const space = makeSpace(c, {});
    expect(startingPlan(space, {}, { slots: [['x'], ['c'], ['a']] })).toEqual({
      slots: [['x'], ['a', 'b', 'c'], []],
    });
  });
});

describe('the search', () => {
  const constant: Objective = () => 1;

  it('spends its budget as documented: battery, 90 probes, annealing, one sweep per climb', () => {
    const c = chain();
    for (const budget of [200, 401]) {
      let calls = 0;
      const found = searchPlans(
        c,
        () => {
          calls += 1;
          return 1;
        },
        { budget, exhaustiveUpTo: 0 },
      );
      expect(found.evaluations).toBe(calls);
      // On a flat objective nothing ever improves: the runs' best plans are their starts, and
      // each climb looks at one whole neighbourhood.
      const space = makeSpace(c, {});
      const battery = Object.values(strategyPlans(c)).map((p) => startingPlan(space, {}, p));
      const distinct: Plan[] = [];
      for (const p of battery) if (!distinct.some((q) => key(q) === key(p))) distinct.push(p);
      const restarts = Math.min(3, distinct.length);
      const sweeps = [...distinct.slice(0, restarts), battery[0]!].map(
        (p) => [...fullNeighbourhood(space, p)].length,
      );
      const annealing =
        restarts * Math.floor((budget * 0.55) / restarts) + Math.floor(budget * 0.2);
      expect(found.evaluations).toBe(
        battery.length + 90 + annealing + sweeps.reduce((a, b) => a + b, 0),
      );
      expect(found.plan).toEqual(battery[0]);
    }
  });

  it('counts extra starting plans in the battery', () => {
    const c = chain();
    const a = searchPlans(c, constant, { budget: 100, exhaustiveUpTo: 0 });
    const b = searchPlans(c, constant, {
      budget: 100,
      exhaustiveUpTo: 0,
      starts: [{ slots: [['x'], [], []] }],
    });
    expect(b.evaluations).toBeGreaterThan(a.evaluations);
  });

  it('draws its moves from its own seed: the default is seed 1, another seed differs', () => {
    const c = compile(
      scenario({}, [
        item('a', 3, { value: { arr: 100_000 } }),
        item('b', 4, { value: { arr: 150_000 } }),
        item('c', 5, { value: { arr: 220_000 } }),
        item('d', 6, { value: { arr: 260_000 } }),
      ]),
    );
    const trace = (seed?: number) => {
      const seen: number[] = [];
      searchPlans(
        c,
        (m) => {
          seen.push(m.revenue ?? 0);
          return m.revenue ?? 0;
        },
        { budget: 60, exhaustiveUpTo: 0, ...(seed === undefined ? {} : { seed }) },
      );
      return seen;
    };
    expect(trace()).toEqual(trace(1));
    expect(trace(2)).not.toEqual(trace(1));
  });

  it('finds a plan at least as good as every start and climbs to a local optimum', () => {
    const c = chain();
    const objective: Objective = (m) => m.revenue ?? 0;
    const found = searchPlans(c, objective, { budget: 150, exhaustiveUpTo: 0 });
    const space = makeSpace(c, {});
    for (const p of Object.values(strategyPlans(c)))
      expect(found.value).toBeGreaterThanOrEqual(
        objective(expectedMetrics(c, startingPlan(space, {}, p).slots)) - 1e-12,
      );
    expect(objective(expectedMetrics(c, found.plan.slots))).toBeCloseTo(found.value, 12);
    for (const q of fullNeighbourhood(space, found.plan))
      expect(objective(expectedMetrics(c, q.slots))).toBeLessThanOrEqual(found.value + 1e-9);
  });

  it('never ends below a plan its annealing or climbing evaluated', () => {
    // Seven items over three quarters of 10 points: capacity, a prerequisite and a deadline.
    const s = scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, [
      item('big', 9, { value: { arr: 300_000 } }),
      item('base', 4, { type: 'debt' }),
      item('top', 5, { dependsOn: ['base'], value: { arr: 350_000 } }),
      item('quick', 2, { value: { arr: 60_000 } }),
      item('date', 6, {
        value: { arr: 250_000 },
        urgency: { kind: 'deadline', slot: 0, lateFactor: 0.1 },
      }),
      item('meh', 7, { value: { arr: 40_000 } }),
      item('wide', 8, { value: { arr: 200_000, confidence: 0.5 } }),
    ]);
    const c = compile(s);
    const { weights, anchors } = scoringOf(c);
    const score = scoreObjective(weights, anchors);
    const battery = Object.keys(strategyPlans(c)).length;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const values: number[] = [];
      const found = searchPlans(
        c,
        (m) => {
          const v = score(m);
          values.push(v);
          return v;
        },
        { budget: 50, exhaustiveUpTo: 0, seed },
      );
      // The battery and the 90 probes that set the temperatures come first; the probes' plans
      // are not kept, everything after them is.
      const kept = [...values.slice(0, battery), ...values.slice(battery + 90)];
      expect(found.value).toBe(Math.max(...kept));
    }
  });

  it('enumerates exactly when the plan count equals the threshold, and searches above it', () => {
    const c = compile(scenario({}, [item('a', 1), item('b', 1)]));
    // 1 empty + 2 items × 2 slots + 2 orders × 3 slot pairs = 11 plans.
    expect(searchPlans(c, constant, { exhaustiveUpTo: 11 }).evaluations).toBe(11);
    expect(
      searchPlans(c, constant, { exhaustiveUpTo: 10, budget: 50 }).evaluations,
    ).toBeGreaterThan(90);
  });

  it('evaluates in the expected world when no seed is revealed, even with frozen slots', () => {
    const c = compile(
      scenario(
        {
          events: [
            { id: 'e', title: 'E', kind: 'injectItem', slot: 0, probability: 0.5, item: 'x' },
          ],
        },
        [
          item('a', 8, { value: { arr: 400_000 } }),
          item('b', 4, { value: { arr: 100_000 } }),
          item('x', 6, { injected: true }),
        ],
      ),
    );
    const objective: Objective = (m) => m.revenue ?? 0;
    const found = searchPlans(c, objective, {
      frozenSlots: 1,
      fixedPlan: { slots: [['a'], []] },
      budget: 50,
    });
    expect(found.value).toBeCloseTo(objective(expectedMetrics(c, found.plan.slots)), 9);
  });

  it('does not enumerate when slots are frozen', () => {
    const c = compile(scenario({}, [item('a', 1), item('b', 1)]));
    const found = searchPlans(c, constant, {
      frozenSlots: 1,
      fixedPlan: { slots: [['a'], []] },
      budget: 50,
    });
    expect(found.plan.slots[0]).toEqual(['a']);
    expect(found.evaluations).toBeGreaterThan(90);
  });
});

describe('exact enumeration', () => {
  /** Every plan of a and b over two slots, by hand. */
  const plans: string[][][] = [
    [[], []],
    [['a'], []],
    [['b'], []],
    [[], ['a']],
    [[], ['b']],
    [['a', 'b'], []],
    [['b', 'a'], []],
    [['a'], ['b']],
    [['b'], ['a']],
    [[], ['a', 'b']],
    [[], ['b', 'a']],
  ];

  it('finds the best of a hand enumeration', () => {
    const c = compile(
      scenario({}, [
        item('a', 6, { value: { arr: 200_000 } }),
        item('b', 6, { value: { arr: 300_000 } }),
      ]),
    );
    const objective: Objective = (m) => m.revenue ?? 0;
    let best = plans[0]!;
    for (const p of plans)
      if (objective(expectedMetrics(c, p)) > objective(expectedMetrics(c, best)) + 1e-12) best = p;
    const exact = exactBest(c, objective, 11)!;
    expect(exact.plan).toEqual({ slots: best });
    expect(exact.value).toBeCloseTo(objective(expectedMetrics(c, best)), 9);
    expect(exact.evaluations).toBe(11);
    expect(exactBest(c, objective, 10)).toBeNull();
  });

  it('keeps the first plan it met among equals: the empty plan', () => {
    const c = compile(scenario({}, [item('a', 1), item('b', 1)]));
    expect(exactBest(c, () => 5)!.plan).toEqual({ slots: [[], []] });
    // Within a hair of the best is not better.
    let n = 0;
    const found = exactBest(c, () => 5 + 1e-13 * n++)!;
    expect(found.plan).toEqual({ slots: [[], []] });
  });

  it('never plans an item that only a scripted event injects', () => {
    const c = compile(
      scenario(
        {
          events: [{ id: 'e', title: 'E', kind: 'injectItem', slot: 1, probability: 1, item: 'x' }],
        },
        [item('a', 1), item('b', 1), item('x', 1, { injected: true })],
      ),
    );
    expect(countPlans(c, 100)).toBe(11);
    expect(exactBest(c, () => 0)!.evaluations).toBe(11);
    expect(makeSpace(c, {}).free).toEqual(['a', 'b']);
  });

  it('counts plans up to the cap', () => {
    const c = compile(scenario({}, [item('a', 1), item('b', 1)]));
    expect(countPlans(c, 11)).toBe(11);
    expect(countPlans(c, 10)).toBe(11);
    expect(countPlans(c, 1)).toBe(2);
  });
});

describe('scores and anchors', () => {
  it('scores metrics with the given weights and anchors', () => {
    const c = compile(
      scenario({}, [
        item('a', 6, { value: { arr: 200_000 } }),
        item('b', 6, { value: { arr: 300_000 } }),
      ]),
    );
    const { weights, anchors } = scoringOf(c);
    const m = expectedMetrics(c, [['a'], []]);
    expect(scoreObjective(weights, anchors)(m)).toBe(scoreMetrics(m, anchors, weights).score);
    const revenue = anchors.revenue!;
    const wide = { ...anchors, revenue: { floor: revenue.floor, best: revenue.best * 2 } };
    expect(scoreObjective(weights, wide)(m)).not.toBe(scoreObjective(weights, anchors)(m));
  });

  it('searches money from doing nothing up to the best value any plan reaches; every other metric keeps its fixed scale', () => {
    const s = scenario({}, [
      item('a', 6, { value: { arr: 200_000 } }),
      item('b', 6, { value: { arr: 300_000 } }),
    ]);
    const c = compile(s);
    const anchors = computeAnchors(s, { budget: 200 });
    const all = [
      [[], []],
      [['a'], []],
      [['b'], []],
      [[], ['a']],
      [[], ['b']],
      [['a', 'b'], []],
      [['b', 'a'], []],
      [['a'], ['b']],
      [['b'], ['a']],
      [[], ['a', 'b']],
      [[], ['b', 'a']],
    ].map((p) => expectedMetrics(c, p).revenue!);
    expect(anchors.revenue!.floor).toBe(all[0]);
    expect(anchors.revenue!.best).toBeCloseTo(Math.max(...all), 6);
    const { revenue: _money, ...rest } = anchors;
    expect(rest).toEqual(fixedScales(c));
    expect(anchors.revenue!.best).toBeGreaterThan(anchors.revenue!.floor);
  });
});
