/** A scenario's summary: what the library card and the "continue" link show. */
import type { CatalogEntry, CatalogIndexEntry, Scenario, ScenarioSummary } from './types';

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
