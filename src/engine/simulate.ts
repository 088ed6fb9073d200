/**
 * The public simulation API: `simulate(scenario, plan, options) → Outcome`, where the outcome is
 * plain JSON (no classes, Maps or functions) so it can be persisted, diffed and charted.
 *
 * Grading uses the expected run (luck never decides a grade); a seeded run tells one concrete
 * story with the same dice for every counterfactual.
 */
import { resolveAnchors } from './anchors.ts';
import { compile, effectiveWeights, type Compiled } from './compile.ts';
import type { Constants } from './constants.ts';
import type {
  CapacityTotals,
  EventRecord,
  Ledger,
  Recorder,
  RunResult,
  SlotTrace,
} from './core.ts';
import {
  conditionalWorld,
  expectedMetrics,
  expectedWorld,
  revealedFacts,
  runPlan,
  seededEnv,
  type World,
} from './expected.ts';
import type { Revealed } from './hidden.ts';
import type { Plan } from './plan.ts';
import type { Anchors, Metric, Scenario, Weights } from './schema.ts';
import {
  averageMetrics,
  metricResolution,
  metricsOf,
  scoreMetrics,
  widenAnchors,
  type Metrics,
} from './score.ts';
import { renegotiatedAt } from './renegotiation.ts';
import { ENGINE_VERSION } from './version.ts';

/**
 * `expected` grades; `seeded` tells one story; `conditional` is the expected outcome given that
 * the first `revealedSlots` slots were played with `seed` (round-by-round play).
 */
export type Mode = 'expected' | 'seeded' | 'conditional';

export interface SimulateOptions {
  /** `expected` (default) grades; `seeded` tells one story with the given seed. */
  mode?: Mode;
  /** The run's seed (seeded and conditional modes). Default 1. */
  seed?: number;
  /** Conditional mode: how many leading slots have been played (default 0). */
  revealedSlots?: number;
  /** Scoring weights to use instead of the scenario's (presets, custom weights). */
  weights?: Weights;
  /** Anchors to use instead of the resolved ones. */
  anchors?: Anchors;
  /** Constant overrides (sensitivity analysis). */
  constants?: Partial<Constants>;
}

export type ItemStatus = 'done' | 'unfinished' | 'left out' | 'not triggered';

export interface ItemOutcome {
  id: string;
  plannedSlot: number | null;
  status: ItemStatus;
  /** Start and completion time in slots (slot index + fraction), null when not reached. */
  startedAt: number | null;
  completedAt: number | null;
  /** Effort in points: the mean in expected mode, the drawn actual in seeded mode. */
  effort: number;
  /** Value multiplier from the urgency profile (1 = on time), null when not done. */
  valueFactor: number | null;
  /**
   * Slices (docs/model.md, "Slicing a feature"): `rest` for a feature the plan split (its MVP
   * slice first; `effort` is then the rest's), `mvp` for a slice that delivered its share,
   * `wasted` for a slice finished after its feature started. Absent otherwise.
   */
  part?: 'rest' | 'mvp' | 'wasted';
}

export interface AskOutcome {
  stakeholder: string;
  item: string;
  bySlot: number;
  completedAt: number | null;
  /** Against the terms in force: the renegotiated ones when `renegotiated` is set. */
  status: 'met' | 'late' | 'missed';
  /**
   * The new terms, when a renegotiation was done by the ask's date before the item shipped
   * (absent otherwise). Met on them, the ask earns 1 − trust of its credit.
   */
  renegotiated?: {
    by: string;
    at: number;
    bySlot: number;
    scope: string | null;
    trust: number;
  };
}

export interface ObligationOutcome {
  id: string;
  title: string;
  deadlineSlot: number;
  /** When the report exists (slot index + fraction), null when never within the horizon. */
  reportAt: number | null;
  met: boolean;
}

/** Everything a run produced: plain JSON. */
export interface Outcome {
  engineVersion: string;
  scenarioId: string;
  mode: Mode;
  seed: number | null;
  /** Leading slots told with the dice: 0 expected, all seeded, some in conditional mode. */
  revealedSlots: number;
  score: number;
  metrics: Metrics;
  normalized: Record<Metric, number | null>;
  weights: Record<Metric, number>;
  anchors: Anchors;
  ledger: Ledger;
  totals: CapacityTotals;
  slots: SlotTrace[];
  items: ItemOutcome[];
  asks: AskOutcome[];
  obligations: ObligationOutcome[];
  events: EventRecord[];
  /** The scripted-event branches averaged in expected mode (one entry when there are none). */
  branches: { label: string; probability: number; score: number }[];
  endDebt: number;
  endArr: number;
  residualExposure: number;
}

/** Finite or null: JSON has no Infinity. */
const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function averageSlots(runs: readonly { slots: SlotTrace[]; weight: number }[]): SlotTrace[] {
  const first = runs[0]!;
  if (runs.length === 1) return first.slots;
  // The modal branch supplies lists (completions, causes); numbers are probability-weighted.
  const modal = runs.reduce((a, b) => (b.weight > a.weight ? b : a));
  return modal.slots.map((slot, t) => {
    const out: Record<string, unknown> = { ...slot };
    for (const [key, value] of Object.entries(slot)) {
      if (typeof value !== 'number' || key === 'slot') continue;
      let total = 0;
      for (const r of runs)
        total += ((r.slots[t] as unknown as Record<string, number>)[key] ?? 0) * r.weight;
      out[key] = total;
    }
    return out as unknown as SlotTrace;
  });
}

function averageRuns(runs: readonly { run: RunResult; weight: number }[]): {
  ledger: Ledger;
  totals: CapacityTotals;
  endDebt: number;
  endArr: number;
  residualExposure: number;
} {
  const sum = <T extends object>(pick: (r: RunResult) => T): T => {
    const out: Record<string, number> = {};
    for (const { run, weight } of runs)
      for (const [k, v] of Object.entries(pick(run)))
        out[k] = (out[k] ?? 0) + (v as number) * weight;
    return out as T;
  };
  const scalar = (pick: (r: RunResult) => number) =>
    runs.reduce((a, r) => a + pick(r.run) * r.weight, 0);
  return {
    ledger: sum((r) => r.ledger),
    totals: sum((r) => r.totals),
    endDebt: scalar((r) => r.endDebt),
    endArr: scalar((r) => r.endArr),
    residualExposure: scalar((r) => r.residualExposure),
  };
}

/** Weights and anchors used to score a compiled scenario under the given options. */
export function scoringOf(c: Compiled, options: Pick<SimulateOptions, 'weights' | 'anchors'> = {}) {
  return {
    weights: options.weights ? effectiveWeights(c.applicable, options.weights) : c.weights,
    anchors: widenAnchors(
      options.anchors ?? resolveAnchors(c),
      metricResolution(c.scenario.start, c.sle),
    ),
  };
}

/**
 * Plays a plan forward.
 * @returns the outcome: score, raw and normalized metrics, per-slot trace, ledger, events.
 */
export function simulate(scenario: Scenario, plan: Plan, options: SimulateOptions = {}): Outcome {
  const c = compile(scenario, options.constants);
  const mode: Mode = options.mode ?? 'expected';
  const seed = mode === 'expected' ? null : (options.seed ?? 1);
  const revealedSlots =
    mode === 'expected'
      ? 0
      : mode === 'seeded'
        ? c.slots
        : Math.max(0, Math.min(c.slots, options.revealedSlots ?? 0));
  const { weights, anchors } = scoringOf(c, options);

  const world: World =
    mode === 'seeded'
      ? {
          envs: [seededEnv(c, seed!)],
          branches: [{ label: `seed ${seed}`, probability: 1, choice: [] }],
        }
      : mode === 'conditional'
        ? conditionalWorld(c, seed!, revealedSlots, plan)
        : expectedWorld(c);
  const { envs, branches: branchList } = world;
  const runs = envs.map((env, i) => {
    const rec: Recorder = { slots: [], events: [] };
    const run = runPlan(c, plan.slots, env, rec);
    return { run, rec, env, weight: branchList[i]!.probability, label: branchList[i]!.label };
  });
  const metricsList = runs.map((r) => ({
    metrics: metricsOf(r.run, c.applicable),
    weight: r.weight,
  }));
  const metrics = runs.length === 1 ? metricsList[0]!.metrics : averageMetrics(metricsList);
  const { score, normalized } = scoreMetrics(metrics, anchors, weights);
  const modal = runs.reduce((a, b) => (b.weight > a.weight ? b : a));
  const averaged = averageRuns(runs);

  const planned = new Map<string, number>();
  plan.slots.forEach((ids, s) => ids.forEach((id) => planned.has(id) || planned.set(id, s)));
  const items: ItemOutcome[] = c.items.map((item) => {
    const doneAt = modal.run.doneAt[item.index]!;
    const startedAt = modal.run.startedAt[item.index]!;
    const plannedSlot = planned.get(item.id) ?? null;
    const wasQueued = Number.isFinite(startedAt) || (plannedSlot !== null && !item.injected);
    let status: ItemStatus;
    if (Number.isFinite(doneAt)) status = 'done';
    else if (
      item.injected &&
      !modal.env.choice.some(
        (v, e) => v === 1 && c.events[e]?.kind === 'injectItem' && c.events[e].item === item.index,
      )
    )
      status = 'not triggered';
    else status = wasQueued ? 'unfinished' : 'left out';
    const split = modal.run.split[item.index] === 1;
    const effort = modal.env.effort[item.index] ?? item.meanEffort;
    const partValue = modal.run.partValue[item.index]!;
    const part = split
      ? 'rest'
      : item.sliceOf >= 0 && Number.isFinite(doneAt)
        ? partValue > 0
          ? 'mvp'
          : 'wasted'
        : null;
    return {
      id: item.id,
      plannedSlot,
      status,
      startedAt: finite(startedAt),
      completedAt: finite(doneAt),
      effort: split ? effort * item.restEffort : effort,
      valueFactor: Number.isFinite(doneAt) ? modal.run.valueFactor[item.index]! : null,
      ...(part ? { part } : {}),
    };
  });

  const asks: AskOutcome[] = [];
  for (const s of c.stakeholders) {
    for (const a of s.asks) {
      const done = modal.run.doneAt;
      const at = renegotiatedAt(a, done);
      const terms = at === null ? null : a.terms;
      const scope = terms && terms.scope >= 0 ? done[terms.scope]! : Infinity;
      const doneAt = Math.min(a.item >= 0 ? done[a.item]! : Infinity, scope);
      const bySlot = terms ? terms.bySlot : a.bySlot;
      asks.push({
        stakeholder: s.id,
        item: c.items[a.item]?.id ?? '',
        bySlot: a.bySlot,
        completedAt: finite(doneAt),
        status: doneAt <= bySlot + 1 + 1e-9 ? 'met' : Number.isFinite(doneAt) ? 'late' : 'missed',
        ...(at !== null && terms
          ? {
              renegotiated: {
                by: c.items[terms.talk]!.id,
                at,
                bySlot: terms.bySlot,
                scope: terms.scope >= 0 ? c.items[terms.scope]!.id : null,
                trust: 1 - terms.credit,
              },
            }
          : {}),
      });
    }
  }

  const obligations: ObligationOutcome[] = c.obligations.map((o, i) => {
    const reportAt = modal.run.reportAt[i]!;
    return {
      id: o.id,
      title: o.title,
      deadlineSlot: o.deadline,
      reportAt: finite(reportAt),
      met: reportAt <= o.deadline + 1 + 1e-9,
    };
  });

  return {
    engineVersion: ENGINE_VERSION,
    scenarioId: scenario.id,
    mode,
    seed,
    revealedSlots,
    score,
    metrics,
    normalized,
    weights,
    anchors,
    ledger: averaged.ledger,
    totals: averaged.totals,
    slots: averageSlots(runs.map((r) => ({ slots: r.rec.slots, weight: r.weight }))),
    items,
    asks,
    obligations,
    events: modal.rec.events,
    branches: runs.map((r, i) => ({
      label: r.label,
      probability: r.weight,
      score: scoreMetrics(metricsList[i]!.metrics, anchors, weights).score,
    })),
    endDebt: averaged.endDebt,
    endArr: averaged.endArr,
    residualExposure: averaged.residualExposure,
  };
}

/**
 * A fast scorer for search and live previews: expected-mode score of a plan, nothing recorded.
 */
export function createEvaluator(
  scenario: Scenario,
  options: Pick<SimulateOptions, 'weights' | 'anchors' | 'constants'> = {},
): (plan: Plan) => number {
  const c = compile(scenario, options.constants);
  const { weights, anchors } = scoringOf(c, options);
  return (plan: Plan) => scoreMetrics(expectedMetrics(c, plan.slots), anchors, weights).score;
}

/**
 * The hidden facts shown to the learner once the first `played` slots of `plan` were played with
 * `seed` (round-by-round play): what its experiments and shipped items revealed.
 */
export function revealedAfter(
  scenario: Scenario,
  plan: Plan,
  seed: number,
  played: number,
  constants?: Partial<Constants>,
): Revealed[] {
  return revealedFacts(compile(scenario, constants), seed, plan, played);
}
