/**
 * The board shows why a slot is over-committed in the column it concerns: pilot-deal's SAP
 * connector is bigger than the sprint it is planned in, and its unfinished points are named in
 * the sprints they are carried into. The sentences themselves are pinned on a hand-made scenario
 * (tests/explain/overcommitDetail.test.ts); here, that the column shows the same detail.
 */
import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { planWarnings } from '../../../src/explain/advice';
import { simulate } from '../../../src/engine';
import { shippedScenario } from '../../store/helpers';
import { renderApp } from '../helpers';

const s = shippedScenario('pilot-deal');
const column = (label: string) =>
  document.querySelector<HTMLElement>(`section[data-column="${label}"]`)!;

describe('board: an over-committed slot says why', () => {
  it('the connector’s sprint names it, and the next sprint names it as carried over', async () => {
    await renderApp(`/s/${s.id}/plan`, {}, (store) => {
      store.getState().moveItem(s, 'sap-connector', 4);
    });
    const plan = { slots: s.time.labels.map((_, i) => (i === 4 ? ['sap-connector'] : [])) };
    const warnings = planWarnings(s, plan, simulate(s, plan)).filter(
      (w) => w.kind === 'overcommit',
    );
    const sprint5 = warnings.find((w) => w.slot === 4)!;
    const sprint6 = warnings.find((w) => w.slot === 5)!;
    expect(sprint5.detail).toMatch(/^“Custom SAP S\/4HANA connector for Hesketh” alone is /);
    expect(sprint6.detail).toBe('Carried over: “Custom SAP S/4HANA connector for Hesketh”.');

    const shown = (label: string) =>
      within(column(label)).getByRole('list', { name: 'Warnings (advisory)' }).textContent ?? '';
    expect(shown('Sprint 5')).toContain(`${sprint5.message} ${sprint5.detail}`);
    expect(shown('Sprint 6')).toContain(`${sprint6.message} ${sprint6.detail}`);
  });
});
