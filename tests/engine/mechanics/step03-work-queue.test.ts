/**
 * Step 3 of a slot (docs/model.md): work the queue. Working capacity C is poured into eligible
 * items in queue order (planned slot reached, not-before reached, prerequisites done, not a
 * feature during a freeze); an item that finishes after `u` points of the slot completes at
 * τ = t + u/C. Unfinished work spills into later slots ahead of their own items.
 */
import { describe, expect, it } from 'vitest';

import { K, item, itemOf, quarters, run, scenario, slot } from './build.ts';

/** The formula of step 3: completion time after `used` points of slot t's capacity C. */
function expectedCompletion(t: number, used: number, c: number): number {
  return t + Math.min(1, used / c);
}
/** Working capacity of an over-committed slot (step 2), for the spill cases. */
const working = (load: number, c0: number) =>
  c0 / (1 + K.thrash * Math.min(2, Math.max(0, load / c0 - 1)));

describe('step 3: work the queue', () => {
  it('works items one after another in the user’s order', () => {
    const s = scenario({}, [item('a', 4), item('b', 3)]);
    const out = run(s, ['b', 'a']);
    expect(itemOf(out, 'b').startedAt).toBe(0);
    expect(itemOf(out, 'b').completedAt).toBeCloseTo(expectedCompletion(0, 3, 10), 12);
    expect(itemOf(out, 'a').startedAt).toBeCloseTo(0.3, 12);
    expect(itemOf(out, 'a').completedAt).toBeCloseTo(expectedCompletion(0, 7, 10), 12);
    expect(slot(out, 0).delivered).toBe(7);
    expect(slot(out, 0).slack).toBe(3);
    expect(slot(out, 0).completed).toEqual([
      { id: 'b', at: expectedCompletion(0, 3, 10) },
      { id: 'a', at: expectedCompletion(0, 7, 10) },
    ]);
  });

  it('finishes an item that takes exactly the slot at its end, τ = t + 1', () => {
    const s = scenario({}, [item('a', 10)]);
    expect(itemOf(run(s, ['a']), 'a').completedAt).toBeCloseTo(1, 12);
  });

  it('spills unfinished work into the next slot, ahead of that slot’s own items', () => {
    // Q1: 8 + 4 points on 10 → thrash; a finishes, c takes the rest of C. Q2: c's rest first,
    // then b. (Each item fits the slot, so each counts whole in the over-commitment.)
    const s = scenario({}, [item('a', 8), item('c', 4), item('b', 2)]);
    const out = run(s, ['a', 'c'], ['b']);
    const c1 = working(12, 10);
    const rest = 12 - c1;
    const c2 = working(rest + 2, 10);
    expect(itemOf(out, 'c').completedAt).toBeCloseTo(expectedCompletion(1, rest, c2), 9);
    expect(itemOf(out, 'b').startedAt).toBeCloseTo(expectedCompletion(1, rest, c2), 9);
    expect(itemOf(out, 'b').completedAt).toBeCloseTo(expectedCompletion(1, rest + 2, c2), 9);
    expect(slot(out, 0).delivered).toBeCloseTo(c1, 9);
    expect(slot(out, 0).completed).toEqual([{ id: 'a', at: expectedCompletion(0, 8, c1) }]);
  });

  it('never starts an item before its planned slot or its not-before slot', () => {
    const s = scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, [
      item('later', 2),
      item('gated', 2, { notBefore: 2 }),
    ]);
    const out = run(s, ['gated'], ['later']);
    expect(itemOf(out, 'later').startedAt).toBe(1);
    expect(itemOf(out, 'later').completedAt).toBeCloseTo(expectedCompletion(1, 2, 10), 12);
    expect(itemOf(out, 'gated').startedAt).toBe(2);
    expect(slot(out, 0).delivered).toBe(0);
  });

  it('skips an item waiting for its prerequisite, and comes back when it is done', () => {
    // top needs base; planned first, it waits while base is worked, then starts at once.
    const s = scenario({}, [
      item('base', 4, { type: 'debt' }),
      item('top', 3, { dependsOn: ['base'] }),
    ]);
    const out = run(s, ['top', 'base']);
    expect(itemOf(out, 'base').startedAt).toBe(0);
    expect(itemOf(out, 'base').completedAt).toBeCloseTo(expectedCompletion(0, 4, 10), 12);
    expect(itemOf(out, 'top').startedAt).toBeCloseTo(0.4, 12);
    expect(itemOf(out, 'top').completedAt).toBeCloseTo(expectedCompletion(0, 7, 10), 12);
  });

  it('lets later items go ahead of a blocked one', () => {
    const s = scenario({}, [
      item('base', 4, { type: 'debt' }),
      item('top', 3, { dependsOn: ['base'] }),
      item('other', 2),
    ]);
    // base is planned in Q2, so top waits all of Q1 and other goes first.
    const out = run(s, ['top', 'other'], ['base']);
    expect(itemOf(out, 'other').startedAt).toBe(0);
    expect(itemOf(out, 'top').startedAt).toBeCloseTo(expectedCompletion(1, 4, 10), 12);
    expect(itemOf(out, 'top').status).toBe('done');
  });

  it('leaves an item whose prerequisite is never planned unfinished', () => {
    const s = scenario({}, [
      item('base', 4, { type: 'debt' }),
      item('top', 3, { dependsOn: ['base'] }),
    ]);
    const out = run(s, ['top']);
    expect(itemOf(out, 'top').status).toBe('unfinished');
    expect(itemOf(out, 'top').startedAt).toBeNull();
    expect(itemOf(out, 'base').status).toBe('left out');
    expect(slot(out, 0).slack).toBe(10);
  });
});
