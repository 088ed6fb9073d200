/**
 * Round-by-round play, without React: the committed slots as a plan, and the round's title. How
 * the played slots went is the run's story (explain/story.ts), told as in the debrief.
 */
import type { Plan, Scenario } from '../../engine';

/** The committed slots as a plan for the whole year (later slots empty). */
export function committedPlan(scenario: Scenario, committed: readonly (readonly string[])[]): Plan {
  return { slots: scenario.time.labels.map((_, s) => [...(committed[s] ?? [])]) };
}

/** "Round 2 of 4: plan Q2" — or the year's end. */
export function roundTitle(scenario: Scenario, played: number): string {
  const labels = scenario.time.labels;
  if (played >= labels.length) return 'The year is played';
  return `Round ${played + 1} of ${labels.length}: ${labels[played]}`;
}
