/** Renders the whole app at a route with a fresh store, and a scenario made for the tests. */
import { render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memoryLocation } from 'wouter/memory-location';

import { App } from '../../src/app/App';
import type { Scenario, ScenarioInput } from '../../src/engine';
import type { AppStoreOptions } from '../../src/store';
import { freshStore } from '../store/helpers';

/** Waits until the route's screen (lazy-loaded for the briefing and the board) has rendered. */
async function screenReady() {
  // Lazy screens load their code first: on a busy two-core machine that can take seconds.
  await waitFor(
    () => {
      if (!document.querySelector('main h1')) throw new Error('the screen has not rendered yet');
    },
    { timeout: 15_000 },
  );
}

export async function renderApp(
  path: string,
  options: Partial<AppStoreOptions> = {},
  setup?: (store: ReturnType<typeof freshStore>) => void,
) {
  const store = freshStore(options);
  setup?.(store);
  const location = memoryLocation({ path, record: true });
  const user = userEvent.setup();
  const view = render(<App store={store} hook={location.hook} />);
  await screenReady();
  return { store, user, location, ...view };
}

/**
 * A small company for UI tests, independent of the shipped files: two quarters of 20 points
 * (2 KTLO, 20 debt). SSO needs the user model and Sales wants it by Q1.
 */
export const testScenarioInput: ScenarioInput = {
  schemaVersion: 1,
  id: 'ui-test',
  title: 'UI test company',
  brief:
    'Pebble sells <b>scheduling</b> software.\n\nYour <img src=x onerror="alert(1)"> job: plan.',
  industry: 'Test industry',
  difficulty: 3,
  minutes: 7,
  objectives: ['Read capacity', 'Sequence prerequisites'],
  tags: ['testing', 'capacity'],
  time: { labels: ['Q1', 'Q2'], slotsPerYear: 4 },
  team: { capacity: 20, ktlo: 2 },
  start: { arr: 1_000_000, csat: 70, debt: 20 },
  security: {
    sle: 400_000,
    vulnerabilities: [{ id: 'cve-x', title: 'Critical CVE in the uploader', cvss: 9.5 }],
  },
  stakeholders: [
    {
      id: 'sales',
      name: 'Maya Lee',
      role: 'Head of Sales',
      influence: 3,
      asks: [{ item: 'sso', bySlot: 0, why: 'the big deal needs it' }],
    },
  ],
  scoring: { weights: { revenue: 2, csat: 1, security: 1, stakeholders: 1 } },
  items: [
    {
      id: 'user-model',
      title: 'Unify the user model',
      description: 'Merge the two user tables.',
      type: 'debt',
      effort: 4,
      effects: { debtRemove: 8 },
    },
    {
      id: 'sso',
      title: 'SSO login',
      description: 'Single sign-on for enterprise customers.',
      type: 'feature',
      effort: 6,
      dependsOn: ['user-model'],
      value: { arr: 300_000, confidence: 0.8, csat: 1 },
      urgency: { kind: 'deadline', slot: 0, lateFactor: 0.3 },
      lens: { reach: 50, impact: 3, businessValue: 13, timeCriticality: 8, riskReduction: 2 },
    },
    {
      id: 'patch',
      title: 'Patch the uploader',
      type: 'security',
      effort: 2,
      effects: { closes: ['cve-x'] },
    },
    {
      id: 'big-bet',
      title: 'Team calendars',
      type: 'feature',
      effort: 14,
      value: { arr: 250_000, csat: 3 },
    },
    {
      id: 'replica',
      title: 'Read replica',
      type: 'scale',
      effort: 5,
      effects: { capacityAdd: 0.5 },
    },
  ],
};

/** The test scenario in the store, imported as a user would; returns the validated scenario. */
export function withTestScenario(store: ReturnType<typeof freshStore>): Scenario {
  const result = store.getState().importScenario(JSON.stringify(testScenarioInput), 'ui-test.json');
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

/** Renders the board of the test scenario. */
export async function renderBoard(options: Partial<AppStoreOptions> = {}) {
  const store = freshStore(options);
  const scenario = withTestScenario(store);
  const location = memoryLocation({ path: `/s/${scenario.id}/plan`, record: true });
  const user = userEvent.setup();
  const view = render(<App store={store} hook={location.hook} />);
  await screenReady();
  return { store, scenario, user, location, ...view };
}
