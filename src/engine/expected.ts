/**
 * The worlds a plan is run in: the expected world (grading, par, anchors) and seeded worlds
 * (the story). Categorical scripted events are enumerated as weighted branches in expected mode
 * (at most 8), else averaged over a fixed list of seeds.
 */
import type { Compiled } from './compile.ts';
import { buildQueue, runCore, type Recorder, type RunEnv, type RunResult } from './core.ts';
import type { Plan } from './plan.ts';
import { averageMetrics, metricsOf, type Metrics } from './score.ts';
import {
  arrWith,
  drawWorld,
  effortWith,
  hazardWith,
  allHiddenFacts,
  revealedBy,
  revealedKey,
  type Revealed,
} from './hidden.ts';
import { drawStream, triangularInverse } from './rng.ts';

/** One weighted branch of the scripted events. */
export interface Branch {
  probability: number;
  /** Outcome per event index (see `RunEnv.choice`). */
  choice: number[];
  /** Readable description, e.g. "Zero-day: happens; Launch demand: ×5". */
  label: string;
}

export const MAX_BRANCHES = 8;
/** Seeds averaged over when the branches would be more than `MAX_BRANCHES`. */
export const FALLBACK_SEEDS = 16;

const branchCache = new WeakMap<Compiled, Branch[]>();
const envCache = new WeakMap<Compiled, RunEnv[]>();

/** The deterministic outcome of an event that is not enumerated (certain or impossible). */
function fixedChoice(c: Compiled): number[] {
  return c.events.map((e) => {
    if (e.kind === 'cascade') return 0;
    if (e.kind === 'demandSpike') {
      let best = 0;
      e.branches.forEach((b, i) => {
        if (b.probability > (e.branches[best]?.probability ?? 0)) best = i;
      });
      return best;
    }
    return e.probability >= 1 ? 1 : 0;
  });
}

function eventOptions(c: Compiled, index: number): { p: number; value: number; text: string }[] {
  const e = c.events[index]!;
  if (e.kind === 'demandSpike')
    return e.branches
      .map((b, i) => ({ p: b.probability, value: i, text: `${e.title}: ×${b.multiplier}` }))
      .filter((o) => o.p > 0);
  if (e.kind === 'cascade') return [{ p: 1, value: 0, text: '' }];
  return [
    { p: e.probability, value: 1, text: `${e.title}: happens` },
    { p: 1 - e.probability, value: 0, text: `${e.title}: does not happen` },
  ];
}

/** Chooses event outcomes from a run's dice (seeded mode and the fallback seeds). */
export function seededChoice(c: Compiled, seed: number): { choice: number[]; dice: number[][] } {
  const choice = fixedChoice(c);
  const dice: number[][] = c.events.map((e) => drawStream(c.id, seed, `event:${e.id}`, c.slots));
  c.events.forEach((e, i) => {
    if (e.kind === 'cascade') return;
    const u = dice[i]?.[e.slot] ?? 0;
    if (e.kind === 'demandSpike') {
      let acc = 0;
      let pick = e.branches.length - 1;
      for (let j = 0; j < e.branches.length; j++) {
        acc += e.branches[j]!.probability;
        if (u < acc) {
          pick = j;
          break;
        }
      }
      choice[i] = pick;
    } else {
      choice[i] = u < e.probability ? 1 : 0;
    }
  });
  return { choice, dice };
}

/**
 * Enumerates the outcomes of `events` on top of `base` choices as weighted branches (at most
 * `MAX_BRANCHES`), else samples them over a fixed list of seeds.
 */
function enumerate(
  c: Compiled,
  events: readonly Compiled['events'][number][],
  base: number[],
): Branch[] {
  let branches: Branch[] = [{ probability: 1, choice: base, label: 'as planned' }];
  let count = 1;
  for (const e of events) count *= eventOptions(c, e.index).length;
  if (count <= MAX_BRANCHES) {
    for (const e of events) {
      const next: Branch[] = [];
      for (const b of branches) {
        for (const o of eventOptions(c, e.index)) {
          const choice = [...b.choice];
          choice[e.index] = o.value;
          next.push({
            probability: b.probability * o.p,
            choice,
            label: b.label === 'as planned' ? o.text : `${b.label}; ${o.text}`,
          });
        }
      }
      branches = next;
    }
    return branches;
  }
  return Array.from({ length: FALLBACK_SEEDS }, (_, i) => {
    const sampled = seededChoice(c, 1_000_003 + i).choice;
    const choice = [...base];
    for (const e of events) choice[e.index] = sampled[e.index]!;
    return { probability: 1 / FALLBACK_SEEDS, choice, label: `sample ${i + 1}` };
  });
}

/** The weighted branches of the expected world. */
export function branchesOf(c: Compiled): Branch[] {
  const hit = branchCache.get(c);
  if (hit) return hit;
  const branches = enumerate(c, c.branching, fixedChoice(c));
  branchCache.set(c, branches);
  return branches;
}

/** A set of weighted environments a plan is evaluated in. */
export interface World {
  envs: RunEnv[];
  branches: Branch[];
}

/**
 * The world after `revealed` slots have been played with `seed` (round-by-round play): those
 * slots use the run's dice — its incidents, breaches, scripted events, and the actual effort of
 * the items the committed plan placed in them — and the rest of the year is expected, with its
 * scripted events enumerated. The first `revealed` slots of any plan evaluated here should match
 * `committed`.
 */
export function conditionalWorld(
  c: Compiled,
  seed: number,
  revealed: number,
  committed: Plan,
): World {
  const seeded = seededEnv(c, seed);
  const base = fixedChoice(c);
  const future: Compiled['events'][number][] = [];
  for (const e of c.events) {
    if (e.kind === 'cascade') continue;
    if (e.slot < revealed) base[e.index] = seeded.choice[e.index]!;
    else if (c.branching.includes(e)) future.push(e);
  }
  const played = new Set(committed.slots.slice(0, revealed).flat());
  const known = new Map(
    revealedFacts(c, seed, committed, revealed).map((r) => [revealedKey(r), r.outcome]),
  );
  // The played items' actual efforts, but a hidden effort only once revealed (an item planned
  // and not started yet stays at its mean).
  const effort = effortWith(
    c,
    known,
    c.items.map((item, i) => (played.has(item.id) ? seeded.effort[i]! : item.meanEffort)),
  );
  const arr = arrWith(c, known);
  const threatHazard = hazardWith(c, known);
  const branches = enumerate(c, future, base);
  return {
    branches,
    envs: branches.map((b) => ({
      ...seeded,
      effort,
      choice: b.choice,
      revealedSlots: revealed,
      arr,
      threatHazard,
    })),
  };
}

/**
 * The hidden facts the learner has been shown after the first `played` slots of `committed` were
 * played with `seed`: what the experiments and items done in those slots revealed.
 */
export function revealedFacts(
  c: Compiled,
  seed: number,
  committed: Plan,
  played: number,
): Revealed[] {
  if (played <= 0 || allHiddenFacts(c.scenario).length === 0) return [];
  const env = seededEnv(c, seed);
  const run = runPlan(c, committed.slots.slice(0, played), env, null, true);
  return revealedBy(c, run.doneAt, played, drawWorld(c.scenario, seed), run.startedAt);
}

/** The expected-mode environments, one per branch (mean effort, no dice). */
export function expectedEnvs(c: Compiled): RunEnv[] {
  const hit = envCache.get(c);
  if (hit) return hit;
  const effort = c.items.map((i) => i.meanEffort);
  const envs = branchesOf(c).map((b) => ({
    seeded: false,
    effort,
    choice: b.choice,
    incidentDice: null,
    breachDice: null,
    eventDice: null,
  }));
  envCache.set(c, envs);
  return envs;
}

/** The seeded environment of one run: actual efforts, event outcomes and all the dice. */
export function seededEnv(c: Compiled, seed: number): RunEnv {
  const { choice, dice } = seededChoice(c, seed);
  const drawn = drawWorld(c.scenario, seed);
  const arr = arrWith(c, drawn);
  // A hidden effort is its world's draw; any other range is rolled.
  const rolled = c.items.map((item) =>
    item.high > item.low
      ? triangularInverse(
          item.low,
          item.mode,
          item.high,
          drawStream(c.id, seed, `effort:${item.id}`, 1)[0] ?? 0.5,
        )
      : item.mode,
  );
  const effort = effortWith(c, drawn, rolled);
  return {
    seeded: true,
    effort,
    choice,
    incidentDice: drawStream(c.id, seed, 'incidents', c.slots),
    breachDice: drawStream(c.id, seed, 'breach', c.slots),
    eventDice: dice,
    arr,
    threatHazard: hazardWith(c, drawn),
  };
}

/** Runs a plan in one environment. */
export function runPlan(
  c: Compiled,
  slots: readonly (readonly string[])[],
  env: RunEnv,
  rec: Recorder | null = null,
  detail = true,
): RunResult {
  return runCore(c, buildQueue(c, slots, env), env, rec, detail);
}

/** The expected world: every branch of the scripted events, no dice. */
export function expectedWorld(c: Compiled): World {
  return { envs: expectedEnvs(c), branches: branchesOf(c) };
}

/** Raw metrics of a plan in a world: the probability-weighted average over its branches. */
export function worldMetrics(
  c: Compiled,
  slots: readonly (readonly string[])[],
  world: World,
): Metrics {
  const { envs, branches } = world;
  if (envs.length === 1) return metricsOf(runPlan(c, slots, envs[0]!, null, false), c.applicable);
  return averageMetrics(
    envs.map((env, i) => ({
      metrics: metricsOf(runPlan(c, slots, env, null, false), c.applicable),
      weight: branches[i]!.probability,
    })),
  );
}

/** Expected raw metrics of a plan: the probability-weighted average over the branches. */
export function expectedMetrics(c: Compiled, slots: readonly (readonly string[])[]): Metrics {
  return worldMetrics(c, slots, expectedWorld(c));
}
