/**
 * Play the year and the debrief, the way a user gets there: place items on the board (a pointer
 * drag and "Move to…"), write a rationale, play, skip the reveal by keyboard, read the result,
 * the causes, the frameworks and par's plan, export, go back and change the plan, play again,
 * and compare two variants.
 */
import { readFile } from 'node:fs/promises';

import type { Page } from '@playwright/test';

import {
  card,
  column,
  expect,
  expectNoAxeViolations,
  freeItems,
  moveTo,
  pointerDrag,
  projectedScore,
  readScenario,
  showProjection,
  test,
} from './support';

const big = readScenario('big-customer');
const [Q1, Q2, Q3] = big.time.labels as [string, string, string];
const board = `./#/s/${big.id}/plan`;
// A features-only plan leaves security, debt and scale out: a plan with a clear gap to par.
const features = freeItems(big).filter((i) => i.type === 'feature');
const [first, second, third] = features as [
  (typeof features)[number],
  (typeof features)[number],
  (typeof features)[number],
];
const NOTE = 'Ship the cheap feature first to show the customer progress.';

/** From the board: "Play the year", then skip the reveal with the keyboard alone. */
async function playAndSkip(page: Page) {
  await page.getByRole('link', { name: 'Play the year' }).click();
  const skip = page.getByRole('button', { name: 'Skip to the debrief' });
  await expect(skip).toBeVisible();
  // Tab from the top of the page until the skip button has focus, then press Enter.
  for (let i = 0; i < 20; i++) {
    if (await skip.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  const result = page.getByRole('heading', { name: 'Result', level: 2 });
  await expect(page.getByTestId('debrief-score')).toBeVisible({ timeout: 30_000 });
  // Focus lands on the result, so a keyboard or screen-reader user continues from there.
  await expect(result).toBeFocused();
}

/** Waits until every chart of the page has replaced its placeholder. */
async function chartsLoaded(page: Page) {
  await expect(page.locator('.chart-placeholder')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('.chart-plot svg').first()).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.goto(board);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(big.title);
  await showProjection(page);
  await expect(projectedScore(page)).toHaveText(/^\d+\.\d$/);
});

test('play a plan, read the debrief, export it, change the plan and play again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Place: one pointer drag, two "Move to…"; then a rationale note on the first item.
  await pointerDrag(page, card(page, first.id), column(page, Q1));
  await expect(column(page, Q1).locator(`[data-item-id="${first.id}"]`)).toBeVisible();
  await moveTo(page, second.title, Q2);
  await moveTo(page, third.title, Q3);
  await page.getByRole('button', { name: first.title, exact: true }).click();
  await page.getByRole('textbox', { name: 'Your rationale' }).fill(NOTE);
  await page.keyboard.press('Escape');
  const boardScore = await projectedScore(page).textContent();
  const boardNet = await page.getByTestId('projected-net').textContent();

  await playAndSkip(page);

  // Headline: score, net value and share of par — the numbers the board showed for this plan.
  const score = (await page.getByTestId('debrief-score').textContent()) ?? '';
  expect(score).toMatch(/^\d+\.\d$/);
  expect(score).toBe(boardScore);
  expect(boardNet).toMatch(/^\$\d+(\.\d+)?M$/);
  await expect(page.getByTestId('debrief-net-value')).toHaveText(boardNet!);
  await expect(page.getByTestId('debrief-percent-of-par')).toHaveText(/^\d+%$/);
  await expect(page.getByTestId('debrief-verdict')).not.toBeEmpty();

  // Causes: at least three, each with a number of points.
  const causes = page.getByTestId('causes').locator('li.cause');
  expect(await causes.count()).toBeGreaterThanOrEqual(3);
  for (const text of await causes.allTextContents()) expect(text).toMatch(/[+−-]\d+(\.\d)? points/);

  // The lens table: a row for each of RICE, WSJF and CD3, each with a score.
  const lens = page.getByTestId('lens-table');
  for (const name of ['RICE', 'WSJF', 'CD3']) {
    const row = lens.locator('tbody tr').filter({
      has: page.getByRole('rowheader', { name: new RegExp(`^${name}\\b`) }),
    });
    await expect(row).toHaveCount(1);
    await expect(row.locator('td').first()).toHaveText(/^\d+\.\d$/);
  }

  // The other strategies are folded away and open on request.
  const doNothing = lens.locator('tr[data-strategy="do-nothing"]');
  await expect(doNothing).toBeHidden();
  const more = page.getByRole('button', { name: /^Show the other \d+ rules?$/ });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(doNothing).toBeVisible();
  await expect(doNothing.locator('td').first()).toHaveText(/^\d+\.\d$/);

  // The note is shown beside the item's outcome.
  await expect(page.getByTestId('reasoning').locator(`[data-item-id="${first.id}"]`)).toContainText(
    NOTE,
  );

  // Par's plan, on request, with the differences marked in words.
  const showPar = page.getByRole('button', { name: /^Show (par|best framework)’s plan/ });
  await expect(showPar).toHaveAttribute('aria-expanded', 'false');
  await showPar.click();
  const parBoard = page.getByTestId('par-board');
  await expect(parBoard).toBeVisible();
  await expect(parBoard.locator('.diff-mark').first()).toBeVisible();
  await expect(parBoard).toContainText(/Only in par|Par: /);

  // Charts load, and the whole debrief has no axe violations.
  await chartsLoaded(page);
  await expectNoAxeViolations(page);

  // Markdown export: a file with the score and the note.
  const [markdown] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  expect(markdown.suggestedFilename()).toMatch(/\.md$/);
  const text = await readFile(await markdown.path(), 'utf8');
  expect(text).toContain(`**Score:** ${score}`);
  expect(text).toContain(NOTE);

  // JSON export: parses, and carries the same score and the plan.
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download plan and outcome (JSON)' }).click(),
  ]);
  const parsed = JSON.parse(await readFile(await json.path(), 'utf8')) as {
    result: { score: number };
    planFile: unknown;
  };
  expect(parsed.result.score.toFixed(1)).toBe(score);
  expect(JSON.stringify(parsed.planFile)).toContain(first.id);

  // Back to the plan: everything is where it was.
  await page.getByRole('link', { name: 'Back to plan' }).click();
  await expect(column(page, Q1).locator(`[data-item-id="${first.id}"]`)).toBeVisible();
  await expect(column(page, Q2).locator(`[data-item-id="${second.id}"]`)).toBeVisible();
  await expect(column(page, Q3).locator(`[data-item-id="${third.id}"]`)).toBeVisible();

  // Change the plan, play again: the debrief says what changed since the last run.
  await moveTo(page, third.title, Q1);
  await playAndSkip(page);
  const since = page.getByTestId('since-last-play');
  await expect(since).toContainText(`Score ${score} →`);
  await expect(since).toContainText(third.title);
});

test('a second variant and the compare page show both with scores', async ({ page }) => {
  test.setTimeout(180_000);
  await moveTo(page, first.title, Q1);
  await page.getByRole('button', { name: 'New' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Security first');
  await page.getByRole('button', { name: 'Create' }).click();
  const security = freeItems(big).filter((i) => i.type === 'security');
  for (const item of security) await moveTo(page, item.title, Q1);

  await page.getByRole('link', { name: 'Play the year' }).click();
  await page.getByRole('button', { name: 'Skip to the debrief' }).click();
  await expect(page.getByTestId('debrief-score')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Compare variants' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Compare variants');
  const rows = page.getByTestId('compare-table').locator('tbody tr');
  await expect(rows.filter({ hasText: 'Security first' })).toHaveCount(1);
  await expect(rows.filter({ hasNotText: /Security first|^Par/ }).first()).toBeVisible();
  // Both variants and par, each with a score.
  await expect(page.locator('[data-variant="par"]')).toBeVisible({ timeout: 30_000 });
  expect(await rows.count()).toBe(3);
  for (const cell of await rows.locator('td:nth-of-type(1)').allTextContents())
    expect(cell).toMatch(/^\d+\.\d$/);
  // Net value beside each score, in dollars.
  for (const cell of await rows.locator('td:nth-of-type(2)').allTextContents())
    expect(cell).toMatch(/^−?\$\d+(\.\d+)?[Mk]?$/);
  await expect(page.getByTestId('compare-items')).toContainText(first.title);

  await chartsLoaded(page);
  await expectNoAxeViolations(page);
});

test('with reduced motion the reveal waits, steps by keyboard and skips', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await moveTo(page, first.title, Q1);
  await page.getByRole('link', { name: 'Play the year' }).click();
  const next = page.getByRole('button', { name: 'Next slot' });
  await expect(next).toBeVisible();
  await expect(page.locator('.reveal-slot.is-shown')).toHaveCount(1);
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.reveal-slot.is-shown')).toHaveCount(2);
  await expect(page.locator('#reveal-announcer')).toContainText(Q2);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skip to the debrief' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('debrief-score')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Result', level: 2 })).toBeFocused();
});

test('on a 390 px phone the debrief fits: no sideways page scroll, radar labels inside the chart, no axe violations in the dark', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await moveTo(page, first.title, Q1);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('link', { name: 'Play the year' }).click();
  await page.getByRole('button', { name: 'Skip to the debrief' }).click();
  await expect(page.getByTestId('debrief-score')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: /^Show (par|best framework)’s plan/ }).click();
  await chartsLoaded(page);

  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  // Par's plan beside yours needs no sideways scroll either.
  const parScroll = await page
    .getByTestId('par-board')
    .locator('.table-scroll')
    .evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(parScroll).toBeLessThanOrEqual(0);
  // Every radar axis label lies inside the chart's drawing.
  const radar = page.locator('.recharts-polar-angle-axis').first();
  const clipped = await radar.evaluate((axis) => {
    const svg = axis.closest('svg')!.getBoundingClientRect();
    return [...axis.querySelectorAll('text')]
      .map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }))
      .filter(({ box }) => box.left < svg.left - 0.5 || box.right > svg.right + 0.5)
      .map(({ text }) => text);
  });
  expect(clipped).toEqual([]);

  // The phone layout (the lens table as cards) in the dark theme has no axe violations either.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
});
