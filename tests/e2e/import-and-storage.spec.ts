import {
  column,
  columnLoad,
  expect,
  expectNoAxeViolations,
  freeItems,
  readScenario,
  scenarioText,
  test,
} from './support';

const big = readScenario('big-customer');
const Q2 = big.time.labels[1]!;

/** A shipped scenario file with one item's effort broken, as a careless author might share it. */
function brokenScenario(): Buffer {
  const data = JSON.parse(scenarioText('tutorial')) as {
    id: string;
    items: { effort: unknown }[];
  };
  data.id = 'broken-copy';
  data.items[3]!.effort = -1;
  data.items[0]!.effort = 'lots';
  return Buffer.from(JSON.stringify(data));
}

test('importing a broken scenario file lists the errors and leaves the current plan intact', async ({
  page,
}) => {
  const [first] = freeItems(big);
  await page.goto(`./#/s/${big.id}/plan`);
  await page.getByRole('button', { name: `Move to… (${first!.title})` }).click();
  await page.getByRole('menuitem', { name: Q2, exact: true }).click();
  const load = await columnLoad(page, Q2).textContent();

  await page.getByRole('link', { name: 'Scenario library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scenario library' })).toBeFocused();
  await page.getByTestId('scenario-file-input').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: brokenScenario(),
  });

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not import broken.json');
  await expect(alert.getByRole('list', { name: 'Problems in broken.json' })).toHaveText(
    [
      'items[0].effort: must be a number, not string "lots"',
      'items[3].effort: must be a positive number',
    ].join(''),
  );
  await expect(page.getByRole('article', { name: /broken/i })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Continue planning' }).click();
  await expect(column(page, Q2).locator(`[data-item-id="${first!.id}"]`)).toBeVisible();
  await expect(columnLoad(page, Q2)).toHaveText(load ?? '');
});

test('a valid file dropped on the library is imported, marked and kept after a reload', async ({
  page,
}) => {
  await page.goto('./');
  // The library listens for a dragged file once it has rendered; the page's <main> exists before
  // that, so a drag dispatched right after the load can reach a page with no listener yet.
  await expect(page.getByRole('heading', { level: 1, name: 'Scenario library' })).toBeVisible();
  await expect(page.getByRole('article').first()).toBeVisible();
  const data = JSON.parse(scenarioText('tutorial')) as { id: string; title: string };
  data.id = 'tutorial-remix';
  data.title = 'Tutorial remix';
  const text = JSON.stringify(data);
  const dataTransfer = await page.evaluateHandle((json) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([json], 'remix.json', { type: 'application/json' }));
    return transfer;
  }, text);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop the scenario file to import it')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer });

  await expect(page.getByText('Imported “Tutorial remix” from remix.json.')).toBeVisible();
  const card = page.getByRole('article', { name: 'Tutorial remix' });
  await expect(card.getByText('Imported', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('article', { name: 'Tutorial remix' })).toBeVisible();
  await page.getByRole('link', { name: 'Tutorial remix' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tutorial remix' })).toBeVisible();
});

test('corrupt saved state is set aside with a notice, and the app works', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.setItem('roadmap-dojo', '{"state": {"plans": [oops'));
  await page.reload();

  const notice = page.getByText('Saved data could not be used').locator('..').locator('..');
  await expect(notice).toContainText('could not be read (they are not valid JSON)');
  await expect(notice).toContainText('roadmap-dojo:backup-1');
  expect(await page.evaluate(() => localStorage.getItem('roadmap-dojo:backup-1'))).toBe(
    '{"state": {"plans": [oops',
  );
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Dismiss this notice' }).click();
  await expect(page.getByText('Saved data could not be used')).toHaveCount(0);

  const [first] = freeItems(big);
  await page.goto(`./#/s/${big.id}/plan`);
  await page.getByRole('button', { name: `Move to… (${first!.title})` }).click();
  await page.getByRole('menuitem', { name: Q2, exact: true }).click();
  await expect(column(page, Q2).locator(`[data-item-id="${first!.id}"]`)).toBeVisible();
  await page.reload();
  await expect(column(page, Q2).locator(`[data-item-id="${first!.id}"]`)).toBeVisible();
  await expect(page.getByText('Saved data could not be used')).toHaveCount(0);
});

test('saved data from a newer version is not guessed at', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() =>
    localStorage.setItem('roadmap-dojo', JSON.stringify({ state: { plans: {} }, version: 999 })),
  );
  await page.reload();
  await expect(page.getByText(/written by a newer version of Roadmap Dojo/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Scenario library' })).toBeVisible();
});
