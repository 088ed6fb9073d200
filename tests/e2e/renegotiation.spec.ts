/**
 * Renegotiating an ask, end to end, in "Holiday peak": the briefing says which ask is open to
 * renegotiation and on what terms; on the board the conversation's card names the ask, warns
 * when it is planned too late to change the terms and stops warning when it comes in time; the
 * debrief's stakeholder reaction marks the ask met on renegotiated terms.
 */
import type { Page } from '@playwright/test';

import { card, column, expect, expectNoAxeViolations, moveTo, readScenario, test } from './support';

const peak = readScenario('holiday-peak');
const title = (id: string) => peak.items.find((i) => i.id === id)!.title;
const [Q1, Q2, , Q4] = peak.time.labels as [string, string, string, string];
const TALK = title('gift-card-talk');
const HOSTED = title('hosted-gift-cards');

/** The column's advisory warnings. */
const columnWarnings = (page: Page, label: string) =>
  column(page, label).getByRole('list', { name: 'Warnings (advisory)' });

test('the briefing says which ask can move and on what terms', async ({ page }) => {
  await page.goto(`./#/s/${peak.id}`);
  const olivia = page.locator('.stakeholder', { hasText: 'Olivia Grant' });
  await expect(olivia).toContainText(
    'Open to renegotiation: Gift cards through a hosted provider instead, at the cost of 30% of the ask’s credit.',
  );
  // Only that ask: the other stakeholders' asks cannot move.
  await expect(page.getByText('Open to renegotiation:')).toHaveCount(1);
});

test('a renegotiation planned after the ask’s date warns, and in time it does not', async ({
  page,
}) => {
  await page.goto(`./#/s/${peak.id}/plan`);
  await moveTo(page, HOSTED, Q2);
  await moveTo(page, TALK, Q4);
  const talk = card(page, 'gift-card-talk');
  const chip = talk.locator('.chip-renegotiation');
  await expect(chip).toContainText('renegotiates Olivia’s ask');
  await expect(chip).toHaveClass(/is-at-risk/);
  await expect(chip).toContainText('too late to change the terms');
  await expect(columnWarnings(page, Q4)).toContainText(
    'after Olivia Grant’s date for “Digital gift cards” (the end of Q3): too late to change the terms.',
  );
  // The hosted cards meet nothing yet: their ask chip says what they could stand in for.
  await expect(card(page, 'hosted-gift-cards').locator('.chip-ask')).toContainText(
    'Olivia takes it instead of Digital gift cards, by Q3',
  );
  await expectNoAxeViolations(page);

  await moveTo(page, TALK, Q1);
  await expect(chip).not.toHaveClass(/is-at-risk/);
  await expect(page.getByText('too late to change the terms')).toHaveCount(0);
  // The details say what the conversation does.
  await page.getByRole('button', { name: TALK, exact: true }).click();
  await expect(page.getByTestId('renegotiation-details')).toContainText(
    'Olivia Grant asked for Digital gift cards by the end of Q3.',
  );
  await expectNoAxeViolations(page);
});

test('the debrief marks an ask met on renegotiated terms', async ({ page }) => {
  await page.goto(`./#/s/${peak.id}/plan`);
  await moveTo(page, TALK, Q1);
  await moveTo(page, HOSTED, Q2);
  await page.getByRole('link', { name: 'Play the year' }).click();
  await page.getByRole('button', { name: 'Skip to the debrief' }).click();
  const olivia = page.locator('.reaction', { hasText: 'Olivia Grant' });
  await expect(olivia).toContainText(
    'Digital gift cards, wanted by Q3 — renegotiated: Gift cards through a hosted provider instead, at the cost of 30% of the ask’s credit',
    { timeout: 30_000 },
  );
  // Met, but not as asked: mixed, not pleased.
  await expect(olivia.locator('.mood')).toHaveText(/Mixed/);
  await expect(olivia.locator('.ask-met', { hasText: 'Digital gift cards' })).toHaveCount(1);
  await expectNoAxeViolations(page, '.reaction-list');
});
