/**
 * Types shared by the store's slices and the screens that read them. Scenario data comes from the
 * engine's loader; the store only adds where it came from.
 */
import type { Issue, Scenario } from '../engine';

export type { Issue, Plan, Scenario } from '../engine';

/** One validation problem, e.g. `{ path: 'items[3].effort', message: 'must be a positive number' }`. */
export type ScenarioIssue = Issue;

/** A shipped scenario file: validated, or the issues that kept it out of the library. */
export type CatalogEntry =
  | { ok: true; file: string; scenario: Scenario }
  | { ok: false; file: string; issues: readonly ScenarioIssue[] };

/**
 * What the library shows of a scenario: enough for its card and "continue" link, without the
 * items, events and text a screen needs to play it.
 */
export interface ScenarioSummary extends Pick<
  Scenario,
  'id' | 'title' | 'industry' | 'difficulty' | 'minutes' | 'objectives' | 'tags'
> {
  /** Backlog items a plan can use (items injected by events are not counted). */
  itemCount: number;
}

/** A catalog entry as the build-time index has it: a summary, or the file's issues. */
export type CatalogIndexEntry =
  | { ok: true; file: string; summary: ScenarioSummary }
  | { ok: false; file: string; issues: readonly ScenarioIssue[] };

/** A scenario the user imported from a file; kept in local storage. */
export interface ImportedScenario {
  scenario: Scenario;
  /** The file it came from, as the browser named it. */
  fileName: string;
  /** ISO date-time of the import. */
  importedAt: string;
}

/** Where a playable scenario comes from. */
export type ScenarioSource = 'shipped' | 'imported';

/** A playable scenario with its origin. */
export interface ScenarioListing {
  scenario: Scenario;
  source: ScenarioSource;
}

/** A scenario as the library lists it, before the scenario itself is loaded. */
export interface ScenarioSummaryListing {
  summary: ScenarioSummary;
  source: ScenarioSource;
}
