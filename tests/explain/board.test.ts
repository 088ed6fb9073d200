/**
 * The board's words that are not advice: card timings, capacity used, what an undo changed.
 * Times are slot index + fraction (Outcome.items[].startedAt / completedAt); the expected words
 * follow from the thirds of a slot ("early" ≤ 0.34 < "mid" < 0.67 ≤ "late").
 */
import { describe, expect, it } from 'vitest';

import type { ColumnForecast } from '../../src/explain/advice.ts';
import {
  capacityUse,
  cardTiming,
  describePlanChange,
  formatFinish,
  formatStart,
} from '../../src/explain/board.ts';
import type { Plan } from '../../src/engine/index.ts';
import { shipped } from '../engine/helpers.ts';

const labels = ['Q1', 'Q2', 'Q3', 'Q4'];

describe('card timing', () => {
  it('reads a start at a slot boundary as early in the next slot, a finish there as late in the one before', () => {
    expect(formatStart(labels, 1)).toBe('early Q2');
    expect(formatFinish(labels, 1)).toBe('late Q1');
    expect(formatStart(labels, 0.5)).toBe('mid Q1');
    expect(formatFinish(labels, 2.2)).toBe('early Q3');
    // Past the horizon: the last slot.
    expect(formatFinish(labels, 9)).toBe('late Q4');
  });

  it('places the bar inside the card’s slot and says when it starts and finishes', () => {
    // Planned in Q2 (slot 1): starts at 1.1, done at 1.6 → 10% to 60% of Q2.
    const inSlot = cardTiming(labels, 1, 1.1, 1.6);
    expect(inSlot).toMatchObject({
      short: 'early Q2 → mid Q2',
      sentence: 'Expected to start early Q2 and finish mid Q2.',
      runsOver: false,
      startsLater: false,
      unfinished: false,
    });
    expect(inSlot.from).toBeCloseTo(0.1, 10);
    expect(inSlot.to).toBeCloseTo(0.6, 10);

    // Starts and ends in the same third: said once.
    expect(cardTiming(labels, 0, 0, 0.2).short).toBe('early Q1');
  });

  it('shows work that runs into a later slot reaching the bar’s end', () => {
    // Planned in Q1, starts at 0.7, done at 1.5 (mid Q2): the bar runs from 70% to the end.
    const spill = cardTiming(labels, 0, 0.7, 1.5);
    expect(spill.short).toBe('late Q1 → mid Q2');
    expect(spill.runsOver).toBe(true);
    expect(spill.from).toBeCloseTo(0.7, 10);
    expect(spill.to).toBe(1);
  });

  it('says when the work starts after its slot or never finishes', () => {
    const late = cardTiming(labels, 0, 1.2, 1.9);
    expect(late.startsLater).toBe(true);
    expect(late.short).toBe('early Q2 → late Q2');
    const unfinished = cardTiming(labels, 3, 3.5, null);
    expect(unfinished).toMatchObject({
      short: 'mid Q4 → not done',
      unfinished: true,
      runsOver: true,
    });
    expect(cardTiming(labels, 3, null, null)).toMatchObject({
      short: 'not started in the plan',
      startsLater: true,
    });
  });
});

describe('capacity used', () => {
  const column = (label: string, placed: number, effective: number): ColumnForecast => ({
    slot: labels.indexOf(label),
    label,
    nominal: 40,
    dragLost: 0,
    ktlo: 0,
    firefighting: 0,
    effective,
    working: effective,
    thrash: 0,
    placed,
    queued: placed,
    overBy: Math.max(0, placed - effective),
    overcommit: Math.max(0, placed / effective - 1),
    spare: Math.max(0, effective - placed),
    slackPaydown: 0,
    delivered: 0,
    items: [],
  });

  it('adds placed effort against effective capacity and names the over-committed slots', () => {
    // (30 + 10) / (20 + 30) = 80%; Q1 is over.
    const use = capacityUse([column('Q1', 30, 20), column('Q2', 10, 30)]);
    expect(use.share).toBeCloseTo(0.8, 10);
    expect(use.overSlots).toEqual(['Q1']);
    expect(use.sentence).toBe('80% of capacity used (40 of 50 pts); Q1 is over capacity');
  });

  it('does not name a slot whose queued work runs on without over-committing it', () => {
    // One big item worked at full pace: queued beyond what the slot holds, but o = 0.
    const runsOn = { ...column('Q1', 30, 20), overcommit: 0 };
    const use = capacityUse([runsOn, column('Q2', 10, 30)]);
    expect(use.overSlots).toEqual([]);
    expect(use.sentence).toBe('80% of capacity used (40 of 50 pts)');
  });

  it('is 0% with no capacity at all rather than dividing by zero', () => {
    expect(capacityUse([column('Q1', 0, 0)]).share).toBe(0);
  });
});

describe('what an undo or redo changed', () => {
  const big = shipped('big-customer');
  const [a, b, c] = big.items.filter((i) => !i.injected);
  const plan = (...slots: string[][]): Plan => ({
    slots: big.time.labels.map((_, s) => slots[s] ?? []),
  });

  it('names the one item that moved and where it is now', () => {
    expect(describePlanChange(big, plan([a!.id]), plan())).toBe(`${a!.title} back to the backlog`);
    expect(describePlanChange(big, plan(), plan([], [b!.id, a!.id]))).toBe(
      `2 items moved: ${b!.title}, ${a!.title}`,
    );
    expect(describePlanChange(big, plan([a!.id, b!.id]), plan([a!.id], [b!.id]))).toBe(
      `${b!.title} to Q2, position 1 of 1`,
    );
  });

  it('names both items of a swap inside a slot', () => {
    expect(describePlanChange(big, plan([a!.id, b!.id, c!.id]), plan([b!.id, a!.id, c!.id]))).toBe(
      `${b!.title} and ${a!.title} swap places in Q1`,
    );
    // A longer reorder names the item that travelled furthest.
    expect(describePlanChange(big, plan([a!.id, b!.id, c!.id]), plan([b!.id, c!.id, a!.id]))).toBe(
      `${a!.title} to Q1, position 3 of 3`,
    );
  });
});
