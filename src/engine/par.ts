/**
 * Par: the best plan the engine can find (MODEL.md §7), and the anchors the score normalizes
 * against.
 *
 * The search space is the set of plans whose prerequisites come earlier in the queue than the
 * items that need them ("repaired" plans). The heuristic search:
 *  1. evaluates the strategy battery and keeps the best few plans as starting points;
 *  2. from each, runs simulated annealing over moves (move an item to another slot or position,
 *     swap two, drop one, add one or two, replace one, cut the queue's tail), repairing
 *     dependencies after every move; then a cooler run from the best plan found;
 *  3. hill-climbs (first improvement, whole neighbourhood) from the best plan of every run.
 * It has its own fixed seed, so par is reproducible. When the whole plan space is no larger than
 * the evaluation budget, every plan is enumerated instead (exact par); the same enumeration
 * checks the heuristic in tests.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { anchorsWith, batteryMoney } from './anchors.ts';
import { compile, type Compiled } from './compile.ts';
import {
  conditionalWorld,
  expectedMetrics,
  expectedWorld,
  worldMetrics,
  type World,
} from './expected.ts';
import type { Plan } from './plan.ts';
import { envWith, allHiddenFacts, outcomesOf } from './hidden.ts';
import { hashSeed } from './rng.ts';
import { METRICS, type Anchors, type Metric, type Scenario, type Weights } from './schema.ts';
import { scoreMetrics, type Metrics } from './score.ts';
import { scoringOf } from './simulate.ts';
import { strategyPlans } from './strategies.ts';
import { ENGINE_VERSION } from './version.ts';

/** Maps a plan's expected metrics to the number the search maximizes. */
export type Objective = (metrics: Metrics) => number;

/**
 * The default budget of a par search, in simulated runs: about half a second for 15–17 items and
 * 4 slots on a laptop. Half of it left one shipped scenario 1.2% short of a search 20 times longer.
 * A scenario whose scripted events branch runs every plan once per branch, so its search
 * evaluates `PAR_BUDGET / branches` plans (see `scaledBudget`).
 */
export const PAR_BUDGET = 120_000;

/**
 * Items × slots up to which a search gets its whole budget: every shipped scenario (at most 20
 * items over 6 slots). One evaluation costs more as a scenario grows (about 14 µs at 18 × 6, 100
 * µs at 150 × 26 on the reference machine, `npm run bench`), so a larger plan space gets a budget
 * scaled down in proportion, and a 150-item backlog over 26 sprints reaches par in seconds rather
 * than a minute. The search is then shorter, not different: par is the best plan it finds.
 */
export const FULL_BUDGET_SIZE = 120;

/**
 * How many plans a search of `budget` simulated runs evaluates when each plan is run in `runs`
 * worlds (the branches of the scripted events), scaled down for a plan space beyond
 * `FULL_BUDGET_SIZE`; at least 1,000.
 */
export function scaledBudget(c: Compiled, budget: number, runs = 1): number {
  const size = c.items.length * c.slots;
  const plans = budget / Math.max(1, runs);
  if (size <= FULL_BUDGET_SIZE) return Math.max(1_000, Math.round(plans));
  return Math.max(1_000, Math.round((plans * FULL_BUDGET_SIZE) / size));
}

export interface SearchOptions {
  /** The search's own seed (default 1): same scenario and seed, same result. */
  seed?: number;
  /** Evaluation budget (default `PAR_BUDGET`). */
  budget?: number;
  /** Extra starting plans (e.g. the user's plan) besides the strategy battery. */
  starts?: readonly Plan[];
  /**
   * Enumerate every plan instead of searching when there are at most this many (default: the
   * budget). 0 forces the heuristic.
   */
  exhaustiveUpTo?: number;
  /** Slots before this index are fixed as in `fixedPlan` (round-by-round "par from here"). */
  frozenSlots?: number;
  fixedPlan?: Plan;
  /**
   * Evaluate in the world where the frozen slots were played with this seed (round-by-round):
   * their incidents, breaches and events are known, the rest is expected.
   */
  revealedSeed?: number;
  /**
   * How many of the frozen slots were played with `revealedSeed` (default: all of them). Fewer
   * grades a commit before its own dice are known: the slot is fixed, its events still expected.
   */
  revealedSlots?: number;
  /**
   * Hidden facts taken as known (item id → outcome index) instead of those the frozen slots
   * revealed: what a commit would reveal, for valuing it before it is played.
   */
  known?: ReadonlyMap<string, number>;
}

export interface SearchResult {
  plan: Plan;
  value: number;
  evaluations: number;
}

export interface ParResult {
  plan: Plan;
  /** The score the learner sees (0–100: tops out at 100, as every score does). */
  score: number;
  /** What the search maximized: the same weighted sum uncapped (past 100 in a lucky world). */
  value: number;
  metrics: Metrics;
  evaluations: number;
  engineVersion: string;
  /** Identifies the weights par was computed for (par changes with the weights). */
  weightsKey: string;
}

export interface ParOptions extends SearchOptions {
  weights?: Weights;
  anchors?: Anchors;
}

/** @internal exported for tests */
export type Rng = () => number;

/** @internal exported for tests */
export function makeRng(seed: number): Rng {
  const g = xoroshiro128plus(seed);
  return () => uniformFloat64(g);
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

/** A stable key for a set of weights, e.g. "capacityHealth=1,csat=1,revenue=3". */
export function weightsKey(weights: Record<Metric, number>): string {
  return METRICS.filter((m) => weights[m] > 0)
    .map((m) => `${m}=${weights[m]}`)
    .join(',');
}

function clonePlan(plan: Plan): Plan {
  return { slots: plan.slots.map((ids) => [...ids]) };
}

/** @internal exported for tests */
/** The part of a problem the search may change. */
export interface Space {
  c: Compiled;
  slots: number;
  frozen: number;
  /** Item ids the search may place (visible, not fixed in a frozen slot). */
  free: string[];
  deps: Map<string, string[]>;
  dependents: Map<string, string[]>;
}

/** The world plans are evaluated in: expected, or conditional on the frozen slots' dice. */
function worldOf(c: Compiled, options: SearchOptions): World {
  const frozen = Math.max(0, Math.min(options.frozenSlots ?? 0, c.slots));
  const revealed = Math.max(0, Math.min(options.revealedSlots ?? frozen, frozen));
  const world =
    options.revealedSeed !== undefined && revealed > 0
      ? conditionalWorld(c, options.revealedSeed, revealed, options.fixedPlan ?? { slots: [] })
      : expectedWorld(c);
  const known = options.known;
  if (!known) return world;
  return { branches: world.branches, envs: world.envs.map((env) => envWith(c, env, known)) };
}

/** @internal exported for tests */
export function makeSpace(c: Compiled, options: SearchOptions): Space {
  const frozen = Math.max(0, Math.min(options.frozenSlots ?? 0, c.slots));
  const fixed = new Set((options.fixedPlan?.slots ?? []).slice(0, frozen).flat());
  const free = c.items.filter((i) => !i.injected && !fixed.has(i.id)).map((i) => i.id);
  const deps = new Map(c.items.map((i) => [i.id, i.deps.map((d) => c.items[d]!.id)]));
  const dependents = new Map<string, string[]>();
  for (const [id, ds] of deps)
    for (const d of ds) dependents.set(d, [...(dependents.get(d) ?? []), id]);
  return { c, slots: c.slots, frozen, free, deps, dependents };
}

function locate(plan: Plan, id: string): [number, number] | null {
  for (let s = 0; s < plan.slots.length; s++) {
    const i = plan.slots[s]!.indexOf(id);
    if (i >= 0) return [s, i];
  }
  return null;
}

function removeFrom(plan: Plan, id: string): void {
  const at = locate(plan, id);
  if (at) plan.slots[at[0]]!.splice(at[1], 1);
}

/** Drops an item and, recursively, everything planned that depends on it. */
function dropWithDependents(space: Space, plan: Plan, id: string): void {
  removeFrom(plan, id);
  for (const dep of space.dependents.get(id) ?? [])
    if (locate(plan, dep)) dropWithDependents(space, plan, dep);
}

/** @internal exported for tests */
/**
 * Makes every prerequisite come earlier in the queue than the item that needs it: a missing
 * prerequisite is inserted just before its dependent, a later one is moved there. Prerequisites
 * fixed in frozen slots are already earlier.
 */
export function repairPlan(space: Space, plan: Plan): Plan {
  for (let guard = 0; guard < 200; guard++) {
    let changed = false;
    outer: for (let s = space.frozen; s < plan.slots.length; s++) {
      const ids = plan.slots[s]!;
      for (let i = 0; i < ids.length; i++) {
        for (const d of space.deps.get(ids[i]!) ?? []) {
          const at = locate(plan, d);
          const before = at !== null && (at[0] < s || (at[0] === s && at[1] < i));
          if (before) continue;
          if (at === null && !space.free.includes(d)) continue; // fixed elsewhere or unknown
          if (at !== null && at[0] < space.frozen) continue;
          removeFrom(plan, d);
          const index = plan.slots[s]!.indexOf(ids[i] ?? '');
          plan.slots[s]!.splice(index < 0 ? 0 : index, 0, d);
          changed = true;
          break outer;
        }
      }
    }
    if (!changed) return plan;
  }
  return plan;
}

/**
 * A copy of the plan with every prerequisite moved (or added) just before the first item that
 * needs it, and an item dropped together with everything planned that depends on it.
 */
export function repairDependencies(c: Compiled, plan: Plan): Plan {
  return repairPlan(makeSpace(c, {}), clonePlan(plan));
}

/** A copy of the plan without the item and without anything planned that depends on it. */
export function dropItem(c: Compiled, plan: Plan, id: string): Plan {
  const next = clonePlan(plan);
  dropWithDependents(makeSpace(c, {}), next, id);
  return next;
}

/** @internal exported for tests */
/** One random move in the search space, returning a new repaired plan. */
export function neighbour(space: Space, plan: Plan, rng: Rng): Plan {
  const next = clonePlan(plan);
  const editable = Array.from({ length: space.slots - space.frozen }, (_, i) => space.frozen + i);
  if (editable.length === 0) return next;
  const planned: string[] = [];
  const unplanned: string[] = [];
  for (const id of space.free) (locate(next, id) === null ? unplanned : planned).push(id);
  const r = rng();
  const placeRandom = (id: string) => {
    const s = pick(rng, editable);
    const ids = next.slots[s]!;
    ids.splice(Math.floor(rng() * (ids.length + 1)), 0, id);
  };
  if ((r < 0.35 || unplanned.length === 0) && planned.length > 0) {
    const id = pick(rng, planned);
    removeFrom(next, id);
    placeRandom(id);
  } else if (r < 0.5 && planned.length > 1) {
    const a = pick(rng, planned);
    const b = pick(rng, planned);
    const pa = locate(next, a)!;
    const pb = locate(next, b)!;
    next.slots[pa[0]]![pa[1]] = b;
    next.slots[pb[0]]![pb[1]] = a;
  } else if (r < 0.62 && planned.length > 0) {
    dropWithDependents(space, next, pick(rng, planned));
  } else if (r < 0.7 && planned.length > 0) {
    // Drop the tail of the queue from a random point: over-committed plans need several drops.
    const queue = next.slots.slice(space.frozen).flat();
    for (const id of queue.slice(Math.floor(rng() * queue.length))) removeFrom(next, id);
  } else if (r < 0.8 && planned.length > 0 && unplanned.length > 0) {
    // Replace a planned item with a left-out one, in the same place.
    const out = pick(rng, planned);
    const at = locate(next, out)!;
    dropWithDependents(space, next, out);
    const ids = next.slots[at[0]]!;
    ids.splice(Math.min(at[1], ids.length), 0, pick(rng, unplanned));
  } else if (r < 0.9 && unplanned.length > 1) {
    // Add two: some items only pay off together (one alone over-commits the slot).
    const a = pick(rng, unplanned);
    const b = pick(rng, unplanned);
    placeRandom(a);
    if (b !== a) placeRandom(b);
  } else if (unplanned.length > 0) {
    placeRandom(pick(rng, unplanned));
  }
  return repairPlan(space, next);
}

/** @internal exported for tests */
/**
 * Every plan one move away: the queue cut after each position; two items swapped; an item
 * replaced by a left-out one; each free item moved to every slot and position, or dropped.
 */
export function* fullNeighbourhood(space: Space, plan: Plan): Generator<Plan> {
  const queue = plan.slots.slice(space.frozen).flat();
  for (let cut = 0; cut < queue.length - 1; cut++) {
    const next = clonePlan(plan);
    for (const id of queue.slice(cut)) removeFrom(next, id);
    yield next;
  }
  for (let a = 0; a < queue.length; a++) {
    for (let b = a + 1; b < queue.length; b++) {
      const next = clonePlan(plan);
      const pa = locate(next, queue[a]!)!;
      const pb = locate(next, queue[b]!)!;
      next.slots[pa[0]]![pa[1]] = queue[b]!;
      next.slots[pb[0]]![pb[1]] = queue[a]!;
      yield repairPlan(space, next);
    }
  }
  const unplanned = space.free.filter((id) => locate(plan, id) === null);
  for (const out of queue) {
    for (const id of unplanned) {
      const next = clonePlan(plan);
      const at = locate(next, out)!;
      dropWithDependents(space, next, out);
      const ids = next.slots[at[0]]!;
      ids.splice(Math.min(at[1], ids.length), 0, id);
      yield repairPlan(space, next);
    }
  }
  for (const id of space.free) {
    const without = clonePlan(plan);
    const was = locate(without, id);
    if (was) {
      const dropped = clonePlan(without);
      dropWithDependents(space, dropped, id);
      yield dropped;
      removeFrom(without, id);
    }
    for (let s = space.frozen; s < space.slots; s++) {
      for (let i = 0; i <= without.slots[s]!.length; i++) {
        if (was && was[0] === s && was[1] === i) continue;
        const next = clonePlan(without);
        next.slots[s]!.splice(i, 0, id);
        yield repairPlan(space, next);
      }
    }
  }
}

/** @internal exported for tests */
export function startingPlan(space: Space, options: SearchOptions, plan: Plan): Plan {
  // Keep frozen slots as fixed; keep only free items in the editable slots.
  const free = new Set(space.free);
  const fixed = options.fixedPlan ?? { slots: [] };
  const seen = new Set<string>();
  const keep = (id: string) => free.has(id) && !seen.has(id) && seen.add(id);
  return repairPlan(space, {
    slots: Array.from({ length: space.slots }, (_, s) =>
      s < space.frozen ? [...(fixed.slots[s] ?? [])] : (plan.slots[s] ?? []).filter(keep),
    ),
  });
}

/** The annealing's two starting temperatures. */
export interface Temperatures {
  /** Accepts a move that loses the average change half the time. */
  hot: number;
  /** The same for the median change (a few disastrous moves inflate the average). */
  warm: number;
}

/**
 * Starting temperatures from the absolute score changes of random moves (`changes`, in any
 * order) and the starting plans' values. A temperature T accepts a move that loses d with
 * probability exp(−d / T), so T = d / ln 2 accepts a loss of d half the time: `hot` for the mean
 * change, `warm` for the median (the upper one of an even count). Changes of 1e-9 or less are
 * a plateau and are left out; when every change is, both temperatures use a twentieth of the
 * starting plans' spread (at least 1e-6) instead.
 */
export function temperatures(changes: readonly number[], values: readonly number[]): Temperatures {
  const moves = changes.filter((d) => d > 1e-9).sort((a, b) => a - b);
  const spread = Math.max(...values) - Math.min(...values);
  const fallback = Math.max(1e-6, spread * 0.05);
  const mean = moves.length > 0 ? moves.reduce((a, b) => a + b, 0) / moves.length : fallback;
  return {
    hot: mean / Math.LN2,
    warm: (moves[Math.floor(moves.length / 2)] ?? fallback) / Math.LN2,
  };
}

/** The temperature at step `i` of `steps`: geometric cooling from `hot` towards `cold`. */
export function cooling(hot: number, cold: number, i: number, steps: number): number {
  return hot * Math.pow(cold / hot, i / steps);
}

/**
 * The Metropolis rule: a move that does not lose is taken; one that loses is taken with
 * probability exp(change / temperature), and only then is a random number drawn.
 */
export function accepts(change: number, temperature: number, rng: Rng): boolean {
  return change >= 0 || rng() < Math.exp(change / temperature);
}

/** One annealing run's length and its temperatures at the start and (approached) at the end. */
export interface AnnealingRun {
  steps: number;
  hot: number;
  cold: number;
}

/**
 * How the search spends its annealing budget: `restarts` runs from the best distinct starting
 * plans share 55% of it, the first from `hot` and the others from `warm`; then a cooler run from
 * the best plan they found (a fifth of the budget, from a tenth of `warm`) explores its
 * neighbourhood two or three moves deep. Every run cools ten-thousandfold.
 */
export function annealingRuns(
  budget: number,
  restarts: number,
  hot: number,
  warm: number,
): { restarts: AnnealingRun[]; deeper: AnnealingRun } {
  return {
    restarts: Array.from({ length: restarts }, (_, r) => {
      const t0 = r === 0 ? hot : warm;
      return { steps: Math.floor((budget * 0.55) / restarts), hot: t0, cold: t0 * 1e-4 };
    }),
    deeper: { steps: Math.floor(budget * 0.2), hot: warm / 10, cold: warm * 1e-4 },
  };
}

/**
 * Searches for the plan that maximizes `objective` of its expected metrics.
 * Deterministic for a given scenario, objective and seed.
 */
export function searchPlans(
  c: Compiled,
  objective: Objective,
  options: SearchOptions = {},
): SearchResult {
  const space = makeSpace(c, options);
  const world = worldOf(c, options);
  const budget = Math.max(50, options.budget ?? scaledBudget(c, PAR_BUDGET, world.envs.length));
  const exhaustive = options.exhaustiveUpTo ?? budget;
  if (
    space.frozen === 0 &&
    !options.known &&
    exhaustive > 0 &&
    countPlans(c, exhaustive) <= exhaustive
  ) {
    const exact = exactBest(c, objective, exhaustive);
    if (exact) return exact;
  }
  const rng = makeRng(hashSeed(`par|${c.id}|${options.seed ?? 1}`));
  let evaluations = 0;
  const evaluate = (plan: Plan) => {
    evaluations += 1;
    return objective(worldMetrics(c, plan.slots, world));
  };

  const candidates = [...Object.values(strategyPlans(c)), ...(options.starts ?? [])].map((p) => {
    const plan = startingPlan(space, options, p);
    return { plan, value: evaluate(plan) };
  });
  candidates.sort((a, b) => b.value - a.value);
  let best = candidates[0]!;

  // Temperatures, from the score changes of random moves measured from several starting plans
  // (so a plateau cannot freeze the search).
  const changes: number[] = [];
  for (let i = 0; i < 90; i++) {
    const from = candidates[i % Math.min(3, candidates.length)]!;
    changes.push(Math.abs(from.value - evaluate(neighbour(space, from.plan, rng))));
  }
  const { hot, warm } = temperatures(
    changes,
    candidates.map((x) => x.value),
  );

  // 1–2. Annealing from the best distinct starting plans.
  const seen = new Set<string>();
  const starts = candidates.filter((x) => {
    const key = JSON.stringify(x.plan.slots);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  type Found = { plan: Plan; value: number };
  /** One annealing run; returns the best plan it saw. */
  const anneal = (from: Found, { steps, hot, cold }: AnnealingRun): Found => {
    let cur = from;
    let runBest = from;
    for (let i = 0; i < steps; i++) {
      const temperature = cooling(hot, cold, i, steps);
      const plan = neighbour(space, cur.plan, rng);
      const value = evaluate(plan);
      if (accepts(value - cur.value, temperature, rng)) {
        cur = { plan, value };
        if (value > runBest.value) runBest = cur;
      }
    }
    return runBest;
  };
  /** First-improvement hill-climb over the full neighbourhood, to a local optimum. */
  const climb = (from: Found): Found => {
    let cur = from;
    let improved = true;
    while (improved && evaluations < budget * 4) {
      improved = false;
      for (const plan of fullNeighbourhood(space, cur.plan)) {
        // The cap holds inside a pass too: one pass over a large plan's neighbourhood is
        // thousands of plans.
        if (evaluations >= budget * 4) break;
        const value = evaluate(plan);
        if (value > cur.value + 1e-12) {
          cur = { plan, value };
          improved = true;
          break;
        }
      }
    }
    return cur;
  };

  const runs = annealingRuns(budget, Math.min(3, starts.length), hot, warm);
  const elites: Found[] = runs.restarts.map((run, r) => anneal(starts[r]!, run));
  const leader = elites.reduce((a, b) => (b.value > a.value ? b : a), best);
  elites.push(anneal(leader, runs.deeper));

  // 3. Climb from every run's best plan; keep the best local optimum.
  for (const elite of elites) {
    const top = climb(elite);
    if (top.value > best.value) best = top;
  }
  return { plan: best.plan, value: best.value, evaluations };
}

/**
 * Exact optimum by exhaustive depth-first enumeration of every plan whose prerequisites come
 * before their dependents, for small instances (it checks the heuristic in tests). Every queue
 * is visited: no bound prunes the tree, because the score is not monotone in added work (even
 * work that never starts changes the outcome, through thrash). Returns null when the
 * enumeration would exceed `maxEvaluations`.
 */
export function exactBest(
  c: Compiled,
  objective: Objective,
  maxEvaluations = 2_000_000,
): SearchResult | null {
  const items = c.items.filter((i) => !i.injected);
  const deps = new Map(items.map((i) => [i.id, i.deps.map((d) => c.items[d]!.id)]));
  const slots: string[][] = c.labels.map(() => []);
  const used = new Set<string>();
  let evaluations = 0;
  let best: { plan: Plan; value: number } | null = null;
  const visit = (lastSlot: number): boolean => {
    evaluations += 1;
    if (evaluations > maxEvaluations) return false;
    const value = objective(expectedMetrics(c, slots));
    if (best === null || value > best.value + 1e-12) best = { plan: clonePlan({ slots }), value };
    for (let s = lastSlot; s < c.slots; s++) {
      for (const item of items) {
        if (used.has(item.id) || !(deps.get(item.id) ?? []).every((d) => used.has(d))) continue;
        used.add(item.id);
        slots[s]!.push(item.id);
        const ok = visit(s);
        slots[s]!.pop();
        used.delete(item.id);
        if (!ok) return false;
      }
    }
    return true;
  };
  if (!visit(0) || best === null) return null;
  const found: { plan: Plan; value: number } = best;
  return { plan: found.plan, value: found.value, evaluations };
}

/**
 * How many plans `exactBest` would visit (every queue whose prerequisites come first), counted
 * up to `cap`; returns `cap + 1` when there are more.
 */
export function countPlans(c: Compiled, cap: number): number {
  // Item indexes and flags, not ids and sets: this runs up to `cap` times before every search.
  const items = c.items.flatMap((item, index) => (item.injected ? [] : [index]));
  const used = new Uint8Array(c.items.length);
  const ready = (index: number) => c.items[index]!.deps.every((d) => used[d] === 1);
  let count = 0;
  const visit = (lastSlot: number): boolean => {
    count += 1;
    if (count > cap) return false;
    for (let s = lastSlot; s < c.slots; s++) {
      for (const index of items) {
        if (used[index] === 1 || !ready(index)) continue;
        used[index] = 1;
        const ok = visit(s);
        used[index] = 0;
        if (!ok) return false;
      }
    }
    return true;
  };
  visit(0);
  return Math.min(count, cap + 1);
}

/** The objective of the score under given weights and anchors (uncapped: `scoreMetrics`'s value). */
export function scoreObjective(weights: Record<Metric, number>, anchors: Anchors): Objective {
  return (m) => scoreMetrics(m, anchors, weights).value;
}

/**
 * Anchors by search: money runs from doing nothing to the value-maximizing plan (searched on net
 * value, scaled to the battery's range); every other metric has its fixed scale.
 */
export function computeAnchors(scenario: Scenario, options: SearchOptions = {}): Anchors {
  const c = compile(scenario);
  const money = batteryMoney(c);
  const scale = Math.max(1e-9, money.best - money.floor, Math.abs(money.best) * 1e-6);
  const found = searchPlans(c, (x) => ((x.revenue ?? 0) - money.floor) / scale, {
    ...options,
    budget: options.budget ?? scaledBudget(c, 20_000),
  });
  let best = money.floor + found.value * scale;
  // With hidden facts, a plan that adapts to what it learns can beat the best plan made blind:
  // money's best is the best with every fact known, averaged over the worlds, and its ceiling the
  // best of the luckiest world, so money earned in a lucky world above the average still counts.
  const worlds = outcomesOf(
    scenario,
    allHiddenFacts(scenario).map((f) => f.key),
  );
  let ceiling: number | undefined;
  if (worlds.length > 1) {
    let informed = 0;
    let luckiest = -Infinity;
    for (const { p, o } of worlds) {
      const inWorld = searchPlans(c, (x) => ((x.revenue ?? 0) - money.floor) / scale, {
        ...options,
        known: o,
        budget: options.budget ?? scaledBudget(c, 20_000),
      });
      const value = money.floor + inWorld.value * scale;
      informed += p * value;
      luckiest = Math.max(luckiest, value);
    }
    best = Math.max(best, informed);
    ceiling = luckiest;
  }
  const revenue = { floor: money.floor, best: Math.max(money.best, best) };
  return anchorsWith(
    c,
    ceiling === undefined ? revenue : { ...revenue, ceiling: Math.max(ceiling, revenue.best) },
  );
}

/** Par: the best plan found for the scenario's (or the given) weights. */
export function findPar(scenario: Scenario, options: ParOptions = {}): ParResult {
  const c = compile(scenario);
  const { weights, anchors } = scoringOf(c, options);
  const found = searchPlans(c, scoreObjective(weights, anchors), options);
  return {
    plan: found.plan,
    score: Math.min(100, found.value),
    value: found.value,
    metrics: worldMetrics(c, found.plan.slots, worldOf(c, options)),
    evaluations: found.evaluations,
    engineVersion: ENGINE_VERSION,
    weightsKey: weightsKey(weights),
  };
}

/** The baked par of a scenario when it is still valid for this engine and these weights. */
export function bakedPar(
  scenario: Scenario,
  weights?: Weights,
): { plan: Plan; score: number } | null {
  const par = scenario.par;
  if (!par || par.engineVersion !== ENGINE_VERSION) return null;
  const c = compile(scenario);
  const key = weightsKey(scoringOf(c, { ...(weights ? { weights } : {}) }).weights);
  return par.weightsKey === key ? { plan: par.plan, score: par.score } : null;
}
