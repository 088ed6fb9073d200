/**
 * The plans the Debrief 2 issue was measured on, built from its description as a practitioner
 * would plan from the brief and the cards (`tests/fixtures/practitioner/*.plan.json`): zero-day
 * (security first, then the contract), launch-demand (scale before the launch), audit-year
 * (over-filled quarters and the refactor left to the second year), big-customer (the test suite at
 * the end of Q1) and the tutorial (calendars first). On each, the moves explain at least 90% of
 * the gap to par, and every move into a slot says where in the slot it goes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { applyEdit, pathToPar } from '../../src/explain/path.ts';
import { bakedPar } from '../../src/engine/par.ts';
import { checkPlanFile, readPlanFile } from '../../src/engine/planFile.ts';
import { shipped } from '../engine/helpers.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'practitioner');
const PLANS = ['zero-day', 'launch-demand', 'audit-year', 'big-customer', 'tutorial'];

/**
 * Where in the slot: "first", "second", …, "last" or "number 10" (or "first in Q3"), and a
 * neighbour.
 */
const POSITION =
  /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|last|number \d+)( in [^,]+)?, (before|after) “/;

describe('the practitioner plans of the Debrief 2 issue', () => {
  for (const id of PLANS) {
    it(`${id}: the moves explain at least 90% of the gap and name positions inside slots`, () => {
      const scenario = shipped(id);
      const read = readPlanFile(readFileSync(join(FIXTURES, `${id}.plan.json`), 'utf8'));
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      const checked = checkPlanFile(scenario, read.file);
      if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
      const plan = checked.plan;
      const path = pathToPar(scenario, plan, bakedPar(scenario)!.plan);
      expect(path.par - path.start).toBeGreaterThanOrEqual(1);
      expect(path.explained).toBeGreaterThanOrEqual(0.9);
      let before = plan;
      for (const step of path.steps) {
        const { edit } = step;
        if (edit.kind === 'place' && applyEdit(before, edit).slots[edit.to.slot]!.length > 1)
          expect(step.sentence).toMatch(POSITION);
        before = step.plan;
      }
    });
  }
});
