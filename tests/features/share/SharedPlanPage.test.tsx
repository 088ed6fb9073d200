import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { loadScenario, simulate, type Plan, type Scenario } from '../../../src/engine';
import { encodeShare } from '../../../src/engine/share';
import { activeVariantOf, scenarioPlansOf } from '../../../src/store';
import { shippedScenario } from '../../store/helpers';
import { renderApp, testScenarioInput, userWork } from '../helpers';

const big = shippedScenario('big-customer');
const visible = big.items.filter((i) => !i.injected);
const [first, second, third] = visible;

/** A plan with two items in the first slot and one in the last. */
function samplePlan(scenario: Scenario): Plan {
  const last = scenario.time.labels.length - 1;
  return {
    slots: scenario.time.labels.map((_, s) =>
      s === 0 ? [first!.id, second!.id] : s === last ? [third!.id] : [],
    ),
  };
}

describe('opening a share link', () => {
  it('shows the plan read-only: slots with titles and types, the score, par and the notes', async () => {
    const plan = samplePlan(big);
    const token = encodeShare({
      scenario: big,
      plan,
      name: 'Team Red',
      notes: { [second!.id]: 'Sales needs it <b>now</b>' },
    });
    await renderApp(`/share/${token}`);

    expect(screen.getByRole('heading', { level: 1, name: 'Team Red' })).toBeVisible();
    expect(screen.getByTestId('shared-score')).toHaveTextContent(
      simulate(big, plan).score.toFixed(1),
    );
    // Net value beside it, from the same run (big-customer nets tens of millions: one decimal).
    expect(screen.getByTestId('shared-net-value')).toHaveTextContent(
      `$${(simulate(big, plan).ledger.net / 1e6).toFixed(1)}M`,
    );
    // Par is requested when the page opens and arrives a moment later.
    await waitFor(() => expect(screen.getByTestId('shared-par')).toHaveTextContent(/\d+% of par/));
    const firstSlot = screen.getByRole('heading', {
      level: 2,
      name: new RegExp(`^${big.time.labels[0]}`),
    }).parentElement!;
    expect(within(firstSlot).getByText(first!.title)).toBeVisible();
    expect(within(firstSlot).getByText(second!.title)).toBeVisible();
    // Untrusted text is shown as text.
    expect(within(firstSlot).getByText('Sales needs it <b>now</b>')).toBeVisible();
    expect(screen.getByRole('heading', { level: 2, name: /^Not planned/ })).toBeVisible();
    // Read-only: no drag handles, no Move to… menus.
    expect(screen.queryByRole('button', { name: /Move to…/ })).toBeNull();
  });

  it('"Make a copy" adds a new variant, keeps the existing ones and opens the board', async () => {
    const plan = samplePlan(big);
    const token = encodeShare({
      scenario: big,
      plan,
      name: 'Plan A',
      notes: { [third!.id]: 'why' },
    });
    const { store, user, location } = await renderApp(`/share/${token}`, {}, (s) => {
      s.getState().moveItem(big, visible[4]!.id, 1);
    });
    const before = scenarioPlansOf(store.getState(), big).variants;
    expect(before).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Make a copy' }));

    const after = scenarioPlansOf(store.getState(), big);
    expect(after.variants).toHaveLength(2);
    expect(after.variants[0]).toEqual(before[0]);
    expect(activeVariantOf(store.getState(), big)).toMatchObject({
      name: 'Plan A (2)',
      plan,
      notes: { [third!.id]: 'why' },
    });
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/s/${big.id}/plan`));
  });

  it('brings the scenario an imported plan was made for, and never overwrites a different one', async () => {
    const loaded = loadScenario(testScenarioInput);
    if (!loaded.ok) throw new Error('fixture');
    const scenario = loaded.scenario;
    const plan: Plan = { slots: [['user-model'], ['sso']] };
    const token = encodeShare({ scenario, plan, name: 'Remix', includeScenario: true });

    // The recipient has another scenario under the same id, with a plan of their own.
    const theirs = {
      ...testScenarioInput,
      title: 'Their own version',
      items: testScenarioInput.items.map((i) => (i.id === 'patch' ? { ...i, effort: 3 } : i)),
    };
    const { store, user } = await renderApp(`/share/${token}`, {}, (s) => {
      const result = s.getState().importScenario(JSON.stringify(theirs), 'theirs.json');
      if (!result.ok) throw new Error('fixture');
      s.getState().moveItem(result.scenario, 'patch', 0);
    });
    expect(screen.getByText('UI test company')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Make a copy' }));

    const titles = store.getState().imported.map((i) => [i.scenario.id, i.scenario.title]);
    expect(titles).toEqual([
      ['ui-test', 'Their own version'],
      ['ui-test-shared', 'UI test company (shared)'],
    ]);
    const own = store.getState().imported[0]!.scenario;
    expect(activeVariantOf(store.getState(), own).plan.slots[0]).toEqual(['patch']);
    const copy = store.getState().imported[1]!.scenario;
    expect(activeVariantOf(store.getState(), copy)).toMatchObject({ name: 'Remix', plan });
  });

  it('a damaged link shows the decoder’s message, changes nothing and leads back to the library', async () => {
    const token = encodeShare({ scenario: big, plan: samplePlan(big), name: 'x' });
    let before: unknown;
    const { store, user } = await renderApp(`/share/${token.slice(0, -15)}`, {}, (s) => {
      s.getState().moveItem(big, first!.id, 0);
      before = userWork(s);
    });

    expect(
      screen.getByRole('heading', { level: 1, name: 'This link cannot be opened' }),
    ).toBeVisible();
    const problems = screen.getByRole('list', { name: 'Problems with the link' });
    expect(problems).toHaveTextContent(/\(link\): is damaged or incomplete/);
    // Compared with the work from before the page opened: mounting it changed nothing either.
    expect(userWork(store)).toEqual(before);

    await user.click(screen.getByRole('link', { name: 'Go to the scenario library' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Scenario library' }),
    ).toBeVisible();
  });

  it('a link from a newer version says so', async () => {
    const token = encodeShare({ scenario: big, plan: samplePlan(big), name: 'x' });
    await renderApp(`/share/${token.replace(/^p1\./, 'p2.')}`);
    expect(screen.getByRole('list', { name: 'Problems with the link' })).toHaveTextContent(
      'newer version of Roadmap Dojo (format 2)',
    );
  });
});
