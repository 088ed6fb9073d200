/**
 * The debrief's and the variants' tables on a 390×844 phone: the variants' scores and the backlog
 * as each lens ranks it become one card per row, so every figure shows without sideways scrolling
 * (they were 811 and 521 px wide in a 358 px frame), and Chromium still exposes each as a table
 * with rows, row headers and cells; in this run's events each coloured mark stays on its word's
 * line (a "●" sat alone above "Incidents").
 */
import type { Locator, Page } from '@playwright/test';

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
const [Q1, Q2] = big.time.labels as [string, string];
const features = freeItems(big).filter((i) => i.type === 'feature');
const security = freeItems(big).filter((i) => i.type === 'security');
const PHONE = { width: 390, height: 844 };
// A long name, as learners write them: it wrapped over four lines in the table's first column.
const LONG_NAME = 'Security first, then the big customer asks';

/** Plans a few features on the board (at the default desktop size), ready to play. */
async function planSome(page: Page) {
  await page.goto(`./#/s/${big.id}/plan`);
  await showProjection(page);
  await moveTo(page, features[0]!.title, Q1);
  await moveTo(page, features[1]!.title, Q2);
}

/** Plays the year on a phone and skips to the debrief. */
async function debriefOnPhone(page: Page) {
  await planSome(page);
  await page.setViewportSize(PHONE);
  await playToDebrief(page);
}

/**
 * Nothing in the table's frame scrolls sideways, and every element of the table lies inside the
 * frame and the viewport.
 */
async function expectFits(page: Page, table: Locator, what: string) {
  const frame = table.locator('xpath=..');
  const { scroll, client } = await frame.evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
  }));
  expect(scroll, `${what}: frame scroll width against its ${client} px`).toBeLessThanOrEqual(
    client,
  );
  const width = page.viewportSize()!.width;
  const outside = await table.evaluate((t, width) => {
    const frame = t.parentElement!.getBoundingClientRect();
    const left = Math.max(frame.left, 0) - 0.5;
    const right = Math.min(frame.right, width) + 0.5;
    return [t, ...t.querySelectorAll('tr, th, td, span')]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ el, box }) => box.width > 0 && !el.closest('thead, caption'))
      .filter(({ box }) => box.left < left || box.right > right)
      .map(({ el, box }) => `${el.tagName} "${el.textContent}" ${box.left}–${box.right}`);
  }, width);
  expect(outside, `${what}: elements outside the frame or the ${width} px viewport`).toEqual([]);
}

/** Every cell of every body row is drawn, whole, inside the viewport's width. */
async function expectCellsInView(page: Page, table: Locator, what: string) {
  const width = page.viewportSize()!.width;
  const cells = table.locator('tbody td');
  const count = await cells.count();
  expect(count, `${what}: cells`).toBeGreaterThan(0);
  const boxes = await cells.evaluateAll((tds) =>
    tds.map((td) => {
      const box = td.getBoundingClientRect();
      return { text: td.textContent, left: box.left, right: box.right, width: box.width };
    }),
  );
  for (const box of boxes) {
    expect(box.width, `${what}: "${box.text}" is drawn`).toBeGreaterThan(0);
    expect(box.left, `${what}: "${box.text}" left`).toBeGreaterThanOrEqual(-0.5);
    expect(box.right, `${what}: "${box.text}" right`).toBeLessThanOrEqual(width + 0.5);
  }
}

/** Chromium's accessibility tree (not Playwright's reading of the markup). */
async function accessibilityTree(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
  };
  await cdp.detach();
  return (role: string) =>
    nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => n.name?.value ?? '');
}

test('on a 390 px phone the variants’ scores are one card per variant: every score in view, still a table', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await planSome(page);
  // A second variant with a long name.
  await page.getByRole('button', { name: 'New' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill(LONG_NAME);
  await page.getByRole('button', { name: 'Create' }).click();
  for (const item of security) await moveTo(page, item.title, Q1);

  await page.setViewportSize(PHONE);
  await page.goto(`./#/s/${big.id}/compare`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Compare variants');
  const table = page.getByTestId('compare-table');
  await expect(table.locator('[data-variant="par"]')).toBeVisible({ timeout: 60_000 });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(3);

  await expectFits(page, table, 'scores');
  await expectCellsInView(page, table, 'scores');
  // Each figure sits under its variant's name, and a row's figures under its own name only.
  const columns = await table.locator('thead th').count();
  for (let i = 0; i < 3; i++) {
    const row = rows.nth(i);
    const name = (await row.getByRole('rowheader').boundingBox())!;
    const cells = row.getByRole('cell');
    await expect(cells).toHaveCount(columns - 1);
    for (const box of await cells.evaluateAll((tds) =>
      tds.map((td) => td.getBoundingClientRect().toJSON() as DOMRect),
    ))
      expect(box.top).toBeGreaterThanOrEqual(name.y + name.height - 1);
    // The name wraps to two lines at most (it took four in the table's first column).
    expect(name.height).toBeLessThan(70);
  }
  // Each figure is labelled on screen with its column's name.
  const label = await rows
    .first()
    .getByRole('cell')
    .first()
    .evaluate((td) => getComputedStyle(td, '::before').content);
  expect(label).toContain('Score');

  const exposed = await accessibilityTree(page);
  expect(exposed('table')).toContain('Scores');
  expect(exposed('rowheader')).toEqual(
    expect.arrayContaining([expect.stringContaining(LONG_NAME), 'Par']),
  );
  expect(exposed('columnheader')).toEqual(
    expect.arrayContaining(['Variant', 'Score', 'Net value', 'Share of par']),
  );
  expect(exposed('cell').length).toBeGreaterThanOrEqual(3 * (columns - 1));

  await expectNoAxeViolations(page);

  // At 200% zoom (a 640×400 window in CSS pixels) the cards fit too.
  await page.setViewportSize({ width: 640, height: 400 });
  await expectFits(page, table, 'scores at 200% zoom');
  await expectCellsInView(page, table, 'scores at 200% zoom');
});

test('on a 390 px phone the backlog as each lens ranks it is one card per item: every rank and slot in view, still a table', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await debriefOnPhone(page);
  const table = page.getByTestId('lens-ranks');
  await table.scrollIntoViewIfNeeded();
  const rows = table.locator('tbody tr');
  const count = await rows.count();
  expect(count).toBeGreaterThan(5);

  await expectFits(page, table, 'lens ranks');
  await expectCellsInView(page, table, 'lens ranks');
  // RICE, ICE, WSJF and CD3 ranks, then par's slot and yours: six figures a row, under the item.
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const name = (await row.getByRole('rowheader').boundingBox())!;
    const boxes = await row
      .getByRole('cell')
      .evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(6);
    for (const box of boxes) expect(box.top).toBeGreaterThanOrEqual(name.y + name.height - 1);
    // The four ranks share a line.
    const tops = boxes.slice(0, 4).map((b) => Math.round(b.top));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(2);
  }

  const exposed = await accessibilityTree(page);
  expect(exposed('table')).toEqual(
    expect.arrayContaining([expect.stringContaining('rank under RICE, ICE, WSJF and CD3')]),
  );
  // The strategies above it, cards on a phone as well, are still a table too.
  expect(exposed('table')).toEqual(
    expect.arrayContaining([expect.stringContaining('Strategies of the battery')]),
  );
  const names = await rows.getByRole('rowheader').allTextContents();
  expect(exposed('rowheader')).toEqual(expect.arrayContaining(names));
  expect(exposed('columnheader')).toEqual(
    expect.arrayContaining(['Item', 'RICE rank', 'CD3 rank', 'Par', 'Yours']),
  );
  expect(exposed('cell').length).toBeGreaterThanOrEqual(6 * count);
  expect(exposed('row').length).toBeGreaterThanOrEqual(count + 1);

  await expectNoAxeViolations(page);
});

test('on a 390 px phone each event of this run keeps its coloured mark on its word’s line', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await debriefOnPhone(page);
  const table = page.getByTestId('run-timeline');
  await table.scrollIntoViewIfNeeded();
  await expectFits(page, table, 'this run’s events');

  interface Mark {
    event: string;
    mark: string;
    /** The mark is followed by its event's name (a text node). */
    word: boolean;
    /** How far the name's first letter is from the mark's line, and how far right of it. */
    topGap: number;
    after: number;
  }
  const marks: Mark[] = await table.locator('tbody td').evaluateAll((tds) =>
    tds.flatMap((td) => {
      const marker = td.querySelector('.run-timeline-marker');
      if (!marker) return [];
      const word = marker.nextSibling;
      const mark = marker.getBoundingClientRect();
      const first = { top: Number.NaN, left: Number.NaN };
      if (word?.nodeType === Node.TEXT_NODE) {
        const range = document.createRange();
        range.setStart(word, 0);
        range.setEnd(word, 1);
        Object.assign(first, range.getBoundingClientRect().toJSON());
      }
      return [
        {
          event: td.textContent,
          mark: marker.textContent.trim(),
          word: word?.nodeType === Node.TEXT_NODE,
          topGap: Math.abs(first.top - mark.top),
          after: first.left - mark.right,
        },
      ];
    }),
  );
  // Incidents happen (or not) in every slot of this scenario: each has a mark.
  expect(marks.length).toBeGreaterThanOrEqual(big.time.labels.length);
  for (const mark of marks) {
    expect(mark.word, `${mark.event}: the mark has its word`).toBe(true);
    expect(['●', '○']).toContain(mark.mark);
    expect(mark.topGap, `${mark.event}: mark and word on one line`).toBeLessThanOrEqual(2);
    expect(mark.after, `${mark.event}: word right after its mark`).toBeGreaterThanOrEqual(-0.5);
    expect(mark.after, `${mark.event}: word right after its mark`).toBeLessThan(12);
  }

  const exposed = await accessibilityTree(page);
  expect(exposed('columnheader')).toEqual(expect.arrayContaining(['Slot', 'Event', 'What it did']));
  expect(exposed('cell').length).toBeGreaterThanOrEqual(marks.length * 3);

  await expectNoAxeViolations(page);
});
