/**
 * Hidden facts (docs/model.md, "Hidden facts and experiments").
 *
 * An item may declare its true value as a few outcomes (`value.outcomes`: factors of its stated
 * ARR with their chances, weighing to its confidence). Each world draws one outcome per such
 * item from the play's seed; the learner sees the estimate (stated ARR and confidence) until the
 * fact is revealed — by an experiment that names the item in `reveals` being done, or by the item
 * itself shipping.
 *
 * Scores are linear in an item's ARR, so the expected world needs no enumeration of the hidden
 * outcomes: an item whose fact is not known counts at its expected ARR (stated × confidence), as
 * without hidden facts; a known fact counts at its drawn value. The functions here are pure; the
 * runs that find what a played slot revealed are in `expected.ts`.
 */
import type { Compiled } from './compile.ts';
import type { Issue } from './issues.ts';
import { drawStream } from './rng.ts';
import type { Scenario } from './schema.ts';

export interface HiddenOutcome {
  factor: number;
  chance: number;
  label?: string | undefined;
}

/** One item's hidden value. */
export interface HiddenFact {
  item: string;
  index: number;
  /** The stated ARR (before confidence). */
  arr: number;
  confidence: number;
  outcomes: readonly HiddenOutcome[];
}

/** A fact the learner has been shown. */
export interface Revealed {
  item: string;
  /** Index into the fact's outcomes. */
  outcome: number;
  /** The true ARR at completion (stated ARR × the outcome's factor). */
  arr: number;
  /** The item whose completion revealed it (an experiment, or the item itself). */
  by: string;
  /** The slot in which it was revealed. */
  slot: number;
}

/** How far the chances' weighted factor may be from the confidence. */
export const CONFIDENCE_TOLERANCE = 0.005;

/** The scenario's hidden facts, in item order. */
export function hiddenFacts(scenario: Scenario): HiddenFact[] {
  const facts: HiddenFact[] = [];
  scenario.items.forEach((item, index) => {
    const outcomes = item.value.outcomes;
    if (outcomes)
      facts.push({
        item: item.id,
        index,
        arr: item.value.arr,
        confidence: item.value.confidence,
        outcomes,
      });
  });
  return facts;
}

/** The scenario with every hidden value at its expectation (the outcomes taken away). */
export function withoutHiddenFacts(scenario: Scenario): Scenario {
  if (hiddenFacts(scenario).length === 0) return scenario;
  return {
    ...scenario,
    items: scenario.items.map((item) => {
      if (!item.value.outcomes) return item;
      const { outcomes: _, ...value } = item.value;
      return { ...item, value };
    }),
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
  const hidden = new Set(hiddenFacts(s).map((f) => f.item));
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
    (item.reveals ?? []).forEach((target, j) => {
      const path = `${at}.reveals[${j}]`;
      if (target === item.id) issues.push({ path, message: `"${item.id}" cannot reveal itself` });
      else if (!s.items.some((other) => other.id === target))
        issues.push({ path, message: `unknown item "${target}"` });
      else if (!hidden.has(target))
        issues.push({
          path,
          message: `"${target}" has no hidden value to reveal (give it value.outcomes)`,
        });
    });
  });
  return issues;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The outcome a world draws for one fact: inverse CDF of its chances on the seed's roll. */
export function drawOutcome(scenarioId: string, seed: number, fact: HiddenFact): number {
  const u = drawStream(scenarioId, seed, `hidden:${fact.item}`, 1)[0] ?? 0;
  let acc = 0;
  for (let k = 0; k < fact.outcomes.length; k++) {
    acc += fact.outcomes[k]!.chance;
    if (u < acc) return k;
  }
  return fact.outcomes.length - 1;
}

/** Every hidden fact of a world: item id → outcome index. */
export function drawWorld(scenario: Scenario, seed: number): Map<string, number> {
  return new Map(
    hiddenFacts(scenario).map((fact) => [fact.item, drawOutcome(scenario.id, seed, fact)]),
  );
}

/**
 * ARR per item index at completion when the facts in `known` are known and the others are
 * expected; undefined when the scenario has no hidden facts (the compiled expectation holds).
 */
export function arrWith(c: Compiled, known: ReadonlyMap<string, number>): number[] | undefined {
  const facts = hiddenFacts(c.scenario);
  if (facts.length === 0 || known.size === 0) return undefined;
  const arr = c.items.map((item) => item.arr);
  for (const fact of facts) {
    const k = known.get(fact.item);
    if (k !== undefined) arr[fact.index] = fact.arr * fact.outcomes[k]!.factor;
  }
  // An MVP slice brings its share of its feature's value, whatever that turns out to be.
  for (const item of c.items)
    if (item.sliceOf >= 0)
      arr[item.index] = arr[item.sliceOf]! * (1 - c.items[item.sliceOf]!.restValue);
  return arr;
}

/**
 * The facts revealed by a run whose completion times are `doneAt` (by item index, in slots),
 * within the first `slots` slots of the world `drawn`: an experiment done reveals its targets, an
 * item done reveals itself. The earliest reveal of each fact counts; sorted by slot, then item.
 */
export function revealedBy(
  c: Compiled,
  doneAt: readonly number[],
  slots: number,
  drawn: ReadonlyMap<string, number>,
): Revealed[] {
  const facts = new Map(hiddenFacts(c.scenario).map((f) => [f.item, f]));
  if (facts.size === 0) return [];
  const found = new Map<string, Revealed>();
  const reveal = (target: string, by: string, at: number) => {
    const fact = facts.get(target);
    const outcome = drawn.get(target);
    if (!fact || outcome === undefined) return;
    const slot = Math.max(0, Math.ceil(at - 1e-9) - 1);
    const earlier = found.get(target);
    if (earlier && earlier.slot <= slot) return;
    found.set(target, {
      item: target,
      outcome,
      arr: fact.arr * fact.outcomes[outcome]!.factor,
      by,
      slot,
    });
  };
  c.scenario.items.forEach((item, i) => {
    const at = doneAt[i] ?? Infinity;
    if (!(at <= slots + 1e-9)) return;
    for (const target of item.reveals ?? []) reveal(target, item.id, at);
    if (facts.has(item.id)) reveal(item.id, item.id, at);
  });
  return [...found.values()].sort((a, b) => a.slot - b.slot || a.item.localeCompare(b.item));
}
