import { describe, expect, it } from 'vitest';

import { simulate, type Plan } from '../../src/engine';
import { bakedPar } from '../../src/engine/par';
import { scoringPresets } from '../../src/engine/presets';
import {
  answerWorkshopParRequest,
  isWorkshopParRequest,
} from '../../src/workers/workshopParHandler';
import { parFrom } from '../../src/workers/workshopParJob';
import { shipped } from '../engine/helpers';

const big = shipped('big-customer');

describe('workshop par', () => {
  it('uses the baked par for the scenario’s own weights', () => {
    expect(parFrom(big, {})).toEqual(bakedPar(big));
  });

  it('searches under a preset’s weights: par scores what it says under those weights', () => {
    const ciso = scoringPresets(big).find((p) => p.id === 'ciso')!.weights;
    const found = parFrom(big, { weights: ciso, budget: 3000 });
    expect(simulate(big, found.plan, { weights: ciso }).score).toBeCloseTo(found.score, 6);
  });

  it('from here: keeps the played slots and scores in the world they were played in', () => {
    const played: Plan = { slots: [['patch-pdf', 'user-model'], [], [], []] };
    const found = parFrom(big, {
      frozenSlots: 1,
      fixedPlan: played,
      revealedSeed: 7,
      budget: 3000,
    });
    expect(found.plan.slots[0]).toEqual(['patch-pdf', 'user-model']);
    const conditional = simulate(big, found.plan, {
      mode: 'conditional',
      seed: 7,
      revealedSlots: 1,
    });
    expect(conditional.score).toBeCloseTo(found.score, 6);
  });

  it('answers in the worker by id, and a scenario that does not load with a message', () => {
    const request = { id: 3, kind: 'parFrom' as const, scenarioJson: '{}', input: {} };
    expect(isWorkshopParRequest(request)).toBe(true);
    expect(isWorkshopParRequest({ id: 1, scenarioJson: '{}' })).toBe(false);
    expect(isWorkshopParRequest({ id: 1, kind: 'analyze' })).toBe(false);
    const answer = answerWorkshopParRequest(request);
    expect(answer).toMatchObject({ id: 3, ok: false });
    expect(!answer.ok && answer.message).toMatch(/^scenario did not load/);
    const good = answerWorkshopParRequest({ ...request, scenarioJson: JSON.stringify(big) });
    expect(good).toMatchObject({ id: 3, ok: true, kind: 'parFrom' });
  });
});
