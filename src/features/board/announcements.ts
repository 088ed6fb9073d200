/**
 * What screen readers hear while dragging, in domain words with positions and capacity
 * ("SSO login moved to Q2, position 2 of 3; Q2 is 4 points over capacity"). Built from the
 * board's latest data through getters, because they are asked for at event time.
 */
import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';

import { describePlacement } from '../../explain/advice';
import { placeOf } from '../../explain/board';
import { gradeAndValue } from '../../explain/value';
import type { Outcome, Plan, Scenario } from '../../engine';
import { expectedOutcome } from '../../store';
import { containerOf, planOfContainers, type Containers } from './dnd';

export const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    'To move this item, press Space or Enter. Then Left and Right arrows move it to the previous or next column, Up and Down change its position in the column. Press Space or Enter to drop it, or Escape to cancel. Or press a number key to send it to that slot, 0 to send it back to the backlog. The Move to menu on each card does the same. Press question mark for every shortcut.',
};

export interface AnnouncementSources {
  scenario: () => Scenario;
  /** The committed plan (after a drop has been saved). */
  plan: () => Plan;
  /** Grades a plan; default the expected outcome (a workshop grades under its own weights). */
  outcome?: (plan: Plan) => Outcome;
  /** True while scores are hidden (practice mode, a workshop before its reveal). */
  hideScore?: () => boolean;
  /**
   * True when the drag is a keyboard drag: only then does a drag-over say what the move does to
   * the slot's capacity (a pointer passes over many places; simulating each would slow the drag).
   */
  keyboard?: () => boolean;
  /** Where the card was when it was picked up (its container and index in the preview). */
  origin?: () => { container: string; index: number } | null;
}

function titleOf(scenario: Scenario, id: string): string {
  return scenario.items.find((i) => i.id === id)?.title ?? id;
}

const whereIs = placeOf;

function outcomeOf(sources: AnnouncementSources, scenario: Scenario, plan: Plan): Outcome {
  return sources.outcome ? sources.outcome(plan) : expectedOutcome(scenario, plan);
}

/**
 * What a screen reader hears when the dragged card reaches a new place (`projected`: the board
 * with the card there): "SSO login is over Q2, position 2 of 3; …", with what it does to the
 * slot's capacity for a keyboard drag. Nothing while it is back where it was picked up (the
 * pick-up announcement, which names it, stands).
 */
export function describeStep(
  sources: AnnouncementSources,
  id: string,
  projected: Containers,
): string | undefined {
  const scenario = sources.scenario();
  const origin = sources.origin?.();
  const container = containerOf(projected, id);
  if (
    origin &&
    container === origin.container &&
    projected[container]?.indexOf(id) === origin.index
  )
    return undefined;
  const plan = planOfContainers(projected, scenario.time.labels.length);
  const outcome = sources.keyboard?.() === false ? null : outcomeOf(sources, scenario, plan);
  return describePlacement(scenario, plan, outcome, id, 'is over');
}

/** "Picked up SSO login from Q2, position 1 of 3. …" */
export function pickUpText(sources: AnnouncementSources, id: string): string {
  const scenario = sources.scenario();
  return `Picked up ${titleOf(scenario, id)} from ${whereIs(scenario, sources.plan(), id)}. Arrow keys move it; Space drops it; Escape cancels.`;
}

/**
 * After a drop: where the card is now and what the plan scores; or that it was let go outside
 * the board, or where it was, and stays.
 */
export function dropText(
  sources: AnnouncementSources,
  id: string,
  drop: 'moved' | 'unmoved' | 'outside',
): string {
  const scenario = sources.scenario();
  const plan = sources.plan();
  const title = titleOf(scenario, id);
  if (drop === 'outside')
    return `${title} was dropped outside the board and stays in ${whereIs(scenario, plan, id)}.`;
  if (drop === 'unmoved') return `${title} stays in ${whereIs(scenario, plan, id)}.`;
  const outcome = outcomeOf(sources, scenario, plan);
  const score = sources.hideScore?.() ? '' : ` Projected ${gradeAndValue(outcome)}.`;
  return `${describePlacement(scenario, plan, outcome, id)}.${score}`;
}

export function cancelText(sources: AnnouncementSources, id: string): string {
  const scenario = sources.scenario();
  return `Move cancelled. ${titleOf(scenario, id)} stays in ${whereIs(scenario, sources.plan(), id)}.`;
}

/**
 * The drag library says nothing itself: the board says each of the above in its own live region
 * (one place for everything the board says), some of it a moment later so that picking a card up
 * and dropping it stay quick (see BoardPage.tsx).
 */
export const silentAnnouncements: Announcements = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};
