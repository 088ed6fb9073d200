/**
 * Robustness in the browser: huge files are refused with a message while the app keeps working
 * and the plan in progress is untouched; a screen that cannot load (its code fails to download,
 * as after a redeploy or on a flaky connection) shows the error screen with a way back, and the
 * saved plan survives it.
 */
import { test as base, type Page } from '@playwright/test';

import {
  column,
  columnLoad,
  expect,
  expectNoAxeViolations,
  freeItems,
  readScenario,
  scenarioText,
  test,
} from './support';

const big = readScenario('big-customer');
const Q2 = big.time.labels[1]!;
const [first] = freeItems(big);

/** Puts one item in Q2 through "Move to…"; returns Q2's load text. */
async function planOneItem(page: Page): Promise<string> {
  await page.goto(`./#/s/${big.id}/plan`);
  await page.getByRole('button', { name: `Move to… (${first!.title})` }).click();
  await page.getByRole('menuitem', { name: Q2, exact: true }).click();
  await expect(column(page, Q2).locator(`[data-item-id="${first!.id}"]`)).toBeVisible();
  return (await columnLoad(page, Q2).textContent()) ?? '';
}

/** Picks `buffer` in the library's import input and returns how long until the alert showed. */
async function importInLibrary(page: Page, name: string, buffer: Buffer): Promise<number> {
  await page.getByRole('link', { name: 'Scenario library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scenario library' })).toBeVisible();
  const started = Date.now();
  await page
    .getByTestId('scenario-file-input')
    .setInputFiles({ name, mimeType: 'application/json', buffer });
  await expect(page.getByRole('alert')).toContainText(`Could not import ${name}`);
  return Date.now() - started;
}

/** The board still works: the plan is as it was and another move lands. */
async function expectPlanIntact(page: Page, load: string) {
  await page.getByRole('link', { name: 'Continue planning' }).click();
  await expect(column(page, Q2).locator(`[data-item-id="${first!.id}"]`)).toBeVisible();
  await expect(columnLoad(page, Q2)).toHaveText(load);
}

test('a 5 MB scenario file is refused with a message, and the app and the plan carry on', async ({
  page,
}) => {
  const load = await planOneItem(page);
  const data = JSON.parse(scenarioText('tutorial')) as Record<string, unknown>;
  data.id = 'huge';
  data.description = 'x'.repeat(5_000_000);
  const ms = await importInLibrary(page, 'huge.json', Buffer.from(JSON.stringify(data)));

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('is too large (5.0 MB); a scenario file is at most 2.0 MB');
  console.log(`refused a 5 MB scenario file in ${ms} ms (pick to message)`);
  await expect(page.getByRole('article', { name: /huge/i })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await expectPlanIntact(page, load);
});

test('a 10,000-item scenario file is refused with a message, and the app and the plan carry on', async ({
  page,
}) => {
  const load = await planOneItem(page);
  const data = JSON.parse(scenarioText('tutorial')) as Record<string, unknown>;
  data.id = 'many-items';
  data.items = Array.from({ length: 10_000 }, (_, i) => ({
    id: `item-${i}`,
    title: `Item ${i}`,
    type: 'feature',
    effort: 1,
  }));
  const ms = await importInLibrary(page, 'many.json', Buffer.from(JSON.stringify(data)));

  await expect(page.getByRole('alert')).toContainText('has 10000 entries; a scenario has at most');
  console.log(`refused a 10,000-item scenario file in ${ms} ms (pick to message)`);
  await expectPlanIntact(page, load);
});

// The error screen needs a real failure: the board's code failing to download. The service worker
// is blocked so that every request goes through the test's routing.
const failing = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    await provide(errors);
  },
});
failing.use({ serviceWorkers: 'block' });

failing(
  'a screen whose code cannot be downloaded shows the error screen; the saved plan survives and Reload recovers',
  async ({ page, consoleErrors }) => {
    const load = await planOneItem(page);
    const saved = await page.evaluate(() => localStorage.getItem('roadmap-dojo'));
    expect(saved).toContain(first!.id);

    // The debrief's code fails to download.
    await page.route(/\/assets\/DebriefPage-[^/]*\.js$/, (route) => route.abort('failed'));
    await page.getByRole('link', { name: 'Play the year' }).click();

    const heading = page.getByRole('heading', { level: 1, name: 'This screen could not be shown' });
    await expect(heading).toBeVisible();
    await expect(heading).toBeFocused();
    await expect(page.getByText(/have not been changed/)).toBeVisible();
    await page.getByText('What went wrong (technical details)').click();
    await expect(page.locator('.screen-error-message')).toContainText(
      /dynamically imported module/i,
    );
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => localStorage.getItem('roadmap-dojo'))).toBe(saved);

    // Back to the plan: the board (already loaded) works and the plan is as it was.
    await page.getByRole('link', { name: 'Back to your plan' }).click();
    await expect(page).toHaveURL(new RegExp(`#/s/${big.id}/plan$`));
    await expect(column(page, Q2).locator(`[data-item-id="${first!.id}"]`)).toBeVisible();
    await expect(columnLoad(page, Q2)).toHaveText(load);

    // Once the code can be downloaded again, Reload on the error screen recovers.
    await page.getByRole('link', { name: 'Play the year' }).click();
    await expect(heading).toBeVisible();
    await page.unroute(/\/assets\/DebriefPage-[^/]*\.js$/);
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(heading).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/./);
    expect(await page.evaluate(() => localStorage.getItem('roadmap-dojo'))).toContain(first!.id);

    // The only console errors are the failed download and React's report of the caught error.
    for (const error of consoleErrors)
      expect(error).toMatch(/DebriefPage|dynamically imported module|Failed to load resource/i);
  },
);
