/**
 * Split and Merge on the board, in "Ship the thin slice first": the marketplace's "Move to…" menu
 * splits it (its swap MVP goes just before it in the store's plan, the card shows the rest's
 * points and says so), the MVP's menu merges it back, and the board says each change in words.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { planOf } from '../../../src/store';
import { shippedScenario } from '../../store/helpers';
import { renderApp } from '../helpers';

const s = shippedScenario('slice-first');
const title = (id: string) => s.items.find((i) => i.id === id)!.title;
const WHOLE = title('shift-marketplace');
const MVP = title('swap-mvp');
const card = (id: string) => document.querySelector<HTMLElement>(`[data-item-id="${id}"]`)!;

describe('board: slicing a feature', () => {
  it('Split plans the MVP just before the feature; Merge takes it back out', async () => {
    const { user, store } = await renderApp(`/s/${s.id}/plan`, {}, (st) =>
      st.getState().moveItem(s, 'shift-marketplace', 1),
    );
    // Whole: the full effort, and the chip says it can be split.
    expect(within(card('shift-marketplace')).getByText(/^24/).textContent).toBe('24 pts');
    expect(card('shift-marketplace').querySelector('.chip-slice')?.textContent).toMatch(
      new RegExp(`^can be split: ${MVP.replace(/[()]/g, '\\$&')}`),
    );

    await user.click(screen.getByRole('button', { name: `Move to… (${WHOLE})` }));
    await user.click(screen.getByRole('menuitem', { name: `Split: plan ${MVP} first` }));
    expect(planOf(store.getState(), s).slots[1]).toEqual(['swap-mvp', 'shift-marketplace']);
    // The rest: 24 × (1 − 7.67/25.33) = 16.7 points, from the estimates' mean efforts.
    expect(card('shift-marketplace').querySelector('.card-effort')?.textContent).toBe('16.7 pts');
    expect(card('shift-marketplace').querySelector('.chip-slice')?.textContent).toContain(
      `the rest, after ${MVP}`,
    );
    expect(screen.getByText(/^Split “Shift marketplace”: /)).toBeInTheDocument();
    // The details say the framework scores are the whole feature's, and what the rest is.
    await user.click(screen.getByRole('button', { name: WHOLE }));
    const dialog = screen.getByRole('dialog', { name: WHOLE });
    expect(within(dialog).getByTestId('lens-rest').textContent).toBe(
      'These score the whole feature. Split, it is the rest: 16.7 points for 40% of its value.',
    );
    // Its size is the rest's: 16.7 as the card shows; expected (mean) 25.33 − 7.67 = 17.7.
    expect(within(dialog).getByTestId('details-effort').textContent).toBe(
      '16.7 of its 24 points: the rest, after its MVP (estimate 20–32 for the whole; expected 17.7)',
    );
    await user.keyboard('{Escape}');

    // The feature's menu now offers Merge instead of Split.
    await user.click(screen.getByRole('button', { name: `Move to… (${WHOLE})` }));
    expect(screen.queryByRole('menuitem', { name: /^Split/ })).toBeNull();
    await user.click(screen.getByRole('menuitem', { name: `Merge: take ${MVP} out` }));
    expect(planOf(store.getState(), s).slots[1]).toEqual(['shift-marketplace']);
    expect(planOf(store.getState(), s).slots.flat()).not.toContain('swap-mvp');
    expect(card('shift-marketplace').querySelector('.card-effort')?.textContent).toBe('24 pts');
    expect(
      screen.getByText(`Merged: “${MVP}” is back in the backlog and “${WHOLE}” is whole again.`),
    ).toBeInTheDocument();
  });

  it('a card in the backlog offers neither Split nor Merge', async () => {
    const { user } = await renderApp(`/s/${s.id}/plan`);
    await user.click(screen.getByRole('button', { name: `Move to… (${WHOLE})` }));
    expect(screen.queryByRole('menuitem', { name: /^(Split|Merge)/ })).toBeNull();
  });
});
