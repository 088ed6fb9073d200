/**
 * A keyboard-only journey, library to debrief: only Tab, Enter, Space and the arrow keys — no
 * mouse, no programmatic focus. Open a scenario, start planning, place one item by a keyboard drag
 * and another by the "Move to…" menu, play the year and reach the debrief's score. Along the way
 * focus must be visible and land somewhere sensible (the new page's heading after navigating,
 * after a move the next card of the backlog, where the learner works).
 */
import type { Locator, Page } from '@playwright/test';

import {
  card,
  column,
  boardAnnouncer,
  dragKeysListening,
  expect,
  readScenario,
  test,
} from './support';

const tutorial = readScenario('tutorial');
const [Q1, Q2] = tutorial.time.labels as [string, string];
const [dragged, moved, third] = tutorial.items.filter((i) => !i.injected);

/** Presses Tab (Shift+Tab when `back`) until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { max = 120, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

/** The focused element shows a visible focus indicator (`:focus-visible` with an outline or ring). */
async function expectFocusVisible(page: Page) {
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    // The ring may be drawn by the element or by a pseudo-element (a card link rings its card).
    const drawn = [null, '::before', '::after'].some((pseudo) => {
      const style = getComputedStyle(el, pseudo);
      return (
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== 'none'
      );
    });
    return { focusVisible: el.matches(':focus-visible'), drawn };
  });
  expect(ring, 'something has focus').not.toBeNull();
  expect(ring!.focusVisible, 'focus is :focus-visible').toBe(true);
  expect(ring!.drawn, 'focus has an outline or a ring').toBe(true);
}

test('library to debrief with the keyboard alone', async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Scenario library' })).toBeVisible();

  // The library: the first Tab reaches the skip link; then on to the tutorial's card.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await expectFocusVisible(page);
  const cardLink = page
    .getByRole('article', { name: tutorial.title })
    .getByRole('link', { name: tutorial.title });
  await tabTo(page, cardLink);
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');

  // The briefing: its heading takes focus, so a screen reader hears the new page.
  await expect(page.getByRole('heading', { level: 1, name: tutorial.title })).toBeFocused();
  await tabTo(page, page.getByRole('link', { name: 'Start planning' }).first());
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');

  // The board.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`#/s/${tutorial.id}/plan$`));

  // 1. A keyboard drag: Space on the grip, arrows to Q1, Space to drop.
  const grip = card(page, dragged!.id).locator('.drag-handle');
  await tabTo(page, grip);
  await expectFocusVisible(page);
  await page.keyboard.press('Space');
  await expect(grip).toHaveAttribute('aria-pressed', 'true');
  await dragKeysListening(page);
  await page.keyboard.press('ArrowRight');
  await expect(boardAnnouncer(page)).toHaveText(new RegExp(`is over ${Q1}, position 1 of 1`));
  await page.keyboard.press('Space');
  await expect(boardAnnouncer(page)).toHaveText(
    new RegExp(`^${dragged!.title} moved to ${Q1}, position 1 of 1`),
  );
  await expect(column(page, Q1).locator(`[data-item-id="${dragged!.id}"]`)).toBeVisible();
  // Focus stays in the backlog, on the card that took the dragged one's place.
  await expect(card(page, moved!.id).locator('.drag-handle')).toBeFocused();

  // 2. The "Move to…" menu: Enter opens it, arrows pick Q2, Enter places the card.
  const moveButton = page.getByRole('button', { name: `Move to… (${moved!.title})` });
  await tabTo(page, moveButton);
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  const q2 = menu.getByRole('menuitem', { name: Q2, exact: true });
  // Opening the menu moves focus to its first item.
  await expect(menu.locator('[role="menuitem"]:focus')).toHaveCount(1);
  for (let i = 0; i < 10 && !(await q2.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown');
  await expect(q2).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(column(page, Q2).locator(`[data-item-id="${moved!.id}"]`)).toBeVisible();
  await expect(card(page, third!.id).locator('[data-move-button]')).toBeFocused();

  // 3. Play the year: the toolbar link sits before the board, so go back with Shift+Tab.
  const play = page.getByRole('link', { name: 'Play the year' });
  await tabTo(page, play, { back: true });
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');

  // The reveal waits under reduced motion: Tab to "Skip to the debrief" and press Space.
  const skip = page.getByRole('button', { name: 'Skip to the debrief' });
  await expect(skip).toBeVisible({ timeout: 30_000 });
  await tabTo(page, skip);
  await expectFocusVisible(page);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('debrief-score')).toHaveText(/^\d+\.\d$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Result', level: 2 })).toBeFocused();
});
