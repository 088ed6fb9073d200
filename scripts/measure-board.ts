/**
 * Measures the planning board in Chromium (not asserted anywhere; run it and read the figures):
 *
 *  1. Drop → projection, on the largest shipped scenario: real pointer drags between columns,
 *     with the projected score shown. For each drop it reads the main thread's CPU time spent in
 *     script from the drop (mouse up) until the frame after the score changed (Chrome's
 *     `Performance.getMetrics` in thread time), which a busy machine does not inflate; and the
 *     app's own wall-clock mark `dojo:drop-to-render` (store, simulation, React render, commit).
 *  2. A slow pointer drag across a board of 30 cards: the main thread's tasks from a Chrome trace,
 *     while the card is dragged (after the pick-up, until just before the drop). The pick-up that
 *     starts the drag and the drop that ends it (store, simulation, the board re-rendered with the
 *     new plan) are traced on their own and printed apart.
 *     A task is long when it runs over 50 ms; the trace gives each task's wall time (what the
 *     browser's Long Tasks API sees, which other processes on a busy machine stretch) and its CPU
 *     time (which they do not). Chrome's CPU throttling keeps the main thread busy, so under 4×
 *     throttling a task's CPU time is what it would take on a CPU four times slower: tasks over
 *     50 ms of CPU time are the long tasks a mid-range laptop would see.
 *
 * Both run without throttling and with the CPU slowed 4× (a mid-range laptop on battery).
 *
 *   npm run measure:board                         build into dist-measure-board/ and measure
 *   npm run measure:board -- --dist <folder>      measure a build made elsewhere (e.g. an older
 *                                                 version, for a before/after comparison)
 *   npm run measure:board -- --drops 48           more drops a page (default 24)
 *   npm run measure:board -- --runs 5             the drops in more fresh pages, pooled (default
 *                                                 3: one page's p95 moved 13.7–22.6 ms between
 *                                                 runs of one build, with 43–65 drops a page)
 *   npm run measure:board -- --only drops         the drop figures only (a quick before/after)
 *   npm run measure:board -- --rates 1           without the runs with the CPU slowed 4×
 *   npm run measure:board -- --drags 12           more traced pick-ups and drops on the 30-card
 *                                                 board (default 8)
 *
 * Serves the build with `vite preview` on 127.0.0.1:4180 (or the next free port) and drives
 * /usr/bin/chromium (or CHROME_PATH).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { build, preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
/** First port tried; the next free one is used when it is taken. */
const PORT = 4180;
let BASE = `http://127.0.0.1:${PORT}/`;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
/** A whole-number option of at least 1; anything else stops the script with its name. */
function count(name: string, fallback: number): number {
  const text = option(name);
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a whole number of at least 1 (got ${String(text)})`);
  return value;
}
const DROPS = count('drops', 24);
const DRAGS = count('drags', 8);
const RUNS = count('runs', 3);
const ONLY_DROPS = option('only') === 'drops';
/** The CPU slow-downs measured: `--rates 1` for a quick look without the 4× runs. */
const RATES = (option('rates') ?? '1,4').split(',').map((r) => {
  const rate = Number(r);
  if (!Number.isInteger(rate) || rate < 1)
    throw new Error(`--rates must list whole numbers of at least 1 (got ${r})`);
  return rate;
});
/** Drops at the start of each fresh page counted as warm-up (reported on their own too). */
const COLD = 3;
const given = option('dist');
const OUT_DIR = given
  ? isAbsolute(given)
    ? given
    : resolve(process.cwd(), given)
  : `${root}dist-measure-board`;

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
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const line = (s: ReturnType<typeof stats>) =>
  `median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (${s.n})`;

/** Shows the projected score while planning (practice mode hides it outside the tutorial). */
async function showProjection(page: Page) {
  const toggle = page.getByRole('switch', { name: 'Show score' });
  if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-checked')) !== 'true')
    await toggle.click();
  await page.getByTestId('projected-score').waitFor();
}

/** Main-thread metrics in thread time (CPU), in milliseconds. */
async function threadMetrics(cdp: CDPSession) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { script: get('ScriptDuration'), task: get('TaskDuration') };
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

async function measureDrops(page: Page, cdp: CDPSession, scenario: RawScenario) {
  await page.goto(`${BASE}#/s/${scenario.id}/plan`);
  await page.locator('[data-item-id]').first().waitFor();
  await showProjection(page);
  await page.evaluate(() => performance.clearMeasures());
  const labels = scenario.time.labels;
  const movable = visible(scenario).filter((i) => (i.dependsOn ?? []).length === 0);
  const script: number[] = [];
  const task: number[] = [];
  const toPaint: number[] = [];
  for (let i = 0; i < DROPS; i++) {
    const item = movable[i % movable.length]!;
    const label = labels[(i + Math.floor(i / movable.length)) % labels.length]!;
    const card = page.locator(`[data-item-id="${item.id}"]`);
    await card.scrollIntoViewIfNeeded();
    const from = await card.locator('.drag-handle').boundingBox();
    const to = await page.locator(`section[data-column="${label}"]`).boundingBox();
    if (!from || !to) throw new Error(`cannot drag ${item.id} to ${label}`);
    const x = from.x + from.width / 2;
    const y = from.y + from.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let step = 1; step <= 4; step++) await page.mouse.move(x + step * 3, y + step * 2);
    const tx = to.x + to.width / 2;
    const ty = to.y + Math.min(to.height / 2, 200);
    await page.mouse.move(tx, ty, { steps: 12 });
    await page.mouse.move(tx + 2, ty + 2, { steps: 2 });
    await armPaintProbe(page);
    const before = await threadMetrics(cdp);
    await page.mouse.up();
    const painted = await Promise.race([
      page.evaluate(() => (window as unknown as { __paint: Promise<number> }).__paint),
      new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 5000)),
    ]);
    const after = await threadMetrics(cdp);
    // A drop onto the card's own place changes nothing and paints nothing: not a sample.
    if (!Number.isFinite(painted)) continue;
    toPaint.push(painted);
    script.push(after.script - before.script);
    task.push(after.task - before.task);
  }
  const toRender = await page.evaluate(() =>
    performance.getEntriesByName('dojo:drop-to-render').map((e) => e.duration),
  );
  return { script, task, toRender, toPaint };
}

type DropSamples = Awaited<ReturnType<typeof measureDrops>>;

/** A fresh page (its own browser context), with the CPU slowed `rate` times. */
async function openPage(browser: Browser, rate: number) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // tsx keeps function names with a `__name` helper that the page does not have.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { context, page, cdp };
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

interface TraceEvent {
  name: string;
  ph: string;
  ts?: number;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** The `count` longest tasks by CPU time, listed in the order they ran ("31.2, 48.0, 22.9 ms"). */
function topInOrder(tasks: { cpu: number }[], count: number): string {
  const longest = new Set([...tasks].sort((a, b) => b.cpu - a.cpu).slice(0, count));
  return `${tasks
    .filter((t) => longest.has(t))
    .map((t) => t.cpu.toFixed(1))
    .join(', ')} ms`;
}

/** What a task's CPU time went to: the rendering steps Chrome traces, and script. */
const PARTS: Record<string, string> = {
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'prepaint',
  Paint: 'paint',
  Layerize: 'layerize',
  FunctionCall: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EvaluateScript: 'script',
};

interface Task {
  wall: number;
  cpu: number;
  /** CPU milliseconds by part ("layout", "paint", "script", …); nested events count once. */
  parts: Record<string, number>;
}

/** The page's main-thread tasks from a trace: wall and CPU milliseconds of each, in order. */
function mainThreadTasks(trace: Buffer): Task[] {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events
    .filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
  const tasks = onMain.filter((e) => /RunTask$/.test(e.name));
  const steps = onMain.filter((e) => PARTS[e.name] !== undefined);
  return tasks.map((task) => {
    const start = task.ts ?? 0;
    const end = start + (task.dur ?? 0);
    const parts: Record<string, number> = {};
    // Steps are sorted by start; one that starts inside the last counted step is nested in it.
    let countedUntil = -Infinity;
    for (const step of steps) {
      const at = step.ts ?? 0;
      if (at < start || at >= end || at < countedUntil) continue;
      countedUntil = at + (step.dur ?? 0);
      const part = PARTS[step.name]!;
      parts[part] = (parts[part] ?? 0) + (step.tdur ?? step.dur ?? 0) / 1000;
    }
    return { wall: (task.dur ?? 0) / 1000, cpu: (task.tdur ?? task.dur ?? 0) / 1000, parts };
  });
}

/** "48.0 ms: layout 15.1, paint 17.2, …" for the longest of `tasks`, largest part first. */
function anatomy(tasks: Task[]): string {
  const longest = tasks.reduce<Task | null>((a, b) => (a === null || b.cpu > a.cpu ? b : a), null);
  if (!longest) return 'no task';
  const parts = Object.entries(longest.parts)
    .filter(([, value]) => value >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .map(([name, value]) => `${name} ${value.toFixed(1)}`);
  return `${longest.cpu.toFixed(1)} ms: ${parts.join(', ')}`;
}

async function measureLongTasks(browser: Browser, page: Page, base: RawScenario) {
  const { scenario, state, backlogId } = thirtyCardState(base);
  await page.goto(BASE);
  await page.evaluate(
    (saved) => localStorage.setItem('roadmap-dojo', JSON.stringify(saved)),
    state,
  );
  // Only the hash changes: reload so the app reads the saved state.
  await page.goto(`${BASE}#/s/${scenario.id}/plan`);
  await page.reload();
  await page.locator('[data-item-id]').first().waitFor();
  await showProjection(page);
  const cards = await page.locator('[data-item-id]').count();
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__long.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  // A slow drag from the backlog across every column and back, then a drop in the middle.
  const card = page.locator(`[data-item-id="${backlogId}"]`);
  await card.scrollIntoViewIfNeeded();
  const from = await card.locator('.drag-handle').boundingBox();
  if (!from) throw new Error('no card to drag');
  const categories = ['devtools.timeline', 'toplevel'];
  const x = from.x + from.width / 2;
  const y = from.y + from.height / 2;
  await page.mouse.move(x, y);
  // The pick-up, traced on its own: the drag starts, the drag library measures every place a
  // card can go, the card under the pointer appears.
  await browser.startTracing(page, { categories });
  await page.mouse.down();
  for (let i = 1; i <= 4; i++) await page.mouse.move(x + i * 3, y + i * 2);
  await page.locator('.drag-preview').waitFor();
  await page.waitForTimeout(300);
  const pickUpTasks = mainThreadTasks(await browser.stopTracing());
  await page.evaluate(() => {
    (window as unknown as { __long: number[] }).__long = [];
  });
  await browser.startTracing(page, { categories });
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
  // Let the last move's frame finish, then trace the drop on its own.
  await page.waitForTimeout(300);
  const tasks = mainThreadTasks(await browser.stopTracing());
  const observed = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  await browser.startTracing(page, { categories });
  await page.mouse.up();
  await page.waitForTimeout(500);
  const dropTasks = mainThreadTasks(await browser.stopTracing());
  const cpuLimit = 50;
  return {
    cards,
    observed,
    wallLong: tasks.filter((t) => t.wall > 50),
    cpuLong: tasks.filter((t) => t.cpu > cpuLimit),
    cpuLimit,
    longestCpu: Math.max(0, ...tasks.map((t) => t.cpu)),
    totalCpu: tasks.reduce((sum, t) => sum + t.cpu, 0),
    pickUpLongest: Math.max(0, ...pickUpTasks.map((t) => t.cpu)),
    pickUpTotal: pickUpTasks.reduce((sum, t) => sum + t.cpu, 0),
    dropLongest: Math.max(0, ...dropTasks.map((t) => t.cpu)),
    dropTotal: dropTasks.reduce((sum, t) => sum + t.cpu, 0),
    // The longest few, in the order they ran (the drop's own task, then the frames and the
    // grading that follow it).
    pickUpTop: topInOrder(pickUpTasks, 3),
    dropTop: topInOrder(dropTasks, 3),
    dropAnatomy: anatomy(dropTasks),
  };
}

/** Waits until the board has graded the plan it shows (the strip is busy until then). */
async function gradingSettled(page: Page) {
  await page.waitForFunction(
    () => document.querySelector('.board-sticky')?.getAttribute('aria-busy') !== 'true',
  );
}

/**
 * Pick-ups and drops on the 30-card board, each traced on its own: the first card of one column
 * is picked up, carried to another column and dropped there, `DRAGS` times. One of each says
 * little (a task's CPU time varies by several milliseconds from run to run); the median and the
 * longest of several say how a learner's drags go.
 */
async function measurePickUpsAndDrops(browser: Browser, page: Page, base: RawScenario) {
  const labels = base.time.labels;
  const pickUps: number[] = [];
  const drops: number[] = [];
  const dropOrders: string[] = [];
  const dropAnatomies: string[] = [];
  const categories = ['devtools.timeline', 'toplevel'];
  for (let n = 0; n < DRAGS; n++) {
    const from = labels[n % labels.length]!;
    const to = labels[(n + 2) % labels.length]!;
    const card = page.locator(`section[data-column="${from}"] [data-item-id]`).first();
    await card.scrollIntoViewIfNeeded();
    const handle = await card.locator('.drag-handle').boundingBox();
    if (!handle) throw new Error(`no card in ${from} to drag`);
    const x = handle.x + handle.width / 2;
    const y = handle.y + handle.height / 2;
    await page.mouse.move(x, y);
    await page.waitForTimeout(200);
    await browser.startTracing(page, { categories });
    await page.mouse.down();
    for (let i = 1; i <= 4; i++) await page.mouse.move(x + i * 3, y + i * 2);
    await page.locator('.drag-preview').waitFor();
    await page.waitForTimeout(300);
    pickUps.push(Math.max(0, ...mainThreadTasks(await browser.stopTracing()).map((t) => t.cpu)));
    const box = await page.locator(`section[data-column="${to}"]`).boundingBox();
    if (!box) throw new Error(`no column ${to}`);
    await page.mouse.move(box.x + box.width / 2, box.y + 120, { steps: 10 });
    await page.waitForTimeout(300);
    await browser.startTracing(page, { categories });
    await page.mouse.up();
    await page.waitForTimeout(500);
    const dropTasks = mainThreadTasks(await browser.stopTracing());
    drops.push(Math.max(0, ...dropTasks.map((t) => t.cpu)));
    dropOrders.push(topInOrder(dropTasks, 3));
    dropAnatomies.push(anatomy(dropTasks));
    await gradingSettled(page);
  }
  return { pickUps: stats(pickUps), drops: stats(drops), dropOrders, dropAnatomies };
}

async function main() {
  if (!given) {
    console.log(`Building the app into ${OUT_DIR} …`);
    await build({ root, logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
  } else if (!existsSync(`${OUT_DIR}/index.html`)) throw new Error(`${OUT_DIR} has no build`);
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
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
    const load = loadavg().map((l) => l.toFixed(1));
    console.log(`Build: ${OUT_DIR}; machine load average ${load.join(' / ')} (1/5/15 min)`);
    console.log(
      `Largest shipped scenario: ${largest.file} (${visible(largest.data).length} items, ${largest.data.time.labels.length} slots)`,
    );
    for (const rate of RATES) {
      const label = rate === 1 ? 'no throttling' : `CPU ${rate}× slower`;
      // The drops in fresh pages, pooled: each page loads, compiles and warms up on its own.
      // The last page stays open for the drag below, warmed up by its drops as before.
      const runs: DropSamples[] = [];
      let open = await openPage(browser, rate);
      for (let run = 1; ; run++) {
        runs.push(await measureDrops(open.page, open.cdp, largest.data));
        if (run >= RUNS) break;
        await open.context.close();
        open = await openPage(browser, rate);
      }
      const { context, page } = open;
      const pooled = (pick: (r: DropSamples) => number[]) => stats(runs.flatMap(pick));
      const drops = {
        script: pooled((r) => r.script),
        task: pooled((r) => r.task),
        toRender: pooled((r) => r.toRender),
        toPaint: pooled((r) => r.toPaint),
      };
      console.log(
        `\n[${label}] drop → projection, ${drops.script.n} pointer drops in ${RUNS} fresh pages`,
      );
      console.log(
        `  script, main-thread CPU time (drop → frame with the new score): ${line(drops.script)}`,
      );
      console.log(`    each page's p95: ${runs.map((r) => ms(stats(r.script).p95)).join(', ')}`);
      // A page's first drops run code the browser has not compiled yet; a learner meets them
      // once a visit, then every drop after is warm. Both figures, apart.
      console.log(
        `    each page's first ${COLD} drops (cold code): ${runs.map((r) => r.script.slice(0, COLD).map(ms).join(' · ')).join(' | ')}`,
      );
      console.log(
        `    without each page's first ${COLD} drops: ${line(stats(runs.flatMap((r) => r.script.slice(COLD))))}`,
      );
      console.log(
        `  all main-thread work, CPU time (script, style, layout, paint):   ${line(drops.task)}`,
      );
      console.log(
        `  wall clock, store + simulate + render (dojo:drop-to-render):     ${line(drops.toRender)}`,
      );
      console.log(
        `  wall clock, to the next frame with the new score on screen:     ${line(drops.toPaint)}`,
      );
      if (ONLY_DROPS) {
        await context.close();
        continue;
      }
      const drag = await measureLongTasks(browser, page, largest.data);
      console.log(`[${label}] slow drag across a board of ${drag.cards} cards`);
      console.log(
        `  long tasks: main-thread tasks over ${ms(drag.cpuLimit)} of CPU time: ${drag.cpuLong.length}${drag.cpuLong.length ? ` (${drag.cpuLong.map((t) => ms(t.cpu)).join(', ')})` : ''}`,
      );
      console.log(
        `  longest task ${ms(drag.longestCpu)} of CPU time; ${ms(drag.totalCpu)} of main-thread CPU time in all`,
      );
      console.log(
        `  tasks over 50 ms of wall time: ${drag.wallLong.length} in the trace, ${drag.observed.length} seen by the Long Tasks API${drag.observed.length ? ` (longest ${ms(Math.max(...drag.observed))})` : ''}`,
      );
      console.log(
        `  the pick-up that starts it (measuring the board, the dragged card shown): longest task ${ms(drag.pickUpLongest)} of CPU time, ${ms(drag.pickUpTotal)} in all (longest in order: ${drag.pickUpTop})`,
      );
      console.log(
        `  the drop that ends it (store, simulation, board re-render): longest task ${ms(drag.dropLongest)} of CPU time, ${ms(drag.dropTotal)} in all (longest in order: ${drag.dropTop}; the longest: ${drag.dropAnatomy})`,
      );
      const ends = await measurePickUpsAndDrops(browser, page, largest.data);
      console.log(
        `[${label}] ${ends.drops.n} more drags on the same board, each pick-up and drop traced on its own (longest task of each, CPU time)`,
      );
      console.log(`  pick-up: ${line(ends.pickUps)}`);
      console.log(`  drop:    ${line(ends.drops)}`);
      console.log(`  each drop's longest tasks in order: ${ends.dropOrders.join(' | ')}`);
      console.log(`  what each drop's longest task was made of (CPU ms):`);
      for (const text of ends.dropAnatomies) console.log(`    ${text}`);
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
