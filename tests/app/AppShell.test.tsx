import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderApp } from '../features/helpers';

describe('app shell', () => {
  it('tells the user when saved data could not be read, and starts working anyway', async () => {
    localStorage.setItem('roadmap-dojo', '{"state": {"plans": ');
    const { user } = await renderApp('/');

    const notice = screen
      .getByText('Saved data could not be used')
      .closest<HTMLElement>('[role="status"]')!;
    expect(notice).toBeVisible();
    expect(notice).toHaveTextContent('roadmap-dojo:backup-1');
    expect(screen.getByRole('heading', { level: 1, name: 'Scenario library' })).toBeVisible();

    await user.click(within(notice).getByRole('button', { name: /^Dismiss this notice/ }));
    expect(screen.queryByText('Saved data could not be used')).toBeNull();
  });

  it('says when a scenario does not exist', async () => {
    await renderApp('/s/no-such-scenario/plan');
    expect(screen.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
    expect(
      screen.getByText('There is no scenario “no-such-scenario” in the library.'),
    ).toBeVisible();
  });

  it('names the page in the document title', async () => {
    await renderApp('/s/tutorial');
    // The title is set by an effect after the lazily loaded page commits its heading (which is
    // what renderApp waits for): on a busy machine that effect can run a moment later.
    await waitFor(() => expect(document.title).toMatch(/^Briefing: .+ · Roadmap Dojo$/));
  });
});
