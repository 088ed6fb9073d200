/**
 * What screen readers hear while dragging, in domain words with positions and capacity
 * ("SSO login moved to Q2, position 2 of 3; Q2 is 4 points over capacity"). Built from the
 * board's latest data through getters, because dnd-kit calls these outside React's render.
 */
import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';

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
  /**
   * The containers with the dragged card where a drop over `overId` would put it; null when no
   * drag is on.
   */
  projected: (activeId: string, overId: UniqueIdentifier) => Containers | null;
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

export function createAnnouncements(sources: AnnouncementSources): Announcements {
  const outcomeOf = (scenario: Scenario, plan: Plan) =>
    sources.outcome ? sources.outcome(plan) : expectedOutcome(scenario, plan);
  return {
    onDragStart({ active }) {
      const scenario = sources.scenario();
      const id = String(active.id);
      return `Picked up ${titleOf(scenario, id)} from ${whereIs(scenario, sources.plan(), id)}. Arrow keys move it; Space drops it; Escape cancels.`;
    },
    onDragOver({ active, over }) {
      const scenario = sources.scenario();
      const id = String(active.id);
      const projected = over ? sources.projected(id, over.id) : null;
      if (!over || !projected) return `${titleOf(scenario, id)} is not over a column.`;
      // Still where it was picked up: the pick-up announcement (which names it) stands.
      const origin = sources.origin?.();
      const container = containerOf(projected, id);
      if (
        origin &&
        container === origin.container &&
        projected[container]?.indexOf(id) === origin.index
      )
        return undefined;
      const plan = planOfContainers(projected, scenario.time.labels.length);
      const outcome = sources.keyboard?.() === false ? null : outcomeOf(scenario, plan);
      return describePlacement(scenario, plan, outcome, id, 'is over');
    },
    onDragEnd({ active, over }) {
      const scenario = sources.scenario();
      const id = String(active.id);
      const plan = sources.plan();
      if (!over)
        return `${titleOf(scenario, id)} was dropped outside the board and stays in ${whereIs(scenario, plan, id)}.`;
      const outcome = outcomeOf(scenario, plan);
      const score = sources.hideScore?.() ? '' : ` Projected ${gradeAndValue(outcome)}.`;
      return `${describePlacement(scenario, plan, outcome, id)}.${score}`;
    },
    onDragCancel({ active }) {
      const scenario = sources.scenario();
      const id = String(active.id);
      return `Move cancelled. ${titleOf(scenario, id)} stays in ${whereIs(scenario, sources.plan(), id)}.`;
    },
  };
}
