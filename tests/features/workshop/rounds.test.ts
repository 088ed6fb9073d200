import { describe, expect, it } from 'vitest';

import { simulate } from '../../../src/engine';
import {
  addedByEvents,
  committedPlan,
  playedStory,
  roundTitle,
} from '../../../src/features/workshop/rounds';
import { shippedScenario } from '../../store/helpers';

const zeroDay = shippedScenario('zero-day');
// With seed 5 the scripted zero-day happens in Q3 (slot 2); with seed 2 it does not.
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

  it('tells only the played slots, with what finished in each', () => {
    const run = simulate(zeroDay, committedPlan(zeroDay, committed.slice(0, 2)), {
      mode: 'seeded',
      seed: 5,
    });
    const story = playedStory(zeroDay, run, 2);
    expect(story.map((s) => s.label)).toEqual(['Q1', 'Q2']);
    expect(story[0]!.finished.map((f) => f.id).sort()).toEqual(['patch-xml', 'sms-reminders']);
    expect(story[1]!.sentence).toContain('Dependency inventory and SBOM');
    expect(story[1]!.sentence).toMatch(/End of Q2: ARR \$[\d.]+M, satisfaction \d+\./);
  });

  it('adds the item a scripted event injected, once its slot is played and only if it happened', () => {
    const plan = committedPlan(zeroDay, committed);
    const lucky = simulate(zeroDay, plan, { mode: 'seeded', seed: 2 });
    const unlucky = simulate(zeroDay, plan, { mode: 'seeded', seed: 5 });
    expect(addedByEvents(zeroDay, unlucky, 2)).toEqual([]);
    const added = addedByEvents(zeroDay, unlucky, 3);
    expect(added.map((a) => a.id)).toEqual(['zero-day-patch']);
    expect(added[0]!.note).toMatch(/^Added by an event in Q3, worked on first: /);
    expect(addedByEvents(zeroDay, lucky, 3)).toEqual([]);
  });
});
