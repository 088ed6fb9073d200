/** `dojo voi`: the value of information of a scenario, in points, and what each experiment is worth. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const scenarios = join(import.meta.dirname, '..', '..', 'scenarios');

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('dojo voi', () => {
  it('says a scenario without hidden values has nothing to learn', async () => {
    const r = await run('voi', join(scenarios, 'tutorial.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'Your first two quarters: no hidden facts, so information has no value here (0 points).\n',
    );
    const json = await run('voi', join(scenarios, 'tutorial.json'), '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ scenario: 'tutorial', hiddenFacts: 0, voi: 0 });
  });

  it(
    'prints adaptive against committed par, the experiments and the worlds',
    { timeout: 120_000 },
    async () => {
      const r = await run('voi', join(scenarios, 'pilot-first.json'), '--json');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as {
        committed: number;
        adaptive: number;
        voi: number;
        withoutExperiments: number;
        everyExperiment: number;
        experiments: { id: string; worth: number }[];
        worlds: { probability: number; adaptive: number; committed: number }[];
      };
      expect(out.voi).toBeCloseTo(out.adaptive - out.committed, 1);
      // Guard-rail 8: information is worth buying, and has a price.
      expect(out.adaptive - out.withoutExperiments).toBeGreaterThanOrEqual(4);
      expect(out.adaptive - out.everyExperiment).toBeGreaterThanOrEqual(4);
      expect(out.experiments.map((e) => e.id)).toEqual(['dispatch-pilot', 'market-study']);
      expect(out.worlds).toHaveLength(4);
      expect(out.worlds.reduce((s, w) => s + w.probability, 0)).toBeCloseTo(1, 1);
      // Where the pilot shows a dud, learning saves the most.
      expect(out.worlds[0]!.adaptive).toBeGreaterThan(out.worlds[0]!.committed);
      const text = await run('voi', join(scenarios, 'pilot-first.json'));
      expect(text.stdout).toContain('Value of information in Pilot before you build: ');
      expect(text.stdout).toContain('Wizard-of-Oz dispatch pilot');
      // The world where the pilot shows a hit scores past 100 to the searches; the table says
      // why, and that a learner there is graded 100.
      expect(Math.max(...out.worlds.map((w) => w.adaptive))).toBeGreaterThan(100);
      expect(text.stdout).toContain('A learner playing it is graded 100.');
    },
  );
});
