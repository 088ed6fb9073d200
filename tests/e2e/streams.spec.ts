/**
 * Parallel work streams as a learner meets them: the tutorial's briefing says the team works on
 * three items at a time, and on the board a small patch placed last in Q1 still starts and lands
 * early in Q1, with the same projected score as when it is placed first.
 */
import {
  card,
  expect,
  expectNoAxeViolations,
  moveTo,
  projectedScore,
  readScenario,
  savedSlots,
  test,
} from './support';
import type { Page } from '@playwright/test';

const tutorial = readScenario('tutorial');
const title = (id: string) => tutorial.items.find((i) => i.id === id)!.title;

/** The "Move to…" menu by item id; the shared helper waits for the board's announcement. */
const moveItem = (page: Page, itemId: string, slot: string) => moveTo(page, title(itemId), slot);

test('a small patch starts at once wherever it sits in the slot', async ({ page }) => {
  await page.goto(`./#/s/${tutorial.id}`);
  await expect(page.getByTestId('team-streams')).toHaveText(
    /^The team works on 3 items at a time, in your order: a small item starts as soon as one of them is free, wherever it sits in its slot\./,
  );
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Start planning' }).first().click();
  await expect(page.getByRole('region', { name: 'Backlog' })).toBeVisible();
  // The tutorial shows the projected score while planning.
  for (const id of ['csv-export', 'read-replica', 'patch-login']) await moveItem(page, id, 'Q1');
  expect((await savedSlots(page, tutorial.id))[0]).toEqual([
    'csv-export',
    'read-replica',
    'patch-login',
  ]);
  const timing = card(page, 'patch-login').getByTestId('card-timing');
  await expect(timing).toContainText('Expected to start and finish early Q1.');
  const last = await projectedScore(page).textContent();

  // Move the patch to the top of Q1 with the keyboard-free route: out and back in first.
  await moveItem(page, 'patch-login', 'Q2');
  await moveItem(page, 'csv-export', 'Q2');
  await moveItem(page, 'read-replica', 'Q2');
  await moveItem(page, 'patch-login', 'Q1');
  await moveItem(page, 'csv-export', 'Q1');
  await moveItem(page, 'read-replica', 'Q1');
  expect((await savedSlots(page, tutorial.id))[0]).toEqual([
    'patch-login',
    'csv-export',
    'read-replica',
  ]);
  await expect(timing).toContainText('Expected to start and finish early Q1.');
  await expect(projectedScore(page)).toHaveText(last!);
  await expectNoAxeViolations(page);
});
