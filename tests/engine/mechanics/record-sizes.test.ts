/**
 * A slot's records name changes that happened: the trace lists no cause of size zero (the debrief
 * and the story would otherwise read "0 ARR from churn" or credit an item with nothing), and
 * every cause's size is a finite number.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../../../src/engine/compile.ts';
import { simulate } from '../../../src/engine/index.ts';
import { strategyPlans } from '../../../src/engine/strategies.ts';
import { scenarioFiles, shipped } from '../helpers.ts';

describe('the size of a recorded cause', () => {
  it('is never zero, on every shipped scenario, for par and the battery, expected and seeded', () => {
    const zero: string[] = [];
    let causes = 0;
    for (const file of scenarioFiles()) {
      const s = shipped(file.replace(/\.json$/, ''));
      const plans = [s.par!.plan, ...Object.values(strategyPlans(compile(s)))];
      for (const p of plans)
        for (const options of [
          { mode: 'expected' as const },
          { mode: 'seeded' as const, seed: 1 },
          { mode: 'seeded' as const, seed: 2 },
        ]) {
          const out = simulate(s, p, options);
          for (const t of out.slots)
            for (const c of t.causes) {
              causes++;
              if (!Number.isFinite(c.delta) || c.delta === 0)
                zero.push(
                  `${s.id} ${options.mode} ${t.label}: ${c.target} ${c.mechanism} ${c.item ?? ''} ${c.delta}`,
                );
            }
        }
    }
    expect(zero.slice(0, 20)).toEqual([]);
    expect(causes).toBeGreaterThan(10_000);
  });
});
