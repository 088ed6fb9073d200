/**
 * The mutation gate (scripts/mutation-scores.ts) and CI's change detection
 * (scripts/mutation-ci.ts): which files are held to what, and when the committed results must be
 * measured again.
 */
import { describe, expect, it } from 'vitest';

import { changes } from '../../scripts/mutation-ci.ts';
import { gate, GATED, scores, THRESHOLD, type FileScore } from '../../scripts/mutation-scores.ts';

const mutants = (counts: Record<string, number>) =>
  Object.entries(counts).flatMap(([status, n]) => Array.from({ length: n }, () => ({ status })));

function row(file: string, score: number): FileScore {
  // 1,000 counted mutants, so the score is exact to 0.1.
  const killed = Math.round(score * 10);
  return {
    file,
    area: null,
    killed,
    timeout: 0,
    survived: 1000 - killed,
    noCoverage: 0,
    ignored: 0,
    score,
  };
}

const ALL = Object.values(GATED).flat();

describe('scores', () => {
  it('counts killed and timed-out mutants as detected, survivors and unreached ones as not', () => {
    const [s] = scores(
      {
        files: {
          '/repo/src/engine/load.ts': {
            mutants: mutants({ Killed: 6, Timeout: 2, Survived: 1, NoCoverage: 1, Ignored: 5 }),
          },
        },
      },
      '/repo',
    );
    // (6 + 2) / (6 + 2 + 1 + 1) = 80%; the 5 ignored count for nothing.
    expect(s).toEqual({
      file: 'src/engine/load.ts',
      area: 'loading',
      killed: 6,
      timeout: 2,
      survived: 1,
      noCoverage: 1,
      ignored: 5,
      score: 80,
    });
  });

  it('gives no score to a file whose mutants are all ignored', () => {
    const [s] = scores(
      { files: { 'src/engine/schema.ts': { mutants: mutants({ Ignored: 3 }) } } },
      '/x',
    );
    expect(s!.score).toBeNull();
  });
});

describe('gate', () => {
  it('passes every gated file at exactly the threshold and fails one just below it', () => {
    const rows = ALL.map((f) => row(f, THRESHOLD));
    expect(gate(rows).failures).toEqual([]);
    rows[0] = row(ALL[0]!, 84.9);
    expect(gate(rows).failures).toEqual([`${ALL[0]} (simulation) scores 84.9%, below 85%`]);
  });

  it('holds a file with a floor to its floor, and lists it as below target', () => {
    const rows = [row('src/engine/core.ts', 70)];
    const floors = { 'src/engine/core.ts': 70 };
    const ok = gate(rows, { requireAll: false }, floors);
    expect(ok.failures).toEqual([]);
    expect(ok.belowTarget).toEqual(['src/engine/core.ts (simulation) 70.0%, floor 70%']);
    const worse = gate([row('src/engine/core.ts', 69.9)], { requireAll: false }, floors);
    expect(worse.failures).toEqual([
      'src/engine/core.ts (simulation) scores 69.9%, below its floor of 70% (the target is 85%)',
    ]);
  });

  it('fails a missing gated file in a full run, and only lists it in CI', () => {
    const rows = ALL.filter((f) => f !== 'src/engine/par.ts').map((f) => row(f, 90));
    expect(gate(rows).failures).toEqual(['src/engine/par.ts (par) is not in the report']);
    const ci = gate(rows, { requireAll: false });
    expect(ci.failures).toEqual([]);
    expect(ci.unmeasured).toEqual(['src/engine/par.ts']);
  });

  it('holds only the named files in a scoped run', () => {
    const rows = [row('src/engine/share.ts', 90), row('src/engine/load.ts', 50)];
    expect(gate(rows, { only: ['src/engine/share.ts'] }).failures).toEqual([]);
    expect(gate(rows, { only: ['src/engine/load.ts'] }).failures).toHaveLength(1);
  });
});

describe('changes since the committed results', () => {
  const results = {
    files: {
      'src/engine/a.ts': { source: 'a1', mutants: [] },
      'src/engine/b.ts': { source: 'b1', mutants: [] },
      'src/engine/gone.ts': { source: 'g', mutants: [] },
    },
    testFiles: {
      'tests/engine/a.test.ts': { source: 'ta1' },
      'tests/engine/old.test.ts': { source: 'o' },
    },
  };
  const disk: Record<string, string> = {
    'src/engine/a.ts': 'a1',
    'src/engine/b.ts': 'b2',
    'tests/engine/a.test.ts': 'ta1',
    'tests/engine/old.test.ts': 'o',
  };
  const read = (f: string) => disk[f] ?? null;

  it('names a measured file whose source changed, not an unchanged or deleted one', () => {
    const c = changes(results, read, ['tests/engine/a.test.ts', 'tests/engine/old.test.ts']);
    expect(c).toEqual({ sources: ['src/engine/b.ts'], tests: [], newTests: [] });
  });

  it('names a changed and a removed test file, and a new one apart', () => {
    const c = changes(
      results,
      (f) =>
        f === 'tests/engine/a.test.ts' ? 'ta2' : f === 'tests/engine/new.test.ts' ? 'n' : read(f),
      ['tests/engine/a.test.ts', 'tests/engine/new.test.ts'],
    );
    expect(c.tests).toEqual(['tests/engine/a.test.ts', 'tests/engine/old.test.ts']);
    // A new test can only kill more mutants: it does not make the committed scores wrong.
    expect(c.newTests).toEqual(['tests/engine/new.test.ts']);
  });
});
