/** The words for what the engine knows by id: every id has them, and presets are named by origin. */
import { describe, expect, it } from 'vitest';

import { METRICS, STRATEGIES } from '../../src/engine';
import { scoringPresets } from '../../src/engine/presets';
import { METRIC_INFO, STRATEGY_WORDS, presetName, presetWords } from '../../src/explain/words';
import { shipped } from '../engine/helpers';

describe('words for engine ids', () => {
  it('names and describes every metric and every strategy of the battery', () => {
    expect(Object.keys(METRIC_INFO).sort()).toEqual([...METRICS].sort());
    expect(Object.keys(STRATEGY_WORDS).sort()).toEqual(STRATEGIES.map((s) => s.id).sort());
    for (const words of [...Object.values(METRIC_INFO), ...Object.values(STRATEGY_WORDS)])
      expect(Object.values(words).every((text) => text.trim() !== '')).toBe(true);
  });

  it('names presets by where they come from: own weights, the scenario, the generic graders', () => {
    const s = shipped('big-customer');
    const presets = scoringPresets(s);
    expect(presetWords(presets[0]!)).toEqual({
      name: 'Balanced',
      description: "The scenario's own weights.",
    });
    expect(presetName(s, 'growth')).toBe('Growth board');
    expect(presetName(s, 'ciso')).toBe('CISO');
    expect(presetName(s, 'custom')).toBe('Custom weights');
    expect(presetName(s, 'constructor')).toBe('Custom weights');
    const own = {
      ...s,
      scoring: {
        ...s.scoring,
        presets: [{ id: 'board', name: 'The board', weights: { revenue: 1 } }],
      },
    };
    expect(presetName(own, 'board')).toBe('The board');
    expect(presetWords(scoringPresets(own).find((p) => p.id === 'board')!).description).toBe(
      'Defined by this scenario.',
    );
  });

  it("keeps a generic grader's description when a scenario redefines its weights", () => {
    // big-customer defines its own "growth" weights: still a growth board judging.
    const s = shipped('big-customer');
    const growth = scoringPresets(s).find((p) => p.id === 'growth')!;
    expect(growth.origin).toBe('scenario');
    expect(presetWords(growth).description).toBe(
      'Revenue first; satisfaction and stakeholders matter; engineering health is a means. Weights set by this scenario.',
    );
    // An id that happens to be an Object.prototype key is not a generic grader.
    const odd = scoringPresets({
      ...s,
      scoring: { ...s.scoring, presets: [{ id: 'constructor', name: 'Odd', weights: {} }] },
    }).find((p) => p.id === 'constructor')!;
    expect(presetWords(odd)).toEqual({ name: 'Odd', description: 'Defined by this scenario.' });
  });
});
