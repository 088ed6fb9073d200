import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import scenarioIndex from 'virtual:scenario-index';

import { buildCatalog, indexCatalog } from '../../src/app/catalog';
import { loadShippedCatalog } from '../../src/app/catalogData';
import { readScenarioFiles } from '../../scripts/vite/scenarioIndex';
import { summarizeCatalog } from '../../src/store';
import { shippedCatalog } from '../support/shippedCatalog';

const root = join(import.meta.dirname, '..', '..');

/** A fetch that serves the repository's files for the URLs the build gives scenario files. */
function serveScenarioFiles(fail?: string) {
  return vi.fn((url: string) => {
    const file = String(url).replace(/^.*\/scenarios\//, '');
    if (file === fail) return Promise.resolve(new Response('not here', { status: 404 }));
    return Promise.resolve(new Response(readFileSync(join(root, 'scenarios', file), 'utf8')));
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('the scenario index made at build time', () => {
  it('lists every shipped file as the full catalog would, with summaries only', () => {
    expect(scenarioIndex).toEqual(summarizeCatalog(shippedCatalog));
    const tutorial = scenarioIndex.find((e) => e.ok && e.summary.id === 'tutorial');
    expect(tutorial && 'summary' in tutorial && Object.keys(tutorial.summary).sort()).toEqual([
      'difficulty',
      'id',
      'industry',
      'itemCount',
      'minutes',
      'objectives',
      'tags',
      'title',
    ]);
  });

  it('names a broken file and its issues, as the library shows them', () => {
    const index = indexCatalog(
      buildCatalog({
        ...readScenarioFiles(join(root, 'scenarios')),
        'scenarios/bad.json': '{ "id": ',
      }),
    );
    const bad = index.find((e) => e.file === 'scenarios/bad.json');
    expect(bad?.ok).toBe(false);
    expect(bad && !bad.ok && bad.issues[0]?.message).toMatch(/JSON/i);
    expect(index.filter((e) => e.ok)).toHaveLength(shippedCatalog.length);
  });
});

describe('loadShippedCatalog', () => {
  it('fetches every shipped file and validates it into the same catalog', async () => {
    const fetch = serveScenarioFiles();
    vi.stubGlobal('fetch', fetch);

    const catalog = await loadShippedCatalog();

    expect(fetch).toHaveBeenCalledTimes(shippedCatalog.length);
    expect(catalog).toEqual(shippedCatalog);
  });

  it('rejects naming the file that could not be fetched', async () => {
    vi.stubGlobal('fetch', serveScenarioFiles('zero-day.json'));

    await expect(loadShippedCatalog()).rejects.toThrow('scenarios/zero-day.json (HTTP 404)');
  });
});
