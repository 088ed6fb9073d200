/**
 * The story of one seeded run, slot by slot, in the words users read: what finished, what happened
 * (incidents, breaches with their probability and the roll that decided them, scripted events,
 * overload, freezes) and the numbers at the end of the slot. One story for every screen that tells
 * a run: the debrief's reveal and events table, and the workshop's played rounds.
 *
 * In round-by-round play the story is told of the committed slots alone: a slot's story depends
 * only on what was planned up to it (an item never starts before its slot), so it is exactly what
 * happened, whatever the team plans next.
 */
import type { EventRecord, SlotTrace } from '../engine/core.ts';
import type { Outcome } from '../engine/simulate.ts';
import type { Scenario } from '../engine/schema.ts';
import { andList, formatMoney, formatPercent, formatSlotTime } from './format.ts';

export type StoryTone = 'bad' | 'neutral' | 'good';

export interface StoryEvent {
  kind: EventRecord['kind'];
  title: string;
  /** Whether it happened in this run (a breach that did not strike is a near miss). */
  happened: boolean;
  /** "35.1% likely" or "1.2 expected"; null when certain. */
  chance: string | null;
  /** The roll that decided it, "0.21", or null. */
  roll: string | null;
  /** One sentence with the numbers. */
  text: string;
  tone: StoryTone;
}

export interface StorySlot {
  slot: number;
  label: string;
  finished: { id: string; title: string; when: string }[];
  /** "Finished: SSO login (mid Q2), Patch (early Q2)." or "Nothing finished." */
  finishedText: string;
  /** The events worth telling, in the order they happened. */
  events: StoryEvent[];
  /** ARR at the end of the slot ($). */
  arr: number;
  /** CSAT at the end of the slot (0–100). */
  csat: number;
  /** "ARR $1.25M, CSAT 71." */
  numbersText: string;
  /** The whole slot in one paragraph (what the reveal announces): label, finished, events, numbers. */
  announcement: string;
}

/** An item a scripted event added in a played slot. */
export interface AddedByEvent {
  id: string;
  title: string;
  slot: number;
  /** For its card: what happened to it so far. */
  note: string;
}

/** Breach and cascade chances below this are not worth a line in the story. */
export const NOTABLE_CHANCE = 0.01;

const roll2 = (r: number | null) => (r === null ? null : r.toFixed(2));

/**
 * What a slot's breach risk came from, in words, largest first: each open vulnerability and
 * standing threat by its title with its chance that slot, and stale dependencies (the rest).
 */
export function breachSources(scenario: Scenario, slot: SlotTrace): string {
  const security = scenario.security;
  const titles = new Map<string, string>([
    ...(security?.vulnerabilities ?? []).map((v) => [v.id, v.title] as const),
    ...(security?.threats ?? []).map((x) => [x.id, x.title] as const),
  ]);
  const named = [...slot.vulnerabilityRisk, ...slot.threatRisk];
  const survival = named.reduce((acc, r) => acc * (1 - r.probability), 1);
  // The debt-linked baseline is the rest: 1 − p = (1 − stale)·Π(1 − p_i).
  const stale = survival > 0 ? 1 - (1 - slot.breachProbability) / survival : 0;
  const parts = [
    ...named.map((r) => ({ text: `“${titles.get(r.id) ?? r.id}”`, p: r.probability })),
    ...(stale >= 0.0005 ? [{ text: 'stale dependencies', p: stale }] : []),
  ]
    .sort((a, b) => b.p - a.p)
    .map((x) => `${x.text} (${formatPercent(x.p, 1)})`);
  return parts.length > 0 ? `the risk came from ${andList(parts)}` : 'no source of risk was open';
}

/**
 * One event in words, or null when it is not worth telling (a negligible risk that passed).
 * `sources` tells where a breach came from (`breachSources`) in place of the engine's ids.
 */
export function describeEvent(e: EventRecord, sources?: string): StoryEvent | null {
  const roll = roll2(e.roll);
  const rollText = roll === null ? '' : `, roll ${roll}`;
  switch (e.kind) {
    case 'incidents': {
      const count = Math.round(e.outcome);
      const expected = `${e.probability.toFixed(1)} expected`;
      return {
        kind: e.kind,
        title: e.title,
        happened: count > 0,
        chance: expected,
        roll,
        text:
          count > 0
            ? `${count} ${count === 1 ? 'incident' : 'incidents'} (${expected}${rollText}).`
            : `No incidents (${expected}${rollText}).`,
        tone: count > 0 ? 'bad' : 'good',
      };
    }
    case 'breach':
    case 'cascade': {
      const happened = e.outcome > 0;
      if (!happened && e.probability < NOTABLE_CHANCE) return null;
      const chance = formatPercent(e.probability, 1);
      return {
        kind: e.kind,
        title: e.title,
        happened,
        chance: `${chance} likely`,
        roll,
        text: happened
          ? `${e.title}! It was ${chance} likely${rollText}${roll !== null ? ` (below ${e.probability.toFixed(3)})` : ''}; ${e.kind === 'breach' && sources ? sources : e.detail}.`
          : `No ${e.title.toLowerCase()}: it was ${chance} likely${rollText}.`,
        tone: happened ? 'bad' : 'good',
      };
    }
    case 'overload':
      return {
        kind: e.kind,
        title: e.title,
        happened: true,
        chance: null,
        roll: null,
        text: `Overload: ${e.detail}.`,
        tone: 'bad',
      };
    case 'freeze':
      return {
        kind: e.kind,
        title: e.title,
        happened: true,
        chance: null,
        roll: null,
        text: `Feature freeze: ${e.detail}.`,
        tone: 'bad',
      };
    case 'demandSpike':
      return {
        kind: e.kind,
        title: e.title,
        happened: e.outcome !== 1,
        chance: `${formatPercent(e.probability)} likely`,
        roll,
        text: `${e.title}: ${e.detail} (a ${formatPercent(e.probability)} outcome${rollText}).`,
        tone: e.outcome > 1 ? 'bad' : 'neutral',
      };
    case 'injectItem':
    case 'competitorCopy': {
      const happened = e.outcome > 0;
      return {
        kind: e.kind,
        title: e.title,
        happened,
        chance: `${formatPercent(e.probability)} likely`,
        roll,
        text: `${e.title}: ${happened ? e.detail : 'did not happen'} (${formatPercent(e.probability)} likely${rollText}).`,
        tone: happened ? 'bad' : 'neutral',
      };
    }
  }
}

/**
 * The run told slot by slot: every slot, or the first `slots` (the rounds played so far).
 * @param run a seeded run (`simulate(..., { mode: 'seeded', seed })`): its events carry the rolls.
 */
export function storyOf(scenario: Scenario, run: Outcome, slots = run.slots.length): StorySlot[] {
  const titles = new Map(scenario.items.map((i) => [i.id, i.title]));
  const labels = scenario.time.labels;
  return run.slots.slice(0, slots).map((s) => {
    const finished = s.completed.map((c) => ({
      id: c.id,
      title: titles.get(c.id) ?? c.id,
      when: formatSlotTime(labels, c.at),
    }));
    const events = run.events
      .filter((e) => e.slot === s.slot)
      .map((e) => describeEvent(e, e.kind === 'breach' ? breachSources(scenario, s) : undefined))
      .filter((e): e is StoryEvent => e !== null);
    const finishedText =
      finished.length > 0
        ? `Finished: ${finished.map((f) => `${f.title} (${f.when})`).join(', ')}.`
        : 'Nothing finished.';
    const numbersText = `ARR ${formatMoney(s.arrEnd)}, CSAT ${s.csatEnd.toFixed(0)}.`;
    return {
      slot: s.slot,
      label: s.label,
      finished,
      finishedText,
      events,
      arr: s.arrEnd,
      csat: s.csatEnd,
      numbersText,
      announcement: [`${s.label}.`, finishedText, ...events.map((e) => e.text), numbersText].join(
        ' ',
      ),
    };
  });
}

/** Items scripted events added in the first `played` slots, with how far the team got with them. */
export function addedByEvents(scenario: Scenario, run: Outcome, played: number): AddedByEvent[] {
  const labels = scenario.time.labels;
  const out: AddedByEvent[] = [];
  for (const event of scenario.events) {
    if (event.kind !== 'injectItem' || event.slot >= played) continue;
    const record = run.events.find(
      (e) => e.kind === 'injectItem' && e.slot === event.slot && e.title === event.title,
    );
    if (!record || record.outcome <= 0) continue;
    const item = scenario.items.find((i) => i.id === event.item);
    if (!item) continue;
    const done = run.items.find((i) => i.id === item.id)?.completedAt ?? null;
    const label = labels[event.slot] ?? `slot ${event.slot + 1}`;
    out.push({
      id: item.id,
      title: item.title,
      slot: event.slot,
      note:
        done !== null && done <= played
          ? `Added by an event in ${label}, worked on first: done ${formatSlotTime(labels, done)}`
          : `Added by an event in ${label}, worked on first: not finished yet`,
    });
  }
  return out;
}
