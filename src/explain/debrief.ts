/**
 * The counterfactual debrief (MODEL.md §8): why a plan scored what it did, against par.
 *
 * For every item the user deferred or dropped relative to par, the item is moved to its par slot
 * and the plan re-run (expected, and seeded on the same dice); for every item the user planned
 * that par leaves out, it is removed. The moves are ranked by the change in expected score and
 * the top ones that gain more than a point are explained with numbers, in sentences picked by
 * the mechanism that moved most. A luck note separates the decision (expected score) from the
 * dice (this run).
 */
import { compile, type Compiled } from '../engine/compile.ts';
import type { SlotTrace } from '../engine/core.ts';
import { termsText } from './terms.ts';
import { formatMoney, formatPercent, formatSigned, formatSlotTime, pointsText } from './format.ts';
import { dropItem, repairDependencies } from '../engine/par.ts';
import { findItem, placeItem, type Plan } from '../engine/plan.ts';
import {
  METRICS,
  type Anchors,
  type Item,
  type LessonCondition,
  type Metric,
  type Scenario,
  type Weights,
} from '../engine/schema.ts';
import { slicesOf } from '../engine/slices.ts';
import { simulate, type Outcome } from '../engine/simulate.ts';

/** The mechanism a cause is explained by. */
export type Mechanism =
  | 'security'
  | 'scale'
  | 'debt'
  | 'deadline'
  | 'lead time'
  | 'cascade'
  | 'preparedness'
  | 'renegotiation'
  | 'slice'
  | 'value';

/** How one slot would have differed under a counterfactual (user → counterfactual). */
export interface SlotDelta {
  slot: number;
  label: string;
  money: [number, number];
  incidents: [number, number];
  breachProbability: [number, number];
  utilization: [number, number];
  drag: [number, number];
}

/** One counterfactual move and what it would have changed. */
export interface Cause {
  kind: 'defer' | 'drop' | 'add';
  item: string;
  title: string;
  /** Slot in the user's plan (null when left out) and in par (null when par leaves it out). */
  userSlot: number | null;
  parSlot: number | null;
  /** "Move X from Q3 to Q1", "Plan X in Q2", "Leave X out". */
  change: string;
  /** Change in expected score, and in this run's score on the same dice. */
  gain: number;
  seededGain: number;
  mechanism: Mechanism;
  sentence: string;
  slots: SlotDelta[];
  /** Metric-by-metric change in normalized score (0–1) the move makes. */
  metricGains: Record<Metric, number>;
  plan: Plan;
}

export interface StakeholderReaction {
  id: string;
  name: string;
  role: string;
  influence: number;
  mood: 'pleased' | 'mixed' | 'disappointed';
  quote: string;
  asks: {
    item: string;
    title: string;
    bySlot: number;
    status: 'met' | 'late' | 'missed';
    completedAt: number | null;
    /** The terms agreed in a renegotiation (the status is against them). */
    renegotiated: { bySlot: number; scope: string | null; trust: number } | null;
  }[];
}

export interface Debrief {
  score: number;
  parScore: number;
  /** 100 × score / par score. */
  percentOfPar: number;
  beatPar: boolean;
  verdict: string;
  luck: { expected: number; seeded: number; seed: number; delta: number; sentence: string };
  causes: Cause[];
  interaction: { items: string[]; joint: number; sum: number; sentence: string } | null;
  lessons: { id: string; text: string }[];
  stakeholders: StakeholderReaction[];
  /** Normalized metrics (0–1) of the plan and of par, for the radar. */
  metricsGap: { metric: Metric; yours: number; par: number }[];
  /** Items whose actual effort in this run differed from the estimate. */
  effortReveal: {
    item: string;
    title: string;
    estimate: [number, number];
    planned: number;
    actual: number;
  }[];
  discussion: string[];
  expected: Outcome;
  seeded: Outcome;
  parOutcome: Outcome;
}

export interface DebriefOptions {
  par: Plan;
  seed?: number;
  weights?: Weights;
  anchors?: Anchors;
  /** How many causes to explain at most (3–5). */
  maxCauses?: number;
}

const label = (c: Compiled, slot: number | null) =>
  slot === null ? 'left out' : (c.labels[slot] ?? `slot ${slot + 1}`);
const quarters = (n: number, c: Compiled) => {
  const unit =
    c.slotsPerYear === 4
      ? 'quarter'
      : c.slotsPerYear === 12
        ? 'month'
        : c.slotsPerYear >= 24
          ? 'sprint'
          : 'slot';
  const r = Math.round(n * 10) / 10;
  return `${r} ${unit}${r === 1 ? '' : 's'}`;
};
const net = (s: SlotTrace) =>
  s.revenue - s.outageCost - s.overloadLoss - s.breachCost - s.fines - s.fees - s.cascadeLoss;

function slotDeltas(a: Outcome, b: Outcome): SlotDelta[] {
  return a.slots.map((s, t) => {
    const o = b.slots[t]!;
    return {
      slot: t,
      label: s.label,
      money: [net(s), net(o)],
      incidents: [s.incidents, o.incidents],
      breachProbability: [s.breachProbability, o.breachProbability],
      utilization: [s.utilization, o.utilization],
      drag: [s.drag, o.drag],
    };
  });
}

function metricGains(a: Outcome, b: Outcome): Record<Metric, number> {
  const out = {} as Record<Metric, number>;
  for (const m of METRICS) out[m] = (b.normalized[m] ?? 0) - (a.normalized[m] ?? 0);
  return out;
}

/** The mechanism a move works through: the weighted metric that moved most, read with the item. */
function mechanismOf(
  item: Item,
  gains: Record<Metric, number>,
  weights: Record<Metric, number>,
  c: Compiled,
): Mechanism {
  // The mechanism is the metric whose weighted gain explains most of why the move helps.
  let top: Metric = 'revenue';
  let best = -Infinity;
  for (const m of METRICS) {
    const v = gains[m] * weights[m];
    if (v > best) {
      best = v;
      top = m;
    }
  }
  if (item.renegotiates) return 'renegotiation';
  if (item.sliceOf) return 'slice';
  if (c.injectEvents.some((e) => e.prepared.includes(c.index.get(item.id) ?? -1)))
    return 'preparedness';
  if (top === 'security' || item.effects.closes.length > 0) return 'security';
  if (
    c.events.some(
      (e) => e.kind === 'cascade' && e.mitigations.some((m) => m.item === c.index.get(item.id)),
    )
  )
    return 'cascade';
  if (top === 'compliance' || item.effects.compliance !== undefined) {
    const o = c.obligations.find((x) => x.id === item.effects.compliance);
    return o && o.observation > 0 ? 'lead time' : 'deadline';
  }
  if (top === 'reliability' || item.effects.capacityAdd > 0) return 'scale';
  if (top === 'capacityHealth' || item.type === 'debt') return 'debt';
  if (item.urgency.kind === 'deadline' || top === 'stakeholders') return 'deadline';
  return 'value';
}

interface SentenceInput {
  c: Compiled;
  kind: Cause['kind'];
  item: Item;
  userSlot: number | null;
  parSlot: number | null;
  mechanism: Mechanism;
  user: Outcome;
  cf: Outcome;
  userSeeded: Outcome;
  cfSeeded: Outcome;
  gain: number;
}

/** Fills the sentence template of a mechanism with the run's numbers. */
function sentenceFor(x: SentenceInput): string {
  const { c, item, user, cf, userSeeded, cfSeeded } = x;
  const title = item.title;
  const points = `${formatSigned(x.gain)} points`;
  const when =
    x.kind === 'add'
      ? `was left out (par: ${label(c, x.parSlot)})`
      : x.kind === 'drop'
        ? `was planned (par leaves it out)`
        : x.userSlot === null
          ? `was left out (par: ${label(c, x.parSlot)})`
          : `was deferred to ${label(c, x.userSlot)} (par: ${label(c, x.parSlot)})`;
  const userItem = user.items.find((i) => i.id === item.id)!;
  const cfItem = cf.items.find((i) => i.id === item.id)!;

  switch (x.mechanism) {
    case 'security': {
      // The slot where the move changed breach probability most.
      let t = 0;
      let diff = -Infinity;
      user.slots.forEach((s, i) => {
        const d = s.breachProbability - cf.slots[i]!.breachProbability;
        if (Math.abs(d) > diff) {
          diff = Math.abs(d);
          t = i;
        }
      });
      const pUser = user.slots[t]!.breachProbability;
      const pCf = cf.slots[t]!.breachProbability;
      const open =
        userItem.completedAt !== null && cfItem.completedAt !== null
          ? userItem.completedAt - cfItem.completedAt
          : null;
      let text = `Because ${title} ${when}, `;
      if (item.effects.closes.length > 0 && open !== null && open > 0.05)
        text += `the vulnerability stayed open ${quarters(open, c)} longer. `;
      else if (item.effects.closes.length > 0 && userItem.completedAt === null)
        text += 'the vulnerability was never closed. ';
      text += `${text.endsWith(', ') ? 'b' : 'B'}reach probability in ${label(c, t)} was ${formatPercent(pUser, 1)} (would have been ${formatPercent(pCf, 1)}).`;
      const breach = userSeeded.events.find((e) => e.kind === 'breach' && e.slot === t);
      if (breach && breach.roll !== null) {
        if (breach.outcome > 0) {
          const miss = breach.roll >= cfSeeded.slots[t]!.breachProbability;
          text += ` The breach happened this run (roll ${breach.roll.toFixed(2)})${miss ? ' and the same roll would have missed' : ''}. Cost: ${formatMoney(c.sle)}, −${c.k.breachCsat} CSAT, ${formatPercent(c.k.breachChurn)} of ARR.`;
        } else text += ` This run was lucky: the roll (${breach.roll.toFixed(2)}) missed.`;
      }
      return `${text} ${points}.`;
    }
    case 'scale': {
      let t = 0;
      user.slots.forEach((s, i) => {
        if (
          s.peakUtilization - cf.slots[i]!.peakUtilization >
          user.slots[t]!.peakUtilization - cf.slots[t]!.peakUtilization
        )
          t = i;
      });
      const incidents = (o: Outcome) => o.slots.reduce((a, s) => a + s.incidents, 0);
      const instead =
        cfItem.completedAt !== null
          ? insteadOf(c.labels, userItem.completedAt, cfItem.completedAt)
          : '';
      const landed =
        x.kind === 'drop'
          ? 'took capacity that par spends elsewhere'
          : x.kind === 'add'
            ? `was left out (par: ${label(c, x.parSlot)})`
            : userItem.completedAt === null
              ? `was deferred to ${label(c, x.userSlot)} and never landed (par: ${label(c, x.parSlot)})`
              : `landed ${formatSlotTime(c.labels, userItem.completedAt)}${instead}`;
      const u = user.slots[t]!;
      const v = cf.slots[t]!;
      let text = `${title} ${landed}.`;
      const averaged = user.branches.length > 1;
      if (u.peakUtilization > 0 && Math.abs(u.peakUtilization - v.peakUtilization) > 0.01) {
        text += averaged
          ? ` Peak utilization in ${u.label}, averaged over the ways the year can go, was ρ = ${u.peakUtilization.toFixed(2)} (vs ${v.peakUtilization.toFixed(2)})`
          : ` Peak utilization in ${u.label} hit ρ = ${u.peakUtilization.toFixed(2)} (vs ${v.peakUtilization.toFixed(2)})`;
        if (u.shed > 0.001)
          text += `, shedding ${formatPercent(u.shed)} of peak demand (${formatMoney(u.overloadLoss)})`;
        text += ';';
      }
      text += `${text.endsWith(';') ? ' e' : ' E'}xpected outages over the year: ${incidents(user).toFixed(1)} (would have been ${incidents(cf).toFixed(1)}).`;
      return `${text} ${points}.`;
    }
    case 'debt': {
      const lost = (o: Outcome) => o.totals.dragLost + o.totals.thrash + o.totals.firefighting;
      const lastU = user.slots[user.slots.length - 1]!;
      const lastC = cf.slots[cf.slots.length - 1]!;
      const diff = lost(user) - lost(cf);
      const featureSize =
        c.items.filter((i) => i.type === 'feature').reduce((a, i) => a + i.meanEffort, 0) /
        Math.max(1, c.items.filter((i) => i.type === 'feature').length);
      const size = featureSize > 0 ? diff / featureSize : 0;
      // Only the end figures that differ as printed: "drag at 21% instead of 21%" says nothing.
      const ends = [
        lastU.debtEnd.toFixed(0) !== lastC.debtEnd.toFixed(0)
          ? `debt ended at ${lastU.debtEnd.toFixed(0)} instead of ${lastC.debtEnd.toFixed(0)}`
          : null,
        formatPercent(lastU.drag) !== formatPercent(lastC.drag)
          ? `drag at ${formatPercent(lastU.drag)} instead of ${formatPercent(lastC.drag)}`
          : null,
      ].filter((e) => e !== null);
      let text =
        ends.length > 0
          ? `Because ${title} ${when}, ${ends.join(' and ')}`
          : `Because ${title} ${when}, debt and drag ${diff > 0.5 ? "ran higher along the way, though both end where par's do" : "end where par's do"}`;
      text +=
        diff > 0.5
          ? `: you lost ${pointsText(Math.round(diff)).replace(' ', ' more ')} to drag, thrash and firefighting${size >= 0.8 ? ` — about the size of ${size < 1.5 ? 'a feature' : `${Math.round(size)} features`}` : ''}.`
          : '.';
      return `${text} ${points}.`;
    }
    case 'deadline': {
      const due = item.urgency.kind === 'deadline' ? item.urgency.slot : null;
      const ask = c.scenario.stakeholders
        .flatMap((s) => s.asks.map((a) => ({ s, a })))
        .find((x) => x.a.item === item.id);
      const deadline = due ?? ask?.a.bySlot ?? null;
      const finished =
        userItem.completedAt === null
          ? 'did not finish this year'
          : `finished ${formatSlotTime(c.labels, userItem.completedAt)}`;
      let text = `${title} ${finished}`;
      if (deadline !== null)
        text += `, ${userItem.completedAt !== null && userItem.completedAt <= deadline + 1 ? 'by' : 'after'} its ${label(c, deadline)} ${due !== null ? 'deadline' : `date (${ask?.s.name}, ${ask?.s.role})`}`;
      const slot = userItem.plannedSlot ?? deadline;
      const over = slot !== null ? (user.slots[slot]?.overcommit ?? 0) : 0;
      if (over > 0.05 && slot !== null)
        text += `, because ${label(c, slot)} was over-committed by ${formatPercent(over)}`;
      if (
        item.urgency.kind === 'deadline' &&
        userItem.valueFactor !== null &&
        userItem.valueFactor < 1
      )
        text += `; it kept only ${formatPercent(userItem.valueFactor)} of its value`;
      if (x.kind === 'drop')
        text += `; par leaves it out and spends its ${pointsText(item.effort)} elsewhere`;
      return `${text}. ${points}.`;
    }
    case 'lead time': {
      const o = c.obligations.find((ob) => ob.id === item.effects.compliance)!;
      const uo = user.obligations.find((ob) => ob.id === o.id)!;
      const deals = c.deals.filter((d) => d.obligation === c.obligations.indexOf(o));
      const done =
        userItem.completedAt === null
          ? 'never finished'
          : `finished ${formatSlotTime(c.labels, userItem.completedAt)}`;
      let text = `${title} ${done}; with a ${quarters(o.observation, c)} observation window the report `;
      text +=
        uo.reportAt === null
          ? `did not exist within the year`
          : `came ${formatSlotTime([...c.labels, ...c.labels.map((_, i) => `slot ${c.slots + i + 1}`)], uo.reportAt)}`;
      text += uo.met
        ? `, in time for the ${label(c, o.deadline)} deadline.`
        : `, after the ${label(c, o.deadline)} deadline.`;
      if (deals.length > 0) {
        const pipeline = deals.reduce((a, d) => a + d.arr, 0);
        const won = user.ledger.dealArr;
        text += ` ${formatPercent(Math.max(0, 1 - won / pipeline))} of the ${formatMoney(pipeline)} pipeline that waited for it was lost.`;
      }
      return `${text} ${points}.`;
    }
    case 'cascade': {
      const events = c.events.filter(
        (e): e is Extract<Compiled['events'][number], { kind: 'cascade' }> =>
          e.kind === 'cascade' && e.mitigations.some((m) => m.item === c.index.get(item.id)),
      );
      const risk = (o: Outcome) =>
        1 -
        o.events
          .filter((e) => e.kind === 'cascade' && events.some((ev) => ev.title === e.title))
          .reduce((survive, e) => survive * (1 - e.probability), 1);
      const loss = (o: Outcome) => o.ledger.cascade;
      const name = events.map((e) => e.title).join(', ');
      const landed =
        x.kind === 'drop'
          ? 'took capacity that par spends elsewhere'
          : x.kind === 'add'
            ? `was left out (par: ${label(c, x.parSlot)})`
            : userItem.completedAt === null
              ? `was deferred to ${label(c, x.userSlot)} and never landed (par: ${label(c, x.parSlot)})`
              : `landed ${formatSlotTime(c.labels, userItem.completedAt)}${cfItem.completedAt !== null ? insteadOf(c.labels, userItem.completedAt, cfItem.completedAt) : ''}`;
      let text = `${title} ${landed}. The chance of ${name} during the year was ${formatPercent(risk(user), 1)} (would have been ${formatPercent(risk(cf), 1)}), an expected loss of ${formatMoney(loss(user))} (would have been ${formatMoney(loss(cf))}).`;
      const hit = userSeeded.events.find((e) => e.kind === 'cascade' && e.outcome > 0);
      if (hit && hit.roll !== null)
        text += ` It struck this run in ${label(c, hit.slot)} (roll ${hit.roll.toFixed(2)}).`;
      return `${text} ${points}.`;
    }
    case 'preparedness': {
      const events = c.injectEvents.filter((e) => e.prepared.includes(c.index.get(item.id) ?? -1));
      const parts = events.map((e) => {
        const injected = c.items[e.item]!;
        const full = injected.meanEffort;
        const ready = e.prepared.map((i) => c.items[i]!.title).join(' and ');
        return `if “${e.title}” strikes in ${label(c, e.slot)} (${formatPercent(e.probability)} likely), ${injected.title} takes ${Math.round(full * e.effortFactor * 10) / 10} points when ${ready} ${e.prepared.length > 1 ? 'are' : 'is'} done, ${Math.round(full * 10) / 10} otherwise`;
      });
      const when =
        userItem.completedAt === null
          ? `${title} was not done this year`
          : `${title} was done ${formatSlotTime(c.labels, userItem.completedAt)}`;
      return `${when}${cfItem.completedAt !== null ? ` (par: ${formatSlotTime(c.labels, cfItem.completedAt)})` : ''}: ${parts.join('; ')}. Preparedness has option value. ${points}.`;
    }
    case 'renegotiation': {
      const r = item.renegotiates!;
      const yours = user.asks.find((a) => a.stakeholder === r.stakeholder && a.item === r.item);
      const pars = cf.asks.find((a) => a.stakeholder === r.stakeholder && a.item === r.item);
      const whose = askWords(c, r.stakeholder, r.item);
      if (x.kind === 'drop')
        return `You renegotiated ${whose}: met on the new terms it earns ${formatPercent(1 - r.trust)} of that ask’s credit, and par ${pars?.status === 'met' ? 'meets it as asked' : 'spends the conversation’s points elsewhere'}. ${points}.`;
      const yourAsk = yours
        ? yours.renegotiated
          ? `renegotiated it in ${label(c, Math.min(Math.floor(yours.renegotiated.at), c.slots - 1))}`
          : `${x.kind === 'defer' && x.userSlot !== null ? `planned the conversation for ${label(c, x.userSlot)}, too late to change the terms, and ` : ''}${yours.status === 'met' ? 'met it as asked' : yours.status === 'late' ? 'delivered it late' : 'missed it'}`
        : 'left it';
      return `Par renegotiates ${whose} in ${label(c, x.parSlot)} (${termsText(c.scenario, r)}); you ${yourAsk}. ${points}.`;
    }
    case 'slice': {
      // `cf` is your plan with this one move made (the MVP where par has it, or just before the
      // feature when that is earlier): the sentence tells what that move changes.
      const feature = c.scenario.items.find((i) => i.id === item.sliceOf!.item)!;
      const share = formatPercent(item.sliceOf!.share);
      const whole = feature.title;
      const at = (t: number | null) => (t === null ? '' : formatSlotTime(c.labels, t));
      const yourFeature = user.items.find((i) => i.id === feature.id)!;
      const cfFeature = cf.items.find((i) => i.id === feature.id)!;
      const featureWords = (o: typeof yourFeature, would = false) =>
        o.part === 'rest'
          ? o.completedAt === null
            ? `the rest ${would ? 'would not come' : 'did not come'} this year`
            : `the rest ${would ? 'would follow' : 'followed'} ${at(o.completedAt)}`
          : o.completedAt === null
            ? `${whole} ${o.status === 'left out' ? (would ? 'would not be built' : 'was not built') : would ? 'would not ship this year' : 'did not ship this year'}`
            : `${whole} ${would ? 'would ship' : 'shipped'} whole ${at(o.completedAt)}`;
      if (x.kind === 'drop')
        return userItem.part === 'wasted'
          ? `${title} came after ${whole} had started and brought nothing, since ${whole} covers it; it took ${pointsText(item.effort)}, and par leaves it out. ${points}.`
          : `You sliced ${whole}: ${title} brought ${share} of its value ${at(userItem.completedAt)}, and ${featureWords(yourFeature)}. Par does not build the MVP; without it, ${featureWords(cfFeature, true)}. ${points}.`;
      const yours =
        userItem.part === 'wasted'
          ? `Your ${title} came after ${whole} had started and brought nothing, since ${whole} covers it`
          : userItem.completedAt === null
            ? `You did not slice it: ${featureWords(yourFeature)}`
            : `Your ${title} shipped ${at(userItem.completedAt)}`;
      const moved =
        cfItem.completedAt === null
          ? `${title} would not ship this year`
          : `${title} would ship ${at(cfItem.completedAt)} with ${share} of ${whole}’s value, and ${featureWords(cfFeature, true)}`;
      return `Par slices ${whole}, shipping ${title} in ${label(c, x.parSlot)}. ${yours}. Planned ${cfFeature.part === 'rest' ? `before ${whole}` : `in ${label(c, x.parSlot)}`}, ${moved}. ${points}.`;
    }
    case 'value':
    default: {
      // A feature the plan split is only the rest: (1 − share) of its value.
      const mvp = userItem.part === 'rest' ? slicesOf(c.scenario).get(item.id) : undefined;
      const arr = item.value.arr * item.value.confidence * (1 - (mvp?.sliceOf?.share ?? 0));
      const effort = mvp
        ? item.effort * (c.items[c.index.get(item.id)!]?.restEffort ?? 1)
        : item.effort;
      const what = mvp ? `The rest of ${title}, after ${mvp.title},` : title;
      if (x.kind === 'drop' && item.reveals && item.value.arr === 0)
        return `${title} is an experiment: in a plan made for the whole year its answer comes after every slot is fixed, so it took ${pointsText(item.effort)} and changed nothing; par, made with the same information, leaves it out. Played quarter by quarter, you could act on what it shows (the decision-quality grade says what it was worth). ${points}.`;
      if (x.kind === 'drop')
        return arr > 0
          ? `${what} took ${pointsText(effort)} for an expected ${formatMoney(arr)} of ARR (${formatPercent(item.value.confidence)} confidence); leaving it out, as par does, frees that capacity. ${points}.`
          : `${what} took ${pointsText(effort)} and brings no revenue of its own; leaving it out, as par does, frees that capacity. ${points}.`;
      const shipped =
        userItem.completedAt === null
          ? 'did not ship this year'
          : `shipped ${formatSlotTime(c.labels, userItem.completedAt)}`;
      const could =
        cfItem.completedAt === null
          ? ''
          : userItem.completedAt === null
            ? ` (par: ${formatSlotTime(c.labels, cfItem.completedAt)})`
            : insteadOf(c.labels, userItem.completedAt, cfItem.completedAt);
      const months =
        userItem.completedAt !== null && cfItem.completedAt !== null
          ? userItem.completedAt - cfItem.completedAt
          : null;
      return `${title} ${shipped}${could}${months !== null && months > 0.05 && arr > 0 ? `: ${quarters(months, c)} less of its expected ${formatMoney(arr)} ARR` : ''}. ${points}.`;
    }
  }
}

/**
 * " instead of mid Q2" — or, when both times print the same, which way they differ: "shipped
 * early Q2 instead of early Q2" tells the reader nothing.
 */
function insteadOf(labels: readonly string[], user: number | null, par: number): string {
  const theirs = formatSlotTime(labels, par);
  if (user === null || formatSlotTime(labels, user) !== theirs) return ` instead of ${theirs}`;
  if (user > par) return ', a little later than in par';
  if (user < par) return ', a little earlier than in par';
  return ', as in par';
}

function conditionHolds(cond: LessonCondition, c: Compiled, plan: Plan, o: Outcome): boolean {
  const item = (id: string) => o.items.find((i) => i.id === id);
  switch (cond.kind) {
    case 'itemLate': {
      const at = item(cond.item)?.completedAt ?? null;
      return at === null || at > cond.slot + 1 + 1e-9;
    }
    case 'itemDoneBy': {
      const at = item(cond.item)?.completedAt ?? null;
      return at !== null && at <= cond.slot + 1 + 1e-9;
    }
    case 'itemOmitted':
      return findItem(plan, cond.item) === null;
    case 'maxUtilizationAbove':
      return Math.max(...o.slots.map((s) => s.peakUtilization)) > cond.value;
    case 'endDebtAbove':
      return o.endDebt > cond.value;
    case 'maxBreachProbabilityAbove':
      return Math.max(...o.slots.map((s) => s.breachProbability)) > cond.value;
    case 'obligationMissed':
      return o.obligations.some((ob) => ob.id === cond.obligation && !ob.met);
    case 'typeShareBelow': {
      const planned = plan.slots
        .flat()
        .map((id) => c.items[c.index.get(id) ?? -1])
        .filter((x) => x !== undefined);
      const total = planned.reduce((a, i) => a + i.meanEffort, 0);
      const share =
        total > 0
          ? planned.filter((i) => i.type === cond.type).reduce((a, i) => a + i.meanEffort, 0) /
            total
          : 0;
      return share < cond.share;
    }
    case 'all':
      return cond.of.every((x) => conditionHolds(x, c, plan, o));
    case 'any':
      return cond.of.some((x) => conditionHolds(x, c, plan, o));
  }
}

const DEFAULT_VOICE = {
  met: 'Everything I asked for arrived when I needed it.',
  late: 'I got what I asked for, but later than we agreed.',
  missed: 'What I asked for did not happen this year.',
  renegotiated:
    'We changed what I asked for, and you delivered what we agreed. I noticed it moved.',
};

/** "Olivia Grant’s ask for Digital gift cards by Q3". */
function askWords(c: Compiled, stakeholder: string, item: string): string {
  const s = c.scenario.stakeholders.find((x) => x.id === stakeholder);
  const ask = s?.asks.find((a) => a.item === item);
  const title = c.items[c.index.get(item) ?? -1]?.title ?? item;
  return `${s?.name ?? stakeholder}’s ask for ${title}${ask ? ` by ${label(c, ask.bySlot)}` : ''}`;
}

function reactions(c: Compiled, o: Outcome): StakeholderReaction[] {
  return c.scenario.stakeholders
    .filter((s) => s.asks.length > 0)
    .map((s) => {
      const asks = o.asks
        .filter((a) => a.stakeholder === s.id)
        .map((a) => ({
          item: a.item,
          title: c.items[c.index.get(a.item) ?? -1]?.title ?? a.item,
          bySlot: a.bySlot,
          status: a.status,
          completedAt: a.completedAt,
          renegotiated: a.renegotiated
            ? {
                bySlot: a.renegotiated.bySlot,
                scope: a.renegotiated.scope
                  ? (c.items[c.index.get(a.renegotiated.scope) ?? -1]?.title ??
                    a.renegotiated.scope)
                  : null,
                trust: a.renegotiated.trust,
              }
            : null,
        }));
      const allMet = asks.every((a) => a.status === 'met');
      const anyMissed = asks.some((a) => a.status === 'missed');
      const moved = asks.some((a) => a.renegotiated);
      const mood: StakeholderReaction['mood'] =
        allMet && !moved
          ? 'pleased'
          : anyMissed && asks.every((a) => a.status !== 'met')
            ? 'disappointed'
            : 'mixed';
      const key = allMet ? (moved ? 'renegotiated' : 'met') : anyMissed ? 'missed' : 'late';
      return {
        id: s.id,
        name: s.name,
        role: s.role,
        influence: s.influence,
        mood,
        quote: s.voice?.[key] ?? DEFAULT_VOICE[key],
        asks,
      };
    });
}

function verdictOf(percent: number, beat: boolean, top: Cause | undefined): string {
  let text: string;
  if (beat) text = 'You beat par: this plan is the new best known plan';
  else if (percent >= 97) text = 'Excellent: practically par';
  else if (percent >= 90) text = 'Strong plan, close to par';
  else if (percent >= 80) text = 'Solid plan with a few costly choices';
  else if (percent >= 65) text = 'Some choices cost a lot';
  else text = 'This plan left a lot on the table';
  if (top && !beat)
    text += `; the biggest gap: ${top.change.charAt(0).toLowerCase()}${top.change.slice(1)} (${formatSigned(top.gain)})`;
  return `${text}.`;
}

/**
 * Explains a plan against par.
 * @returns score, % of par, verdict, luck note, ranked causes with sentences, interaction note,
 *   triggered lessons, stakeholder reactions, the radar's data and the effort reveal.
 */
export function debrief(scenario: Scenario, plan: Plan, options: DebriefOptions): Debrief {
  const c = compile(scenario);
  const seed = options.seed ?? 1;
  const scoring = {
    ...(options.weights ? { weights: options.weights } : {}),
    ...(options.anchors ? { anchors: options.anchors } : {}),
  };
  const expected = simulate(scenario, plan, scoring);
  const seeded = simulate(scenario, plan, { ...scoring, mode: 'seeded', seed });
  const parOutcome = simulate(scenario, options.par, scoring);
  const weights = expected.weights;

  // Candidate moves towards par.
  const moves: {
    kind: Cause['kind'];
    item: Item;
    userSlot: number | null;
    parSlot: number | null;
    plan: Plan;
  }[] = [];
  for (const item of scenario.items) {
    if (item.injected) continue;
    const u = findItem(plan, item.id);
    const p = findItem(options.par, item.id);
    if (p && (!u || u.slot > p.slot)) {
      // An MVP slice placed after its feature would bring nothing: the move towards par that
      // makes sense then is to split, with the slice just before the feature.
      const feature = item.sliceOf ? findItem(plan, item.sliceOf.item) : null;
      const at =
        feature && (feature.slot < p.slot || (feature.slot === p.slot && feature.index < p.index))
          ? feature
          : p;
      const moved = repairDependencies(c, placeItem(plan, item.id, at.slot, at.index));
      moves.push({
        kind: u ? 'defer' : 'add',
        item,
        userSlot: u?.slot ?? null,
        parSlot: p.slot,
        plan: moved,
      });
    } else if (u && !p) {
      moves.push({
        kind: 'drop',
        item,
        userSlot: u.slot,
        parSlot: null,
        plan: dropItem(c, plan, item.id),
      });
    }
  }

  const evaluated = moves.map((m) => {
    const cf = simulate(scenario, m.plan, scoring);
    const cfSeeded = simulate(scenario, m.plan, { ...scoring, mode: 'seeded', seed });
    const gains = metricGains(expected, cf);
    const gain = cf.score - expected.score;
    const mechanism =
      m.kind === 'drop' && m.item.type === 'feature'
        ? 'value'
        : mechanismOf(m.item, gains, weights, c);
    const change =
      m.kind === 'drop'
        ? `Leave out ${m.item.title}`
        : m.kind === 'add'
          ? `Plan ${m.item.title} in ${label(c, m.parSlot)}`
          : `Move ${m.item.title} from ${label(c, m.userSlot)} to ${label(c, m.parSlot)}`;
    const cause: Cause = {
      kind: m.kind,
      item: m.item.id,
      title: m.item.title,
      userSlot: m.userSlot,
      parSlot: m.parSlot,
      change,
      gain,
      seededGain: cfSeeded.score - seeded.score,
      mechanism,
      sentence: '',
      slots: slotDeltas(expected, cf),
      metricGains: gains,
      plan: m.plan,
    };
    cause.sentence = sentenceFor({
      c,
      kind: m.kind,
      item: m.item,
      userSlot: m.userSlot,
      parSlot: m.parSlot,
      mechanism,
      user: expected,
      cf,
      userSeeded: seeded,
      cfSeeded,
      gain,
    });
    return cause;
  });
  evaluated.sort((a, b) => b.gain - a.gain || a.item.localeCompare(b.item));
  const maxCauses = Math.max(1, Math.min(5, options.maxCauses ?? 5));
  const causes = evaluated.filter((x) => x.gain > 1).slice(0, maxCauses);

  // Interaction: do the top moves add up?
  let interaction: Debrief['interaction'] = null;
  const top = causes.slice(0, 3);
  if (top.length >= 2) {
    let joint = plan;
    for (const cause of top) {
      joint =
        cause.kind === 'drop'
          ? dropItem(c, joint, cause.item)
          : repairDependencies(
              c,
              placeItem(
                joint,
                cause.item,
                cause.parSlot!,
                findItem(options.par, cause.item)!.index,
              ),
            );
    }
    const jointGain = simulate(scenario, joint, scoring).score - expected.score;
    const sum = top.reduce((a, x) => a + x.gain, 0);
    if (Math.abs(jointGain - sum) > Math.max(1, 0.15 * Math.abs(sum))) {
      const names = top.map((x) => x.title).join(', ');
      interaction = {
        items: top.map((x) => x.item),
        joint: jointGain,
        sum,
        sentence:
          jointGain < sum
            ? `Together, the top moves (${names}) gain ${formatSigned(jointGain)} points, not the ${formatSigned(sum)} their separate gains add up to: they compete for the same capacity.`
            : `Together, the top moves (${names}) gain ${formatSigned(jointGain)} points, more than the ${formatSigned(sum)} their separate gains add up to: they reinforce each other.`,
      };
    }
  }

  const delta = seeded.score - expected.score;
  // The gap between the two figures as printed, so the sentence adds up as a reader checks it.
  const shownExpected = expected.score.toFixed(0);
  const shownRun = seeded.score.toFixed(0);
  const shownGap = Math.abs(Number(shownRun) - Number(shownExpected));
  const luckSentence =
    Math.abs(delta) < 1
      ? `Expected score ${shownExpected}, this run ${shownRun}: luck hardly mattered.`
      : `Expected score ${shownExpected}, this run ${shownRun}: you were ${delta < 0 ? 'unlucky' : 'lucky'} by ${pointsText(shownGap)}. Judge the decision by the first number.`;

  const beatPar = expected.score > parOutcome.score + 1e-9;
  const percentOfPar = parOutcome.score > 0 ? (100 * expected.score) / parOutcome.score : 100;

  return {
    score: expected.score,
    parScore: parOutcome.score,
    percentOfPar,
    beatPar,
    verdict: verdictOf(percentOfPar, beatPar, causes[0]),
    luck: { expected: expected.score, seeded: seeded.score, seed, delta, sentence: luckSentence },
    causes,
    interaction,
    lessons: scenario.lessons
      .filter((l) => conditionHolds(l.when, c, plan, expected))
      .map((l) => ({ id: l.id, text: l.text })),
    stakeholders: reactions(c, expected),
    metricsGap: METRICS.filter((m) => expected.normalized[m] !== null && weights[m] > 0).map(
      (m) => ({
        metric: m,
        yours: expected.normalized[m] ?? 0,
        par: parOutcome.normalized[m] ?? 0,
      }),
    ),
    effortReveal: scenario.items
      .filter((i) => i.estimate && findItem(plan, i.id))
      .map((i) => ({
        item: i.id,
        title: i.title,
        estimate: i.estimate!,
        planned: i.effort,
        actual: seeded.items.find((x) => x.id === i.id)!.effort,
      })),
    discussion: scenario.discussion,
    expected,
    seeded,
    parOutcome,
  };
}
