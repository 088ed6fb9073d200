/**
 * Step 11 of a slot (docs/model.md): CSAT and churn, at the end of the slot.
 * - A must-be item not done costs its mustPenalty of CSAT every slot it is missing.
 * - A copied delighter loses `decay` of its remaining bonus every slot from the copy's slot
 *   (an item finished after the copy starts with a bonus already eroded).
 * - CSAT drifts back toward its start: CSAT += csatReversion·(start − CSAT), kept in 0–100.
 * - churn = churnBase + churnSensitivity·max(0, start − CSAT)/100;  ARR ×= 1 − churn.
 */
import { describe, expect, it } from 'vitest';

import { K, causeTotal, item, quarters, run, scenario, slot } from './build.ts';

/** The formulas of step 11. */
function expectedReversion(csat: number, reference: number, rate = K.csatReversion): number {
  return Math.min(100, Math.max(0, csat + rate * (reference - csat)));
}
function expectedChurn(csat: number, reference: number): number {
  return K.churnBase + (K.churnSensitivity * Math.max(0, reference - csat)) / 100;
}

describe('step 11: CSAT', () => {
  it('drains a missing must-be item’s penalty every slot until it is done', () => {
    const s = scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, [
      item('login', 5, { value: { kano: 'must', mustPenalty: 3 } }),
    ]);
    const out = run(s, [], ['login']);
    expect(out.slots.map((t) => t.csatEnd - t.csatStart)).toEqual([-3, 0, 0]);
    expect(causeTotal(slot(out, 0), 'csat', 'must-be gap')).toBe(-3);
    expect(run(s).slots.map((t) => t.csatEnd)).toEqual([67, 64, 61]);
  });

  it('drifts back toward the starting CSAT by csatReversion of the gap', () => {
    const s = scenario({ constants: { csatReversion: K.csatReversion } }, [
      item('delight', 5, { value: { csat: 10 } }),
    ]);
    const out = run(s, ['delight']);
    const q1 = expectedReversion(80, 70);
    expect(slot(out, 0).csatEnd).toBeCloseTo(q1, 12);
    expect(causeTotal(slot(out, 0), 'csat', 'reversion')).toBeCloseTo(q1 - 80, 12);
    expect(slot(out, 1).csatEnd).toBeCloseTo(expectedReversion(q1, 70), 12);
  });

  it('keeps CSAT between 0 and 100', () => {
    const low = scenario({}, [item('a', 5, { value: { csat: -100 } })]);
    expect(slot(run(low, ['a']), 0).csatEnd).toBe(0);
    const high = scenario({ start: { arr: 1_000_000, csat: 95, debt: 0 } }, [
      item('a', 5, { value: { csat: 20 } }),
    ]);
    expect(slot(run(high, ['a']), 0).csatEnd).toBe(100);
  });

  it('erodes a copied delighter’s bonus by the copy’s decay every slot', () => {
    const s = scenario(
      {
        time: { labels: quarters(3), slotsPerYear: 4 },
        events: [
          {
            id: 'copy',
            title: 'Copied',
            kind: 'competitorCopy',
            slot: 1,
            probability: 1,
            item: 'wow',
            decay: 0.5,
          },
        ],
      },
      [item('wow', 5, { value: { csat: 10, kano: 'delight' } })],
    );
    const early = run(s, ['wow']);
    expect(early.slots.map((t) => t.csatEnd - t.csatStart)).toEqual([10, -5, -2.5]);
    expect(causeTotal(slot(early, 1), 'csat', 'delighter copied')).toBe(-5);
    // Finished in Q3, one slot after the copy: the bonus arrives halved, then erodes.
    const late = run(s, [], [], ['wow']);
    expect(slot(late, 2).csatEnd - slot(late, 2).csatStart).toBeCloseTo(
      10 * 0.5 - 10 * 0.5 * 0.5,
      12,
    );
  });
});

describe('step 11: churn', () => {
  it('churns churnBase of ARR at or above the starting CSAT', () => {
    const s = scenario({
      constants: { churnBase: K.churnBase, churnSensitivity: K.churnSensitivity },
    });
    const out = run(s);
    const churn = expectedChurn(70, 70);
    expect(slot(out, 0).arrEnd).toBeCloseTo(1_000_000 * (1 - churn), 6);
    expect(causeTotal(slot(out, 0), 'arr', 'churn')).toBeCloseTo(-1_000_000 * churn, 6);
    expect(slot(out, 1).arrEnd).toBeCloseTo(1_000_000 * (1 - churn) ** 2, 6);
  });

  it('churns more by churnSensitivity per 100 CSAT points below the start', () => {
    const s = scenario(
      { constants: { churnBase: K.churnBase, churnSensitivity: K.churnSensitivity } },
      [item('annoy', 5, { value: { csat: -20 } })],
    );
    const t0 = slot(run(s, ['annoy']), 0);
    expect(t0.arrEnd).toBeCloseTo(1_000_000 * (1 - expectedChurn(50, 70)), 6);
    const happier = scenario(
      { constants: { churnBase: K.churnBase, churnSensitivity: K.churnSensitivity } },
      [item('please', 5, { value: { csat: 20 } })],
    );
    expect(slot(run(happier, ['please']), 0).arrEnd).toBeCloseTo(
      1_000_000 * (1 - expectedChurn(90, 70)),
      6,
    );
  });

  it('converts the per-quarter churn to the slot length', () => {
    const s = scenario({
      time: { labels: quarters(2), slotsPerYear: 12 },
      constants: { churnBase: K.churnBase },
    });
    const perMonth = 1 - Math.pow(1 - K.churnBase, 4 / 12);
    expect(slot(run(s), 0).arrEnd).toBeCloseTo(1_000_000 * (1 - perMonth), 6);
  });
});
