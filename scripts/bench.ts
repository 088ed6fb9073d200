/**
 * Engine benchmarks: evaluations per second of the expected-mode simulation for every shipped
 * scenario. Run with `npm run bench`; prints a table (and `--json` for machines).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  compile,
  createEvaluator,
  loadScenario,
  strategyPlans,
  type Plan,
  type Scenario,
} from '../src/engine/index.ts';
import { table } from '../src/cli/table.ts';

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

const rows: (string | number)[][] = [];
const results: Record<string, unknown>[] = [];
for (const s of loadAll()) {
  const evaluate = createEvaluator(s);
  const plans = samplePlans(s, 500);
  const perSecond = rate((i) => evaluate(plans[i % plans.length]!));
  const items = s.items.length;
  rows.push([
    s.id,
    s.time.labels.length,
    items,
    Math.round(perSecond),
    (1e6 / perSecond).toFixed(1),
  ]);
  results.push({
    scenario: s.id,
    slots: s.time.labels.length,
    items,
    evaluationsPerSecond: Math.round(perSecond),
  });
}

if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
else {
  process.stdout.write('simulate (expected mode), one core\n');
  process.stdout.write(table(['Scenario', 'Slots', 'Items', 'Evals/s', 'µs/eval'], rows));
}
