/**
 * Pointer drags across a full board. The board once moved the dragged card into each column the
 * pointer crossed; on a board with an empty backlog, a drag from the first slot to the fourth made
 * the lists swap the card back and forth without end and the page showed "This screen could not be
 * shown" (React's maximum update depth). A pointer drag now leaves every card in place until the
 * drop.
 */
import {
  card,
  column,
  expect,
  pointerDrag,
  readScenario,
  replaceSavedSlots,
  savedSlots,
  test,
} from './support';

const audit = readScenario('audit-year');
const labels = audit.time.labels;
const board = `./#/s/${audit.id}/plan`;

/** Every item planned, the backlog empty: the board the crash was found on. */
const FULL: string[][] = [
  ['virtual-cards', 'soc2-access', 'patch-jwt', 'oncall-runbooks'],
  ['multi-currency', 'soc2-change', 'secrets-vault', 'services-split'],
  ['approval-rules', 'soc2-logging', 'ledger-refactor'],
  ['netsuite-sync', 'pci-mfa', 'ci-pipeline'],
  ['db-partitioning', 'pci-scripts', 'receipt-ai'],
  ['mobile-refresh', 'iso-27001', 'payment-queue'],
];

test('a drag across a full board with an empty backlog lands where it is dropped', async ({
  page,
}) => {
  expect(FULL.flat().sort()).toEqual(
    audit.items
      .filter((i) => !i.injected)
      .map((i) => i.id)
      .sort(),
  );
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(board);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(audit.title, {
    timeout: 30_000,
  });
  // Save something, then put the full plan in its place and load it.
  await card(page, 'virtual-cards').locator('[data-move-button]').click();
  await page.getByRole('menu').getByRole('menuitem', { name: labels[0]!, exact: true }).click();
  await expect.poll(() => savedSlots(page, audit.id)).toContainEqual(['virtual-cards']);
  await replaceSavedSlots(page, audit.id, FULL);
  await page.reload();
  await expect(column(page, labels[3]!).locator('li[data-item-id]')).toHaveCount(3);
  await expect(column(page, 'Backlog').locator('li[data-item-id]')).toHaveCount(0);

  await pointerDrag(page, card(page, 'virtual-cards'), column(page, labels[3]!));
  await expect(page.getByRole('heading', { name: 'This screen could not be shown' })).toHaveCount(
    0,
  );
  await expect(column(page, labels[3]!).locator('[data-item-id="virtual-cards"]')).toBeVisible();
  // A drop is saved just after the frame that shows it.
  await expect.poll(async () => (await savedSlots(page, audit.id))[3]).toContain('virtual-cards');
  const slots = await savedSlots(page, audit.id);
  expect(slots[0]).toEqual(['soc2-access', 'patch-jwt', 'oncall-runbooks']);
  expect(slots[3]).toContain('virtual-cards');
  expect(slots.flat().sort()).toEqual(FULL.flat().sort());
});
