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

const zeroDay = readScenario('zero-day');

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a standing threat from the briefing to the card that controls it (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(`./#/s/${zeroDay.id}`);
    const threats = page.getByRole('region', { name: 'Standing threats' });
    await expect(
      threats.getByRole('heading', { name: 'Phished clinician passwords' }),
    ).toBeVisible();
    await expect(threats).toContainText(
      'About 8% a year that it leads to a breach ($5.00M each), with nothing done.',
    );
    await expect(threats).toContainText('“MFA for clinician accounts” cuts it by 90%.');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Start planning' }).first().click();
    const card = page.locator('[data-item-id="clinician-mfa"]');
    await expect(card).toContainText('−90% “Phished clinician…”');
    await card.getByRole('button', { name: 'MFA for clinician accounts', exact: true }).click();
    const details = page.getByRole('dialog', { name: 'MFA for clinician accounts' });
    await expect(details).toContainText(
      'Once done, cuts the chance of a breach through “Phished clinician passwords” by 90% (8% a year with nothing done; a breach costs $5.00M).',
    );
    await expectNoAxeViolations(page);
  });
}

test('on a phone each metric of the scoring table reads across the screen, and stays a table', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`./#/s/${big.id}`);
  const table = page.getByRole('table', { name: 'How the plan is scored' });
  await expect(table).toBeVisible();
  // A screen reader still meets a table: headers, a row per metric, its name heading the row.
  await expect(table.getByRole('columnheader')).toHaveText([
    'Metric',
    'Weight',
    'What it measures',
  ]);
  const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(4);
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const [name, words] = [row.getByRole('rowheader'), row.getByRole('cell').last()];
    const nameBox = (await name.boundingBox())!;
    const wordsBox = (await words.boundingBox())!;
    // The words sit under the name, across the screen, not squeezed into a third column.
    expect(wordsBox.y).toBeGreaterThanOrEqual(nameBox.y + nameBox.height - 1);
    expect(wordsBox.x).toBeLessThanOrEqual(nameBox.x + 1);
    expect(wordsBox.x + wordsBox.width).toBeLessThanOrEqual(390);
    expect(wordsBox.width).toBeGreaterThan(300);
  }
  // And the browser itself still exposes a table with a row header per metric (Playwright's
  // roles above are worked out from the markup; this is Chromium's accessibility tree).
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
  };
  const exposed = (role: string) =>
    nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => n.name?.value);
  expect(exposed('table')).toContain('How the plan is scored');
  expect(exposed('rowheader')).toEqual(
    expect.arrayContaining(await rows.getByRole('rowheader').allTextContents()),
  );
  // Nothing to scroll sideways inside the table's frame either.
  const frame = table.locator('xpath=..');
  expect(await frame.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
});
