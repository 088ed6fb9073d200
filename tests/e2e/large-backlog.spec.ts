/**
 * A team's own backlog at the size limit: 150 items over 26 sprints, imported as a file (no baked
 * par), planned on the board, played and debriefed — par is searched in the worker with its
 * budget scaled to the plan space, and the moves toward par try only the edits toward it.
 */
import { largeBacklogText } from '../../scripts/quality/largeBacklog';
import { expect, expectNoAxeViolations, test } from './support';

const text = largeBacklogText(150, 26);
const scenario = JSON.parse(text) as { id: string; items: { id: string; title: string }[] };

test('a 150-item, 26-sprint backlog imports, plays and reaches a debrief with moves toward par', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await page.getByTestId('scenario-file-input').setInputFiles({
    name: 'our-backlog.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page.getByText('Imported “A year of sprints: 150 items”')).toBeVisible();

  await page.goto(`./#/s/${scenario.id}/plan`);
  await expect(page.getByTestId('planned-count')).toContainText('0 of 150 planned');
  await expect(page.getByRole('heading', { name: 'Sprint 26' })).toBeAttached();
  // The board scrolls inside itself: the page is no wider than the window.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(1280);

  for (const [index, item] of scenario.items.slice(0, 4).entries()) {
    const sprint = `Sprint ${index + 1}`;
    await page.getByRole('button', { name: `Move to… (${item.title})` }).click();
    await page.getByRole('menuitem', { name: sprint, exact: true }).click();
    await expect(page.locator('#board-announcer')).toContainText(
      `${item.title} moved to ${sprint}`,
    );
  }
  await expect(page.getByTestId('planned-count')).toContainText('4 of 150 planned');
  await expectNoAxeViolations(page, '.board-page');

  await page.getByRole('link', { name: 'Play the year' }).click();
  await page.getByRole('button', { name: 'Skip to the debrief' }).click();
  await expect(page.getByTestId('debrief-score')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('debrief-par-score')).toHaveText(/^par \d+\.\d$/, {
    timeout: 60_000,
  });
  const score = Number(await page.getByTestId('debrief-score').textContent());
  const par = Number((await page.getByTestId('debrief-par-score').textContent())!.slice(4));
  expect(par).toBeGreaterThan(score);
  const steps = page.getByTestId('move-path').getByRole('listitem');
  await expect(steps.first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.path-section')).toContainText(/\+\d+\.\d points/);
});
