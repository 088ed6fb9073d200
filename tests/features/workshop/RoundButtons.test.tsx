/**
 * The round buttons the facilitator's console and the presentation view share: which button is
 * offered at each round, with a live room (which can end the last round) and without one.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { AppStoreProvider } from '../../../src/store';
import { RoundButtons } from '../../../src/features/workshop/RoundButtons';
import { freshStore } from '../../store/helpers';

function renderAt(round: number, canEnd: boolean) {
  const store = freshStore();
  store.getState().setRound(round);
  const view = render(
    <AppStoreProvider store={store}>
      <RoundButtons round={store.getState().workshop.round} rounds={4} canEnd={canEnd} />
    </AppStoreProvider>,
  );
  return { store, view };
}

describe('RoundButtons', () => {
  it('steps forward and back through the rounds', async () => {
    const { store } = renderAt(1, false);
    await userEvent.click(screen.getByRole('button', { name: 'Next round' }));
    expect(store.getState().workshop.round).toBe(2);
    await userEvent.click(screen.getByRole('button', { name: 'Previous round' }));
    // The buttons act on the round they were rendered with (1): back from it is round 0.
    expect(store.getState().workshop.round).toBe(0);
  });

  it('offers no way back from the first round', () => {
    renderAt(0, true);
    expect(screen.getByRole('button', { name: 'Previous round' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next round' })).toBeEnabled();
  });

  it('without a room, stops at the last round', () => {
    renderAt(3, false);
    expect(screen.getByRole('button', { name: 'Next round' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'End the last round' })).toBeNull();
  });

  it('in a room, ends the last round, then offers nothing further', async () => {
    const { store, view } = renderAt(3, true);
    await userEvent.click(screen.getByRole('button', { name: 'End the last round' }));
    expect(store.getState().workshop.round).toBe(4);
    view.rerender(
      <AppStoreProvider store={store}>
        <RoundButtons round={4} rounds={4} canEnd />
      </AppStoreProvider>,
    );
    expect(screen.getByRole('button', { name: 'End the last round' })).toBeDisabled();
    // Back from the end goes to the round before the one shown ("round 4 of 4" → 3 of 4).
    await userEvent.click(screen.getByRole('button', { name: 'Previous round' }));
    expect(store.getState().workshop.round).toBe(2);
  });
});
