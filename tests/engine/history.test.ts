/**
 * A history the brief states ("it has never failed in 14 years") checked against the model's own
 * rate: the chance is worked out here from the formula, (1 − p)^(slots at risk a year × years).
 */
import { describe, expect, it } from 'vitest';

import { historyChecks, IMPROBABLE_HISTORY } from '../../src/engine/guardrails.ts';
import { loadScenario, type Scenario } from '../../src/engine/index.ts';
import { rawScenario, shipped } from './helpers.ts';

/** legacy-router with its storm at 12% a quarter (its rate until 2026-12-04) and a history. */
function withHistory(quietYears: unknown): ReturnType<typeof loadScenario> {
  const raw = rawScenario('legacy-router') as { events: Record<string, unknown>[] };
  return loadScenario({
    ...raw,
    events: raw.events.map((e) =>
      e.id === 'storm-cascade' ? { ...e, probability: 0.12, history: { quietYears } } : e,
    ),
  });
}

const loaded = (quietYears: number): Scenario => {
  const r = withHistory(quietYears);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
};

describe('historyChecks', () => {
  it('the shipped legacy-router: 14 quiet years at 5% a quarter are 11.6% likely, no warning', () => {
    const [check] = historyChecks(shipped('legacy-router'));
    expect(check).toMatchObject({ event: 'storm-cascade', quietYears: 14, slotsAtRisk: 3 });
    expect(check!.chance).toBeCloseTo(0.95 ** 42, 12);
    expect(check!.improbable).toBe(false);
    expect(check!.detail).toBe(
      '“Major storm cascades through the job router”: the brief says it has not happened in 14 years; at 5.0% a quarter for 3 quarters a year that is 11.6% likely.',
    );
  });

  it('legacy-router: 14 quiet years at 12% a quarter, 3 quarters a year, is 0.47% likely', () => {
    const [check] = historyChecks(loaded(14));
    // From Q2 to the end of a four-quarter year: 3 quarters at risk; 0.88^(3 × 14).
    expect(check).toMatchObject({ event: 'storm-cascade', quietYears: 14, slotsAtRisk: 3 });
    expect(check!.chance).toBeCloseTo(0.88 ** 42, 12);
    expect(check!.chance).toBeLessThan(IMPROBABLE_HISTORY);
    expect(check!.improbable).toBe(true);
    expect(check!.detail).toBe(
      '“Major storm cascades through the job router”: the brief says it has not happened in 14 years; at 12.0% a quarter for 3 quarters a year that is 0.47% likely — lower the rate, or say in the brief what changed.',
    );
  });

  it('two quiet years are plausible at the same rate (0.88^6 ≈ 46%)', () => {
    const [check] = historyChecks(loaded(2));
    expect(check!.chance).toBeCloseTo(0.88 ** 6, 12);
    expect(check!.improbable).toBe(false);
    expect(check!.detail).not.toContain('lower the rate');
  });

  it('the boundary: just under 5% warns, just over does not', () => {
    // 0.88^(3·y) = 0.05 at y = ln 0.05 / (3 ln 0.88) ≈ 7.81 years.
    expect(historyChecks(loaded(7.9))[0]!.improbable).toBe(true);
    expect(historyChecks(loaded(7.7))[0]!.improbable).toBe(false);
  });

  it('scenarios that state no history have nothing to check', () => {
    expect(historyChecks(shipped('tutorial'))).toEqual([]);
    expect(historyChecks(shipped('demo-day'))).toEqual([]);
  });

  it('the loader refuses a history that is not a positive number of years', () => {
    for (const bad of [0, -1, '14', 101]) {
      const r = withHistory(bad);
      expect(r.ok, String(bad)).toBe(false);
      if (!r.ok) expect(r.issues.some((i) => i.path.includes('quietYears'))).toBe(true);
    }
  });
});
