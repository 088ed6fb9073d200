import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  WORKSHOP_VERSION,
  defaultWorkshopSettings,
  encodeWorkshop,
} from '../../../src/engine/workshop';
// Loaded up front, so the lazily loaded route renders within the helper's wait on a busy machine.
import '../../../src/features/workshop/JoinPage';
import { renderApp, userWork } from '../helpers';
import { shippedScenario } from '../../store/helpers';

const zeroDay = shippedScenario('zero-day');
const settings = { ...defaultWorkshopSettings(zeroDay, 11), preset: 'ciso', hideScores: true };
const token = encodeWorkshop(settings);

describe('joining a workshop from its link', () => {
  it('shows the settings, and joining lets them drive this browser’s board', async () => {
    const { store, user, location } = await renderApp(`/workshop/join/${token}`);
    const before = store.getState().plans;
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Join the workshop');
    expect(screen.getByTestId('join-facts')).toHaveTextContent('CISO');
    expect(screen.getByTestId('join-facts')).toHaveTextContent('Hidden until the facilitator');
    await user.type(screen.getByRole('textbox', { name: 'Team name' }), 'Team Blue');
    await user.click(screen.getByRole('button', { name: 'Join the workshop' }));
    const { workshop } = store.getState();
    expect(workshop).toMatchObject({ active: true, role: 'team', teamName: 'Team Blue' });
    expect(workshop.settings).toEqual(settings);
    expect(store.getState().plans).toBe(before);
    expect(location.history?.at(-1)).toBe('/s/zero-day/plan');
  });

  it.each([
    ['cut off', token.slice(0, -30), 'damaged or incomplete'],
    ['from a newer version', `w${WORKSHOP_VERSION + 1}.${token.slice(3)}`, 'newer version'],
    ['not a workshop link', 'hello', 'is not a Roadmap Dojo workshop link'],
  ])('a link %s says what is wrong and changes nothing', async (_, bad, message) => {
    let before: unknown;
    const { store } = await renderApp(`/workshop/join/${bad}`, {}, (s) => {
      // This browser already has work: a plan, and another workshop joined as Team Red.
      s.getState().moveItem(zeroDay, zeroDay.items[0]!.id, 0);
      s.getState().joinWorkshop({ ...settings, seed: 99 }, 'Team Red');
      before = userWork(s);
    });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'This workshop link cannot be opened',
    );
    expect(screen.getByTestId('join-issues')).toHaveTextContent(message);
    expect(screen.getByRole('link', { name: 'Go to the scenario library' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Join the workshop' })).toBeNull();
    // Compared with the work from before the page opened: mounting it changed nothing either.
    expect(store.getState().workshop).toMatchObject({ active: true, teamName: 'Team Red' });
    expect(userWork(store)).toEqual(before);
  });
});
