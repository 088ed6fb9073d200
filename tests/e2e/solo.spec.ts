/**
 * Quarter-by-quarter play alone, end to end: start it from the board, commit a quarter with the
 * keyboard, reload mid-game without losing it, finish the year, and read the debrief's grade of
 * each commit (axe-clean); on a phone the round panel fits the screen and stopping keeps the plan.
 */
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

import {
  column,
  commitWithKeyboard,
  expect,
  expectNoAxeViolations,
  moveTo,
  readScenario,
  savedSlots,
  test,
} from './support';

const tutorial = readScenario('tutorial');
const title = (id: string) => tutorial.items.find((i) => i.id === id)!.title;
const [Q1, Q2] = tutorial.time.labels as [string, string];
const parSlots = (tutorial as unknown as { par: { plan: { slots: string[][] } } }).par.plan.slots;

/** "Move to…" by item id, waiting for the board's announcement. */
const place = (page: Page, itemId: string, slot: string) => moveTo(page, title(itemId), slot);

test('a year played quarter by quarter alone, graded commit by commit', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`./#/s/${tutorial.id}/plan`);
  const start = page.getByRole('button', { name: 'Play quarter by quarter' });
  await start.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('round-panel');
  // The button that started the game is gone: focus lands on the round's title.
  await expect(panel.getByRole('heading', { name: `Round 1 of 2: ${Q1}` })).toBeFocused();
  await expect(panel.getByTestId('solo-note')).toContainText('Playing quarter by quarter, alone');
  // Alone there is no "par from here" to peek at while playing.
  await expect(panel.getByRole('button', { name: 'Par from here' })).toHaveCount(0);

  for (const id of parSlots[0]!) await place(page, id, Q1);
  await commitWithKeyboard(page, Q1);
  await expect(column(page, Q1).getByTestId('column-locked')).toBeVisible();

  // A reload mid-game keeps the game: Q1 played and locked, round 2 next.
  await page.reload();
  await expect(panel.getByRole('heading', { name: `Round 2 of 2: ${Q2}` })).toBeVisible({
    timeout: 30_000,
  });
  expect((await savedSlots(page, tutorial.id))[0]).toEqual(parSlots[0]);

  // Q2: only the first of par's two items.
  await place(page, parSlots[1]![0]!, Q2);
  await commitWithKeyboard(page, Q2);
  await expect(panel.getByRole('heading', { name: 'The year is played' })).toBeVisible();
  await panel.getByRole('button', { name: 'See the debrief' }).click();
  await expect(page).toHaveURL(/#\/s\/tutorial\/play$/);

  const decisions = page.getByTestId('decisions');
  await expect(decisions.getByTestId('decision-sentence')).toHaveText(
    /^(Your decisions are worth \d+\.\d against par’s \d+\.\d: \d+\.\d points lost|Every commit was as good)/,
    { timeout: 60_000 },
  );
  const rows = decisions.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  // Par's own first quarter was the best commit available then, whatever the dice did later.
  await expect(rows.nth(0).locator('th')).toHaveText(Q1);
  await expect(rows.nth(0).locator('td').nth(1)).toHaveText('Same as yours');
  await expect(rows.nth(0).locator('td').nth(2)).toHaveText('0.0');
  await expect(rows.nth(1).locator('td').nth(0)).toHaveText(title(parSlots[1]![0]!));
  await expect(rows.nth(1).locator('td').nth(2)).toHaveText(/^(0\.0|−\d+\.\d)$/);
  await expectNoAxeViolations(page, '[data-testid="decisions"]');

  // The Markdown export carries the same sentence and rows.
  const sentence = await decisions.getByTestId('decision-sentence').textContent();
  const [markdown] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  const text = await readFile(await markdown.path(), 'utf8');
  expect(text).toContain('## Decision quality');
  expect(text).toContain(sentence!);
  expect(text).toContain(`| ${Q1} | `);
  expect(text).toContain(`| ${Q2} | ${title(parSlots[1]![0]!)} | `);

  // Back on the board: the same world again (same dice), with focus on the new round.
  await page.getByRole('link', { name: 'Back to plan' }).click();
  const note = panel.getByTestId('solo-note');
  const seed = /seed (\d+)/.exec((await note.textContent()) ?? '')?.[1];
  expect(seed).toBeTruthy();
  await panel.getByRole('button', { name: 'Same world' }).click();
  await expect(panel.getByRole('heading', { name: `Round 1 of 2: ${Q1}` })).toBeFocused();
  await expect(note).toContainText(`seed ${seed} `);

  // The library lists the graded world on the scenario's card.
  await page.getByRole('link', { name: 'Scenario library' }).click();
  await expect(
    page.getByRole('article', { name: tutorial.title }).getByTestId('card-worlds'),
  ).toHaveText(/^Played quarter by quarter: 1 world · decision quality \d+\.\d \(par \d+\.\d\)$/);
});

test('on a phone the round panel fits, and stopping keeps the plan', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`./#/s/${tutorial.id}/plan`);
  await page.getByRole('button', { name: 'Play quarter by quarter' }).click();
  const panel = page.getByTestId('round-panel');
  await expect(panel.getByRole('heading', { name: `Round 1 of 2: ${Q1}` })).toBeVisible();
  await place(page, parSlots[0]![0]!, Q1);
  await commitWithKeyboard(page, Q1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await panel.getByRole('button', { name: 'Stop playing quarter by quarter' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stop playing quarter by quarter?' });
  await dialog.getByRole('button', { name: 'Stop' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Play quarter by quarter' })).toBeVisible();
  expect((await savedSlots(page, tutorial.id))[0]).toEqual([parSlots[0]![0]]);
});
