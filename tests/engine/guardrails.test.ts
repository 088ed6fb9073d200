/**
 * The authoring guard-rails (docs/model.md, "Guard-rails") on a scenario built to break them. A
 * whole check runs par searches and perturbations: seconds, so mutation testing leaves this file
 * out (vitest.mutation.config.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { checkLibrary, checkScenario } from '../../src/engine/guardrails.ts';
import { loadScenario } from '../../src/engine/index.ts';

describe('guard-rails', () => {
  it('fail, with a clear line, on a scenario built to have a dominant strategy', () => {
    const raw = readFileSync(
      join(import.meta.dirname, '..', 'fixtures', 'dominant-strategy.json'),
      'utf8',
    );
    const loaded = loadScenario(raw);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const report = checkScenario(loaded.scenario, { budget: 8000, perturbBudget: 1500, seeds: 50 });
    const rule = report.rules.find((r) => r.rule === '9.2')!;
    expect(rule.ok).toBe(false);
    expect(rule.detail).toMatch(/^within 5 points of par: .*features-first/);
    expect(report.ok).toBe(false);
    const library = checkLibrary([report]);
    expect(library.find((r) => r.rule === '9.3a')!.ok).toBe(false);
  });
});
