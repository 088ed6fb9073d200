/**
 * The scenario catalog: scenario files validated through the one loader, and their summaries (what
 * the library lists before a scenario itself is needed). A file that fails becomes an entry naming
 * the file and its issues, so one bad file never takes the library down.
 *
 * Pure data in, data out: the Vite plugin builds the library's index with it at build time, the
 * tests and the app's loader use the same functions.
 */
import type { Issue } from './issues.ts';
import { loadScenario } from './load.ts';
import type { Scenario } from './schema.ts';

/** A shipped scenario file: validated, or the issues that kept it out of the library. */
export type CatalogEntry =
  | { ok: true; file: string; scenario: Scenario }
  | { ok: false; file: string; issues: readonly Issue[] };

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
  | { ok: false; file: string; issues: readonly Issue[] };

/** `../../scenarios/tutorial.json` -> `scenarios/tutorial.json` (what an author sees in the repo). */
function displayName(modulePath: string): string {
  const file = modulePath.slice(modulePath.lastIndexOf('/') + 1);
  return `scenarios/${file}`;
}

/** Validates one file's parsed JSON (or JSON text). Never throws: a loader crash becomes an issue. */
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

/** A scenario's summary: what the library card and the "continue" link show. */
export function summarizeScenario(scenario: Scenario): ScenarioSummary {
  const { id, title, industry, difficulty, minutes, objectives, tags } = scenario;
  return {
    id,
    title,
    industry,
    difficulty,
    minutes,
    objectives,
    tags,
    // Tolerates the partial scenarios of tests; a loaded scenario always has items.
    itemCount: (scenario.items ?? []).filter((item) => !item.injected).length,
  };
}

/** A catalog's index: each valid entry's summary, each broken file's issues. */
export function summarizeCatalog(entries: readonly CatalogEntry[]): CatalogIndexEntry[] {
  return entries.map((entry) =>
    entry.ok ? { ok: true, file: entry.file, summary: summarizeScenario(entry.scenario) } : entry,
  );
}
