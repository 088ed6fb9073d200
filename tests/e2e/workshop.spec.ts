/**
 * Workshops end to end: a facilitator sets up a round-by-round game and plays it to the debrief;
 * hidden scores stay hidden on the board until the reveal; a team joins from the workshop link in
 * a fresh browser; a tampered or too-new link shows what is wrong and leaves the app working and
 * the team's saved plan alone; axe finds nothing on setup, presentation view and round panel.
 */
import type { Page } from '@playwright/test';

import { watchedContext } from './contexts';
import {
  card,
  column,
  commitWithKeyboard,
  expect,
  expectNoAxeViolations,
  projectedScore,
  readScenario,
  test,
} from './support';

// Four quarters, and a scripted zero-day that (with seed 5) adds an emergency patch in Q3.
const zeroDay = readScenario('zero-day');
const SEED = 5;
const title = (id: string) => zeroDay.items.find((i) => i.id === id)!.title;
const injected = zeroDay.items.find((i) => i.injected)!;

async function moveTo(page: Page, itemId: string, slot: string) {
  await page.getByRole('button', { name: `Move to… (${title(itemId)})` }).click();
  await page.getByRole('menuitem', { name: slot, exact: true }).click();
  await expect(column(page, slot).locator(`[data-item-id="${itemId}"]`)).toBeVisible();
}

/** Sets up a workshop of zero-day with the given options and starts it in this browser. */
async function setUp(page: Page, options: { hideScores?: boolean } = {}) {
  await page.goto('./#/');
  await page.getByRole('link', { name: 'Run a workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Run a workshop' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(zeroDay.id);
  await expect(page.getByRole('radio', { name: 'Round by round' })).toBeChecked();
  const seed = page.getByRole('spinbutton', { name: 'Seed' });
  await seed.fill(String(SEED));
  await seed.blur();
  if (options.hideScores)
    await page.getByRole('checkbox', { name: 'Hide scores until I reveal them' }).check();
  await page.getByRole('button', { name: 'Start the workshop' }).click();
  await expect(page.getByTestId('workshop-status')).toContainText('The workshop is on');
}

test('a round-by-round game of a 4-slot scenario plays to the debrief', async ({ page }) => {
  test.setTimeout(180_000);
  await setUp(page);
  await page.getByRole('link', { name: 'Open the board' }).click();
  const panel = page.getByTestId('round-panel');
  await expect(panel.getByRole('heading', { name: 'Round 1 of 4: Q1' })).toBeVisible();
  await expect(projectedScore(page)).toBeVisible();

  // Round 1: plan Q1 (and a first idea for Q4), commit Q1.
  await moveTo(page, 'patch-xml', 'Q1');
  await moveTo(page, 'sms-reminders', 'Q1');
  await moveTo(page, 'hipaa-sra', 'Q4');
  await commitWithKeyboard(page, 'Q1');
  await expect(panel.getByRole('heading', { name: 'Round 2 of 4: Q2' })).toBeVisible();
  await expect(card(page, 'patch-xml').getByTestId('card-locked')).toHaveText(/Played · locked/);
  // A played item cannot be moved: its menu is gone, and Q1 is no target for others.
  await expect(page.getByRole('button', { name: `Move to… (${title('patch-xml')})` })).toHaveCount(
    0,
  );
  await page.getByRole('button', { name: `Move to… (${title('sbom')})` }).click();
  await expect(page.getByRole('menuitem', { name: /^Q1/ })).toBeDisabled();

  // Round 2: re-plan the rest (Q4's item moves to Q3), then commit Q2.
  await page.getByRole('menuitem', { name: 'Q2', exact: true }).click();
  await expect(column(page, 'Q2').locator('[data-item-id="sbom"]')).toBeVisible();
  await moveTo(page, 'hipaa-sra', 'Q3');
  await moveTo(page, 'ir-playbook', 'Q3');
  const story = panel.getByTestId('played-slot');
  await commitWithKeyboard(page, 'Q2');
  await expect(story).toHaveCount(2);

  // Par from here, by keyboard: the best continuation of the two played quarters.
  const parButton = panel.getByRole('button', { name: 'Par from here' });
  await parButton.focus();
  await page.keyboard.press('Enter');
  await expect(parButton).toHaveAttribute('aria-expanded', 'true');
  const parPlan = panel.getByTestId('par-from-here-plan');
  await expect(parPlan).toBeVisible({ timeout: 60_000 });
  // It continues from Q3: the played quarters are as played, not re-planned.
  await expect(parPlan.locator('dt')).toHaveText([/^Q3/, /^Q4/]);
  await expect(parPlan).not.toContainText(title('patch-xml'));
  await expect(parPlan).not.toContainText(title('sbom'));
  await expect(panel.getByText(/^Par from here scores \d+\.\d/)).toBeVisible();

  // Round 3: commit Q3; the zero-day is revealed and its patch appears, locked, in the backlog.
  await commitWithKeyboard(page, 'Q3');
  await expect(story.last()).toContainText('A zero-day in a core library');
  const added = card(page, injected.id);
  await expect(added).toBeVisible();
  await expect(added).toContainText('Added by an event in Q3');
  await expect(added.getByTestId('card-locked')).toBeVisible();

  // Round 4: plan and commit the last quarter; the year is played.
  await moveTo(page, 'clinician-mfa', 'Q4');
  await commitWithKeyboard(page, 'Q4');
  await expect(panel.getByRole('heading', { name: 'The year is played' })).toBeVisible();
  await expect(story).toHaveCount(4);

  await panel.getByRole('button', { name: 'See the debrief' }).click();
  await expect(page).toHaveURL(/#\/s\/zero-day\/play$/);
  // The rounds already revealed the year: the debrief opens on the result, told with the
  // workshop's dice.
  await expect(page.getByTestId('debrief-score')).toHaveText(/^\d+\.\d$/, { timeout: 30_000 });
  await expect(page.getByText(`this run’s seed ${SEED}`)).toBeVisible();
  // Graded as the board was: the workshop's weights, named in the headline.
  await expect(page.getByTestId('debrief-graded-with')).toContainText(
    'Graded with the workshop’s Balanced weights',
  );
});

test('hidden scores: no score on the board until the facilitator reveals them', async ({
  page,
}) => {
  await setUp(page, { hideScores: true });
  await page.getByRole('link', { name: 'Open the board' }).click();
  await expect(page.getByTestId('round-panel')).toBeVisible();
  await expect(page.getByTestId('scores-hidden')).toBeVisible();
  await moveTo(page, 'patch-xml', 'Q1');
  await expect(projectedScore(page)).toHaveCount(0);
  await expect(page.getByText(/% of par/)).toHaveCount(0);
  await expect(page.locator('#board-announcer')).not.toContainText('score');
  await page.getByRole('button', { name: 'Par from here' }).click();
  await expect(page.getByTestId('par-from-here-plan')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Par from here scores/)).toHaveCount(0);

  // The debrief, opened directly, keeps the scores hidden too.
  await page.goto(`./#/s/${zeroDay.id}/play`);
  await page.getByRole('button', { name: 'Skip to the debrief' }).click();
  await expect(page.getByTestId('debrief-scores-hidden')).toBeVisible();
  await expect(page.getByTestId('debrief-score')).toHaveCount(0);
  await expect(page.getByText(/% of par/)).toHaveCount(0);

  // The reveal, on the presentation view.
  await page.goto('./#/workshop/present');
  await expect(page.getByTestId('present-reveal-state')).toHaveText(
    'Scores hidden until the reveal',
  );
  await page.getByRole('button', { name: 'Reveal the scores' }).click();
  await expect(page.getByTestId('present-reveal-state')).toHaveText('Scores revealed');
  await page.goto(`./#/s/${zeroDay.id}/plan`);
  await expect(projectedScore(page)).toHaveText(/^\d+\.\d$/);
  await expect(page.getByTestId('scores-hidden')).toHaveCount(0);
});

test('a team joins from the workshop link in a fresh browser; a tampered or too-new link shows what is wrong and changes nothing', async ({
  page,
  browser,
}) => {
  await setUp(page);
  const link = await page.getByTestId('workshop-link').inputValue();
  expect(link).toMatch(/#\/workshop\/join\/w1\.[A-Za-z0-9+$-]+$/);

  const team = await watchedContext(browser);
  // The team already has a plan of its own for the scenario.
  await team.page.goto(`./#/s/${zeroDay.id}/plan`);
  await team.page.getByRole('button', { name: `Move to… (${title('sbom')})` }).click();
  await team.page.getByRole('menuitem', { name: 'Q2', exact: true }).click();
  await expect(column(team.page, 'Q2').locator('[data-item-id="sbom"]')).toBeVisible();

  // Cut off, as a chat app might: the link says it is damaged, the app still works.
  await team.page.goto(link.slice(0, link.length - 40));
  await expect(
    team.page.getByRole('heading', { level: 1, name: 'This workshop link cannot be opened' }),
  ).toBeVisible();
  await expect(team.page.getByTestId('join-issues')).toContainText('damaged or incomplete');
  await expectNoAxeViolations(team.page);
  // From a newer version of the app.
  await team.page.goto(link.replace('/join/w1.', '/join/w9.'));
  await expect(team.page.getByTestId('join-issues')).toContainText('newer version');
  await team.page.getByRole('link', { name: 'Go to the scenario library' }).click();
  await expect(team.page.getByRole('heading', { level: 1 })).toBeVisible();
  await team.page.goto(`./#/s/${zeroDay.id}/plan`);
  await expect(column(team.page, 'Q2').locator('[data-item-id="sbom"]')).toBeVisible();
  await expect(team.page.getByTestId('round-panel')).toHaveCount(0);

  // The real link: join as a team; the settings drive the board, the team's plan is kept.
  await team.page.goto(link);
  await expect(team.page.getByTestId('join-facts')).toContainText('Round by round');
  await team.page.getByRole('textbox', { name: 'Team name' }).fill('Team Red');
  await team.page.getByRole('button', { name: 'Join the workshop' }).click();
  await expect(team.page).toHaveURL(/#\/s\/zero-day\/plan$/);
  await expect(team.page.getByTestId('round-panel')).toContainText('Team Red');
  await expect(team.page.getByRole('heading', { name: 'Round 1 of 4: Q1' })).toBeVisible();
  await expect(column(team.page, 'Q2').locator('[data-item-id="sbom"]')).toBeVisible();
  await team.close();
});

// One axe scan per test: each scan takes seconds on a busy 2-core machine.
test('the workshop setup with its QR code has no axe violations', async ({ page }) => {
  await setUp(page, { hideScores: true });
  await page.getByRole('checkbox', { name: 'Hide scores until I reveal them' }).focus();
  await page.getByText('Show the QR code').click();
  await expect(page.getByRole('img', { name: 'QR code of the workshop link' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the workshop setup with custom weights has no axe violations', async ({ page }) => {
  await setUp(page, { hideScores: true });
  await page.getByRole('radio', { name: 'Custom weights' }).check();
  await expect(page.getByRole('group', { name: 'Custom weights' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the presentation view with the timer running has no axe violations', async ({ page }) => {
  await setUp(page, { hideScores: true });
  await page.getByRole('link', { name: 'Presentation view' }).first().click();
  await expect(page.getByRole('timer')).toBeVisible();
  await page.getByRole('button', { name: 'Start the timer' }).click();
  await expect(page.getByRole('button', { name: 'Pause the timer' })).toBeVisible();
  await expectNoAxeViolations(page);
});

/** Plans the first round of the workshop board and opens its commit dialog. */
async function openCommitDialog(page: Page) {
  await setUp(page, { hideScores: true });
  await page.goto(`./#/s/${zeroDay.id}/plan`);
  await moveTo(page, 'patch-xml', 'Q1');
  await page.getByRole('button', { name: 'Commit Q1', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Commit Q1?' })).toBeVisible();
}

test('the commit dialog has no axe violations', async ({ page }) => {
  await openCommitDialog(page);
  await expectNoAxeViolations(page, '[role="dialog"]');
});

test('the round panel with par from here has no axe violations', async ({ page }) => {
  test.setTimeout(180_000);
  await openCommitDialog(page);
  await page.getByRole('dialog').getByRole('button', { name: 'Commit Q1', exact: true }).click();
  await page.getByRole('button', { name: 'Par from here' }).click();
  await expect(page.getByTestId('par-from-here-plan')).toBeVisible({ timeout: 60_000 });
  // The whole page, round panel included.
  await expectNoAxeViolations(page);
});
