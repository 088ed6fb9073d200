/**
 * Words for the planning board that are not advice: when a card is expected to run inside its
 * slot, how much of the year's capacity the plan uses, and what an undo or a redo changed. All of
 * it is read from the engine's plan and outcome; nothing here decides anything.
 */
import { findItem, type Plan } from '../engine/plan.ts';
import type { Scenario } from '../engine/schema.ts';
import type { Outcome } from '../engine/simulate.ts';
import { slicesOf } from '../engine/slices.ts';
import {
  formatPoints,
  itemFacts,
  plannedSlices,
  slotLabel,
  type ColumnForecast,
  type PlanWarning,
} from './advice.ts';
import { formatPercent } from './format.ts';

/** Fractions of a slot below/above these read as "early"/"late" (same cut-offs as completions). */
const EARLY = 0.34;
const LATE = 0.67;

function phase(fraction: number): 'early' | 'mid' | 'late' {
  return fraction <= EARLY ? 'early' : fraction >= LATE ? 'late' : 'mid';
}

/**
 * A start time (slot index + fraction, as `Outcome.items[].startedAt`) as "early Q2": work that
 * starts exactly at a slot boundary starts early in the next slot.
 */
export function formatStart(labels: readonly string[], at: number): string {
  const slot = Math.min(labels.length - 1, Math.max(0, Math.floor(at)));
  const label = labels[slot] ?? `slot ${slot + 1}`;
  return `${phase(Math.max(0, at - slot))} ${label}`;
}

/**
 * A completion time (slot index + fraction, as `Outcome.items[].completedAt`) as "mid Q2": work
 * that ends exactly at a slot boundary ends late in the slot before.
 */
export function formatFinish(labels: readonly string[], at: number): string {
  const slot = Math.min(labels.length - 1, Math.max(0, Math.ceil(at) - 1));
  const label = labels[slot] ?? `slot ${slot + 1}`;
  return `${phase(Math.max(0, at - slot))} ${label}`;
}

/** When a planned card is expected to run, in words and as a bar inside its own slot. */
export interface CardTiming {
  /** Shown on the card: "early Q1 → mid Q1", "late Q1 → mid Q2", "not started". */
  short: string;
  /** Read by screen readers: "Expected to start early Q1 and finish mid Q1." */
  sentence: string;
  /** The run inside the planned slot, as fractions of it (0–1); `from === to` when none. */
  from: number;
  to: number;
  /** It starts after its slot (capacity or a prerequisite held it back). */
  startsLater: boolean;
  /** It finishes after its slot, or not at all within the plan. */
  runsOver: boolean;
  /** It does not finish within the plan. */
  unfinished: boolean;
}

/**
 * A planned item's warnings, told by the chips a card already shows: its "due" date, its "not
 * before" date, a stakeholder's ask, a prerequisite ("needs …"). Each chip turns to a warning
 * when the plan puts it at risk, so a card never grows or loses a line when the grade changes
 * (it did: every card under it moved). "Does not finish" is told by the card's timing line.
 */
export interface CardRisks {
  /** The deadline is forecast to be missed (a `deadlineAtRisk` warning). */
  deadline: boolean;
  /** It is placed before the slot it may start in (a `notBefore` warning). */
  notBefore: boolean;
  /** Stakeholders whose ask for it is forecast to be missed (an `askAtRisk` warning). */
  asks: string[];
  /** Prerequisites planned after it, or not planned (a `dependencyOrder`/`Missing` warning). */
  needs: { id: string; problem: 'later' | 'missing' }[];
  /** A renegotiation planned too late to change the terms (a `renegotiationLate` warning). */
  renegotiation?: boolean;
  /** An MVP slice planned after its feature: it brings nothing (a `sliceWasted` warning). */
  slice?: boolean;
}

/**
 * Which of each planned item's chips are at risk, from the plan's warnings (`planWarnings`, which
 * decides) and, for the chips of an item that has several asks or prerequisites, which of them
 * each warning is about. Items without a risk are left out.
 */
export function cardRisks(
  scenario: Scenario,
  plan: Plan,
  outcome: Outcome,
  warnings: readonly PlanWarning[],
): Map<string, CardRisks> {
  const risks = new Map<string, CardRisks>();
  const of = (id: string) => {
    let risk = risks.get(id);
    if (!risk) {
      risk = { deadline: false, notBefore: false, asks: [], needs: [] };
      risks.set(id, risk);
    }
    return risk;
  };
  const items = new Map(scenario.items.map((i) => [i.id, i]));
  const dependencyChecked = new Set<string>();
  for (const w of warnings) {
    const id = w.itemId;
    if (id === undefined) continue;
    if (w.kind === 'deadlineAtRisk') of(id).deadline = true;
    else if (w.kind === 'notBefore') of(id).notBefore = true;
    else if (w.kind === 'askAtRisk') {
      const risk = of(id);
      for (const ask of outcome.asks)
        if (
          (ask.item === id || ask.renegotiated?.scope === id) &&
          ask.status !== 'met' &&
          !risk.asks.includes(ask.stakeholder)
        )
          risk.asks.push(ask.stakeholder);
    } else if (w.kind === 'renegotiationLate') {
      of(id).renegotiation = true;
    } else if (w.kind === 'sliceWasted') {
      of(id).slice = true;
    } else if (
      (w.kind === 'dependencyOrder' || w.kind === 'dependencyMissing') &&
      !dependencyChecked.has(id)
    ) {
      dependencyChecked.add(id);
      const at = findItem(plan, id);
      if (!at) continue;
      for (const dep of items.get(id)?.dependsOn ?? []) {
        const before = findItem(plan, dep);
        if (before === null) of(id).needs.push({ id: dep, problem: 'missing' });
        else if (before.slot > at.slot || (before.slot === at.slot && before.index > at.index))
          of(id).needs.push({ id: dep, problem: 'later' });
      }
    }
  }
  return risks;
}

/**
 * `CardRisks` as one string, so a memoized card compares it cheaply: "deadline", "not-before",
 * "ask:<stakeholder>", "renegotiation", "needs-later:<item>", "needs-missing:<item>", joined with spaces (ids
 * have no spaces).
 */
export function cardRisksKey(risk: CardRisks | undefined): string {
  if (!risk) return '';
  return [
    ...(risk.deadline ? ['deadline'] : []),
    ...(risk.notBefore ? ['not-before'] : []),
    ...risk.asks.map((s) => `ask:${s}`),
    ...(risk.renegotiation ? ['renegotiation'] : []),
    ...(risk.slice ? ['slice'] : []),
    ...risk.needs.map((n) => `needs-${n.problem}:${n.id}`),
  ].join(' ');
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * The expected start and finish of an item placed in `slot`, from the simulated outcome
 * (`startedAt`/`completedAt` in slots: slot index + fraction; null when not reached).
 */
export function cardTiming(
  labels: readonly string[],
  slot: number,
  startedAt: number | null,
  completedAt: number | null,
): CardTiming {
  if (startedAt === null)
    return {
      short: 'not started in the plan',
      sentence: 'Expected not to start within the plan.',
      from: 0,
      to: 0,
      startsLater: true,
      runsOver: true,
      unfinished: true,
    };
  const start = formatStart(labels, startedAt);
  const from = clamp01(startedAt - slot);
  const startsLater = startedAt >= slot + 1;
  if (completedAt === null)
    return {
      short: `${start} → not done`,
      sentence: `Expected to start ${start} and not to finish within the plan.`,
      from,
      to: 1,
      startsLater,
      runsOver: true,
      unfinished: true,
    };
  const finish = formatFinish(labels, completedAt);
  return {
    short: start === finish ? `${start}` : `${start} → ${finish}`,
    sentence:
      start === finish
        ? `Expected to start and finish ${start}.`
        : `Expected to start ${start} and finish ${finish}.`,
    from,
    to: clamp01(completedAt - slot),
    startsLater,
    runsOver: completedAt > slot + 1 + 1e-9,
    unfinished: false,
  };
}

/** How much of the year's forecast effective capacity the plan asks for. */
export interface CapacityUse {
  /** Expected effort placed in slots, points. */
  placed: number;
  /** Forecast effective capacity summed over slots, points. */
  effective: number;
  /** placed ÷ effective (0 when there is no capacity). */
  share: number;
  /** Labels of the over-committed slots, in order. */
  overSlots: string[];
  /** "62% of capacity used (68 of 110 pts); Q1 over" */
  sentence: string;
}

export function capacityUse(columns: readonly ColumnForecast[]): CapacityUse {
  let placed = 0;
  let effective = 0;
  const overSlots: string[] = [];
  for (const column of columns) {
    placed += column.placed;
    effective += Math.max(0, column.effective);
    // Over-committed slots, as their columns show them (one big item that runs on is not).
    if (column.overcommit > 0) overSlots.push(column.label);
  }
  const share = effective > 0 ? placed / effective : 0;
  const over =
    overSlots.length === 0
      ? ''
      : `; ${overSlots.join(', ')} ${overSlots.length === 1 ? 'is' : 'are'} over capacity`;
  return {
    placed,
    effective,
    share,
    overSlots,
    sentence: `${Math.round(share * 100)}% of capacity used (${formatPoints(placed)} of ${formatPoints(effective)} pts)${over}`,
  };
}

/** Where an item is in a plan, for sentences: "Q2, position 1 of 3" or "the backlog". */
export function placeOf(scenario: Scenario, plan: Plan, itemId: string): string {
  const at = findItem(plan, itemId);
  if (at === null) return 'the backlog';
  return `${slotLabel(scenario, at.slot)}, position ${at.index + 1} of ${plan.slots[at.slot]?.length ?? 0}`;
}

/**
 * What changed between two plans, naming the items: "SSO login back to the backlog", "SSO login
 * to Q2, position 1 of 3", or for many changes "5 items moved: SSO login, …". Used to announce
 * an undo or a redo. Items whose only change is a shift caused by another move are not named.
 */
export function describePlanChange(scenario: Scenario, before: Plan, after: Plan): string {
  const titles = new Map(scenario.items.map((i) => [i.id, i.title]));
  const slotOf = (plan: Plan) => {
    const map = new Map<string, number>();
    plan.slots.forEach((ids, s) => ids.forEach((id) => map.has(id) || map.set(id, s)));
    return map;
  };
  const was = slotOf(before);
  const now = slotOf(after);
  const ids = new Set([...was.keys(), ...now.keys()]);
  const moved = [...ids].filter((id) => was.get(id) !== now.get(id));
  if (moved.length === 0) {
    // Same slots: a reorder inside a slot. Two neighbours that swapped are named together;
    // otherwise the item whose position changed the most.
    const shifted = [...now.keys()].flatMap((id) => {
      const a = findItem(before, id);
      const b = findItem(after, id);
      return a && b && a.index !== b.index ? [{ id, distance: Math.abs(a.index - b.index) }] : [];
    });
    if (shifted.length === 0) return 'nothing changed';
    const [a, b] = shifted;
    if (shifted.length === 2 && a && b && a.distance === 1 && b.distance === 1) {
      const slot = findItem(after, a.id)?.slot ?? 0;
      return `${titles.get(a.id) ?? a.id} and ${titles.get(b.id) ?? b.id} swap places in ${slotLabel(scenario, slot)}`;
    }
    const best = shifted.reduce((x, y) => (y.distance > x.distance ? y : x)).id;
    return `${titles.get(best) ?? best} to ${placeOf(scenario, after, best)}`;
  }
  const sentence = (id: string) => {
    const title = titles.get(id) ?? id;
    return now.has(id)
      ? `${title} to ${placeOf(scenario, after, id)}`
      : `${title} back to the backlog`;
  };
  if (moved.length === 1) return sentence(moved[0]!);
  const shown = moved.slice(0, 3).map((id) => titles.get(id) ?? id);
  const rest = moved.length - shown.length;
  return `${moved.length} items moved: ${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
}

// ---- Slices -------------------------------------------------------------------------------------

/** A split or a merge as a plan change: where the MVP slice goes (null: out of the plan). */
export interface SliceMove {
  kind: 'split' | 'merge';
  mvp: string;
  feature: string;
  slot: number | null;
  index?: number;
}

/**
 * The features a plan splits: those whose MVP slice comes before them in plan order (the order
 * the team takes work in), as the engine decides it.
 */
export function splitFeaturesOf(scenario: Scenario, plan: Plan): Set<string> {
  return new Set(
    plannedSlices(scenario, plan)
      .filter((pair) => pair.split)
      .map((pair) => pair.feature),
  );
}

/**
 * What "Split" or "Merge" on a card does. Split (on a planned feature): its MVP goes just before
 * it, in its slot. Merge (on either part): the MVP leaves the plan. Null when there is nothing to
 * do (no slice, the feature not planned, already split or merged).
 */
export function sliceMove(
  scenario: Scenario,
  plan: Plan,
  itemId: string,
  kind: 'split' | 'merge',
): SliceMove | null {
  const item = scenario.items.find((i) => i.id === itemId);
  const feature = item?.sliceOf ? item.sliceOf.item : itemId;
  const mvp = slicesOf(scenario).get(feature);
  if (!mvp) return null;
  const split = splitFeaturesOf(scenario, plan).has(feature);
  if (kind === 'merge')
    return findItem(plan, mvp.id) === null ? null : { kind, mvp: mvp.id, feature, slot: null };
  const at = findItem(plan, feature);
  // Not split, the MVP is nowhere before the feature: taking it out leaves the feature's index.
  if (at === null || split) return null;
  return { kind, mvp: mvp.id, feature, slot: at.slot, index: at.index };
}

/** What a split or merge did, for screen readers: "Split “AI assistant”: …". */
export function describeSliceMove(scenario: Scenario, next: Plan, move: SliceMove): string {
  const title = (id: string) => `“${scenario.items.find((i) => i.id === id)?.title ?? id}”`;
  if (move.kind === 'merge')
    return `Merged: ${title(move.mvp)} is back in the backlog and ${title(move.feature)} is whole again.`;
  const facts = itemFacts(
    scenario,
    scenario.items.find((i) => i.id === move.feature)!,
  ).slice;
  const at = findItem(next, move.mvp);
  const where = at ? placeOf(scenario, next, move.mvp) : 'the plan';
  return `Split ${title(move.feature)}: ${title(move.mvp)} is planned just before it, in ${where}, with ${formatPercent(facts?.share ?? 0)} of the value; ${title(move.feature)} is now the rest (${formatPoints(facts?.restEffort ?? 0)} points).`;
}
