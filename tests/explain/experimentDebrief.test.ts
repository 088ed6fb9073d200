/**
 * The debrief of a whole-year plan that runs an experiment par leaves out: it says why (the answer
 * comes after every slot is fixed), not that the experiment was "an expected $0 of ARR at 100%
 * confidence", which is what the sentence for a feature left out read.
 */
import { describe, expect, it } from 'vitest';
import { bakedPar } from '../../src/engine/par.ts';
import { placeItem } from '../../src/engine/plan.ts';
import { debrief } from '../../src/explain/debrief.ts';
import { shipped } from '../engine/helpers.ts';

describe('an experiment in a whole-year plan', () => {
  it('is explained as information that came too late, not as a feature worth nothing', () => {
    const s = shipped('pilot-first');
    const par = bakedPar(s)!.plan;
    expect(par.slots.flat()).not.toContain('dispatch-pilot');
    const withPilot = placeItem(par, 'dispatch-pilot', 0, 0);
    const d = debrief(s, withPilot, { par });
    const cause = d.causes.find((c) => c.item === 'dispatch-pilot');
    expect(cause?.kind).toBe('drop');
    expect(cause?.sentence).toMatch(
      /^Wizard-of-Oz dispatch pilot is an experiment: in a plan made for the whole year its answer comes after every slot is fixed, so it took 1 point and changed nothing;/,
    );
    expect(cause?.sentence).not.toMatch(/expected \$0/);
  });
});
