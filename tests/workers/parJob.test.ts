import { describe, expect, it } from 'vitest';

import { simulate, type Plan } from '../../src/engine';
import { bakedPar } from '../../src/engine/par';
import { scoringPresets } from '../../src/engine/presets';
import { engineApi } from '../../src/workers/api';
import { parFor } from '../../src/workers/parJob';
import { shipped } from '../engine/helpers';

const big = shipped('big-customer');

describe('par', () => {
  it('uses the baked par for the scenario’s own weights', () => {
    expect(parFor(big, {})).toEqual(bakedPar(big));
  });

  it('searches under a preset’s weights: par scores what it says under those weights', () => {
    const ciso = scoringPresets(big).find((p) => p.id === 'ciso')!.weights;
    const found = parFor(big, { weights: ciso, budget: 3000 });
    expect(simulate(big, found.plan, { weights: ciso }).score).toBeCloseTo(found.score, 6);
  });

  it('from here: keeps the played slots and scores in the world they were played in', () => {
    const played: Plan = { slots: [['patch-pdf', 'user-model'], [], [], []] };
    const found = parFor(big, {
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

  it('runs as the engine job from JSON text; a scenario that does not load is named', () => {
    expect(engineApi.par(JSON.stringify(big), {})).toEqual(parFor(big, {}));
    expect(() => engineApi.par('{}', {})).toThrow(/^the scenario did not load \(/);
    expect(() => engineApi.par('{', {})).toThrow(/^the scenario did not load/);
  });
});
