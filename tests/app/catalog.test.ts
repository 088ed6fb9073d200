import { describe, expect, it } from 'vitest';

import { buildCatalog } from '../../src/app/catalog';
import { shippedCatalog } from '../support/shippedCatalog';

const shippedJson = import.meta.glob<unknown>(
  ['../../scenarios/*.json', '!../../scenarios/schema.json'],
  { eager: true, import: 'default' },
);

describe('buildCatalog', () => {
  it('turns a file that fails validation into an error entry naming the file', () => {
    const [entry] = buildCatalog({ '../../scenarios/broken.json': { title: 'Half a scenario' } });

    expect(entry?.ok).toBe(false);
    expect(entry?.file).toBe('scenarios/broken.json');
    if (entry?.ok !== false) throw new Error('expected an error entry');
    expect(entry.issues.length).toBeGreaterThan(0);
    for (const issue of entry.issues) {
      expect(issue.message).not.toBe('');
    }
  });

  it('never throws on junk: every junk file becomes its own error entry', () => {
    const entries = buildCatalog({
      '../../scenarios/null.json': null,
      '../../scenarios/number.json': 42,
      '../../scenarios/array.json': [],
      '../../scenarios/text.json': 'not a scenario',
    });

    expect(entries.map((entry) => [entry.file, entry.ok])).toEqual([
      ['scenarios/array.json', false],
      ['scenarios/null.json', false],
      ['scenarios/number.json', false],
      ['scenarios/text.json', false],
    ]);
  });

  it('lists valid scenarios easiest first and files with errors last', () => {
    const entries = buildCatalog({ '../../scenarios/aaa-broken.json': {}, ...shippedJson });

    expect(entries.at(-1)).toMatchObject({ ok: false, file: 'scenarios/aaa-broken.json' });
    const difficulties = entries.flatMap((entry) => (entry.ok ? [entry.scenario.difficulty] : []));
    expect(difficulties).toEqual([...difficulties].sort((a, b) => a - b));
  });
});

describe('shippedCatalog', () => {
  it('loads every shipped scenario file, and only scenario files', () => {
    const files = Object.keys(shippedJson).map((path) => `scenarios/${path.split('/').at(-1)}`);

    expect(files.length).toBeGreaterThan(0);
    expect(shippedCatalog.map((entry) => entry.file).sort()).toEqual(files.sort());
    expect(shippedCatalog.filter((entry) => !entry.ok)).toEqual([]);
  });
});
