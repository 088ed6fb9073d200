/**
 * Money's ceiling (engine 2.3). With hidden facts, money's best is the best with every fact known,
 * averaged over the worlds; a plan in a lucky world can earn more, and that money must still count
 * (up to the luckiest world's best), or a search inside that world trades it for other metrics.
 * Expected values are worked out from `s = (x − floor) / (best − floor)`, capped at
 * `(ceiling − floor) / (best − floor)` instead of 1.
 */
import { describe, expect, it } from 'vitest';
import {
  compile,
  loadScenario,
  normalize,
  scoreMetrics,
  type Scenario,
} from '../../src/engine/index.ts';
import { computeAnchors, scoreObjective } from '../../src/engine/par.ts';
import { expectedWorld, worldMetrics } from '../../src/engine/expected.ts';
import { allHiddenFacts, envWith, outcomesOf } from '../../src/engine/hidden.ts';
import { widenAnchors, type Metrics } from '../../src/engine/score.ts';
import { edited, rawScenario, scenarioFiles, shipped } from './helpers.ts';

const ANCHOR = { floor: 1_000_000, best: 3_000_000, ceiling: 4_000_000 };

describe('normalize with a ceiling', () => {
  it('runs on above 1 past the best, up to the ceiling', () => {
    // (3.5M − 1M) / (3M − 1M) = 1.25; the ceiling's value is (4M − 1M) / 2M = 1.5.
    expect(normalize(3_500_000, ANCHOR)).toBeCloseTo(1.25, 12);
    expect(normalize(4_000_000, ANCHOR)).toBeCloseTo(1.5, 12);
    expect(normalize(9_000_000, ANCHOR)).toBeCloseTo(1.5, 12);
  });

  it('is unchanged below the best and at the floor', () => {
    expect(normalize(2_000_000, ANCHOR)).toBeCloseTo(0.5, 12);
    expect(normalize(500_000, ANCHOR)).toBe(0);
  });

  it('caps at 1 without a ceiling, and a ceiling below the best never lowers the cap', () => {
    expect(normalize(3_500_000, { floor: 1_000_000, best: 3_000_000 })).toBe(1);
    expect(normalize(3_500_000, { ...ANCHOR, ceiling: 2_000_000 })).toBe(1);
  });

  const weights = {
    revenue: 3,
    csat: 0,
    capacityHealth: 0,
    reliability: 0,
    security: 0,
    compliance: 1,
    stakeholders: 0,
  };
  const anchors = { revenue: ANCHOR, compliance: { floor: 0, best: 1 } };
  const metrics = (compliance: number): Metrics => ({
    revenue: 3_500_000,
    csat: null,
    capacityHealth: null,
    reliability: null,
    security: null,
    compliance,
    stakeholders: null,
  });

  it('counts in the score at its weight', () => {
    // 100 · (3 · 1.25 + 1 · 0.5) / 4 = 106.25 → capped at 100; with compliance 0.2:
    // 100 · (3.75 + 0.2) / 4 = 98.75.
    const { score, normalized } = scoreMetrics(metrics(0.2), anchors, weights);
    expect(normalized.revenue).toBeCloseTo(1.25, 12);
    expect(score).toBeCloseTo(98.75, 9);
  });

  it('never lifts the score above 100', () => {
    // 100 · (3 · 1.25 + 1 · 0.5) / 4 = 106.25, shown and graded as 100.
    const { score, normalized } = scoreMetrics(metrics(0.5), anchors, weights);
    expect(normalized.revenue).toBeCloseTo(1.25, 12);
    expect(score).toBe(100);
  });

  it('is searched uncapped: par and the look-ahead still prefer more money past 100', () => {
    const objective = scoreObjective(weights, anchors);
    expect(objective(metrics(0.5))).toBeCloseTo(106.25, 9);
    expect(scoreMetrics(metrics(0.5), anchors, weights).value).toBeCloseTo(106.25, 9);
  });

  it('survives widening: a narrow range is widened, the ceiling kept', () => {
    const resolution = {
      revenue: 10_000,
      csat: 0.5,
      capacityHealth: 0.005,
      reliability: 5,
      security: 10_000,
      compliance: 0.01,
      stakeholders: 0.01,
    };
    const narrow = { floor: 1_000_000, best: 1_004_000, ceiling: 1_050_000 };
    expect(widenAnchors({ revenue: narrow }, resolution).revenue).toEqual({
      floor: 1_000_000,
      best: 1_010_000,
      ceiling: 1_050_000,
    });
    expect(widenAnchors({ revenue: { floor: 0, best: 5 } }, resolution).revenue).not.toHaveProperty(
      'ceiling',
    );
  });
});

describe('loading a ceiling', () => {
  const withAnchor = (revenue: object) =>
    loadScenario(
      edited('tutorial', (s) => {
        s.scoring.anchors = { revenue };
      }),
    );

  it('refuses a ceiling below the best, naming the anchor', () => {
    const result = withAnchor({ floor: 1, best: 5, ceiling: 4 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.path}: ${i.message}`)).toContain(
      'scoring.anchors.revenue: ceiling must not be below best',
    );
  });

  it('accepts a ceiling at or above the best, and no ceiling', () => {
    expect(withAnchor({ floor: 1, best: 5, ceiling: 5 }).ok).toBe(true);
    expect(withAnchor({ floor: 1, best: 5, ceiling: 9 }).ok).toBe(true);
    expect(withAnchor({ floor: 1, best: 5 }).ok).toBe(true);
  });
});

describe('computing the ceiling', () => {
  /** The tutorial with team calendars' value hidden: a dud (×0.1) or a hit (×1.1), even odds. */
  function hiddenCalendars(): Scenario {
    const result = loadScenario(
      edited('tutorial', (s) => {
        delete s.scoring.anchors;
        delete s.par;
        s.items.find((i: { id: string }) => i.id === 'team-calendars').value.outcomes = [
          { factor: 0.1, chance: 0.5, label: 'a dud' },
          { factor: 1.1, chance: 0.5, label: 'a hit' },
        ];
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.scenario;
  }

  it('is set, at or above the averaged best, when the scenario has hidden facts', () => {
    const money = computeAnchors(hiddenCalendars(), { budget: 3_000 }).revenue!;
    expect(money.ceiling).toBeDefined();
    expect(money.ceiling!).toBeGreaterThanOrEqual(money.best);
  });

  it("holds every world's money of pilot-first's par, whose lucky worlds earn above the best", () => {
    // The premise: par, scored inside each world of its hidden facts, earns more than the
    // averaged best in the lucky ones, so a cap at 1 would clip it; the ceiling covers them all.
    const s = shipped('pilot-first');
    const c = compile(s);
    const { floor, best, ceiling } = s.scoring.anchors!.revenue!;
    const base = expectedWorld(c);
    const moneyIn = outcomesOf(
      s,
      allHiddenFacts(s).map((f) => f.key),
    ).map(({ o }) => {
      const world = { ...base, envs: base.envs.map((env) => envWith(c, env, o)) };
      return worldMetrics(c, s.par!.plan.slots, world).revenue!;
    });
    expect(Math.max(...moneyIn)).toBeGreaterThan(best);
    for (const money of moneyIn) expect(money).toBeLessThanOrEqual(ceiling!);
    expect(Math.min(...moneyIn)).toBeGreaterThan(floor);
  });

  it('is absent without hidden facts', () => {
    const plain = loadScenario(
      edited('tutorial', (s) => {
        delete s.scoring.anchors;
        delete s.par;
      }),
    );
    if (!plain.ok) throw new Error('tutorial');
    expect(computeAnchors(plain.scenario, { budget: 2_000 }).revenue).not.toHaveProperty('ceiling');
  });

  it('is baked into every shipped scenario with hidden facts, and only those', () => {
    for (const file of scenarioFiles()) {
      const name = file.replace(/\.json$/, '');
      const hidden = allHiddenFacts(shipped(name)).length > 0;
      const revenue = (rawScenario(name).scoring as { anchors: { revenue: typeof ANCHOR } }).anchors
        .revenue;
      if (hidden) expect(revenue.ceiling, name).toBeGreaterThan(revenue.best);
      else expect(revenue, name).not.toHaveProperty('ceiling');
    }
  });
});
