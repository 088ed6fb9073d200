/**
 * Renders the app icons in public/icons/ from public/favicon.svg (and a full-bleed maskable
 * variant whose bars sit inside the central safe zone), with the system Chromium. Run after
 * changing the logo: `npx tsx scripts/make-icons.ts`. The PNGs are committed; the build only
 * copies them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from '@playwright/test';

const root = join(import.meta.dirname, '..');
const out = join(root, 'public', 'icons');
const logo = readFileSync(join(root, 'public', 'favicon.svg'), 'utf8');

/** Full-bleed square (launchers apply their own mask); the logo's bars scaled into the middle 70%. */
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" fill="#1d4ed8"/>
  <g transform="translate(9.6 9.6) scale(0.7)">
    <path d="M20 14v36M32 14v36M44 14v36" stroke="#93b4f5" stroke-width="2" stroke-linecap="round" opacity=".6"/>
    <rect x="10" y="17" width="22" height="8" rx="4" fill="#fbbf24"/>
    <rect x="22" y="29" width="26" height="8" rx="4" fill="#ffffff"/>
    <rect x="34" y="41" width="20" height="8" rx="4" fill="#34d399"/>
  </g>
</svg>`;

const icons = [
  { file: 'icon-192.png', svg: logo, size: 192 },
  { file: 'icon-512.png', svg: logo, size: 512 },
  { file: 'maskable-512.png', svg: maskable, size: 512 },
  { file: 'apple-touch-icon-180.png', svg: maskable, size: 180 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  mkdirSync(out, { recursive: true });
  const page = await browser.newPage();
  for (const { file, svg, size } of icons) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${sized}</body></html>`,
    );
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    writeFileSync(join(out, file), png);
    console.log(`public/icons/${file}: ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
