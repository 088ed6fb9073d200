/**
 * Workshop play on the board. The app passes it in (from the workshop feature) when a workshop
 * drives this scenario in this browser: the plan is graded under the workshop's weights — in
 * round-by-round play given the slots already played — the played slots are locked, scores may be
 * hidden until the facilitator reveals them, and the round's panel sits above the board.
 */
import type { ReactNode } from 'react';

import { slotLabel } from '../../explain/advice';
import { findItem, type Outcome, type Plan, type Scenario } from '../../engine';
import type { ParEntry } from '../../store';

/** An item an event added to the year (revealed in a played slot): shown, never moved. */
export interface AddedItem {
  id: string;
  /** Shown on its card, e.g. "Added by an event in Q3: worked on first". */
  note: string;
}

/**
 * A hidden fact play revealed (an item's value or its size): a short label for its card, a
 * sentence for its details, and the card's "unknown" badge it answers.
 */
export interface RevealedItem {
  id: string;
  badge: 'uncertain' | 'uncertain-effort' | 'uncertain-likelihood';
  label: string;
  sentence: string;
  /** A revealed size, in points (the card shows it in place of the estimate). */
  effort?: number;
}

export interface BoardWorkshop {
  /** Grades a plan (memoize it: the board calls it on every change). */
  evaluate: (plan: Plan) => Outcome;
  /** Par under the workshop's weights (from here, in round-by-round play). */
  par: ParEntry | undefined;
  /** Slots before this index have been played: nothing moves into or out of them. */
  lockedSlots: number;
  /** Hide the projected score, par and the score in announcements. */
  hideScores: boolean;
  /** Caption under the projected score, e.g. "Expected outcome given Q1 as played". */
  caption: string;
  addedItems: readonly AddedItem[];
  /** Hidden values revealed in the played slots, shown on their cards (default none). */
  revealed?: readonly RevealedItem[];
  /** The round's controls and story, shown above the board. */
  panel: ReactNode;
  /** Played alone: scores while planning follow practice mode, as on the plain board. */
  practice?: boolean;
}

/**
 * Why a move is refused in round-by-round play, or null when it is allowed. `to` is the target
 * slot, or null for the backlog.
 */
export function lockRefusal(
  scenario: Scenario,
  plan: Plan,
  lockedSlots: number,
  added: readonly AddedItem[],
  itemId: string,
  to: number | null,
): string | null {
  const title = scenario.items.find((i) => i.id === itemId)?.title ?? itemId;
  if (added.some((a) => a.id === itemId))
    return `“${title}” was added by an event and the team works on it first: it cannot be moved.`;
  if (lockedSlots <= 0) return null;
  const at = findItem(plan, itemId);
  if (at && at.slot < lockedSlots)
    return `“${title}” was played in ${slotLabel(scenario, at.slot)}: played slots are locked.`;
  if (to !== null && to < lockedSlots) {
    const next =
      lockedSlots < scenario.time.labels.length
        ? `; plan ${slotLabel(scenario, lockedSlots)} or later`
        : '';
    return `${slotLabel(scenario, to)} has been played and its plan is locked${next}.`;
  }
  return null;
}
