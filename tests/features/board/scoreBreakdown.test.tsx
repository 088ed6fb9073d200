/**
 * The projection's metric bars: money can score above 1 in a world of hidden facts (up to its
 * ceiling, docs/model.md); its bar fills the track and no more, and its figure says how far past
 * the best it went.
 */
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { simulate } from '../../../src/engine';
import { ScoreBreakdown } from '../../../src/features/board/Projection';
import { shippedScenario } from '../../store/helpers';

describe('score breakdown bars', () => {
  const scenario = shippedScenario('pilot-first');
  const outcome = simulate(scenario, scenario.par!.plan);

  function fills(revenue: number) {
    const { container, unmount } = render(
      <ScoreBreakdown
        outcome={{ ...outcome, normalized: { ...outcome.normalized, revenue } }}
        overall={[]}
        hidden={false}
      />,
    );
    const money = [...container.querySelectorAll('.metric')].find((li) =>
      /net value|money|revenue/i.test(li.querySelector('.metric-label')?.textContent ?? ''),
    )!;
    const result = {
      width: money.querySelector<HTMLElement>('.metric-fill')!.style.width,
      text: money.querySelector('.metric-value')!.textContent,
    };
    unmount();
    return result;
  }

  it('fills money in proportion below the best', () => {
    expect(fills(0.4)).toEqual({ width: '40%', text: '40%' });
  });

  it('fills the whole track past the best and says by how much', () => {
    expect(fills(1.12)).toEqual({ width: '100%', text: '112%' });
  });
});
