/**
 * The debrief's heavy work, as pure functions of plain JSON: the counterfactual debrief with the
 * framework lenses and the strategy battery, and the spread of scores over many seeded runs. The
 * debrief worker runs them off the main thread; where workers are unavailable the client runs
 * them in the page instead.
 */
import {
  STRATEGIES,
  compile,
  computeLenses,
  orderBy,
  simulate,
  strategyPlans,
  type LensName,
  type LensRow,
  type Plan,
  type Scenario,
  type StrategyInfo,
  type Weights,
} from '../engine';
import { debrief, type Debrief } from '../explain/debrief';
import { pathToPar, type MovePath } from '../explain/path';
import { seedDistribution, type Distribution } from '../engine/seeds';

export interface AnalysisInput {
  plan: Plan;
  /** Par's plan; null when par is unknown (the battery's best plan stands in). */
  par: Plan | null;
  /** The seeded run's seed (the story). */
  seed: number;
  weights?: Weights;
}

/** What one strategy of the battery would have planned, and how it scores. */
export interface StrategyResult extends StrategyInfo {
  plan: Plan;
  /** Expected score, 0–100. */
  score: number;
  /**
   * How the rule ranks the backlog, best first: the lens order for RICE, ICE, WSJF and CD3, the
   * packed plan's order for the others.
   */
  order: string[];
}

export interface Analysis {
  debrief: Debrief;
  /** The plan compared against: par as given, or the best strategy when par was unknown. */
  par: Plan;
  parSource: 'given' | 'battery';
  /** Every lens for every backlog item, in scenario order. */
  lenses: LensRow[];
  /** The strategy battery, in the engine's order. */
  strategies: StrategyResult[];
  /** The moves from the plan toward par, each with the plan after it. */
  path: MovePath;
}

export interface SpreadInput {
  plan: Plan;
  par: Plan;
  /** Seeded runs per plan (seeds 1…runs: the same dice for both plans). */
  runs: number;
  weights?: Weights;
}

export interface Spread {
  yours: Distribution;
  par: Distribution;
}

const LENS_OF: Partial<Record<StrategyResult['id'], LensName>> = {
  rice: 'rice',
  ice: 'ice',
  wsjf: 'wsjf',
  cd3: 'cd3',
};

/** Debrief, lenses and the strategy battery for one play. */
export function analyzePlay(scenario: Scenario, input: AnalysisInput): Analysis {
  const scoring = input.weights ? { weights: input.weights } : {};
  const c = compile(scenario);
  const lenses = computeLenses(c);
  const plans = strategyPlans(c, lenses);
  const strategies: StrategyResult[] = STRATEGIES.map((info) => {
    const plan = plans[info.id];
    const lens = LENS_OF[info.id];
    return {
      ...info,
      plan,
      score: simulate(scenario, plan, scoring).score,
      order: lens ? orderBy(lenses, lens) : plan.slots.flat(),
    };
  });
  let par = input.par;
  let parSource: Analysis['parSource'] = 'given';
  if (par === null) {
    const best = strategies.reduce((a, b) => (b.score > a.score ? b : a));
    par = best.plan;
    parSource = 'battery';
  }
  const result = debrief(scenario, input.plan, {
    par,
    seed: input.seed,
    ...(input.weights ? { weights: input.weights } : {}),
  });
  const path = pathToPar(
    scenario,
    input.plan,
    par,
    input.weights ? { weights: input.weights } : {},
  );
  return { debrief: result, par, parSource, lenses, strategies, path };
}

/** The distribution of seeded scores of the plan and of par, on the same seeds. */
export function seedSpread(scenario: Scenario, input: SpreadInput): Spread {
  const options = { runs: input.runs, ...(input.weights ? { weights: input.weights } : {}) };
  return {
    yours: seedDistribution(scenario, input.plan, options),
    par: seedDistribution(scenario, input.par, options),
  };
}
