/**
 * The board's layout at every size: at 1280×800 the backlog's first card and every slot's header
 * are on the first screen, and the board scrolls as a whole (no column hides cards in a scroller
 * of its own); no screen of the app is wider than the window at 390 px or at 200% zoom with items
 * placed; on a phone one pane shows at a time under a sticky switcher, the drawer is full width,
 * targets are at least 44 px, tap-to-move keeps the learner's place and a touch drag onto a tab
 * lands in that slot, never further; menus open inside the viewport.
 */
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';

import { watchedContext } from './contexts';
import {
  boardAnnouncer,
  card,
  column,
  expect,
  expectNoAxeViolations,
  moveTo,
  readScenario,
  savedSlots,
  test,
} from './support';

const big = readScenario('big-customer');
const [Q1, Q2] = big.time.labels as [string, string];
const board = `./#/s/${big.id}/plan`;

/** The board on a touch phone (390 × 844), opened and shown. */
async function phoneBoard(browser: Browser) {
  const phone = await watchedContext(browser, undefined, {
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  await phone.page.goto(board);
  await expect(phone.page.getByRole('heading', { level: 1 })).toContainText(big.title, {
    timeout: 30_000,
  });
  return phone;
}

/** A finger on the phone's screen: raw touch events, as a phone sends them. */
async function finger({ page, context }: { page: Page; context: BrowserContext }) {
  const cdp = await context.newCDPSession(page);
  return (type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0, y = 0) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x, y }],
    });
}
const SHIPPED = [
  'tutorial',
  'big-customer',
  'audit-year',
  'platform-sprints',
  'delighters',
  'demo-day',
  'exchange-launch',
  'holiday-peak',
  'launch-demand',
  'legacy-router',
  'right-to-erasure',
  'zero-day',
].map(readScenario);

/** The element's box lies inside the viewport. */
async function expectInViewport(page: Page, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what}: left`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what}: right`).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box!.y + box!.height, `${what}: bottom`).toBeLessThanOrEqual(viewport.height + 0.5);
}

/** The page is no wider than the window (nothing scrolls the whole page sideways). */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(
    scroll,
    `${where}: document width ${scroll} in a window ${client} wide`,
  ).toBeLessThanOrEqual(client);
}

/** Places items with the keyboard: focus the first backlog card, then one number key each. */
async function placeWithKeys(page: Page, keys: string[]) {
  await column(page, 'Backlog').locator('li[data-item-id] .drag-handle').first().focus();
  for (const key of keys) {
    const before = (await savedSlots(page, big.id)).flat().length;
    await page.keyboard.press(key);
    await expect.poll(async () => (await savedSlots(page, big.id)).flat().length).toBe(before + 1);
  }
}

test('at 1280×800 the first backlog card and every slot header are on the first screen, on every shipped scenario', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const scenario of SHIPPED) {
    await page.goto(`./#/s/${scenario.id}/plan`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(scenario.title, {
      timeout: 30_000,
    });
    await expectInViewport(
      page,
      column(page, 'Backlog').locator('li[data-item-id]').first(),
      `${scenario.id}: the first backlog card`,
    );
    for (const label of scenario.time.labels)
      await expectInViewport(
        page,
        column(page, label).getByRole('heading', { level: 2 }),
        `${scenario.id}: the header of ${label}`,
      );
    // Without scrolling the page: it is exactly one window tall and wide.
    const page_ = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      width: document.documentElement.scrollWidth,
    }));
    expect(page_, scenario.id).toEqual({ width: 1280, height: 800 });
  }
  // The capacity bars have a legend.
  const legend = page.getByTestId('board-legend');
  await expect(legend).toBeVisible();
  for (const key of ['effective', 'debt drag', 'work queued', 'over capacity', 'when it runs'])
    await expect(legend).toContainText(key);
});

test('the board scrolls as a whole: a full column hides no card in a scroller of its own', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(board);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(big.title, {
    timeout: 30_000,
  });
  await placeWithKeys(page, ['1', '1', '1', '1', '1', '1', '1', '1']);
  const q1 = column(page, Q1);
  await expect(q1.locator('li[data-item-id]')).toHaveCount(8);

  // Only the board scrolls; no column or card list scrolls on its own.
  const scrollers = await page
    .locator('.board *')
    .evaluateAll((elements) =>
      elements
        .filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowY))
        .map((el) => el.className),
    );
  expect(scrollers).toEqual([]);
  const boardBox = page.locator('#board');
  const scrollable = await boardBox.evaluate((el) => el.scrollHeight > el.clientHeight);
  expect(scrollable).toBe(true);

  // Scrolling the board reaches Q1's last card, and Q1's header stays in view above it.
  await boardBox.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = q1.locator('li[data-item-id]').last();
  const lastBox = (await last.boundingBox())!;
  const frame = (await boardBox.boundingBox())!;
  expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(frame.y + frame.height + 1);
  const header = (await q1.getByRole('heading', { level: 2 }).boundingBox())!;
  expect(header.y).toBeGreaterThanOrEqual(frame.y - 0.5);
  expect(header.y + header.height).toBeLessThanOrEqual(frame.y + frame.height);
});

test('a warning that comes with a move is listed under the column’s cards and moves none of them', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(board);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(big.title, {
    timeout: 30_000,
  });
  const q1 = column(page, Q1);
  // How far below the column's figures (its capacity and work mix, which change with the plan)
  // its first card starts: a warning listed there would push every card down.
  const firstCardGap = async () => {
    const [cardBox, detailsBox] = await Promise.all([
      q1.locator('li[data-item-id]').first().boundingBox(),
      q1.locator('.column-details').boundingBox(),
    ]);
    return cardBox!.y - (detailsBox!.y + detailsBox!.height);
  };
  await placeWithKeys(page, ['1']);
  await expect(q1.locator('.column-warnings')).toHaveCount(0);
  const before = await firstCardGap();
  // Eight items are more than Q1 holds: it is over-committed and says so.
  await placeWithKeys(page, ['1', '1', '1', '1', '1', '1', '1']);
  await expect(q1.locator('.column-warnings')).toContainText(`${Q1} is over-committed`);
  expect(await firstCardGap()).toBeCloseTo(before, 0);
  // The warning follows the last card.
  const last = (await q1.locator('li[data-item-id]').last().boundingBox())!;
  const warnings = (await q1.locator('.column-warnings').boundingBox())!;
  expect(warnings.y).toBeGreaterThanOrEqual(last.y + last.height);
});

test('a card keeps its height when the plan turns its chips to warnings and back', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(board);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(big.title, {
    timeout: 30_000,
  });
  const sso = big.items.find((i) => i.id === 'sso')!;
  const userModel = big.items.find((i) => i.id === 'user-model')!;
  const needs = card(page, 'sso').locator('.chip-dependency');
  // SSO in Q1 without its prerequisite: its "needs" chip is a warning, read out as such.
  await moveTo(page, sso.title, Q1);
  await expect(needs).toHaveClass(/is-at-risk/);
  await expect(needs).toContainText('(not planned)');
  const atRisk = (await card(page, 'sso').boundingBox())!.height;
  // The prerequisite placed after it, then before it: the chip changes, the card does not.
  await moveTo(page, userModel.title, Q1);
  await expect(needs).toContainText('(planned after it)');
  expect((await card(page, 'sso').boundingBox())!.height).toBeCloseTo(atRisk, 0);
  await page.getByRole('button', { name: `Move to… (${userModel.title})` }).click();
  await page.getByRole('menuitem', { name: 'Move up' }).click();
  await expect(needs).not.toHaveClass(/is-at-risk/);
  expect((await card(page, 'sso').boundingBox())!.height).toBeCloseTo(atRisk, 0);

  // In a high-contrast mode colours are the system's: a chip at risk is outlined instead, and its
  // icon keeps the text colour (a background-painted icon would vanish).
  await page.emulateMedia({ forcedColors: 'active' });
  await moveTo(page, userModel.title, 'Backlog');
  await expect(needs).toHaveClass(/is-at-risk/);
  const look = (chip: Locator) =>
    chip.evaluate((el) => ({
      outline: getComputedStyle(el).outlineStyle,
      icon: getComputedStyle(el, '::before').backgroundColor,
      text: getComputedStyle(el).color,
    }));
  const risky = await look(needs);
  expect(risky.outline).toBe('solid');
  expect(risky.icon).toBe(risky.text);
  // A backlog card's date chip is never at risk.
  const calm = await look(card(page, 'ai-assistant').locator('.chip-date'));
  expect(calm.outline).toBe('none');
  expect(calm.icon).toBe(calm.text);
});

test('in a high-contrast mode the bars, their legend, the timing bars and the switch keep their paint', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(board);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(big.title, {
    timeout: 30_000,
  });
  // Enough in Q1 to run over: the load bar turns to its over-capacity pattern.
  for (const id of ['sso', 'user-model', 'ai-assistant', 'audit-log']) {
    const item = big.items.find((i) => i.id === id)!;
    await page.getByRole('button', { name: `Move to… (${item.title})` }).click();
    await page.getByRole('menuitem', { name: Q1, exact: true }).click();
  }
  const q1 = column(page, Q1);
  await expect(q1.locator('.load-over')).toHaveCount(1);
  /** How an element is painted: fill colour, pattern and inner line, and the page's canvas. */
  const paint = (locator: Locator) =>
    locator.first().evaluate((el) => {
      const probe = document.createElement('div');
      probe.style.background = 'Canvas';
      document.body.append(probe);
      const canvas = getComputedStyle(probe).backgroundColor;
      probe.remove();
      const style = getComputedStyle(el);
      return {
        fill: style.backgroundColor,
        pattern: style.backgroundImage,
        line: style.boxShadow,
        canvas,
      };
    });
  const painted = (p: Awaited<ReturnType<typeof paint>>) =>
    p.pattern !== 'none' ||
    p.line !== 'none' ||
    (p.fill !== 'rgba(0, 0, 0, 0)' && p.fill !== p.canvas);
  const legend = page.getByTestId('board-legend');
  const parts: [string, Locator][] = [
    ['effective capacity', q1.locator('.seg-effective')],
    ['keep-the-lights-on', q1.locator('.seg-ktlo')],
    ['debt drag', q1.locator('.seg-drag')],
    ['over capacity', q1.locator('.load-over')],
    ['effective marker', q1.locator('.effective-marker')],
    ['a card’s timing bar', q1.locator('.timeline-run')],
    ['legend: keep-the-lights-on', legend.locator('.swatch.seg-ktlo')],
    ['legend: firefighting', legend.locator('.swatch.seg-firefighting')],
    ['legend: work queued', legend.locator('.swatch.load')],
    ['legend: over capacity', legend.locator('.swatch.load-over')],
    ['legend: timing', legend.locator('.swatch-timeline').first()],
    ['score switch', page.locator('.switch-thumb')],
  ];
  for (const [what, locator] of parts) expect(painted(await paint(locator)), what).toBe(true);
  // Told apart as in the normal theme: queued work and the overflow are not painted alike.
  const [queued, over] = [
    await paint(legend.locator('.swatch.load')),
    await paint(legend.locator('.swatch.load-over')),
  ];
  expect(over.pattern).not.toBe(queued.pattern);
});

for (const size of [
  { name: '390 px phone', width: 390, height: 844 },
  { name: '200% zoom', width: 640, height: 400 },
] as const)
  test(`no screen is wider than the window at ${size.name}, with items placed`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(board);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(big.title, {
      timeout: 30_000,
    });
    await placeWithKeys(page, ['1', '1', '2', '3']);
    // On narrow screens the variants and tools fold away behind a summary.
    await page.getByText(/variants, reset, sharing$/).click();
    // A second variant, for the comparison screen.
    await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Duplicate', exact: true }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // The board, every pane of it.
    const tabs = page.getByRole('tab');
    await expect(tabs).toHaveCount(big.time.labels.length + 1);
    for (const label of ['Backlog', ...big.time.labels]) {
      await page.getByRole('tab', { name: new RegExp(`^${label}\\b`) }).click();
      await expect(column(page, label)).toBeVisible();
      await expectNoSidewaysScroll(page, `board, ${label}`);
    }
    // The item details, full width.
    await page.getByRole('tab', { name: /^Q1\b/ }).click();
    const placed = column(page, Q1).locator('li[data-item-id]').first();
    await placed.locator('.card-open').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeLessThanOrEqual(0.5);
    expect(box.width).toBeGreaterThanOrEqual(size.width - 1);
    await expectInViewport(page, dialog.getByRole('heading', { level: 2 }).first(), 'drawer title');
    const note = dialog.getByRole('textbox', { name: 'Your rationale' });
    await note.scrollIntoViewIfNeeded();
    const noteBox = (await note.boundingBox())!;
    expect(noteBox.x + noteBox.width).toBeLessThanOrEqual(size.width);
    await expectNoSidewaysScroll(page, 'item details');
    await page.keyboard.press('Escape');
    // The share dialog; its link is the shared-plan screen.
    await page.getByRole('button', { name: 'Share…' }).click();
    const share = page.getByRole('dialog', { name: /^Share/ });
    const link = await share.getByTestId('share-link').inputValue();
    await expectNoSidewaysScroll(page, 'share dialog');
    await page.keyboard.press('Escape');

    const screens: { path: string; ready: (page: Page) => Promise<void> }[] = [
      { path: './#/', ready: (p) => expect(p.getByRole('article').first()).toBeVisible() },
      {
        path: `./#/s/${big.id}`,
        ready: (p) => expect(p.getByRole('heading', { level: 1 })).toContainText(big.title),
      },
      {
        path: `./#/s/${big.id}/compare`,
        ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible(),
      },
      {
        path: `./#/s/${big.id}/play`,
        ready: async (p) => {
          await p.getByRole('button', { name: 'Skip to the debrief' }).click({ timeout: 30_000 });
          await expect(p.getByTestId('debrief-score')).toBeVisible({ timeout: 30_000 });
          await expect(p.locator('.chart-placeholder')).toHaveCount(0, { timeout: 30_000 });
        },
      },
      {
        path: link,
        ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible(),
      },
      {
        path: './#/workshop/compare',
        ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible(),
      },
      // Live rooms: joining by code, and hosting (no relay is running here: it says so).
      {
        path: './#/room',
        ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible(),
      },
      {
        path: './#/room/host',
        ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible(),
      },
      {
        path: './#/no/such/page',
        ready: (p) => expect(p.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible(),
      },
    ];
    for (const screen of screens) {
      await page.goto(screen.path);
      await screen.ready(page);
      await expectNoSidewaysScroll(page, screen.path);
    }

    // The workshop: setup (started), its join link and the presentation view.
    await page.goto('./#/workshop');
    await expect(page.getByRole('heading', { level: 1, name: 'Run a workshop' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'workshop setup');
    await page.getByRole('button', { name: 'Start the workshop' }).click();
    await expect(page.getByTestId('workshop-status')).toContainText('The workshop is on');
    await expectNoSidewaysScroll(page, 'workshop started');
    const join = await page.getByTestId('workshop-link').inputValue();
    await page.goto('./#/workshop/present');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, 'presentation view');
    await page.goto(join);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, 'join page');
  });

test('on a phone one pane shows at a time under a sticky switcher, with 44 px targets', async ({
  browser,
}) => {
  const phone = await phoneBoard(browser);
  const { page } = phone;
  // The board starts on the first screen.
  await expectInViewport(
    page,
    column(page, 'Backlog').locator('li[data-item-id]').first().locator('.card-top'),
    'the first backlog card',
  );
  // One pane: the backlog; the slots wait behind their tabs.
  await expect(page.getByRole('tab', { name: /^Backlog\b/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(column(page, 'Backlog')).toBeVisible();
  for (const label of big.time.labels) await expect(column(page, label)).toBeHidden();
  await page.getByRole('tab', { name: /^Q2\b/ }).tap();
  await expect(column(page, Q2)).toBeVisible();
  await expect(column(page, 'Backlog')).toBeHidden();
  await page.getByRole('tab', { name: /^Backlog\b/ }).tap();

  // Scrolled down, the strip and the switcher stay in view.
  await page.evaluate(() => window.scrollTo(0, 1500));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  await expectInViewport(page, page.getByRole('tablist'), 'the slot switcher');
  await expectInViewport(page, page.getByTestId('strip'), 'the strip');

  // Every target on the board is at least 44 × 44 px.
  await page.evaluate(() => window.scrollTo(0, 0));
  const small = await page
    .locator('.board-page')
    .locator('button, a[href], select, summary, [role="tab"]')
    .evaluateAll((elements) =>
      elements
        .filter((el) => el.getClientRects().length > 0 && !el.closest('.is-hidden-pane'))
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 44 - 0.5 || box.height < 44 - 0.5)
        .map(
          ({ el, box }) =>
            `${el.textContent?.trim() || el.getAttribute('aria-label')} ${Math.round(box.width)}×${Math.round(box.height)}`,
        ),
    );
  expect(small).toEqual([]);
  await expectNoAxeViolations(page);
  await phone.close();
});

test('tap to move on a phone: "Move to…" then a slot, the view stays put and says what moved', async ({
  browser,
}) => {
  const phone = await phoneBoard(browser);
  const { page } = phone;
  const cards = column(page, 'Backlog').locator('li[data-item-id]');
  const third = cards.nth(2);
  const id = (await third.getAttribute('data-item-id'))!;
  const title = big.items.find((i) => i.id === id)!.title;
  const next = (await cards.nth(3).getAttribute('data-item-id'))!;
  await third.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);

  await third.getByRole('button', { name: `Move to… (${title})` }).tap();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expectInViewport(page, menu, 'the Move to… menu');
  const items = await menu
    .getByRole('menuitem')
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
  for (const height of items) expect(height).toBeGreaterThanOrEqual(44 - 0.5);
  await menu.getByRole('menuitem', { name: Q2, exact: true }).tap();

  await expect
    .poll(() => savedSlots(page, big.id))
    .toEqual(big.time.labels.map((_, s) => (s === 1 ? [id] : [])));
  // Still in the backlog, at the same place, on the next card; the move is said on screen.
  await expect(column(page, 'Backlog')).toBeVisible();
  await expect(card(page, next).locator('[data-move-button]')).toBeFocused();
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThanOrEqual(60);
  await expect(page.locator('.board-last-action')).toContainText(`${title} moved to ${Q2}`);
  await expect(page.getByRole('tab', { name: /^Q2\b/ })).toContainText('1');
  await phone.close();
});

test('a touch drag onto a slot’s tab lands in that slot and never scrolls past it', async ({
  browser,
}) => {
  const phone = await phoneBoard(browser);
  const { page } = phone;
  const first = column(page, 'Backlog').locator('li[data-item-id]').first();
  const id = (await first.getAttribute('data-item-id'))!;
  const title = first.locator('.card-title-line');
  await title.scrollIntoViewIfNeeded();
  const from = (await title.boundingBox())!;
  const tab = (await page.getByRole('tab', { name: /^Q2\b/ }).boundingBox())!;

  const touch = await finger(phone);
  const x = from.x + from.width / 2;
  const y = from.y + from.height / 2;
  const tx = tab.x + tab.width / 2;
  const ty = tab.y + tab.height / 2;
  await touch('touchStart', x, y);
  // Hold past the touch sensor's delay, then wait for the drag to start.
  await expect(page.locator('.drag-preview')).toBeVisible();
  for (let i = 1; i <= 16; i++)
    await touch('touchMove', x + ((tx - x) * i) / 16, y + ((ty - y) * i) / 16);
  await expect(boardAnnouncer(page)).toHaveText(new RegExp(`is over ${Q2}, position 1 of 1`));
  // Held over the tab a while: nothing runs on to later slots.
  for (let i = 0; i < 10; i++) await touch('touchMove', tx + (i % 2), ty);
  await expect(page.locator('.drag-target')).toHaveText(`→ ${Q2}`);
  await touch('touchEnd');
  await expect(boardAnnouncer(page)).toHaveText(new RegExp(`^.+ moved to ${Q2}, position 1 of 1`));
  await expect
    .poll(() => savedSlots(page, big.id))
    .toEqual(big.time.labels.map((_, s) => (s === 1 ? [id] : [])));
  expect(await page.evaluate(() => window.scrollX)).toBe(0);
  await expect(page.getByRole('tab', { name: /^Q2\b/ })).toHaveAttribute('aria-selected', 'true');
  await phone.close();
});

test('a touch drag from far down the backlog opens only the tab it reaches, and lands where the line is', async ({
  browser,
}) => {
  const phone = await phoneBoard(browser);
  const { page } = phone;
  // Q2 holds one card; the page is scrolled down so the slot tabs are stuck at the top and the
  // dragged card's grip sits mid-screen.
  const cards = column(page, 'Backlog').locator('li[data-item-id]');
  const planned = (await cards.first().getAttribute('data-item-id'))!;
  await cards.first().locator('[data-move-button]').click();
  await page.getByRole('menu').getByRole('menuitem', { name: Q2, exact: true }).click();
  await expect(page.getByRole('tab', { name: /^Q2\b/ })).toContainText('1');
  const dragged = cards.nth(3);
  const id = (await dragged.getAttribute('data-item-id'))!;
  await dragged.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const grip = (await dragged.locator('.drag-handle').boundingBox())!;
  const tab = (await page.getByRole('tab', { name: /^Q2\b/ }).boundingBox())!;

  const touch = await finger(phone);
  const selectedTab = () =>
    page.getByRole('tab', { selected: true }).locator('.switcher-label').textContent();
  const x = grip.x + grip.width / 2;
  const y = grip.y + grip.height / 2;
  const tx = tab.x + tab.width / 2;
  const ty = tab.y + tab.height / 2;
  await touch('touchStart', x, y);
  await expect(page.locator('.drag-preview')).toBeVisible();
  const opened = new Set<string | null>();
  const tabTops = new Set<number>();
  for (let i = 1; i <= 16; i++) {
    await touch('touchMove', x + ((tx - x) * i) / 16, y + ((ty - y) * i) / 16);
    opened.add(await selectedTab());
    tabTops.add(Math.round((await page.getByRole('tab', { name: /^Q2\b/ }).boundingBox())!.y));
  }
  // Only the tab under the finger opened its pane, and the tabs stayed where they were (a
  // shorter pane shown mid-drag does not shorten the page under the finger).
  expect([...opened]).toEqual(['Backlog', Q2]);
  expect([...tabTops]).toEqual([Math.round(tab.y)]);
  // Down onto the upper half of Q2's card: the line goes before it, and so does the card.
  const target = (await card(page, planned).boundingBox())!;
  const dx = target.x + target.width / 2;
  const dy = target.y + target.height * 0.25;
  for (let i = 1; i <= 12; i++)
    await touch('touchMove', tx + ((dx - tx) * i) / 12, ty + ((dy - ty) * i) / 12);
  await expect(card(page, planned)).toHaveAttribute('data-drop-before', '');
  await touch('touchEnd');
  await expect(page.locator('.drag-preview')).toHaveCount(0);
  await expect
    .poll(() => savedSlots(page, big.id))
    .toEqual(big.time.labels.map((_, s) => (s === 1 ? [id, planned] : [])));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.close();
});

test('at 200% zoom the menus open inside the window', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto(board);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(big.title, {
    timeout: 30_000,
  });
  // A card low on the screen: its "Move to…" button near the bottom edge.
  const cards = column(page, 'Backlog').locator('li[data-item-id]');
  const button = cards.nth(3).locator('[data-move-button]');
  await button.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await button.click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expectInViewport(page, menu, 'the Move to… menu near the bottom');
  await page.keyboard.press('Escape');
  // The warnings menu, in the sticky strip at the top.
  await placeWithKeys(page, ['1', '1', '1']);
  await page.getByTestId('warning-count').click();
  await expect(menu).toBeVisible();
  await expectInViewport(page, menu, 'the warnings menu');
  await expectNoAxeViolations(page);
});

test('on a phone a row of slot tabs wider than the screen fades at the edge it continues past, and the chosen tab scrolls into view', async ({
  browser,
}) => {
  const audit = readScenario('audit-year');
  const phone = await watchedContext(browser, undefined, {
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const { page } = phone;
  await page.goto(`./#/s/${audit.id}/plan`);
  const row = page.getByRole('tablist', { name: 'Show one column of the board' });
  const tabs = row.getByRole('tab');
  await expect(tabs).toHaveCount(audit.time.labels.length + 1);
  /** Whether the row hides tabs before and after what it shows, and whether it fades there. */
  const edges = () =>
    row.evaluate((el) => ({
      hidden: {
        before: el.scrollLeft > 1,
        after: el.scrollLeft + el.clientWidth < el.scrollWidth - 1,
      },
      fades: {
        before: el.hasAttribute('data-more-before'),
        after: el.hasAttribute('data-more-after'),
      },
      mask: getComputedStyle(el).maskImage,
    }));
  const first = await edges();
  expect(first.hidden).toEqual({ before: false, after: true });
  expect(first.fades).toEqual(first.hidden);
  expect(first.mask).toContain('gradient');

  // The last slot, chosen with the keyboard (End), scrolls into the row, which now fades before it.
  await tabs.first().focus();
  await page.keyboard.press('End');
  const last = tabs.last();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect
    .poll(async () => {
      const [tab, box] = [(await last.boundingBox())!, (await row.boundingBox())!];
      return tab.x >= box.x - 0.5 && tab.x + tab.width <= box.x + box.width + 0.5;
    })
    .toBe(true);
  await expect.poll(async () => (await edges()).fades).toEqual({ before: true, after: false });
  await expect.poll(async () => (await edges()).hidden).toEqual({ before: true, after: false });

  // Back to the first (Home): the row fades after it again, not before.
  await page.keyboard.press('Home');
  await expect.poll(async () => (await edges()).fades).toEqual({ before: false, after: true });
  await phone.close();
});

test('the shortcut list’s tables line their actions up, and no key runs into its action, on a laptop and a phone', async ({
  page,
}) => {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await page.goto(board);
    await expect(page.locator('li[data-item-id]').first()).toBeVisible();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    const layout = await dialog.locator('table').evaluateAll((tables) =>
      tables.map((table) => ({
        action: Math.round(table.querySelector('td:nth-child(2)')!.getBoundingClientRect().x),
        overruns: [...table.querySelectorAll('td:first-child kbd')]
          .filter(
            (kbd) =>
              kbd.getBoundingClientRect().right >
              kbd.closest('td')!.nextElementSibling!.getBoundingClientRect().left + 0.5,
          )
          .map((kbd) => kbd.textContent),
      })),
    );
    expect(layout.length).toBeGreaterThanOrEqual(3);
    expect(new Set(layout.map((t) => t.action)).size, `${size.width} px: action columns`).toBe(1);
    expect(
      layout.flatMap((t) => t.overruns),
      `${size.width} px: keys over their actions`,
    ).toEqual([]);
    await page.keyboard.press('Escape');
  }
});
