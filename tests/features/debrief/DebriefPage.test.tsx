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
import { findPar } from '../../../src/engine/par';
import { engineApi, job, type EngineApi } from '../../../src/workers/api';
import { analyzePlay, seedSpread } from '../../../src/workers/debriefJob';
import { EngineProvider } from '../../../src/workers/EngineProvider';
import { createInProcessGateway } from '../../../src/workers/inProcess';
import { freshStore } from '../../store/helpers';
import { withTestScenario } from '../helpers';

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

async function renderDebrief(api: EngineApi) {
  const store = freshStore({ computePar: (s) => Promise.resolve(findPar(s)) });
  const scenario = withTestScenario(store);
  const location = memoryLocation({ path: `/s/${scenario.id}/play`, record: true });
  const user = userEvent.setup();
  render(
    <EngineProvider gateway={createInProcessGateway(api)}>
      <App store={store} hook={location.hook} />
    </EngineProvider>,
  );
  await user.click(await screen.findByRole('button', { name: 'Skip to the debrief' }));
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
});
