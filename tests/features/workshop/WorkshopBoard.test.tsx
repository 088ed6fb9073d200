import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { memoryLocation } from 'wouter/memory-location';

import { App } from '../../../src/app/App';
import { simulate } from '../../../src/engine';
import {
  defaultWorkshopSettings,
  workshopWeights,
  type WorkshopSettings,
} from '../../../src/engine/workshop';
// Loaded up front, so the lazily loaded board renders within the wait on a busy machine.
import '../../../src/features/board/BoardPage';
import '../../../src/features/workshop/WorkshopBoard';
import { activeVariantOf, historyKey } from '../../../src/store';
import { freshStore } from '../../store/helpers';
import { withTestScenario } from '../helpers';

/** The test scenario's board with a workshop started in this browser. */
async function renderWorkshopBoard(changes: Partial<WorkshopSettings> = {}) {
  const store = freshStore();
  const scenario = withTestScenario(store);
  store.getState().setWorkshopSettings({ ...defaultWorkshopSettings(scenario, 7), ...changes });
  store.getState().startWorkshop();
  const location = memoryLocation({ path: `/s/${scenario.id}/plan`, record: true });
  const user = userEvent.setup();
  render(<App store={store} hook={location.hook} />);
  const panel = await screen.findByTestId('round-panel');
  return { store, scenario, user, location, panel };
}

async function moveTo(user: ReturnType<typeof userEvent.setup>, title: string, slot: string) {
  await user.click(screen.getByRole('button', { name: `Move to… (${title})` }));
  await user.click(screen.getByRole('menuitem', { name: slot }));
}

const column = (label: string) => document.querySelector<HTMLElement>(`[data-column="${label}"]`)!;

describe('the board in a workshop', () => {
  it('hides every score until the reveal, then shows them', async () => {
    const { store, user } = await renderWorkshopBoard({ hideScores: true });
    expect(screen.getByTestId('scores-hidden')).toBeInTheDocument();
    expect(screen.queryByTestId('projected-score')).toBeNull();
    await moveTo(user, 'Patch the uploader', 'Q1');
    expect(screen.queryByTestId('projected-score')).toBeNull();
    expect(screen.queryByText(/% of par/)).toBeNull();
    expect(document.getElementById('board-announcer')).not.toHaveTextContent(/score/i);

    store.getState().setRevealed(true);
    expect(await screen.findByTestId('projected-score')).toHaveTextContent(/^\d+\.\d$/);
    expect(screen.queryByTestId('scores-hidden')).toBeNull();
  });

  it('keeps its own setting for scores, whatever practice mode says, and offers no switch', async () => {
    // The facilitator shows scores; the learner's practice mode would hide them.
    const shown = await renderWorkshopBoard({ hideScores: false });
    shown.store.getState().setPreferences({ projectionWhilePlanning: 'hide' });
    expect(await screen.findByTestId('projected-score')).toHaveTextContent(/^\d+\.\d$/);
    expect(screen.queryByRole('switch', { name: 'Show score' })).toBeNull();
    cleanup();

    // The facilitator hides scores; the learner's practice mode would show them.
    const hidden = await renderWorkshopBoard({ hideScores: true });
    hidden.store.getState().setPreferences({ projectionWhilePlanning: 'show' });
    await moveTo(hidden.user, 'Patch the uploader', 'Q1');
    expect(screen.getByTestId('scores-hidden')).toBeInTheDocument();
    expect(screen.queryByTestId('projected-score')).toBeNull();
    expect(screen.queryByRole('switch', { name: 'Show score' })).toBeNull();
  });

  it('commits a slot: it is played and locked, its story is told, the next round begins', async () => {
    const { store, scenario, user, panel } = await renderWorkshopBoard();
    expect(within(panel).getByRole('heading', { name: 'Round 1 of 2: Q1' })).toBeInTheDocument();
    await moveTo(user, 'Unify the user model', 'Q1');
    await moveTo(user, 'Patch the uploader', 'Q2');

    await user.click(within(panel).getByRole('button', { name: 'Commit Q1' }));
    const dialog = screen.getByRole('dialog', { name: 'Commit Q1?' });
    expect(dialog).toHaveTextContent('1 item in Q1');
    await user.click(within(dialog).getByRole('button', { name: 'Commit Q1' }));

    expect(store.getState().workshop.games[scenario.id]?.committed).toEqual([['user-model']]);
    expect(within(panel).getByRole('heading', { name: 'Round 2 of 2: Q2' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Q1 as played' })).toHaveFocus(),
    );
    expect(screen.getByTestId('played-slot')).toHaveTextContent('Unify the user model');
    expect(within(column('Q1')).getByTestId('column-locked')).toBeInTheDocument();
    expect(within(column('Q1')).getByTestId('card-locked')).toHaveTextContent('Played · locked');
    expect(
      screen.queryByRole('button', { name: 'Move to… (Unify the user model)' }),
    ).not.toBeInTheDocument();

    // The rest can be re-planned, never into the played slot.
    await user.click(screen.getByRole('button', { name: 'Move to… (Patch the uploader)' }));
    expect(screen.getByRole('menuitem', { name: /^Q1/ })).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('menuitem', { name: 'Backlog' }));
    expect(within(column('Q2')).queryByText('Patch the uploader')).toBeNull();

    // The last round: the year is played and the debrief is one step away.
    await user.click(within(panel).getByRole('button', { name: 'Commit Q2' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Commit Q2' }));
    expect(within(panel).getByRole('heading', { name: 'The year is played' })).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'See the debrief' }));
    const key = historyKey(scenario.id, activeVariantOf(store.getState(), scenario).id);
    expect(store.getState().plays[key]?.last.seed).toBe(7);
  });

  it('whole-year play: no rounds, graded as the chosen preset would, played with the workshop’s dice', async () => {
    const { store, scenario, user, panel } = await renderWorkshopBoard({
      play: 'year',
      preset: 'ciso',
    });
    expect(
      within(panel).getByRole('heading', { name: 'Plan the whole year, then play it' }),
    ).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: /^Commit/ })).toBeNull();
    await moveTo(user, 'Patch the uploader', 'Q1');
    const plan = activeVariantOf(store.getState(), scenario).plan;
    const settings = store.getState().workshop.settings!;
    const ciso = simulate(scenario, plan, { weights: workshopWeights(scenario, settings) });
    expect(ciso.score).not.toBeCloseTo(simulate(scenario, plan).score, 1);
    expect(screen.getByTestId('projected-score')).toHaveTextContent(ciso.score.toFixed(1));
    // The projection's caption says who grades.
    expect(screen.getByText(/^Expected outcome · graded as “CISO” would/)).toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: 'Play the year' }));
    const key = historyKey(scenario.id, activeVariantOf(store.getState(), scenario).id);
    expect(store.getState().plays[key]?.last.seed).toBe(7);
  });
});
