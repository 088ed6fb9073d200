/**
 * What screen readers hear while dragging, in domain words with positions and capacity
 * ("SSO login moved to Q2, position 2 of 3; Q2 is 4 points over capacity"). Built from the
 * board's latest data through getters, because dnd-kit calls these outside React's render.
 */
import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';

import { describePlacement, slotLabel } from '../../explain/advice';
import { findItem, type Outcome, type Plan, type Scenario } from '../../engine';
import { expectedOutcome } from '../../store';
import { planOfContainers, projectedContainers, type Containers } from './dnd';

export const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    'To move this item, press Space or Enter. Then Left and Right arrows move it to the previous or next column, Up and Down change its position in the column. Press Space or Enter to drop it, or Escape to cancel. The Move to menu on each card does the same without dragging.',
};

export interface AnnouncementSources {
  scenario: () => Scenario;
  /** The committed plan (after a drop has been saved). */
  plan: () => Plan;
  /** The containers while dragging, with the card where the preview shows it. */
  preview: () => Containers | null;
  /** Grades a plan; default the expected outcome (a workshop grades under its own weights). */
  outcome?: (plan: Plan) => Outcome;
  /** True while scores are hidden (a workshop before its reveal): no score is said. */
  hideScore?: () => boolean;
}

function titleOf(scenario: Scenario, id: string): string {
  return scenario.items.find((i) => i.id === id)?.title ?? id;
}

/** "Q1, position 2 of 3" or "the backlog". */
function whereIs(scenario: Scenario, plan: Plan, id: string): string {
  const at = findItem(plan, id);
  if (!at) return 'the backlog';
  return `${slotLabel(scenario, at.slot)}, position ${at.index + 1} of ${plan.slots[at.slot]?.length ?? 0}`;
}

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
      const preview = sources.preview();
      if (!over || !preview) return `${titleOf(scenario, id)} is not over a column.`;
      const plan = planOfContainers(
        projectedContainers(preview, id, over.id),
        scenario.time.labels.length,
      );
      return describePlacement(scenario, plan, outcomeOf(scenario, plan), id, 'is over');
    },
    onDragEnd({ active, over }) {
      const scenario = sources.scenario();
      const id = String(active.id);
      const plan = sources.plan();
      if (!over)
        return `${titleOf(scenario, id)} was dropped outside the board and stays in ${whereIs(scenario, plan, id)}.`;
      const outcome = outcomeOf(scenario, plan);
      const score = sources.hideScore?.() ? '' : ` Projected score ${outcome.score.toFixed(1)}.`;
      return `${describePlacement(scenario, plan, outcome, id)}.${score}`;
    },
    onDragCancel({ active }) {
      const scenario = sources.scenario();
      const id = String(active.id);
      return `Move cancelled. ${titleOf(scenario, id)} stays in ${whereIs(scenario, sources.plan(), id)}.`;
    },
  };
}
