/**
 * Practice mode: planning alone outside the tutorial, the projected score and share of par are
 * hidden so the learner plans by judgement; the strip's switch shows them and the choice is
 * remembered; the tutorial shows them; the debrief always reveals the score. Workshops keep their
 * own setting (workshop.spec.ts).
 */
import {
  column,
  expect,
  expectNoAxeViolations,
  projectedScore,
  readScenario,
  test,
} from './support';

const big = readScenario('big-customer');
const tutorial = readScenario('tutorial');
const board = `./#/s/${big.id}/plan`;

test('practice mode hides the projection by default; the switch shows it and is remembered', async ({
  page,
}) => {
  await page.goto(board);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(big.title, {
    timeout: 30_000,
  });
  const toggle = page.getByRole('switch', { name: 'Show score' });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByTestId('practice-hidden')).toBeVisible();
  await expect(projectedScore(page)).toHaveCount(0);
  await expect(page.getByText(/% of par/)).toHaveCount(0);

  // A move is announced without a score.
  await column(page, 'Backlog').locator('.drag-handle').first().focus();
  await page.keyboard.press('1');
  await expect(page.locator('#board-announcer')).toContainText('moved to');
  await expect(page.locator('#board-announcer')).not.toContainText('score');

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(projectedScore(page)).toHaveText(/^\d+\.\d$/);
  await expect(page.getByTestId('par-status')).toBeAttached();

  // Remembered after a reload; hidden again after switching it off.
  await page.reload();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(projectedScore(page)).toHaveText(/^\d+\.\d$/);
  await toggle.click();
  await page.reload();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(projectedScore(page)).toHaveCount(0);
});

for (const shown of [false, true])
  test(`at 390 px the practice switch is in the strip, nothing overflows, axe finds nothing (score ${shown ? 'shown' : 'hidden'})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(board);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(big.title, {
      timeout: 30_000,
    });
    await column(page, 'Backlog').locator('.drag-handle').first().focus();
    await page.keyboard.press('1');
    const toggle = page.getByTestId('strip').getByRole('switch', { name: 'Show score' });
    await expect(toggle).toBeVisible();
    if (shown) await toggle.click();
    await expect(projectedScore(page)).toHaveCount(shown ? 1 : 0);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });

test('the tutorial shows the projection; the debrief reveals the score in practice mode', async ({
  page,
}) => {
  await page.goto(`./#/s/${tutorial.id}/plan`);
  await expect(page.getByRole('switch', { name: 'Show score' })).toHaveAttribute(
    'aria-checked',
    'true',
    { timeout: 30_000 },
  );
  await expect(projectedScore(page)).toHaveText(/^\d+\.\d$/);

  await page.goto(board);
  await expect(projectedScore(page)).toHaveCount(0);
  await column(page, 'Backlog').locator('.drag-handle').first().focus();
  await page.keyboard.press('1');
  await page.getByRole('link', { name: 'Play the year' }).click();
  await page.getByRole('button', { name: 'Skip to the debrief' }).click({ timeout: 30_000 });
  await expect(page.getByTestId('debrief-score')).toHaveText(/^\d+\.\d$/, { timeout: 30_000 });
});
