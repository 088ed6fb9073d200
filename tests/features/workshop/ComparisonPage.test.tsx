import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';

import bigJson from '../../../scenarios/big-customer.json';
import { loadScenario, simulate, type Plan, type Scenario } from '../../../src/engine';
import { makePlanFile } from '../../../src/engine/planFile';
import { scoringPresets } from '../../../src/engine/presets';
import { encodeShare } from '../../../src/engine/share';
import { defaultWorkshopSettings, type WorkshopSettings } from '../../../src/engine/workshop';
import { ComparisonPage } from '../../../src/features/workshop/ComparisonPage';
import { AppStoreProvider, createAppStore } from '../../../src/store';
import { engineApi, job } from '../../../src/workers/api';
import { EngineProvider } from '../../../src/workers/EngineProvider';
import { createInProcessGateway } from '../../../src/workers/inProcess';
import { parFor, type ParInput } from '../../../src/workers/parJob';

const loaded = loadScenario(bigJson);
if (!loaded.ok) throw new Error('big-customer does not load');
const big: Scenario = loaded.scenario;
const free = big.items.filter((i) => !i.injected && (i.dependsOn ?? []).length === 0);
const planOf = (ids: string[]): Plan => ({
  slots: big.time.labels.map((_, s) => (s === 0 ? ids : [])),
});
const weak = planOf([]);
const strong = planOf(free.slice(0, 2).map((i) => i.id));

function planFile(name: string, plan: Plan, team?: string) {
  const text = JSON.stringify(makePlanFile(big, plan, team ? { team } : {}));
  return new File([text], name, { type: 'application/json' });
}

// Par searches run in-process, small, so the tests stay quick.
const engine = createInProcessGateway({
  ...engineApi,
  par: job((scenario, input: ParInput) => parFor(scenario, { ...input, budget: 300 })),
});

function renderPage(workshop?: Partial<WorkshopSettings>) {
  // The comparison reads the scenario from its own file: independent of the app's catalog.
  const store = createAppStore({
    catalog: [{ ok: true, file: 'big-customer.json', scenario: big }],
    now: () => '2026-11-22T10:00:00.000Z',
  });
  if (workshop)
    store.getState().setWorkshopSettings({ ...defaultWorkshopSettings(big, 7), ...workshop });
  const user = userEvent.setup();
  const view = render(
    <AppStoreProvider store={store}>
      <EngineProvider gateway={engine}>
        <Router hook={memoryLocation({ path: '/workshop/compare' }).hook}>
          <ComparisonPage libraryHref="/" workshopHref="/workshop" />
        </Router>
      </EngineProvider>
    </AppStoreProvider>,
  );
  return { store, user, ...view };
}

const leaderboardTeams = () =>
  within(screen.getByTestId('cmp-leaderboard'))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);

describe('team comparison page', () => {
  it('loads two plan files into a leaderboard in score order, with % of par', async () => {
    const { user } = renderPage();
    expect(simulate(big, strong).score).toBeGreaterThan(simulate(big, weak).score);
    await user.upload(screen.getByLabelText('Choose files'), [
      planFile('weak.plan.json', weak, 'Team Weak'),
      planFile('strong.plan.json', strong, 'Team Strong'),
    ]);
    await waitFor(() => expect(screen.getByTestId('cmp-leaderboard')).toBeVisible());
    expect(leaderboardTeams()).toEqual(['Team Strong', 'Team Weak']);
    const first = within(screen.getByTestId('cmp-leaderboard')).getAllByRole('row')[1]!;
    expect(first).toHaveTextContent(simulate(big, strong).score.toFixed(1));
    expect(first).toHaveTextContent(/\d+%/);
    // Net value beside the score, from each team's own expected run (big-customer nets tens of
    // millions: one decimal).
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    const header = within(screen.getByTestId('cmp-leaderboard'))
      .getAllByRole('columnheader')
      .map((c) => c.textContent);
    const netColumn = header.indexOf('Net value');
    expect(netColumn).toBe(3);
    expect(header.filter((h) => h === 'Net value')).toHaveLength(1);
    const rows = within(screen.getByTestId('cmp-leaderboard')).getAllByRole('row').slice(1);
    const million = (plan: typeof strong) =>
      `$${(simulate(big, plan).ledger.net / 1e6).toFixed(1)}M`;
    // Cells: rank, score, net value… (the team is the row header).
    expect(cells(rows[0]!)[2]).toBe(million(strong));
    expect(cells(rows[1]!)[2]).toBe(million(weak));
    expect(million(strong)).not.toBe(million(weak));
    expect(screen.getByText('Added 2 teams.')).toBeInTheDocument();
  });

  it('names a bad file and what is wrong, and keeps the teams already loaded', async () => {
    const { user, store } = renderPage();
    await user.upload(screen.getByLabelText('Choose files'), [
      planFile('red.plan.json', strong, 'Team Red'),
    ]);
    await waitFor(() => expect(leaderboardTeams()).toEqual(['Team Red']));

    await user.upload(screen.getByLabelText('Choose files'), [
      new File(['{ "format": "roadmap-dojo/plan", '], 'broken.plan.json'),
      planFile('ghost.plan.json', planOf(['no-such-item'])),
    ]);
    const errors = await screen.findByTestId('cmp-load-errors');
    expect(errors).toHaveTextContent(/broken\.plan\.json/);
    expect(errors).toHaveTextContent(/ghost\.plan\.json.*no-such-item/);
    expect(screen.getByRole('alert')).toHaveTextContent('2 plans could not be loaded');
    expect(leaderboardTeams()).toEqual(['Team Red']);
    expect(store.getState().workshop.teamPlans).toHaveLength(1);
  });

  it('names a team from its link, and ranks a link pasted twice once', async () => {
    const { user, store } = renderPage();
    const link = `http://localhost/#/share/${encodeShare({ scenario: big, plan: strong, name: 'Plan A', team: 'Team Red' })}`;
    const box = screen.getByLabelText('Share links, one per line');
    box.focus();
    await user.paste(`${link}\n${link}`);
    await user.click(screen.getByRole('button', { name: 'Add links' }));
    await waitFor(() => expect(leaderboardTeams()).toEqual(['Team Red']));
    box.focus();
    await user.paste(link);
    await user.click(screen.getByRole('button', { name: 'Add links' }));
    await waitFor(() =>
      expect(screen.getByText(/1 plan already loaded was skipped/)).toBeInTheDocument(),
    );
    expect(leaderboardTeams()).toEqual(['Team Red']);
    expect(store.getState().workshop.teamPlans).toHaveLength(1);
  });

  it('adds pasted links, renames and removes teams from the keyboard', async () => {
    const { user, store } = renderPage();
    const link = `http://localhost/#/share/${encodeShare({ scenario: big, plan: strong, name: 'Bold bets' })}`;
    await user.type(screen.getByLabelText('Share links, one per line'), `${link}{Enter}not a link`);
    await user.click(screen.getByRole('button', { name: 'Add links' }));
    await waitFor(() => expect(leaderboardTeams()).toEqual(['Bold bets']));
    expect(screen.getByTestId('cmp-load-errors')).toHaveTextContent(
      /Link 2.*not a Roadmap Dojo plan link/,
    );

    await user.click(screen.getByRole('button', { name: 'Rename Bold bets' }));
    const name = screen.getByLabelText('Team name');
    await user.clear(name);
    await user.type(name, 'Team Blue{Enter}');
    await waitFor(() => expect(leaderboardTeams()).toEqual(['Team Blue']));
    expect(store.getState().workshop.teamPlans[0]!.team).toBe('Team Blue');

    await user.click(screen.getByRole('button', { name: 'Remove Team Blue' }));
    expect(store.getState().workshop.teamPlans).toEqual([]);
    expect(screen.queryByTestId('cmp-leaderboard')).toBeNull();
    expect(screen.getByText('Removed Team Blue.')).toBeInTheDocument();
  });

  it('scores under the workshop’s preset, and hides scores until the reveal', async () => {
    const ciso = scoringPresets(big).find((p) => p.id === 'ciso')!;
    const { user } = renderPage({ preset: 'ciso', hideScores: true });
    expect(screen.getByTestId('cmp-scenario')).toHaveTextContent(/scored by CISO/);
    await user.upload(screen.getByLabelText('Choose files'), [
      planFile('weak.plan.json', weak),
      planFile('strong.plan.json', strong),
    ]);
    await screen.findByTestId('cmp-scores-hidden');
    expect(screen.queryByTestId('cmp-leaderboard')).toBeNull();
    expect(screen.queryByTestId('cmp-radar')).toBeNull();
    expect(screen.getByRole('button', { name: 'Download Markdown' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Reveal the scores' }));
    const rows = within(screen.getByTestId('cmp-leaderboard')).getAllByRole('row').slice(1);
    const scores = [strong, weak]
      .map((plan) => simulate(big, plan, { weights: ciso.weights }).score)
      .sort((a, b) => b - a);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual(
      scores.map((v) => v.toFixed(1)),
    );
    // Par for the CISO's weights arrives from the search, then the % of par shows.
    await waitFor(() => expect(rows[0]).toHaveTextContent(/\d+%/));
    expect(screen.getByTestId('cmp-par')).toHaveTextContent(/Par/);
  });
});
