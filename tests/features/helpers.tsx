/** Renders the whole app at a route with a fresh store, and a scenario made for the tests. */
import { render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memoryLocation } from 'wouter/memory-location';

import { App } from '../../src/app/App';
import type { Scenario, ScenarioInput } from '../../src/engine';
import type { AppStoreOptions } from '../../src/store';
import { freshStore } from '../store/helpers';

/**
 * Waits until the route's screen has rendered its heading. Most screens are lazy-loaded: their
 * code arrives when the route opens, which on a busy machine takes seconds, so this waits for the
 * heading itself (up to Testing Library's `asyncUtilTimeout`, set in tests/setup.ts), never for a
 * fixed time.
 */
async function screenReady() {
  await waitFor(() => {
    const visible = Array.from(document.querySelectorAll<HTMLElement>('main h1')).some(
      (h) => !h.closest('[hidden]'),
    );
    if (!visible) throw new Error('the screen has not rendered its heading yet');
  });
}

/**
 * Everything of the user's this browser keeps, as plain JSON: plans, imported scenarios, the
 * workshop and every local-storage entry. Take it before rendering (in `renderApp`'s setup) to
 * check that a screen changed nothing, including while it mounted.
 */
export function userWork(store: ReturnType<typeof freshStore>): unknown {
  const { plans, imported, workshop } = store.getState();
  const storage = Object.fromEntries(
    Array.from({ length: localStorage.length }, (_, i) => {
      const key = localStorage.key(i) ?? '';
      return [key, localStorage.getItem(key)];
    }),
  );
  return JSON.parse(JSON.stringify({ plans, imported, workshop, storage })) as unknown;
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
  schemaVersion: 2,
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

/** Practice mode off: the board shows the projected score and share of par while planning. */
export function showProjection(store: ReturnType<typeof freshStore>) {
  store.getState().setPreferences({ projectionWhilePlanning: 'show' });
}

/**
 * Renders the board of the test scenario (an advanced one: practice mode hides the projected
 * score unless `setup` shows it, e.g. with `showProjection`).
 */
export async function renderBoard(
  options: Partial<AppStoreOptions> = {},
  setup?: (store: ReturnType<typeof freshStore>) => void,
) {
  const store = freshStore(options);
  const scenario = withTestScenario(store);
  setup?.(store);
  const location = memoryLocation({ path: `/s/${scenario.id}/plan`, record: true });
  const user = userEvent.setup();
  const view = render(<App store={store} hook={location.hook} />);
  await screenReady();
  return { store, scenario, user, location, ...view };
}
