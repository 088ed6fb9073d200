/**
 * The path-level lesson "Idle capacity" (src/explain/path.ts): the slots where the learner's plan
 * leaves capacity idle and the moves toward par put work, from hand-made traces and steps, and on
 * the tutorial's empty plan against the simulation.
 */
import { describe, expect, it } from 'vitest';

import { simulate } from '../../src/engine/index.ts';
import { bakedPar } from '../../src/engine/par.ts';
import {
  idleFilled,
  idleSentence,
  pathToPar,
  type Edit,
  type MovePath,
} from '../../src/explain/path.ts';
import { shipped } from '../engine/helpers.ts';

/** Traces with only what the rule reads: idle (slack) and working capacity per slot. */
const traces = (...slots: [number, number][]) => ({
  slots: slots.map(([slack, workingCapacity]) => ({ slack, workingCapacity })),
});

/** A path whose steps are the given edits (the rest of each step does not matter here). */
const pathOf = (...edits: Edit[]) =>
  ({ steps: edits.map((edit) => ({ edit })) }) as unknown as MovePath;

const add = (item: string, slot: number): Edit => ({
  kind: 'place',
  item,
  from: null,
  to: { slot, index: 0 },
});

describe('idle capacity the moves fill', () => {
  it('names each idle slot with the steps that add work to it', () => {
    const yours = traces([6, 20], [0, 20], [10, 20]);
    const path = pathOf(
      add('a', 2),
      { kind: 'place', item: 'b', from: { slot: 0, index: 1 }, to: { slot: 0, index: 0 } },
      { kind: 'group', item: 'c', with: ['d'], slot: 0, before: null, withSlots: [0] },
      { kind: 'remove', item: 'e', from: { slot: 2, index: 0 } },
      {
        kind: 'swap',
        item: 'f',
        other: 'g',
        from: { slot: 1, index: 0 },
        otherFrom: { slot: 2, index: 1 },
      },
    );
    // Slot 0: the group (step 3); a move inside the slot adds nothing. Slot 1 is full. Slot 2:
    // the add (step 1) and the swap (step 5); taking an item out adds nothing.
    expect(idleFilled(yours, path)).toEqual([
      { slot: 0, idle: 6, steps: [3] },
      { slot: 2, idle: 10, steps: [1, 5] },
    ]);
  });

  it('ignores less than a point, or less than a tenth of the slot, and slots no step fills', () => {
    expect(idleFilled(traces([0.9, 5]), pathOf(add('a', 0)))).toEqual([]);
    expect(idleFilled(traces([1.9, 20]), pathOf(add('a', 0)))).toEqual([]);
    expect(idleFilled(traces([2, 20]), pathOf(add('a', 0)))).toEqual([
      { slot: 0, idle: 2, steps: [1] },
    ]);
    expect(idleFilled(traces([8, 20], [8, 20]), pathOf(add('a', 1)))).toEqual([
      { slot: 1, idle: 8, steps: [1] },
    ]);
  });

  it('says it in one sentence', () => {
    const scenario = { time: { labels: ['Q1', 'Q2', 'Q3'], slotsPerYear: 4 } };
    expect(idleSentence(scenario, [{ slot: 2, idle: 4.25, steps: [2] }])).toBe(
      'Your plan leaves 4.3 points idle in Q3: move 2 puts work there.',
    );
    expect(
      idleSentence(scenario, [
        { slot: 0, idle: 12, steps: [1, 3] },
        { slot: 1, idle: 8, steps: [3, 5] },
      ]),
    ).toBe(
      'Your plan leaves 12.0 points idle in Q1 and 8.0 idle in Q2: moves 1, 3 and 5 put work there.',
    );
  });

  it('on the tutorial’s empty plan: both quarters idle by what the simulation says', () => {
    const tutorial = shipped('tutorial');
    const empty = { slots: [[], []] };
    const yours = simulate(tutorial, empty);
    const path = pathToPar(tutorial, empty, bakedPar(tutorial)!.plan);
    const idle = idleFilled(yours, path);
    expect(idle.map((s) => s.slot)).toEqual([0, 1]);
    idle.forEach((s) => expect(s.idle).toBe(yours.slots[s.slot]!.slack));
    // Every step adds an item to one of the two quarters.
    expect([...new Set(idle.flatMap((s) => s.steps))].sort()).toEqual(
      path.steps.map((_, i) => i + 1),
    );
  });
});
