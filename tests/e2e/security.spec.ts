/**
 * Privacy and security of the built app: a Content-Security-Policy with no inline script and no
 * eval that the app works under (every other browser test runs under it too and fails on any
 * console error, which is how violations show), and untrusted scenario text shown as text.
 */
import { test as plain } from '@playwright/test';

import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../src/security/headers';
import { APP_ORIGIN, expect, scenarioText, test } from './support';

// The plain runner: this test provokes a violation on purpose, which the checked fixture would
// (rightly) count as a console error.
plain(
  'the app runs under a Content-Security-Policy that forbids inline script and eval',
  async ({ page }) => {
    await page.goto('./');
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');

    // Violations are reported to the console; the fixture would fail on them, so listen here
    // only for the ones this test provokes on purpose.
    const refused: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && m.text().includes('Content Security Policy'))
        refused.push(m.text());
    });
    // An inline script added to the page does not run, and the browser reports the violation.
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as { injected?: boolean };
      w.injected = false;
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(e.violatedDirective),
      );
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
      await new Promise((r) => setTimeout(r, 100));
      return { ran: w.injected, violations };
    });
    expect(outcome.ran).toBe(false);
    expect(outcome.violations).toContain('script-src-elem');
  },
);

// Plain runner again: the browser reports the refused frame on the console, on purpose.
plain(
  'the server sends the security headers, and a page of another origin cannot frame the app',
  async ({ page, request }) => {
    const response = await request.get('./');
    const headers = response.headers();
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(headers[name.toLowerCase()], name).toBe(value);
    expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);

    const refused: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes('frame-ancestors')) refused.push(m.text());
    });
    // about:blank is another (opaque) origin than the app.
    await page.setContent(`<iframe title="framed app" src="${APP_ORIGIN}/"></iframe>`);
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    const framed = page.frameLocator('iframe[title="framed app"]');
    await expect(framed.getByRole('heading', { name: 'Scenario library' })).toHaveCount(0);
  },
);

test('a scenario title with markup shows as text, never as HTML', async ({ page }) => {
  const data = JSON.parse(scenarioText('tutorial')) as Record<string, unknown>;
  const title = '<img src=x onerror="window.pwned=1"> Markup <b>title</b>';
  Object.assign(data, { id: 'markup-title', title });
  await page.goto('./');
  await page.getByTestId('scenario-file-input').setInputFiles({
    name: 'markup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(data)),
  });
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  expect(await page.locator('main img[src="x"], main b').count()).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
  ).toBeUndefined();
});

test('using the app breaks none of the policy: no violation from library to debrief', async ({
  page,
}) => {
  // Recorded from the first script on each page, before the app's own code runs.
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto('./#/s/tutorial/plan');
  await expect(page.getByRole('combobox', { name: 'Plan variant' })).toBeVisible();
  await page.getByRole('link', { name: 'Play the year' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The debrief's jobs validate the scenario again in the worker.
  await page.waitForTimeout(1500);
  const violations = await page.evaluate(
    () => (window as unknown as { violations: string[] }).violations,
  );
  expect(violations).toEqual([]);
});
