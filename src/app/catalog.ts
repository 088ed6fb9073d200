/**
 * The scenario library's catalog: every file shipped in `scenarios/*.json`, each validated through
 * the engine's loader. A file that fails becomes an error entry naming the file and its issues, so
 * one bad file never takes the library down.
 *
 * The full catalog (every scenario's items, events and text) is not part of the first screen: the
 * library lists the build-time index (`virtual:scenario-index`, made by `indexCatalog` when the app
 * is built) and `catalogData.ts` loads the scenarios when a screen needs one.
 */
import { loadScenario } from '../engine';

import { summarizeCatalog } from '../store/summary';
import type { CatalogEntry, CatalogIndexEntry, Scenario, ScenarioIssue } from '../store';

export type { CatalogEntry, CatalogIndexEntry, Scenario, ScenarioIssue };

/** Difficulty as shown to people: 1 is a tutorial. */
export { DIFFICULTY_LABELS } from '../explain/advice';

/** `../../scenarios/tutorial.json` -> `scenarios/tutorial.json` (what an author sees in the repo). */
function displayName(modulePath: string): string {
  const file = modulePath.slice(modulePath.lastIndexOf('/') + 1);
  return `scenarios/${file}`;
}

/** Validates one file's parsed JSON. Never throws: a loader crash becomes an issue too. */
function loadEntry(file: string, data: unknown): CatalogEntry {
  try {
    const result = loadScenario(data);
    return result.ok
      ? { ok: true, file, scenario: result.scenario }
      : { ok: false, file, issues: result.issues };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      file,
      issues: [{ path: '(file)', message: `could not be loaded (${message})` }],
    };
  }
}

/**
 * Builds the catalog from modules keyed by path (the shape `import.meta.glob` returns).
 * Valid scenarios come first, easiest first, then by title; files with errors come last, by name.
 */
export function buildCatalog(modules: Readonly<Record<string, unknown>>): CatalogEntry[] {
  const entries = Object.entries(modules).map(([path, data]) => loadEntry(displayName(path), data));
  return entries.sort((a, b) => {
    if (a.ok && b.ok) {
      return (
        a.scenario.difficulty - b.scenario.difficulty ||
        a.scenario.title.localeCompare(b.scenario.title, 'en')
      );
    }
    if (a.ok !== b.ok) return a.ok ? -1 : 1;
    return a.file.localeCompare(b.file, 'en');
  });
}

/** What the library shows of each entry before the scenarios themselves are loaded. */
export const indexCatalog: (entries: readonly CatalogEntry[]) => CatalogIndexEntry[] =
  summarizeCatalog;
