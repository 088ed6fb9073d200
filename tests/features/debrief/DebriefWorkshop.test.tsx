/**
 * The debrief in a workshop grades as the board did: the workshop's weights and par under those
 * weights, named in the headline; while the workshop hides scores it shows none.
 */
import { render, screen, waitFor } from '@testing-library/react';
import { formatMoney } from '../../../src/explain/format';
import { describe, expect, it } from 'vitest';
import { memoryLocation } from 'wouter/memory-location';

import { App } from '../../../src/app/App';
import { simulate } from '../../../src/engine';
import { debrief } from '../../../src/explain/debrief';
import { findPar } from '../../../src/engine/par';
import {
  defaultWorkshopSettings,
  workshopWeights,
  type WorkshopSettings,
} from '../../../src/engine/workshop';
// Loaded up front, so the lazily loaded screens render within the wait on a busy machine.
import '../../../src/features/debrief/DebriefPage';
import '../../../src/features/workshop/WorkshopDebrief';
import { activeVariantOf } from '../../../src/store';
import { engineApi, job } from '../../../src/workers/api';
import { seedSpread } from '../../../src/workers/debriefJob';
import { EngineProvider } from '../../../src/workers/EngineProvider';
import { createInProcessGateway } from '../../../src/workers/inProcess';
import { parFor, type ParInput } from '../../../src/workers/parJob';
import { freshStore } from '../../store/helpers';
import { withTestScenario } from '../helpers';

const PAR_BUDGET = 300;

/** A team finished the whole year in a workshop; the debrief opens. */
async function renderWorkshopDebrief(changes: Partial<WorkshopSettings>) {
  const store = freshStore({ computePar: (s) => Promise.resolve(findPar(s)) });
  const scenario = withTestScenario(store);
  const state = store.getState();
  state.moveItem(scenario, 'patch', 0);
  state.moveItem(scenario, 'user-model', 0);
  state.moveItem(scenario, 'big-bet', 1);
  state.setWorkshopSettings({ ...defaultWorkshopSettings(scenario, 7), play: 'year', ...changes });
  state.startWorkshop();
  // What "Play the year" on the round panel does before it opens the debrief.
  expect(store.getState().finishGame(scenario)?.last.seed).toBe(7);
  const searches: unknown[] = [];
  // The engine's jobs in-process: small spreads and par searches, each par search recorded.
  const engine = createInProcessGateway({
    ...engineApi,
    par: job((s, input: ParInput) => {
      searches.push(input);
      return parFor(s, { ...input, budget: PAR_BUDGET });
    }),
    spread: job((s, input: Parameters<typeof seedSpread>[1]) =>
      seedSpread(s, { ...input, runs: 20 }),
    ),
  });
  const location = memoryLocation({ path: `/s/${scenario.id}/play`, record: true });
  render(
    <EngineProvider gateway={engine}>
      <App store={store} hook={location.hook} />
    </EngineProvider>,
  );
  // The year was played on the board: the debrief opens without a reveal.
  await screen.findByRole('heading', { name: 'Result', level: 2 });
  const plan = activeVariantOf(store.getState(), scenario).plan;
  const weights = workshopWeights(scenario, store.getState().workshop.settings!);
  return { store, scenario, plan, weights, searches };
}

describe('the debrief in a workshop', () => {
  it('grades with the workshop’s weights against par under them, as the board did', async () => {
    const { scenario, plan, weights, searches } = await renderWorkshopDebrief({ preset: 'ciso' });

    // The board's projected score under the workshop's CISO weights.
    const boardScore = simulate(scenario, plan, { weights }).score;
    expect(boardScore.toFixed(1)).not.toBe(simulate(scenario, plan).score.toFixed(1));
    await waitFor(() =>
      expect(screen.getByTestId('debrief-score')).toHaveTextContent(boardScore.toFixed(1)),
    );
    // Net value beside the grade: the same expected run's ledger (weights do not change money).
    expect(screen.getByTestId('debrief-net-value')).toHaveTextContent(
      formatMoney(simulate(scenario, plan, { weights }).ledger.net),
    );
    expect(screen.getByTestId('debrief-graded-with')).toHaveTextContent(
      /Graded with the workshop’s CISO weights/,
    );

    // Par is the best plan found for the CISO weights, and the share of par is against it.
    expect(searches).toEqual([{ weights }]);
    const par = parFor(scenario, { weights, budget: PAR_BUDGET });
    const expected = debrief(scenario, plan, { par: par.plan, seed: 7, weights });
    expect(screen.getByTestId('debrief-percent-of-par')).toHaveTextContent(
      `${expected.percentOfPar.toFixed(0)}%`,
    );
    expect(screen.getByText(`par ${expected.parScore.toFixed(1)}`)).toBeInTheDocument();
  });

  it('shows no score while the workshop hides scores, and the full debrief after the reveal', async () => {
    const { store, scenario, plan, weights, searches } = await renderWorkshopDebrief({
      preset: 'growth',
      hideScores: true,
    });

    expect(await screen.findByTestId('debrief-scores-hidden')).toBeInTheDocument();
    expect(
      screen.getByText('Scores are hidden until the facilitator reveals them'),
    ).toBeInTheDocument();
    // The story of the year is told; no score, share of par or par is.
    expect(screen.getByRole('heading', { name: 'What happened' })).toBeInTheDocument();
    expect(screen.queryByTestId('debrief-score')).toBeNull();
    expect(screen.queryByTestId('debrief-percent-of-par')).toBeNull();
    const score = simulate(scenario, plan, { weights }).score;
    expect(document.querySelector('main')).not.toHaveTextContent(score.toFixed(1));
    expect(screen.queryByText(/% of par|par \d/)).toBeNull();
    expect(screen.queryByRole('heading', { name: /par’s plan/i })).toBeNull();
    expect(searches).toEqual([]);

    store.getState().setRevealed(true);
    await waitFor(() =>
      expect(screen.getByTestId('debrief-score')).toHaveTextContent(score.toFixed(1)),
    );
    expect(screen.getByTestId('debrief-graded-with')).toHaveTextContent(
      /Graded with the workshop’s Growth board weights/,
    );
    expect(screen.queryByTestId('debrief-scores-hidden')).toBeNull();
  });
});
