/**
 * Slicing a feature, end to end, in "Ship the thin slice first": the marketplace's card offers
 * Split, which plans its swap MVP just before it (the card becomes the rest, with the rest's
 * points); Merge takes the MVP back out; an MVP planned after the feature warns on its card; the
 * debrief of a whole-marketplace plan explains what par's slice was worth. With the keyboard only
 * (the "Move to…" menu), axe clean, and at phone width.
 */
import type { Page } from '@playwright/test';

import {
  boardAnnouncer,
  card,
  expect,
  expectNoAxeViolations,
  moveTo,
  readScenario,
  replaceSavedSlots,
  savedSlots,
  test,
} from './support';

const shop = readScenario('slice-first');
const title = (id: string) => shop.items.find((i) => i.id === id)!.title;
const [Q1, Q2] = shop.time.labels as [string, string];
const WHOLE = title('shift-marketplace');
const MVP = title('swap-mvp');

/** Opens a card's "Move to…" menu with the keyboard and picks `choice`. */
async function menuChoice(page: Page, cardTitle: string, choice: RegExp) {
  const button = page.getByRole('button', { name: `Move to… (${cardTitle})`, exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  const item = page.getByRole('menu').getByRole('menuitem', { name: choice });
  await expect(item).toBeVisible();
  await item.focus();
  await page.keyboard.press('Enter');
}

test('Split plans the MVP before its feature, and Merge takes it out', async ({ page }) => {
  await page.goto(`./#/s/${shop.id}/plan`);
  await moveTo(page, WHOLE, Q2);
  const whole = card(page, 'shift-marketplace');
  await expect(whole.locator('.chip-slice')).toContainText(`can be split: ${MVP}`);
  await expect(whole.locator('.card-effort')).toHaveText('24 pts');

  await menuChoice(page, WHOLE, new RegExp(`^Split: plan ${escape(MVP)} first$`));
  await expect(boardAnnouncer(page)).toContainText(
    `Split “${WHOLE}”: “${MVP}” is planned just before it, in ${Q2}, position 1 of 2, with 60% of the value; “${WHOLE}” is now the rest (16.7 points).`,
  );
  // 24 × (1 − 7.67 / 25.33): the mean efforts of the estimates (6, 7, 10) and (20, 24, 32).
  await expect(whole.locator('.card-effort')).toHaveText('16.7 pts');
  await expect(whole.locator('.chip-slice')).toContainText(`the rest, after ${MVP}`);
  await expect(card(page, 'swap-mvp').locator('.chip-slice')).toContainText(`MVP of ${WHOLE}`);
  await expect
    .poll(() => savedSlots(page, shop.id))
    .toEqual([[], ['swap-mvp', 'shift-marketplace'], [], []]);
  await expectNoAxeViolations(page);

  // The details say what the split does.
  await page.getByRole('button', { name: WHOLE, exact: true }).click();
  await expect(page.getByTestId('slice-details')).toContainText(
    `Split: “${MVP}” comes first with 60% of the value; “${WHOLE}” is the rest, 16.7 of its 24 points and 40% of its value.`,
  );
  await page.keyboard.press('Escape');

  await menuChoice(page, MVP, new RegExp(`^Merge back into ${escape(WHOLE)}$`));
  await expect(boardAnnouncer(page)).toContainText(
    `Merged: “${MVP}” is back in the backlog and “${WHOLE}” is whole again.`,
  );
  await expect(whole.locator('.card-effort')).toHaveText('24 pts');
  await expect.poll(() => savedSlots(page, shop.id)).toEqual([[], ['shift-marketplace'], [], []]);
});

test('an MVP planned after its feature warns on its card', async ({ page }) => {
  await page.goto(`./#/s/${shop.id}/plan`);
  await moveTo(page, WHOLE, Q1);
  await moveTo(page, MVP, Q2);
  const chip = card(page, 'swap-mvp').locator('.chip-slice');
  await expect(chip).toHaveClass(/is-at-risk/);
  await expect(chip).toContainText('planned after its feature: it brings nothing');
  await expect(page.getByText(`“${MVP}” is planned after “${WHOLE}”, which covers it`)).toHaveCount(
    1,
  );
  // Split from the feature's menu moves the MVP before it, and the warning goes.
  await menuChoice(page, WHOLE, /^Split: /);
  await expect(chip).not.toHaveClass(/is-at-risk/);
  await expect
    .poll(() => savedSlots(page, shop.id))
    .toEqual([['swap-mvp', 'shift-marketplace'], [], [], []]);
});

test('the debrief says what par’s slice was worth to a plan that built the feature whole', async ({
  page,
}) => {
  // Par's plan with the whole marketplace where par has its swap slice (Q1).
  const whole = shop.par!.plan.slots.map((ids) =>
    ids.map((id) => (id === 'swap-mvp' ? 'shift-marketplace' : id)),
  );
  await page.goto(`./#/s/${shop.id}/plan`);
  await moveTo(page, WHOLE, Q1);
  await expect.poll(() => savedSlots(page, shop.id)).toContainEqual(['shift-marketplace']);
  await replaceSavedSlots(page, shop.id, whole);
  await page.reload();
  await expect(card(page, 'shift-marketplace')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Play the year' }).click();
  await page.getByRole('button', { name: 'Skip to the debrief' }).click();
  const causes = page.getByTestId('causes');
  await expect(causes).toContainText(`Par slices ${WHOLE}, shipping ${MVP} in ${Q1}.`, {
    timeout: 30_000,
  });
  await expect(causes).toContainText(
    `Planned before ${WHOLE}, ${MVP} would ship late ${Q2} with 60% of ${WHOLE}’s value`,
  );
  await expect(causes.locator('.tag', { hasText: 'Slicing' })).toHaveCount(1);
  await expectNoAxeViolations(page, '[data-testid="causes"]');
});

test.describe('at phone width', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('Split works from a slot tab', async ({ page }) => {
    await page.goto(`./#/s/${shop.id}/plan`);
    await moveTo(page, WHOLE, Q2);
    await page.getByRole('tab', { name: new RegExp(`^${Q2}`) }).click();
    await menuChoice(page, WHOLE, /^Split: /);
    await expect(card(page, 'swap-mvp')).toBeVisible();
    await expect(card(page, 'shift-marketplace').locator('.card-effort')).toHaveText('16.7 pts');
    await expectNoAxeViolations(page);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
