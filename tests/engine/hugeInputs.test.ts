/**
 * Huge inputs are refused with a message, quickly, instead of freezing the tab: a 5 MB scenario
 * file, a 10,000-item scenario (small enough in bytes to pass the size check), a 5 MB plan file
 * and a 5 MB share link. The time bound is loose (a shared CI core); a freeze would be seconds.
 */
import { performance } from 'node:perf_hooks';

import { describe, expect, it } from 'vitest';

import { loadScenario, MAX_SCENARIO_CHARS } from '../../src/engine/load.ts';
import { readPlanFile } from '../../src/engine/planFile.ts';
import { decodeShare } from '../../src/engine/share.ts';
import { LIMITS } from '../../src/engine/schema.ts';
import { rawScenario } from './helpers.ts';

const FIVE_MB = 5_000_000;
/** Generous: refusing takes milliseconds; freezing would take seconds. */
const QUICK_MS = 1500;

/** Runs `fn` and returns its result and how long it took. */
function timed<T>(fn: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = fn();
  return { result, ms: performance.now() - start };
}

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

describe('huge inputs are refused with a message, quickly', () => {
  it('a 5 MB scenario file', () => {
    const text = paddedScenarioText(FIVE_MB);
    expect(text.length).toBeGreaterThanOrEqual(FIVE_MB);
    const { result, ms } = timed(() => loadScenario(text));
    expect(!result.ok && result.issues[0]).toEqual({
      path: '(file)',
      message: `is too large (5.0 MB); a scenario file is at most ${(MAX_SCENARIO_CHARS / 1e6).toFixed(1)} MB`,
    });
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('a 10,000-item scenario that is small enough in bytes', () => {
    const text = manyItemsText(10_000);
    expect(text.length).toBeLessThan(MAX_SCENARIO_CHARS);
    const { result, ms } = timed(() => loadScenario(text));
    expect(!result.ok && result.issues).toEqual([
      {
        path: 'items',
        message: `has 10000 entries; a scenario has at most ${LIMITS.items}`,
      },
    ]);
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('the largest item list not refused before validation is still refused, by the schema', () => {
    const text = manyItemsText(LIMITS.items * 20);
    const { result, ms } = timed(() => loadScenario(text));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.some((i) => i.path === 'items')).toBe(true);
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('a 5 MB plan file', () => {
    const text = JSON.stringify({
      format: 'roadmap-dojo-plan',
      version: 1,
      scenarioId: 'tutorial',
      name: 'x'.repeat(FIVE_MB),
      plan: { slots: [] },
    });
    const { result, ms } = timed(() => readPlanFile(text));
    expect(!result.ok && result.issues[0]!.message).toMatch(
      /^is too large \(5\.0 MB\); a plan file is at most/,
    );
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('a 5 MB share link', () => {
    const { result, ms } = timed(() => decodeShare(`p1.${'A'.repeat(FIVE_MB)}`, () => undefined));
    expect(!result.ok && result.issues[0]!.message).toMatch(/^is too long \(5000003 characters\)/);
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('a scenario nested deeper than the parser can go', () => {
    const text = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const { result, ms } = timed(() => loadScenario(text));
    expect(result.ok).toBe(false);
    expect(ms).toBeLessThan(QUICK_MS);
  });
});
