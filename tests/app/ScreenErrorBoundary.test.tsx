import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';

import { App } from '../../src/app/App';
import type { CatalogEntry, Scenario } from '../../src/app/catalog';
import { ScreenErrorBoundary, scenarioIdIn } from '../../src/app/ScreenErrorBoundary';
import { AppStoreProvider } from '../../src/store';
import { freshStore, shippedScenario } from '../store/helpers';

const tutorial = shippedScenario('tutorial');
const [first, second] = tutorial.items.filter((i) => !i.injected);

function BrokenScreen(): never {
  throw new Error('Cannot read properties of undefined (reading "slots")');
}

/** A store with some work in it, and what that work looks like in memory and on disk. */
function storeWithWork() {
  const store = freshStore();
  store.getState().moveItem(tutorial, first!.id, 0);
  store.getState().moveItem(tutorial, second!.id, 1);
  store.getState().setNote(tutorial, first!.id, 'Because the audit is in Q3');
  return store;
}

// React reports every caught render error on the console; keep the test output readable.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('screen error boundary', () => {
  it('shows what happened instead of a throwing screen, and goes back to the plan with the saved state untouched', async () => {
    const store = storeWithWork();
    const plansBefore = store.getState().plans;
    const savedBefore = localStorage.getItem('roadmap-dojo');
    expect(savedBefore).not.toBeNull();
    const location = memoryLocation({ path: `/s/${tutorial.id}/play`, record: true });
    const user = userEvent.setup();
    render(
      <AppStoreProvider store={store}>
        <Router hook={location.hook}>
          <ScreenErrorBoundary loading={<p>Loading…</p>}>
            <Switch>
              <Route path="/s/:scenarioId/play" component={BrokenScreen} />
              <Route path="/s/:scenarioId/plan">
                <h1>The board</h1>
              </Route>
            </Switch>
          </ScreenErrorBoundary>
        </Router>
      </AppStoreProvider>,
    );

    const heading = screen.getByRole('heading', {
      level: 1,
      name: 'This screen could not be shown',
    });
    expect(heading).toHaveFocus();
    expect(screen.getByText(/have not been changed/)).toBeVisible();
    const details = screen.getByText('What went wrong (technical details)').closest('details')!;
    expect(details).toHaveTextContent('Cannot read properties of undefined (reading "slots")');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeVisible();

    await user.click(screen.getByRole('link', { name: 'Back to your plan' }));

    expect(location.history.at(-1)).toBe(`/s/${tutorial.id}/plan`);
    expect(screen.getByRole('heading', { level: 1, name: 'The board' })).toBeVisible();
    expect(screen.queryByText('This screen could not be shown')).toBeNull();
    expect(store.getState().plans).toBe(plansBefore);
    expect(localStorage.getItem('roadmap-dojo')).toBe(savedBefore);
  });

  it('offers the library when no scenario was ever planned, and the last plan when one was', () => {
    const render404 = (path: string, store = freshStore()) => {
      const location = memoryLocation({ path });
      return render(
        <AppStoreProvider store={store}>
          <Router hook={location.hook}>
            <ScreenErrorBoundary loading={null}>
              <BrokenScreen />
            </ScreenErrorBoundary>
          </Router>
        </AppStoreProvider>,
      );
    };
    const view = render404('/');
    expect(screen.getByRole('link', { name: 'Back to the scenario library' })).toHaveAttribute(
      'href',
      '/',
    );
    view.unmount();

    const store = freshStore();
    store.getState().setPreferences({ lastScenarioId: tutorial.id });
    render404('/share/abc', store);
    expect(screen.getByRole('link', { name: 'Back to your plan' })).toHaveAttribute(
      'href',
      `/s/${tutorial.id}/plan`,
    );
  });

  it('reads the scenario id from any screen of a scenario', () => {
    expect(scenarioIdIn('/s/big-customer/play')).toBe('big-customer');
    expect(scenarioIdIn('/s/a%20b')).toBe('a b');
    expect(scenarioIdIn('/s/%E0%A4%A')).toBeNull();
    expect(scenarioIdIn('/share/xyz')).toBeNull();
    expect(scenarioIdIn('/')).toBeNull();
  });

  it('keeps the header and the other screens working when one screen of the app throws', async () => {
    // A catalog entry that passed no validation (as a bug elsewhere might let through): its
    // card shows in the library but its briefing cannot render.
    const broken = {
      id: 'broken',
      title: 'Broken',
      industry: 'Retail',
      difficulty: 1,
      minutes: 5,
      objectives: [],
      tags: [],
    } as unknown as Scenario;
    const entries: CatalogEntry[] = [
      ...[{ ok: true as const, file: 'scenarios/broken.json', scenario: broken }],
      { ok: true, file: 'scenarios/tutorial.json', scenario: tutorial },
    ];
    const location = memoryLocation({ path: '/s/broken', record: true });
    const user = userEvent.setup();
    render(<App entries={entries} store={freshStore({ catalog: entries })} hook={location.hook} />);

    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'This screen could not be shown',
    });
    expect(
      within(document.querySelector('main')!).getByRole('link', { name: 'Back to your plan' }),
    ).toHaveAttribute('href', '/s/broken/plan');

    await user.click(screen.getByRole('link', { name: /Roadmap Dojo/ }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Scenario library' }),
    ).toBeVisible();
    expect(heading).not.toBeInTheDocument();
  });
});
