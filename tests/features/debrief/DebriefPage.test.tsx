/**
 * What only a component test can reach: the debrief's jobs failing or answering late. The worker
 * answers in the browser whenever it is done, so its failure (and the retry) and a late answer
 * are driven here with runners that fail once or answer on release.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { memoryLocation } from 'wouter/memory-location';

import { App } from '../../../src/app/App';
import { findPar } from '../../../src/engine/par';
import { DebriefRunnerProvider } from '../../../src/features/debrief/runner';
import type { DebriefRunner } from '../../../src/workers/debriefClient';
import { analyzePlay, seedSpread } from '../../../src/workers/debriefJob';
import { freshStore } from '../../store/helpers';
import { withTestScenario } from '../helpers';

/** Runs the jobs in-process; the first `failures` analyses reject like a crashed worker. */
function flakyRunner(failures: number): DebriefRunner & { calls: () => number } {
  let calls = 0;
  return {
    analyze: (scenario, input) => {
      calls += 1;
      return calls <= failures
        ? Promise.reject(new Error('The engine worker stopped.'))
        : Promise.resolve(analyzePlay(scenario, input));
    },
    spread: (scenario, input) => Promise.resolve(seedSpread(scenario, { ...input, runs: 20 })),
    calls: () => calls,
  };
}

async function renderDebrief(runner: DebriefRunner) {
  const store = freshStore({ computePar: (s) => Promise.resolve(findPar(s)) });
  const scenario = withTestScenario(store);
  const location = memoryLocation({ path: `/s/${scenario.id}/play`, record: true });
  const user = userEvent.setup();
  render(
    <DebriefRunnerProvider runner={runner}>
      <App store={store} hook={location.hook} />
    </DebriefRunnerProvider>,
  );
  await user.click(await screen.findByRole('button', { name: 'Skip to the debrief' }));
  return { user };
}

describe('debrief page', () => {
  it('says when the debrief cannot be worked out, and "Try again" asks again', async () => {
    const runner = flakyRunner(1);
    const { user } = await renderDebrief(runner);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The debrief could not be worked out');
    expect(alert).toHaveTextContent('The engine worker stopped.');
    expect(screen.queryByTestId('debrief-score')).toBeNull();
    expect(runner.calls()).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByTestId('debrief-score')).toHaveTextContent(/^\d+\.\d$/));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(runner.calls()).toBe(2);
  });

  it('keeps focus on the result when the debrief arrives after the reveal was skipped', async () => {
    // The analysis answers only when released, so the skip lands while it is still pending.
    let release = () => {};
    const runner: DebriefRunner = {
      analyze: (scenario, input) =>
        new Promise((resolve) => {
          release = () => resolve(analyzePlay(scenario, input));
        }),
      spread: (scenario, input) => Promise.resolve(seedSpread(scenario, { ...input, runs: 20 })),
    };
    await renderDebrief(runner);

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
