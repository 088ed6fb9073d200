/**
 * A screen looks the same whatever the learner opened before it.
 *
 * Each screen's stylesheet arrives with the screen and stays in the page, so a rule written for one
 * screen that also matches another screen's elements changes that screen only once the learner has
 * been elsewhere: the board's card timing bar (`.timeline`) collapsed the briefing's known dates to a
 * 5-pixel bar after a visit to the board, and the debrief's phone table turned the item drawer's
 * framework scores into ": 600" lines after a debrief. Each screen here is opened in a fresh page
 * and measured, then measured again with every stylesheet of the build added after its own — the
 * order later visits give them — and every element must keep its place, size, display, colours and
 * weight. Printing, whose rules once came only with the debrief's stylesheet, is checked on a
 * screen opened fresh.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Page } from '@playwright/test';

import { watchedContext } from './contexts';
import { expect, moveTo, readScenario, showProjection, test, titleOf } from './support';

const scenario = readScenario('audit-year');
const [Q1, Q2] = scenario.time.labels as [string, string];
// An item a stakeholder asked for, so the drawer shows the ask's forecast.
const ASKED = 'pci-mfa';

/** Every stylesheet of the build the browser tests are served (playwright.config.ts's folder). */
function buildStylesheets(): string[] {
  const port = Number(process.env.E2E_PORT ?? 4173);
  const outDir = port === 4173 ? 'dist' : `dist-e2e-${port}`;
  const path = fileURLToPath(new URL(`../../${outDir}/.vite/manifest.json`, import.meta.url));
  if (!existsSync(path)) throw new Error(`no build manifest at ${path}: build the app first`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { css?: string[] }>;
  const files = new Set(Object.values(manifest).flatMap((chunk) => chunk.css ?? []));
  expect(files.size, 'stylesheets in the build').toBeGreaterThan(3);
  return [...files];
}

/** Each element of the page (not the insides of charts): what it is, where, and how it looks. */
function measure(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.body.querySelectorAll('*')]
      .filter(
        (el) => !el.parentElement?.closest('svg') && !['SCRIPT', 'STYLE'].includes(el.tagName),
      )
      .map((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        const classes = typeof el.className === 'string' ? el.className.trim() : '';
        const name = `${el.tagName.toLowerCase()}${classes ? `.${classes.split(/\s+/).join('.')}` : ''}`;
        const place = [box.x, box.y, box.width, box.height].map(Math.round).join(',');
        return `${name} at ${place}: ${style.display} ${style.position} ${style.color} on ${style.backgroundColor}, weight ${style.fontWeight}`;
      }),
  );
}

/** Measures once two measures a moment apart agree (fonts, lazy charts and transitions done). */
async function settledMeasure(page: Page): Promise<string[]> {
  await page.mouse.move(0, 0);
  let last = await measure(page);
  await expect
    .poll(async () => {
      await page.waitForTimeout(250);
      const now = await measure(page);
      const same = now.length === last.length && now.every((line, i) => line === last[i]);
      last = now;
      return same;
    })
    .toBe(true);
  return last;
}

/** Adds every stylesheet the page does not have yet, after its own, and waits for them. */
async function addEveryStylesheet(page: Page, files: string[]) {
  const added = await page.evaluate(async (files) => {
    const have = new Set(
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((link) =>
        new URL(link.href).pathname.split('/').pop(),
      ),
    );
    const missing = files.filter((file) => !have.has(file.split('/').pop()));
    await Promise.all(
      missing.map(
        (file) =>
          new Promise<void>((resolve, reject) => {
            const link = document.createElement('link');
            link.rel = 'stylesheet';
            link.href = `./${file}`;
            link.onload = () => resolve();
            link.onerror = () => reject(new Error(`${file} did not load`));
            document.head.append(link);
          }),
      ),
    );
    return missing.length;
  }, files);
  expect(added, 'stylesheets this screen had not loaded').toBeGreaterThan(0);
}

/** The lines that differ between two measures of the same screen, the first few of them. */
function differences(fresh: string[], after: string[]): string[] {
  if (fresh.length !== after.length)
    return [`${fresh.length} elements fresh, ${after.length} with every stylesheet`];
  return fresh
    .map((line, i) => (line === after[i] ? null : `fresh: ${line}\n  then: ${after[i]}`))
    .filter((line): line is string => line !== null)
    .slice(0, 8);
}

interface Screen {
  name: string;
  path: string;
  /** Waits until the screen is drawn (and opens what it shows, such as a dialog). */
  ready: (page: Page) => Promise<void>;
}

async function skipToDebrief(page: Page) {
  const result = page.getByTestId('debrief-score');
  const skip = page.getByRole('button', { name: 'Skip to the debrief' });
  await expect(result.or(skip)).toBeVisible({ timeout: 30_000 });
  if (await skip.isVisible()) await skip.click();
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('lens-table')).toBeVisible();
}

function screens(shareLink: string): Screen[] {
  const heading = (name: string | RegExp) => async (page: Page) =>
    expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  return [
    {
      name: 'library',
      path: './#/',
      ready: (p) => expect(p.getByRole('article').first()).toBeVisible(),
    },
    {
      name: 'briefing',
      path: `./#/s/${scenario.id}`,
      ready: (p) => expect(p.getByRole('heading', { name: 'Known dates' })).toBeVisible(),
    },
    {
      name: 'board',
      path: `./#/s/${scenario.id}/plan`,
      ready: (p) => expect(p.locator('li[data-item-id]').first()).toBeVisible(),
    },
    {
      name: 'item details',
      path: `./#/s/${scenario.id}/plan`,
      ready: async (p) => {
        // On a phone the board shows one pane at a time: Q1's first.
        await expect(p.locator('li[data-item-id]').first()).toBeVisible();
        const tab = p.getByRole('tab', { name: new RegExp(`^${Q1}\\b`) });
        if (await tab.isVisible()) await tab.click();
        await p.getByRole('button', { name: titleOf(scenario, ASKED), exact: true }).click();
        await expect(p.getByRole('dialog').getByRole('table')).toBeVisible();
      },
    },
    { name: 'debrief', path: `./#/s/${scenario.id}/play`, ready: skipToDebrief },
    { name: 'variants', path: `./#/s/${scenario.id}/compare`, ready: heading(/./) },
    { name: 'shared plan', path: shareLink, ready: heading(/./) },
    { name: 'workshop setup', path: './#/workshop', ready: heading(/./) },
    { name: 'team comparison', path: './#/workshop/compare', ready: heading(/./) },
    { name: 'saved data', path: './#/data', ready: heading(/./) },
    { name: 'join a room', path: './#/room', ready: heading(/./) },
  ];
}

/** Plans a few items (one a stakeholder asked for) and returns the plan's share link. */
async function planAndShare(page: Page): Promise<string> {
  await page.goto(`./#/s/${scenario.id}/plan`);
  await showProjection(page);
  const [first, second] = scenario.items.filter((i) => !i.injected && i.id !== ASKED);
  await moveTo(page, titleOf(scenario, ASKED), Q1);
  await moveTo(page, first!.title, Q1);
  await moveTo(page, second!.title, Q2);
  await page.getByRole('button', { name: 'Share…' }).click();
  const link = await page
    .getByRole('dialog', { name: /^Share/ })
    .getByTestId('share-link')
    .inputValue();
  await page.keyboard.press('Escape');
  const hash = new URL(link).hash;
  expect(hash).toMatch(/^#\/share\//);
  return `./${hash}`;
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`every screen at ${size.width}×${size.height} looks the same with every other screen's styles loaded after its own`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const files = buildStylesheets();
    const shareLink = await planAndShare(page);
    await page.setViewportSize(size);
    const found: string[] = [];
    for (const screen of screens(shareLink)) {
      // A fresh page: only the stylesheets this screen (and the app's shell) brings.
      await page.goto('about:blank');
      await page.goto(screen.path);
      await screen.ready(page);
      const fresh = await settledMeasure(page);
      await addEveryStylesheet(page, files);
      const after = await settledMeasure(page);
      for (const line of differences(fresh, after)) found.push(`${screen.name}: ${line}`);
    }
    expect(found, 'elements that changed once the other screens’ styles were loaded').toEqual([]);
  });
}

test('a page printed in the dark theme is on white paper without the site header, whatever was opened before', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`./#/s/${scenario.id}`);
  await expect(page.getByRole('heading', { name: 'Known dates' })).toBeVisible();
  const header = page.locator('.site-header');
  await expect(header).toBeVisible();
  const screenBackground = await page.evaluate(
    () => getComputedStyle(document.body).backgroundColor,
  );
  expect(screenBackground).not.toBe('rgb(255, 255, 255)');

  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(header).toBeHidden();
  const print = await page.evaluate(() => ({
    background: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.body).color,
    // A colour the dark theme changes (cards, dialogs): its light value on paper.
    surface: (() => {
      const probe = document.createElement('div');
      probe.style.backgroundColor = 'var(--surface)';
      document.body.append(probe);
      const colour = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return colour;
    })(),
  }));
  expect(print).toEqual({
    background: 'rgb(255, 255, 255)',
    text: 'rgb(0, 0, 0)',
    surface: 'rgb(255, 255, 255)',
  });
});

/** WCAG's contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number) as [
      number,
      number,
      number,
    ];
    const channel = (c: number) => {
      const x = c / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(bl);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the over-capacity bar is hatched in the ${colorScheme} theme, not only coloured`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(`./#/s/${scenario.id}/plan`);
    const swatch = page.getByTestId('board-legend').locator('.swatch.load-over');
    await expect(swatch).toBeVisible();
    const image = await swatch.evaluate((el) => getComputedStyle(el).backgroundImage);
    const stripes = [...new Set(image.match(/rgba?\([^)]*\)/g) ?? [])];
    expect(stripes, image).toHaveLength(2);
    // Stripes a reader can tell apart (3:1, as for any graphic that carries meaning).
    expect(contrast(stripes[0]!, stripes[1]!)).toBeGreaterThanOrEqual(3);
  });
}

test('on a touch phone every control of every screen is at least 44 × 44 px (checkboxes and radios 24 px, beside their labels)', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const phone = await watchedContext(browser, undefined, {
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const { page } = phone;
  const small: string[] = [];
  for (const path of [
    './#/',
    `./#/s/${scenario.id}`,
    `./#/s/${scenario.id}/plan`,
    `./#/s/${scenario.id}/compare`,
    './#/workshop',
    './#/workshop/compare',
    './#/data',
    './#/room',
  ]) {
    await page.goto('about:blank');
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    const found = await page
      .locator('a[href], button, select, input, textarea, summary, [role="tab"]')
      .evaluateAll((elements) =>
        elements
          .filter((el) => el.getClientRects().length > 0 && !el.closest('.skip-link'))
          // Links inside running text are sized by the text (WCAG's inline exception); a file
          // input hidden behind its button is not a target.
          .filter((el) => !(el.tagName === 'A' && getComputedStyle(el).display === 'inline'))
          .filter((el) => !el.matches('input[type="file"]'))
          .map((el) => {
            const box = el.getBoundingClientRect();
            const mark = el.matches('input[type="checkbox"], input[type="radio"]');
            const least = mark ? 24 : 44;
            const name = (el.textContent?.trim() || el.getAttribute('aria-label') || el.tagName)
              .slice(0, 30)
              .trim();
            return box.width < least - 0.5 || box.height < least - 0.5
              ? `${name} ${Math.round(box.width)}×${Math.round(box.height)}`
              : null;
          })
          .filter((line): line is string => line !== null),
      );
    for (const line of found) small.push(`${path}: ${line}`);
  }
  expect(small, 'controls smaller than a finger').toEqual([]);
  await phone.close();
});
