/**
 * What a screen reader hears about a column after a move (`describeCapacity`) says what the
 * column's verdict shows: a slot whose one big item runs on is not "over capacity" (engine 2.4,
 * docs/model.md step 2); a slot where more competes for the team than it has is.
 */
import { describe, expect, it } from 'vitest';

import { columnForecasts, describeCapacity } from '../../src/explain/advice.ts';
import { pointsText } from '../../src/explain/format.ts';
import { simulate } from '../../src/engine/index.ts';
import { shipped } from '../engine/helpers.ts';

const s = shipped('pilot-deal');
const sprint5 = (ids: string[]) => {
  const plan = { slots: s.time.labels.map((_, i) => (i === 4 ? ids : [])) };
  return columnForecasts(s, plan, simulate(s, plan))[4]!;
};

describe('the capacity words a screen reader hears', () => {
  it('a slot with one big item worked at full pace runs on, and is not over capacity', () => {
    const column = sprint5(['sap-connector']);
    expect(column.overBy).toBeGreaterThan(0);
    expect(column.overcommit).toBe(0);
    expect(describeCapacity(column)).toBe(`Sprint 5 runs on by ${pointsText(column.overBy)}`);
  });

  it('a slot where more competes for the team than it has is over capacity', () => {
    const column = sprint5(['sap-connector', 'buyer-survey']);
    expect(column.overcommit).toBeGreaterThan(0);
    expect(describeCapacity(column)).toBe(`Sprint 5 is ${pointsText(column.overBy)} over capacity`);
  });

  it('a slot with room says how much is to spare', () => {
    const column = sprint5(['buyer-survey']);
    expect(column.spare).toBeGreaterThan(0);
    expect(describeCapacity(column)).toBe(`Sprint 5 has ${pointsText(column.spare)} to spare`);
  });
});
