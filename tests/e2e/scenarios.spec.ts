/**
 * Every shipped scenario opens: its briefing renders its title, stakeholders and scoring without
 * console errors (the support fixture fails the test on any), and its board lists every visible
 * item. Scenario files are read from disk, so a new file is covered automatically.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { expect, readScenario, test } from './support';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const ids = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

for (const id of ids) {
  test(`the ${id} briefing and board open without errors`, async ({ page }) => {
    const scenario = readScenario(id);
    await page.goto(`./#/s/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: scenario.title })).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 2, name: 'How the plan is scored' }),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Start planning' }).first().click();
    await expect(page.getByRole('region', { name: 'Backlog' })).toBeVisible();
    const visible = scenario.items.filter((item) => !item.injected);
    await expect(page.locator('[data-item-id]')).toHaveCount(visible.length);
  });
}
