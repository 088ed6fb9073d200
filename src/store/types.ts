/**
 * Types shared by the store's slices and the screens that read them. Scenario data comes from the
 * engine's loader; the store only adds where it came from.
 */
import type { Issue, Scenario } from '../engine';

export type { Issue, Plan, Scenario } from '../engine';

/** One validation problem, e.g. `{ path: 'items[3].effort', message: 'must be a positive number' }`. */
export type ScenarioIssue = Issue;

import type { ScenarioSummary } from '../engine/catalog.ts';

export type { CatalogEntry, CatalogIndexEntry, ScenarioSummary } from '../engine/catalog.ts';

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
