import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { decodeWorkshop } from '../../../src/engine/workshop';
// Loaded up front, so the lazily loaded route renders within the helper's wait on a busy machine.
import '../../../src/features/workshop/WorkshopPage';
import { renderApp } from '../helpers';
import { shippedScenario } from '../../store/helpers';

describe('workshop setup', { timeout: 20_000 }, () => {
  it('keeps the Growth board and CISO descriptions after a change of scenario', async () => {
    const { user } = await renderApp('/workshop');
    await screen.findByRole('heading', { level: 1, name: 'Run a workshop' });
    // big-customer redefines "growth" with its own weights; zero-day uses the generic one.
    for (const id of ['zero-day', 'big-customer', 'zero-day']) {
      await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), id);
      expect(screen.getByRole('radio', { name: 'Growth board' })).toHaveAccessibleDescription(
        /^Revenue first/,
      );
      expect(screen.getByRole('radio', { name: 'CISO' })).toHaveAccessibleDescription(
        /^Security, reliability and compliance first/,
      );
    }
  });

  it('lets the facilitator switch "Par from here" off, and the link carries it', async () => {
    const { store, user } = await renderApp('/workshop');
    await screen.findByRole('heading', { level: 1, name: 'Run a workshop' });
    await user.click(screen.getByRole('checkbox', { name: 'Teams may ask for “Par from here”' }));
    expect(store.getState().workshop.settings?.parFromHere).toBe(false);
    const link = screen.getByTestId<HTMLInputElement>('workshop-link').value;
    const decoded = decodeWorkshop(link.slice(link.indexOf('#') + 1), (id) => shippedScenario(id));
    expect(decoded.ok && decoded.workshop.settings.parFromHere).toBe(false);
  });

  it('saves the settings as they are chosen and gives a link that decodes back to them', async () => {
    const { store, user } = await renderApp('/workshop');
    await screen.findByRole('heading', { level: 1, name: 'Run a workshop' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'zero-day');
    await user.click(screen.getByRole('radio', { name: 'Growth board' }));
    await user.click(screen.getByRole('radio', { name: 'Whole year' }));
    await user.click(screen.getByRole('checkbox', { name: 'Hide scores until I reveal them' }));
    const seed = screen.getByRole('spinbutton', { name: 'Seed' });
    await user.clear(seed);
    await user.type(seed, '4242');
    const minutes = screen.getByRole('spinbutton', { name: 'Minutes' });
    await user.clear(minutes);
    await user.type(minutes, '25');
    await user.tab();

    const saved = store.getState().workshop.settings;
    expect(saved).toMatchObject({
      scenarioId: 'zero-day',
      preset: 'growth',
      play: 'year',
      hideScores: true,
      revealed: false,
      seed: 4242,
      timerMinutes: 25,
    });
    expect(store.getState().workshop.active).toBe(false);

    const link = screen.getByTestId<HTMLInputElement>('workshop-link').value;
    expect(link).toMatch(/#\/workshop\/join\/w1\./);
    const decoded = decodeWorkshop(link.slice(link.indexOf('#')), (id) =>
      id === 'zero-day' ? shippedScenario('zero-day') : undefined,
    );
    if (!decoded.ok) throw new Error('the link did not decode');
    const { weights: _weights, ...rest } = saved!;
    expect(decoded.workshop.settings).toMatchObject(rest);

    await user.click(screen.getByRole('button', { name: 'Start the workshop' }));
    expect(store.getState().workshop.active).toBe(true);
    expect(screen.getByTestId('workshop-status')).toHaveTextContent('The workshop is on');
  });

  it('refuses to start with custom weights that weigh nothing', async () => {
    const { user } = await renderApp('/workshop');
    await user.click(await screen.findByRole('radio', { name: 'Custom weights' }));
    const weights = screen.getByRole('group', { name: 'Custom weights' });
    for (const slider of within(weights).getAllByRole('slider'))
      fireEvent.change(slider, { target: { value: '0' } });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Start the workshop' })).toBeDisabled(),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('at least one metric');
  });

  it('keeps what is typed in a number field and saves only whole numbers in range', async () => {
    const { store, user } = await renderApp('/workshop');
    const minutes = await screen.findByRole('spinbutton', { name: 'Minutes per round' });
    await user.click(screen.getByRole('button', { name: 'Start the workshop' }));
    await user.clear(minutes);
    expect(minutes).toHaveValue(null);
    expect(minutes).toHaveAttribute('aria-invalid', 'true');
    // 9 and 99 are fine on the way; 999 is over the limit and is not saved.
    await user.type(minutes, '999');
    expect(store.getState().workshop.settings?.timerMinutes).toBe(99);
    expect(minutes).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('A whole number from 1 to 180.')).toBeInTheDocument();
    await user.clear(minutes);
    await user.type(minutes, '9');
    expect(store.getState().workshop.settings?.timerMinutes).toBe(9);
  });
});
