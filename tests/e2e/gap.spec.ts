/**
 * "Where the gap is" on the debrief: one row per metric from your score to par's, adding up to the
 * gap the result states, with the figure behind each agreeing with the rest of the page; readable
 * at 390 px and by axe.
 */
import type { Page } from '@playwright/test';

import { expect, expectNoAxeViolations, moveTo, readScenario, test } from './support';

const tutorial = readScenario('tutorial');
const title = (id: string) => tutorial.items.find((i) => i.id === id)!.title;

/** A plan with a clear gap: a feature first, the CVE patch and the replica left out. */
async function playGappedPlan(page: Page) {
  await page.goto(`./#/s/${tutorial.id}/plan`);
  await moveTo(page, title('team-calendars'), 'Q1');
  await moveTo(page, title('dark-mode'), 'Q2');
  await page.getByRole('link', { name: 'Play the year' }).click();
  await page.getByRole('button', { name: 'Skip to the debrief' }).click();
  await expect(page.getByTestId('debrief-score')).toBeVisible({ timeout: 30_000 });
}

/** "12.3 points behind par" → 12.3; "ahead of par" → negative; "even with par" → 0. */
function pointsOf(sentence: string): number {
  const m = /: ([\d.]+) points (behind|ahead of) /.exec(sentence);
  if (!m) {
    expect(sentence).toContain('even with par');
    return 0;
  }
  return (m[2] === 'behind' ? 1 : -1) * Number(m[1]);
}

test('the gap by metric adds up to the gap the result states, and agrees with the page', async ({
  page,
}) => {
  await playGappedPlan(page);
  const score = Number(await page.getByTestId('debrief-score').textContent());
  const parText = await page.getByTestId('debrief-par-score').textContent();
  expect(parText).toMatch(/^par \d+\.\d$/);
  const par = Number(parText?.replace('par ', ''));

  const section = page.getByRole('region', { name: 'Where the gap is' });
  await expect(section).toContainText(
    `Par scores ${((Math.round(par * 10) - Math.round(score * 10)) / 10).toFixed(1)} points more than your plan (${par.toFixed(1)} against ${score.toFixed(1)})`,
  );
  const rows = await section.getByTestId('gap-by-metric').getByRole('listitem').allTextContents();
  expect(rows.length).toBeGreaterThanOrEqual(4);
  // The rows' points add up to the gap as printed (each to a tenth).
  const tenths = rows.map((r) => Math.round(pointsOf(r) * 10));
  expect(tenths.reduce((a, b) => a + b, 0)).toBe(Math.round((par - score) * 10));
  expect(tenths.some((t) => t > 0)).toBe(true);

  // Capacity health is reported under the charts but not scored (engine 2 prices the debt left in
  // net value): no gap row names it, and the line under the charts says why.
  expect(rows.some((r) => r.startsWith('Capacity health'))).toBe(false);
  expect(rows.some((r) => r.startsWith('Net value'))).toBe(true);
  await expect(page.locator('.debrief-body')).toContainText(
    /\d+% of capacity free of debt drag \(par \d+%\)\. It is not scored on its own/,
  );

  await expect(section.locator('.chart-placeholder')).toHaveCount(0, { timeout: 30_000 });
  await expect(section.locator('.chart-plot svg')).toBeVisible();
  await expectNoAxeViolations(page, '.gap-section');
  await expectNoAxeViolations(page, '.path-section');
});

test('at 390 px the gap section fits without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await playGappedPlan(page);
  const section = page.getByRole('region', { name: 'Where the gap is' });
  await section.scrollIntoViewIfNeeded();
  await expect(section.locator('.chart-plot svg')).toBeVisible({ timeout: 30_000 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  const box = (await section.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
});

test('moves toward par: each step with its points, and "Try this" opens it on the board with that score', async ({
  page,
}) => {
  await playGappedPlan(page);
  const section = page.getByRole('region', { name: 'Moves toward par' });
  const steps = section.getByTestId('move-path').getByRole('listitem');
  await expect(steps.first()).toBeVisible();
  const count = await steps.count();
  expect(count).toBeGreaterThanOrEqual(2);
  expect(count).toBeLessThanOrEqual(8);
  // The summary's start and end are the first step's "before" and the last step's "after".
  const summary = (await section.getByTestId('path-summary').textContent())!;
  const [, from, to] = /from (\d+\.\d) to (\d+\.\d)/.exec(summary)!;
  const score = Number(await page.getByTestId('debrief-score').textContent());
  expect(Number(from)).toBe(score);
  const last = steps.nth(count - 1);
  await expect(last).toContainText(`→ ${to}.`);
  await expect(steps.first()).toContainText(/^(Add|Move|Start|Take|Swap|Replace) “/);
  // Team calendars alone takes two of the tutorial team's three streams, so Q1 is partly idle,
  // and so is Q2 with dark mode alone; the steps that add work there say so, by their numbers.
  const idle = section.getByTestId('path-idle');
  await expect(idle).toContainText(
    /^Idle capacity\. Your plan leaves \d+\.\d points idle in Q1 and \d+\.\d idle in Q2: moves? [\d, and]+ puts? work there\./,
  );
  const named = /moves? ([\d, and]+) puts? work/.exec((await idle.textContent())!)![1]!;
  for (const n of named.match(/\d+/g)!) {
    expect(Number(n)).toBeLessThanOrEqual(count);
    await expect(steps.nth(Number(n) - 1)).toContainText(/ to Q[12]|Q[12]\)|in Q[12] with/);
  }

  await last
    .getByRole('button', { name: `Try this: moves 1 to ${count} on a new variant` })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(tutorial.title);
  await expect(page.getByRole('combobox', { name: 'Plan variant' })).toHaveValue(/.+/);
  await expect(
    page.getByRole('combobox', { name: 'Plan variant' }).locator('option:checked'),
  ).toHaveText(`Moves toward par (${count} of ${count})`);
  await expect(page.getByTestId('projected-score')).toHaveText(to!);
});
