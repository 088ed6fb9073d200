/**
 * Decisions under uncertainty, end to end: in "Pilot before you build" a learner plays quarter by
 * quarter, runs the pilot in Q1, sees what it revealed on the optimizer's card and in the round
 * panel (and nothing of it before), re-plans, and the debrief names what that information was
 * worth. A second world with the same decisions grades the first commit the same: nothing was
 * known when it was made, whatever the dice and the hidden draw.
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

const pilot = readScenario('pilot-first');
const title = (id: string) => titleOf(pilot, id);
const [Q1, Q2, Q3, Q4] = pilot.time.labels as [string, string, string, string];
const FIRST = ['dispatch-pilot', 'patch-maps-sdk', 'crew-scheduling', 'sync-engine'];

/** The card of an item, wherever it is on the board. */
const card = (page: Page, id: string) => page.locator(`[data-item-id="${id}"]`).first();

/** Plays the year: the pilot first, then the optimizer only if it showed a hit. */
async function playYear(page: Page): Promise<{ hit: boolean; learned: string }> {
  const panel = page.getByTestId('round-panel');
  await placeIn(page, pilot, Q1, FIRST);
  // Nothing is known yet: the optimizer's value is an unknown, its draw nowhere on the page.
  await expect(card(page, 'ai-dispatch').getByText('value unknown')).toBeVisible();
  await expect(page.getByTestId('revealed')).toHaveCount(0);
  await expect(panel.getByTestId('learned')).toHaveCount(0);
  await commitWithKeyboard(page, Q1);

  // The pilot's answer: in the panel, and on the optimizer's card.
  const learned = panel.getByTestId('learned');
  await expect(learned).toContainText(
    `New: “${title('dispatch-pilot')}” in ${Q1} showed that “${title('ai-dispatch')}” would bring $`,
  );
  const revealed = card(page, 'ai-dispatch').getByTestId('revealed');
  await expect(revealed).toHaveText(
    /^Revealed: \$[\d.]+[kM] ARR \(dispatchers (adopt|override) it\)$/,
  );
  const text = (await learned.textContent()) ?? '';
  const hit = text.includes('dispatchers adopt it');
  expect(hit || text.includes('dispatchers override it')).toBe(true);

  // Re-plan with what it showed: build the optimizer on a hit, the portal on a dud.
  if (hit) await moveTo(page, title('ai-dispatch'), Q2);
  else await moveTo(page, title('customer-portal'), Q2);
  await moveTo(page, title('offline-mode'), Q3);
  await moveTo(page, title('invoice-sync'), Q4);
  for (const slot of [Q2, Q3, Q4]) await commitWithKeyboard(page, slot);
  await expect(column(page, Q4).getByTestId('column-locked')).toBeAttached();
  return { hit, learned: text };
}

test('an experiment reveals a value, the learner re-plans, and the debrief says what knowing it was worth', async ({
  page,
}) => {
  test.setTimeout(360_000);
  await startRounds(page, pilot);
  const panel = page.getByTestId('round-panel');
  // The experiment says what it tests.
  await expect(card(page, 'dispatch-pilot')).toContainText(
    `experiment: tests ${title('ai-dispatch')}`,
  );

  const first = await playYear(page);
  await expectNoAxeViolations(page, '[data-testid="round-panel"]');
  // The chips of an experiment and of a revealed value pass axe too (contrast, names).
  await expectNoAxeViolations(page, '[data-item-id="dispatch-pilot"]');
  await expectNoAxeViolations(page, '[data-item-id="ai-dispatch"]');
  await panel.getByRole('button', { name: 'See the debrief' }).click();

  const decisions = page.getByTestId('decisions');
  await expect(decisions.getByTestId('decision-sentence')).toBeVisible({ timeout: 120_000 });
  const lesson = decisions.getByTestId('decisions-learned');
  await expect(lesson).toContainText(
    `“${title('dispatch-pilot')}” in ${Q1} showed that “${title('ai-dispatch')}” would bring $`,
  );
  await expect(lesson).toContainText(
    /What you learned in Q1 (was worth \+\d+\.\d points: the best plan from there with it scores \d+\.\d, the plan you would have made without it \d+\.\d|changed no decision|changed what comes next but not the score)/,
  );
  const rows = decisions.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  // Running the pilot first was the best commit available with nothing known.
  await expect(rows.nth(0).locator('td').nth(1)).toHaveText('Same as yours');
  await expect(rows.nth(0).locator('td').nth(2)).toHaveText('0.0');
  await expectNoAxeViolations(page, '[data-testid="decisions"]');
  // After the year, the world's hidden values are told, with how the year revealed them.
  const hidden = page.getByTestId('hidden-values');
  await expect(hidden).toContainText(`“${title('ai-dispatch')}” was worth $`);
  await expect(hidden).toContainText(`“${title('dispatch-pilot')}” revealed it in ${Q1}.`);
  await expectNoAxeViolations(page, '[data-testid="hidden-values"]');

  // Another world, the same decisions: the first commit's grade does not move.
  await page.getByRole('link', { name: 'Back to plan' }).click();
  await panel.getByRole('button', { name: 'New world' }).click();
  await expect(panel.getByRole('heading', { name: `Round 1 of 4: ${Q1}` })).toBeVisible();
  // The plan kept the played year: clear the later slots first (the first slot is re-used).
  await clearSlots(
    page,
    pilot,
    [Q2, Q3, Q4],
    ['ai-dispatch', 'customer-portal', 'offline-mode', 'invoice-sync'],
  );
  await playYear(page);
  await panel.getByRole('button', { name: 'See the debrief' }).click();
  await expect(decisions.getByTestId('decision-sentence')).toBeVisible({ timeout: 120_000 });
  await expect(rows.nth(0).locator('td').nth(1)).toHaveText('Same as yours');
  await expect(rows.nth(0).locator('td').nth(2)).toHaveText('0.0');
  expect(first.learned.length).toBeGreaterThan(0);
});

test('on a phone the revealed value and what the panel learned fit the screen', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await startRounds(page, pilot);
  await placeIn(page, pilot, Q1, FIRST);
  await commitWithKeyboard(page, Q1);
  const learned = page.getByTestId('learned');
  await expect(learned).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await learned.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
});
