/**
 * The shipped scenarios themselves: one JSON file made when the app is built, holding every
 * catalog entry already validated and normalized by the engine's loader (see
 * `scripts/vite/scenarioIndex.ts`). It is data, not code: fetched when a screen first needs a
 * scenario, parsed with `JSON.parse`, cached by the service worker for offline use.
 */
import catalogUrl from 'virtual:scenario-catalog-url';

import type { CatalogEntry } from './catalog';

function isEntry(value: unknown): value is CatalogEntry {
  if (value === null || typeof value !== 'object') return false;
  const entry = value as Record<string, unknown>;
  if (typeof entry.file !== 'string') return false;
  if (entry.ok === false) return Array.isArray(entry.issues);
  const scenario = entry.scenario as Record<string, unknown> | null | undefined;
  return (
    entry.ok === true &&
    typeof scenario?.id === 'string' &&
    Array.isArray(scenario.items) &&
    Array.isArray((scenario.time as { labels?: unknown } | undefined)?.labels)
  );
}

/**
 * Every shipped scenario file's catalog entry. Rejects, naming the problem, when the file cannot
 * be fetched or is not the catalog this build wrote (e.g. a damaged cache).
 */
export async function loadShippedCatalog(url: string = catalogUrl): Promise<CatalogEntry[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load the scenarios (HTTP ${response.status}).`);
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new Error('Could not load the scenarios: the file is not valid JSON.');
  }
  if (!Array.isArray(data) || !data.every(isEntry))
    throw new Error('Could not load the scenarios: the file is not a scenario catalog.');
  return data;
}
