/**
 * The time-boxed mutation sample's summary (scripts/mutation-sample.ts): it counts one file's
 * mutants only, and scores detected (killed or timed out) against all that were tested.
 */
import { describe, expect, it } from 'vitest';

import { summarize } from '../../scripts/mutation-sample.ts';

const at = (line: number, column = 1) => ({ start: { line, column } });
const event = (fileName: string, status: string, line: number) => ({
  fileName,
  status,
  mutatorName: 'EqualityOperator',
  replacement: 'a <= b',
  location: at(line),
});

describe('the mutation sample summary', () => {
  const events = [
    event('/repo/src/engine/core.ts', 'Killed', 10),
    event('/repo/src/engine/core.ts', 'Timeout', 12),
    event('/repo/src/engine/core.ts', 'Survived', 30),
    event('/repo/src/engine/core.ts', 'NoCoverage', 20),
    event('/repo/src/engine/core.ts', 'Killed', 40),
    // Another file whose name ends the same way is not counted.
    event('/repo/src/engine/score.ts', 'Survived', 5),
  ];

  it('scores one file: detected over tested', () => {
    const s = summarize(events, 'src/engine/core.ts');
    expect(s).toMatchObject({ tested: 5, detected: 3, survived: 1, noCoverage: 1 });
    expect(s.score).toBeCloseTo(60, 9);
  });

  it('lists the survivors and unreached mutants in line order', () => {
    const s = summarize(events, 'src/engine/core.ts');
    expect(s.survivors.map((m) => [m.location.start.line, m.status])).toEqual([
      [20, 'NoCoverage'],
      [30, 'Survived'],
    ]);
  });

  it('has no score when nothing of the file was tested', () => {
    expect(summarize(events, 'src/engine/par.ts')).toMatchObject({ tested: 0, score: null });
  });
});
