import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { decodeShare } from '../../../src/engine/share';
import { defaultWorkshopSettings } from '../../../src/engine/workshop';
import { ShareDialog } from '../../../src/features/share/ShareDialog';
import { AppStoreProvider, activeVariantOf, planOf, scenarioPlansOf } from '../../../src/store';
import { freshStore, shippedScenario } from '../../store/helpers';
import { renderApp, renderBoard } from '../helpers';

const big = shippedScenario('big-customer');
const [a, b] = big.items.filter((i) => !i.injected);

const linkValue = () => screen.getByTestId<HTMLInputElement>('share-link').value;
const planFile = (name: string, data: unknown) =>
  new File([typeof data === 'string' ? data : JSON.stringify(data)], name, {
    type: 'application/json',
  });

describe('board: Share…', () => {
  it('shows a link that opens the active plan, and its QR code', async () => {
    const { user, store } = await renderApp(`/s/${big.id}/plan`);
    store.getState().moveItem(big, a!.id, 0);
    store.getState().moveItem(big, b!.id, 1);

    await user.click(screen.getByRole('button', { name: 'Share…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Share “Plan A”' });

    const url = linkValue();
    expect(url).toMatch(/#\/share\/p1\./);
    const decoded = decodeShare(url.slice(url.indexOf('#')), (id) =>
      id === big.id ? big : undefined,
    );
    expect(decoded.ok && decoded.shared.plan).toEqual(planOf(store.getState(), big));
    expect(decoded.ok && decoded.shared.scenario).toBeUndefined();
    expect(within(dialog).queryByText(/The scenario travels in the link too/)).toBeNull();
    const qr = within(dialog).getByRole('img', { name: 'QR code of the share link' });
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);
  });

  it('in a workshop, the link carries the team’s name', () => {
    const store = freshStore();
    store.getState().joinWorkshop(defaultWorkshopSettings(big, 3), 'Team Red');
    render(
      <AppStoreProvider store={store}>
        <ShareDialog
          scenario={big}
          variant={activeVariantOf(store.getState(), big)}
          includeScenario={false}
          onClose={() => {}}
          base="http://localhost/"
        />
      </AppStoreProvider>,
    );
    const decoded = decodeShare(linkValue().split('#')[1]!, (id) =>
      id === big.id ? big : undefined,
    );
    expect(decoded.ok && decoded.shared.team).toBe('Team Red');
  });

  it('puts an imported scenario in the link, so a recipient without it can open it', async () => {
    const { user, store, scenario } = await renderBoard();
    store.getState().moveItem(scenario, 'patch', 0);

    await user.click(screen.getByRole('button', { name: 'Share…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Share “Plan A”' });
    expect(within(dialog).getByText(/The scenario travels in the link too/)).toBeVisible();
    const decoded = decodeShare(linkValue().split('#')[1]!, () => undefined);
    expect(decoded.ok && decoded.shared.scenario?.id).toBe(scenario.id);
    expect(decoded.ok && decoded.shared.plan).toEqual(planOf(store.getState(), scenario));
  });

  it('says when the link is too long for a QR code, and offers to leave the notes out', async () => {
    const { user, store } = await renderApp(`/s/${big.id}/plan`);
    const scenario = big;
    store.getState().moveItem(scenario, a!.id, 0);
    // Notes that do not compress away: varied text, well over the QR limit.
    const note = Array.from({ length: 400 }, (_, i) => ((i * 7919) % 10007).toString(36)).join(' ');
    store.getState().setNote(scenario, a!.id, note);

    await user.click(screen.getByRole('button', { name: 'Share…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Share “Plan A”' });
    expect(within(dialog).getByText('This link is too long for a QR code')).toBeVisible();
    expect(within(dialog).queryByRole('img', { name: /QR code/ })).toBeNull();
    const long = linkValue();

    await user.click(
      within(dialog).getByRole('button', { name: 'Leave my notes out of the link' }),
    );
    expect(
      within(dialog).getByRole('checkbox', { name: 'Include my notes (1)' }),
    ).not.toBeChecked();
    expect(within(dialog).getByRole('img', { name: 'QR code of the share link' })).toBeVisible();
    expect(linkValue().length).toBeLessThan(long.length);
    const decoded = decodeShare(linkValue().split('#')[1]!, () => big);
    expect(decoded.ok && decoded.shared.notes).toEqual({});
  });
});

describe('board: Import plan…', () => {
  it('adds a good plan file as a new variant and keeps the current one', async () => {
    const { user, store, scenario } = await renderBoard();
    store.getState().moveItem(scenario, 'patch', 0);
    const before = activeVariantOf(store.getState(), scenario);

    await user.upload(
      screen.getByTestId('plan-file-input'),
      planFile('red.plan.json', {
        format: 'roadmap-dojo/plan',
        version: 1,
        scenarioId: scenario.id,
        name: 'Team Red',
        plan: { slots: [['user-model'], ['sso']] },
        notes: { sso: 'the deal' },
      }),
    );

    expect(await screen.findByRole('dialog', { name: 'Plan imported' })).toHaveTextContent(
      '“Team Red” from red.plan.json is now a new variant',
    );
    const plans = scenarioPlansOf(store.getState(), scenario);
    expect(plans.variants[0]).toEqual(before);
    expect(activeVariantOf(store.getState(), scenario)).toMatchObject({
      name: 'Team Red',
      plan: { slots: [['user-model'], ['sso']] },
      notes: { sso: 'the deal' },
    });
  });

  it('lists a bad file’s problems by field and leaves the plan intact', async () => {
    const { user, store, scenario } = await renderBoard();
    store.getState().moveItem(scenario, 'patch', 0);
    const before = store.getState().plans;

    await user.upload(
      screen.getByTestId('plan-file-input'),
      planFile('bad.plan.json', {
        format: 'roadmap-dojo/plan',
        version: 1,
        scenarioId: scenario.id,
        plan: { slots: [['ghost'], ['sso', 'sso']] },
      }),
    );

    const dialog = await screen.findByRole('dialog', { name: 'Could not import bad.plan.json' });
    expect(
      within(dialog).getByRole('list', { name: 'Problems in bad.plan.json' }),
    ).toHaveTextContent(
      ['plan.slots[0][0]: unknown item "ghost"', 'plan.slots[1][1]: "sso" is planned twice'].join(
        '',
      ),
    );
    expect(dialog).toHaveTextContent('Nothing was changed');
    expect(store.getState().plans).toBe(before);
  });

  it('refuses a plan file from a newer version or for another scenario', async () => {
    const { user, store } = await renderBoard();
    const before = store.getState().plans;
    await user.upload(
      screen.getByTestId('plan-file-input'),
      planFile('new.json', { format: 'roadmap-dojo/plan', version: 7, scenarioId: 'x' }),
    );
    expect(await screen.findByRole('list', { name: 'Problems in new.json' })).toHaveTextContent(
      /^version: is 7, newer than this app understands/,
    );
    await user.click(screen.getByRole('button', { name: 'OK' }));

    await user.upload(
      screen.getByTestId('plan-file-input'),
      planFile('other.json', {
        format: 'roadmap-dojo/plan',
        version: 1,
        scenarioId: 'big-customer',
        plan: { slots: [] },
      }),
    );
    expect(await screen.findByRole('list', { name: 'Problems in other.json' })).toHaveTextContent(
      'scenarioId: is "big-customer" but the scenario is "ui-test"',
    );
    expect(store.getState().plans).toBe(before);
  });
});
