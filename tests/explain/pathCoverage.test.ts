/**
 * How much of the gap to par the moves explain, over 24 generated plans per shipped scenario
 * (the strategies and plans a few random edits from them and from par; seeded, so the same plans
 * every run). The target is a median of at least 90% and a 10th percentile of at least 75%; two
 * scenarios are below it today and are held to what they reach, so a change that explains less
 * fails (`npm run bench` prints the figures over 200 plans; docs/quality.md has them).
 */
import { describe, expect, it } from 'vitest';

import { pathCoverage } from '../../scripts/quality/pathCoverage.ts';
import { scenarioFiles, shipped } from '../engine/helpers.ts';

const TARGET = { median: 0.9, p10: 0.75 };
/**
 * Below target, held to their measured figures less a margin (24 plans, 2026-12-03; audit-year
 * again on 2026-12-04, when its CVE moved to Y1 Q2 and the median of these 24 fell to 0.78).
 */
const BELOW: Record<string, { median: number; p10: number }> = {
  'audit-year': { median: 0.75, p10: 0.55 },
  'platform-sprints': { median: 0.84, p10: 0.62 },
};

describe('the moves explain the gap', () => {
  for (const file of scenarioFiles()) {
    const id = file.replace(/\.json$/, '');
    it(`${id}: median and 10th percentile of the gap explained`, () => {
      const coverage = pathCoverage(shipped(id), 24);
      const floor = BELOW[id] ?? TARGET;
      expect(coverage.withGap).toBeGreaterThan(12);
      expect(coverage.median).toBeGreaterThanOrEqual(floor.median);
      expect(coverage.p10).toBeGreaterThanOrEqual(floor.p10);
    }, 60_000);
  }
});
