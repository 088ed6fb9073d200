/**
 * What only a component test can reach: the debrief's jobs failing. The worker answers in the
 * browser, so its failure (and the retry) is driven here with a runner that fails once.
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
});
