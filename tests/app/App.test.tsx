import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { App } from '../../src/app/App';
import type { CatalogEntry, Scenario } from '../../src/app/catalog';
import { shippedCatalog } from '../support/shippedCatalog';

/** Only the fields the library card reads; the rest of a scenario does not matter here. */
function scenario(fields: Partial<Scenario>): Scenario {
  return {
    id: 'checkout',
    title: 'Checkout rescue',
    industry: 'E-commerce',
    difficulty: 2,
    minutes: 45,
    objectives: ['Sequence debt paydown before a peak', 'Weigh a fine against lost revenue'],
    tags: ['tech debt', 'deadlines'],
    ...fields,
  } as Scenario;
}

function card(title: string): HTMLElement {
  return screen.getByRole('article', { name: title });
}

describe('App: scenario library', () => {
  it('shows each scenario as a card with its facts, objectives and tags', () => {
    render(
      <App entries={[{ ok: true, file: 'scenarios/checkout.json', scenario: scenario({}) }]} />,
    );

    const checkout = within(card('Checkout rescue'));
    expect(checkout.getByRole('heading', { level: 2, name: 'Checkout rescue' })).toBeVisible();
    expect(checkout.getByText('E-commerce')).toBeVisible();
    expect(checkout.getByText('Intermediate')).toBeVisible();
    expect(checkout.getByText('45 min')).toBeVisible();
    expect(checkout.getByText('Sequence debt paydown before a peak')).toBeVisible();
    expect(checkout.getByText('Weigh a fine against lost revenue')).toBeVisible();
    expect(
      within(checkout.getByRole('list', { name: 'Tags' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['tech debt', 'deadlines']);
  });

  it('names difficulty in words', () => {
    render(
      <App
        entries={[1, 2, 3].map((difficulty) => ({
          ok: true,
          file: `scenarios/level-${difficulty}.json`,
          scenario: scenario({
            id: `level-${difficulty}`,
            title: `Level ${difficulty}`,
            difficulty: difficulty as Scenario['difficulty'],
          }),
        }))}
      />,
    );

    expect(within(card('Level 1')).getByText('Tutorial')).toBeVisible();
    expect(within(card('Level 2')).getByText('Intermediate')).toBeVisible();
    expect(within(card('Level 3')).getByText('Advanced')).toBeVisible();
  });

  it('shows a file that failed validation as an error card with its first issues', () => {
    const broken: CatalogEntry = {
      ok: false,
      file: 'scenarios/broken.json',
      issues: [1, 2, 3, 4, 5].map((n) => ({ path: `items[${n}].effort`, message: `problem ${n}` })),
    };
    render(
      <App
        entries={[{ ok: true, file: 'scenarios/checkout.json', scenario: scenario({}) }, broken]}
      />,
    );

    const error = within(screen.getByRole('article', { name: /could not load/i }));
    expect(error.getByText('scenarios/broken.json')).toBeVisible();
    expect(error.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'items[1].effort: problem 1',
      'items[2].effort: problem 2',
      'items[3].effort: problem 3',
    ]);
    expect(error.getByText(/and 2 more problems/)).toBeVisible();
    expect(card('Checkout rescue')).toBeVisible();
    expect(screen.getByText('1 scenario available · 1 file could not be loaded')).toBeVisible();
  });

  it('lists every shipped scenario by default', () => {
    render(<App />);

    for (const entry of shippedCatalog) {
      if (!entry.ok) throw new Error(`${entry.file} failed to load`);
      expect(screen.getByRole('heading', { level: 2, name: entry.scenario.title })).toBeVisible();
    }
  });

  it('offers a skip link to the main content', () => {
    render(<App entries={[]} />);

    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute(
      'href',
      '#main',
    );
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
  });
});
