/**
 * The debrief's money chart (a waterfall from revenue through each loss to net value) at every
 * width from a small phone to a desktop: no two value labels overlap (on a 390 px phone six pairs
 * did, by 8 to 12 px, in 9 px type), each lies inside the chart, none is smaller than 11 px, no
 * value runs into a step's name, and the figures are the ones the rest of the debrief gives.
 */
import type { Page } from '@playwright/test';

import {
  expect,
  expectNoAxeViolations,
  freeItems,
  moveTo,
  playToDebrief,
  readScenario,
  showProjection,
  test,
} from './support';

const big = readScenario('big-customer');
const slots = big.time.labels;
// Many items over every slot: a plan with many losses, so the waterfall has many bars.
const items = freeItems(big).slice(0, 10);

/** Plans items on the board (at the desktop size), plays the year and skips the reveal. */
async function debrief(page: Page, planned = items) {
  await page.goto(`./#/s/${big.id}/plan`);
  await showProjection(page);
  for (const [i, item] of planned.entries())
    await moveTo(page, item.title, slots[i % slots.length]!);
  await playToDebrief(page);
}

const chart = (page: Page) => page.getByTestId('chart-ledger');

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The money chart's value labels (text, box, font size), its names and its plot's box. */
async function measure(page: Page) {
  const plot = chart(page).locator('.chart-plot');
  await expect(plot.locator('svg text.chart-direct-label').first()).toBeVisible({
    timeout: 30_000,
  });
  return plot.evaluate((el) => {
    const box = (e: Element) => {
      const { left, right, top, bottom } = e.getBoundingClientRect();
      return { left, right, top, bottom };
    };
    return {
      frame: box(el),
      values: [...el.querySelectorAll('svg text.chart-direct-label')].map((t) => ({
        text: t.textContent ?? '',
        box: box(t),
        size: parseFloat(getComputedStyle(t).fontSize),
      })),
      names: [...el.querySelectorAll('svg text.money-name, .recharts-xAxis text')].map((t) => ({
        text: t.textContent ?? '',
        box: box(t),
      })),
    };
  });
}

const meet = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = (a: Box, frame: Box) =>
  a.left >= frame.left - 0.5 &&
  a.right <= frame.right + 0.5 &&
  a.top >= frame.top - 0.5 &&
  a.bottom <= frame.bottom + 0.5;

/** Every value label of the money chart readable, apart from the others and inside the chart. */
async function expectReadable(page: Page) {
  const width = page.viewportSize()!.width;
  const { frame, values, names } = await measure(page);
  expect(values.length, `value labels at ${width} px`).toBeGreaterThanOrEqual(6);
  const overlaps: string[] = [];
  for (const [i, a] of values.entries()) {
    for (const b of values.slice(i + 1))
      if (meet(a.box, b.box)) overlaps.push(`"${a.text}" / "${b.text}"`);
    for (const name of names)
      if (meet(a.box, name.box)) overlaps.push(`"${a.text}" / name "${name.text}"`);
  }
  expect(overlaps, `labels that meet at ${width} px`).toEqual([]);
  expect(
    values.filter((v) => !inside(v.box, frame)).map((v) => v.text),
    `labels outside the chart at ${width} px`,
  ).toEqual([]);
  expect(
    values.filter((v) => v.size < 11).map((v) => `${v.text} ${v.size}px`),
    `labels under 11 px at ${width} px`,
  ).toEqual([]);
  return values.map((v) => v.text);
}

for (const size of [
  { width: 320, height: 700 },
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`the money chart's value labels are apart and readable at ${size.width}×${size.height}`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await debrief(page);
    await page.setViewportSize(size);
    await chart(page).scrollIntoViewIfNeeded();
    const texts = await expectReadable(page);

    // The same figures as the rest of the debrief: net value last, each figure in the summary.
    await expect(page.getByTestId('debrief-net-value')).toHaveText(texts.at(-1)!);
    const summary = (await chart(page).locator('figcaption').textContent()) ?? '';
    for (const text of texts) expect(summary).toContain(text.replace('−', ''));

    if (size.width === 390) await expectNoAxeViolations(page, '[data-testid="chart-ledger"]');
  });
}

/** Sweeps the widths from a small phone to a desktop, checking the labels at each. */
async function sweep(page: Page): Promise<Set<string>> {
  const layouts = new Set<string>();
  for (let width = 320; width <= 1280; width += 40) {
    await page.setViewportSize({ width, height: 800 });
    await chart(page).scrollIntoViewIfNeeded();
    await expect(async () => {
      await expectReadable(page);
    }).toPass({ timeout: 10_000 });
    layouts.add(
      `${width}: ${await chart(page).locator('.money-chart').getAttribute('data-layout')}`,
    );
  }
  return layouts;
}

test('no two of the money chart’s value labels meet at any width from 320 to 1280 px', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await debrief(page);
  await sweep(page);
});

test('with few steps the money chart stays a column waterfall where its labels fit', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await debrief(page, items.slice(0, 1));
  const layouts = [...(await sweep(page))];
  // A phone gets rows; a wide chart keeps the columns, each value at 11 px above its bar.
  expect(layouts).toContain('320: rows');
  expect(layouts.some((l) => l.endsWith('columns'))).toBe(true);
});

test('the money chart has no axe violations in dark mode on a phone', async ({ page }) => {
  test.setTimeout(180_000);
  await debrief(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 390, height: 844 });
  await chart(page).scrollIntoViewIfNeeded();
  await expectReadable(page);
  await expectNoAxeViolations(page, '[data-testid="chart-ledger"]');
});
