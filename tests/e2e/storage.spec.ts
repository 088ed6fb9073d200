/**
 * A learner's work survives what browsers do to it: two tabs editing at once, a full storage,
 * saved data the app cannot use, and hostile ids in files and links.
 */
import LZString from 'lz-string';

import type { Page } from '@playwright/test';

import { column, expect, expectNoAxeViolations, readScenario, scenarioText, test } from './support';

async function moveTo(page: Page, title: string, label: string) {
  // The "Move to…" menu (a keyboard user's way to move a card), driven by keys: it needs no
  // pointer position, so it acts the same in either of two open pages.
  await page.getByRole('button', { name: `Move to… (${title})` }).press('Enter');
  await page.getByRole('menuitem', { name: label, exact: true }).press('Enter');
}

function placed(page: Page, label: string, id: string) {
  return column(page, label).locator(`[data-item-id="${id}"]`);
}

const tutorial = readScenario('tutorial');
const title = (id: string) => tutorial.items.find((i) => i.id === id)!.title;
const zeroDay = readScenario('zero-day');
const sbom = zeroDay.items.find((i) => i.id === 'sbom')!;

// Two pages of one context share local storage, as two tabs do. (Both pages get input and
// animation frames in this headless Chromium: a pointer click with scroll-into-view lands in the
// first page while the second is open.) The merge itself is also covered by
// tests/store/tabs.property.test.ts.
test('two tabs editing at once keep every edit, and each tab sees the other', async ({ page }) => {
  const a = page;
  const b = await a.context().newPage();
  await a.goto('./#/s/tutorial/plan');
  await b.goto('./#/s/tutorial/plan');

  // The journey that used to lose all of B's work. Each tab shows the other's edit without a
  // reload, and each edit here is made on top of the other tab's, as a person switching tabs
  // makes it. (Two edits of one plan made before either tab has heard of the other's are a
  // conflict: the later wins and the other tab is told, the next test.)
  await moveTo(a, title('dark-mode'), 'Q1');
  await expect(placed(b, 'Q1', 'dark-mode')).toBeVisible();
  await moveTo(b, title('team-calendars'), 'Q2');
  await expect(placed(a, 'Q2', 'team-calendars')).toBeVisible();
  await b.goto('./#/s/zero-day/plan');
  await moveTo(b, sbom.title, 'Q1');
  await moveTo(a, title('test-suite'), 'Q1');
  await b.goto('./#/s/tutorial/plan');
  await expect(placed(b, 'Q1', 'test-suite')).toBeVisible();
  await expect(placed(b, 'Q1', 'dark-mode')).toBeVisible();
  await expect(placed(b, 'Q2', 'team-calendars')).toBeVisible();

  // After a reload, in both tabs, every edit is there.
  for (const tab of [a, b]) {
    await tab.goto('./#/s/tutorial/plan');
    await tab.reload();
    await expect(placed(tab, 'Q1', 'dark-mode')).toBeVisible();
    await expect(placed(tab, 'Q1', 'test-suite')).toBeVisible();
    await expect(placed(tab, 'Q2', 'team-calendars')).toBeVisible();
    await tab.goto('./#/s/zero-day/plan');
    await expect(placed(tab, 'Q1', 'sbom')).toBeVisible();
  }
  await b.close();
});

test('the same plan changed in two tabs: the later change wins and the other tab is told', async ({
  page,
}) => {
  const a = page;
  const b = await a.context().newPage();
  // B is a busy tab: it hears of other tabs' saves only when the test lets it.
  await b.addInitScript(() => {
    const held: StorageEvent[] = [];
    const w = window as unknown as { holdStorage: boolean; releaseStorage: () => void };
    w.holdStorage = false;
    window.addEventListener(
      'storage',
      (event) => {
        if (!w.holdStorage || !event.isTrusted) return;
        event.stopImmediatePropagation();
        held.push(event);
      },
      true,
    );
    w.releaseStorage = () => {
      w.holdStorage = false;
      for (const event of held.splice(0))
        window.dispatchEvent(new StorageEvent('storage', { key: event.key }));
    };
  });
  await a.goto('./#/s/tutorial/plan');
  await b.goto('./#/s/tutorial/plan');
  await moveTo(a, title('dark-mode'), 'Q1');
  await expect(placed(b, 'Q1', 'dark-mode')).toBeVisible();

  // A moves dark mode to Q2; B, not yet told (it still has dark mode in Q1), changes the same
  // plan later: test suite to Q1. The plan is merged per variant, so B's version wins whole.
  await b.evaluate(() => {
    (window as unknown as { holdStorage: boolean }).holdStorage = true;
  });
  await moveTo(a, title('dark-mode'), 'Q2');
  await expect(placed(a, 'Q2', 'dark-mode')).toBeVisible();
  await moveTo(b, title('test-suite'), 'Q1');
  await expect(placed(b, 'Q1', 'test-suite')).toBeVisible();
  await b.evaluate(() => (window as unknown as { releaseStorage: () => void }).releaseStorage());

  // Both tabs show the later change; A says what happened to its own and can keep it.
  for (const tab of [a, b]) {
    await expect(placed(tab, 'Q1', 'dark-mode')).toBeVisible();
    await expect(placed(tab, 'Q1', 'test-suite')).toBeVisible();
  }
  const notices = a.getByTestId('storage-notices');
  await expect(notices).toContainText('Changed in another tab');
  await expect(notices).toContainText('was also changed in another tab');
  await expect(b.getByTestId('storage-notices')).toHaveCount(0);
  await expectNoAxeViolations(a, '[data-testid="storage-notices"]');
  await notices.getByRole('button', { name: 'Keep my version as a new variant' }).click();
  await expect(a.getByTestId('storage-notices')).toHaveCount(0);
  await expect
    .poll(() => a.evaluate(() => localStorage.getItem('roadmap-dojo') ?? ''))
    .toContain('(this tab)');
  await b.close();
});

test('a full storage keeps the saved plans and names what is at risk, with a one-click export', async ({
  page,
}) => {
  // Filling several megabytes of storage is slow on a busy machine (this is no speed check).
  test.setTimeout(120_000);
  await page.goto('./#/s/tutorial/plan');
  await moveTo(page, title('dark-mode'), 'Q1');

  // Another app on the origin fills the storage to the last character.
  // (One try per power of two, largest first: about 24 writes, most of them small.)
  await page.evaluate(() => {
    for (let size = 1 << 23, n = 0; size >= 1; size = Math.floor(size / 2), n++) {
      try {
        localStorage.setItem(`filler-${n}`, 'x'.repeat(size));
      } catch {
        // Too big for what is left: try half.
      }
    }
  });
  await moveTo(page, title('test-suite'), 'Q2');

  const notices = page.getByTestId('storage-notices');
  await expect(notices).toContainText('Your latest changes are not saved');
  await expect(notices).toContainText('these exist only in this tab');
  await expect(notices.getByRole('listitem')).toContainText([/Plan A.*Your first two quarters/]);
  await expectNoAxeViolations(page, '[data-testid="storage-notices"]');

  const download = page.waitForEvent('download');
  await notices.getByRole('button', { name: 'Export everything' }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  const exported = Buffer.concat(text).toString('utf8');
  expect(exported).toContain('test-suite');
  expect(exported).toContain('dark-mode');

  // The saved plan is untouched: a reload shows the last change that was saved.
  await page.reload();
  await expect(placed(page, 'Q1', 'dark-mode')).toBeVisible();
  await expect(placed(page, 'Q2', 'test-suite')).toHaveCount(0);

  // Space is freed: the next change saves and the notice goes.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage))
      if (key.startsWith('filler-')) localStorage.removeItem(key);
  });
  await moveTo(page, title('test-suite'), 'Q2');
  await page.reload();
  await expect(placed(page, 'Q2', 'test-suite')).toBeVisible();
  await expect(page.getByTestId('storage-notices')).toHaveCount(0);
});

test('data set aside can be restored from Saved data, without developer tools', async ({
  page,
}) => {
  // Three loads and a full axe scan: slow on a busy machine (this is no speed check).
  test.setTimeout(90_000);
  await page.goto('./#/s/tutorial/plan');
  await moveTo(page, title('dark-mode'), 'Q2');
  const good = await page.evaluate(() => localStorage.getItem('roadmap-dojo'));
  // A damaged copy takes its place (a version that is not a number is damage, not "newer").
  await page.evaluate(
    (text) => localStorage.setItem('roadmap-dojo', text.replace(/"version":\d+/, '"version":"4"')),
    good!,
  );
  // Reloaded on a slow CPU: the first render is a transition that React may interrupt and start
  // again, and the store (which sets the damaged copy aside) must still be made once — a second
  // one would find the copy already moved and start clean with no notice (it did, every time).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.reload();
  const notices = page.getByTestId('storage-notices');
  await expect(notices).toContainText('Saved data could not be used');
  await expect(notices).toContainText('"4" (string)');
  await expect(placed(page, 'Q2', 'dark-mode')).toHaveCount(0);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

  await notices.getByRole('link', { name: 'Open Saved data' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saved data' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Restore roadmap-dojo:backup-1' }).click();
  // Restoring reads the copy as an import: whatever it can use comes back, and the board opens
  // it (nothing of the learner's was there since the clean slate).
  const outcome = page.getByRole('status').filter({ hasText: 'Restored what' });
  await expect(outcome).toContainText('Added 1 variant');
  await expect(outcome).toContainText('The copy was damaged');
  await page.goto('./#/s/tutorial/plan');
  await expect(placed(page, 'Q2', 'dark-mode')).toBeVisible();
  // In place of the untouched first plan, under its own name.
  await expect(page.getByLabel('Plan variant', { exact: true }).locator('option')).toHaveText([
    'Plan A',
  ]);
});

test('an id that is a name of Object.prototype is refused with a message, from a file and a link', async ({
  page,
}) => {
  const data = JSON.parse(scenarioText('tutorial')) as {
    id: string;
    items: { id: string }[];
  };
  data.id = 'constructor';
  await page.goto('./');
  await page.getByTestId('scenario-file-input').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(data)),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not import hostile.json');
  await expect(alert).toContainText('id: must not be "constructor"');

  // The same scenario inside a share link: a message, never a crash, and nothing imported.
  const payload = {
    scenarioId: 'constructor',
    name: 'Hostile',
    plan: { slots: [[data.items[0]!.id], []] },
    scenario: data,
  };
  const token = `p1.${LZString.compressToEncodedURIComponent(JSON.stringify(payload))}`;
  await page.goto(`./#/share/${token}`);
  await expect(page.getByRole('main')).toContainText('must not be "constructor"');
  // Nothing was imported by either.
  const saved = await page.evaluate(() => localStorage.getItem('roadmap-dojo'));
  expect(saved ?? '').not.toContain('"constructor"');
});
