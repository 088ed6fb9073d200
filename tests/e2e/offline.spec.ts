import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { BrowserContext, Page } from '@playwright/test';

import { watchedContext } from './contexts';
import {
  column,
  expect,
  freeItems,
  projectedScore,
  readScenario,
  showProjection,
  test,
} from './support';

// The browser tests block service workers (playwright.config.ts); these are about one.
test.use({ serviceWorkers: 'allow' });

const big = readScenario('big-customer');
const [Q1] = big.time.labels as [string];
const [first] = freeItems(big);

/** Waits until the service worker is active and controls the page. */
async function controlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * True when a request for a file the service worker does not hold gets through. It runs in a
 * page of its own, since the browser logs the failed request as a console error.
 */
async function networkReachable(context: BrowserContext): Promise<boolean> {
  const probe = await context.newPage();
  try {
    await probe.goto('./');
    return await probe.evaluate(() =>
      fetch(`./not-precached-${Date.now()}.txt`, { cache: 'no-store' }).then(
        () => true,
        () => false,
      ),
    );
  } finally {
    await probe.close();
  }
}

test('after the first visit the app loads and works with the network cut', async ({
  page,
  context,
}) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Scenario library' })).toBeVisible();
  await controlled(page);
  const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(manifest).toBe('./manifest.webmanifest');

  await context.setOffline(true);
  expect(await networkReachable(context)).toBe(false);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Scenario library' })).toBeVisible();

  // Screens that load on demand come from the cache too; the board works.
  await page.goto(`./#/s/${big.id}/plan`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(big.title);
  await page.getByRole('button', { name: `Move to… (${first!.title})` }).click();
  await page.getByRole('menuitem', { name: Q1, exact: true }).click();
  await expect(column(page, Q1).locator(`[data-item-id="${first!.id}"]`)).toBeVisible();
  await showProjection(page);
  await expect(projectedScore(page)).toHaveText(/^\d+\.\d$/);
  await page.reload();
  await expect(column(page, Q1).locator(`[data-item-id="${first!.id}"]`)).toBeVisible();
  await context.setOffline(false);
});

/** The folder playwright.config.ts builds into for this run (see E2E_PORT there). */
function buildFolder(): string {
  const port = Number(process.env.E2E_PORT ?? 4173);
  const root = fileURLToPath(new URL('../../', import.meta.url));
  return join(root, port === 4173 ? 'dist' : `dist-e2e-${port}`);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** A plain static file server with no rewrites or special configuration, like any web host. */
function serveFolder(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('the same build works from a sub-path of a plain static server, offline too', async ({
  browser,
}) => {
  const site = mkdtempSync(join(tmpdir(), 'dojo-site-'));
  cpSync(buildFolder(), join(site, 'team', 'dojo'), { recursive: true });
  const server = await serveFolder(site);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const visitor = await watchedContext(browser, origin, { serviceWorkers: 'allow' });
  const page = visitor.page;
  try {
    await page.goto(`${origin}/team/dojo/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Scenario library' })).toBeVisible();
    await controlled(page);
    const scope = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.scope,
    );
    expect(scope).toBe(`${origin}/team/dojo/`);

    await page.goto(`${origin}/team/dojo/#/s/${big.id}/plan`);
    await page.getByRole('button', { name: 'Share…' }).click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link.startsWith(`${origin}/team/dojo/#/share/p1.`)).toBe(true);
    await page.keyboard.press('Escape');

    await visitor.context.setOffline(true);
    // A fresh load (not a hash change of the open page) of the share link, from the cache.
    await page.goto('about:blank');
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Plan A' })).toBeVisible();
    await expect(page.getByTestId('shared-score')).toHaveText(/^\d+\.\d$/);
    await visitor.close();
  } finally {
    server.close();
    rmSync(site, { recursive: true, force: true });
  }
});
