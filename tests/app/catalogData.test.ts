import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import scenarioIndex from 'virtual:scenario-index';

import { buildCatalog, indexCatalog } from '../../src/app/catalog';
import { loadShippedCatalog } from '../../src/app/catalogData';
import { catalogJson, readScenarioFiles } from '../../scripts/vite/scenarioIndex';
import { summarizeCatalog } from '../../src/store';
import { shippedCatalog } from '../support/shippedCatalog';

const scenariosDir = join(import.meta.dirname, '..', '..', 'scenarios');

/** A fetch that answers every request with the given body and status. */
function serve(body: string, status = 200) {
  return vi.fn(() => Promise.resolve(new Response(body, { status })));
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
      buildCatalog({ ...readScenarioFiles(scenariosDir), 'scenarios/bad.json': '{ "id": ' }),
    );
    const bad = index.find((e) => e.file === 'scenarios/bad.json');
    expect(bad?.ok).toBe(false);
    expect(bad && !bad.ok && bad.issues[0]?.message).toMatch(/JSON/i);
    expect(index.filter((e) => e.ok)).toHaveLength(shippedCatalog.length);
  });
});

describe('the catalog file the build writes, and loading it', () => {
  it('holds every validated entry: what the browser loads is what the loader made', async () => {
    const fetch = serve(catalogJson(scenariosDir));
    vi.stubGlobal('fetch', fetch);

    const catalog = await loadShippedCatalog('/catalog.json');

    expect(fetch).toHaveBeenCalledTimes(1);
    expect(catalog).toEqual(shippedCatalog);
  });

  it('rejects, saying why, when the file is missing, not JSON or not a catalog', async () => {
    vi.stubGlobal('fetch', serve('gone', 404));
    await expect(loadShippedCatalog('/c.json')).rejects.toThrow('(HTTP 404)');

    vi.stubGlobal('fetch', serve('{"truncated": '));
    await expect(loadShippedCatalog('/c.json')).rejects.toThrow('not valid JSON');

    vi.stubGlobal('fetch', serve(JSON.stringify([{ ok: true, file: 'x.json', scenario: {} }])));
    await expect(loadShippedCatalog('/c.json')).rejects.toThrow('not a scenario catalog');
  });
});
