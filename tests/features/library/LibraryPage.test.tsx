import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { shippedCatalog } from '../../support/shippedCatalog';
import { planOf, selectScenario } from '../../../src/store';
import { shippedScenario } from '../../store/helpers';
import { renderApp, testScenarioInput } from '../helpers';

function jsonFile(name: string, data: unknown): File {
  return new File([JSON.stringify(data)], name, { type: 'application/json' });
}

const fileInput = () => screen.getByTestId('scenario-file-input');
const shipped = shippedCatalog.flatMap((e) => (e.ok ? [e.scenario] : []));

describe('library: import', () => {
  it('lists a broken file’s problems by field and leaves the current plan untouched', async () => {
    const big = shippedScenario('big-customer');
    const first = big.items[0]!.id;
    const { user, store } = await renderApp('/', {}, (s) => {
      s.getState().moveItem(big, first, 1);
      s.getState().setPreferences({ lastScenarioId: big.id });
    });
    const before = store.getState();
    const broken = structuredClone(testScenarioInput) as { items: { effort: unknown }[] };
    broken.items[3]!.effort = -2;
    broken.items[1]!.effort = 'lots';

    await user.upload(fileInput(), jsonFile('broken.json', broken));

    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Could not import broken.json')).toBeVisible();
    expect(
      within(within(alert).getByRole('list', { name: 'Problems in broken.json' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'items[1].effort: must be a number, not string "lots"',
      'items[3].effort: must be a positive number',
    ]);
    expect(within(alert).getByText(/Nothing was changed/)).toBeVisible();

    expect(store.getState().imported).toBe(before.imported);
    expect(store.getState().plans).toBe(before.plans);
    expect(planOf(store.getState(), big).slots[1]).toEqual([first]);
    expect(screen.getByRole('region', { name: 'Continue where you left off' })).toHaveTextContent(
      big.title,
    );
  });

  it('says when a file is not JSON at all', async () => {
    const { user } = await renderApp('/');
    await user.upload(
      fileInput(),
      new File(['{ nope'], 'notes.json', { type: 'application/json' }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(/\(file\): is not valid JSON/);
  });

  it('adds a valid file to the library marked "Imported", saved, and removable', async () => {
    const { user, store } = await renderApp('/');
    await user.upload(fileInput(), jsonFile('ui-test.json', testScenarioInput));

    expect(screen.getByText(/Imported “UI test company” from ui-test\.json\./)).toBeVisible();
    const card = screen.getByRole('article', { name: 'UI test company' });
    expect(within(card).getByText('Imported')).toBeVisible();
    expect(JSON.parse(localStorage.getItem('roadmap-dojo') ?? '{}').state.imported).toHaveLength(1);

    await user.click(within(card).getByRole('button', { name: 'Remove UI test company' }));
    await user.click(screen.getByRole('button', { name: 'Remove from library' }));
    expect(screen.queryByRole('article', { name: 'UI test company' })).toBeNull();
    expect(selectScenario(store.getState(), 'ui-test')).toBeNull();
  });

  it('imports a file dropped on the page', async () => {
    await renderApp('/');
    const file = jsonFile('dropped.json', testScenarioInput);
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: dataTransfer });
    window.dispatchEvent(drop);
    expect(
      await screen.findByText(/Imported “UI test company” from dropped\.json\./),
    ).toBeVisible();
  });
});

describe('library: browsing', () => {
  it('filters by difficulty and topic, and clears the filters', async () => {
    const { user } = await renderApp('/');
    // Scenario cards only: a shipped file that fails validation shows as an error card.
    const cards = () =>
      screen.getAllByRole('article').filter((a) => !a.classList.contains('card-error'));
    const all = cards().length;
    expect(all).toBe(shipped.length);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Difficulty' }), 'Tutorial');
    const tutorials = shipped.filter((s) => s.difficulty === 1);
    expect(cards()).toHaveLength(tutorials.length);
    expect(
      screen.getByText(`Showing ${tutorials.length} of ${shipped.length} scenarios.`),
    ).toBeVisible();

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Difficulty' }),
      'Any difficulty',
    );
    const tag = shipped[0]!.tags[0]!;
    // Every scenario's topics, each once, in alphabetical order.
    const topics = within(screen.getByRole('combobox', { name: 'Topic' }))
      .getAllByRole('option')
      .map((o) => o.getAttribute('value'))
      .filter((v) => v !== '');
    expect(topics).toEqual([...new Set(shipped.flatMap((s) => s.tags))].sort());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Topic' }), tag);
    expect(cards()).toHaveLength(shipped.filter((s) => s.tags.includes(tag)).length);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(cards()).toHaveLength(all);
  });

  it('opens the briefing from a card', async () => {
    const { user, location } = await renderApp('/');
    const scenario = shipped[0]!;
    await user.click(screen.getByRole('link', { name: scenario.title }));
    expect(location.history?.at(-1)).toBe(`/s/${scenario.id}`);
    const heading = await screen.findByRole('heading', { level: 1, name: scenario.title });
    // Focus moves in the effect after the screen commits: the heading can be found a moment
    // before it (on a busy machine, long enough for an immediate check to see the body focused).
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('continues where you left off: last scenario and active variant, straight to the board', async () => {
    const big = shippedScenario('big-customer');
    const { user, location } = await renderApp('/', {}, (s) => {
      s.getState().createVariant(big, 'Migration first');
      s.getState().moveItem(big, big.items[0]!.id, 0);
      s.getState().setPreferences({ lastScenarioId: big.id });
    });
    const region = screen.getByRole('region', { name: 'Continue where you left off' });
    expect(region).toHaveTextContent(`${big.title} · Migration first · 1 of`);
    await user.click(within(region).getByRole('link', { name: 'Continue planning' }));
    expect(location.history?.at(-1)).toBe(`/s/${big.id}/plan`);
    // The board loads lazily: allow for a slow machine.
    expect(await screen.findByRole('combobox', { name: 'Plan variant' })).toHaveDisplayValue(
      'Migration first',
    );
  });
});
