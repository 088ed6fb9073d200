/**
 * Par under uncertainty and the value of information (docs/model.md, "Value of information").
 *
 * - **Committed par** maximizes the expected score over the hidden facts without peeking: par as
 *   searched (an unknown fact counts at its expectation, and scores are linear in it).
 * - **Adaptive par** plays the year slot by slot with the learner's information: at each slot it
 *   commits the best commit by the one-step look-ahead of `lookahead.ts` (par from here, and par
 *   from here with each informative experiment first), then learns what that slot revealed. Its
 *   value is the average, over every world of the hidden facts (their outcomes enumerated with
 *   their chances), of the score of the plan it ends up playing in that world, dice expected.
 * - **Value of information** = adaptive par − committed par; per experiment, the adaptive value
 *   lost when that experiment is taken out of the backlog.
 *
 * The policy's choice at a slot depends only on what it knows, so choices are shared between the
 * worlds that agree on it (memoized by information state).
 */
import { resolveAnchors } from './anchors.ts';
import { compile, type Compiled } from './compile.ts';
import { expectedWorld, worldMetrics } from './expected.ts';
import { envWith, experimentsOf, allHiddenFacts, outcomesOf } from './hidden.ts';
import { experimentsFirst, valueOfCommit, wouldReveal } from './lookahead.ts';
import { bakedPar, findPar, scoreObjective, type ParOptions } from './par.ts';
import type { Plan } from './plan.ts';
import type { Anchors, Scenario, Weights } from './schema.ts';
import { averageMetrics, type Metrics } from './score.ts';
import { scoringOf } from './simulate.ts';

export interface VoiOptions {
  weights?: Weights;
  /** Anchors to score with (default: the scenario's). */
  anchors?: Anchors;
  /** Evaluation budget of each search (default 20,000). */
  budget?: number;
  /** Experiments to leave out of the backlog (for their own value). */
  without?: readonly string[];
  /** Slot 0 starts with these items (e.g. every experiment), the rest adaptive. */
  firstSlot?: readonly string[];
}

export interface WorldValue {
  /** Outcome index per hidden fact (by key: the item id for a value, `effort:<item>`). */
  facts: Record<string, number>;
  probability: number;
  /** The plan adaptive par plays in this world, and its score there. */
  plan: Plan;
  score: number;
  /** Committed par's score in this world. */
  committed: number;
}

export interface AdaptiveResult {
  committed: number;
  adaptive: number;
  worlds: WorldValue[];
}

export interface VoiReport extends AdaptiveResult {
  /** adaptive − committed. */
  voi: number;
  /** Adaptive par with no experiment in the backlog. */
  withoutExperiments: number;
  /** Adaptive par when slot 0 runs every experiment first. */
  everyExperiment: number;
  /** Per experiment: adaptive par − adaptive par without it. */
  experiments: { id: string; worth: number }[];
}

export const VOI_BUDGET = 20_000;

/** A scenario without some items (and without references to them). */
function withoutItems(scenario: Scenario, ids: readonly string[]): Scenario {
  if (ids.length === 0) return scenario;
  const gone = new Set(ids);
  return {
    ...scenario,
    items: scenario.items.filter((i) => !gone.has(i.id)),
    ...(scenario.par ? { par: undefined } : {}),
  };
}

/** A plan's metrics in a world whose hidden facts are all known, dice expected. */
function metricsIn(c: Compiled, plan: Plan, facts: ReadonlyMap<string, number>): Metrics {
  const world = expectedWorld(c);
  return worldMetrics(c, plan.slots, {
    branches: world.branches,
    envs: world.envs.map((env) => envWith(c, env, facts)),
  });
}

/** Adaptive par and committed par over every world of the hidden facts. */
export function adaptivePar(scenario: Scenario, options: VoiOptions = {}): AdaptiveResult {
  const s = withoutItems(scenario, options.without ?? []);
  const c = compile(s);
  const slots = s.time.labels.length;
  const common: ParOptions = {
    ...(options.weights ? { weights: options.weights } : {}),
    // The full scenario's anchors: a backlog without some items is scored on the same scale.
    anchors: options.anchors ?? resolveAnchors(compile(scenario)),
    budget: options.budget ?? VOI_BUDGET,
  };
  const committedPar =
    (options.without?.length ? null : bakedPar(s, options.weights)) ?? findPar(s, common);
  const worlds = outcomesOf(
    s,
    allHiddenFacts(s).map((f) => f.key),
  );
  const memo = new Map<string, Plan>();
  const key = (r: number, plan: Plan, known: ReadonlyMap<string, number>) =>
    JSON.stringify([r, plan.slots.slice(0, r), [...known].sort()]);

  /** The commit adaptive par makes at slot `r` with `plan`'s earlier slots played and `known`. */
  const commit = (r: number, plan: Plan, known: ReadonlyMap<string, number>): Plan => {
    const k = key(r, plan, known);
    const hit = memo.get(k);
    if (hit) return hit;
    const knowledge = { known };
    let chosen: Plan;
    if (r === 0 && options.firstSlot) {
      const forced = new Set(options.firstSlot);
      const rest = committedPar.plan.slots.map((ids) => ids.filter((id) => !forced.has(id)));
      chosen = { slots: rest.map((ids, t) => (t === 0 ? [...options.firstSlot!, ...ids] : ids)) };
    } else {
      const best =
        r === 0
          ? committedPar.plan
          : findPar(s, { ...common, frozenSlots: r, fixedPlan: plan, starts: [plan], known }).plan;
      const candidates = [best, ...experimentsFirst(s, best, plan, r, known)];
      let top = { plan: best, value: -Infinity };
      for (const candidate of candidates) {
        const v = valueOfCommit(c, candidate, r, knowledge, { ...common, starts: [candidate] });
        if (v.value > top.value) top = { plan: candidate, value: v.value };
      }
      chosen = top.plan;
    }
    memo.set(k, chosen);
    return chosen;
  };

  const { weights, anchors } = scoringOf(c, common);
  const score = scoreObjective(weights, anchors);
  const values: (WorldValue & { metrics: Metrics; committedMetrics: Metrics })[] = worlds.map(
    ({ p, o }) => {
      let plan: Plan = committedPar.plan;
      const known = new Map<string, number>();
      for (let r = 0; r < slots; r++) {
        plan = commit(r, plan, known);
        if (r < slots - 1)
          for (const key of wouldReveal(c, plan, r, { known })) known.set(key, o.get(key)!);
      }
      const metrics = metricsIn(c, plan, o);
      const committedMetrics = metricsIn(c, committedPar.plan, o);
      return {
        facts: Object.fromEntries(o),
        probability: p,
        plan,
        score: score(metrics),
        committed: score(committedMetrics),
        metrics,
        committedMetrics,
      };
    },
  );
  // Expected scores are scores of expected metrics, as for the branches of scripted events.
  const mean = (f: (w: (typeof values)[number]) => Metrics) =>
    score(averageMetrics(values.map((w) => ({ metrics: f(w), weight: w.probability }))));
  return {
    committed: mean((w) => w.committedMetrics),
    adaptive: mean((w) => w.metrics),
    worlds: values.map(({ metrics: _m, committedMetrics: _c, ...w }) => w),
  };
}

/** The value of information of a scenario: adaptive against committed par, and per experiment. */
export function valueOfInformation(scenario: Scenario, options: VoiOptions = {}): VoiReport {
  const base = adaptivePar(scenario, options);
  const experiments = [...experimentsOf(scenario).keys()];
  if (experiments.length === 0)
    return {
      ...base,
      voi: base.adaptive - base.committed,
      withoutExperiments: base.adaptive,
      everyExperiment: base.adaptive,
      experiments: [],
    };
  const without = adaptivePar(scenario, { ...options, without: experiments }).adaptive;
  const every = adaptivePar(scenario, { ...options, firstSlot: experiments }).adaptive;
  return {
    ...base,
    voi: base.adaptive - base.committed,
    withoutExperiments: without,
    everyExperiment: every,
    experiments: experiments.map((id) => ({
      id,
      worth: base.adaptive - adaptivePar(scenario, { ...options, without: [id] }).adaptive,
    })),
  };
}
