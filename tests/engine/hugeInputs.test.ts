/**
 * Huge inputs are refused with a message instead of freezing the tab: a 5 MB scenario file, a
 * 10,000-item scenario (small enough in bytes to pass the size check), a 5 MB plan file, a 5 MB
 * share link and a deeply nested file. Each is refused by the cheap check that comes before the
 * expensive step (size before parsing, item count before validation), which the message names.
 * How fast they are refused is measured by `npm run bench` ("refusing huge inputs"), never
 * asserted here: a clock in a unit test fails on a busy machine.
 */
import { describe, expect, it } from 'vitest';

import { loadScenario, MAX_SCENARIO_CHARS } from '../../src/engine/load.ts';
import { readPlanFile } from '../../src/engine/planFile.ts';
import { decodeShare } from '../../src/engine/share.ts';
import { LIMITS } from '../../src/engine/schema.ts';
import { rawScenario } from './helpers.ts';

const FIVE_MB = 5_000_000;

/** Pads a valid scenario's description until its JSON text is about `chars` long. */
function paddedScenarioText(chars: number): string {
  const raw = rawScenario('tutorial');
  const text = JSON.stringify(raw);
  return JSON.stringify({ ...raw, description: 'x'.repeat(chars - text.length) });
}

/** A scenario with `count` small items, as text: well under the size limit. */
function manyItemsText(count: number): string {
  const raw = rawScenario('tutorial');
  const items = Array.from({ length: count }, (_, i) => ({
    id: `item-${i}`,
    title: `Item ${i}`,
    type: 'feature',
    effort: 1,
  }));
  return JSON.stringify({ ...raw, items });
}

describe('huge inputs are refused with a message', () => {
  it('a 5 MB scenario file', () => {
    const text = paddedScenarioText(FIVE_MB);
    expect(text.length).toBeGreaterThanOrEqual(FIVE_MB);
    const result = loadScenario(text);
    expect(!result.ok && result.issues[0]).toEqual({
      path: '(file)',
      message: `is too large (5.0 MB); a scenario file is at most ${(MAX_SCENARIO_CHARS / 1e6).toFixed(1)} MB`,
    });
  });

  it('a 10,000-item scenario that is small enough in bytes', () => {
    const text = manyItemsText(10_000);
    expect(text.length).toBeLessThan(MAX_SCENARIO_CHARS);
    const result = loadScenario(text);
    expect(!result.ok && result.issues).toEqual([
      {
        path: 'items',
        message: `has 10000 entries; a scenario has at most ${LIMITS.items}`,
      },
    ]);
  });

  it('the largest item list not refused before validation is still refused, by the schema', () => {
    const text = manyItemsText(LIMITS.items * 20);
    const result = loadScenario(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.some((i) => i.path === 'items')).toBe(true);
  });

  it('a 5 MB plan file', () => {
    const text = JSON.stringify({
      format: 'roadmap-dojo-plan',
      version: 1,
      scenarioId: 'tutorial',
      name: 'x'.repeat(FIVE_MB),
      plan: { slots: [] },
    });
    const result = readPlanFile(text);
    expect(!result.ok && result.issues[0]!.message).toMatch(
      /^is too large \(5\.0 MB\); a plan file is at most/,
    );
  });

  it('a 5 MB share link', () => {
    const result = decodeShare(`p1.${'A'.repeat(FIVE_MB)}`, () => undefined);
    expect(!result.ok && result.issues[0]!.message).toMatch(/^is too long \(5000003 characters\)/);
  });

  it('a scenario nested deeper than the parser can go', () => {
    const text = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const result = loadScenario(text);
    expect(!result.ok && result.issues).toEqual([
      { path: '(file)', message: 'must be a JSON object (a scenario)' },
    ]);
  });
});
