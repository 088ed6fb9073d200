/**
 * The story of one seeded run, slot by slot: what finished, what happened (incidents, breaches
 * with their probability and roll, scripted events, overload, freezes) and the numbers at the end
 * of the slot. The reveal plays it; the events timeline lists it; both announce the same words.
 */
import type { EventRecord, Outcome, Scenario } from '../../engine';
import { formatMoney, formatPercent, formatSlotTime } from '../../explain/format';

export type EventTone = 'bad' | 'neutral' | 'good';

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
  tone: EventTone;
}

export interface StorySlot {
  slot: number;
  label: string;
  finished: { id: string; title: string; when: string }[];
  events: StoryEvent[];
  arr: number;
  csat: number;
  /** The sentence the reveal announces for this slot. */
  announcement: string;
}

/** Breach and cascade chances below this are not worth a line in the story. */
const NOTABLE = 0.01;

const roll2 = (r: number | null) => (r === null ? null : r.toFixed(2));

/** One event in words, or null when it is not worth telling (a negligible risk that passed). */
export function describeEvent(e: EventRecord): StoryEvent | null {
  const roll = roll2(e.roll);
  const rollText = roll === null ? '' : `, roll ${roll}`;
  switch (e.kind) {
    case 'incidents': {
      const count = Math.round(e.outcome);
      return {
        kind: e.kind,
        title: e.title,
        happened: count > 0,
        chance: `${e.probability.toFixed(1)} expected`,
        roll,
        text:
          count > 0
            ? `${count} ${count === 1 ? 'incident' : 'incidents'} (${e.probability.toFixed(1)} expected${rollText}).`
            : `No incidents (${e.probability.toFixed(1)} expected${rollText}).`,
        tone: count > 0 ? 'bad' : 'good',
      };
    }
    case 'breach':
    case 'cascade': {
      const happened = e.outcome > 0;
      if (!happened && e.probability < NOTABLE) return null;
      const chance = formatPercent(e.probability, 1);
      return {
        kind: e.kind,
        title: e.title,
        happened,
        chance: `${chance} likely`,
        roll,
        text: happened
          ? `${e.title}! It was ${chance} likely${rollText}${roll !== null ? ` (below ${e.probability.toFixed(3)})` : ''}; ${e.detail}.`
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

/** The run told slot by slot. */
export function storyOf(scenario: Scenario, run: Outcome): StorySlot[] {
  const titles = new Map(scenario.items.map((i) => [i.id, i.title]));
  const labels = scenario.time.labels;
  return run.slots.map((s) => {
    const finished = s.completed.map((c) => ({
      id: c.id,
      title: titles.get(c.id) ?? c.id,
      when: formatSlotTime(labels, c.at),
    }));
    const events = run.events
      .filter((e) => e.slot === s.slot)
      .map(describeEvent)
      .filter((e): e is StoryEvent => e !== null);
    const said: string[] = [];
    said.push(
      finished.length > 0
        ? `Finished: ${finished.map((f) => f.title).join(', ')}.`
        : 'Nothing finished.',
    );
    const happened = events.filter((e) => e.happened || e.kind === 'breach');
    for (const e of happened) said.push(e.text);
    said.push(`ARR ${formatMoney(s.arrEnd)}, CSAT ${s.csatEnd.toFixed(0)}.`);
    return {
      slot: s.slot,
      label: s.label,
      finished,
      events,
      arr: s.arrEnd,
      csat: s.csatEnd,
      announcement: `${s.label}. ${said.join(' ')}`,
    };
  });
}
