/**
 * The two sets of mutation results (scripts/mutation-scores.ts, `RESULT_SETS`): the engine's files
 * against the engine and explain tests, and the simulation's core against the mechanics tests.
 * Each gated file is measured in exactly one set, and each set's Stryker config writes where the
 * scripts read.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
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

/** A Stryker config as Stryker reads it: JSON, or a module's default export. */
async function config(path: string): Promise<StrykerConfig> {
  if (path.endsWith('.json')) return JSON.parse(readFileSync(path, 'utf8')) as StrykerConfig;
  const module = (await import(pathToFileURL(path).href)) as { default: StrykerConfig };
  return module.default;
}

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

  it("write where the scripts read: each config's results file and report", async () => {
    for (const set of RESULT_SETS) {
      const c = await config(set.config);
      expect(c.incrementalFile, set.config).toBe(set.results);
      expect(c.jsonReporter.fileName, set.config).toBe(set.report);
    }
  });

  it("mutate the core only in the core's config, and nothing else there", async () => {
    const [engine, core] = await Promise.all(RESULT_SETS.map((s) => config(s.config)));
    expect(engine!.mutate).toContain(`!${CORE_FILE}`);
    expect(core!.mutate).toEqual([CORE_FILE]);
  });

  it("share everything else: the core's config differs from the engine's only where it must", async () => {
    const [engine, core] = (await Promise.all(
      RESULT_SETS.map(async (s) => (await config(s.config)) as unknown as Record<string, unknown>),
    )) as [Record<string, unknown>, Record<string, unknown>];
    const differ = Object.keys({ ...engine, ...core }).filter(
      (k) => JSON.stringify(engine[k]) !== JSON.stringify(core[k]),
    );
    expect(differ.sort()).toEqual(
      ['htmlReporter', 'incrementalFile', 'jsonReporter', 'mutate', 'tempDirName', 'vitest'].sort(),
    );
  });

  it('run the core against the mechanics tests, which the engine set runs too', async () => {
    expect(CORE_MUTATION_TESTS.include).toEqual(['tests/engine/mechanics/**/*.test.ts']);
    expect(MUTATION_TESTS.include).toContain('tests/engine/**/*.test.ts');
    const core = RESULT_SETS.find((s) => s.name === 'core')!;
    expect((await config(core.config)).vitest.configFile).toBe('vitest.mutation-core.config.ts');
    expect(readFileSync('vitest.mutation-core.config.ts', 'utf8')).toContain('CORE_MUTATION_TESTS');
  });
});
