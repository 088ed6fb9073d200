/**
 * Small label tables the first screen needs (the library's difficulty badges, the saved backlog
 * order). Kept apart from `advice.ts` so the library does not load the simulation and the
 * framework lenses just to print "Tutorial"; `advice.ts` re-exports them.
 */
import type { LensName } from '../engine/lenses.ts';
import type { Scenario } from '../engine/schema.ts';

/** Difficulty as shown to people: 1 is a tutorial. */
export const DIFFICULTY_LABELS = {
  1: 'Tutorial',
  2: 'Intermediate',
  3: 'Advanced',
} as const satisfies Record<Scenario['difficulty'], string>;

/** How the backlog can be ordered: the scenario's order, by effort, or by a framework's score. */
export type BacklogSort = 'scenario' | 'effort-asc' | 'effort-desc' | LensName;

export const BACKLOG_SORTS: readonly BacklogSort[] = [
  'scenario',
  'effort-asc',
  'effort-desc',
  'rice',
  'ice',
  'wsjf',
  'cd3',
];
