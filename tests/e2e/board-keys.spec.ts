/**
 * The board by keyboard: six items placed in at most 40 keystrokes (counted), with the skip link,
 * a keyboard drag, number keys and the "Move to…" menu; after each move focus stays where the
 * learner works (the next backlog card) and the announcement names the item; Undo and Redo keep
 * focus when they stop applying; arrows jump between the backlog and the slots; `?` lists the
 * shortcuts.
 */
import type { Page } from '@playwright/test';

import {
  card,
  column,
  boardAnnouncer,
  dragKeysListening,
  expect,
  expectNoAxeViolations,
  readScenario,
  savedSlots,
  test,
} from './support';

const big = readScenario('big-customer');
const [Q1, Q2, Q3, Q4] = big.time.labels as [string, string, string, string];
const board = `./#/s/${big.id}/plan`;
const titleOf = (id: string) => big.items.find((i) => i.id === id)?.title ?? id;

/** The backlog's item ids as shown, in order. */
async function backlogIds(page: Page): Promise<string[]> {
  return column(page, 'Backlog')
    .locator('li[data-item-id]')
    .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.itemId ?? ''));
}

const announcer = boardAnnouncer;

test('six items placed with the keyboard in at most 40 keystrokes, focus staying in the backlog', async ({
  page,
}) => {
  let keystrokes = 0;
  const press = async (key: string) => {
    keystrokes++;
    await page.keyboard.press(key);
  };
  await page.goto(board);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(big.title, {
    timeout: 30_000,
  });
  const order = await backlogIds(page);
  const [a, b, c, d, e, f] = order as [string, string, string, string, string, string];
  const grip = (id: string) => card(page, id).locator('.drag-handle');

  // The first Tab offers the board; Enter lands on the backlog's first card.
  await press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the board' })).toBeFocused();
  await press('Enter');
  await expect(grip(a)).toBeFocused();

  // 1. A keyboard drag: pick up (the item is named), one column right, drop.
  await press('Space');
  await expect(boardAnnouncer(page)).toHaveText(
    new RegExp(`^Picked up ${titleOf(a)} from the backlog`),
  );
  await dragKeysListening(page);
  await press('ArrowRight');
  await expect(boardAnnouncer(page)).toHaveText(new RegExp(`^${titleOf(a)} is over ${Q1}`));
  await press('Space');
  await expect(boardAnnouncer(page)).toHaveText(new RegExp(`^${titleOf(a)} moved to ${Q1}`));
  await expect(grip(b)).toBeFocused();

  // 2–5. Number keys: each sends the focused card to that slot; focus moves to the next one.
  for (const [id, key, slot, next] of [
    [b, '1', Q1, c],
    [c, '2', Q2, d],
    [d, '2', Q2, e],
    [e, '3', Q3, f],
  ] as const) {
    await press(key);
    await expect(announcer(page)).toHaveText(new RegExp(`^${titleOf(id)} moved to ${slot}`));
    await expect(grip(next)).toBeFocused();
  }

  // 6. The "Move to…" menu: Tab to it, open it, End for the last slot, Enter.
  await press('Tab');
  await press('Tab');
  await expect(card(page, f).locator('[data-move-button]')).toBeFocused();
  await press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await press('End');
  await expect(page.getByRole('menuitem', { name: Q4, exact: true })).toBeFocused();
  await press('Enter');
  await expect(announcer(page)).toHaveText(new RegExp(`^${titleOf(f)} moved to ${Q4}`));
  await expect(card(page, order[6]!).locator('[data-move-button]')).toBeFocused();

  await expect.poll(() => savedSlots(page, big.id)).toEqual([[a, b], [c, d], [e], [f]]);
  expect(keystrokes).toBeLessThanOrEqual(40);
});

test('Undo and Redo keep focus when they stop applying, and say what they changed', async ({
  page,
}) => {
  await page.goto(board);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(big.title, {
    timeout: 30_000,
  });
  const [a, b] = await backlogIds(page);
  await card(page, a!).locator('.drag-handle').focus();
  await page.keyboard.press('1');
  await expect(card(page, b!).locator('.drag-handle')).toBeFocused();
  await page.keyboard.press('2');
  await expect.poll(() => savedSlots(page, big.id)).toEqual([[a], [b], [], []]);

  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect(announcer(page)).toHaveText(
    `Undone: ${titleOf(b!)} back to the backlog. 1 items planned.`,
  );
  await page.keyboard.press('Enter');
  await expect(announcer(page)).toHaveText(
    `Undone: ${titleOf(a!)} back to the backlog. 0 items planned.`,
  );
  await expect(undo).toBeDisabled();
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(undo).toBeFocused();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);

  await redo.focus();
  await page.keyboard.press('Enter');
  await expect(announcer(page)).toHaveText(
    new RegExp(`^Redone: ${titleOf(a!)} to ${Q1}, position 1 of 1\\. 1 items planned\\.`),
  );
  await page.keyboard.press('Enter');
  await expect(announcer(page)).toHaveText(
    new RegExp(`^Redone: ${titleOf(b!)} to ${Q2}, position 1 of 1\\. 2 items planned\\.`),
  );
  await expect(redo).toBeDisabled();
  await expect(redo).toBeFocused();
  await expect.poll(() => savedSlots(page, big.id)).toEqual([[a], [b], [], []]);
});

test('arrow keys jump between the backlog and the slots; ? lists every shortcut', async ({
  page,
}) => {
  await page.goto(board);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(big.title, {
    timeout: 30_000,
  });
  const [a, b] = await backlogIds(page);
  const grip = (id: string) => card(page, id).locator('.drag-handle');
  await grip(a!).focus();
  await page.keyboard.press('1');
  await expect(grip(b!)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(column(page, Q1).locator('.drag-handle').first()).toBeFocused();
  await expect(grip(a!)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(column(page, Q2).getByText('Nothing planned here yet')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(grip(b!)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(column(page, 'Backlog').locator('.drag-handle').nth(1)).toBeFocused();

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`1 is ${Q1}, 4 is ${Q4}`);
  await expect(dialog).toContainText('Move the card back to the backlog');
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(column(page, 'Backlog').locator('.drag-handle').nth(1)).toBeFocused();
  void Q3;
});
