import { describe, expect, it } from 'vitest';

import { STRATEGIES, compile, computeLenses, orderBy, simulate, type Plan } from '../../src/engine';
import { bakedPar, findPar } from '../../src/engine/par';
import { debrief } from '../../src/explain/debrief';
import { seedDistribution } from '../../src/engine/seeds';
import { engineApi } from '../../src/workers/api';
import { analyzePlay, seedSpread } from '../../src/workers/debriefJob';
import { shipped } from '../engine/helpers';

const big = shipped('big-customer');
const par = (bakedPar(big) ?? findPar(big)).plan;
/** Defers the critical patch to Q3 and chases the hyped feature. */
const deferredPatch: Plan = {
  slots: [
    ['dark-mode', 'ai-assistant', 'bulk-edit'],
    ['user-model', 'sso'],
    ['patch-pdf'],
    ['db-migration'],
  ],
};

describe('analyzePlay', () => {
  const analysis = analyzePlay(big, { plan: deferredPatch, par, seed: 4 });

  it('debriefs the plan against the given par with the given seed', () => {
    expect(analysis.parSource).toBe('given');
    expect(analysis.par).toEqual(par);
    // The same debrief as asked for directly, with this par and seed: the hyped assistant first
    // (24 points for an expected $560k), then the patch deferred to Q3.
    expect(analysis.debrief).toEqual(debrief(big, deferredPatch, { par, seed: 4 }));
    expect(analysis.debrief.causes.slice(0, 2).map((c) => c.item)).toEqual([
      'ai-assistant',
      'patch-pdf',
    ]);
    expect(analysis.debrief.luck.seed).toBe(4);
    expect(analysis.debrief.seeded.score).toBe(
      simulate(big, deferredPatch, { mode: 'seeded', seed: 4 }).score,
    );
  });

  it('scores every strategy of the battery and gives the lens order for the frameworks', () => {
    expect(analysis.strategies.map((s) => s.id)).toEqual(STRATEGIES.map((s) => s.id));
    for (const s of analysis.strategies) expect(s.score).toBe(simulate(big, s.plan).score);
    const rows = computeLenses(compile(big));
    expect(analysis.strategies.find((s) => s.id === 'wsjf')?.order).toEqual(orderBy(rows, 'wsjf'));
    const edf = analysis.strategies.find((s) => s.id === 'edf')!;
    expect(edf.order).toEqual(edf.plan.slots.flat());
    expect(analysis.strategies.find((s) => s.id === 'do-nothing')?.order).toEqual([]);
    expect(analysis.lenses).toEqual(rows);
  });

  it('compares with the best strategy when par is unknown', () => {
    const fallback = analyzePlay(big, { plan: deferredPatch, par: null, seed: 4 });
    const best = Math.max(...fallback.strategies.map((s) => s.score));
    expect(fallback.parSource).toBe('battery');
    expect(fallback.debrief.parScore).toBe(best);
  });

  it('is plain JSON, so it crosses the worker boundary unchanged', () => {
    expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
  });
});

describe('seedSpread', () => {
  it('runs both plans on the same seeds', () => {
    const spread = seedSpread(big, { plan: deferredPatch, par, runs: 40 });
    expect(spread.yours).toEqual(seedDistribution(big, deferredPatch, { runs: 40 }));
    expect(spread.par).toEqual(seedDistribution(big, par, { runs: 40 }));
    expect(JSON.parse(JSON.stringify(spread))).toEqual(spread);
  });
});

describe('as engine jobs', () => {
  it('answer from JSON text as the functions do, and name a scenario that does not load', () => {
    const input = { plan: deferredPatch, par, runs: 5 };
    expect(engineApi.spread(JSON.stringify(big), input)).toEqual(seedSpread(big, input));
    expect(() => engineApi.analyze('{', { plan: deferredPatch, par, seed: 4 })).toThrow(
      /^the scenario did not load/,
    );
  });
});
