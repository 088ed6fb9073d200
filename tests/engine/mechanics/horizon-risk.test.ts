/**
 * The horizon's end, past the cases horizon.test.ts covers (docs/model.md, "Horizon end"):
 * - a vulnerability disclosed after the first slot ages from its disclosure into the terminal
 *   period, and every hazard there is scaled by the posture the plan reached (π);
 * - the open risk counts the ARR a breach drives away over half the terminal period, whatever
 *   its length;
 * - a stakeholder's alignment is the share of their asks met, and a stakeholder with no asks
 *   counts for nothing;
 * - a run for the search (no detail) returns no per-item arrays.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../../../src/engine/compile.ts';
import { expectedEnvs, runPlan } from '../../../src/engine/expected.ts';
import { K, item, quarters, run, scenario } from './build.ts';

const SLE = 1_000_000;
/** Slots of the terminal period at `terminalYears` (quarters). */
const horizonSlots = (terminalYears = K.terminalYears) =>
  Math.max(1, Math.round(terminalYears * 4));

/** The chance of a breach in the terminal period from one open vulnerability and the debt. */
function openBreachChance(p: {
  slots: number;
  openFrom: number;
  hMax: number;
  halfLife: number;
  debt: number;
  posture: number;
  threatPerSlot?: number;
}): number {
  const horizon = horizonSlots();
  let survival = 1;
  for (let j = 0; j < horizon; j++) {
    const age = p.slots - p.openFrom + j;
    survival *= 1 - p.hMax * (1 - Math.pow(0.5, (age + 1) / p.halfLife)) * p.posture;
  }
  survival *= Math.pow(1 - (p.threatPerSlot ?? 0) * p.posture, horizon);
  survival *= Math.pow(1 - ((K.stalenessHazard * p.debt) / K.debtHalf) * p.posture, horizon);
  return 1 - survival;
}

describe('the open risk at the end', () => {
  it('ages a later-disclosed vulnerability from its disclosure, scaled by the posture reached', () => {
    // v is disclosed in Q2 and left open; the posture work (π × 0.5) is done in Q1; debt 30.
    const s = scenario(
      {
        time: { labels: quarters(3), slotsPerYear: 4 },
        start: { arr: 1_000_000, csat: 70, debt: 30 },
        constants: { stalenessHazard: K.stalenessHazard },
        security: {
          sle: SLE,
          vulnerabilities: [
            { id: 'v', title: 'V', cvss: 9.8, internetFacing: true, disclosedSlot: 1 },
          ],
        },
      },
      [
        item('patch', 2, { type: 'security', effects: { closes: ['v'] } }),
        item('posture', 5, { type: 'security', effects: { postureReduction: 0.5 } }),
      ],
    );
    const out = run(s, ['posture']);
    const p = openBreachChance({
      slots: 3,
      openFrom: 1,
      hMax: K.hazardCritical,
      halfLife: K.halfLifeCritical,
      debt: out.endDebt,
      posture: 0.5,
    });
    expect(out.residualExposure).toBeCloseTo(SLE * p, 6);
  });

  it('scales a standing threat by the posture reached', () => {
    const perSlot = 1 - Math.pow(1 - 0.4, 1 / 4);
    const s = scenario(
      {
        time: { labels: quarters(2), slotsPerYear: 4 },
        security: {
          sle: SLE,
          vulnerabilities: [],
          threats: [{ id: 'phishing', title: 'Phishing', perYear: 0.4, controls: [] }],
        },
      },
      [item('posture', 5, { type: 'security', effects: { postureReduction: 0.5 } })],
    );
    const out = run(s, ['posture']);
    const p = 1 - Math.pow(1 - perSlot * 0.5, horizonSlots());
    expect(out.residualExposure).toBeCloseTo(SLE * p, 6);
  });

  it('counts the ARR a breach drives away over half of a two-year terminal period', () => {
    const s = scenario({
      time: { labels: quarters(2), slotsPerYear: 4 },
      constants: { terminalYears: 2, stalenessHazard: K.stalenessHazard },
      start: { arr: 1_000_000, csat: 70, debt: 30 },
      security: { sle: SLE, vulnerabilities: [] },
    });
    const out = run(s);
    const horizon = horizonSlots(2);
    const pOpen = 1 - Math.pow(1 - (K.stalenessHazard * out.endDebt) / K.debtHalf, horizon);
    expect(out.ledger.openRisk).toBeCloseTo(
      pOpen * (SLE + (K.breachChurn * out.endArr * 2) / 2),
      4,
    );
  });
});

describe("stakeholders' alignment", () => {
  it('is the share of their asks met, and a stakeholder with no asks counts for nothing', () => {
    const s = scenario(
      {
        stakeholders: [
          {
            id: 'ceo',
            name: 'Ceo',
            role: 'CEO',
            influence: 2,
            asks: [
              { item: 'a', bySlot: 1 },
              { item: 'b', bySlot: 1 },
            ],
          },
          { id: 'cfo', name: 'Cfo', role: 'CFO', influence: 5, asks: [] },
        ],
      },
      [item('a', 5), item('b', 5)],
    );
    // a is done, b is left out: half of the CEO's asks.
    expect(run(s, ['a']).metrics.stakeholders).toBeCloseTo(0.5, 12);
  });

  it('is 0 in the run, and no metric in the outcome, with no stakeholder at all', () => {
    const c = compile(scenario());
    expect(runPlan(c, [['a'], []], expectedEnvs(c)[0]!).stakeholderAlignment).toBe(0);
    expect(run(scenario(), ['a']).metrics.stakeholders).toBeNull();
  });
});

describe('a run for the search', () => {
  it('returns no per-item arrays', () => {
    const c = compile(scenario());
    const env = expectedEnvs(c)[0]!;
    const quick = runPlan(c, [['a'], []], env, null, false);
    for (const list of [
      quick.doneAt,
      quick.startedAt,
      quick.valueFactor,
      quick.partValue,
      quick.split,
      quick.reportAt,
    ])
      expect(list).toEqual([]);
    const full = runPlan(c, [['a'], []], env, null, true);
    expect(full.doneAt).toEqual([0.5]);
    expect(full.revenueNet).toBe(quick.revenueNet);
  });
});
