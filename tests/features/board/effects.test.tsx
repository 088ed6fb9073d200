/**
 * The board names every effect of an item: the card shows the first few and names the rest for
 * screen readers ("+1 more: …"), and the item details give each in a sentence. Which effects an
 * item has is checked against the compiled scenario in tests/explain/effects.test.ts.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { describeEffects, effectBadges } from '../../../src/explain/advice';
import { shippedScenario } from '../../store/helpers';
import { renderApp } from '../helpers';

const card = (id: string) => document.querySelector<HTMLElement>(`[data-item-id="${id}"]`)!;

describe('board: every effect of an item is named', () => {
  for (const id of ['legacy-router', 'zero-day', 'delighters', 'audit-year']) {
    it(`${id}: each card names all of its effects`, async () => {
      const scenario = shippedScenario(id);
      await renderApp(`/s/${id}/plan`);
      for (const item of scenario.items.filter((i) => !i.injected)) {
        const text = card(item.id).textContent ?? '';
        for (const badge of effectBadges(scenario, item))
          expect(text, `${item.id}: ${badge.key}`).toContain(badge.label);
      }
    });
  }

  it('a card with more effects than it shows counts the rest and names them', async () => {
    await renderApp('/s/legacy-router/plan');
    // Replacing the router: the storm cascade, capacity, debt, then incidents (the fourth).
    const more = within(card('router-replace')).getByText(/^\+1 more/);
    expect(more.textContent).toBe('+1 more: −25% incidents');
    expect(more.title).toBe('Cuts the incident rate by 25%.');
  });

  it('the item details of storm mode say what it does to the storm cascade', async () => {
    const scenario = shippedScenario('legacy-router');
    const item = scenario.items.find((i) => i.id === 'storm-mode')!;
    const { user } = await renderApp('/s/legacy-router/plan');
    await user.click(screen.getByRole('button', { name: item.title }));
    const dialog = screen.getByRole('dialog', { name: item.title });
    for (const sentence of describeEffects(scenario, item))
      expect(within(dialog).getByText(sentence)).toBeVisible();
    expect(within(dialog).getByText(/cuts the chance of “Major storm cascades/)).toBeVisible();
    expect(within(dialog).queryByText(/No direct effect/)).toBeNull();
  });
});
