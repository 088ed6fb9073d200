/**
 * The decision journal beside the outcome: each note the user wrote, with what happened to the
 * item it is about.
 */
import { entryOf } from '../../engine/ids';
import type { Outcome, Plan, Scenario } from '../../engine';
import { findItem } from '../../engine';
import { formatPercent, formatSlotTime } from '../../explain/format';

export interface ReasoningRow {
  id: string;
  title: string;
  note: string;
  /** "Planned for Q1" or "Left out". */
  planned: string;
  /** "Done early Q2", "Unfinished at the end of the year", "Left out". */
  result: string;
  /** How the item landed against its plan. */
  verdict: 'on time' | 'late' | 'unfinished' | 'left out';
  /** Share of its value it kept (urgency), when done; null otherwise. */
  valueFactor: number | null;
}

/** One row per note (in scenario order), with the item's outcome in the expected run. */
export function reasoningRows(
  scenario: Scenario,
  plan: Plan,
  notes: Readonly<Record<string, string>>,
  outcome: Outcome,
): ReasoningRow[] {
  const labels = scenario.time.labels;
  return scenario.items.flatMap((item): ReasoningRow[] => {
    const note = entryOf(notes, item.id)?.trim();
    if (!note) return [];
    const at = findItem(plan, item.id);
    const result = outcome.items.find((i) => i.id === item.id);
    const planned = at ? `Planned for ${labels[at.slot] ?? `slot ${at.slot + 1}`}` : 'Left out';
    if (!at || !result)
      return [
        {
          id: item.id,
          title: item.title,
          note,
          planned,
          result: 'Left out',
          verdict: 'left out',
          valueFactor: null,
        },
      ];
    if (result.completedAt === null)
      return [
        {
          id: item.id,
          title: item.title,
          note,
          planned,
          result: 'Unfinished at the end of the year',
          verdict: 'unfinished',
          valueFactor: null,
        },
      ];
    const late = result.completedAt > at.slot + 1 + 1e-9;
    const kept =
      result.valueFactor !== null && result.valueFactor < 0.995
        ? `; kept ${formatPercent(result.valueFactor)} of its value`
        : '';
    return [
      {
        id: item.id,
        title: item.title,
        note,
        planned,
        result: `Done ${formatSlotTime(labels, result.completedAt)}${late ? ', later than planned' : ''}${kept}`,
        verdict: late ? 'late' : 'on time',
        valueFactor: result.valueFactor,
      },
    ];
  });
}
