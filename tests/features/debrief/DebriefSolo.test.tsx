/**
 * A year played quarter by quarter alone: the debrief grades each commit by decision quality,
 * with the same numbers as the engine's `gradeCommit`, and says where the points went.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { memoryLocation } from 'wouter/memory-location';

import { App } from '../../../src/app/App';
import { simulate } from '../../../src/engine';
import { gradeCommit } from '../../../src/engine/decisions';
import { findPar } from '../../../src/engine/par';
// Loaded up front, so the lazily loaded screens render within the wait on a busy machine.
import '../../../src/features/debrief/DebriefPage';
import { activeVariantOf } from '../../../src/store';
import { engineApi, job } from '../../../src/workers/api';
import { seedSpread } from '../../../src/workers/debriefJob';
import { EngineProvider } from '../../../src/workers/EngineProvider';
import { createInProcessGateway } from '../../../src/workers/inProcess';
import { parFor, type CommitInput, type ParInput } from '../../../src/workers/parJob';
import { freshStore } from '../../store/helpers';
import { withTestScenario } from '../helpers';

const BUDGET = 400;

describe('the debrief of a year played quarter by quarter', () => {
  it('grades each commit against the best one available then', async () => {
    const store = freshStore({ computePar: (s) => Promise.resolve(findPar(s)) });
    const scenario = withTestScenario(store);
    const s = () => store.getState();
    s().startSolo(scenario, 7);
    // Q1: only the big bet, the CVE patch left for later; Q2: the rest.
    s().moveItem(scenario, 'big-bet', 0);
    s().commitSlot(scenario);
    s().moveItem(scenario, 'patch', 1);
    s().moveItem(scenario, 'user-model', 1);
    s().commitSlot(scenario);
    expect(s().finishGame(scenario)?.last).toMatchObject({ seed: 7, rounds: true });

    const graded: CommitInput[] = [];
    const engine = createInProcessGateway({
      ...engineApi,
      par: job((sc, input: ParInput) => parFor(sc, { ...input, budget: BUDGET })),
      commit: job((sc, input: CommitInput) => {
        graded.push(input);
        return gradeCommit(sc, input.plan, input.seed, input.slot, { budget: BUDGET });
      }),
      spread: job((sc, input: Parameters<typeof seedSpread>[1]) =>
        seedSpread(sc, { ...input, runs: 10 }),
      ),
    });
    const location = memoryLocation({ path: `/s/${scenario.id}/play`, record: true });
    render(
      <EngineProvider gateway={engine}>
        <App store={store} hook={location.hook} />
      </EngineProvider>,
    );
    const section = await screen.findByTestId('decisions');
    await within(section).findByTestId('decision-sentence');

    const plan = activeVariantOf(s(), scenario).plan;
    expect(graded.map((g) => [g.slot, g.seed])).toEqual([
      [0, 7],
      [1, 7],
    ]);
    const grades = [0, 1].map((slot) => gradeCommit(scenario, plan, 7, slot, { budget: BUDGET }));
    const rows = within(section).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    grades.forEach((grade, slot) => {
      const cells = within(rows[slot]!).getAllByRole('cell');
      expect(cells[2]).toHaveTextContent(grade.lost < 0.05 ? '0.0' : `−${grade.lost.toFixed(1)}`);
    });
    // Committing the big bet before the CVE patch costs points in Q1.
    expect(grades[0]!.lost).toBeGreaterThan(0.05);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('Q1');
    expect(within(rows[0]!).getAllByRole('cell')[0]).toHaveTextContent('Team calendars');

    // The decision score: par (the debrief's, the same expected run) less every point lost.
    const parScore = simulate(scenario, findPar(scenario).plan).score;
    const lost = grades[0]!.lost + grades[1]!.lost;
    await waitFor(() =>
      expect(within(section).getByTestId('decision-sentence')).toHaveTextContent(
        `Your decisions are worth ${(parScore - lost).toFixed(1)} against par’s ${parScore.toFixed(1)}: ${lost.toFixed(1)} points lost`,
      ),
    );
    // The graded world joins the scenario's history (the library lists it).
    await waitFor(() => expect(s().workshop.worlds[scenario.id]).toHaveLength(1));
    expect(s().workshop.worlds[scenario.id]![0]).toMatchObject({
      seed: 7,
      plan: JSON.stringify(plan.slots),
      parScore,
    });
    expect(s().workshop.worlds[scenario.id]![0]!.score).toBeCloseTo(parScore - lost, 9);
  });

  it('says so when a commit cannot be graded, and grades again on request', async () => {
    const store = freshStore({ computePar: (s) => Promise.resolve(findPar(s)) });
    const scenario = withTestScenario(store);
    const s = () => store.getState();
    s().startSolo(scenario, 7);
    s().moveItem(scenario, 'patch', 0);
    s().commitSlot(scenario);
    s().commitSlot(scenario);
    s().finishGame(scenario);
    let failing = true;
    const engine = createInProcessGateway({
      ...engineApi,
      par: job((sc, input: ParInput) => parFor(sc, { ...input, budget: BUDGET })),
      commit: job((sc, input: CommitInput) => {
        if (failing && input.slot === 1) throw new Error('the worker ran out of memory');
        return gradeCommit(sc, input.plan, input.seed, input.slot, { budget: BUDGET });
      }),
      spread: job((sc, input: Parameters<typeof seedSpread>[1]) =>
        seedSpread(sc, { ...input, runs: 10 }),
      ),
    });
    const location = memoryLocation({ path: `/s/${scenario.id}/play`, record: true });
    const user = userEvent.setup();
    render(
      <EngineProvider gateway={engine}>
        <App store={store} hook={location.hook} />
      </EngineProvider>,
    );
    const section = await screen.findByTestId('decisions');
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('The commits could not be graded');
    expect(alert).toHaveTextContent('the worker ran out of memory');
    // What was graded stays shown; nothing is remembered for a game not fully graded.
    expect(within(section).getAllByRole('row')).toHaveLength(2);
    expect(s().workshop.worlds[scenario.id]).toBeUndefined();

    failing = false;
    await user.click(within(section).getByRole('button', { name: 'Try again' }));
    await within(section).findByTestId('decision-sentence');
    expect(within(section).queryByRole('alert')).toBeNull();
    expect(within(section).getAllByRole('row')).toHaveLength(3);
    await waitFor(() => expect(s().workshop.worlds[scenario.id]).toHaveLength(1));
  });
});
