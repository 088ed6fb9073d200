/**
 * A hidden size on the board, in "Spike before you build": multi-currency billing's card and
 * details say its size is unknown and what it may be; played quarter by quarter, the spike in Q1
 * reveals it, and from Q2 the card, its details and the round panel show the true size.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { drawWorld } from '../../../src/engine';
import { shippedScenario } from '../../store/helpers';
import { renderApp } from '../helpers';

const s = shippedScenario('spike-first');
const title = (id: string) => s.items.find((i) => i.id === id)!.title;
const card = (id: string) => document.querySelector<HTMLElement>(`[data-item-id="${id}"]`)!;

describe('board: a hidden size', () => {
  it('says the size is unknown on the card and in the details, with what may be true', async () => {
    const { user } = await renderApp(`/s/${s.id}/plan`);
    const big = card('multi-currency');
    expect(big.querySelector('.card-effort')?.textContent).toBe('22 pts');
    const chip = within(big).getByText('size unknown');
    expect(chip.getAttribute('title')).toMatch(
      /^Its real size is not known yet: 4 points if currency is only formatting \(50% likely\) or 40 points if the ledger assumes dollars \(50% likely\)\. The estimate, 22 points, is their average\. “Two-week ledger spike” would show which/,
    );
    expect(within(big).queryByTestId('revealed')).toBeNull();
    await user.click(screen.getByRole('button', { name: title('multi-currency') }));
    const dialog = screen.getByRole('dialog', { name: title('multi-currency') });
    expect(within(dialog).getByTestId('details-effort').textContent).toBe(
      '22 points (size unknown: 4 or 40)',
    );
    expect(within(dialog).getByRole('heading', { name: 'Not known yet' })).toBeVisible();
  });

  it('shows the true size from the next quarter once the spike ran', async () => {
    const { user, store } = await renderApp(`/s/${s.id}/plan`);
    await user.click(screen.getByRole('button', { name: 'Play quarter by quarter' }));
    const panel = await screen.findByTestId('round-panel');
    for (const id of ['ledger-spike', 'rev-rec']) {
      await user.click(screen.getByRole('button', { name: `Move to… (${title(id)})` }));
      await user.click(screen.getByRole('menuitem', { name: 'Q1' }));
    }
    await user.click(within(panel).getByRole('button', { name: 'Commit Q1' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Commit Q1?' })).getByRole('button', {
        name: 'Commit Q1',
      }),
    );
    // The world's draw, from the seed the game shows: 4 or 40 points.
    const seed = store.getState().workshop.games[s.id]?.seed;
    expect(seed).toBeDefined();
    const small = drawWorld(s, seed!).get('effort:multi-currency') === 0;
    const points = small ? 4 : 40;
    const label = small ? 'currency is only formatting' : 'the ledger assumes dollars';

    const big = card('multi-currency');
    expect(within(big).getByTestId('revealed').textContent).toBe(
      `Revealed: ${points} points (${label})`,
    );
    expect(within(big).queryByText('size unknown')).toBeNull();
    expect(big.querySelector('.card-effort')?.textContent).toBe(`${points} pts`);
    expect(within(panel).getByTestId('learned').textContent).toContain(
      `“Two-week ledger spike” in Q1 showed that “Multi-currency billing” is ${points} points (${label}), not the 22 points estimated.`,
    );
    await user.click(screen.getByRole('button', { name: title('multi-currency') }));
    const dialog = screen.getByRole('dialog', { name: title('multi-currency') });
    expect(within(dialog).getByTestId('details-effort').textContent).toBe(
      `${points} points, as revealed (estimated 22)`,
    );
    expect(within(dialog).getByRole('heading', { name: 'What play revealed' })).toBeVisible();
  });
});
