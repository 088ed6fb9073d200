/**
 * The briefing lists a scenario's standing threats (breaches that need no published
 * vulnerability) with their yearly chance and the items that control them, and says nothing of
 * threats when a scenario has none.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderApp } from '../helpers';

describe('briefing: standing threats', () => {
  it('zero-day: names the phishing threat, its chance and cost, and the control', async () => {
    await renderApp('/s/zero-day');
    const section = await screen.findByRole('region', { name: 'Standing threats' });
    const threat = within(section).getByRole('heading', {
      name: 'Phished clinician passwords',
    }).parentElement!;
    expect(threat).toHaveTextContent(
      'About 8% a year that it leads to a breach ($5.00M each), with nothing done.',
    );
    expect(threat).toHaveTextContent('“MFA for clinician accounts” cuts it by 90%.');
  });

  it('the tutorial has no threats and no such section', async () => {
    await renderApp('/s/tutorial');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('region', { name: 'Standing threats' })).toBeNull();
  });
});
