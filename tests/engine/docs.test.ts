import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSTANT_NAMES } from '../../src/engine/index.ts';

const docs = join(import.meta.dirname, '..', '..', 'docs');

describe('model documentation', () => {
  it('documents every constant of the model', () => {
    const text = readFileSync(join(docs, 'model.md'), 'utf8');
    const missing = CONSTANT_NAMES.filter((name) => !text.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it('documents every command of the command line', () => {
    const text = readFileSync(join(docs, 'cli.md'), 'utf8');
    for (const command of ['validate', 'score', 'lenses', 'strategies', 'par', 'debrief', 'seeds'])
      expect(text).toContain(`\`${command} `);
  });
});
