/**
 * axe on the screens and states not covered by their own specs: the library (light and dark), the
 * not-found page, the board's dialogs (new variant, rename, reset, delete), the library's
 * confirmation to remove an imported scenario, the "Move to…" menu open and the storage notice.
 * Covered elsewhere: briefing (briefing.spec), board and item details (board.spec), import error
 * (import-and-storage.spec), share dialog and broken link (share.spec), debrief and compare
 * (debrief.spec), workshop and comparison (their specs), the error screen (robustness.spec).
 */
import type { Page } from '@playwright/test';

import {
  expect,
  expectNoAxeViolations,
  freeItems,
  readScenario,
  scenarioText,
  test,
} from './support';

const big = readScenario('big-customer');
const [first] = freeItems(big);

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the library has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: 'Scenario library' })).toBeVisible();
    await expect(page.getByRole('article').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test(`the not-found page has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('./#/no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test(`a board for an unknown scenario has no axe violations (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('./#/s/no-such-scenario/plan');
    await expect(
      page.getByText('There is no scenario “no-such-scenario” in the library.'),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

/** Opens a toolbar dialog by its button, checks it with axe, and closes it with Escape. */
async function checkDialog(page: Page, button: string, title: string | RegExp) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: button, exact: true })).toBeFocused();
}

/** The board of big-customer with one item planned, so every toolbar action is enabled. */
async function boardWithAPlan(page: Page) {
  await page.goto(`./#/s/${big.id}/plan`);
  await page.getByRole('button', { name: `Move to… (${first!.title})` }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await page.getByRole('menuitem', { name: big.time.labels[0]!, exact: true }).click();
  await expect(page.getByRole('menu')).toHaveCount(0);
}

// One axe scan per test: each scan takes seconds on a busy 2-core machine.
test('the board’s open Move to… menu has no axe violations', async ({ page }) => {
  await page.goto(`./#/s/${big.id}/plan`);
  await page.getByRole('button', { name: `Move to… (${first!.title})` }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expectNoAxeViolations(page);
});

for (const [button, title] of [
  ['New', 'New plan variant'],
  ['Duplicate', 'Duplicate Plan A'],
  ['Rename', 'Rename Plan A'],
  ['Reset…', 'Reset Plan A?'],
] as const) {
  test(`the board’s ${button} dialog has no axe violations`, async ({ page }) => {
    await boardWithAPlan(page);
    await checkDialog(page, button, title);
  });
}

test('the board’s Delete dialog has no axe violations', async ({ page }) => {
  await boardWithAPlan(page);
  // Delete needs a second variant.
  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Duplicate', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await checkDialog(page, 'Delete', /^Delete .+\?$/);
});

/** Imports a copy of the tutorial on the library page; returns its card. */
async function importCopy(page: Page) {
  await page.goto('./');
  const data = JSON.parse(scenarioText('tutorial')) as { id: string; title: string };
  data.id = 'tutorial-copy';
  data.title = 'Tutorial copy';
  await page.getByTestId('scenario-file-input').setInputFiles({
    name: 'copy.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(data)),
  });
  const card = page.getByRole('article', { name: 'Tutorial copy' });
  await expect(card).toBeVisible();
  return card;
}

test('an imported scenario’s card has no axe violations', async ({ page }) => {
  await importCopy(page);
  await expectNoAxeViolations(page);
});

test('removing an imported scenario asks first, without axe violations', async ({ page }) => {
  const card = await importCopy(page);
  await card.getByRole('button', { name: /^Remove/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove “Tutorial copy”?' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Remove from library' }).click();
  await expect(card).toHaveCount(0);
});

test('the storage notice has no axe violations, in dark mode too', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  await page.evaluate(() => localStorage.setItem('roadmap-dojo', 'not json'));
  await page.reload();
  await expect(page.getByText('Saved data could not be used')).toBeVisible();
  await expectNoAxeViolations(page);
});
