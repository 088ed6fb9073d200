/**
 * Horizon end (docs/model.md): one year (terminalYears) of ending ARR is added to revenue; open
 * vulnerabilities and the debt baseline add a residual breach exposure to security over the
 * next terminalYears·slotsPerYear slots; capacity health is 1 − drag at the end. Work that is not
 * done by the end of the last slot is unfinished and worth nothing; the last slot is the last
 * one a scenario may name.
 */
import { describe, expect, it } from 'vitest';

import { loadScenario, type ScenarioInput } from '../../../src/engine/index.ts';
import { K, item, itemOf, quarters, run, scenario, slot } from './build.ts';

/** The formulas of the horizon end. */
function expectedTerminal(endArr: number, terminalYears = K.terminalYears): number {
  return terminalYears * endArr;
}
function expectedResidual(p: {
  sle: number;
  slots: number;
  slotsPerYear: number;
  open: readonly { openFrom: number; hMax: number; halfLife: number }[];
  debt: number;
  posture?: number;
}): number {
  const horizon = Math.max(1, Math.round(K.terminalYears * p.slotsPerYear));
  const posture = p.posture ?? 1;
  let survival = 1;
  for (const v of p.open)
    for (let j = 0; j < horizon; j++) {
      const age = p.slots - v.openFrom + j;
      survival *= 1 - v.hMax * (1 - Math.pow(0.5, (age + 1) / v.halfLife)) * posture;
    }
  survival *= Math.pow(1 - ((K.stalenessHazard * p.debt) / K.debtHalf) * posture, horizon);
  return p.sle * (1 - survival);
}
function expectedCapacityHealth(endDebt: number): number {
  return 1 - endDebt / (endDebt + K.debtHalf);
}

describe('horizon end', () => {
  it('adds terminalYears of ending ARR to net revenue', () => {
    const s = scenario({ constants: { terminalYears: 1.5 } }, [
      item('a', 5, { value: { arr: 200_000 } }),
    ]);
    const out = run(s, ['a']);
    expect(out.endArr).toBe(1_200_000);
    expect(out.ledger.terminal).toBeCloseTo(expectedTerminal(1_200_000, 1.5), 6);
    const l = out.ledger;
    expect(l.net).toBeCloseTo(
      l.revenue - l.outage - l.overload - l.breach - l.fines - l.fees - l.cascade + l.terminal,
      6,
    );
    expect(out.metrics.revenue).toBeCloseTo(l.net, 6);
  });

  it('counts the residual exposure of vulnerabilities still open at the end', () => {
    const s = scenario(
      {
        start: { arr: 1_000_000, csat: 70, debt: 30 },
        constants: { stalenessHazard: K.stalenessHazard },
        security: {
          sle: 1_000_000,
          vulnerabilities: [{ id: 'v', title: 'V', cvss: 9.8, internetFacing: true }],
        },
      },
      [item('patch', 2, { type: 'security', effects: { closes: ['v'] } })],
    );
    const open = run(s);
    const residual = expectedResidual({
      sle: 1_000_000,
      slots: 2,
      slotsPerYear: 4,
      open: [{ openFrom: 0, hMax: K.hazardCritical, halfLife: K.halfLifeCritical }],
      debt: open.endDebt,
    });
    expect(open.residualExposure).toBeCloseTo(residual, 6);
    expect(open.metrics.security).toBeCloseTo(-(open.ledger.breach + residual), 6);

    const patched = run(s, ['patch']);
    expect(patched.residualExposure).toBeCloseTo(
      expectedResidual({
        sle: 1_000_000,
        slots: 2,
        slotsPerYear: 4,
        open: [],
        debt: patched.endDebt,
      }),
      6,
    );
  });

  it('has no residual exposure without a breach cost', () => {
    const s = scenario({
      start: { arr: 1_000_000, csat: 70, debt: 30 },
      constants: { stalenessHazard: K.stalenessHazard },
    });
    expect(run(s).residualExposure).toBe(0);
  });

  it('measures capacity health as 1 − drag at the end', () => {
    const s = scenario({ start: { arr: 1_000_000, csat: 70, debt: 60 } }, [
      item('pay', 3, { type: 'debt', effects: { debtRemove: 20 } }),
    ]);
    const out = run(s, [], ['pay']);
    expect(out.endDebt).toBe(40);
    expect(out.metrics.capacityHealth).toBeCloseTo(expectedCapacityHealth(40), 12);
  });

  it('counts work finishing exactly at the end of the last slot as done', () => {
    const s = scenario({}, [
      item('a', 10, {
        value: { arr: 100_000 },
        urgency: { kind: 'deadline', slot: 1, penalty: 10_000 },
      }),
    ]);
    const out = run(s, [], ['a']);
    expect(itemOf(out, 'a')).toMatchObject({ status: 'done', completedAt: 2, valueFactor: 1 });
    expect(out.endArr).toBe(1_100_000);
    expect(out.ledger.fines).toBe(0);
  });

  it('leaves work past the horizon unfinished: no value, and a missed last-slot deadline', () => {
    const s = scenario({ constants: { thrash: 0 } }, [
      item('a', 12, {
        value: { arr: 100_000 },
        urgency: { kind: 'deadline', slot: 1, penalty: 10_000 },
      }),
    ]);
    const out = run(s, [], ['a']);
    expect(itemOf(out, 'a')).toMatchObject({
      status: 'unfinished',
      completedAt: null,
      valueFactor: null,
    });
    expect(itemOf(out, 'a').startedAt).toBe(1);
    expect(out.endArr).toBe(1_000_000);
    expect(slot(out, 1).fines).toBe(10_000);
  });

  it('meets a stakeholder’s ask for the last slot when it is done by the end', () => {
    const s = scenario(
      {
        stakeholders: [
          { id: 'ceo', name: 'Ceo', role: 'CEO', influence: 2, asks: [{ item: 'a', bySlot: 1 }] },
          { id: 'cfo', name: 'Cfo', role: 'CFO', influence: 1, asks: [{ item: 'b', bySlot: 0 }] },
        ],
      },
      [item('a', 5), item('b', 5)],
    );
    // b at τ = 1.5 (late for Q1), a at τ = 2 (just in time for Q2).
    const out = run(s, [], ['b', 'a']);
    expect(out.asks.map((a) => [a.item, a.status])).toEqual([
      ['a', 'met'],
      ['b', 'late'],
    ]);
    // Influence-weighted share of asks met: (2·1 + 1·0)/(2 + 1).
    expect(out.metrics.stakeholders).toBeCloseTo(2 / 3, 12);
    expect(run(s).asks.map((a) => a.status)).toEqual(['missed', 'missed']);
  });

  it.each([
    [
      'an item’s not-before slot',
      (x: ScenarioInput) => (x.items[0]!.notBefore = 2),
      'items[0].notBefore',
    ],
    [
      'a deadline',
      (x: ScenarioInput) => (x.items[0]!.urgency = { kind: 'deadline', slot: 2 }),
      'items[0].urgency.slot',
    ],
    [
      'an ask',
      (x: ScenarioInput) =>
        (x.stakeholders = [{ id: 'c', name: 'C', role: 'R', asks: [{ item: 'a', bySlot: 2 }] }]),
      'stakeholders[0].asks[0].bySlot',
    ],
  ])(
    'refuses %s at the horizon (slot = number of slots), accepts the last slot',
    (_, edit, path) => {
      const past: ScenarioInput = {
        schemaVersion: 2,
        id: 'h',
        title: 'H',
        brief: '',
        industry: 'Test',
        difficulty: 1,
        minutes: 1,
        time: { labels: quarters(2), slotsPerYear: 4 },
        team: { capacity: 10 },
        start: { arr: 0, csat: 70, debt: 0 },
        scoring: { weights: { revenue: 1 } },
        items: [item('a', 5)],
      };
      edit(past);
      const refused = loadScenario(past);
      expect(refused.ok).toBe(false);
      if (!refused.ok)
        expect(refused.issues).toContainEqual({
          path,
          message: expect.stringMatching(
            /slot 2 is past the horizon \(slots are 0–1, last is Q2\)$/,
          ),
        });
      const last = JSON.parse(JSON.stringify(past).replaceAll(':2', ':1')) as unknown;
      expect(loadScenario(last).ok).toBe(true);
    },
  );
});
