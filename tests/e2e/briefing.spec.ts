import { expect, expectNoAxeViolations, readScenario, test } from './support';

const big = readScenario('big-customer');

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the briefing has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(`./#/s/${big.id}`);
    await expect(page.getByRole('heading', { level: 1, name: big.title })).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 2, name: 'How the plan is scored' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('from the library card to the briefing to the board', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: big.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/s/${big.id}$`));
  await expect(page).toHaveTitle(`Briefing: ${big.title} · Roadmap Dojo`);
  await expect(page.getByRole('heading', { level: 1, name: big.title })).toBeFocused();
  await page.getByRole('link', { name: 'Start planning' }).first().click();
  await expect(page).toHaveURL(new RegExp(`#/s/${big.id}/plan$`));
  await expect(page.getByRole('region', { name: 'Backlog' })).toBeVisible();

  await page.goto('./');
  const resume = page.getByRole('region', { name: 'Continue where you left off' });
  await expect(resume).toContainText(big.title);
  await resume.getByRole('link', { name: 'Continue planning' }).click();
  await expect(page).toHaveURL(new RegExp(`#/s/${big.id}/plan$`));
});
