/**
 * Hidden facts (docs/model.md, "Hidden facts and experiments").
 *
 * An item may declare its true value as a few outcomes (`value.outcomes`: factors of its stated
 * ARR with their chances, weighing to its confidence), and its true effort as a few outcomes
 * (`effortOutcomes`: points with their chances, weighing to its stated effort). Each world draws
 * one outcome per such fact from the play's seed; the learner sees the estimate (stated ARR and
 * confidence, stated effort) until the item's facts are revealed — by an experiment that names
 * the item in `reveals` being done, or by the item itself shipping. Both facts of an item are
 * always revealed together.
 *
 * Scores are linear in an item's ARR, so the expected world needs no enumeration of the hidden
 * outcomes: an item whose value is not known counts at its expected ARR (stated × confidence), as
 * without hidden facts. An effort not known counts at its mean, as every estimate range does in
 * the expected world. A known fact counts at its drawn value. The functions here are pure; the
 * runs that find what a played slot revealed are in `expected.ts`.
 */
import { hazardOf, type Compiled } from './compile.ts';
import type { RunEnv } from './core.ts';
import type { Issue } from './issues.ts';
import { drawStream } from './rng.ts';
import type { Scenario } from './schema.ts';

export interface HiddenOutcome {
  factor: number;
  chance: number;
  label?: string | undefined;
}

export interface EffortOutcome {
  effort: number;
  chance: number;
  label?: string | undefined;
}

/** One item's hidden value. */
export interface HiddenValueFact {
  kind: 'value';
  /** Its key in a world's draws and in what is known: the item id. */
  key: string;
  item: string;
  index: number;
  /** The stated ARR (before confidence). */
  arr: number;
  confidence: number;
  outcomes: readonly HiddenOutcome[];
}

/** One item's hidden effort. */
export interface HiddenEffortFact {
  kind: 'effort';
  /** Its key in a world's draws and in what is known: `effort:<item>`. */
  key: string;
  item: string;
  index: number;
  /** The stated effort (the outcomes' mean). */
  effort: number;
  outcomes: readonly EffortOutcome[];
}

export interface LikelihoodOutcome {
  perYear: number;
  chance: number;
  label?: string | undefined;
}

/** One standing threat's hidden likelihood. */
export interface HiddenLikelihoodFact {
  kind: 'likelihood';
  /** Its key in a world's draws and in what is known: `likelihood:<threat>`. */
  key: string;
  /** The threat's id (an experiment names it in `reveals`). */
  item: string;
  /** The threat's index in `security.threats`. */
  index: number;
  /** The stated chance a year (the outcomes' mean). */
  perYear: number;
  outcomes: readonly LikelihoodOutcome[];
}

export type HiddenFact = HiddenValueFact | HiddenEffortFact | HiddenLikelihoodFact;

/** The key of an item's hidden effort (ids cannot hold a colon, so it meets no item id). */
export const effortKey = (item: string): string => `effort:${item}`;
/** The key of a threat's hidden likelihood. */
export const likelihoodKey = (threat: string): string => `likelihood:${threat}`;

/** A fact the learner has been shown. */
interface RevealedBase {
  item: string;
  /** Index into the fact's outcomes. */
  outcome: number;
  /** The item whose completion revealed it (an experiment, or the item itself). */
  by: string;
  /** The slot in which it was revealed. */
  slot: number;
}

/** A revealed value (no `kind`, as before efforts could be hidden). */
export interface RevealedValue extends RevealedBase {
  kind?: undefined;
  /** The true ARR at completion (stated ARR × the outcome's factor). */
  arr: number;
}

/** A revealed effort. */
export interface RevealedEffort extends RevealedBase {
  kind: 'effort';
  /** The true effort in points. */
  effort: number;
  arr?: undefined;
}

/** A revealed likelihood (`item` is the threat's id). */
export interface RevealedLikelihood extends RevealedBase {
  kind: 'likelihood';
  /** The true chance a year. */
  perYear: number;
  arr?: undefined;
}

export type Revealed = RevealedValue | RevealedEffort | RevealedLikelihood;

/** The key of a revealed fact in what is known (see `HiddenFact.key`). */
export const revealedKey = (fact: Revealed): string =>
  fact.kind === 'effort'
    ? effortKey(fact.item)
    : fact.kind === 'likelihood'
      ? likelihoodKey(fact.item)
      : fact.item;

/** How far the chances' weighted factor may be from the confidence. */
export const CONFIDENCE_TOLERANCE = 0.005;

/** The scenario's hidden values, in item order. */
export function hiddenFacts(scenario: Scenario): HiddenValueFact[] {
  const facts: HiddenValueFact[] = [];
  scenario.items.forEach((item, index) => {
    const outcomes = item.value.outcomes;
    if (outcomes)
      facts.push({
        kind: 'value',
        key: item.id,
        item: item.id,
        index,
        arr: item.value.arr,
        confidence: item.value.confidence,
        outcomes,
      });
  });
  return facts;
}

/** The scenario's hidden efforts, in item order. */
export function hiddenEfforts(scenario: Scenario): HiddenEffortFact[] {
  const facts: HiddenEffortFact[] = [];
  scenario.items.forEach((item, index) => {
    if (item.effortOutcomes)
      facts.push({
        kind: 'effort',
        key: effortKey(item.id),
        item: item.id,
        index,
        effort: item.effort,
        outcomes: item.effortOutcomes,
      });
  });
  return facts;
}

/** The scenario's hidden threat likelihoods, in threat order. */
export function hiddenLikelihoods(scenario: Scenario): HiddenLikelihoodFact[] {
  const facts: HiddenLikelihoodFact[] = [];
  (scenario.security?.threats ?? []).forEach((threat, index) => {
    if (threat.likelihoodOutcomes)
      facts.push({
        kind: 'likelihood',
        key: likelihoodKey(threat.id),
        item: threat.id,
        index,
        perYear: threat.perYear,
        outcomes: threat.likelihoodOutcomes,
      });
  });
  return facts;
}

/**
 * Every hidden fact of the scenario: values and efforts in item order (an item's value first),
 * then threat likelihoods in threat order.
 */
export function allHiddenFacts(scenario: Scenario): HiddenFact[] {
  const efforts = hiddenEfforts(scenario);
  const likelihoods = hiddenLikelihoods(scenario);
  if (efforts.length === 0 && likelihoods.length === 0) return hiddenFacts(scenario);
  const items: HiddenFact[] = [...hiddenFacts(scenario), ...efforts];
  return [...items.sort((a, b) => a.index - b.index), ...likelihoods];
}

/** The keys of an item's hidden facts (none when it has none). */
export function factKeysOf(scenario: Scenario, item: string): string[] {
  return allHiddenFacts(scenario)
    .filter((f) => f.item === item)
    .map((f) => f.key);
}

/** Whether every hidden fact of an item is in `known` (true for an item with none). */
export function isKnown(scenario: Scenario, item: string, known: ReadonlyMap<string, number>) {
  return factKeysOf(scenario, item).every((key) => known.has(key));
}

/** Joint outcomes of some hidden facts (by key), with their probabilities (independent). */
export function outcomesOf(
  scenario: Scenario,
  keys: readonly string[],
): { p: number; o: Map<string, number> }[] {
  let combos = [{ p: 1, o: new Map<string, number>() }];
  for (const fact of allHiddenFacts(scenario).filter((f) => keys.includes(f.key)))
    combos = combos.flatMap(({ p, o }) =>
      fact.outcomes
        .map((outcome, k) => ({ p: p * outcome.chance, o: new Map([...o, [fact.key, k]]) }))
        .filter((combo) => combo.p > 0),
    );
  return combos;
}

/** The scenario with every hidden fact at its expectation (the outcomes taken away). */
export function withoutHiddenFacts(scenario: Scenario): Scenario {
  if (allHiddenFacts(scenario).length === 0) return scenario;
  return {
    ...scenario,
    items: scenario.items.map((item) => {
      if (!item.value.outcomes && !item.effortOutcomes) return item;
      const { outcomes: _, ...value } = item.value;
      const { effortOutcomes: _e, ...rest } = item;
      return { ...rest, value };
    }),
    ...(scenario.security
      ? {
          security: {
            ...scenario.security,
            threats: scenario.security.threats.map((threat) => {
              if (!threat.likelihoodOutcomes) return threat;
              const { likelihoodOutcomes: _l, ...rest } = threat;
              return rest;
            }),
          },
        }
      : {}),
  };
}

/** The experiments of a scenario: item id → the items whose facts it reveals. */
export function experimentsOf(scenario: Scenario): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const item of scenario.items)
    if (item.reveals && item.reveals.length > 0) out.set(item.id, item.reveals);
  return out;
}

/** Semantic checks of hidden facts and experiments (after the schema's). */
export function checkHidden(s: Scenario): Issue[] {
  const issues: Issue[] = [];
  const hidden = new Set(
    allHiddenFacts(s).flatMap((f) => (f.kind === 'likelihood' ? [] : [f.item])),
  );
  const threats = s.security?.threats ?? [];
  threats.forEach((threat, i) => issues.push(...checkLikelihoodOutcomes(threat, i)));
  s.items.forEach((item, i) => {
    const at = `items[${i}]`;
    const outcomes = item.value.outcomes;
    if (outcomes) {
      const total = outcomes.reduce((sum, o) => sum + o.chance, 0);
      const mean = outcomes.reduce((sum, o) => sum + o.chance * o.factor, 0);
      if (Math.abs(total - 1) > 1e-6)
        issues.push({
          path: `${at}.value.outcomes`,
          message: `the chances add up to ${round(total)}, not 1`,
        });
      else if (Math.abs(mean - item.value.confidence) > CONFIDENCE_TOLERANCE)
        issues.push({
          path: `${at}.value.outcomes`,
          message: `the outcomes weigh to a factor of ${round(mean)}, but the confidence is ${item.value.confidence}: the confidence is the expected share of the stated ARR, so they must agree`,
        });
      if (!(item.value.arr > 0))
        issues.push({
          path: `${at}.value.outcomes`,
          message: 'hidden outcomes need a positive arr to scale',
        });
    }
    issues.push(...checkEffortOutcomes(s, i));
    (item.reveals ?? []).forEach((target, j) => {
      const path = `${at}.reveals[${j}]`;
      const threat = threats.find((x) => x.id === target);
      const isItem = s.items.some((other) => other.id === target);
      if (target === item.id) issues.push({ path, message: `"${item.id}" cannot reveal itself` });
      else if (threat && isItem)
        issues.push({
          path,
          message: `"${target}" names both an item and a threat: give one of them another id`,
        });
      else if (threat) {
        if (!threat.likelihoodOutcomes)
          issues.push({
            path,
            message: `threat "${target}" has no hidden likelihood to reveal (give it likelihoodOutcomes)`,
          });
      } else if (!isItem) issues.push({ path, message: `unknown item "${target}"` });
      else if (!hidden.has(target))
        issues.push({
          path,
          message: `"${target}" has no hidden value to reveal (give it value.outcomes)`,
        });
    });
  });
  return issues;
}

/** The checks of one threat's hidden likelihood. */
function checkLikelihoodOutcomes(
  threat: NonNullable<Scenario['security']>['threats'][number],
  i: number,
): Issue[] {
  const outcomes = threat.likelihoodOutcomes;
  if (!outcomes) return [];
  const path = `security.threats[${i}].likelihoodOutcomes`;
  const total = outcomes.reduce((sum, o) => sum + o.chance, 0);
  const mean = outcomes.reduce((sum, o) => sum + o.chance * o.perYear, 0);
  if (Math.abs(total - 1) > 1e-6)
    return [{ path, message: `the chances add up to ${round(total)}, not 1` }];
  if (Math.abs(mean - threat.perYear) > CONFIDENCE_TOLERANCE)
    return [
      {
        path,
        message: `the outcomes weigh to ${round(mean)} a year, but perYear is ${threat.perYear}: the stated chance is the expected chance, so they must agree`,
      },
    ];
  return [];
}

/** The checks of one item's hidden effort. */
function checkEffortOutcomes(s: Scenario, i: number): Issue[] {
  const item = s.items[i]!;
  const outcomes = item.effortOutcomes;
  if (!outcomes) return [];
  const path = `items[${i}].effortOutcomes`;
  const issues: Issue[] = [];
  const total = outcomes.reduce((sum, o) => sum + o.chance, 0);
  const mean = outcomes.reduce((sum, o) => sum + o.chance * o.effort, 0);
  if (Math.abs(total - 1) > 1e-6)
    issues.push({ path, message: `the chances add up to ${round(total)}, not 1` });
  else if (Math.abs(mean - item.effort) > CONFIDENCE_TOLERANCE * item.effort)
    issues.push({
      path,
      message: `the outcomes weigh to ${round(mean)} points, but the effort is ${item.effort}: the stated effort is the expected effort, so they must agree`,
    });
  if (item.estimate)
    issues.push({
      path,
      message:
        'an item with a hidden effort has no estimate range: its outcomes are the range (remove "estimate")',
    });
  if (item.sliceOf || s.items.some((other) => other.sliceOf?.item === item.id))
    issues.push({
      path,
      message: `"${item.id}" is ${item.sliceOf ? 'an MVP slice' : 'a sliced feature'}: a sliced feature and its slice keep a stated effort (their shares come from it)`,
    });
  return issues;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The outcome a world draws for one fact: inverse CDF of its chances on the seed's roll. */
export function drawOutcome(scenarioId: string, seed: number, fact: HiddenFact): number {
  const u = drawStream(scenarioId, seed, `hidden:${fact.key}`, 1)[0] ?? 0;
  let acc = 0;
  for (let k = 0; k < fact.outcomes.length; k++) {
    acc += fact.outcomes[k]!.chance;
    if (u < acc) return k;
  }
  return fact.outcomes.length - 1;
}

/** Every hidden fact of a world: fact key → outcome index. */
export function drawWorld(scenario: Scenario, seed: number): Map<string, number> {
  return new Map(
    allHiddenFacts(scenario).map((fact) => [fact.key, drawOutcome(scenario.id, seed, fact)]),
  );
}

/**
 * ARR per item index at completion when the facts in `known` are known and the others are
 * expected; undefined when the scenario has no hidden values (the compiled expectation holds).
 */
export function arrWith(c: Compiled, known: ReadonlyMap<string, number>): number[] | undefined {
  const facts = hiddenFacts(c.scenario);
  if (facts.length === 0 || known.size === 0) return undefined;
  const arr = c.items.map((item) => item.arr);
  for (const fact of facts) {
    const k = known.get(fact.key);
    if (k !== undefined) arr[fact.index] = fact.arr * fact.outcomes[k]!.factor;
  }
  // An MVP slice brings its share of its feature's value, whatever that turns out to be.
  for (const item of c.items)
    if (item.sliceOf >= 0)
      arr[item.index] = arr[item.sliceOf]! * (1 - c.items[item.sliceOf]!.restValue);
  return arr;
}

/**
 * `effort` (points per item index) with each hidden effort at its outcome in `known`, or at its
 * mean when it is not known.
 */
export function effortWith(
  c: Compiled,
  known: ReadonlyMap<string, number>,
  effort: number[],
): number[] {
  const facts = hiddenEfforts(c.scenario);
  if (facts.length === 0) return effort;
  const out = [...effort];
  for (const fact of facts) {
    const k = known.get(fact.key);
    out[fact.index] = k === undefined ? c.items[fact.index]!.meanEffort : fact.outcomes[k]!.effort;
  }
  return out;
}

/**
 * Each threat's uncontrolled hazard per slot with the likelihoods in `known` at their drawn
 * chance a year; undefined when none is known (the compiled hazards hold).
 */
export function hazardWith(
  c: Compiled,
  known: ReadonlyMap<string, number>,
): readonly number[] | undefined {
  let out: number[] | undefined;
  for (const fact of hiddenLikelihoods(c.scenario)) {
    const k = known.get(fact.key);
    if (k === undefined) continue;
    out ??= [...c.threatHazard];
    out[fact.index] = hazardOf(fact.outcomes[k]!.perYear, c.slotsPerYear);
  }
  return out;
}

/**
 * An environment in which exactly the facts in `known` are known (values, efforts and
 * likelihoods): the others count at their expectation, whatever the environment had.
 */
export function envWith(c: Compiled, env: RunEnv, known: ReadonlyMap<string, number>): RunEnv {
  return {
    ...env,
    effort: effortWith(c, known, env.effort),
    arr: arrWith(c, known),
    threatHazard: hazardWith(c, known),
  };
}

/**
 * The facts revealed by a run whose completion times are `doneAt` (by item index, in slots),
 * within the first `slots` slots of the world `drawn`: an experiment done reveals its targets'
 * facts, an item done reveals its own, and an item started (`startedAt`) reveals its effort by
 * the end of the slot it started in (working on it shows its size). The earliest reveal of each
 * fact counts; sorted by slot, then item (a value before an effort).
 */
export function revealedBy(
  c: Compiled,
  doneAt: readonly number[],
  slots: number,
  drawn: ReadonlyMap<string, number>,
  startedAt: readonly number[] = [],
): Revealed[] {
  const facts = allHiddenFacts(c.scenario);
  if (facts.length === 0) return [];
  const found = new Map<string, Revealed>();
  /** Reveals the facts of `target`: its own (an item's, never a threat's), or an experiment's. */
  const reveal = (target: string, by: string, at: number, own?: 'effort' | 'all') => {
    const slot = Math.max(0, Math.ceil(at - 1e-9) - 1);
    for (const fact of facts) {
      if (fact.item !== target) continue;
      if (own && (fact.kind === 'likelihood' || (own === 'effort' && fact.kind !== 'effort')))
        continue;
      const outcome = drawn.get(fact.key);
      if (outcome === undefined) continue;
      const earlier = found.get(fact.key);
      if (earlier && earlier.slot <= slot) continue;
      found.set(
        fact.key,
        fact.kind === 'value'
          ? { item: target, outcome, arr: fact.arr * fact.outcomes[outcome]!.factor, by, slot }
          : fact.kind === 'effort'
            ? {
                kind: 'effort',
                item: target,
                outcome,
                effort: fact.outcomes[outcome]!.effort,
                by,
                slot,
              }
            : {
                kind: 'likelihood',
                item: target,
                outcome,
                perYear: fact.outcomes[outcome]!.perYear,
                by,
                slot,
              },
      );
    }
  };
  c.scenario.items.forEach((item, i) => {
    // Started at t, its size is known by the end of slot ⌊t⌋ (the end of that slot is ⌊t⌋ + 1).
    const start = startedAt[i] ?? Infinity;
    if (start < slots - 1e-9) reveal(item.id, item.id, Math.floor(start + 1e-9) + 1, 'effort');
    const at = doneAt[i] ?? Infinity;
    if (!(at <= slots + 1e-9)) return;
    for (const target of item.reveals ?? []) reveal(target, item.id, at);
    reveal(item.id, item.id, at, 'all');
  });
  const order = (f: Revealed) => (f.kind === 'effort' ? 1 : f.kind === 'likelihood' ? 2 : 0);
  return [...found.values()].sort(
    (a, b) => a.slot - b.slot || a.item.localeCompare(b.item) || order(a) - order(b),
  );
}
