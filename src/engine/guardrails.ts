/**
 * The guard-rails every shipped scenario passes (MODEL.md §9): par mixes work types, no single
 * rule wins, the lesson survives perturbed constants, par is robust to luck, the engine is
 * deterministic and monotone. `npm run scenarios:check` runs them on every file and across the
 * library; the app and the authoring guide explain them. These are checks for scenario authors, like
 * the loader's issues: their details name strategies by id (`features-first`), the ids the command
 * line and the scenario files use.
 */
import { experimentsOf, withoutHiddenFacts } from './hidden.ts';
import { valueOfInformation } from './voi.ts';
import { anchorsWith, batteryMoney } from './anchors.ts';
import { compile, scenarioConstants, type Compiled } from './compile.ts';
import { metricResolution, widenAnchors } from './score.ts';
import { CONSTANT_NAMES, type Constants } from './constants.ts';
import { computeLenses } from './lenses.ts';
import { findPar, scoreObjective, searchPlans, weightsKey } from './par.ts';
import type { Plan } from './plan.ts';
import type { Anchors, ItemType, Scenario } from './schema.ts';
import { distributionOf, seededScores } from './seeds.ts';
import { scoringOf, simulate } from './simulate.ts';
import { STRATEGIES, strategyPlans, type StrategyId } from './strategies.ts';
import { ENGINE_VERSION } from './version.ts';

/** Rule 9.8: points by which adaptive par must beat playing without experiments, and every experiment first. */
export const VOI_MARGIN = 4;
export interface RuleResult {
  /** MODEL.md section, e.g. "9.2". */
  rule: string;
  name: string;
  ok: boolean;
  detail: string;
}

export interface ScenarioReport {
  id: string;
  title: string;
  difficulty: number;
  par: { plan: Plan; score: number; types: ItemType[]; featureShare: number };
  strategies: { id: StrategyId; kind: string; score: number }[];
  /** The battery's best and worst strategy. */
  best: { id: StrategyId; score: number };
  worst: { id: StrategyId; score: number };
  rules: RuleResult[];
  ok: boolean;
}

export interface CheckOptions {
  /** Anchors to score with (default: the scenario's baked or battery anchors). */
  anchors?: Anchors;
  /** Par to check (default: the baked par, else a fresh search). */
  par?: Plan;
  /** Evaluation budget of par searches (default 60,000) and of perturbed ones (default 8,000). */
  budget?: number;
  perturbBudget?: number;
  /** Seeded runs per strategy for rule 9.5 (default 200). */
  seeds?: number;
  /** Relative change of each constant for rule 9.4 (default 0.25). */
  perturbation?: number;
}

const NAIVE: readonly StrategyId[] = [
  'do-nothing',
  'features-first',
  'debt-scale-first',
  'security-compliance-first',
];

/** Item types present in a plan, by planned effort share. */
function typesOf(c: Compiled, plan: Plan): { types: ItemType[]; featureShare: number } {
  const items = plan.slots
    .flat()
    .map((id) => c.items[c.index.get(id) ?? -1])
    .filter((i) => i !== undefined);
  const total = items.reduce((a, i) => a + i.meanEffort, 0);
  const features = items.filter((i) => i.type === 'feature').reduce((a, i) => a + i.meanEffort, 0);
  return {
    types: [...new Set(items.map((i) => i.type))].sort(),
    featureShare: total > 0 ? features / total : 0,
  };
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const union = new Set([...a, ...b]);
  if (union.size === 0) return 1;
  let both = 0;
  for (const x of a) if (b.has(x)) both += 1;
  return both / union.size;
}

/** A stated history the model's own rates make unlikely: below this chance, the check warns. */
export const IMPROBABLE_HISTORY = 0.05;

export interface HistoryCheck {
  event: string;
  title: string;
  quietYears: number;
  /** Slots a year the event can happen in (the scenario's year taken as typical). */
  slotsAtRisk: number;
  /** The chance of the stated quiet years under the event's rate. */
  chance: number;
  improbable: boolean;
  detail: string;
}

/**
 * The chance, under the scenario's own rates, of each history its brief states: an event that
 * "has not happened in N years" (`history.quietYears` on a cascade) at probability p a slot, for
 * the slots a year at risk (from `fromSlot` to the end, scaled to a year), is
 * (1 − p)^(slots at risk × N). Below 5%, the brief and the rate disagree.
 */
export function historyChecks(scenario: Scenario): HistoryCheck[] {
  const slots = scenario.time.labels.length;
  const perYear = scenario.time.slotsPerYear;
  const slot = perYear === 4 ? 'quarter' : perYear === 12 ? 'month' : 'slot';
  return scenario.events.flatMap((event) => {
    if (event.kind !== 'cascade' || !event.history) return [];
    const slotsAtRisk = (Math.max(0, slots - event.fromSlot) * perYear) / slots;
    const years = event.history.quietYears;
    const chance = (1 - event.probability) ** (slotsAtRisk * years);
    const improbable = chance < IMPROBABLE_HISTORY;
    const pct = (x: number) => `${(x * 100).toFixed(x < 0.01 ? 2 : 1)}%`;
    return [
      {
        event: event.id,
        title: event.title,
        quietYears: years,
        slotsAtRisk,
        chance,
        improbable,
        detail: `“${event.title}”: the brief says it has not happened in ${years} years; at ${pct(event.probability)} a ${slot} for ${slotsAtRisk.toFixed(1).replace(/\.0$/, '')} ${slot}s a year that is ${pct(chance)} likely${improbable ? ' — lower the rate, or say in the brief what changed' : ''}.`,
      },
    ];
  });
}

/** Is the baked par and anchors data current for this engine and the scenario's weights? */
export function bakedState(scenario: Scenario): { ok: boolean; detail: string } {
  const c = compile(scenario);
  if (!scenario.scoring.anchors?.revenue)
    return { ok: false, detail: 'no baked anchors (run `npm run scenarios:check -- --write`)' };
  const par = scenario.par;
  if (!par) return { ok: false, detail: 'no baked par (run `npm run scenarios:check -- --write`)' };
  if (par.engineVersion !== ENGINE_VERSION)
    return {
      ok: false,
      detail: `par was baked with engine ${par.engineVersion}, this is ${ENGINE_VERSION}: re-bake with --write`,
    };
  if (par.weightsKey !== weightsKey(c.weights))
    return { ok: false, detail: 'par was baked for other weights: re-bake with --write' };
  const score = simulate(scenario, par.plan).score;
  if (Math.abs(score - par.score) > 1e-6)
    return {
      ok: false,
      detail: `baked par scores ${score.toFixed(3)}, not the ${par.score.toFixed(3)} recorded: re-bake with --write`,
    };
  return { ok: true, detail: `par ${par.score.toFixed(1)} baked with engine ${par.engineVersion}` };
}

/**
 * Runs the per-scenario guard-rails (§9.1, 9.2, 9.4–9.7).
 * @returns the strategy table, par and one result per rule.
 */
export function checkScenario(scenario: Scenario, options: CheckOptions = {}): ScenarioReport {
  const c = compile(scenario);
  const { weights, anchors } = scoringOf(c, options.anchors ? { anchors: options.anchors } : {});
  const scoring = { anchors };
  const budget = options.budget ?? 60_000;
  const parPlan = options.par ?? scenario.par?.plan ?? findPar(scenario, { anchors, budget }).plan;
  const parOutcome = simulate(scenario, parPlan, scoring);
  const parScore = parOutcome.score;
  const plans = strategyPlans(c);
  const strategies = STRATEGIES.map((s) => ({
    id: s.id,
    kind: s.kind,
    score: simulate(scenario, plans[s.id], scoring).score,
  }));
  const sorted = [...strategies].sort((a, b) => b.score - a.score);
  const rules: RuleResult[] = [];
  const { types, featureShare } = typesOf(c, parPlan);

  // 9.1 Par mixes work types and leaves a tempting feature out.
  const needTypes = scenario.difficulty === 1 ? 2 : 3;
  const lenses = computeLenses(c).filter((r) => r.type === 'feature');
  const byRice = [...lenses].sort((a, b) => b.rice - a.rice);
  const byArr = [...lenses].sort(
    (a, b) =>
      (scenario.items.find((i) => i.id === b.id)?.value.arr ?? 0) -
      (scenario.items.find((i) => i.id === a.id)?.value.arr ?? 0),
  );
  const half = Math.max(1, Math.ceil(lenses.length / 2));
  const tempting = new Set([...byRice.slice(0, half), ...byArr.slice(0, half)].map((r) => r.id));
  const planned = new Set(parPlan.slots.flat());
  const leftOut = [...tempting].filter((id) => !planned.has(id));
  rules.push({
    rule: '9.1',
    name: 'par mixes work types and says no to a tempting feature',
    ok: types.length >= needTypes && leftOut.length > 0,
    detail: `par uses ${types.length} type${types.length === 1 ? '' : 's'} (${types.join(', ')}; needs ${needTypes})${leftOut.length > 0 ? `; leaves out ${leftOut.join(', ')}` : '; leaves out no tempting feature'}`,
  });

  // 9.2 No single-type or framework rule comes within 5 points; a framework within ~15.
  const ruled = strategies.filter((s) => s.kind === 'single-type' || s.kind === 'framework');
  const tooClose = ruled.filter((s) => parScore - s.score < 5);
  const frameworks = strategies.filter((s) => s.kind === 'framework');
  const bestFramework = frameworks.reduce((a, b) => (b.score > a.score ? b : a));
  const frameworkGap = parScore - bestFramework.score;
  rules.push({
    rule: '9.2',
    name: 'no single rule matches par; frameworks are useful, not sufficient',
    ok: tooClose.length === 0 && frameworkGap <= 15,
    detail:
      (tooClose.length > 0
        ? `within 5 points of par: ${tooClose.map((s) => `${s.id} (${s.score.toFixed(1)})`).join(', ')}`
        : `every single-type and framework rule is ≥ 5 below par`) +
      `; best framework ${bestFramework.id} is ${frameworkGap.toFixed(1)} below par${frameworkGap > 15 ? ' (more than 15)' : ''}`,
  });

  // 9.4 Perturbing each constant by ±p changes par's item set only modestly.
  const p = options.perturbation ?? 0.25;
  const base = new Set(parPlan.slots.flat());
  let worst = { name: '', jaccard: 1, types: types.length };
  const constants = scenarioConstants(scenario);
  for (const name of CONSTANT_NAMES) {
    const baseValue = constants[name];
    if (!(baseValue > 0)) continue;
    for (const sign of [-1, 1]) {
      const overrides: Partial<Constants> = { [name]: baseValue * (1 + sign * p) };
      const cp = compile(scenario, overrides);
      // Anchors of the perturbed model (battery and the base par), so a constant that rescales a
      // metric (terminal years rescale revenue) does not push it outside the baked anchors.
      const perturbed = widenAnchors(
        anchorsWith(cp, batteryMoney(cp, [parPlan])),
        metricResolution(scenario.start, cp.sle),
      );
      const found = searchPlans(cp, scoreObjective(weights, perturbed), {
        budget: options.perturbBudget ?? 8_000,
        starts: [parPlan],
      });
      const j = jaccard(base, new Set(found.plan.slots.flat()));
      const t = typesOf(cp, found.plan).types.length;
      if (j < worst.jaccard || t < worst.types)
        worst = { name: `${name} ${sign > 0 ? '+' : '−'}${p * 100}%`, jaccard: j, types: t };
    }
  }
  rules.push({
    rule: '9.4',
    name: 'the lesson survives ±25% on every constant',
    ok: worst.jaccard >= 0.5 && worst.types >= needTypes,
    detail:
      worst.name === ''
        ? 'par unchanged under every perturbation'
        : `worst: ${worst.name} keeps ${(worst.jaccard * 100).toFixed(0)}% of par's items (needs 50%) and ${worst.types} types`,
  });

  // 9.5 Over many seeds, par's 10th percentile beats the median of every naive strategy. The
  // seeds roll the dice; hidden facts stay at their expectation (a bet on one is what the
  // value-of-information rules judge: committed par is blind to it by definition).
  const runs = options.seeds ?? 200;
  const dice = withoutHiddenFacts(scenario);
  const parP10 = distributionOf(seededScores(dice, parPlan, { runs, anchors })).p10;
  const naive = NAIVE.map((id) => ({
    id,
    p50: distributionOf(seededScores(dice, plans[id], { runs, anchors })).p50,
  }));
  const bestNaive = naive.reduce((a, b) => (b.p50 > a.p50 ? b : a));
  rules.push({
    rule: '9.5',
    name: `par's 10th percentile beats the naive strategies' medians (${runs} seeds)`,
    ok: parP10 > bestNaive.p50,
    detail: `par P10 ${parP10.toFixed(1)} vs best naive median ${bestNaive.p50.toFixed(1)} (${bestNaive.id})`,
  });

  // 9.6 Determinism.
  const a = JSON.stringify(simulate(scenario, parPlan, { ...scoring, mode: 'seeded', seed: 7 }));
  const b = JSON.stringify(simulate(scenario, parPlan, { ...scoring, mode: 'seeded', seed: 7 }));
  const e1 = simulate(scenario, parPlan, { ...scoring, seed: 1 }).score;
  const e2 = simulate(scenario, parPlan, { ...scoring, seed: 2 }).score;
  rules.push({
    rule: '9.6',
    name: 'deterministic; the expected score ignores the seed',
    ok: a === b && e1 === e2,
    detail: a === b && e1 === e2 ? 'identical outputs' : 'outputs differ between identical runs',
  });

  // 9.7 Monotonicity and conservation.
  rules.push(monotonicity(scenario, c, [parPlan, ...Object.values(plans)]));

  // 9.8 Where experiments exist, information is worth buying and has a price.
  if (experimentsOf(scenario).size > 0) {
    const voi = valueOfInformation(scenario, { anchors });
    const buys = voi.adaptive - voi.withoutExperiments;
    const price = voi.adaptive - voi.everyExperiment;
    rules.push({
      rule: '9.8',
      name: `information is worth buying and has a price: adaptive par beats the best play without experiments, and running every experiment first, by ≥ ${VOI_MARGIN}`,
      ok: buys >= VOI_MARGIN && price >= VOI_MARGIN,
      detail: `adaptive par ${voi.adaptive.toFixed(1)} (committed par ${voi.committed.toFixed(1)}, value of information ${voi.voi.toFixed(1)}); without experiments ${voi.withoutExperiments.toFixed(1)} (${buys.toFixed(1)} below); every experiment first ${voi.everyExperiment.toFixed(1)} (${price.toFixed(1)} below)`,
    });
  }

  return {
    id: scenario.id,
    title: scenario.title,
    difficulty: scenario.difficulty,
    par: { plan: parPlan, score: parScore, types, featureShare },
    strategies,
    best: { id: sorted[0]!.id, score: sorted[0]!.score },
    worst: { id: sorted[sorted.length - 1]!.id, score: sorted[sorted.length - 1]!.score },
    rules,
    ok: rules.every((r) => r.ok),
  };
}

/** §9.7: closing a vulnerability earlier never raises breach risk; capacity never raises utilization; capacity is conserved. */
function monotonicity(scenario: Scenario, c: Compiled, plans: readonly Plan[]): RuleResult {
  const problems: string[] = [];
  const last = c.slots - 1;
  const alone = (id: string, slot: number): Plan => ({
    slots: c.labels.map((_, s) => (s === slot ? [id] : [])),
  });
  // Ceteris paribus: no debt-linked baseline, so only the vulnerability's own hazard moves.
  const still = { ...scenario, constants: { ...(scenario.constants ?? {}), stalenessHazard: 0 } };
  for (const item of scenario.items) {
    if (item.injected) continue;
    if (item.effects.closes.length > 0 && last > 0) {
      const early = simulate(still, alone(item.id, 0));
      const late = simulate(still, alone(item.id, last));
      early.slots.forEach((s, t) => {
        if (s.breachProbability > late.slots[t]!.breachProbability + 1e-12)
          problems.push(`${item.id} closed earlier raised breach probability in ${s.label}`);
      });
    }
    if (item.effects.capacityAdd > 0 && scenario.demand) {
      const none = simulate(scenario, { slots: c.labels.map(() => []) });
      const withIt = simulate(scenario, alone(item.id, 0));
      withIt.slots.forEach((s, t) => {
        if (s.utilization > none.slots[t]!.utilization + 1e-12)
          problems.push(`${item.id} raised utilization in ${s.label}`);
      });
    }
  }
  for (const plan of plans) {
    for (const s of simulate(scenario, plan).slots) {
      if (
        s.delivered > s.workingCapacity + 1e-9 ||
        s.workingCapacity > s.effectiveCapacity + 1e-9 ||
        s.effectiveCapacity > s.capacity + 1e-9
      )
        problems.push(`capacity exceeded in ${s.label}`);
    }
  }
  return {
    rule: '9.7',
    name: 'monotone risk and utilization; capacity never exceeded',
    ok: problems.length === 0,
    detail: problems.length === 0 ? 'holds' : problems.slice(0, 3).join('; '),
  };
}

/** §9.3, across the library: no strategy is best too often, and features-first wins somewhere. */
export function checkLibrary(reports: readonly ScenarioReport[]): RuleResult[] {
  const wins = new Map<string, number>();
  for (const r of reports) wins.set(r.best.id, (wins.get(r.best.id) ?? 0) + 1);
  const [topId, topWins] = [...wins.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const featureScenario = reports.find((r) => {
    const single = r.strategies.filter((s) => s.kind === 'single-type');
    const bestSingle = single.reduce((a, b) => (b.score > a.score ? b : a));
    return r.par.featureShare >= 0.6 && bestSingle.id === 'features-first';
  });
  return [
    {
      rule: '9.3a',
      name: 'no strategy is best in more than half the scenarios',
      ok: reports.length === 0 || topWins <= reports.length / 2,
      detail: `most wins: ${topId || '—'} in ${topWins} of ${reports.length}`,
    },
    {
      rule: '9.3b',
      name: 'at least one scenario rewards features first',
      ok: featureScenario !== undefined,
      detail: featureScenario
        ? `${featureScenario.id}: par puts ${(featureScenario.par.featureShare * 100).toFixed(0)}% of its effort into features, and features-first is the best single-type rule`
        : 'no scenario where par is feature-heavy and features-first is the best single-type rule',
    },
  ];
}
