/**
 * Measures the planning board in Chromium (not asserted anywhere; run it and read the figures):
 *
 *  1. Drop → score on screen, on the largest shipped scenario: real pointer drags between
 *     columns. The app marks each drop (`dojo:drop`) and measures drop → the updated board
 *     committed (`dojo:drop-to-render`: store update, simulation, React render). This script also
 *     times drop → the next frame after the score text changed (the score is on screen).
 *  2. Long tasks (> 50 ms) during a slow pointer drag across a board of 30 cards
 *     (PerformanceObserver 'longtask'), plus the longest gap between animation frames.
 *
 * Both run without throttling and with the CPU slowed 4× (a mid-range laptop on battery).
 *
 *   npx tsx scripts/measure-board.ts            (or: npm run measure:board)
 *
 * Builds the app when `dist/` is missing, serves it with `vite preview` on 127.0.0.1:4180 (or the
 * next free port) and
 * drives /usr/bin/chromium (or CHROME_PATH).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
/** First port tried; the next free one is used when it is taken. */
const PORT = 4180;
let BASE = `http://127.0.0.1:${PORT}/`;
const DROPS = 24;

interface RawScenario {
  id: string;
  title: string;
  time: { labels: string[] };
  items: { id: string; title: string; dependsOn?: string[]; injected?: boolean }[];
}

function shippedScenarios(): { file: string; data: RawScenario }[] {
  const dir = `${root}scenarios/`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .map((file) => ({ file, data: JSON.parse(readFileSync(dir + file, 'utf8')) as RawScenario }));
}

const visible = (s: RawScenario) => s.items.filter((i) => !i.injected);

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    n: sorted.length,
    median: at(0.5),
    p95: at(0.95),
    max: sorted.at(-1) ?? 0,
  };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Presses on a card's grip, moves past the activation distance, travels, drops. */
async function pointerDrag(page: Page, itemId: string, columnLabel: string, steps = 12) {
  const card = page.locator(`[data-item-id="${itemId}"]`);
  await card.scrollIntoViewIfNeeded();
  const from = await card.locator('.drag-handle').boundingBox();
  const to = await page.locator(`section[data-column="${columnLabel}"]`).boundingBox();
  if (!from || !to) throw new Error(`cannot drag ${itemId} to ${columnLabel}`);
  const x = from.x + from.width / 2;
  const y = from.y + from.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 4; i++) await page.mouse.move(x + i * 3, y + i * 2);
  const tx = to.x + to.width / 2;
  const ty = to.y + Math.min(to.height / 2, 200);
  await page.mouse.move(tx, ty, { steps });
  await page.mouse.move(tx + 2, ty + 2, { steps: 2 });
  await page.mouse.up();
}

/** Records, for the next score change, the time from the last drop mark to the next frame. */
async function armPaintProbe(page: Page) {
  await page.evaluate(() => {
    const target = document.querySelector('[data-testid="projected-score"]');
    const w = window as unknown as { __paint?: Promise<number> };
    w.__paint = new Promise<number>((resolve) => {
      if (!target) return resolve(Number.NaN);
      const observer = new MutationObserver(() => {
        observer.disconnect();
        requestAnimationFrame(() => {
          const drops = performance.getEntriesByName('dojo:drop');
          const drop = drops.at(-1)?.startTime ?? Number.NaN;
          resolve(performance.now() - drop);
        });
      });
      observer.observe(target, { characterData: true, childList: true, subtree: true });
    });
  });
}

async function measureDrops(page: Page, scenario: RawScenario) {
  await page.goto(`${BASE}#/s/${scenario.id}/plan`);
  await page.getByTestId('projected-score').waitFor();
  await page.evaluate(() => performance.clearMeasures());
  const labels = scenario.time.labels;
  const movable = visible(scenario).filter((i) => (i.dependsOn ?? []).length === 0);
  const toPaint: number[] = [];
  for (let i = 0; i < DROPS; i++) {
    const item = movable[i % movable.length]!;
    const label = labels[(i + Math.floor(i / movable.length)) % labels.length]!;
    await armPaintProbe(page);
    await pointerDrag(page, item.id, label);
    const painted = await Promise.race([
      page.evaluate(() => (window as unknown as { __paint: Promise<number> }).__paint),
      new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 2000)),
    ]);
    if (Number.isFinite(painted)) toPaint.push(painted);
  }
  const toRender = await page.evaluate(() =>
    performance.getEntriesByName('dojo:drop-to-render').map((e) => e.duration),
  );
  return { toRender: stats(toRender), toPaint: stats(toPaint) };
}

/** A 30-card board: the largest scenario's items, copied until there are 30, all but 6 planned. */
function thirtyCardState(base: RawScenario) {
  const items = visible(base).map((i) => ({ ...i, dependsOn: [] as string[] }));
  const copies: typeof items = [];
  for (let n = 0; copies.length + items.length < 30; n++) {
    const source = items[n % items.length]!;
    copies.push({ ...source, id: `${source.id}-copy${Math.floor(n / items.length) + 1}` });
  }
  const scenario = {
    ...base,
    id: 'measure-thirty',
    title: 'Thirty cards',
    stakeholders: [],
    lessons: [],
    par: undefined,
    items: [...base.items.filter((i) => i.injected), ...items, ...copies],
  };
  const ids = [...items, ...copies].map((i) => i.id);
  const labels = base.time.labels;
  const slots: string[][] = labels.map(() => []);
  ids.slice(6).forEach((id, i) => slots[i % labels.length]!.push(id));
  return {
    scenario,
    state: {
      version: 2,
      state: {
        imported: [{ scenario, fileName: 'thirty.json', importedAt: '2026-01-01T00:00:00.000Z' }],
        plans: {
          [scenario.id]: {
            activeId: 'v1',
            variants: [{ id: 'v1', name: 'Plan A', plan: { slots }, notes: {} }],
          },
        },
        preferences: {},
      },
    },
    backlogId: ids[0]!,
  };
}

async function measureLongTasks(page: Page, base: RawScenario) {
  const { scenario, state, backlogId } = thirtyCardState(base);
  await page.goto(BASE);
  await page.evaluate(
    (saved) => localStorage.setItem('roadmap-dojo', JSON.stringify(saved)),
    state,
  );
  // Only the hash changes: reload so the app reads the saved state.
  await page.goto(`${BASE}#/s/${scenario.id}/plan`);
  await page.reload();
  await page.getByTestId('projected-score').waitFor();
  const cards = await page.locator('[data-item-id]').count();
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __gaps: number[]; __stop: boolean };
    w.__long = [];
    w.__gaps = [];
    w.__stop = false;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__long.push(entry.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const frame = (now: number) => {
      w.__gaps.push(now - last);
      last = now;
      if (!w.__stop) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  // A slow drag from the backlog across every column and back, then a drop in the middle, with
  // the board scrolled into view (no auto-scrolling of the page while dragging).
  await page.locator('.board').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const card = page.locator(`[data-item-id="${backlogId}"]`);
  await card.scrollIntoViewIfNeeded();
  const from = await card.locator('.drag-handle').boundingBox();
  if (!from) throw new Error('no card to drag');
  const x = from.x + from.width / 2;
  const y = from.y + from.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 4; i++) await page.mouse.move(x + i * 3, y + i * 2);
  const labels = scenario.time.labels;
  const path = [...labels, ...[...labels].reverse(), labels[Math.floor(labels.length / 2)]!];
  for (const label of path) {
    const box = await page.locator(`section[data-column="${label}"]`).boundingBox();
    if (!box) continue;
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 260), {
      steps: 25,
    });
    await page.mouse.move(box.x + box.width / 2, box.y + 120, { steps: 10 });
  }
  await page.mouse.up();
  await page.waitForTimeout(300);
  const { long, gaps } = await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __gaps: number[]; __stop: boolean };
    w.__stop = true;
    return { long: w.__long, gaps: w.__gaps };
  });
  return { cards, longTasks: long, frameGaps: stats(gaps.slice(1)) };
}

async function main() {
  if (!existsSync(`${root}dist/index.html`)) {
    console.log('Building the app (dist/ is missing)…');
    await build({ root, logLevel: 'warn' });
  }
  const server = await preview({
    root,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: PORT, strictPort: false },
  });
  BASE = server.resolvedUrls?.local[0] ?? BASE;
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const scenarios = shippedScenarios();
    const largest = scenarios.reduce((a, b) =>
      visible(b.data).length * b.data.time.labels.length >
      visible(a.data).length * a.data.time.labels.length
        ? b
        : a,
    );
    console.log(
      `Largest shipped scenario: ${largest.file} (${visible(largest.data).length} items, ${largest.data.time.labels.length} slots)`,
    );
    for (const throttle of [1, 4]) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      // tsx keeps function names with a `__name` helper that the page does not have.
      await context.addInitScript('globalThis.__name = (fn) => fn;');
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      const label = throttle === 1 ? 'no throttling' : `CPU ${throttle}× slower`;
      const drops = await measureDrops(page, largest.data);
      console.log(`\n[${label}] drop → updated board, ${drops.toRender.n} pointer drops`);
      console.log(
        `  store + simulate + render (dojo:drop-to-render): median ${ms(drops.toRender.median)}, p95 ${ms(drops.toRender.p95)}, max ${ms(drops.toRender.max)}`,
      );
      console.log(
        `  to the next frame with the new score on screen:  median ${ms(drops.toPaint.median)}, p95 ${ms(drops.toPaint.p95)}, max ${ms(drops.toPaint.max)}`,
      );
      const drag = await measureLongTasks(page, largest.data);
      console.log(`[${label}] slow drag across a board of ${drag.cards} cards`);
      console.log(
        `  long tasks (> 50 ms): ${drag.longTasks.length}${drag.longTasks.length ? ` (longest ${ms(Math.max(...drag.longTasks))})` : ''}`,
      );
      console.log(
        `  frame gaps: median ${ms(drag.frameGaps.median)}, p95 ${ms(drag.frameGaps.p95)}, max ${ms(drag.frameGaps.max)} over ${drag.frameGaps.n} frames`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
