/**
 * Round-by-round play, without React: how the played slots went (the seeded story of the
 * committed plan, slot by slot), which items events added to the year, and the words for a round.
 *
 * The story comes from `simulate(..., { mode: 'seeded', seed })` of the committed slots alone. A
 * slot's story depends only on what was planned up to it (an item never starts before its slot),
 * so it is exactly what happened, whatever the team plans next.
 */
import type { EventRecord, Outcome, Plan, Scenario } from '../../engine';
import { formatMoney, formatPercent, formatSlotTime } from '../../explain/format';

export type Tone = 'bad' | 'neutral' | 'good';

export interface StoryLine {
  text: string;
  tone: Tone;
}

/** What happened in one played slot. */
export interface PlayedSlot {
  slot: number;
  label: string;
  finished: { id: string; title: string; when: string }[];
  events: StoryLine[];
  arr: number;
  csat: number;
  /** One paragraph for screen readers and the round panel's summary. */
  sentence: string;
}

/** An item a scripted event added in a played slot. */
export interface AddedByEvent {
  id: string;
  title: string;
  slot: number;
  /** For its card: what happened to it so far. */
  note: string;
}

/** Breach and cascade chances below this are not worth a line. */
const NOTABLE = 0.01;

/** The committed slots as a plan for the whole year (later slots empty). */
export function committedPlan(scenario: Scenario, committed: readonly (readonly string[])[]): Plan {
  return { slots: scenario.time.labels.map((_, s) => [...(committed[s] ?? [])]) };
}

/** One event of a seeded run in words, or null when it is not worth telling. */
export function describeEvent(e: EventRecord): StoryLine | null {
  switch (e.kind) {
    case 'incidents': {
      const count = Math.round(e.outcome);
      const expected = `${e.probability.toFixed(1)} expected`;
      return count > 0
        ? {
            text: `${count} ${count === 1 ? 'incident' : 'incidents'} (${expected}).`,
            tone: 'bad',
          }
        : { text: `No incidents (${expected}).`, tone: 'good' };
    }
    case 'breach':
    case 'cascade': {
      const chance = formatPercent(e.probability, 1);
      if (e.outcome > 0)
        return { text: `${e.title}! It was ${chance} likely; ${e.detail}.`, tone: 'bad' };
      if (e.probability < NOTABLE) return null;
      return { text: `No ${e.title.toLowerCase()} (it was ${chance} likely).`, tone: 'good' };
    }
    case 'overload':
      return { text: `Overload: ${e.detail}.`, tone: 'bad' };
    case 'freeze':
      return { text: `Feature freeze: ${e.detail}.`, tone: 'bad' };
    case 'demandSpike':
      return {
        text: `${e.title}: ${e.detail} (a ${formatPercent(e.probability)} outcome).`,
        tone: e.outcome > 1 ? 'bad' : 'neutral',
      };
    case 'injectItem':
    case 'competitorCopy':
      return e.outcome > 0
        ? { text: `${e.title}: ${e.detail}.`, tone: 'bad' }
        : {
            text: `${e.title} did not happen (${formatPercent(e.probability)} likely).`,
            tone: 'good',
          };
  }
}

/** How the first `played` slots went in a seeded run of the committed plan. */
export function playedStory(scenario: Scenario, run: Outcome, played: number): PlayedSlot[] {
  const titles = new Map(scenario.items.map((i) => [i.id, i.title]));
  const labels = scenario.time.labels;
  return run.slots.slice(0, played).map((s) => {
    const finished = s.completed.map((c) => ({
      id: c.id,
      title: titles.get(c.id) ?? c.id,
      when: formatSlotTime(labels, c.at),
    }));
    const events = run.events
      .filter((e) => e.slot === s.slot)
      .map(describeEvent)
      .filter((e): e is StoryLine => e !== null);
    const parts = [
      finished.length > 0
        ? `Finished: ${finished.map((f) => `${f.title} (${f.when})`).join(', ')}.`
        : 'Nothing finished.',
      ...events.map((e) => e.text),
      `End of ${s.label}: ARR ${formatMoney(s.arrEnd)}, satisfaction ${s.csatEnd.toFixed(0)}.`,
    ];
    return {
      slot: s.slot,
      label: s.label,
      finished,
      events,
      arr: s.arrEnd,
      csat: s.csatEnd,
      sentence: parts.join(' '),
    };
  });
}

/** Items scripted events added in the played slots, with how far the team got with them. */
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

/** "Round 2 of 4: plan Q2" — or the year's end. */
export function roundTitle(scenario: Scenario, played: number): string {
  const labels = scenario.time.labels;
  if (played >= labels.length) return 'The year is played';
  return `Round ${played + 1} of ${labels.length}: ${labels[played]}`;
}
