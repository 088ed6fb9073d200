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
 * Below target, held to its measured figures less a margin (24 plans, engine 2.1 with parallel
 * work streams, 2026-12-04: audit-year median 0.874, 10th percentile 0.549; platform-sprints
 * median 0.811, 10th percentile 0.408 — its worst plans over-commit a sprint, and undoing the
 * work in progress that spreads into the next sprints takes more than eight single moves).
 */
const BELOW: Record<string, { median: number; p10: number }> = {
  'audit-year': { median: 0.85, p10: 0.5 },
  'platform-sprints': { median: 0.78, p10: 0.38 },
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
