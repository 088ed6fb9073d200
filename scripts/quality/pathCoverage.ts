/**
 * How much of the gap to par the debrief's moves explain, over generated plans: the strategy
 * battery's plans, and plans a few random edits away from them and from par (seeded, so every
 * run measures the same plans). Used by `npm run bench` and by a test.
 */
import { compile, strategyPlans, type Plan, type Scenario } from '../../src/engine/index.ts';
import { bakedPar, findPar } from '../../src/engine/par.ts';
import { applyEdit, editsOf, pathToPar } from '../../src/explain/path.ts';

/** A small seeded generator (the same sequence on every machine). */
function generator(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** `count` plans: the strategies, then 1–6 random edits away from a strategy's plan or par's. */
export function generatedPlans(s: Scenario, par: Plan, count: number, seed = 1): Plan[] {
  const next = generator(seed);
  const strategies = Object.values(strategyPlans(compile(s)));
  const ids = s.items.filter((i) => !i.injected).map((i) => i.id);
  const plans: Plan[] = strategies.slice(0, count);
  while (plans.length < count) {
    const bases = [...strategies, par];
    let plan = bases[Math.floor(next() * bases.length)]!;
    const edits = 1 + Math.floor(next() * 6);
    for (let e = 0; e < edits; e++) {
      const all = [...editsOf(plan, ids)];
      plan = applyEdit(plan, all[Math.floor(next() * all.length)]!);
    }
    plans.push(plan);
  }
  return plans;
}

export interface Coverage {
  scenario: string;
  plans: number;
  /** Plans with a gap of at least a point (the others have nothing to explain). */
  withGap: number;
  /** Share of the gap explained: median and 10th percentile over plans with a gap. */
  median: number;
  p10: number;
  /** The slowest path, milliseconds. */
  slowestMs: number;
}

export function pathCoverage(s: Scenario, count: number, seed = 1): Coverage {
  const par = (bakedPar(s) ?? findPar(s)).plan;
  const shares: number[] = [];
  let slowest = 0;
  for (const plan of generatedPlans(s, par, count, seed)) {
    const start = performance.now();
    const path = pathToPar(s, plan, par);
    slowest = Math.max(slowest, performance.now() - start);
    if (path.par - path.start >= 1) shares.push(path.explained);
  }
  shares.sort((a, b) => a - b);
  const at = (q: number) => shares[Math.min(shares.length - 1, Math.floor(q * shares.length))] ?? 1;
  return {
    scenario: s.id,
    plans: count,
    withGap: shares.length,
    median: at(0.5),
    p10: at(0.1),
    slowestMs: slowest,
  };
}
