/**
 * A hidden size, end to end: in "Spike before you build" a learner plays quarter by quarter, runs
 * the ledger spike in Q1, sees on multi-currency billing's card how big it really is (and nothing
 * of it before), re-plans around it, and the debrief names what knowing it was worth and what the
 * world drew. A second world with the same first commit grades it the same.
 */
import type { Page } from '@playwright/test';

import {
  clearSlots,
  column,
  commitWithKeyboard,
  expect,
  expectNoAxeViolations,
  moveTo,
  placeIn,
  readScenario,
  startRounds,
  test,
  titleOf,
} from './support';

const spike = readScenario('spike-first');
const title = (id: string) => titleOf(spike, id);
const [Q1, Q2, Q3, Q4] = spike.time.labels as [string, string, string, string];
const FIRST = ['ledger-spike', 'rev-rec', 'invoice-run-queue', 'patch-pdf-lib'];
const LATER = ['multi-currency', 'smart-dunning', 'salesforce-sync', 'invoice-portal'];
const SIZE =
  /^Revealed: (4|40) points \((currency is only formatting|the ledger assumes dollars)\)$/;

const card = (page: Page, id: string) => page.locator(`[data-item-id="${id}"]`).first();

/** Plays the year: the spike first, then multi-currency only if it turned out small. */
async function playYear(page: Page): Promise<{ small: boolean }> {
  const panel = page.getByTestId('round-panel');
  await placeIn(page, spike, Q1, FIRST);
  // Nothing is known yet: the card shows the estimate and says the size is unknown.
  const big = card(page, 'multi-currency');
  await expect(big.getByText('size unknown')).toBeVisible();
  await expect(big.locator('.card-effort')).toHaveText('22 pts');
  await expect(page.getByTestId('revealed')).toHaveCount(0);
  await commitWithKeyboard(page, Q1);

  // The spike's answer: in the panel, and on the card, whose size is now the true one.
  await expect(panel.getByTestId('learned')).toContainText(
    `New: “${title('ledger-spike')}” in ${Q1} showed that “${title('multi-currency')}” is `,
  );
  const revealed = big.getByTestId('revealed');
  await expect(revealed).toHaveText(SIZE);
  const small = ((await revealed.textContent()) ?? '').includes('4 points');
  await expect(big.locator('.card-effort')).toHaveText(small ? '4 pts' : '40 pts');

  // Re-plan with what it showed: build it in Q2 when small, leave it out when large.
  if (small) {
    await moveTo(page, title('multi-currency'), Q2);
    await moveTo(page, title('smart-dunning'), Q3);
    await moveTo(page, title('salesforce-sync'), Q4);
  } else {
    await moveTo(page, title('smart-dunning'), Q2);
    await moveTo(page, title('salesforce-sync'), Q3);
    await moveTo(page, title('invoice-portal'), Q4);
  }
  for (const slot of [Q2, Q3, Q4]) await commitWithKeyboard(page, slot);
  await expect(column(page, Q4).getByTestId('column-locked')).toBeAttached();
  return { small };
}

test('a spike reveals a size, the learner re-plans, and the debrief says what knowing it was worth', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await startRounds(page, spike);
  const panel = page.getByTestId('round-panel');
  await expect(card(page, 'ledger-spike')).toContainText(
    `experiment: tests ${title('multi-currency')}`,
  );

  const { small } = await playYear(page);
  await expectNoAxeViolations(page, '[data-item-id="multi-currency"]');
  await expectNoAxeViolations(page, '[data-testid="round-panel"]');
  await panel.getByRole('button', { name: 'See the debrief' }).click();

  const decisions = page.getByTestId('decisions');
  await expect(decisions.getByTestId('decision-sentence')).toBeVisible({ timeout: 150_000 });
  const lesson = decisions.getByTestId('decisions-learned');
  await expect(lesson).toContainText(
    `“${title('ledger-spike')}” in ${Q1} showed that “${title('multi-currency')}” is ${small ? 4 : 40} points`,
  );
  await expect(lesson).toContainText(
    /What you learned in Q1 (was worth \+\d+\.\d points: the best plan from there with it scores \d+\.\d, the plan you would have made without it \d+\.\d|changed no decision|changed what comes next but not the score)/,
  );
  const rows = decisions.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  const firstLost = await rows.nth(0).locator('td').nth(2).textContent();
  await expectNoAxeViolations(page, '[data-testid="decisions"]');
  // After the year, the world's hidden sizes are told, with how the year revealed them.
  const hidden = page.getByTestId('hidden-values');
  await expect(hidden).toContainText(
    `“${title('multi-currency')}” was ${small ? 4 : 40} points of work in this world`,
  );
  await expect(hidden).toContainText(`“${title('ledger-spike')}” revealed it in ${Q1}.`);

  // Another world, the same first commit: its grade does not move (nothing was known yet).
  await page.getByRole('link', { name: 'Back to plan' }).click();
  await panel.getByRole('button', { name: 'New world' }).click();
  await expect(panel.getByRole('heading', { name: `Round 1 of 4: ${Q1}` })).toBeVisible();
  await clearSlots(page, spike, [Q2, Q3, Q4], LATER);
  await playYear(page);
  await panel.getByRole('button', { name: 'See the debrief' }).click();
  await expect(decisions.getByTestId('decision-sentence')).toBeVisible({ timeout: 150_000 });
  await expect(rows.nth(0).locator('td').nth(2)).toHaveText(firstLost ?? '');
});
