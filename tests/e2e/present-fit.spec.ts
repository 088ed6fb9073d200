/**
 * The presentation view's clock fits its panel: at every window size from a phone to a 2560×1440
 * screen the clock's text (and the line under it) stays inside the timer panel's content box — a
 * 15-minute timer ("15:00"), a 3-hour one ("3:00:00", the widest the timer shows) and a flashing
 * "0:00" at time up — and on a 1920×1080 projector the clock stays big enough to read from the
 * back of the room. The clock used to follow the window's height, and overflowed its panel (a
 * quarter of the window) on laptops.
 */
import type { Page } from '@playwright/test';

import { expect, expectNoAxeViolations, readScenario, test } from './support';

const zeroDay = readScenario('zero-day');

const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
] as const;

/** Sets up a workshop of zero-day with a timer of `minutes` and opens the presentation view. */
async function presentWithTimer(page: Page, minutes: number) {
  await page.goto('./#/');
  await page.getByRole('link', { name: 'Run a workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Run a workshop' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(zeroDay.id);
  const field = page.getByRole('spinbutton', { name: 'Minutes per round' });
  await field.fill(String(minutes));
  await field.blur();
  await page.getByRole('button', { name: 'Start the workshop' }).click();
  await expect(page.getByTestId('workshop-status')).toContainText('The workshop is on');
  await page.getByRole('link', { name: 'Presentation view' }).first().click();
  await expect(page.getByTestId('present-page')).toBeVisible();
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The timer panel's content box, the clock's text, its element and the state line under it. */
function measureClock(page: Page) {
  return page.evaluate(() => {
    const panel = document.querySelector<HTMLElement>('.present-clock')!;
    const clock = panel.querySelector<HTMLElement>('[role="timer"]')!;
    const state = panel.querySelector<HTMLElement>('.timer-state')!;
    const textBox = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const r = panel.getBoundingClientRect();
    const s = getComputedStyle(panel);
    const px = (v: string) => parseFloat(v) || 0;
    const content = {
      left: r.left + px(s.borderLeftWidth) + px(s.paddingLeft),
      right: r.right - px(s.borderRightWidth) - px(s.paddingRight),
      top: r.top + px(s.borderTopWidth) + px(s.paddingTop),
      bottom: r.bottom - px(s.borderBottomWidth) - px(s.paddingBottom),
    };
    const c = clock.getBoundingClientRect();
    return {
      text: clock.textContent ?? '',
      fontSize: px(getComputedStyle(clock).fontSize),
      content,
      clockText: textBox(clock),
      clockElement: { left: c.left, right: c.right, top: c.top, bottom: c.bottom },
      stateText: textBox(state),
      scrollWidth: clock.scrollWidth,
      clientWidth: clock.clientWidth,
    };
  });
}

/** Fails unless `inner` lies inside `outer` horizontally (half a pixel of rounding allowed). */
function expectInside(inner: Box, outer: Box, what: string) {
  expect(inner.left, `${what}: left edge`).toBeGreaterThanOrEqual(outer.left - 0.5);
  expect(inner.right, `${what}: right edge`).toBeLessThanOrEqual(outer.right + 0.5);
}

/** Checks the clock at every window size; returns its font size at 1920×1080. */
async function expectClockFits(page: Page, pattern: RegExp): Promise<number> {
  let projector = 0;
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const at = `${size.width}×${size.height}`;
    const m = await measureClock(page);
    expect(m.text, `${at}: the clock`).toMatch(pattern);
    expectInside(m.clockText, m.content, `${at}: the clock's text "${m.text}"`);
    expectInside(m.clockElement, m.content, `${at}: the clock`);
    expectInside(m.stateText, m.content, `${at}: the line under the clock`);
    expect(m.scrollWidth, `${at}: the clock's overflow`).toBeLessThanOrEqual(m.clientWidth);
    // Below the panel's heading, not over it or below the panel.
    expect(m.clockText.top, `${at}: the clock's top`).toBeGreaterThanOrEqual(m.content.top);
    expect(m.clockText.bottom, `${at}: the clock's bottom`).toBeLessThanOrEqual(m.content.bottom);
    if (size.width === 1920) projector = m.fontSize;
  }
  return projector;
}

test('the running clock of a 15-minute timer fits its panel at every window size', async ({
  page,
}) => {
  await presentWithTimer(page, 15);
  await page.getByRole('button', { name: 'Start the timer' }).click();
  await expect(page.getByRole('button', { name: 'Pause the timer' })).toBeVisible();
  await expect(page.getByText(/^Running · 15 minutes$/)).toBeVisible();
  const projector = await expectClockFits(page, /^1[45]:\d\d$/);
  // Read from the back of a room on a 1920×1080 projector.
  expect(projector, 'the clock’s font size at 1920×1080').toBeGreaterThanOrEqual(64);

  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoAxeViolations(page);
});

test('a 3-hour timer, the widest the clock shows, fits its panel too', async ({ page }) => {
  await presentWithTimer(page, 180);
  await page.getByRole('button', { name: 'Start the timer' }).click();
  await page.getByRole('button', { name: 'Pause the timer' }).click();
  await expect(page.getByText(/^Paused · 180 minutes$/)).toBeVisible();
  const projector = await expectClockFits(page, /^[23]:\d\d:\d\d$/);
  expect(projector, 'the clock’s font size at 1920×1080').toBeGreaterThanOrEqual(64);
});

test('the flashing clock at time up fits its panel', async ({ page }) => {
  await page.clock.install();
  await presentWithTimer(page, 1);
  await page.getByRole('button', { name: 'Start the timer' }).click();
  await page.clock.fastForward('01:05');
  await expect(page.getByText(/^Time is up$/)).toBeVisible();
  await expect(page.getByTestId('workshop-timer')).toHaveClass(/is-alerting/);
  await expectClockFits(page, /^0:00$/);
});
