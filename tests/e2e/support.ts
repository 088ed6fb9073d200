/**
 * Shared end-to-end helpers: a `page` that fails the test on console errors or requests leaving
 * the app's origin, axe checks, the shipped big-customer scenario read from disk (so tests pick
 * items by their properties, not by name), and pointer and keyboard drags.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Locator, type Page } from '@playwright/test';

// The port playwright.config.ts serves the build on (E2E_PORT lets parallel runs use their own).
export const APP_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

export const test = base.extend<{ page: Page }>({
  page: async ({ page }, provide) => {
    const consoleErrors: string[] = [];
    const foreignRequests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
    page.on('request', (request) => {
      const url = new URL(request.url());
      const local =
        url.origin === APP_ORIGIN || url.protocol === 'data:' || url.protocol === 'blob:';
      if (!local) foreignRequests.push(request.url());
    });
    await provide(page);
    expect(consoleErrors, 'console errors').toEqual([]);
    expect(foreignRequests, 'requests that left 127.0.0.1').toEqual([]);
  },
});

export { expect };

export async function expectNoAxeViolations(page: Page, include?: string) {
  // An axe run over a full board takes seconds of CPU, many more on a loaded machine: each run
  // gives the test another minute instead of racing its default timeout.
  test.setTimeout(test.info().timeout + 60_000);
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const results = await builder.analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(violations).toEqual([]);
}

export interface RawItem {
  id: string;
  title: string;
  type: string;
  effort: number;
  estimate?: [number, number];
  dependsOn?: string[];
  notBefore?: number;
  injected?: boolean;
}

export interface RawScenario {
  id: string;
  title: string;
  time: { labels: string[] };
  items: RawItem[];
  /** The baked par (its plan), when the file has one. */
  par?: { plan: { slots: string[][] } };
}

export function readScenario(name: string): RawScenario {
  const path = fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as RawScenario;
}

/** The raw text of a shipped scenario file. */
export function scenarioText(name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url)),
    'utf8',
  );
}

/** Items that can go anywhere: visible, no prerequisites, no not-before slot; smallest first. */
export function freeItems(scenario: RawScenario): RawItem[] {
  return scenario.items
    .filter((i) => !i.injected && (i.dependsOn ?? []).length === 0 && (i.notBefore ?? 0) === 0)
    .sort((a, b) => a.effort - b.effort);
}

/** An item with one prerequisite, and that prerequisite. */
export function dependencyPair(scenario: RawScenario): { item: RawItem; prerequisite: RawItem } {
  for (const item of scenario.items) {
    const [dep] = item.dependsOn ?? [];
    const prerequisite = scenario.items.find((i) => i.id === dep);
    if (!item.injected && prerequisite && (prerequisite.dependsOn ?? []).length === 0)
      return { item, prerequisite };
  }
  throw new Error(`${scenario.id} has no item with a prerequisite`);
}

/** The saved plan (slots of item ids) of a scenario's active variant, read from local storage. */
export async function savedSlots(page: Page, scenarioId: string): Promise<string[][]> {
  return page.evaluate((id) => {
    const saved = JSON.parse(localStorage.getItem('roadmap-dojo') ?? '{}') as {
      state?: {
        plans?: Record<
          string,
          { activeId: string; variants: { id: string; plan: { slots: string[][] } }[] }
        >;
      };
    };
    const plans = saved.state?.plans?.[id];
    return plans?.variants.find((v) => v.id === plans.activeId)?.plan.slots ?? [];
  }, scenarioId);
}

/**
 * Replaces the saved plan (slots of item ids) of a scenario's first variant in local storage, as
 * a stored plan the app will load on the next reload. The scenario must have a saved plan already.
 */
export async function replaceSavedSlots(page: Page, scenarioId: string, slots: string[][]) {
  await page.evaluate(
    ({ id, slots }) => {
      const saved = JSON.parse(localStorage.getItem('roadmap-dojo') ?? '{}') as {
        state: { plans: Record<string, { variants: { plan: { slots: string[][] } }[] }> };
      };
      saved.state.plans[id]!.variants[0]!.plan.slots = slots;
      localStorage.setItem('roadmap-dojo', JSON.stringify(saved));
    },
    { id: scenarioId, slots },
  );
}

export const card = (page: Page, itemId: string) => page.locator(`[data-item-id="${itemId}"]`);
export const column = (page: Page, label: string) =>
  page.locator(`section[data-column="${label}"]`);
export const columnLoad = (page: Page, label: string) =>
  column(page, label).getByTestId('column-load');
export const projectedScore = (page: Page) => page.getByTestId('projected-score');
/** The board's live region: everything the board says, a drag's steps and drops included. */
export const boardAnnouncer = (page: Page) => page.locator('#board-announcer');

/**
 * Moves a card with its "Move to…" menu to a slot (by its label) or to "Backlog", as a learner
 * would without dragging, and waits until the board announces the move.
 */
export async function moveTo(page: Page, title: string, slot: string) {
  await page.getByRole('button', { name: `Move to… (${title})`, exact: true }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: slot, exact: true }).click();
  const where = slot === 'Backlog' ? 'the backlog' : slot;
  await expect(boardAnnouncer(page)).toContainText(`${title} moved to ${where}`);
}

/** An item's title, by its id. */
export function titleOf(scenario: RawScenario, id: string): string {
  const item = scenario.items.find((i) => i.id === id);
  if (!item) throw new Error(`${scenario.id} has no item ${id}`);
  return item.title;
}

/** Opens a scenario's board and starts solo play slot by slot, at round 1. */
export async function startRounds(page: Page, scenario: RawScenario) {
  await page.goto(`./#/s/${scenario.id}/plan`);
  await page.getByRole('button', { name: 'Play quarter by quarter' }).click();
  const { labels } = scenario.time;
  await expect(
    page
      .getByTestId('round-panel')
      .getByRole('heading', { name: `Round 1 of ${labels.length}: ${labels[0]}` }),
  ).toBeVisible();
}

/** Puts each item into a slot unless it is there already (a new world keeps the plan). */
export async function placeIn(page: Page, scenario: RawScenario, slot: string, ids: string[]) {
  for (const id of ids)
    if ((await column(page, slot).locator(`[data-item-id="${id}"]`).count()) === 0)
      await moveTo(page, titleOf(scenario, id), slot);
}

/** Takes each item back to the backlog from whichever of the slots holds it. */
export async function clearSlots(
  page: Page,
  scenario: RawScenario,
  slots: string[],
  ids: string[],
) {
  for (const slot of slots)
    for (const id of ids)
      if ((await column(page, slot).locator(`[data-item-id="${id}"]`).count()) > 0)
        await moveTo(page, titleOf(scenario, id), 'Backlog');
}

/**
 * Turns practice mode off (outside tutorials it hides the projected score and share of par while
 * planning): the board then shows them, and remembers the choice in this browser.
 */
export async function showProjection(page: Page) {
  const toggle = page.getByRole('switch', { name: 'Show score' });
  // The board may still be loading (a lazy screen, on a busy machine).
  await expect(toggle).toBeVisible({ timeout: 30_000 });
  if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true', { timeout: 15_000 });
}

/** From the board: plays the year, skips the slot-by-slot reveal and waits for the debrief. */
export async function playToDebrief(page: Page) {
  await page.getByRole('link', { name: 'Play the year' }).click();
  await page.getByRole('button', { name: 'Skip to the debrief' }).click();
  await expect(page.getByTestId('debrief-score')).toBeVisible({ timeout: 30_000 });
}

/**
 * Picks a card up by mouse and holds it: press on its grip, move past the activation distance in
 * small steps (`dy` says which way: -1 up, 1 down), until the drag shows.
 */
export async function pickUp(page: Page, from: Locator, dy: 1 | -1 = 1) {
  const start = await from.locator('.drag-handle').boundingBox();
  if (!start) throw new Error('drag source not visible');
  const x = start.x + start.width / 2;
  const y = start.y + start.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 4; i++) await page.mouse.move(x + i * 3, y + dy * i * 2);
  await expect(page.locator('.drag-preview')).toBeVisible();
}

/**
 * Drags a card by mouse: press on its grip, move past the activation distance in small steps,
 * travel to the target in steps, settle, release.
 */
export async function pointerDrag(page: Page, from: Locator, to: Locator) {
  await from.scrollIntoViewIfNeeded();
  await pickUp(page, from);
  const end = await to.boundingBox();
  if (!end) throw new Error('drop target not visible');
  // Aim at the part of the target inside the window: after scrolling a card deep in the backlog
  // into view, a tall column may start above the window's top.
  const viewport = page.viewportSize();
  const top = Math.max(end.y, 0);
  const bottom = viewport ? Math.min(end.y + end.height, viewport.height) : end.y + end.height;
  const tx = end.x + end.width / 2;
  const ty = top + Math.min((bottom - top) / 2, 220);
  await page.mouse.move(tx, ty, { steps: 15 });
  await page.mouse.move(tx + 2, ty + 2, { steps: 2 });
  await page.mouse.up();
  await expect(page.locator('.drag-preview')).toHaveCount(0);
  await gradingSettled(page);
}

/**
 * Waits until the board has graded the plan a drop made: after a drop the strip, forecasts and
 * card timings follow a moment later, and the strip is marked busy until they do.
 */
export async function gradingSettled(page: Page) {
  await expect(page.locator('.board-sticky[aria-busy="true"]')).toHaveCount(0);
}

/**
 * Waits until a keyboard drag that was just picked up listens for its arrow keys. The drag
 * library adds its key listener in a timer after the pick-up (so the Space that picked the card
 * up does not also drop it); the handle shows `aria-pressed` before that timer runs, and Chromium
 * runs queued input before timers, so under load an arrow pressed at once was lost. A timer queued
 * now runs after the library's.
 */
export async function dragKeysListening(page: Page) {
  await page.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

/** The label a keyboard drag lands in after pressing `keys`, for waiting on the live region. */
export async function keyboardDrag(
  page: Page,
  itemId: string,
  moves: { key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown'; expect: RegExp }[],
) {
  const handle = card(page, itemId).locator('.drag-handle');
  await handle.focus();
  await page.keyboard.press('Space');
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await dragKeysListening(page);
  for (const move of moves) {
    await page.keyboard.press(move.key);
    await expect(boardAnnouncer(page)).toHaveText(move.expect);
  }
}

/**
 * Commits the current round (round-by-round play, in a workshop or alone) with the keyboard alone:
 * the button, then the dialog's confirm; focus lands on what the slot revealed, and it is locked.
 */
export async function commitWithKeyboard(page: Page, slot: string) {
  const button = page.getByRole('button', { name: `Commit ${slot}`, exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Commit ${slot}?` });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: `Commit ${slot}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  // Focus lands on what the slot revealed.
  await expect(page.getByRole('heading', { name: `${slot} as played`, exact: true })).toBeFocused();
  // The column says it is locked (on a phone the column may be another pane than the one shown).
  await expect(column(page, slot).getByTestId('column-locked')).toBeAttached();
}
