import { readFileSync } from 'node:fs';

import type { Page } from '@playwright/test';

import {
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
const compare = './#/workshop/compare';
const [first, second, third, fourth] = freeItems(big);

interface Exported {
  team: string;
  score: string;
  net: string;
  percent: string;
  file: { name: string; mimeType: string; buffer: Buffer };
  link: string;
}

/** Exports the board's plan as a plan file (saved under the team's name) and a share link. */
async function exportPlan(page: Page, team: string): Promise<Exported> {
  const score = (await projectedScore(page).textContent()) ?? '';
  const net = (await page.getByTestId('projected-net').textContent()) ?? '';
  const percent = /(\d+)% of par/.exec((await page.getByTestId('par-status').textContent()) ?? '');
  await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Share/ });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download plan file' }).click();
  const download = await downloading;
  const buffer = readFileSync(await download.path());
  const link = await dialog.getByTestId('share-link').inputValue();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  return {
    team,
    score,
    net,
    percent: `${percent?.[1] ?? '?'}%`,
    file: { name: `${team}.plan.json`, mimeType: 'application/json', buffer },
    link,
  };
}

test('teams’ plan files and a share link make one leaderboard in score order, exported as Markdown', async ({
  page,
}) => {
  // Three different plans exported from the board, and a fourth shared as a link.
  await page.goto(board);
  await showProjection(page);
  await expect(page.getByTestId('par-status')).toContainText('% of par');
  const plans: Exported[] = [];
  await moveTo(page, first!.title, Q1);
  plans.push(await exportPlan(page, 'team-amber'));
  await moveTo(page, second!.title, Q1);
  plans.push(await exportPlan(page, 'team-blue'));
  await moveTo(page, third!.title, Q2);
  plans.push(await exportPlan(page, 'team-coral'));
  await moveTo(page, fourth!.title, Q2);
  const linked = await exportPlan(page, 'Plan A');
  const all = [...plans, linked];
  expect(new Set(all.map((p) => p.score)).size).toBe(4);

  await page.goto(compare);
  await expect(page.getByRole('heading', { level: 1, name: 'Team comparison' })).toBeVisible();
  await expect(page).toHaveTitle(/^Team comparison/);
  await page.getByTestId('team-file-input').setInputFiles(plans.map((p) => p.file));
  const board3 = page.getByTestId('cmp-leaderboard');
  await expect(board3.locator('tbody tr')).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'Added 3 teams.' })).toHaveCount(1);

  await page.getByLabel('Share links, one per line').fill(linked.link);
  await page.getByRole('button', { name: 'Add links' }).click();
  const rows = page.getByTestId('cmp-leaderboard').locator('tbody tr');
  await expect(rows).toHaveCount(4);

  // Score order, each score, net value and % of par as the board showed it.
  const expected = [...all].sort((a, b) => Number(b.score) - Number(a.score));
  for (const [i, plan] of expected.entries()) {
    const cells = rows.nth(i).locator('th, td');
    await expect(cells.nth(0)).toHaveText(String(i + 1));
    await expect(cells.nth(1)).toHaveText(plan.team);
    await expect(cells.nth(2)).toHaveText(plan.score);
    await expect(cells.nth(3)).toHaveText(plan.net);
    await expect(cells.nth(4)).toHaveText(plan.percent);
  }
  await expect(page.getByTestId('cmp-items-all')).toContainText(first!.title);
  await expect(page.getByTestId('cmp-items-some')).toContainText(fourth!.title);
  await expect(page.getByTestId('cmp-radar').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('cmp-lines').locator('figcaption')).toContainText('team-coral');

  // A bad file is named with what is wrong; the four teams stay.
  await page.getByTestId('team-file-input').setInputFiles({
    name: 'lunch-menu.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"soup": true}'),
  });
  await expect(page.getByTestId('cmp-load-errors')).toContainText('lunch-menu.json');
  await expect(page.getByTestId('cmp-load-errors')).toContainText('format');
  await expect(rows).toHaveCount(4);

  // Loaded teams survive a reload.
  await page.reload();
  await expect(page.getByTestId('cmp-leaderboard').locator('tbody tr')).toHaveCount(4);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download Markdown' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${big.id}-teams.md`);
  const markdown = readFileSync(await download.path(), 'utf8');
  for (const plan of all)
    expect(markdown).toContain(`| ${plan.team} | ${plan.score} | ${plan.net} | ${plan.percent} |`);
  expect(markdown).toContain('% of par');

  await expectNoAxeViolations(page);
});
