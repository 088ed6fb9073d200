import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { expect, test, type Page } from '@playwright/test';

const scenariosDir = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** Titles of every scenario file the build ships (schema.json is the JSON Schema, not a scenario). */
const shippedTitles: string[] = readdirSync(scenariosDir)
  .filter((file) => file.endsWith('.json') && file !== 'schema.json')
  .sort()
  .map((file) => {
    const data = JSON.parse(readFileSync(`${scenariosDir}${file}`, 'utf8')) as { title?: unknown };
    if (typeof data.title !== 'string') throw new Error(`scenarios/${file} has no string title`);
    return data.title;
  });

const APP_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

/** Records console errors, uncaught exceptions and any request that leaves the app's origin. */
function watch(page: Page) {
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    const local = url.origin === APP_ORIGIN || url.protocol === 'data:' || url.protocol === 'blob:';
    if (!local) foreignRequests.push(request.url());
  });
  return { consoleErrors, foreignRequests };
}

test('ships at least one scenario', () => {
  expect(shippedTitles.length).toBeGreaterThan(0);
});

test('the library lists every shipped scenario, quietly and locally', async ({ page }) => {
  const { consoleErrors, foreignRequests } = watch(page);
  await page.goto('./');

  await expect(page).toHaveTitle('Roadmap Dojo');
  await expect(page.getByRole('heading', { level: 1, name: 'Scenario library' })).toBeVisible();
  for (const title of shippedTitles) {
    await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: /could not load/i })).toHaveCount(0);
  await page.waitForLoadState('networkidle');

  expect(consoleErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
});

test('the skip link moves keyboard focus to the main content', async ({ page }) => {
  await page.goto('./');
  // Tab only once the app has rendered (with a larger bundle, `load` can come first).
  await expect(page.getByRole('heading', { level: 1, name: 'Scenario library' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skipLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('the library fits a 390 px wide phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
