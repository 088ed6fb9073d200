/**
 * How often the par search's heuristic misses the optimum: generated instances whose plan space
 * is too large for the search to enumerate (more than 25,000 plans) but small enough to check by
 * enumeration (at most 100,000), solved both ways. Prints how many the heuristic missed and by
 * how much. The instances come from the test suite's scenario generator, drawn from fixed seeds,
 * so a run is reproducible.
 *
 *   npm run measure:par                        # 200 instances from seed 1
 *   npm run measure:par -- --instances 600 --seed 7
 *
 * A few seconds per instance on a busy 2-core machine.
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import { compile } from '../src/engine/index.ts';
import { countPlans, exactBest, scoreObjective, searchPlans } from '../src/engine/par.ts';
import { scoringOf } from '../src/engine/simulate.ts';
import { smallScenarioArb } from '../tests/engine/arbitraries.ts';

const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    budget: { type: 'string', default: '20000' },
  },
});
const instances = Number(values.instances);
const seed = Number(values.seed);
const budget = Number(values.budget);

const arb = smallScenarioArb().filter((s) => {
  const plans = countPlans(compile(s), 100_000);
  return plans > 25_000 && plans <= 100_000;
});

const started = performance.now();
const misses: { index: number; exact: number; found: number }[] = [];
fc.sample(arb, { numRuns: instances, seed }).forEach((s, index) => {
  const c = compile(s);
  const { weights, anchors } = scoringOf(c);
  const objective = scoreObjective(weights, anchors);
  const exact = exactBest(c, objective, 100_000)!;
  const found = searchPlans(c, objective, { budget, exhaustiveUpTo: 0 });
  if (exact.value - found.value > 1e-9)
    misses.push({ index, exact: exact.value, found: found.value });
});
const seconds = (performance.now() - started) / 1000;

console.log(
  `${instances} instances (seed ${seed}, budget ${budget}): the heuristic missed the optimum on ${misses.length}` +
    ` (${((100 * misses.length) / instances).toFixed(1)}%), in ${seconds.toFixed(0)} s`,
);
for (const m of misses)
  console.log(
    `  instance ${m.index}: optimum ${m.exact.toFixed(2)}, found ${m.found.toFixed(2)} (${(m.exact - m.found).toFixed(2)} points short)`,
  );
