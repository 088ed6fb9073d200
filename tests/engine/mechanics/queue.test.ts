/**
 * The queue a plan becomes (docs/model.md, "Work and the queue"): the plan's items in slot-major
 * order, each with the slot it is planned for. An injected item exists only once its event fires:
 * one the plan places keeps its place but is planned no earlier than the slot it fires in, one
 * whose event does not fire is not queued, and a fired one the plan leaves out goes to the front,
 * the earliest-firing first. An id listed twice counts once; an unknown id or a slot beyond the
 * horizon is ignored.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../../../src/engine/compile.ts';
import { buildQueue } from '../../../src/engine/core.ts';
import { expectedEnvs } from '../../../src/engine/expected.ts';
import { item, quarters, scenario } from './build.ts';

/** Injections x (at slot `xAt`) and y (at `yAt`), each firing with its probability, and a and b. */
function world(xAt: number, xFires: boolean, yAt = 2, yFires = false) {
  const inject = (id: string, slot: number, fires: boolean) => ({
    id: `finding-${id}`,
    title: `Finding ${id}`,
    kind: 'injectItem' as const,
    slot,
    probability: fires ? 1 : 0,
    item: id,
  });
  return compile(
    scenario(
      {
        time: { labels: quarters(4), slotsPerYear: 4 },
        events: [inject('x', xAt, xFires), inject('y', yAt, yFires)],
      },
      [
        item('x', 4, { type: 'security', injected: true }),
        item('y', 3, { type: 'security', injected: true }),
        item('a', 5),
        item('b', 5),
      ],
    ),
  );
}

/** The queue of `slots` in the scenario's one expected world, as ids and planned slots. */
function queue(c: ReturnType<typeof compile>, slots: string[][]) {
  const envs = expectedEnvs(c);
  expect(envs).toHaveLength(1);
  const q = buildQueue(c, slots, envs[0]!);
  return { ids: q.items.map((i) => c.items[i]!.id), slots: q.slots };
}

describe('the queue of a plan', () => {
  it('lists the items slot by slot, in the order the plan gives', () => {
    expect(queue(world(1, false), [['b'], [], ['a']])).toEqual({ ids: ['b', 'a'], slots: [0, 2] });
  });

  it('counts an item listed twice once, at its first place, and skips unknown ids', () => {
    expect(
      queue(world(1, false), [
        ['a', 'ghost'],
        ['a', 'b'],
      ]),
    ).toEqual({
      ids: ['a', 'b'],
      slots: [0, 1],
    });
  });

  it('ignores slots beyond the horizon', () => {
    expect(queue(world(1, false), [['a'], [], [], [], ['b']])).toEqual({ ids: ['a'], slots: [0] });
  });

  it('plans a placed injection no earlier than the slot its event fires in', () => {
    // x fires at the start of Q3; the plan lists it in Q1: it keeps its place, planned for Q3.
    expect(queue(world(2, true), [['x', 'a'], ['b']])).toEqual({
      ids: ['x', 'a', 'b'],
      slots: [2, 0, 1],
    });
    // Placed after the slot it fires in, it keeps the plan's slot.
    expect(queue(world(0, true), [['a'], ['x']])).toEqual({ ids: ['a', 'x'], slots: [0, 1] });
  });

  it('leaves out a placed injection whose event does not fire', () => {
    expect(queue(world(1, false), [['x', 'a'], ['b']])).toEqual({
      ids: ['a', 'b'],
      slots: [0, 1],
    });
  });

  it('puts a fired injection the plan leaves out at the front, from its slot', () => {
    expect(queue(world(1, true), [['a'], ['b']])).toEqual({
      ids: ['x', 'a', 'b'],
      slots: [1, 0, 1],
    });
  });

  it('puts the earliest-firing of two left-out injections first', () => {
    // x fires in Q3, y in Q2: y goes first, whichever the scenario lists first.
    expect(queue(world(2, true, 1, true), [['a']])).toEqual({
      ids: ['y', 'x', 'a'],
      slots: [1, 2, 0],
    });
    expect(queue(world(1, true, 2, true), [['a']])).toEqual({
      ids: ['x', 'y', 'a'],
      slots: [1, 2, 0],
    });
  });

  it('expedites only the fired injection the plan leaves out', () => {
    // Both fire; the plan places y in Q4, so only x goes to the front.
    expect(queue(world(1, true, 2, true), [['a'], [], [], ['y']])).toEqual({
      ids: ['x', 'a', 'y'],
      slots: [1, 0, 3],
    });
  });
});
