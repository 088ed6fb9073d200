import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

import { buildStamp } from './scripts/vite/buildStamp.ts';
import { scenarioIndex } from './scripts/vite/scenarioIndex.ts';
import { META_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './src/security/headers.ts';

// Test folders outside these two projects (e2e) are run by Playwright, never by Vitest.
const sharedExclude = ['**/node_modules/**', 'dist/**', 'tests/e2e/**'];

/*
 * Offline: a Workbox service worker precaches the whole build (every screen, chunk, scenario and
 * icon), so after the first visit the app loads with no network. The app registers it from its
 * own bundle (no inline script, so a strict Content-Security-Policy holds); it fetches nothing from
 * other origins. A new version waits (no mid-session swap of code) and the app offers to switch to
 * it. Not active in `npm run dev` or in the unit tests.
 */
const offline = VitePWA({
  registerType: 'prompt',
  // Registered by the app (src/app/updates.ts through virtual:pwa-register), which says when a
  // new version is waiting and switches to it when the user asks.
  injectRegister: false,
  manifest: {
    name: 'Roadmap Dojo',
    short_name: 'Roadmap Dojo',
    description:
      'Practise roadmap prioritization: plan a year, play it forward, see what your plan did and why.',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#f6f7f9',
    theme_color: '#1d4ed8',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{html,js,css,svg,png,webmanifest,json,txt}'],
    navigateFallback: 'index.html',
    clientsClaim: true,
    cleanupOutdatedCaches: true,
  },
});

/*
 * Content-Security-Policy of the built app: no inline script, no eval, nothing from other
 * origins. A meta tag, so it holds on any static host; only in builds, because the dev server
 * injects inline scripts for hot reloading. Every browser test runs the build under it, and
 * `vite preview` also sends the full security headers (with frame-ancestors, which a meta tag
 * cannot carry). One source for both: src/security/headers.ts.
 */
const contentSecurityPolicy = (): Plugin => ({
  name: 'roadmap-dojo:csp',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (html) =>
      html.replace(
        /<meta charset="UTF-8" \/>/i,
        (charset) =>
          `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`,
      ),
  },
});

/** The version users see (Saved data): package.json's, with a build label when one is given. */
const appVersion = (() => {
  const { version } = JSON.parse(
    readFileSync(fileURLToPath(new URL('./package.json', import.meta.url)), 'utf8'),
  ) as { version: string };
  const label = process.env.DOJO_BUILD_LABEL;
  return label ? `${version} (${label})` : version;
})();

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  plugins: [
    react(),
    offline,
    contentSecurityPolicy(),
    scenarioIndex(fileURLToPath(new URL('./scenarios', import.meta.url))),
    buildStamp(fileURLToPath(new URL('.', import.meta.url))),
  ],
  // Relative asset URLs: the built app can be hosted from any sub-path (or opened from a folder).
  base: './',
  // dist/.vite/manifest.json maps each chunk to its source module and imports: the bundle budget
  // script (scripts/quality/size.ts) reads it to tell the optional rooms add-on from the app.
  // Not precached (the service worker skips dot folders) and never fetched by the app.
  build: { manifest: true },
  // The headers a static host sends from public/_headers (Netlify, Cloudflare Pages).
  preview: { headers: { ...SECURITY_HEADERS } },
  test: {
    // A project with no test files yet (e.g. `ui` early on) must not fail `npm test`.
    passWithNoTests: true,
    // Vitest's default is one test file at a time per core but one: a single file on a 2-core
    // machine, where the suite then took 4 min 40 s, and 2 min 46 s with two at once
    // (docs/quality.md, "The unit suite on both cores"). Larger machines keep the default.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'engine',
          environment: 'node',
          include: ['tests/{engine,explain,cli,scenarios,scripts,workers,room,relay}/**/*.test.ts'],
          exclude: sharedExclude,
          // Node tests of pure modules share one module cache per worker instead of re-importing
          // the engine for each of their 60 files: the project runs in half the time (64 s →
          // 30 s on 2 cores). None of them mocks a module; a test that patches a global restores it.
          isolate: false,
          // Hang detection, not a speed check: generous for a busy 2-core machine. Property
          // tests set their own per file (tests/support/depth.ts).
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['tests/{store,features,app,components}/**/*.test.{ts,tsx}'],
          exclude: sharedExclude,
          setupFiles: ['tests/setup.ts'],
          // Hang detection, not a speed check: a screen test with a few user steps can take
          // 10 s on a busy 2-core machine.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
