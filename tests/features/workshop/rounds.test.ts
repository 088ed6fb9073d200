import { describe, expect, it } from 'vitest';

import { committedPlan, roundTitle } from '../../../src/features/workshop/rounds';
import { shippedScenario } from '../../store/helpers';

const zeroDay = shippedScenario('zero-day');
const committed = [['patch-xml', 'sms-reminders'], ['sbom'], ['ir-playbook']];

describe('round-by-round helpers', () => {
  it('spreads the committed slots over the year, later slots empty', () => {
    expect(committedPlan(zeroDay, committed).slots).toEqual([
      ['patch-xml', 'sms-reminders'],
      ['sbom'],
      ['ir-playbook'],
      [],
    ]);
  });

  it('names the round to play, then the end of the year', () => {
    expect(roundTitle(zeroDay, 0)).toBe('Round 1 of 4: Q1');
    expect(roundTitle(zeroDay, 3)).toBe('Round 4 of 4: Q4');
    expect(roundTitle(zeroDay, 4)).toBe('The year is played');
  });
});
