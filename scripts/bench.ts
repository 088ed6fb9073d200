/**
 * Engine benchmarks: evaluations per second of the expected-mode simulation for every shipped
 * scenario, the par search, the debrief's moves, materiality, a large backlog (150 items over 26
 * sprints) and the refusal of huge inputs. Run with `npm run bench`; prints tables (and `--json`
 * for machines); `--quick` times each step fewer times, `--large` skips the shipped scenarios.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  LIMITS,
  compile,
  createEvaluator,
  loadScenario,
  simulate,
  strategyPlans,
  type Plan,
  type Scenario,
} from '../src/engine/index.ts';
import { table } from '../src/cli/table.ts';
import { debrief } from '../src/explain/debrief.ts';
import { PAR_BUDGET, findPar } from '../src/engine/par.ts';
import { gradeCommit } from '../src/engine/decisions.ts';
import { seedDistribution } from '../src/engine/seeds.ts';
import { readPlanFile } from '../src/engine/planFile.ts';
import { decodeShare } from '../src/engine/share.ts';
import { pathToPar } from '../src/explain/path.ts';
import { pathCoverage } from './quality/pathCoverage.ts';
import { materiality } from './quality/materiality.ts';
import { largeBacklogText } from './quality/largeBacklog.ts';

const dir = join(import.meta.dirname, '..', 'scenarios');

function loadAll(): Scenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .sort()
    .map((f) => {
      const r = loadScenario(readFileSync(join(dir, f), 'utf8'));
      if (!r.ok) throw new Error(`${f} is invalid`);
      return r.scenario;
    });
}

/** Deterministic pseudo-random plans: strategy plans with items shuffled across slots. */
function samplePlans(s: Scenario, count: number): Plan[] {
  const base = Object.values(strategyPlans(compile(s)));
  const ids = s.items.filter((i) => !i.injected).map((i) => i.id);
  let x = 12345;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const plans: Plan[] = [...base];
  while (plans.length < count) {
    const slots: string[][] = s.time.labels.map(() => []);
    for (const id of ids) {
      const r = next();
      if (r < 0.3) continue;
      slots[Math.floor(next() * slots.length)]!.push(id);
    }
    plans.push({ slots });
  }
  return plans;
}

/** Runs `fn` repeatedly for about `ms` milliseconds; returns calls per second. */
export function rate(fn: (i: number) => void, ms = 1000): number {
  for (let i = 0; i < 200; i++) fn(i);
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 100; i++) fn(calls + i);
    calls += 100;
    elapsed = performance.now() - start;
  }
  return (calls / elapsed) * 1000;
}

const quick = process.argv.includes('--quick');
const simRows: (string | number)[][] = [];
const parRows: (string | number)[][] = [];
const pathRows: (string | number)[][] = [];
const materialRows: (string | number)[][] = [];
const decisionRows: (string | number)[][] = [];
/** Plans per scenario for the moves' coverage (`--path-plans N`; the issue's figure is 200). */
const pathPlansAt = process.argv.indexOf('--path-plans');
const pathPlans = pathPlansAt >= 0 ? Number(process.argv[pathPlansAt + 1]) : quick ? 30 : 200;
const results: Record<string, unknown>[] = [];

/** Median wall time of `fn` over `times` calls, in milliseconds. */
function timeIt(fn: () => void, times: number): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** `--large`: only the large backlog (and the refusals), not every shipped scenario. */
const largeOnly = process.argv.includes('--large');
for (const s of largeOnly ? [] : loadAll()) {
  const evaluate = createEvaluator(s);
  const plans = samplePlans(s, 500);
  const perSecond = rate((i) => evaluate(plans[i % plans.length]!));
  const items = s.items.length;
  simRows.push([
    s.id,
    s.time.labels.length,
    items,
    Math.round(perSecond),
    (1e6 / perSecond).toFixed(1),
  ]);

  // Par: the default search, and a search 20 times longer for reference.
  let par = findPar(s);
  const parMs = timeIt(() => (par = findPar(s)), quick ? 1 : 3);
  const long = quick ? par : findPar(s, { budget: 20 * PAR_BUDGET });
  const gap = long.score > 0 ? (100 * (long.score - par.score)) / long.score : 0;
  const seedsMs = timeIt(() => seedDistribution(s, par.plan, { runs: 1000 }), quick ? 1 : 5);
  const debriefMs = timeIt(() => debrief(s, plans[1]!, { par: par.plan, seed: 1 }), quick ? 1 : 5);
  // The moves toward par from the do-nothing plan (the farthest from par) and their coverage.
  const pathMs = timeIt(() => pathToPar(s, plans[0]!, par.plan), quick ? 1 : 3);
  // Decision quality: every commit of par's plan played quarter by quarter with seed 1, each a
  // job of its own in the app's worker (the slowest is how long the debrief waits for a row).
  const commitMs = s.time.labels.map((_, slot) =>
    timeIt(() => gradeCommit(s, par.plan, 1, slot), 1),
  );
  const lost = s.time.labels
    .map((_, slot) => gradeCommit(s, par.plan, 1, slot).lost)
    .reduce((a, b) => a + b, 0);
  decisionRows.push([
    s.id,
    s.time.labels.length,
    Math.round(commitMs.reduce((a, b) => a + b, 0)),
    Math.round(Math.max(...commitMs)),
    lost.toFixed(2),
  ]);
  const coverage = pathCoverage(s, pathPlans);
  const material = materiality(s, pathPlans);
  materialRows.push([
    s.id,
    material.plans,
    material.pairs,
    material.apart,
    material.pairs > 0 ? `${Math.round((100 * material.apart) / material.pairs)}%` : '—',
    material.worst.toFixed(1),
  ]);
  pathRows.push([
    s.id,
    coverage.plans,
    `${Math.round(coverage.median * 100)}%`,
    `${Math.round(coverage.p10 * 100)}%`,
    Math.round(pathMs),
    Math.round(coverage.slowestMs),
  ]);
  parRows.push([
    s.id,
    Math.round(parMs),
    par.evaluations,
    par.score.toFixed(2),
    quick ? '—' : long.score.toFixed(2),
    quick ? '—' : `${gap.toFixed(2)}%`,
    Math.round(seedsMs),
    debriefMs.toFixed(1),
  ]);
  results.push({
    scenario: s.id,
    slots: s.time.labels.length,
    items,
    evaluationsPerSecond: Math.round(perSecond),
    parMs: Math.round(parMs),
    parEvaluations: par.evaluations,
    parScore: par.score,
    longSearchScore: quick ? null : long.score,
    gapToLongSearchPercent: quick ? null : gap,
    seeds1000Ms: Math.round(seedsMs),
    debriefMs,
    movesMs: pathMs,
    decisionQualityMs: Math.round(commitMs.reduce((a, b) => a + b, 0)),
    movesCoverage: coverage,
    materiality: material,
  });
}

// A large backlog (the Model 2 issue, item 10): 150 items over 26 sprints, as a team's own file
// arrives (no baked par): validate, simulate, reach par; then what the debrief adds.
const largeText = largeBacklogText(LIMITS.items, LIMITS.slots);
const largeLoaded = loadScenario(largeText);
if (!largeLoaded.ok) throw new Error('the large backlog is invalid');
const large = largeLoaded.scenario;
const largeLoadMs = timeIt(() => loadScenario(largeText), quick ? 1 : 5);
const largePlans = samplePlans(large, 50);
const largeSimulateMs = timeIt(() => simulate(large, largePlans[1]!), quick ? 1 : 5);
const evaluateLarge = createEvaluator(large);
const largeRate = rate((i) => evaluateLarge(largePlans[i % largePlans.length]!));
let largePar = findPar(large);
const largeParMs = timeIt(() => (largePar = findPar(large)), quick ? 1 : 3);
const largeDebriefMs = timeIt(
  () => debrief(large, largePlans[1]!, { par: largePar.plan, seed: 1 }),
  quick ? 1 : 3,
);
let largePath = pathToPar(large, largePlans[1]!, largePar.plan);
const largePathMs = timeIt(
  () => (largePath = pathToPar(large, largePlans[1]!, largePar.plan)),
  quick ? 1 : 3,
);
const largeRows = [
  ['validate (load the file)', largeLoadMs.toFixed(0), ''],
  ['simulate once, with the trace', largeSimulateMs.toFixed(1), ''],
  ['expected-mode evaluations per second', '', Math.round(largeRate)],
  ['par search (default, scaled budget)', largeParMs.toFixed(0), `${largePar.evaluations} evals`],
  [
    'validate + simulate + par',
    (largeLoadMs + largeSimulateMs + largeParMs).toFixed(0),
    'target ≤ 3,000 ms',
  ],
  ['debrief of a strategy plan', largeDebriefMs.toFixed(0), ''],
  [
    'moves toward par from it',
    largePathMs.toFixed(0),
    `${largePath.steps.length} steps, ${largePath.scored} plans scored`,
  ],
];
results.push({
  scenario: 'large-backlog',
  slots: large.time.labels.length,
  items: large.items.length,
  loadMs: largeLoadMs,
  simulateMs: largeSimulateMs,
  evaluationsPerSecond: Math.round(largeRate),
  parMs: Math.round(largeParMs),
  parEvaluations: largePar.evaluations,
  debriefMs: largeDebriefMs,
  movesMs: largePathMs,
});

// Refusing huge inputs: how long until the message (a freeze would be seconds).
const tutorialRaw = JSON.parse(readFileSync(join(dir, 'tutorial.json'), 'utf8')) as Record<
  string,
  unknown
>;
const manyItems = (count: number) =>
  JSON.stringify({
    ...tutorialRaw,
    items: Array.from({ length: count }, (_, i) => ({
      id: `item-${i}`,
      title: `Item ${i}`,
      type: 'feature',
      effort: 1,
    })),
  });
const refusals: [string, string, (text: string) => { ok: boolean }][] = [
  [
    '5 MB scenario file',
    JSON.stringify({ ...tutorialRaw, description: 'x'.repeat(5_000_000) }),
    loadScenario,
  ],
  ['10,000-item scenario file', manyItems(10_000), loadScenario],
  // More than 20 times the item limit is refused before validation; up to that, by it.
  [
    `${(LIMITS.items * 20 + 1).toLocaleString('en-US')}-item scenario file`,
    manyItems(LIMITS.items * 20 + 1),
    loadScenario,
  ],
  [
    `${(LIMITS.items * 20).toLocaleString('en-US')}-item scenario file (largest that reaches full validation)`,
    manyItems(LIMITS.items * 20),
    loadScenario,
  ],
  [
    '5 MB plan file',
    JSON.stringify({ format: 'roadmap-dojo-plan', name: 'x'.repeat(5_000_000) }),
    readPlanFile,
  ],
  ['5 MB share link', `p1.${'A'.repeat(5_000_000)}`, (text) => decodeShare(text, () => undefined)],
  ['scenario nested 200,000 deep', `${'['.repeat(200_000)}${']'.repeat(200_000)}`, loadScenario],
];
const refusalRows = refusals.map(([name, text, refuse]) => {
  if (refuse(text).ok) throw new Error(`${name} was accepted`);
  return [
    name,
    `${(text.length / 1e6).toFixed(2)} M`,
    timeIt(() => refuse(text), quick ? 3 : 9).toFixed(1),
  ];
});

if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
else {
  process.stdout.write('simulate (expected mode), one core\n');
  process.stdout.write(table(['Scenario', 'Slots', 'Items', 'Evals/s', 'µs/eval'], simRows));
  process.stdout.write(
    '\npar search (default budget) vs a search 20× longer; 1,000 seeded runs; one debrief\n',
  );
  process.stdout.write(
    table(
      ['Scenario', 'Par ms', 'Evals', 'Par', 'Par ×20', 'Gap', '1000 seeds ms', 'Debrief ms'],
      parRows,
    ),
  );
  process.stdout.write(
    '\ndecision quality: grading every commit of par’s plan, played slot by slot with seed 1\n',
  );
  process.stdout.write(
    table(['Scenario', 'Slots', 'All commits ms', 'Slowest ms', 'Par’s points lost'], decisionRows),
  );
  process.stdout.write(
    `\nmoves toward par: share of the gap explained over ${pathPlans} generated plans per scenario; time from doing nothing, and the slowest\n`,
  );
  process.stdout.write(
    table(['Scenario', 'Plans', 'Median', 'P10', 'From nothing ms', 'Slowest ms'], pathRows),
  );
  process.stdout.write(
    `\nmateriality: pairs of the same ${pathPlans} generated plans that differ only immaterially (both inside the SLO budget, breach loss within 0.5% of ARR, CSAT within 1, net value within 1% of the value range, the same obligations and asks met), and how many score more than a point apart (target: none)\n`,
  );
  process.stdout.write(
    table(['Scenario', 'Plans', 'Pairs', '> 1 point apart', 'Share', 'Worst'], materialRows),
  );
  process.stdout.write(
    `\na large backlog: ${large.items.length} items over ${large.time.labels.length} sprints (scripts/quality/largeBacklog.ts), median ms\n`,
  );
  process.stdout.write(table(['Step', 'ms', ''], largeRows));
  process.stdout.write('\nrefusing huge inputs: text in, message out (median ms)\n');
  process.stdout.write(table(['Input', 'Chars', 'Refused in ms'], refusalRows));
}
