/**
 * The words for decision quality (a game played quarter by quarter): each commit against the best
 * commit available with what was known when it was made, and the game's decision score.
 */
import type { CommitGrade, DecisionQuality } from '../engine/decisions';
import type { Scenario } from '../engine/schema';

// The arithmetic is the engine's; the debrief and its exports take it from here with the words.
export { decisionScore } from '../engine/decisions';

/** Losses below this read as "as good as the best" (the search's own noise is about 0.05). */
export const SAME_DECISION = 0.05;

export interface DecisionRow {
  slot: number;
  /** "Q2". */
  label: string;
  /** What was committed, e.g. "SSO, Audit log" or "Nothing (keep the lights on)". */
  committed: string;
  /** The best commit then, in the same words; "Same as yours" when it is. */
  best: string;
  /** "0.0", "−1.9". */
  lost: string;
  /** The commit was as good as the best available. */
  good: boolean;
}

function itemsText(scenario: Scenario, ids: readonly string[]): string {
  if (ids.length === 0) return 'Nothing (keep the lights on)';
  const titles = new Map(scenario.items.map((i) => [i.id, i.title]));
  return ids.map((id) => titles.get(id) ?? id).join(', ');
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** One row per graded commit, in slot order. */
export function decisionRows(scenario: Scenario, commits: readonly CommitGrade[]): DecisionRow[] {
  return commits.map((c) => {
    const good = c.lost < SAME_DECISION;
    return {
      slot: c.slot,
      label: scenario.time.labels[c.slot] ?? `Slot ${c.slot + 1}`,
      committed: itemsText(scenario, c.committed),
      best: good || sameSet(c.best, c.committed) ? 'Same as yours' : itemsText(scenario, c.best),
      lost: good ? '0.0' : `−${c.lost.toFixed(1)}`,
      good,
    };
  });
}

/** The game's decision score in a sentence, naming where most points went. */
export function decisionSentence(scenario: Scenario, dq: DecisionQuality): string {
  const par = dq.parScore.toFixed(1);
  if (dq.lost < SAME_DECISION)
    return `Every commit was as good as the best one available with what you knew when you made it: your decisions are worth par’s ${par}.`;
  const worst = dq.commits.reduce((a, b) => (b.lost > a.lost ? b : a));
  const where = scenario.time.labels[worst.slot] ?? `slot ${worst.slot + 1}`;
  const share =
    worst.lost >= dq.lost - SAME_DECISION
      ? `all of them in ${where}`
      : `${worst.lost.toFixed(1)} of them in ${where}`;
  const score = `${dq.score < 0 ? '−' : ''}${Math.abs(dq.score).toFixed(1)}`;
  return `Your decisions are worth ${score} against par’s ${par}: ${dq.lost.toFixed(1)} points lost, ${share}.`;
}

/** "quarter by quarter", "month by month", "sprint by sprint" — how a scenario's slots are played. */
export function slotBySlot(scenario: Pick<Scenario, 'time'>): string {
  const noun =
    { 4: 'quarter', 12: 'month', 26: 'sprint', 52: 'week' }[scenario.time.slotsPerYear] ?? 'slot';
  return `${noun} by ${noun}`;
}

/** A world played alone, as the library lists it (see the store's `WorldPlayed`). */
export interface WorldScore {
  score: number;
  parScore: number;
}

/** Most recent decision scores the library shows for a scenario. */
export const WORLDS_SHOWN = 5;

/**
 * The library's line for a scenario played quarter by quarter alone: how many worlds, and the
 * decision scores of the latest ones, oldest first, against par. Null before any world.
 */
export function worldsSummary(worlds: readonly WorldScore[]): string | null {
  const last = worlds.at(-1);
  if (!last) return null;
  const count = `${worlds.length} ${worlds.length === 1 ? 'world' : 'worlds'}`;
  const recent = worlds.slice(-WORLDS_SHOWN).map((w) => w.score.toFixed(1));
  const trend = worlds.length > WORLDS_SHOWN ? `latest ${recent.join(' → ')}` : recent.join(' → ');
  return `${count} · decision quality ${trend} (par ${last.parScore.toFixed(1)})`;
}
