/**
 * What only a component test can reach: the debrief's jobs failing or answering late. The worker
 * answers in the browser whenever it is done, so its failure (and the retry) and a late answer
 * are driven here with in-process engines whose analysis fails once or answers on release.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { memoryLocation } from 'wouter/memory-location';

import { App } from '../../../src/app/App';
import { emptyPlan, simulate } from '../../../src/engine';
import { findPar } from '../../../src/engine/par';
import { FIRST_VARIANT_ID, historyKey } from '../../../src/store/plansSlice';
import { engineApi, job, type EngineApi } from '../../../src/workers/api';
import { analyzePlay, seedSpread } from '../../../src/workers/debriefJob';
import { EngineProvider } from '../../../src/workers/EngineProvider';
import { createInProcessGateway } from '../../../src/workers/inProcess';
import { freshStore } from '../../store/helpers';
import { withTestScenario } from '../helpers';
import type { Scenario } from '../../../src/engine';

type AnalysisInput = Parameters<typeof analyzePlay>[1];

/** The engine's jobs in-process, with small spreads and the analysis given. */
function engineWith(analyze: EngineApi['analyze']): EngineApi {
  return {
    ...engineApi,
    analyze,
    spread: job((scenario, input: Parameters<typeof seedSpread>[1]) =>
      seedSpread(scenario, { ...input, runs: 20 }),
    ),
  };
}

/** The first `failures` analyses throw like a crashed worker. */
function flakyEngine(failures: number): EngineApi & { calls: () => number } {
  let calls = 0;
  return {
    ...engineWith(
      job((scenario, input: AnalysisInput) => {
        calls += 1;
        if (calls <= failures) throw new Error('The engine worker stopped.');
        return analyzePlay(scenario, input);
      }),
    ),
    calls: () => calls,
  };
}

async function renderDebrief(
  api: EngineApi,
  setup?: (store: ReturnType<typeof freshStore>, scenario: Scenario) => void,
) {
  const store = freshStore({ computePar: (s) => Promise.resolve(findPar(s)) });
  const scenario = withTestScenario(store);
  setup?.(store, scenario);
  const location = memoryLocation({ path: `/s/${scenario.id}/play`, record: true });
  const user = userEvent.setup();
  render(
    <EngineProvider gateway={createInProcessGateway(api)}>
      <App store={store} hook={location.hook} />
    </EngineProvider>,
  );
  // A new play shows its reveal first; a plan already played goes straight to its debrief.
  if (!setup) await user.click(await screen.findByRole('button', { name: 'Skip to the debrief' }));
  return { user };
}

describe('debrief page', () => {
  it('says when the debrief cannot be worked out, and "Try again" asks again', async () => {
    const engine = flakyEngine(1);
    const { user } = await renderDebrief(engine);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The debrief could not be worked out');
    expect(alert).toHaveTextContent('The engine worker stopped.');
    expect(screen.queryByTestId('debrief-score')).toBeNull();
    expect(engine.calls()).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByTestId('debrief-score')).toHaveTextContent(/^\d+\.\d$/));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(engine.calls()).toBe(2);
  });

  it('keeps focus on the result when the debrief arrives after the reveal was skipped', async () => {
    // The analysis answers only when released, so the skip lands while it is still pending.
    let release = () => {};
    const late = job(
      (scenario, input: AnalysisInput) =>
        new Promise<ReturnType<typeof analyzePlay>>((resolve) => {
          release = () => resolve(analyzePlay(scenario, input));
        }),
    );
    await renderDebrief(engineWith(late as unknown as EngineApi['analyze']));

    const waiting = await screen.findByRole('heading', { name: 'Result', level: 2 });
    await waitFor(() => expect(waiting).toHaveFocus());
    expect(screen.queryByTestId('debrief-score')).toBeNull();

    release();
    await screen.findByTestId('debrief-score');
    const result = screen.getByRole('heading', { name: 'Result', level: 2 });
    expect(result).not.toBe(waiting);
    await waitFor(() => expect(result).toHaveFocus());
  });

  it('compares with the last play replayed from its plan and seed, not with the score it recorded', async () => {
    // A play recorded by an older engine (other scales): its stored scores are not this engine's.
    let previous = 0;
    let now = 0;
    await renderDebrief(engineWith(engineApi.analyze), (store, scenario) => {
      const played = { slots: [['patch'], []] };
      previous = simulate(scenario, played).score;
      now = simulate(scenario, emptyPlan(scenario)).score;
      const record = (plan: { slots: string[][] }, seed: number) => ({
        seed,
        plan,
        score: 12.3,
        seededScore: 11.1,
        parScore: 99.9,
        playedAt: '2026-11-01T10:00:00.000Z',
      });
      store.setState({
        plays: {
          [historyKey(scenario.id, FIRST_VARIANT_ID)]: {
            last: record(emptyPlan(scenario), 7),
            previous: record(played, 5),
          },
        },
      });
    });
    const since = await screen.findByTestId('since-last-play');
    expect(since).toHaveTextContent(`Score ${previous.toFixed(1)} → ${now.toFixed(1)}`);
    expect(since).not.toHaveTextContent('12.3');
  });
});
