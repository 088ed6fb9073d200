/**
 * The board shows why a slot is over-committed in the column it concerns: pilot-deal's SAP
 * connector is bigger than the sprint it is planned in — alone it runs on at full pace, which is
 * no over-commitment; with a survey beside it the sprint is over-committed, the connector is
 * named, and its unfinished points are named in the sprint they are carried into. The sentences
 * themselves are pinned on a hand-made scenario (tests/explain/overcommitDetail.test.ts); here,
 * that the column shows the same.
 */
import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { columnForecasts, planWarnings } from '../../../src/explain/advice';
import { simulate } from '../../../src/engine';
import { shippedScenario } from '../../store/helpers';
import { renderApp } from '../helpers';

const s = shippedScenario('pilot-deal');
const column = (label: string) =>
  document.querySelector<HTMLElement>(`section[data-column="${label}"]`)!;
const planWith = (ids: string[]) => ({
  slots: s.time.labels.map((_, i) => (i === 4 ? ids : [])),
});

describe('board: an over-committed slot says why', () => {
  it('the connector alone runs on: no warning, and the sprint says how much runs on', async () => {
    await renderApp(`/s/${s.id}/plan`, {}, (store) => {
      store.getState().moveItem(s, 'sap-connector', 4);
    });
    const plan = planWith(['sap-connector']);
    const [sprint5] = columnForecasts(s, plan, simulate(s, plan)).slice(4);
    expect(sprint5!.overBy).toBeGreaterThan(0);
    expect(sprint5!.overcommit).toBe(0);
    const sprint = column('Sprint 5');
    expect(sprint.classList.contains('is-overcommitted')).toBe(false);
    const listed = within(sprint).queryByRole('list', { name: 'Warnings (advisory)' });
    expect(listed?.textContent ?? '').not.toMatch(/over-committed/);
    expect(sprint.querySelector('.capacity-verdict')?.textContent).toMatch(
      /^runs on: [\d.]+ points$/,
    );
  });

  it('with a survey beside it, the sprint names the connector, and the next names both as carried over', async () => {
    await renderApp(`/s/${s.id}/plan`, {}, (store) => {
      store.getState().moveItem(s, 'sap-connector', 4);
      store.getState().moveItem(s, 'buyer-survey', 4);
    });
    const plan = planWith(['sap-connector', 'buyer-survey']);
    const warnings = planWarnings(s, plan, simulate(s, plan)).filter(
      (w) => w.kind === 'overcommit',
    );
    const sprint5 = warnings.find((w) => w.slot === 4)!;
    const sprint6 = warnings.find((w) => w.slot === 5)!;
    expect(sprint5.detail).toMatch(/^“Custom SAP S\/4HANA connector for Hesketh” alone is /);
    expect(sprint6.detail).toBe(
      'Carried over: “Custom SAP S/4HANA connector for Hesketh” and “Buyer survey on approval workflows”.',
    );

    const shown = (label: string) =>
      within(column(label)).getByRole('list', { name: 'Warnings (advisory)' }).textContent ?? '';
    expect(column('Sprint 5').classList.contains('is-overcommitted')).toBe(true);
    expect(shown('Sprint 5')).toContain(`${sprint5.message} ${sprint5.detail}`);
    expect(shown('Sprint 6')).toContain(`${sprint6.message} ${sprint6.detail}`);
  });
});
