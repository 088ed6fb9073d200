/**
 * A renegotiated ask's terms read the same wherever the app shows them (src/explain/terms.ts):
 * in the item details' forecast of the asked item and in the debrief's stakeholder reaction.
 * "Holiday peak": the conversation in Q1 swaps the CEO's ask for the team's own gift cards (by
 * Q3) for a hosted provider's, at 30% of the ask's credit; the hosted cards ship in Q2.
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { simulate, type Plan } from '../../../src/engine';
import { bakedPar } from '../../../src/engine/par';
import { debrief } from '../../../src/explain/debrief';
import { renegotiatedTermsText, termsText } from '../../../src/explain/terms';
import { Stakeholders } from '../../../src/features/debrief/Stakeholders';
import { shippedScenario } from '../../store/helpers';
import { renderApp } from '../helpers';

const s = shippedScenario('holiday-peak');
const title = (id: string) => s.items.find((i) => i.id === id)!.title;
const plan: Plan = {
  slots: s.time.labels.map((_, t) =>
    t === 0 ? ['gift-card-talk'] : t === 1 ? ['hosted-gift-cards'] : [],
  ),
};
const TERMS =
  'Gift cards through a hosted provider instead, at the cost of 30% of the ask’s credit';

describe('renegotiated terms in words', () => {
  it('the plan meets the CEO’s ask on the new terms', () => {
    const ask = simulate(s, plan).asks.find((a) => a.item === 'gift-cards')!;
    expect(ask).toMatchObject({ status: 'met', renegotiated: { by: 'gift-card-talk' } });
  });

  it('the item details’ forecast names the terms in force', async () => {
    const { user } = await renderApp(`/s/${s.id}/plan`, {}, (store) => {
      store.getState().moveItem(s, 'gift-card-talk', 0);
      store.getState().moveItem(s, 'hosted-gift-cards', 1);
    });
    await user.click(screen.getByRole('button', { name: title('gift-cards') }));
    const dialog = screen.getByRole('dialog', { name: title('gift-cards') });
    const olivia = within(dialog)
      .getByText(/^Olivia Grant \(/)
      .closest('li')!;
    expect(olivia.textContent).toBe(
      "Olivia Grant (CEO) wants it by the end of Q3 — gift cards were a third of December's new " +
        `customers at our rival. Forecast: met on renegotiated terms (${TERMS}).`,
    );
  });

  it('the debrief’s stakeholder reaction names the same terms', () => {
    render(<Stakeholders scenario={s} debrief={debrief(s, plan, { par: bakedPar(s)!.plan })} />);
    const item = document.querySelector('.ask-renegotiated')!.closest('li')!;
    expect(item.textContent).toMatch(
      new RegExp(
        `^Met Digital gift cards, wanted by Q3 — renegotiated: ${TERMS}; done (early|mid|late) Q2$`,
      ),
    );
  });

  it('a date moved past the ask’s own is named, in the same words everywhere', () => {
    const later = structuredClone(s);
    const talk = later.items.find((i) => i.id === 'gift-card-talk')!;
    talk.renegotiates = { ...talk.renegotiates!, bySlot: 3 };
    const moved =
      'Gift cards through a hosted provider instead, by the end of Q4, at the cost of 30% of the ask’s credit';
    expect(termsText(later, talk.renegotiates)).toBe(moved);
    const ask = simulate(later, plan).asks.find((a) => a.item === 'gift-cards')!;
    expect(renegotiatedTermsText(later, ask.renegotiated!, ask.bySlot)).toBe(moved);
    render(
      <Stakeholders scenario={later} debrief={debrief(later, plan, { par: bakedPar(s)!.plan })} />,
    );
    expect(document.querySelector('.ask-renegotiated')!.textContent).toBe(
      ` — renegotiated: ${moved}`,
    );
  });
});
