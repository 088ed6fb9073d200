/**
 * Live rooms end to end: `npm run room` on loopback (the relay and the built app on one port), a
 * facilitator and three teams in separate browser contexts play a round-by-round game to the
 * reveal. A team cannot reveal (the relay refuses, with the team's own key); the relay is killed
 * and restarted mid-round and nothing is lost; the presentation view fits the projector's screen.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Browser, Page } from '@playwright/test';

import { createNodeClient, waitFor } from '../../src/relay/nodeClient';
import { controlDocName, readControl, writeControl } from '../../src/room/protocol';
import { column, expect, expectNoAxeViolations, moveTo, readScenario, test } from './support';

// Four browsers and a relay share two cores here: playwright.config.ts's 30 s per expectation
// gives each step room (no wall-clock asserts).

const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
// The room server's own port: beside the preview's (4185 → 4285).
const ROOM_PORT = Number(process.env.ROOM_PORT ?? E2E_PORT + 100);
const ROOM = `http://127.0.0.1:${ROOM_PORT}`;
const root = fileURLToPath(new URL('../..', import.meta.url));
const appDir = join(root, E2E_PORT === 4173 ? 'dist' : `dist-e2e-${E2E_PORT}`);

const zeroDay = readScenario('zero-day');
const title = (id: string) => zeroDay.items.find((i) => i.id === id)!.title;

let dataDir: string;
let server: ChildProcess | null = null;

/** Starts `npm run room` (its script, without the build: Playwright's web server built the app). */
async function startRoom(): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src/relay/main.ts'),
      '--host',
      '127.0.0.1',
      '--port',
      String(ROOM_PORT),
      '--app',
      appDir,
      '--no-build',
      '--data',
      dataDir,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Press Ctrl+C')) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`room server exited (${code}): ${out}`)));
  });
  server = child;
}

async function killRoom(): Promise<void> {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dojo-e2e-rooms-'));
  await startRoom();
});

test.afterAll(async () => {
  await killRoom();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * A browser context on the room's origin that fails the test on console errors and on requests
 * to any other origin. The relay's own WebSocket failing while it is killed is expected.
 */
async function roomContext(browser: Browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ baseURL: `${ROOM}/`, viewport });
  const problems: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== ROOM && url.protocol !== 'data:' && url.protocol !== 'blob:')
      problems.push(`request to ${request.url()}`);
  });
  const page = await context.newPage();
  page.on('websocket', (socket) => {
    if (!socket.url().startsWith(`ws://127.0.0.1:${ROOM_PORT}/relay`))
      problems.push(`websocket to ${socket.url()}`);
  });
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() !== 'error') return;
    if (/WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/relay' failed/.test(text)) return;
    problems.push(text);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return {
    page,
    close: async () => {
      expect(problems, 'console errors and foreign requests').toEqual([]);
      await context.close();
    },
  };
}

/** The "Move to…" menu by item id; the shared helper waits for the board's announcement. */
const moveItem = (page: Page, itemId: string, slot: string) => moveTo(page, title(itemId), slot);

async function commit(page: Page, slot: string) {
  await page.getByRole('button', { name: `Commit ${slot}`, exact: true }).click();
  await page
    .getByRole('dialog', { name: `Commit ${slot}?` })
    .getByRole('button', { name: `Commit ${slot}` })
    .click();
  await expect(column(page, slot).getByTestId('column-locked')).toBeVisible();
}

/** The team's key as its browser saved it (the test uses it to try what the UI never offers). */
async function teamToken(page: Page) {
  const saved = await page.evaluate(() => localStorage.getItem('roadmap-dojo'));
  const room = (JSON.parse(saved!) as { state: { workshop: { room: Record<string, string> } } })
    .state.workshop.room;
  return {
    code: room.code!,
    token: { v: 1 as const, role: 'team' as const, team: room.teamId!, secret: room.secret! },
  };
}

test('a facilitator and three teams play a live room to the reveal, through a relay restart', async ({
  browser,
}) => {
  test.setTimeout(360_000);
  const facilitator = await roomContext(browser);
  const f = facilitator.page;

  // Set up: zero-day, round by round, hidden scores, CISO grades, par from here off.
  await f.goto('./#/workshop');
  await f.getByRole('combobox', { name: 'Scenario' }).selectOption(zeroDay.id);
  await f.getByRole('radio', { name: 'CISO' }).check();
  await f.getByRole('checkbox', { name: 'Hide scores until I reveal them' }).check();
  await f.getByRole('checkbox', { name: 'Teams may ask for “Par from here”' }).uncheck();
  await f.getByRole('link', { name: 'Open a live room' }).click();
  await f.getByRole('button', { name: 'Open the room' }).click();
  await expect(f.getByTestId('room-status')).toHaveText(/Live/);
  const code = (await f.getByTestId('room-code').textContent())!;
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  // The join address teams get carries the code and no key.
  const joinAddress = await f.getByRole('textbox', { name: 'Join address for teams' }).inputValue();
  expect(joinAddress).toBe(`${ROOM}/#/room/${code}`);

  // Three teams join by code (one from the QR code's address, two by typing the code).
  const teams = await Promise.all([1, 2, 3].map(() => roomContext(browser)));
  const names = ['Red', 'Green', 'Blue'];
  for (const [index, team] of teams.entries()) {
    const page = team.page;
    // The first team's check for a relay beside the app answers only after Join is pressed, as a
    // busy room server's would: the join waits for it instead of saying there is no relay.
    let answerCheck = () => {};
    if (index === 0) {
      const held = new Promise<void>((resolve) => (answerCheck = resolve));
      await page.route('**/relay.json', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`./#/room/${code}`);
    } else {
      await page.goto('./#/');
      await page.getByRole('link', { name: 'Join a room' }).click();
      await page.getByRole('textbox', { name: 'Room code' }).fill(code.toLowerCase());
    }
    await page.getByRole('textbox', { name: 'Team name' }).fill(names[index]!);
    await page.getByRole('button', { name: 'Join the room' }).click();
    answerCheck();
    await expect(page.getByTestId('round-panel')).toBeVisible();
    await expect(page.getByTestId('room-status')).toContainText(`Room ${code} · Live`);
    // The room's settings drive the board: CISO grades, scores hidden, no par from here.
    await expect(page.getByTestId('round-panel')).toContainText('graded as “CISO” would');
    await expect(page.getByRole('button', { name: /Par from here/ })).toHaveCount(0);
  }
  await expect(f.getByTestId('room-roster')).toContainText('Red');
  await expect(f.getByTestId('room-roster')).toContainText('Blue');
  await expect(f.getByTestId('room-summary')).toHaveText('0 of 3 teams have committed Q1.');

  // Round 1: every team plans and commits Q1; the facilitator sees everyone submitted.
  const plans: Record<string, string[]> = {
    Red: ['patch-xml'],
    Green: ['sbom'],
    Blue: ['sms-reminders'],
  };
  for (const [index, team] of teams.entries()) {
    for (const id of plans[names[index]!]!) await moveItem(team.page, id, 'Q1');
    await commit(team.page, 'Q1');
  }
  await expect(f.getByTestId('room-summary')).toHaveText(
    'Everyone has submitted: all 3 teams have committed Q1.',
  );
  // Q2 opens only when the facilitator moves the room on.
  await expect(teams[0]!.page.getByRole('button', { name: 'Commit Q2' })).toBeDisabled();
  await f.getByRole('button', { name: 'Next round' }).click();
  for (const team of teams)
    await expect(team.page.getByRole('button', { name: 'Commit Q2' })).toBeEnabled();

  // The timer reaches every team.
  await f.getByRole('button', { name: 'Start the timer' }).click();
  for (const team of teams)
    await expect(team.page.getByTestId('room-bar').getByTestId('workshop-timer')).toContainText(
      'Running',
    );

  // A team cannot reveal: with its own key, the relay refuses and nothing changes.
  const { token } = await teamToken(teams[0]!.page);
  const tamper = createNodeClient(`ws://127.0.0.1:${ROOM_PORT}/relay`, token);
  const control = tamper.open(controlDocName(code));
  await control.synced;
  writeControl(control.doc, { revealed: true });
  expect(await waitFor(() => control.refusals.length > 0, 20_000)).toBe(true);
  expect(control.refusals[0]).toMatch(/Only the facilitator changes the room/);
  tamper.destroy();
  await expect(f.getByTestId('room-state')).toContainText('Scores are hidden from teams.');
  await expect(teams[1]!.page.getByTestId('projected-score')).toHaveCount(0);
  expect(readControl(control.doc).revealed).toBe(true); // only in the tamperer's own copy

  // Mid-round: Red plans Q2, the relay is killed; Green plans while it is down; it comes back.
  await moveItem(teams[0]!.page, 'sbom', 'Q2');
  await expect(f.getByTestId('room-roster')).toContainText('Red');
  await killRoom();
  for (const team of teams)
    await expect(team.page.getByTestId('room-status')).toContainText('Offline');
  await moveItem(teams[1]!.page, 'patch-xml', 'Q2');
  await startRoom();
  for (const team of teams)
    await expect(team.page.getByTestId('room-status')).toContainText('Live');
  await expect(f.getByTestId('room-status')).toHaveText(/Live/);
  // Nothing lost: the round, and both plans (made before and during the outage) are at the relay.
  await expect(f.getByTestId('room-round')).toContainText('Q2 · round 2 of 4');
  await expect(teams[0]!.page.getByRole('button', { name: 'Commit Q2' })).toBeEnabled();
  await expect(column(teams[1]!.page, 'Q2').locator('[data-item-id="patch-xml"]')).toBeVisible();
  await f.reload();
  await expect(f.getByTestId('room-code')).toHaveText(code);
  await expect(f.getByTestId('room-summary')).toHaveText('0 of 3 teams have committed Q2.');

  // Rounds 2–4: each team commits, the facilitator moves on; the room's round reaches everyone.
  for (const [slot, next] of [
    ['Q2', 'Q3'],
    ['Q3', 'Q4'],
  ] as const) {
    for (const team of teams) await commit(team.page, slot);
    await expect(f.getByTestId('room-summary')).toContainText('Everyone has submitted');
    await f.getByRole('button', { name: 'Next round' }).click();
    for (const team of teams)
      await expect(team.page.getByRole('button', { name: `Commit ${next}` })).toBeEnabled();
  }
  for (const team of teams) await commit(team.page, 'Q4');
  await expect(f.getByTestId('room-summary')).toContainText('Everyone has submitted');

  // The reveal reaches every team at once: the score appears on each board.
  await f.getByRole('button', { name: 'Reveal the scores' }).click();
  for (const team of teams) await expect(team.page.getByTestId('projected-score')).toBeVisible();

  // One score: each team's board shows the number the leaderboard shows for it.
  const board = f.getByTestId('room-leaderboard');
  for (const [index, team] of teams.entries()) {
    const own = (await team.page.getByTestId('projected-score').textContent())!;
    const score = /(\d+\.\d)/.exec(own)![1]!;
    const row = board.getByRole('row', { name: new RegExp(names[index]!) });
    await expect(row).toContainText(score);
    // Net value too: the room grades the same outcome the team's board shows.
    const net = (await team.page.getByTestId('projected-net').textContent())!;
    await expect(row).toContainText(net);
  }

  // The presentation view after the reveal: the leaderboard with share of par, on one screen.
  await f.goto('./#/workshop/present');
  await expect(f.getByTestId('present-code')).toHaveText(code);
  await expect(f.getByTestId('room-leaderboard')).toContainText('Share of par');
  await expect(f.getByTestId('room-leaderboard').getByRole('row')).toHaveCount(4);

  for (const team of teams) await team.close();
  await facilitator.close();
});

// One viewport (and one axe scan) per test: each scan takes seconds on a busy 2-core machine.
for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  test(`the presentation view fits ${viewport.width}×${viewport.height} without scrolling, axe clean`, async ({
    browser,
  }) => {
    const { page, close } = await roomContext(browser, viewport);
    await page.goto('./#/workshop');
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption(zeroDay.id);
    await page.getByRole('checkbox', { name: 'Hide scores until I reveal them' }).check();
    await page.getByRole('link', { name: 'Open a live room' }).click();
    await page.getByRole('button', { name: 'Open the room' }).click();
    await expect(page.getByTestId('room-status')).toHaveText(/Live/);
    await page.getByRole('link', { name: 'Presentation view' }).click();
    await expect(page.getByTestId('present-code')).toBeVisible();
    await expect(page.getByRole('img', { name: /QR code of the room/ })).toBeVisible();
    const sizes = await page.evaluate(() => ({
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
    }));
    expect(sizes.scrollHeight).toBeLessThanOrEqual(viewport.height);
    expect(sizes.scrollWidth).toBeLessThanOrEqual(viewport.width);
    if (process.env.ROOM_SCREENSHOTS)
      await page.screenshot({
        path: join(
          process.env.ROOM_SCREENSHOTS,
          `present-${viewport.width}x${viewport.height}.png`,
        ),
      });
    await expectNoAxeViolations(page);
    await close();
  });
}
