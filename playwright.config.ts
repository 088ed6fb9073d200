import { defineConfig, devices } from '@playwright/test';

// Playwright never downloads a browser here: it drives the system Chromium (Debian's
// `/usr/bin/chromium`), or whatever Chrome/Chromium CHROME_PATH points at.
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

// E2E_PORT lets several checkouts (or engineers) run the suite at once: each gets its own port and
// its own build folder, so one run never serves another's build.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const OUT_DIR = PORT === 4173 ? 'dist' : `dist-e2e-${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two browsers on two cores next to a static preview server (which needs almost no CPU). The
  // timeouts are hang detection, not speed checks: a passing test never waits for them, so they
  // are sized for a machine far busier than two browsers make it. At a load average of 26 on 2
  // cores one axe scan of a whole page took up to 40 s and a lazy screen over 10 s; tests that
  // wait for a par search set their own, longer budget.
  workers: 2,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: 'list',
  use: {
    baseURL: BASE_URL,
    screenshot: 'only-on-failure',
    trace: 'off',
    // Each test's fresh context would otherwise install the app's service worker, which fetches
    // and caches every file of the build, on a CPU the two browsers already fill: the whole suite
    // took 12 min 36 s with it and 10 min 39 s without (docs/quality.md). The tests of offline
    // use and updates (offline.spec.ts, update.spec.ts) allow it again.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            // Without these Chromium keeps calling home, which fails on a closed network.
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    // Serves the production build, building it only when OUT_DIR does not already hold a build
    // of the current sources (after `npm run check`, dist/ does: it is not built twice).
    command: `npx tsx scripts/e2e/server.ts --port ${PORT} --out-dir ${OUT_DIR}`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    // A build on a busy 2-core machine can take minutes.
    timeout: 300_000,
  },
});
