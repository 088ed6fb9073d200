/**
 * Advice for the planning board and the briefing: pure functions that turn a scenario, a plan and
 * its expected outcome into what a planner reads — per-column capacity forecasts, advisory
 * warnings, the share of work per type, effect badges, plain-word descriptions and screen-reader
 * sentences.
 *
 * Nothing here simulates: every forecast number comes from `simulate`'s outcome, so the board
 * never disagrees with the model. Effort is in points, money in dollars, slots are 0-based.
 */
import { compile, DEFAULT_STREAMS, scenarioConstants } from '../engine/compile.ts';
import { itemStreams } from '../engine/constants.ts';
import {
  andList,
  formatMoney,
  formatPercent,
  formatPoints,
  formatSlotTime,
  pointsText,
  slotLabel,
  slotWord,
} from './format.ts';
import { computeLenses, orderBy, type LensRow } from '../engine/lenses.ts';
import type { BacklogSort } from './labels.ts';
import { emptyPlan, findItem, type Plan } from '../engine/plan.ts';
import {
  ITEM_TYPES,
  METRICS,
  type Item,
  type ItemType,
  type Metric,
  type Scenario,
} from '../engine/schema.ts';
import { slicesOf } from '../engine/slices.ts';
import { termsText } from './terms.ts';
import { METRIC_INFO } from './words.ts';
import { simulate, type Outcome } from '../engine/simulate.ts';

/** Differences smaller than this (points) are rounding noise, not over-commitment. */
const POINT_EPS = 0.05;

/**
 * Each feature planned with its MVP slice, in the slices' order: `split` when the plan puts the
 * MVP first (the feature is then only the rest), else the MVP comes after and brings nothing.
 */
export function plannedSlices(
  scenario: Scenario,
  plan: Plan,
): { feature: string; mvp: string; split: boolean }[] {
  const order = new Map(plan.slots.flat().map((id, i) => [id, i]));
  const out: { feature: string; mvp: string; split: boolean }[] = [];
  for (const [feature, mvp] of slicesOf(scenario)) {
    const at = order.get(feature);
    const mvpAt = order.get(mvp.id);
    if (at !== undefined && mvpAt !== undefined)
      out.push({ feature, mvp: mvp.id, split: mvpAt < at });
  }
  return out;
}

/** Work types as people name them. */
export const ITEM_TYPE_LABELS: Readonly<Record<ItemType, string>> = {
  feature: 'Feature',
  debt: 'Tech debt',
  security: 'Security',
  scale: 'Scalability',
  compliance: 'Compliance',
  ops: 'Operations',
};

export { DIFFICULTY_LABELS } from './labels.ts';
export { slotLabel, slotWord } from './format.ts';

export { formatPoints, pointsText };

function itemIndex(scenario: Scenario): Map<string, Item> {
  return new Map(scenario.items.map((item) => [item.id, item]));
}

function quoted(title: string): string {
  return `“${title}”`;
}

// ---- Capacity per column ---------------------------------------------------------------------

/** What one column of the board shows about capacity, all in points. */
export interface ColumnForecast {
  slot: number;
  label: string;
  /** Nominal team capacity. */
  nominal: number;
  /** Lost to technical-debt drag (forecast). */
  dragLost: number;
  /** Keep-the-lights-on work. */
  ktlo: number;
  /** Lost to firefighting incidents from the slot before (forecast). */
  firefighting: number;
  /** What is left for planned work before thrash: nominal − drag − KTLO − firefighting. */
  effective: number;
  /** Effective capacity after over-commitment thrash. */
  working: number;
  thrash: number;
  /** Expected effort of the items placed in this column. */
  placed: number;
  /** Work queued at the start of the slot: placed here plus unfinished work from earlier. */
  queued: number;
  /** Queued work beyond effective capacity (0 when it fits): it runs on into later slots. */
  overBy: number;
  /**
   * Over-commitment (docs/model.md step 2): how far what competes for the team at once — each
   * queued item counted up to what one item can absorb — exceeds effective capacity (0 when it
   * fits). Only this costs thrash: one big item worked at full pace runs on, but is not
   * over-commitment.
   */
  overcommit: number;
  /** Effective capacity left unused by queued work (0 when over). */
  spare: number;
  /**
   * Points of debt the slot's idle capacity pays down (slack: the team spends spare time on
   * engineering chores, at `slackEfficiency`; docs/model.md step 12). Forecast, ≥ 0.
   */
  slackPaydown: number;
  delivered: number;
  /** Expected effort of each placed item (same order as the plan's column). */
  items: { id: string; effort: number }[];
}

/** One forecast per slot, read from the outcome's per-slot trace. */
export function columnForecasts(
  scenario: Scenario,
  plan: Plan,
  outcome: Outcome,
): ColumnForecast[] {
  const effortOf = new Map(outcome.items.map((i) => [i.id, i.effort]));
  return scenario.time.labels.map((label, slot) => {
    const trace = outcome.slots[slot];
    const ids = plan.slots[slot] ?? [];
    const items = ids.map((id) => ({ id, effort: effortOf.get(id) ?? 0 }));
    const placed = items.reduce((sum, i) => sum + i.effort, 0);
    const effective = trace?.effectiveCapacity ?? 0;
    const queued = trace?.load ?? placed;
    const over = queued - effective;
    return {
      slot,
      label,
      nominal: trace?.capacity ?? 0,
      dragLost: trace?.dragLost ?? 0,
      ktlo: trace?.ktlo ?? 0,
      firefighting: trace?.firefighting ?? 0,
      effective,
      working: trace?.workingCapacity ?? effective,
      thrash: trace?.thrash ?? 0,
      placed,
      queued,
      overBy: over > POINT_EPS ? over : 0,
      overcommit:
        trace &&
        trace.overcommit > 0 &&
        (effective <= 0 || trace.contendedLoad - effective > POINT_EPS)
          ? trace.overcommit
          : 0,
      spare: over < -POINT_EPS ? -over : 0,
      slackPaydown: trace?.slackPaydown ?? 0,
      delivered: trace?.delivered ?? 0,
      items,
    };
  });
}

// ---- Share of work per type ------------------------------------------------------------------

export interface TypeShare {
  type: ItemType;
  label: string;
  /** Expected effort of that type's placed items. */
  points: number;
  /** Share of all placed effort (0–1); 0 when nothing is placed. */
  share: number;
}

function sharesOf(points: Record<ItemType, number>): TypeShare[] {
  const total = ITEM_TYPES.reduce((sum, t) => sum + points[t], 0);
  return ITEM_TYPES.map((type) => ({
    type,
    label: ITEM_TYPE_LABELS[type],
    points: points[type],
    share: total > 0 ? points[type] / total : 0,
  }));
}

const zeroByType = (): Record<ItemType, number> =>
  Object.fromEntries(ITEM_TYPES.map((t) => [t, 0])) as Record<ItemType, number>;

/**
 * The share of planned effort going to each work type, per slot and over the whole plan, so a
 * policy like "20% for debt" is visible. Every type is listed, in `ITEM_TYPES` order.
 */
export function typeShares(
  scenario: Scenario,
  plan: Plan,
  outcome: Outcome,
): { perSlot: TypeShare[][]; overall: TypeShare[] } {
  const items = itemIndex(scenario);
  const effortOf = new Map(outcome.items.map((i) => [i.id, i.effort]));
  const overall = zeroByType();
  const perSlot = scenario.time.labels.map((_, slot) => {
    const points = zeroByType();
    for (const id of plan.slots[slot] ?? []) {
      const item = items.get(id);
      if (!item) continue;
      const effort = effortOf.get(id) ?? item.effort;
      points[item.type] += effort;
      overall[item.type] += effort;
    }
    return sharesOf(points);
  });
  return { perSlot, overall: sharesOf(overall) };
}

// ---- Warnings ---------------------------------------------------------------------------------

export type WarningKind =
  | 'overcommit'
  | 'dependencyOrder'
  | 'dependencyMissing'
  | 'notBefore'
  | 'deadlineAtRisk'
  | 'askAtRisk'
  | 'renegotiationLate'
  | 'sliceWasted'
  | 'obligationAtRisk'
  | 'unfinished';

/** An advisory warning: the board shows it, never enforces it. */
export interface PlanWarning {
  kind: WarningKind;
  /** The slot it concerns (the item's planned slot for item warnings). */
  slot: number;
  /** The item it concerns, when it is about one item. */
  itemId?: string;
  message: string;
  /**
   * What the headline leaves out, when it matters (over-commitment: an item bigger than the slot
   * can work, and which items the carried-over points belong to). Shown after the message.
   */
  detail?: string;
}

/**
 * Why a slot is over-committed, beyond its numbers: an item placed in it that alone is more than
 * the slot holds (it runs on into a later slot, and counts toward the over-commitment only as
 * much as one item can take: m of the team's k streams), and the unfinished items carried over
 * from earlier slots.
 */
function overcommitDetail(
  scenario: Scenario,
  plan: Plan,
  column: ColumnForecast,
  items: ReadonlyMap<string, Item>,
  outcomeOf: ReadonlyMap<string, Outcome['items'][number]>,
): string | undefined {
  const title = (id: string) => quoted(items.get(id)?.title ?? id);
  // What the slot's load counts (docs/model.md step 2): items that may start by now and whose
  // event, for an injected one, fired.
  const queued = (id: string) => {
    const result = outcomeOf.get(id);
    return result !== undefined &&
      result.status !== 'not triggered' &&
      (items.get(id)?.notBefore ?? 0) <= column.slot
      ? result
      : undefined;
  };
  const sentences: string[] = [];
  const streams = scenario.team.streams ?? DEFAULT_STREAMS;
  const share = itemStreams(streams, scenarioConstants(scenario).streamsPerItem);
  for (const id of plan.slots[column.slot] ?? []) {
    const result = queued(id);
    if (!result || result.effort <= column.effective + POINT_EPS) continue;
    const counts =
      share < streams
        ? `it counts only as what ${share} of the team’s ${streams} streams can work on it, and runs on`
        : 'it runs on';
    sentences.push(
      `${title(id)} alone is ${pointsText(result.effort)}, more than ${column.label} holds; ${counts}: ${forecastText(scenario, result.completedAt)}.`,
    );
  }
  if (column.queued - column.placed > POINT_EPS) {
    const carried = plan.slots
      .slice(0, column.slot)
      .flat()
      .filter((id) => {
        const result = queued(id);
        return (
          result !== undefined && (result.completedAt === null || result.completedAt > column.slot)
        );
      });
    const named = carried.slice(0, 3).map(title);
    if (carried.length > 3) named.push(`${carried.length - 3} more`);
    if (named.length > 0) sentences.push(`Carried over: ${andList(named)}.`);
  }
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}

const WARNING_ORDER: readonly WarningKind[] = [
  'overcommit',
  'dependencyOrder',
  'dependencyMissing',
  'notBefore',
  'deadlineAtRisk',
  'askAtRisk',
  'renegotiationLate',
  'sliceWasted',
  'obligationAtRisk',
  'unfinished',
];

/** "late Q3" for a completion time, "not within the plan" when it never finishes. */
function forecastText(scenario: Scenario, completedAt: number | null): string {
  return completedAt === null
    ? 'it does not finish within the plan'
    : `forecast to finish ${formatSlotTime(scenario.time.labels, completedAt)}`;
}

/**
 * Advisory warnings for a plan, ordered by slot then kind: over-committed slots, items placed
 * before (or without) their prerequisites or before they can start, deadlines, stakeholder asks
 * and obligations at risk, and items that do not finish within the plan.
 */
export function planWarnings(scenario: Scenario, plan: Plan, outcome: Outcome): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const items = itemIndex(scenario);
  const outcomeOf = new Map(outcome.items.map((i) => [i.id, i]));
  const label = (slot: number) => slotLabel(scenario, slot);

  for (const column of columnForecasts(scenario, plan, outcome)) {
    if (column.overcommit <= 0) continue;
    const carried = column.queued - column.placed;
    const detail = overcommitDetail(scenario, plan, column, items, outcomeOf);
    warnings.push({
      kind: 'overcommit',
      slot: column.slot,
      message:
        `${column.label} is over-committed: ${formatPoints(column.queued)} points queued` +
        (carried > POINT_EPS ? ` (${formatPoints(carried)} carried over)` : '') +
        ` for ${formatPoints(column.effective)} points of effective capacity; thrash costs about ${pointsText(column.thrash)}.`,
      ...(detail ? { detail } : {}),
    });
  }

  plan.slots.forEach((ids, slot) => {
    ids.forEach((id, index) => {
      const item = items.get(id);
      if (!item) return;
      for (const dep of item.dependsOn) {
        const prerequisite = items.get(dep);
        const at = findItem(plan, dep);
        const title = prerequisite?.title ?? dep;
        if (at === null) {
          warnings.push({
            kind: 'dependencyMissing',
            slot,
            itemId: id,
            message: `${quoted(item.title)} needs ${quoted(title)}, which is not planned.`,
          });
        } else if (at.slot > slot || (at.slot === slot && at.index > index)) {
          warnings.push({
            kind: 'dependencyOrder',
            slot,
            itemId: id,
            message:
              at.slot > slot
                ? `${quoted(item.title)} is in ${label(slot)} but needs ${quoted(title)}, planned for ${label(at.slot)}.`
                : `${quoted(item.title)} needs ${quoted(title)}, which comes after it in ${label(slot)}.`,
          });
        }
      }
      if (item.notBefore > slot) {
        warnings.push({
          kind: 'notBefore',
          slot,
          itemId: id,
          message: `${quoted(item.title)} cannot start before ${label(item.notBefore)}; it waits until then.`,
        });
      }
      const result = outcomeOf.get(id);
      const completedAt = result?.completedAt ?? null;
      if (item.urgency.kind === 'deadline') {
        const due = item.urgency.slot;
        if (completedAt === null || completedAt > due + 1 + 1e-9) {
          warnings.push({
            kind: 'deadlineAtRisk',
            slot,
            itemId: id,
            message: `${quoted(item.title)} is due by the end of ${label(due)} but ${forecastText(scenario, completedAt)}.`,
          });
        }
      }
      if (result?.status === 'unfinished' && item.urgency.kind !== 'deadline') {
        warnings.push({
          kind: 'unfinished',
          slot,
          itemId: id,
          message: `${quoted(item.title)} does not finish by the end of ${label(scenario.time.labels.length - 1)}.`,
        });
      }
    });
  });

  const planned = new Map<string, number>();
  plan.slots.forEach((ids, slot) => ids.forEach((id) => planned.set(id, slot)));
  const stakeholders = new Map(scenario.stakeholders.map((s) => [s.id, s]));
  for (const ask of outcome.asks) {
    const terms = ask.renegotiated;
    // On renegotiated terms, the smaller scope meets the ask too: warn on whichever is planned.
    const itemId = planned.has(ask.item) || !terms?.scope ? ask.item : terms.scope;
    const slot = planned.get(itemId);
    if (slot === undefined || ask.status === 'met') continue;
    const who = stakeholders.get(ask.stakeholder);
    const whom = who ? `${who.name} (${who.role})` : ask.stakeholder;
    const item = items.get(itemId);
    warnings.push({
      kind: 'askAtRisk',
      slot,
      itemId,
      message: terms
        ? `${whom} agreed to ${quoted(item?.title ?? itemId)} by the end of ${label(terms.bySlot)}, but ${forecastText(scenario, ask.completedAt)}.`
        : `${whom} wants ${quoted(item?.title ?? ask.item)} by the end of ${label(ask.bySlot)}, but ${forecastText(scenario, ask.completedAt)}.`,
    });
  }

  // A renegotiation changes the terms only when it is done by the ask's date, before the item
  // ships; planned later it only costs its points.
  for (const talk of scenario.items) {
    const r = talk.renegotiates;
    const slot = planned.get(talk.id);
    if (!r || slot === undefined) continue;
    const ask = outcome.asks.find((a) => a.stakeholder === r.stakeholder && a.item === r.item);
    if (!ask || ask.renegotiated) continue;
    const who = stakeholders.get(r.stakeholder);
    const asked = quoted(items.get(r.item)?.title ?? r.item);
    const done = outcomeOf.get(talk.id)?.completedAt ?? null;
    warnings.push({
      kind: 'renegotiationLate',
      slot,
      itemId: talk.id,
      message:
        done === null || done > ask.bySlot + 1 + 1e-9
          ? `${quoted(talk.title)} ${done === null ? 'does not happen within the plan' : `is forecast for ${formatSlotTime(scenario.time.labels, done)}`}, after ${who?.name ?? r.stakeholder}’s date for ${asked} (the end of ${label(ask.bySlot)}): too late to change the terms.`
          : `${asked} ships before ${quoted(talk.title)}: the conversation changes nothing.`,
    });
  }

  // An MVP slice planned after its feature brings nothing: the feature already covers it.
  for (const pair of plannedSlices(scenario, plan)) {
    const slice = items.get(pair.mvp);
    const feature = items.get(pair.feature);
    if (pair.split || !slice || !feature) continue;
    warnings.push({
      kind: 'sliceWasted',
      slot: planned.get(slice.id) ?? 0,
      itemId: slice.id,
      message: `${quoted(slice.title)} is planned after ${quoted(feature.title)}, which covers it: it will bring nothing. Plan it first to split the feature, or leave it out.`,
    });
  }

  for (const obligation of outcome.obligations) {
    if (obligation.met) continue;
    const parts = scenario.items.filter((i) => i.effects.compliance === obligation.id);
    const placedParts = parts.filter((i) => planned.has(i.id));
    if (placedParts.length === 0) continue;
    const slot = Math.min(...placedParts.map((i) => planned.get(i.id) ?? 0));
    const missing = parts.filter((i) => !planned.has(i.id));
    warnings.push({
      kind: 'obligationAtRisk',
      slot,
      message:
        `${quoted(obligation.title)} is due by the end of ${label(obligation.deadlineSlot)} but ` +
        (missing.length > 0
          ? `${missing.map((i) => quoted(i.title)).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not planned.`
          : `the report is ${obligation.reportAt === null ? 'not ready within the plan' : `ready only ${formatSlotTime(scenario.time.labels, obligation.reportAt)}`}.`),
    });
  }

  // An item already flagged for a date needs no second "does not finish" line.
  const dated = new Set(
    warnings
      .filter((w) => w.kind === 'deadlineAtRisk' || w.kind === 'askAtRisk')
      .map((w) => w.itemId),
  );
  return warnings
    .filter((w) => w.kind !== 'unfinished' || !dated.has(w.itemId))
    .sort(
      (a, b) => a.slot - b.slot || WARNING_ORDER.indexOf(a.kind) - WARNING_ORDER.indexOf(b.kind),
    );
}

// ---- Effects in words -------------------------------------------------------------------------

export interface EffectBadge {
  key: string;
  /** Short text for a card badge, e.g. "+45% system capacity". */
  label: string;
  /** The same in a full sentence, for tooltips and screen readers. */
  detail: string;
  /** Good news, a cost, or neither. */
  tone: 'good' | 'bad' | 'neutral';
}

/** The first words of an event's title, for a badge ("Major storm cascades…"). */
function shortTitle(title: string, words = 3): string {
  const parts = title.split(/\s+/);
  return parts.length <= words ? title : `${parts.slice(0, words).join(' ')}…`;
}

/** Items' titles in a list: "A", "A and B", "A, B and C". */
function titleList(titles: readonly string[]): string {
  return andList(titles.map((t) => `“${t}”`));
}

/**
 * What other parts of the scenario make an item do, as badges: events it makes less likely or
 * less costly, standing threats it controls, the items that need it first, a rival who may copy it.
 */
function referencedEffects(scenario: Scenario, item: Item): EffectBadge[] {
  const badges: EffectBadge[] = [];
  const items = itemIndex(scenario);
  const slot = slotWord(scenario);
  for (const event of scenario.events) {
    if (event.kind === 'cascade')
      for (const m of event.mitigations) {
        if (m.item !== item.id || m.reduction <= 0) continue;
        const costs = [
          formatMoney(event.loss),
          event.downtimeMinutes > 0
            ? `${Math.round(event.downtimeMinutes).toLocaleString('en-US')} minutes of downtime`
            : null,
          event.csat > 0 ? `${pointsText(event.csat)} of satisfaction` : null,
        ].filter((x) => x !== null);
        badges.push({
          key: `mitigates:${event.id}`,
          label: `−${formatPercent(m.reduction)} “${shortTitle(event.title)}”`,
          detail: `Once done, cuts the chance of “${event.title}” by ${formatPercent(m.reduction)} (${formatPercent(event.probability)} a ${slot} from ${slotLabel(scenario, event.fromSlot)}, costing ${costs.join(', ')} each time).`,
          tone: 'good',
        });
      }
    if (event.kind === 'injectItem' && event.prepared?.items.includes(item.id)) {
      const injected = items.get(event.item);
      const others = event.prepared.items.filter((id) => id !== item.id);
      const together =
        others.length > 0
          ? ` when it and ${titleList(others.map((id) => items.get(id)?.title ?? id))} are done by then`
          : ' when it is done by then';
      badges.push({
        key: `prepares:${event.id}`,
        label: `readies for “${shortTitle(event.title)}”`,
        detail: `If “${event.title}” happens (${formatPercent(event.probability)} chance in ${slotLabel(scenario, event.slot)}), the work it adds${injected ? ` (“${injected.title}”, ${pointsText(injected.effort)})` : ''} takes ${formatPercent(event.prepared.effortFactor)} of its effort${together}.`,
        tone: 'good',
      });
    }
    if (event.kind === 'competitorCopy' && event.item === item.id)
      badges.push({
        key: `copied:${event.id}`,
        label: 'may be copied',
        detail: `“${event.title}”: a ${formatPercent(event.probability)} chance in ${slotLabel(scenario, event.slot)}; its satisfaction bonus then fades by ${formatPercent(event.decay)} a ${slot}.`,
        tone: 'bad',
      });
  }
  for (const threat of scenario.security?.threats ?? [])
    for (const ctl of threat.controls) {
      if (ctl.item !== item.id || ctl.reduction <= 0) continue;
      badges.push({
        key: `controls:${threat.id}`,
        // Two words: the badge also holds the cut and fits a desktop card.
        label: `−${formatPercent(ctl.reduction)} “${shortTitle(threat.title, 2)}”`,
        detail: `Once done, cuts the chance of a breach through “${threat.title}” by ${formatPercent(ctl.reduction)} (${formatPercent(threat.perYear)} a year with nothing done${scenario.security && scenario.security.sle > 0 ? `; a breach costs ${formatMoney(scenario.security.sle)}` : ''}).`,
        tone: 'good',
      });
    }
  const dependents = scenario.items.filter((other) => other.dependsOn.includes(item.id));
  if (dependents.length > 0)
    badges.push({
      key: 'enables',
      label:
        dependents.length === 1
          ? `unlocks “${shortTitle(dependents[0]!.title)}”`
          : `unlocks ${dependents.length} items`,
      detail: `${titleList(dependents.map((d) => d.title))} ${dependents.length === 1 ? 'needs' : 'need'} it first.`,
      tone: 'neutral',
    });
  return badges;
}

/**
 * Every effect the model applies to an item, as short badges, most decisive first:
 * vulnerabilities closed, standing threats controlled, rare losses made less likely, surprise work made smaller, capacity,
 * debt, running fees, incidents, breach risk, compliance (and the deals waiting on it), revenue,
 * satisfaction, what customers expect, a late fine, then what it unlocks and who may copy it.
 * A card shows the first few; the item details list all (`describeEffects`).
 */
export function effectBadges(scenario: Scenario, item: Item): EffectBadge[] {
  const badges: EffectBadge[] = [];
  const e = item.effects;
  const referenced = referencedEffects(scenario, item);
  const byKind = (prefix: string) => referenced.filter((b) => b.key.startsWith(prefix));
  const vulns = new Map((scenario.security?.vulnerabilities ?? []).map((v) => [v.id, v]));
  for (const id of e.closes) {
    const v = vulns.get(id);
    badges.push({
      key: `closes:${id}`,
      label: v && v.cvss >= 9 ? 'closes critical CVE' : 'closes CVE',
      detail: `Closes ${v ? `${v.title} (CVSS ${v.cvss})` : `vulnerability ${id}`}.`,
      tone: 'good',
    });
  }
  badges.push(...byKind('controls:'), ...byKind('mitigates:'), ...byKind('prepares:'));
  if (e.capacityAdd > 0)
    badges.push({
      key: 'capacity',
      label: `+${formatPercent(e.capacityAdd)} system capacity`,
      detail: `Raises system capacity by ${formatPercent(e.capacityAdd)}: more traffic is served before overload.`,
      tone: 'good',
    });
  if (e.debtRemove > 0)
    badges.push({
      key: 'debt-remove',
      label: `−${formatPoints(e.debtRemove)} debt`,
      detail: `Pays down ${pointsText(e.debtRemove)} of technical debt, so less capacity is lost to drag.`,
      tone: 'good',
    });
  if (e.debtAdd > 0)
    badges.push({
      key: 'debt-add',
      label: `+${formatPoints(e.debtAdd)} debt`,
      detail: `Adds ${pointsText(e.debtAdd)} of technical debt (shortcuts taken to ship it).`,
      tone: 'bad',
    });
  if (e.fee)
    badges.push({
      key: 'fee',
      label: `stops ${formatMoney(e.fee.perSlot)}/${slotWord(scenario)} fee`,
      detail: `Stops the ${e.fee.label} fee of ${formatMoney(e.fee.perSlot)} per ${slotWord(scenario)}, charged from ${slotLabel(scenario, e.fee.fromSlot)} until this ships.`,
      tone: 'good',
    });
  if (e.incidentReduction > 0)
    badges.push({
      key: 'incidents',
      label: `−${formatPercent(e.incidentReduction)} incidents`,
      detail: `Cuts the incident rate by ${formatPercent(e.incidentReduction)}.`,
      tone: 'good',
    });
  if (e.postureReduction > 0)
    badges.push({
      key: 'posture',
      label: `−${formatPercent(e.postureReduction)} breach risk`,
      detail: `Cuts the chance of a breach by ${formatPercent(e.postureReduction)}.`,
      tone: 'good',
    });
  if (e.compliance !== undefined) {
    const obligation = scenario.obligations.find((o) => o.id === e.compliance);
    const deals = scenario.deals.filter((d) => d.obligation === e.compliance);
    const waiting =
      deals.length === 0
        ? ''
        : ` Deals that wait for the report: ${deals
            .map(
              (d) =>
                `“${d.title}” (${formatMoney(d.arr)} ARR, from ${slotLabel(scenario, d.fromSlot)})`,
            )
            .join('; ')}.`;
    badges.push({
      key: 'compliance',
      label: 'compliance',
      detail:
        (obligation
          ? `Needed for ${obligation.title}, due by the end of ${slotLabel(scenario, obligation.deadlineSlot)}.`
          : `Needed for obligation ${e.compliance}.`) + waiting,
      tone: 'good',
    });
  }
  const arr = item.value.arr * item.value.confidence;
  if (arr > 0)
    badges.push({
      key: 'arr',
      label: `+${formatMoney(arr)} ARR`,
      detail:
        item.value.confidence < 1
          ? `Adds about ${formatMoney(arr)} of annual recurring revenue when it ships (${formatMoney(item.value.arr)} at ${formatPercent(item.value.confidence)} confidence).`
          : `Adds ${formatMoney(arr)} of annual recurring revenue when it ships.`,
      tone: 'good',
    });
  if (item.value.csat !== 0)
    badges.push({
      key: 'csat',
      label: `${item.value.csat > 0 ? '+' : '−'}${formatPoints(Math.abs(item.value.csat))} CSAT`,
      detail: `${item.value.csat > 0 ? 'Raises' : 'Lowers'} customer satisfaction by ${pointsText(Math.abs(item.value.csat))} when it ships.`,
      tone: item.value.csat > 0 ? 'good' : 'bad',
    });
  if (item.value.kano === 'must' && item.value.mustPenalty > 0)
    badges.push({
      key: 'must',
      label: 'customers expect it',
      detail: `Customers expect it: satisfaction drops ${pointsText(item.value.mustPenalty)} every ${slotWord(scenario)} it is missing.`,
      tone: 'neutral',
    });
  if (item.value.kano === 'delight')
    badges.push({
      key: 'delight',
      label: 'delighter',
      detail: 'A delighter: competitors may copy it, and its satisfaction bonus then fades.',
      tone: 'neutral',
    });
  if (item.urgency.kind === 'deadline' && item.urgency.penalty > 0)
    badges.push({
      key: 'penalty',
      label: `${formatMoney(item.urgency.penalty)} fine if late`,
      detail: `Missing its date costs a one-off ${formatMoney(item.urgency.penalty)} (a fine or penalty).`,
      tone: 'neutral',
    });
  badges.push(...byKind('enables'), ...byKind('copied:'));
  return badges;
}

/** Every effect of an item as a plain sentence (the item details panel). */
export function describeEffects(scenario: Scenario, item: Item): string[] {
  const sentences = effectBadges(scenario, item).map((b) => b.detail);
  if (sentences.length === 0)
    sentences.push('No direct effect on revenue, satisfaction, debt or risk.');
  return sentences;
}

/** How an item's value depends on when it ships, in words, with a value curve for a sparkline. */
export interface UrgencyDescription {
  kind: Item['urgency']['kind'];
  /** "Standard", "Decaying", "Fixed date". */
  title: string;
  text: string;
  /** Share of the value kept if it ships at the end of each slot (1 = full value). */
  curve: number[];
}

/** The cost-of-delay shape of an item (MODEL.md urgency profiles), explained in words. */
export function describeUrgency(scenario: Scenario, item: Item): UrgencyDescription {
  const slots = scenario.time.labels.length;
  const u = item.urgency;
  switch (u.kind) {
    case 'standard':
      return {
        kind: u.kind,
        title: 'Standard',
        text: 'Its value does not depend on the date: every slot it waits simply delays the benefit (the cost of delay is the value forgone meanwhile).',
        curve: Array.from({ length: slots }, () => 1),
      };
    case 'decay':
      return {
        kind: u.kind,
        title: 'Decaying',
        text: `Full value until ${slotLabel(scenario, u.startSlot)} starts; from then it loses ${formatPercent(u.rate)} of its value for every slot it is late (a window closing, a competitor catching up).`,
        curve: Array.from({ length: slots }, (_, t) =>
          Math.pow(1 - u.rate, Math.max(0, t + 1 - u.startSlot)),
        ),
      };
    case 'deadline':
      return {
        kind: u.kind,
        title: 'Fixed date',
        text:
          `Full value if done by the end of ${slotLabel(scenario, u.slot)}; after that only ${formatPercent(u.lateFactor)} of it` +
          (u.penalty > 0 ? `, and a one-off ${formatMoney(u.penalty)} penalty.` : '.'),
        curve: Array.from({ length: slots }, (_, t) => (t <= u.slot ? 1 : u.lateFactor)),
      };
  }
}

/** A standing threat as the briefing tells it: how likely a breach is, and what controls it. */
export interface StandingThreat {
  id: string;
  title: string;
  /** Chance a year that it leads to a breach with nothing done (0–1). */
  perYear: number;
  /** "About 8% a year that it leads to a breach ($5.00M each), with nothing done." */
  detail: string;
  controls: { item: string; title: string; reduction: number; text: string }[];
  /** "Nothing in the backlog controls it." or "“MFA for clinician accounts” cuts it by 90%." */
  controlsText: string;
}

/** The scenario's threat profile: breaches that need no published vulnerability. */
export function standingThreats(scenario: Scenario): StandingThreat[] {
  const items = itemIndex(scenario);
  const sle = scenario.security?.sle ?? 0;
  return (scenario.security?.threats ?? []).map((threat) => {
    const controls = threat.controls
      .filter((ctl) => ctl.reduction > 0)
      .map((ctl) => {
        const title = items.get(ctl.item)?.title ?? ctl.item;
        return {
          item: ctl.item,
          title,
          reduction: ctl.reduction,
          text: `${quoted(title)} cuts it by ${formatPercent(ctl.reduction)}`,
        };
      });
    return {
      id: threat.id,
      title: threat.title,
      perYear: threat.perYear,
      detail: `About ${formatPercent(threat.perYear)} a year that it leads to a breach${sle > 0 ? ` (${formatMoney(sle)} each)` : ''}, with nothing done.`,
      controls,
      controlsText:
        controls.length === 0
          ? 'Nothing in the backlog controls it.'
          : `${controls.map((ctl) => ctl.text).join('; ')}.`,
    };
  });
}

// ---- Facts on a card --------------------------------------------------------------------------

/** What a card shows besides effects: dates, prerequisites and who asked. */
export interface ItemFacts {
  /** "due end of Q2", "loses value from Q3", "not before Q2". */
  dates: { key: string; label: string; detail: string }[];
  dependsOn: { id: string; title: string }[];
  asks: { stakeholder: string; name: string; role: string; bySlot: number; why: string | null }[];
  /**
   * Asks this item meets as the smaller scope of a renegotiation (on the new terms): who asked,
   * the agreed date, and the item they asked for (`instead`).
   */
  standsIn: (ItemFacts['asks'][number] & { instead: string })[];
  /** The ask this item renegotiates, with its new terms in words. */
  renegotiates: {
    stakeholder: string;
    name: string;
    item: string;
    bySlot: number;
    terms: string;
  } | null;
  /**
   * MVP slices: the feature this item is the MVP of (`role: 'mvp'`), or the MVP that can split
   * this feature (`role: 'feature'`), with the share of value the MVP brings and the effort the
   * rest takes after it (the engine's figure).
   */
  slice: {
    role: 'mvp' | 'feature';
    /** The other part: the feature of an MVP, the MVP of a feature. */
    other: { id: string; title: string };
    share: number;
    mvpEffort: number;
    featureEffort: number;
    restEffort: number;
  } | null;
}

export function itemFacts(scenario: Scenario, item: Item): ItemFacts {
  const items = itemIndex(scenario);
  const dates: ItemFacts['dates'] = [];
  if (item.urgency.kind === 'deadline')
    dates.push({
      key: 'deadline',
      label: `due end of ${slotLabel(scenario, item.urgency.slot)}`,
      detail: `Deadline: full value only if done by the end of ${slotLabel(scenario, item.urgency.slot)}.`,
    });
  if (item.urgency.kind === 'decay')
    dates.push({
      key: 'decay',
      label: `loses value from ${slotLabel(scenario, item.urgency.startSlot)}`,
      detail: `Its value decays by ${formatPercent(item.urgency.rate)} per slot from ${slotLabel(scenario, item.urgency.startSlot)}.`,
    });
  if (item.notBefore > 0)
    dates.push({
      key: 'not-before',
      label: `not before ${slotLabel(scenario, item.notBefore)}`,
      detail: `Cannot start before ${slotLabel(scenario, item.notBefore)}.`,
    });
  return {
    dates,
    dependsOn: item.dependsOn.map((id) => ({ id, title: items.get(id)?.title ?? id })),
    asks: scenario.stakeholders.flatMap((s) =>
      s.asks
        .filter((a) => a.item === item.id)
        .map((a) => ({
          stakeholder: s.id,
          name: s.name,
          role: s.role,
          bySlot: a.bySlot,
          why: a.why ?? null,
        })),
    ),
    standsIn: scopeAsks(scenario, item),
    renegotiates: renegotiationFacts(scenario, item),
    slice: sliceFacts(scenario, item),
  };
}

/**
 * A slice in words, for the card's chip (hover, screen readers) and the item details: what the
 * MVP brings for what, and what the feature is when split (`split`) or can be.
 */
export function sliceText(
  slice: NonNullable<ItemFacts['slice']>,
  title: string,
  split: boolean,
): string {
  const share = formatPercent(slice.share);
  const rest = formatPoints(slice.restEffort);
  if (slice.role === 'mvp')
    return `${share} of ${quoted(slice.other.title)}’s value for ${formatPoints(slice.mvpEffort)} of its ${formatPoints(slice.featureEffort)} points. Planned before it, it splits the feature: ${quoted(slice.other.title)} is then the rest (${rest} points). Planned after it, it brings nothing.`;
  return split
    ? `Split: ${quoted(slice.other.title)} comes first with ${share} of the value; ${quoted(title)} is the rest, ${rest} of its ${formatPoints(slice.featureEffort)} points and ${formatPercent(1 - slice.share)} of its value.`
    : `Plan ${quoted(slice.other.title)} before it to split it: ${share} of the value for ${formatPoints(slice.mvpEffort)} points, then the rest (${rest} points).`;
}

function sliceFacts(scenario: Scenario, item: Item): ItemFacts['slice'] {
  const mvp = item.sliceOf ? item : slicesOf(scenario).get(item.id);
  const feature = mvp?.sliceOf ? itemIndex(scenario).get(mvp.sliceOf.item) : undefined;
  if (!mvp?.sliceOf || !feature) return null;
  const c = compile(scenario);
  const compiled = c.items[c.index.get(feature.id) ?? -1];
  const other = item === mvp ? feature : mvp;
  return {
    role: item === mvp ? 'mvp' : 'feature',
    other: { id: other.id, title: other.title },
    share: mvp.sliceOf.share,
    mvpEffort: mvp.effort,
    featureEffort: feature.effort,
    restEffort: feature.effort * (compiled?.restEffort ?? 1),
  };
}

/** The asks this item meets as the smaller scope of a renegotiation, on the new terms. */
function scopeAsks(scenario: Scenario, item: Item): ItemFacts['standsIn'] {
  const asks: ItemFacts['standsIn'] = [];
  for (const talk of scenario.items) {
    const r = talk.renegotiates;
    if (r?.scope !== item.id) continue;
    const who = scenario.stakeholders.find((s) => s.id === r.stakeholder);
    const ask = who?.asks.find((a) => a.item === r.item);
    if (!who || !ask) continue;
    asks.push({
      stakeholder: who.id,
      name: who.name,
      role: who.role,
      bySlot: r.bySlot ?? ask.bySlot,
      why: ask.why ?? null,
      instead: itemIndex(scenario).get(r.item)?.title ?? r.item,
    });
  }
  return asks;
}

function renegotiationFacts(scenario: Scenario, item: Item): ItemFacts['renegotiates'] {
  const r = item.renegotiates;
  if (!r) return null;
  const who = scenario.stakeholders.find((s) => s.id === r.stakeholder);
  const ask = who?.asks.find((a) => a.item === r.item);
  return {
    stakeholder: r.stakeholder,
    name: who?.name ?? r.stakeholder,
    item: itemIndex(scenario).get(r.item)?.title ?? r.item,
    bySlot: ask?.bySlot ?? 0,
    terms: termsText(scenario, r),
  };
}

// ---- Backlog order ----------------------------------------------------------------------------

export { BACKLOG_SORTS, type BacklogSort } from './labels.ts';

/** Framework scores of every visible item (cached per scenario object). */
const lensCache = new WeakMap<Scenario, LensRow[]>();
export function lensRows(scenario: Scenario): LensRow[] {
  let rows = lensCache.get(scenario);
  if (!rows) {
    rows = computeLenses(compile(scenario));
    lensCache.set(scenario, rows);
  }
  return rows;
}

/**
 * Orders backlog item ids: scenario order, by effort (ties keep scenario order) or by a framework
 * lens, highest score first.
 */
export function sortBacklog(
  scenario: Scenario,
  ids: readonly string[],
  sort: BacklogSort,
): string[] {
  const scenarioOrder = new Map(scenario.items.map((item, i) => [item.id, i]));
  const effort = new Map(scenario.items.map((item) => [item.id, item.effort]));
  const byScenario = [...ids].sort(
    (a, b) => (scenarioOrder.get(a) ?? 0) - (scenarioOrder.get(b) ?? 0),
  );
  switch (sort) {
    case 'scenario':
      return byScenario;
    case 'effort-asc':
      return byScenario.sort((a, b) => (effort.get(a) ?? 0) - (effort.get(b) ?? 0));
    case 'effort-desc':
      return byScenario.sort((a, b) => (effort.get(b) ?? 0) - (effort.get(a) ?? 0));
    default: {
      const rank = new Map(orderBy(lensRows(scenario), sort).map((id, i) => [id, i]));
      return byScenario.sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
    }
  }
}

// ---- Score -------------------------------------------------------------------------------------

/** One bar of the score breakdown. */
export interface MetricBar {
  metric: Metric;
  label: string;
  description: string;
  /** Normalized 0–1 between the metric's floor and best. */
  value: number;
  /** Share of the score's weight (0–1). */
  weightShare: number;
}

/** The weighted metrics of an outcome as bars, in `METRICS` order; unweighted ones left out. */
export function metricBars(outcome: Outcome): MetricBar[] {
  const total = METRICS.reduce((sum, m) => sum + outcome.weights[m], 0);
  return METRICS.filter((m) => outcome.weights[m] > 0 && outcome.normalized[m] !== null).map(
    (m) => ({
      metric: m,
      label: METRIC_INFO[m].label,
      description: METRIC_INFO[m].description,
      value: outcome.normalized[m] ?? 0,
      weightShare: total > 0 ? outcome.weights[m] / total : 0,
    }),
  );
}

/** A score as a percentage of par (100 = par; above 100 beats it). Null without a usable par. */
export function percentOfPar(score: number, parScore: number | null): number | null {
  if (parScore === null || !(parScore > 0)) return null;
  return (100 * score) / parScore;
}

// ---- Briefing ----------------------------------------------------------------------------------

/** The starting picture of a scenario, from the expected run of an empty plan. */
export interface StartingPicture {
  arr: number;
  csat: number;
  debt: number;
  /** Share of capacity lost to debt drag in the first slot (0–1) and the points that is. */
  drag: number;
  dragPoints: number;
  /** Demand against system capacity at the start (1 = full), null without a demand model. */
  utilization: number | null;
  /** Per slot: nominal capacity, KTLO, and the effective capacity left if nothing changes. */
  slots: { label: string; capacity: number; ktlo: number; effective: number }[];
  /** Items the team works on at once, and how that reads. */
  streams: number;
  streamsSentence: string;
}

/** "The team works on 3 items at a time: …" (the model's parallel work streams). */
export function streamsSentence(streams: number): string {
  if (streams === 1)
    return 'The team works on one item at a time, in your order: an item waits for everything before it in its slot.';
  return `The team works on ${streams} items at a time, in your order: a small item starts as soon as one of them is free, wherever it sits in its slot. One item takes at most two of them, so a big item takes a while even when the team has room; start more than ${streams} at once and every one of them finishes later.`;
}

export function startingPicture(scenario: Scenario): StartingPicture {
  const outcome = simulate(scenario, emptyPlan(scenario));
  const first = outcome.slots[0];
  const { streams } = compile(scenario);
  return {
    arr: scenario.start.arr,
    csat: scenario.start.csat,
    debt: scenario.start.debt,
    drag: first?.drag ?? 0,
    dragPoints: first?.dragLost ?? 0,
    utilization: scenario.demand ? scenario.demand.rho0 : null,
    slots: outcome.slots.map((s) => ({
      label: s.label,
      capacity: s.capacity,
      ktlo: s.ktlo,
      effective: s.effectiveCapacity,
    })),
    streams,
    streamsSentence: streamsSentence(streams),
  };
}

/** How the plan is scored: each weighted metric, its share of the score and what it measures. */
export function scoringTable(scenario: Scenario): MetricBar[] {
  const weights = compile(scenario).weights;
  const total = METRICS.reduce((sum, m) => sum + weights[m], 0);
  return METRICS.filter((m) => weights[m] > 0).map((m) => ({
    metric: m,
    label: METRIC_INFO[m].label,
    description: METRIC_INFO[m].description,
    value: weights[m],
    weightShare: total > 0 ? weights[m] / total : 0,
  }));
}

export type DateKind =
  'deadline' | 'decay' | 'obligation' | 'deal' | 'vulnerability' | 'fee' | 'event' | 'ask';

/** Something with a date that a planner should know before starting. */
export interface KnownDate {
  slot: number;
  label: string;
  kind: DateKind;
  title: string;
  detail: string;
}

const DATE_ORDER: readonly DateKind[] = [
  'vulnerability',
  'fee',
  'event',
  'deal',
  'decay',
  'ask',
  'deadline',
  'obligation',
];

/**
 * Every known date of a scenario, by slot: item deadlines and decay starts, compliance
 * obligations, gated deals, vulnerability disclosures, running fees and scripted events.
 */
export function knownDates(scenario: Scenario): KnownDate[] {
  const dates: KnownDate[] = [];
  const items = itemIndex(scenario);
  const add = (slot: number, kind: DateKind, title: string, detail: string) =>
    dates.push({ slot, label: slotLabel(scenario, slot), kind, title, detail });
  for (const item of scenario.items) {
    if (item.injected) continue;
    if (item.urgency.kind === 'deadline')
      add(
        item.urgency.slot,
        'deadline',
        item.title,
        `Due by the end of ${slotLabel(scenario, item.urgency.slot)}; late it keeps ${formatPercent(item.urgency.lateFactor)} of its value` +
          (item.urgency.penalty > 0 ? ` and costs ${formatMoney(item.urgency.penalty)}.` : '.'),
      );
    if (item.urgency.kind === 'decay')
      add(
        item.urgency.startSlot,
        'decay',
        item.title,
        `Starts losing ${formatPercent(item.urgency.rate)} of its value per slot.`,
      );
    if (item.effects.fee)
      add(
        item.effects.fee.fromSlot,
        'fee',
        item.effects.fee.label,
        `${formatMoney(item.effects.fee.perSlot)} per ${slotWord(scenario)} until ${quoted(item.title)} ships.`,
      );
  }
  for (const o of scenario.obligations)
    add(
      o.deadlineSlot,
      'obligation',
      o.title,
      `Report due by the end of ${slotLabel(scenario, o.deadlineSlot)}` +
        (o.observationSlots > 0
          ? ` after ${formatPoints(o.observationSlots)} slots of evidence`
          : '') +
        (o.penalty > 0 ? `; missing it costs ${formatMoney(o.penalty)}.` : '.'),
    );
  for (const d of scenario.deals)
    add(
      d.fromSlot,
      'deal',
      d.title,
      `${formatMoney(d.arr)} ARR that needs ${scenario.obligations.find((o) => o.id === d.obligation)?.title ?? d.obligation}.`,
    );
  for (const v of scenario.security?.vulnerabilities ?? [])
    add(
      v.disclosedSlot,
      'vulnerability',
      v.title,
      `CVSS ${v.cvss}${v.internetFacing ? ', internet-facing' : ''}; ${v.disclosedSlot === 0 ? 'already public' : 'disclosed'}. Its breach risk grows every slot it stays open.`,
    );
  for (const s of scenario.stakeholders)
    for (const a of s.asks)
      add(
        a.bySlot,
        'ask',
        `${s.name} wants ${quoted(items.get(a.item)?.title ?? a.item)}`,
        `${s.role}, by the end of ${slotLabel(scenario, a.bySlot)}${a.why ? `: ${a.why}` : ''}.`,
      );
  for (const e of scenario.events) {
    switch (e.kind) {
      case 'injectItem':
        add(
          e.slot,
          'event',
          e.title,
          `${formatPercent(e.probability)} chance: ${quoted(items.get(e.item)?.title ?? e.item)} lands in the queue.`,
        );
        break;
      case 'demandSpike':
        add(
          e.slot,
          'event',
          e.title,
          `Demand ${e.branches.map((b) => `×${b.multiplier} (${formatPercent(b.probability)})`).join(' or ')}.`,
        );
        break;
      case 'competitorCopy':
        add(
          e.slot,
          'event',
          e.title,
          `${formatPercent(e.probability)} chance a competitor copies ${quoted(items.get(e.item)?.title ?? e.item)}.`,
        );
        break;
      case 'cascade':
        add(
          e.fromSlot,
          'event',
          e.title,
          `From ${slotLabel(scenario, e.fromSlot)}: ${formatPercent(e.probability)} chance per slot of a ${formatMoney(e.loss)} failure.`,
        );
        break;
    }
  }
  return dates.sort(
    (a, b) => a.slot - b.slot || DATE_ORDER.indexOf(a.kind) - DATE_ORDER.indexOf(b.kind),
  );
}

// ---- Screen-reader sentences -------------------------------------------------------------------

/**
 * "Q2 is 4 points over capacity" (over-committed) / "Q2 runs on by 6 points" (one big item worked
 * at full pace: more queued than it holds, no over-commitment) / "Q2 has 3 points to spare" /
 * "Q2 is exactly full" — what the column's verdict shows.
 */
export function describeCapacity(column: ColumnForecast): string {
  if (column.overBy > 0 && column.overcommit > 0)
    return `${column.label} is ${pointsText(column.overBy)} over capacity`;
  if (column.overBy > 0) return `${column.label} runs on by ${pointsText(column.overBy)}`;
  if (column.spare > 0) return `${column.label} has ${pointsText(column.spare)} to spare`;
  return `${column.label} is exactly full`;
}

/**
 * Where an item sits and what that does to its column, e.g. "SSO login moved to Q2, position 2
 * of 3; Q2 is 4 points over capacity". `verb` is "moved to", "is over"… Items in no slot are in
 * the backlog.
 */
export function describePlacement(
  scenario: Scenario,
  plan: Plan,
  outcome: Outcome | null,
  itemId: string,
  verb = 'moved to',
): string {
  const title = itemIndex(scenario).get(itemId)?.title ?? itemId;
  const at = findItem(plan, itemId);
  if (at === null) return `${title} ${verb} the backlog`;
  const count = plan.slots[at.slot]?.length ?? 0;
  const where = `${title} ${verb} ${slotLabel(scenario, at.slot)}, position ${at.index + 1} of ${count}`;
  if (!outcome) return where;
  const column = columnForecasts(scenario, plan, outcome)[at.slot];
  return column ? `${where}; ${describeCapacity(column)}` : where;
}

/** `describePlacement` with the outcome simulated for the plan (expected mode). */
export function describeMove(
  scenario: Scenario,
  plan: Plan,
  itemId: string,
  verb?: string,
): string {
  return describePlacement(scenario, plan, simulate(scenario, plan), itemId, verb);
}
