/**
 * A path of moves from a learner's plan toward par: at each step the single edit that gains the
 * most points (expected score), among placing an item in any slot at any position (adding it,
 * moving it, reordering a slot), taking an item out, swapping two items between slots,
 * replacing a planned item with one from the backlog (in its place), and placing an item together
 * with the prerequisites it would otherwise wait for (also making room: what par leaves out or
 * plans later goes back from the slots the group fills), or taking the last items of a slot out
 * (its overflow). It stops when less than half a point of the gap is left, after 8 steps, or when
 * no edit gains. When single edits leave more than a tenth of the gap (a plan far from par, or
 * one that climbs to a plan no single edit improves), the path is searched again with one more
 * kind of step, a whole slot planned as par plans it, taken first only where it gains clearly
 * more than any single edit, then wherever it gains most; and then again with only the edits
 * toward par (`SEARCHES`); the path that explains most is kept. On a plan space larger
 * than any shipped scenario's (`FULL_BUDGET_SIZE`) it tries only the edits toward par's plan
 * (`editsTowardPar`), and the positions inside a slot only for the most promising items
 * (`bestScreened`).
 *
 * Each step says what it does in domain words, naming the slot and the position, the points it
 * gains and the figures that moved, and carries the plan after it, so anyone can rescore it.
 */
import { compile, type Compiled } from '../engine/compile.ts';
import { expectedWorld, worldMetrics } from '../engine/expected.ts';
import { FULL_BUDGET_SIZE } from '../engine/par.ts';
import type { Plan } from '../engine/plan.ts';
import { scoreMetrics, type Metrics } from '../engine/score.ts';
import {
  type Anchors,
  type ItemType,
  type Metric,
  type Scenario,
  type Weights,
} from '../engine/schema.ts';
import { scoringOf, type Outcome } from '../engine/simulate.ts';
import { andList, slotLabel } from './format.ts';
import { NOUNS, pointsByMetric, valueText } from './gap.ts';
import { METRIC_INFO } from './words.ts';

/** Where an item sits: a slot and a position in it (0 = first). */
export interface Place {
  slot: number;
  index: number;
}

export type Edit =
  /**
   * Add an item (from the backlog), move it to another slot, or move it inside its slot.
   * `without` (when given) goes back to the backlog to make room: what par leaves out, from the
   * slot the item goes to on (a big item's work runs on into the slots after its own).
   */
  | { kind: 'place'; item: string; from: Place | null; to: Place; without?: string[] }
  | { kind: 'remove'; item: string; from: Place }
  /** Two items in different slots trade places. */
  | { kind: 'swap'; item: string; other: string; from: Place; otherFrom: Place }
  /** A planned item goes back to the backlog and a backlog item takes its place. */
  | { kind: 'replace'; item: string; other: string; from: Place }
  /**
   * An item goes into a slot together with the prerequisites it would otherwise wait for (not done
   * in an earlier slot or earlier in that slot), in dependency order. Each goes to the slot in
   * `withSlots` (same order): the item's own slot, just before it (before the item `before` of
   * that slot, or at its end when null); or an earlier slot, at its end — one slot earlier per
   * link of the chain, so a chain of prerequisites does not queue behind itself in one slot.
   * `without` (when given) goes back to the backlog to make room: items in those slots that par
   * leaves out or plans in a later slot.
   */
  | {
      kind: 'group';
      item: string;
      with: string[];
      slot: number;
      before: string | null;
      withSlots: number[];
      without?: string[];
    }
  /** The last `count` items of a slot (at least 2) go back to the backlog: the overflow. */
  | { kind: 'trim'; slot: number; count: number }
  /**
   * A slot planned as par plans it: exactly `ids`, in that order, taken from wherever they are;
   * the slot's other items go to the slot `displaced` names (at its end), or back to the backlog
   * (`to: null`).
   */
  | { kind: 'slot'; slot: number; ids: string[]; displaced: { item: string; to: number | null }[] };

/** A metric that moved in a step: its points and its figure before and after. */
export interface MovedFigure {
  metric: Metric;
  label: string;
  points: number;
  /** "downtime 796 minutes → 320 minutes". */
  text: string;
}

export interface PathStep {
  edit: Edit;
  /** Points this step gains (expected score after − before). */
  gain: number;
  before: number;
  after: number;
  /** The plan after this step (and every step before it). */
  plan: Plan;
  /** Up to two metrics that moved most, largest first. */
  moved: MovedFigure[];
  /** The general lesson the step shows (see `LESSONS`). */
  lesson: StepLesson;
  /** "Start “Stabilize the test suite” first in Q1, before “SSO”: +3.9 points — …". */
  sentence: string;
}

export interface MovePath {
  /** The learner's score, the score after the last step, and par's. */
  start: number;
  end: number;
  par: number;
  steps: PathStep[];
  /**
   * Share of the gap the steps explain: (end − start) / (par − start), capped to [0, 1]; 1 when
   * there is no gap to explain.
   */
  explained: number;
  /**
   * Why it stopped: less than `stopBelow` points of the gap left ('close'), the step limit
   * ('steps'), or no single edit gains any more although the gap is not closed ('together': what
   * is left needs several changes made at once).
   */
  stopped: 'close' | 'steps' | 'together';
  /** How many plans the search scored (every edit tried at every step, and the three ends). */
  scored: number;
}

export interface PathOptions {
  weights?: Weights;
  anchors?: Anchors;
  /** At most this many steps (default 8). */
  maxSteps?: number;
  /** Stop when less than this many points of the gap are left (default 0.5). */
  stopBelow?: number;
  /**
   * Search again with slot-as-par steps, and with only the edits toward par, when single edits
   * leave the gap open (default true; see `SEARCHES`).
   */
  slotSteps?: boolean;
}

export type StepLesson =
  | 'overcommitment'
  | 'enablers'
  | 'risk'
  | 'scale'
  | 'debt'
  | 'promises'
  | 'obligations'
  | 'value'
  | 'customers';

/** A lesson of the whole path rather than of one step (`idleFilled`). */
export type PathLesson = 'idle';

/**
 * General lessons, attached to the steps that show them: the kind of move (taking a slot's
 * overflow out, planning what an item needs first), else the metric the step gains most on.
 */
export const LESSONS: Readonly<Record<StepLesson | PathLesson, { title: string; text: string }>> = {
  overcommitment: {
    title: 'Over-commitment',
    text: 'A slot planned past what the team can do delivers less, not more: work spills into later slots and switching eats capacity.',
  },
  enablers: {
    title: 'Enablers first',
    text: 'An item is worth its value only once what it needs is done: plan the prerequisites before it, in time.',
  },
  risk: {
    title: 'Risk ripens',
    text: 'The chance of a breach or a rare loss is paid every slot it stays open: closing it early protects every slot after.',
  },
  scale: {
    title: 'Capacity before demand',
    text: 'Scale work pays only if it lands before the traffic does; after, the outages have already happened.',
  },
  debt: {
    title: 'Debt compounds',
    text: 'Drag takes a share of every later slot: paying debt down early frees capacity for everything after it.',
  },
  promises: {
    title: 'Promises',
    text: 'An ask met by the date asked keeps a stakeholder’s trust; late counts for little.',
  },
  obligations: {
    title: 'Dates that do not move',
    text: 'An obligation missed costs its fine and the deals waiting on it, whatever else the plan does well.',
  },
  value: {
    title: 'Value sooner',
    text: 'Revenue counts from the slot an item ships: the same item earns more the earlier it lands.',
  },
  customers: {
    title: 'Customers notice',
    text: 'Satisfaction moves with what ships and with what breaks.',
  },
  idle: {
    title: 'Idle capacity',
    text: 'Capacity a plan leaves unused earns nothing: the next most valuable item that fits is worth planning.',
  },
};

/** A slot the learner's plan leaves partly idle, and the steps that put work into it. */
export interface IdleSlot {
  slot: number;
  /** Points of the slot's working capacity the plan leaves idle. */
  idle: number;
  /** Steps (1-based) that add work to the slot. */
  steps: number[];
}

/** What `idleFilled` reads of an outcome: each slot's idle points and working capacity. */
export interface IdleTraces {
  slots: readonly Pick<Outcome['slots'][number], 'slack' | 'workingCapacity'>[];
}

/** Idle points worth naming: at least this many, and this share of the slot's working capacity. */
const IDLE_POINTS = 1;
const IDLE_SHARE = 0.1;

/** The slot an edit adds work to, if any (a move within a slot adds none). */
function slotsFilledBy(edit: Edit): number[] {
  switch (edit.kind) {
    case 'place':
      return edit.from === null || edit.from.slot !== edit.to.slot ? [edit.to.slot] : [];
    case 'group':
      return [...new Set([...edit.withSlots, edit.slot])].sort((a, b) => a - b);
    case 'replace':
      return [edit.from.slot];
    case 'swap':
      return [edit.from.slot, edit.otherFrom.slot];
    case 'slot':
      return [
        ...new Set([edit.slot, ...edit.displaced.flatMap((d) => (d.to === null ? [] : [d.to]))]),
      ].sort((a, b) => a - b);
    default:
      return [];
  }
}

/**
 * The slots where the learner's plan (its expected outcome, `yours`) leaves capacity idle and
 * the path's steps put work: the path-level lesson "Idle capacity". Empty when no step fills a
 * slot the plan left at least a point and a tenth idle.
 */
export function idleFilled(yours: IdleTraces, path: MovePath): IdleSlot[] {
  const out: IdleSlot[] = [];
  yours.slots.forEach((trace, slot) => {
    const idle = Math.max(0, trace.slack);
    if (idle < IDLE_POINTS || idle < IDLE_SHARE * trace.workingCapacity) return;
    const steps = path.steps.flatMap((step, i) =>
      slotsFilledBy(step.edit).includes(slot) ? [i + 1] : [],
    );
    if (steps.length > 0) out.push({ slot, idle, steps });
  });
  return out;
}

/** "Your plan leaves 12.2 points idle in Q3 and 8.0 in Q4: moves 2 and 5 put work there." */
export function idleSentence(c: Pick<Scenario, 'time'>, slots: readonly IdleSlot[]): string {
  const idle = andList(
    slots.map(
      (s, i) => `${s.idle.toFixed(1)}${i === 0 ? ' points' : ''} idle in ${slotLabel(c, s.slot)}`,
    ),
  );
  const steps = [...new Set(slots.flatMap((s) => s.steps))].sort((a, b) => a - b);
  return `Your plan leaves ${idle}: ${steps.length === 1 ? `move ${steps[0]} puts` : `moves ${andList(steps.map(String))} put`} work there.`;
}

/** The idle-capacity lesson as one line of text (exports, command line): title, sentence, lesson. */
export function idleLessonText(c: Pick<Scenario, 'time'>, slots: readonly IdleSlot[]): string {
  return `${LESSONS.idle.title}: ${idleSentence(c, slots)} ${LESSONS.idle.text}`;
}

const LESSON_OF_METRIC: Readonly<Record<Metric, StepLesson>> = {
  security: 'risk',
  reliability: 'scale',
  capacityHealth: 'debt',
  stakeholders: 'promises',
  compliance: 'obligations',
  revenue: 'value',
  csat: 'customers',
};

/**
 * Items whose gain can show in net value first although it is about something else: the terminal
 * value prices the capacity the remaining debt will cost, the breach risk left open and the demand
 * the system capacity left will shed.
 */
const LESSON_OF_TYPE: Partial<Record<ItemType, StepLesson>> = {
  debt: 'debt',
  security: 'risk',
  scale: 'scale',
};

/**
 * The lesson a step shows: its kind of move, else the metric it gains most on — except that
 * moving a debt, security or scale item is about debt, risk or scale even when its gain shows in
 * net value first (`LESSON_OF_TYPE`).
 */
function lessonOf(c: Compiled, edit: Edit, moved: readonly MovedFigure[]): StepLesson {
  if (edit.kind === 'trim') return 'overcommitment';
  if (edit.kind === 'group') return 'enablers';
  const top = moved.find((m) => m.points > 0) ?? moved[0];
  const lesson = top ? LESSON_OF_METRIC[top.metric] : 'value';
  if (edit.kind === 'slot') return lesson;
  const type = c.items[c.index.get(edit.item) ?? -1]?.type;
  return lesson === 'value' && type ? (LESSON_OF_TYPE[type] ?? lesson) : lesson;
}

/**
 * The searches made after the first (single edits among every edit), in this order, each only
 * while the path kept still explains less than `ENOUGH`; the path that explains most is kept.
 *
 * `factor`: slot-as-par edits compete too, taken only when they gain at least this many times
 * what the best single edit would. The first asks for clearly more (a far-off plan's slot
 * re-planned at once, not a blend of moves each of which would have been a step of its own); the
 * second takes it wherever it gains most.
 *
 * `toward`: single edits only among the edits toward par (`editsTowardPar`'s: each puts an item
 * in the slot par gives it, takes out one par leaves out, or trims a slot; here also making room,
 * see `editsOf`), and a slot step is then weighed against the best of those; once no move toward
 * par gains, any single edit. The greedy walk among every edit climbs to the nearest plan no
 * single edit improves, and that can be points below par: with one big item worked at full pace
 * no longer counted as over-commitment, par often commits a big item early (pilot-first's AI
 * dispatch in Q1, spike-first's multi-currency billing in Q2) or a whole chain in one slot
 * (platform-sprints' pool, rehearsal and cut-over in Sprint 4), and a plan that climbs to another
 * arrangement (medium items where par has the big one) gains nothing from any one edit, nor from
 * two toward par: the big item pays only once what par leaves out has made room for it. A walk
 * whose steps move toward par does not climb elsewhere first. It comes after the others because
 * its first steps, made while the plan is still far from par's shape, often gain less than the
 * best edit would, and a path that explains enough without it is kept as it was.
 */
const SEARCHES: readonly { factor: number | null; toward: boolean }[] = [
  { factor: 1.25, toward: false },
  { factor: 1, toward: false },
  { factor: null, toward: true },
  { factor: 1.25, toward: true },
  { factor: 1, toward: true },
];

/**
 * A path that explains this share of the gap is kept as it is: single moves teach more than a
 * slot re-planned at once, so slot-as-par steps are searched for only below it.
 */
const ENOUGH = 0.9;

/** Steps smaller than this (points) are rounding noise, not a move worth making. */
const MIN_GAIN = 0.05;

interface Scored {
  score: number;
  metrics: Metrics;
  normalized: Record<Metric, number | null>;
}

/** A fast scorer of plans, the same as `simulate`'s expected score (no trace, no ledger). */
function scorer(c: Compiled, options: PathOptions): (plan: Plan) => Scored {
  const { weights, anchors } = scoringOf(c, options);
  const world = expectedWorld(c);
  return (plan) => {
    const metrics = worldMetrics(c, plan.slots, world);
    const { score, normalized } = scoreMetrics(metrics, anchors, weights);
    return { score, metrics, normalized };
  };
}

function placeOf(plan: Plan, item: string): Place | null {
  for (let slot = 0; slot < plan.slots.length; slot++) {
    const index = plan.slots[slot]!.indexOf(item);
    if (index >= 0) return { slot, index };
  }
  return null;
}

/** Each planned item's slot in a plan. */
function slotOfItems(plan: Plan): Map<string, number> {
  const out = new Map<string, number>();
  plan.slots.forEach((ids, slot) => ids.forEach((id) => out.set(id, slot)));
  return out;
}

/** The plan after an edit. */
export function applyEdit(plan: Plan, edit: Edit): Plan {
  const slots = plan.slots.map((s) => [...s]);
  if (edit.kind === 'slot') {
    const moving = new Set([...edit.ids, ...edit.displaced.map((d) => d.item)]);
    const kept = slots.map((ids) => ids.filter((id) => !moving.has(id)));
    kept[edit.slot] = [...edit.ids];
    for (const { item, to } of edit.displaced) if (to !== null) kept[to]!.push(item);
    return { slots: kept };
  }
  if (edit.kind === 'trim') {
    slots[edit.slot]!.splice(slots[edit.slot]!.length - edit.count, edit.count);
    return { slots };
  }
  if (edit.kind === 'group') {
    const moving = new Set([...edit.with, edit.item]);
    const kept = slots.map((ids) => ids.filter((id) => !moving.has(id)));
    const target = kept[edit.slot]!;
    const at = edit.before === null ? target.length : target.indexOf(edit.before);
    const here = edit.with.filter((_, i) => edit.withSlots[i] === edit.slot);
    target.splice(at < 0 ? target.length : at, 0, ...here, edit.item);
    edit.with.forEach((id, i) => {
      const slot = edit.withSlots[i]!;
      if (slot !== edit.slot) kept[slot]!.push(id);
    });
    if (!edit.without) return { slots: kept };
    const out = new Set(edit.without);
    return { slots: kept.map((ids) => ids.filter((id) => !out.has(id))) };
  }
  if (edit.kind === 'replace') {
    slots[edit.from.slot]![edit.from.index] = edit.other;
    return { slots };
  }
  if (edit.kind === 'swap') {
    slots[edit.from.slot]![edit.from.index] = edit.other;
    slots[edit.otherFrom.slot]![edit.otherFrom.index] = edit.item;
    return { slots };
  }
  if (edit.from) slots[edit.from.slot]!.splice(edit.from.index, 1);
  if (edit.kind === 'place') slots[edit.to.slot]!.splice(edit.to.index, 0, edit.item);
  if (edit.kind === 'place' && edit.without) {
    const out = new Set(edit.without);
    return { slots: slots.map((ids) => ids.filter((id) => !out.has(id))) };
  }
  return { slots };
}

/**
 * The prerequisites `item` would wait for if placed in `slot` before `before` (or at its end):
 * every prerequisite, transitively, not in an earlier slot and not earlier in that slot, in
 * dependency order (prerequisites first).
 */
function missingPrerequisites(
  plan: Plan,
  deps: ReadonlyMap<string, readonly string[]>,
  item: string,
  slot: number,
  before: string | null,
): string[] {
  const ids = plan.slots[slot]!;
  const cut = before === null ? ids.length : ids.indexOf(before);
  const ready = new Set([...plan.slots.slice(0, slot).flat(), ...ids.slice(0, cut)]);
  ready.delete(item);
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    for (const dep of deps.get(id) ?? []) {
      if (seen.has(dep) || ready.has(dep)) continue;
      seen.add(dep);
      visit(dep);
      out.push(dep);
    }
  };
  visit(item);
  return out;
}

/**
 * For each missing prerequisite of `item` (in dependency order), a slot one earlier than `slot`
 * per link between it and the item (its longest chain to the item), never before the first slot.
 */
function chainSlots(
  deps: ReadonlyMap<string, readonly string[]>,
  item: string,
  missing: readonly string[],
  slot: number,
): number[] {
  const depth = new Map<string, number>([[item, 0]]);
  for (const id of [item, ...[...missing].reverse()]) {
    const d = depth.get(id) ?? 0;
    for (const dep of deps.get(id) ?? [])
      if (missing.includes(dep)) depth.set(dep, Math.max(depth.get(dep) ?? 0, d + 1));
  }
  return missing.map((id) => Math.max(0, slot - (depth.get(id) ?? 1)));
}

/**
 * Every single edit of a plan (see the module comment). With `par` (each item's slot in par's
 * plan), a group is also offered making room. With `toward` (the same map), only the edits toward
 * that plan are listed (see `editsTowardPar`), in the same order; with both, an item moved into
 * par's slot for it is also offered making room (what par leaves out, from that slot on, goes
 * back to the backlog). Only toward par: there the slot is par's, and the room is what par's plan
 * does without; offered into every slot, it would double the edits of every step.
 */
export function* editsOf(
  plan: Plan,
  items: readonly string[],
  deps: ReadonlyMap<string, readonly string[]> = new Map(),
  par: ReadonlyMap<string, number> | null = null,
  toward: ReadonlyMap<string, number> | null = null,
): Generator<Edit> {
  const all = plan.slots.map((_, slot) => slot);
  /** The slots an item may go to: every slot, or only the one `toward` gives it. */
  const slotsFor = (item: string): number[] => {
    if (!toward) return all;
    const slot = toward.get(item);
    return slot === undefined ? [] : [slot];
  };
  for (const item of items) {
    const from = placeOf(plan, item);
    for (const slot of slotsFor(item)) {
      const length = plan.slots[slot]!.length - (from?.slot === slot ? 1 : 0);
      const without =
        par && toward && from?.slot !== slot
          ? plan.slots
              .slice(slot)
              .flat()
              .filter((id) => id !== item && !par.has(id))
          : [];
      for (let index = 0; index <= length; index++) {
        if (from && from.slot === slot && from.index === index) continue;
        yield { kind: 'place', item, from, to: { slot, index } };
        // Positions that differ only by items going out give the same plan: one of each.
        const kept = index === 0 || !without.includes(plan.slots[slot]![index - 1]!);
        if (without.length > 0 && kept)
          yield { kind: 'place', item, from, to: { slot, index }, without };
      }
    }
    if (from && !toward?.has(item)) yield { kind: 'remove', item, from };
  }
  const placed = plan.slots.flatMap((ids, slot) =>
    ids.map((item, index) => ({ item, place: { slot, index } })),
  );
  for (let a = 0; a < placed.length; a++)
    for (let b = a + 1; b < placed.length; b++) {
      const x = placed[a]!;
      const y = placed[b]!;
      if (x.place.slot === y.place.slot) continue;
      if (toward && toward.get(x.item) !== y.place.slot && toward.get(y.item) !== x.place.slot)
        continue;
      yield { kind: 'swap', item: x.item, other: y.item, from: x.place, otherFrom: y.place };
    }
  const planned = new Set(placed.map((p) => p.item));
  for (const x of placed) {
    if (toward?.has(x.item)) continue;
    for (const other of items)
      if (!planned.has(other) && (!toward || toward.get(other) === x.place.slot))
        yield { kind: 'replace', item: x.item, other, from: x.place };
  }
  for (let slot = 0; slot < plan.slots.length; slot++)
    for (let count = 2; count <= plan.slots[slot]!.length; count++)
      yield { kind: 'trim', slot, count };
  for (const item of items) {
    if ((deps.get(item) ?? []).length === 0) continue;
    for (const slot of slotsFor(item))
      for (const before of [...plan.slots[slot]!, null]) {
        if (before === item) continue;
        const missing = missingPrerequisites(plan, deps, item, slot, before);
        if (missing.length > 0 && !(before !== null && missing.includes(before))) {
          const layouts = [missing.map(() => slot)];
          if (slot > 0) {
            const staggered = chainSlots(deps, item, missing, slot);
            if (staggered.some((s) => s !== slot)) layouts.push(staggered);
          }
          for (const withSlots of layouts) {
            const edit: Edit = { kind: 'group', item, with: missing, slot, before, withSlots };
            yield edit;
            if (!par) continue;
            // The same, making room: from the slots it fills, what par leaves out or plans
            // later goes back to the backlog.
            const moving = new Set([...missing, item]);
            const room = (id: string, s: number) => {
              const parSlot = par.get(id);
              return !moving.has(id) && (parSlot === undefined || parSlot > s);
            };
            const without = [...new Set([...withSlots, slot])]
              .sort((a, b) => a - b)
              .flatMap((s) => plan.slots[s]!.filter((id) => room(id, s)));
            if (without.length > 0 && (before === null || !without.includes(before)))
              yield { ...edit, without };
          }
        }
      }
  }
}

/** The metrics that moved most between two scored plans, in score points and figures. */
function movedFigures(
  before: Scored,
  after: Scored,
  weights: Record<Metric, number>,
): MovedFigure[] {
  return pointsByMetric(weights, before.normalized, after.normalized)
    .map(({ metric, points }) => {
      const from = valueText(metric, before.metrics[metric] ?? 0);
      const to = valueText(metric, after.metrics[metric] ?? 0);
      return {
        metric,
        label: METRIC_INFO[metric].label,
        points,
        text: `${NOUNS[metric]} ${from} → ${to}`,
        same: from === to,
      };
    })
    .filter((f) => Math.abs(f.points) >= 0.05 && !f.same)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .slice(0, 2)
    .map(({ same: _same, ...f }) => f);
}

const ordinal = (n: number) =>
  ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'][n] ??
  `number ${n + 1}`;

/** Where in a slot a place is, against its neighbours there: "first, before “B”". */
function position(
  c: Compiled,
  plan: Plan,
  edit: Extract<Edit, { kind: 'place' }>,
): { words: string; neighbours: string } {
  const after = applyEdit(plan, edit);
  const ids = after.slots[edit.to.slot]!;
  const at = ids.indexOf(edit.item);
  const title = (id: string) => `“${c.items[c.index.get(id)!]?.title ?? id}”`;
  const prev = at > 0 ? ids[at - 1] : undefined;
  const next = ids[at + 1];
  const neighbours =
    prev && next
      ? `after ${title(prev)}, before ${title(next)}`
      : next
        ? `before ${title(next)}`
        : prev
          ? `after ${title(prev)}`
          : '';
  const words = ids.length === 1 ? '' : at === ids.length - 1 ? 'last' : ordinal(at);
  return { words, neighbours };
}

/** The edit in domain words, naming the slot and the position. */
export function describeEdit(c: Compiled, plan: Plan, edit: Edit): string {
  const title = (id: string) => `“${c.items[c.index.get(id)!]?.title ?? id}”`;
  const label = (slot: number) => c.labels[slot] ?? `slot ${slot + 1}`;
  if (edit.kind === 'remove') return `Take ${title(edit.item)} out of ${label(edit.from.slot)}`;
  if (edit.kind === 'replace')
    return `Replace ${title(edit.item)} in ${label(edit.from.slot)} with ${title(edit.other)}`;
  if (edit.kind === 'slot') return describeSlotEdit(c, plan, edit);
  if (edit.kind === 'trim') {
    const out = plan.slots[edit.slot]!.slice(-edit.count);
    return `Take the last ${edit.count} items out of ${label(edit.slot)}: ${out.map(title).join(', ')}`;
  }
  if (edit.kind === 'group') {
    const after = applyEdit(plan, edit);
    const ids = after.slots[edit.slot]!;
    const at = ids.indexOf(edit.item);
    const next = ids[at + 1];
    const here = edit.withSlots.filter((slot) => slot === edit.slot).length;
    const where = next ? `, before ${title(next)}` : ids.length > here + 1 ? ', at the end' : '';
    const verb = placeOf(plan, edit.item) === null ? 'Add' : 'Move';
    const room = edit.without?.length
      ? `, and take ${edit.without.map(title).join(', ')} out to make room`
      : '';
    if (edit.withSlots.every((slot) => slot === edit.slot))
      return `${verb} ${title(edit.item)} to ${label(edit.slot)}${where}, with what it needs first: ${edit.with.map(title).join(', ')}${room}`;
    const needs = edit.with.map((id, i) => `${title(id)} in ${label(edit.withSlots[i]!)}`);
    return `${verb} ${title(edit.item)} to ${label(edit.slot)}${where}, with what it needs before it: ${needs.join(', ')}${room}`;
  }
  if (edit.kind === 'swap')
    return `Swap ${title(edit.item)} (${label(edit.from.slot)}) and ${title(edit.other)} (${label(edit.otherFrom.slot)})`;
  const { words, neighbours } = position(c, plan, edit);
  const where = [words, neighbours].filter(Boolean).join(', ');
  const slot = label(edit.to.slot);
  // What goes out to make room, with the slot it leaves: “A” (Q2) and “B” (Q3).
  const room = edit.without?.length
    ? `, and take ${andList(edit.without.map((id) => `${title(id)} (${label(placeOf(plan, id)?.slot ?? edit.to.slot)})`))} out to make room`
    : '';
  if (edit.from === null)
    return `Add ${title(edit.item)} to ${slot}${where ? `, ${where}` : ''}${room}`;
  if (edit.from.slot !== edit.to.slot)
    return `Move ${title(edit.item)} from ${label(edit.from.slot)} to ${slot}${where ? `, ${where}` : ''}${room}`;
  if (edit.to.index === 0)
    return `Start ${title(edit.item)} first in ${slot}${neighbours ? `, ${neighbours}` : ''}`;
  return `Move ${title(edit.item)} ${edit.to.index < edit.from.index ? 'earlier' : 'later'} in ${slot}${where ? `, ${where}` : ''}`;
}

/**
 * "Plan Y1 Q2 as par does: “A” (from the backlog), “B” and “C” (from Y1 Q4), in that order; “D”
 * moves to Y2 Q1, “E” goes back to the backlog".
 */
function describeSlotEdit(c: Compiled, plan: Plan, edit: Extract<Edit, { kind: 'slot' }>): string {
  const title = (id: string) => `“${c.items[c.index.get(id)!]?.title ?? id}”`;
  const label = (slot: number) => c.labels[slot] ?? `slot ${slot + 1}`;
  const origins = edit.ids.map((id) => {
    const from = placeOf(plan, id);
    if (from?.slot === edit.slot) return null;
    return `from ${from === null ? 'the backlog' : label(from.slot)}`;
  });
  // One origin for every item is said once: "as par does, all from the backlog: …".
  const same = origins.length > 1 && origins.every((o) => o !== null && o === origins[0]);
  const planned = edit.ids.map((id, i) =>
    same || origins[i] === null ? title(id) : `${title(id)} (${origins[i]})`,
  );
  const order = edit.ids.length > 1 ? ', in that order' : '';
  const going = edit.displaced.map(({ item, to }) =>
    to === null
      ? `${title(item)} goes back to the backlog`
      : `${title(item)} moves to ${label(to)}`,
  );
  const what =
    edit.ids.length === 0
      ? `Leave ${label(edit.slot)} empty as par does`
      : `Plan ${label(edit.slot)} as par does${same ? `, all ${origins[0]}` : ''}: ${andList(planned)}${order}`;
  return going.length > 0 ? `${what}; ${andList(going)}` : what;
}

/**
 * A slot-as-par edit for every slot the plan has otherwise than par (see `Edit`'s 'slot'): what
 * the slot holds that par does not goes to the slot par gives it, or back to the backlog.
 */
export function* slotEdits(plan: Plan, par: Plan): Generator<Edit> {
  const parSlot = slotOfItems(par);
  for (let slot = 0; slot < plan.slots.length; slot++) {
    const ids = par.slots[slot] ?? [];
    const now = plan.slots[slot]!;
    if (ids.length === now.length && ids.every((id, i) => now[i] === id)) continue;
    const displaced = now
      .filter((id) => parSlot.get(id) !== slot)
      .map((item) => ({ item, to: parSlot.get(item) ?? null }));
    yield { kind: 'slot', slot, ids: [...ids], displaced };
  }
}

/**
 * The edits toward `par` only, for a large plan space (more items × slots than
 * `FULL_BUDGET_SIZE`), where every edit of every step would be tens of thousands of simulations:
 * an item moves into the slot par gives it (at any position) or goes back to the backlog when par
 * leaves it out; two items swap when par has one of them in the other's slot; an item par leaves
 * out gives its place to one par plans in that slot; trims; and items placed with their
 * prerequisites in par's slot (without the making-room variant). Every edit `editsOf` would try
 * that moves a single item toward par's plan is among them.
 */
export function* editsTowardPar(
  plan: Plan,
  par: Plan,
  items: readonly string[],
  deps: ReadonlyMap<string, readonly string[]> = new Map(),
): Generator<Edit> {
  const parSlot = slotOfItems(par);
  yield* editsOf(plan, items, deps, null, parSlot);
}

interface Candidate {
  edit: Edit;
  plan: Plan;
  scored: Scored;
}

/** The edit of `edits` that scores best from `current` (the first of equals), or null. */
function bestOf(
  current: Plan,
  edits: Iterable<Edit>,
  score: (plan: Plan) => Scored,
): Candidate | null {
  let best: Candidate | null = null;
  for (const edit of edits) {
    const plan = applyEdit(current, edit);
    const scored = score(plan);
    if (!best || scored.score > best.scored.score + 1e-9) best = { edit, plan, scored };
  }
  return best;
}

/**
 * On a large plan space, how many items have every position inside their slot tried: those whose
 * move (or prerequisite group) to the front or the end of the slot scored best (`bestScreened`).
 */
export const POSITION_ROUND = 8;

/** An item's moves into one slot at its different positions (or one group's), as one family. */
function familyOf(edit: Edit): string | null {
  if (edit.kind === 'place') return `place ${edit.item} ${edit.to.slot}`;
  if (edit.kind === 'group') return `group ${edit.item} ${edit.slot} ${edit.withSlots.join(' ')}`;
  return null;
}

/**
 * `bestOf` in two rounds, for a large plan space where an item can go to any of a dozen places
 * in its slot: first every edit that has no positions, and each family's first and last position
 * (the front and the end of the slot); then every other position of the `POSITION_ROUND`
 * families whose front or end scored best. On the large backlog's ten strategy plans this chose
 * the same steps as trying every position, scoring about half as many plans.
 */
function bestScreened(
  current: Plan,
  edits: readonly Edit[],
  score: (plan: Plan) => Scored,
): Candidate | null {
  const families = new Map<string, Edit[]>();
  for (const edit of edits) {
    const key = familyOf(edit);
    if (key === null) continue;
    const members = families.get(key);
    if (members) members.push(edit);
    else families.set(key, [edit]);
  }
  const tried = new Map<Edit, Candidate>();
  const tryEdit = (edit: Edit) => {
    const plan = applyEdit(current, edit);
    tried.set(edit, { edit, plan, scored: score(plan) });
  };
  for (const edit of edits) if (familyOf(edit) === null) tryEdit(edit);
  // Each family's first and last position: the item started first in the slot, and the least
  // disturbance to what the slot holds.
  const ends = (members: Edit[]) => [members[0]!, members[members.length - 1]!];
  for (const members of families.values()) ends(members).forEach((e) => tried.has(e) || tryEdit(e));
  const best = (members: Edit[]) =>
    Math.max(...ends(members).map((e) => tried.get(e)!.scored.score));
  const ranked = [...families.values()].sort((a, b) => best(b) - best(a));
  for (const members of ranked.slice(0, POSITION_ROUND))
    members.forEach((e) => tried.has(e) || tryEdit(e));
  let top: Candidate | null = null;
  for (const edit of edits) {
    const candidate = tried.get(edit);
    if (candidate && (!top || candidate.scored.score > top.scored.score + 1e-9)) top = candidate;
  }
  return top;
}

/** The path of moves from `plan` toward `par` (see the module comment). */
export function pathToPar(
  scenario: Scenario,
  plan: Plan,
  par: Plan,
  options: PathOptions = {},
): MovePath {
  const c = compile(scenario);
  const { weights } = scoringOf(c, options);
  let tried = 0;
  const scoreOnce = scorer(c, options);
  const score = (p: Plan) => {
    tried += 1;
    return scoreOnce(p);
  };
  const items = c.items.filter((i) => !i.injected).map((i) => i.id);
  const deps = new Map(c.items.map((i) => [i.id, i.deps.map((d) => c.items[d]!.id)]));
  const large = c.items.length * c.slots > FULL_BUDGET_SIZE;
  const maxSteps = options.maxSteps ?? 8;
  const stopBelow = options.stopBelow ?? 0.5;
  const parScore = score(par).score;
  const parSlot = slotOfItems(par);
  const first = score(plan);
  const start = first.score;

  // The walks share their first steps, so each plan's best single edit (of every edit, or of
  // those toward par) and its slot-as-par edits are scored once, whichever walk reaches it.
  const singles = new Map<string, Candidate | null>();
  const slotSteps = new Map<string, Candidate[]>();
  // (An item id has no space or bar in it.)
  const keyOf = (p: Plan) => p.slots.map((ids) => ids.join(' ')).join('|');
  const bestSingle = (current: Plan, toward: boolean): Candidate | null => {
    const key = `${toward ? 'toward' : 'every'}|${keyOf(current)}`;
    const known = singles.get(key);
    if (known !== undefined) return known;
    const best = large
      ? bestScreened(current, [...editsTowardPar(current, par, items, deps)], score)
      : bestOf(current, editsOf(current, items, deps, parSlot, toward ? parSlot : null), score);
    singles.set(key, best);
    return best;
  };
  const slotCandidates = (current: Plan): Candidate[] => {
    const key = keyOf(current);
    const known = slotSteps.get(key);
    if (known) return known;
    const out = [...slotEdits(current, par)].map((edit) => {
      const next = applyEdit(current, edit);
      return { edit, plan: next, scored: score(next) };
    });
    slotSteps.set(key, out);
    return out;
  };

  /**
   * The greedy walk, among every edit or only those toward par; with a `factor`, slot-as-par
   * edits compete too, taken when they gain at least `factor` times the best single edit (see
   * `SEARCHES`).
   */
  const walk = (factor: number | null, toward = false) => {
    let current: Plan = { slots: plan.slots.map((s) => [...s]) };
    let now = first;
    const steps: PathStep[] = [];
    while (steps.length < maxSteps && parScore - now.score >= stopBelow) {
      let best = bestSingle(current, toward);
      if (factor !== null) {
        const single = best ? best.scored.score - now.score : 0;
        for (const candidate of slotCandidates(current)) {
          const gain = candidate.scored.score - now.score;
          if (gain >= factor * single && (!best || candidate.scored.score > best.scored.score))
            best = candidate;
        }
      }
      // Toward par while a move toward par gains, then any single edit: a walk stops only where
      // no single edit gains ('together').
      if (toward && (!best || best.scored.score - now.score < MIN_GAIN))
        best = bestSingle(current, false);
      if (!best || best.scored.score - now.score < MIN_GAIN) break;
      const gain = best.scored.score - now.score;
      const moved = movedFigures(now, best.scored, weights);
      const words = describeEdit(c, current, best.edit);
      const figures = moved.map((m) => m.text).join('; ');
      steps.push({
        edit: best.edit,
        gain,
        before: now.score,
        after: best.scored.score,
        plan: best.plan,
        moved,
        lesson: lessonOf(c, best.edit, moved),
        sentence: `${words}: +${gain.toFixed(1)} points${figures ? ` — ${figures}` : ''}.`,
      });
      current = best.plan;
      now = best.scored;
    }
    const stopped: MovePath['stopped'] =
      parScore - now.score < stopBelow ? 'close' : steps.length >= maxSteps ? 'steps' : 'together';
    return { end: now.score, steps, stopped };
  };

  const gap = parScore - start;
  const share = (end: number) => (gap <= 1e-9 ? 1 : Math.max(0, Math.min(1, (end - start) / gap)));
  let path = walk(null);
  for (const { factor, toward } of large || options.slotSteps === false ? [] : SEARCHES) {
    if (path.stopped === 'close' || share(path.end) >= ENOUGH) break;
    const wider = walk(factor, toward);
    if (wider.end > path.end + 1e-9) path = wider;
  }
  const explained = share(path.end);
  return { start, par: parScore, ...path, explained, scored: tried };
}
