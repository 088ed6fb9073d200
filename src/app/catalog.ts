/**
 * The scenario library's catalog: every file shipped in `scenarios/*.json`, each validated through
 * the engine's loader. A file that fails becomes an error entry naming the file and its issues, so
 * one bad file never takes the library down.
 *
 * The full catalog (every scenario's items, events and text) is not part of the first screen: the
 * library lists the build-time index (`virtual:scenario-index`, made by `indexCatalog` when the app
 * is built) and `catalogData.ts` loads the scenarios when a screen needs one.
 */
import type { CatalogEntry, CatalogIndexEntry, Scenario, ScenarioIssue } from '../store';

export type { CatalogEntry, CatalogIndexEntry, Scenario, ScenarioIssue };

/** Difficulty as shown to people: 1 is a tutorial. */
export { DIFFICULTY_LABELS } from '../explain/labels';

/** Builds the catalog from scenario files keyed by path; see the engine's catalog module. */
export { buildCatalog, summarizeCatalog as indexCatalog } from '../engine/catalog.ts';
