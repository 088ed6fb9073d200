import { describe, expect, it } from 'vitest';

import { STRATEGIES, compile, computeLenses, orderBy, simulate, type Plan } from '../../src/engine';
import { bakedPar, findPar } from '../../src/engine/par';
import { seedDistribution } from '../../src/engine/seeds';
import { createDebriefRunner } from '../../src/workers/debriefClient';
import { answerDebriefRequest, isDebriefRequest } from '../../src/workers/debriefHandler';
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
    expect(analysis.debrief.causes[0]?.item).toBe('patch-pdf');
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

describe('the worker side', () => {
  it('tells debrief requests from par requests and answers them from JSON text', () => {
    expect(isDebriefRequest({ id: 1, scenarioJson: '{}' })).toBe(false);
    const request = {
      id: 7,
      kind: 'spread' as const,
      scenarioJson: JSON.stringify(big),
      input: { plan: deferredPatch, par, runs: 5 },
    };
    expect(isDebriefRequest(request)).toBe(true);
    const answer = answerDebriefRequest(request);
    expect(answer).toMatchObject({ id: 7, ok: true, kind: 'spread' });
    expect(answerDebriefRequest({ ...request, scenarioJson: '{' })).toMatchObject({
      id: 7,
      ok: false,
    });
  });
});

describe('the runner', () => {
  it('answers the same input from its cache and retries after a failure', async () => {
    let calls = 0;
    let fail = true;
    const runner = createDebriefRunner({
      run: (job) => {
        calls += 1;
        if (fail) return Promise.reject(new Error('no worker'));
        return Promise.resolve(
          job.kind === 'analyze'
            ? analyzePlay(job.scenario, job.input)
            : seedSpread(job.scenario, job.input),
        );
      },
    });
    const input = { plan: deferredPatch, par, seed: 4 };
    await expect(runner.analyze(big, input)).rejects.toThrow('no worker');
    fail = false;
    const first = runner.analyze(big, input);
    expect(runner.analyze(big, { ...input })).toBe(first);
    expect((await first).debrief.score).toBe(simulate(big, deferredPatch).score);
    expect(calls).toBe(2);
  });

  it('rejects where there are no workers and no in-process runner', async () => {
    await expect(
      createDebriefRunner().spread(big, { plan: deferredPatch, par, runs: 5 }),
    ).rejects.toThrow('cannot run background work');
  });
});
