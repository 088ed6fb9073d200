import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { METRIC_INFO } from '../../../src/explain/words';
import { renderApp, withTestScenario } from '../helpers';

async function renderBriefing() {
  return await renderApp('/s/ui-test', {}, (store) => {
    withTestScenario(store);
  });
}

describe('briefing', () => {
  it('shows the story as plain text paragraphs, never as HTML', async () => {
    await renderBriefing();
    const story = screen.getByRole('region', { name: 'The story' });
    expect(
      within(story)
        .getAllByRole('paragraph')
        .map((p) => p.textContent),
    ).toEqual([
      'Pebble sells <b>scheduling</b> software.',
      'Your <img src=x onerror="alert(1)"> job: plan.',
    ]);
    expect(story.querySelector('img, b')).toBeNull();
  });

  it('gives the starting numbers, capacity, stakeholders, dates and scoring', async () => {
    await renderBriefing();
    const numbers = screen.getByRole('region', { name: 'Starting numbers' });
    expect(within(numbers).getByText('$1.00M')).toBeVisible();
    // 20 debt against a half-point of 100: 17% of capacity, 3.3 of Q1's 20 points.
    expect(
      within(numbers).getByText('Drag: 17% of capacity lost (3.3 points in Q1)'),
    ).toBeVisible();

    const team = screen.getByRole('region', { name: 'Team capacity' });
    expect(within(team).getByRole('row', { name: 'Q1 20 2 14.7' })).toBeVisible();

    const people = screen.getByRole('region', { name: 'Stakeholders' });
    expect(within(people).getByText(/Maya Lee/)).toBeVisible();
    expect(within(people).getByText('Influence 3')).toBeVisible();
    expect(people).toHaveTextContent('Wants SSO login by the end of Q1 — the big deal needs it');

    const dates = screen.getByRole('region', { name: 'Known dates' });
    expect(within(dates).getByText('Critical CVE in the uploader')).toBeVisible();
    expect(within(dates).getByText('SSO login')).toBeVisible();

    const scoring = screen.getByRole('region', { name: 'How the plan is scored' });
    expect(within(scoring).getByRole('row', { name: /^Net value 40%/ })).toHaveTextContent(
      METRIC_INFO.revenue.description,
    );
    expect(within(scoring).queryByText('Compliance')).toBeNull();

    expect(screen.getByText('Sequence prerequisites')).toBeVisible();
  });

  it('starts planning on the board', async () => {
    const { user, location } = await renderBriefing();
    await user.click(screen.getAllByRole('link', { name: 'Start planning' })[0]!);
    expect(location.history?.at(-1)).toBe('/s/ui-test/plan');
    expect(await screen.findByRole('region', { name: 'Backlog' })).toBeVisible();
  });
});
