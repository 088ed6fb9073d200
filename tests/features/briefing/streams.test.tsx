/**
 * The briefing says how many items the team works on at once (the model's parallel work streams),
 * from the scenario's `team.streams` or the default.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { streamsSentence } from '../../../src/explain/advice';
import { renderApp } from '../helpers';

describe('briefing: parallel work streams', () => {
  it('the tutorial team works on three items at a time', async () => {
    await renderApp('/s/tutorial');
    expect(await screen.findByTestId('team-streams')).toHaveTextContent(
      /^The team works on 3 items at a time, in your order: a small item starts as soon as one of them is free/,
    );
  });

  it('a scenario that does not say gets the default of two', async () => {
    await renderApp('/s/big-customer');
    expect(await screen.findByTestId('team-streams')).toHaveTextContent(
      /^The team works on 2 items at a time/,
    );
  });

  it('one stream reads as one item at a time', () => {
    expect(streamsSentence(1)).toBe(
      'The team works on one item at a time, in your order: an item waits for everything before it in its slot.',
    );
  });
});
