/**
 * The two sets of mutation results (scripts/mutation-scores.ts, `RESULT_SETS`): the engine's files
 * against the engine and explain tests, and the simulation's core against the mechanics tests.
 * Each gated file is measured in exactly one set, and each set's Stryker config writes where the
 * scripts read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import {
  CORE_FILE,
  CORE_MUTATION_TESTS,
  GATED,
  MUTATION_TESTS,
  RESULT_SETS,
} from '../../scripts/mutation-scores.ts';

interface StrykerConfig {
  mutate: string[];
  incrementalFile: string;
  jsonReporter: { fileName: string };
  vitest: { configFile: string };
}

const config = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as StrykerConfig;

describe('the sets of mutation results', () => {
  it('measure each gated file in exactly one set, the core in its own', () => {
    for (const file of Object.values(GATED).flat()) {
      const sets = RESULT_SETS.filter((s) => s.measures(file)).map((s) => s.name);
      expect(sets, file).toEqual([file === CORE_FILE ? 'core' : 'engine']);
    }
  });

  it('keep their results, reports and configs apart', () => {
    for (const key of ['config', 'results', 'report'] as const)
      expect(new Set(RESULT_SETS.map((s) => s[key])).size).toBe(RESULT_SETS.length);
  });

  it("write where the scripts read: each config's results file and report", () => {
    for (const set of RESULT_SETS) {
      const c = config(set.config);
      expect(c.incrementalFile, set.config).toBe(set.results);
      expect(c.jsonReporter.fileName, set.config).toBe(set.report);
    }
  });

  it("mutate the core only in the core's config, and nothing else there", () => {
    const [engine, core] = RESULT_SETS.map((s) => config(s.config));
    expect(engine!.mutate).toContain(`!${CORE_FILE}`);
    expect(core!.mutate).toEqual([CORE_FILE]);
  });

  it('run the core against the mechanics tests, which the engine set runs too', () => {
    expect(CORE_MUTATION_TESTS.include).toEqual(['tests/engine/mechanics/**/*.test.ts']);
    expect(MUTATION_TESTS.include).toContain('tests/engine/**/*.test.ts');
    const core = RESULT_SETS.find((s) => s.name === 'core')!;
    expect(config(core.config).vitest.configFile).toBe('vitest.mutation-core.config.ts');
    expect(readFileSync('vitest.mutation-core.config.ts', 'utf8')).toContain('CORE_MUTATION_TESTS');
  });
});
