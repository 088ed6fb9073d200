/**
 * How much of the gap to par the moves explain, over 24 generated plans per shipped scenario
 * (the strategies and plans a few random edits from them and from par; seeded, so the same plans
 * every run). The target is a median of at least 90% and a 10th percentile of at least 75%; one
 * scenario is below it today and is held to what it reaches, so a change that explains less
 * fails (`npm run bench` prints the figures over 200 plans; docs/quality.md has them).
 */
import { describe, expect, it } from 'vitest';

import { pathCoverage } from '../../scripts/quality/pathCoverage.ts';
import { scenarioFiles, shipped } from '../engine/helpers.ts';

const TARGET = { median: 0.9, p10: 0.75 };
/**
 * Below target, held to its measured figures less a margin (24 plans, engine 2.0 on 2026-12-04:
 * median 0.91, 10th percentile 0.548; platform-sprints, below target before, now meets it).
 */
const BELOW: Record<string, { median: number; p10: number }> = {
  'audit-year': { median: 0.9, p10: 0.5 },
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
