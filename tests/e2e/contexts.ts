/**
 * A second browser context for end-to-end tests that need two people (a sender and a recipient),
 * with the same guards as the `page` fixture in support.ts: the test fails on console errors and
 * on requests that leave the given origin.
 */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

import { APP_ORIGIN } from './support';

export interface WatchedContext {
  context: BrowserContext;
  page: Page;
  /** Asserts no console errors and no foreign requests so far, then closes the context. */
  close: () => Promise<void>;
}

export async function watchedContext(
  browser: Browser,
  origin: string = APP_ORIGIN,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<WatchedContext> {
  const context = await browser.newContext({ baseURL: `${origin}/`, ...options });
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:')
      foreignRequests.push(request.url());
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  return {
    context,
    page,
    close: async () => {
      expect(consoleErrors, 'console errors').toEqual([]);
      expect(foreignRequests, `requests that left ${origin}`).toEqual([]);
      await context.close();
    },
  };
}
