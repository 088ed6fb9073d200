/**
 * The shipped scenarios themselves. They are built as JSON files (data, not code: parsed with
 * `JSON.parse`, cached by the service worker for offline use) and fetched when a screen first
 * needs one; the first screen lists the build-time index instead (`virtual:scenario-index`).
 */
import { buildCatalog, type CatalogEntry } from './catalog';

// `schema.json` is the published JSON Schema for authors, not a scenario.
const shippedFiles = import.meta.glob<string>(
  ['../../scenarios/*.json', '!../../scenarios/schema.json'],
  { eager: true, query: '?url', import: 'default' },
);

/** Fetches one scenario file's text; a failure names the file. */
async function fetchText(path: string, url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(
      `Could not load ${path.replace(/^.*\//, 'scenarios/')} (HTTP ${response.status}).`,
    );
  return response.text();
}

/**
 * Every shipped scenario file, fetched and validated (a file that fails validation becomes an
 * error entry, as at build time). Rejects when a file cannot be fetched at all.
 */
export async function loadShippedCatalog(): Promise<CatalogEntry[]> {
  const texts = await Promise.all(
    Object.entries(shippedFiles).map(
      async ([path, url]) => [path, await fetchText(path, url)] as const,
    ),
  );
  return buildCatalog(Object.fromEntries(texts));
}
