/**
 * A new deploy reaches open tabs. One origin serves a build, then a second build of the app (made
 * here with another version label) in its place, like a host after a deploy. The service worker
 * keeps the new version waiting; the app says so, also after a reload of the old tab, and
 * switches to it when asked — with the work done before the update kept. A second tab that did
 * not ask is told, not reloaded under its user.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Page } from '@playwright/test';

import { watchedContext } from './contexts';
import { column, expect, expectNoAxeViolations, freeItems, readScenario, test } from './support';

const root = fileURLToPath(new URL('../../', import.meta.url));
const port = Number(process.env.E2E_PORT ?? 4173);
/** The build playwright.config.ts made for this run, and the "next" one made here. */
const firstBuild = join(root, port === 4173 ? 'dist' : `dist-e2e-${port}`);
const nextBuild = join(root, `dist-e2e-${port}-next`);

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

/** A plain static server whose folder can be swapped, as a host's files are by a deploy. */
function serveSwappable(folder: () => string): Promise<Server> {
  const server = createServer((request, response) => {
    const base = folder();
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base + sep) && file !== base) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function controlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function versionShown(page: Page): Promise<string> {
  await page.goto(page.url().replace(/#.*$/, '#/data'));
  return (await page.getByTestId('app-version').textContent()) ?? '';
}

const big = readScenario('big-customer');
const [Q1] = big.time.labels as [string];
const [first] = freeItems(big);

test.describe('a new version', () => {
  // The browser tests block service workers (playwright.config.ts); updates arrive through one.
  test.use({ serviceWorkers: 'allow' });
  // Playwright reads the fixtures from the first argument, which must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  test.beforeAll(({}, testInfo) => {
    // A second build of the same sources with another label: a real rebuild, as a deploy makes.
    testInfo.setTimeout(300_000);
    execFileSync('npx', ['vite', 'build', '--outDir', nextBuild, '--emptyOutDir'], {
      cwd: root,
      env: { ...process.env, DOJO_BUILD_LABEL: 'next', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: 'pipe',
    });
  });

  test('is announced, also after a reload, and applied on request with the work kept', async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    let folder = firstBuild;
    const server = await serveSwappable(() => folder);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const tab = await watchedContext(browser, origin, { serviceWorkers: 'allow' });
    const other = await tab.context.newPage();
    const page = tab.page;
    try {
      await page.goto(`${origin}/#/s/${big.id}/plan`);
      await controlled(page);
      await page.getByRole('button', { name: `Move to… (${first!.title})` }).click();
      await page.getByRole('menuitem', { name: Q1, exact: true }).click();
      expect(await versionShown(page)).not.toContain('(next)');
      await other.goto(`${origin}/#/`);
      await expect(
        other.getByRole('heading', { level: 1, name: 'Scenario library' }),
      ).toBeVisible();

      // The host now serves the next build; the open tab finds it.
      folder = nextBuild;
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      const prompt = page.getByTestId('update-prompt');
      await expect(prompt).toContainText('A new version of Roadmap Dojo is ready');
      await expectNoAxeViolations(page, '[data-testid="update-prompt"]');

      // A reload alone keeps the old version (it waits), and says so again.
      await page.reload();
      await expect(page.getByTestId('update-prompt')).toContainText(
        'A new version of Roadmap Dojo is ready',
      );
      expect(await page.getByTestId('app-version').textContent()).not.toContain('(next)');

      // Asked, it switches and reloads: the next build runs, the plan is as it was.
      await page
        .getByTestId('update-prompt')
        .getByRole('button', { name: 'Reload to update' })
        .click();
      await expect(page.getByTestId('app-version')).toContainText('(next)');
      await expect(page.getByTestId('update-prompt')).toHaveCount(0);
      await page.goto(`${origin}/#/s/${big.id}/plan`);
      await expect(column(page, Q1).locator(`[data-item-id="${first!.id}"]`)).toBeVisible();

      // The other tab is told, and not reloaded under its user.
      await expect(other.getByTestId('update-prompt')).toContainText(
        'Roadmap Dojo was updated in another tab',
      );
      await other
        .getByTestId('update-prompt')
        .getByRole('button', { name: 'Reload to update' })
        .click();
      await expect(other.getByTestId('update-prompt')).toHaveCount(0);
      expect(await versionShown(other)).toContain('(next)');
      await tab.close();
    } finally {
      server.close();
    }
  });
});
