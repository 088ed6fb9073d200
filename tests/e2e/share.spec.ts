import { readFileSync } from 'node:fs';

import type { Page } from '@playwright/test';

import { watchedContext } from './contexts';
import {
  column,
  expect,
  expectNoAxeViolations,
  freeItems,
  moveTo,
  projectedScore,
  readScenario,
  showProjection,
  test,
} from './support';

const big = readScenario('big-customer');
const [Q1, Q2] = big.time.labels as [string, string];
const board = `./#/s/${big.id}/plan`;
const [first, second, third, fourth] = freeItems(big);

/** The saved plans of every variant of big-customer, from local storage. */
async function savedVariants(page: Page): Promise<unknown> {
  return page.evaluate((id) => {
    const saved = JSON.parse(localStorage.getItem('roadmap-dojo') ?? '{}') as {
      state?: { plans?: Record<string, unknown> };
    };
    return saved.state?.plans?.[id] ?? null;
  }, big.id);
}

/** The sender: plans two items, writes a note, and opens the share dialog. */
async function planAndShare(page: Page) {
  await page.goto(board);
  await showProjection(page);
  await moveTo(page, first!.title, Q1);
  await moveTo(page, second!.title, Q2);
  await page.getByRole('button', { name: first!.title, exact: true }).click();
  await page.getByRole('textbox', { name: /note|rationale/i }).fill('Cheap, and unblocks Q2.');
  await page.keyboard.press('Escape');
  const score = (await projectedScore(page).textContent()) ?? '';
  await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share “Plan A”' });
  await expect(dialog.getByRole('img', { name: 'QR code of the share link' })).toBeVisible();
  const link = await dialog.getByTestId('share-link').inputValue();
  return { score, link, dialog };
}

// One axe scan per test: each scan takes seconds on a busy 2-core machine.
test('the share dialog has no axe violations', async ({ page }) => {
  await planAndShare(page);
  await expectNoAxeViolations(page, '[role="dialog"]');
});

test('a share link opens in a fresh browser with the same plan and score, and leaves its own plan alone', async ({
  page,
  browser,
}) => {
  const { score, link } = await planAndShare(page);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/share\/p1\.[A-Za-z0-9+$-]+$/);

  const recipient = await watchedContext(browser);
  const other = recipient.page;
  // The recipient has a plan of their own.
  await other.goto(board);
  await moveTo(other, fourth!.title, Q1);
  const ownPlans = await savedVariants(other);

  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1, name: 'Plan A' })).toBeVisible();
  await expect(other.getByTestId('shared-score')).toHaveText(score);
  await expect(other.getByTestId('shared-par')).toContainText(/\d+% of par/);
  await expect(other.getByText(first!.title)).toBeVisible();
  await expect(other.getByText('Cheap, and unblocks Q2.')).toBeVisible();
  await expectNoAxeViolations(other);
  expect(await savedVariants(other)).toEqual(ownPlans);

  // Make a copy: a new variant with the shared plan; the recipient's own plan is still there.
  await other.getByRole('button', { name: 'Make a copy' }).click();
  await expect(other.getByRole('heading', { level: 1 })).toContainText(big.title);
  const variant = other.getByRole('combobox', { name: 'Plan variant' });
  await expect(variant.locator('option:checked')).toHaveText('Plan A (2)');
  await showProjection(other);
  await expect(projectedScore(other)).toHaveText(score);
  await expect(column(other, Q1).locator(`[data-item-id="${first!.id}"]`)).toBeVisible();
  await variant.selectOption({ label: 'Plan A' });
  await expect(column(other, Q1).locator(`[data-item-id="${fourth!.id}"]`)).toBeVisible();
  await expect(column(other, Q1).locator(`[data-item-id="${first!.id}"]`)).toHaveCount(0);
  await recipient.close();
});

test('a corrupted link shows what is wrong, and the app still works', async ({ page }) => {
  const { link } = await planAndShare(page);
  const token = link.slice(link.indexOf('#/share/') + '#/share/'.length);
  // A character changed in the middle, as a careless copy might do.
  const middle = Math.floor(token.length / 2);
  const tampered = `${token.slice(0, middle)}${token[middle] === 'A' ? 'B' : 'A'}${token.slice(middle + 1)}`;
  await page.goto(`./#/share/${tampered}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'This link cannot be opened' }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Problems with the link' })).toContainText('(link)');

  await page.goto(`./#/share/${token.slice(0, token.length - 20)}`);
  await expect(page.getByRole('list', { name: 'Problems with the link' })).toContainText(
    'is damaged or incomplete',
  );
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Go to the scenario library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scenario library' })).toBeVisible();
  await page.getByRole('link', { name: 'Continue planning' }).click();
  await expect(column(page, Q1).locator(`[data-item-id="${first!.id}"]`)).toBeVisible();
});

test('a plan file exported here and imported elsewhere round-trips', async ({ page, browser }) => {
  const { score, dialog } = await planAndShare(page);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download plan file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${big.id}.plan-a.plan.json`);
  const path = await download.path();
  const file = JSON.parse(readFileSync(path, 'utf8')) as { format: string; notes: object };
  expect(file.format).toBe('roadmap-dojo/plan');
  expect(file.notes).toEqual({ [first!.id]: 'Cheap, and unblocks Q2.' });

  const elsewhere = await watchedContext(browser);
  const other = elsewhere.page;
  await other.goto(board);
  await moveTo(other, third!.title, Q2);
  await other.getByTestId('plan-file-input').setInputFiles(path);
  const imported = other.getByRole('dialog', { name: 'Plan imported' });
  await expect(imported).toContainText('“Plan A (2)”');
  await imported.getByRole('button', { name: 'OK' }).click();
  await showProjection(other);
  await expect(projectedScore(other)).toHaveText(score);
  await expect(column(other, Q1).locator(`[data-item-id="${first!.id}"]`)).toBeVisible();
  await expect(column(other, Q2).locator(`[data-item-id="${second!.id}"]`)).toBeVisible();
  await other.getByRole('button', { name: first!.title, exact: true }).click();
  await expect(other.getByRole('textbox', { name: /note|rationale/i })).toHaveValue(
    'Cheap, and unblocks Q2.',
  );
  await other.keyboard.press('Escape');
  // The plan that was there is kept as it was.
  await other.getByRole('combobox', { name: 'Plan variant' }).selectOption({ label: 'Plan A' });
  await expect(column(other, Q2).locator(`[data-item-id="${third!.id}"]`)).toBeVisible();

  // A broken file is refused with its problems listed, and nothing changes.
  await other.getByTestId('plan-file-input').setInputFiles({
    name: 'broken.plan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...file, plan: { slots: [['ghost']] } })),
  });
  await expect(other.getByRole('list', { name: 'Problems in broken.plan.json' })).toHaveText(
    'plan.slots[0][0]: unknown item "ghost"',
  );
  await expectNoAxeViolations(other);
  await elsewhere.close();
});
