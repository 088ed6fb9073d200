/**
 * What a slot's trace records about the changes the run made (docs/model.md: "every change is
 * recorded with its cause"): one cause per effect of a completed item, with its target, size
 * and mechanism, in the order the model applies them; the penalties, deals and gaps of the slot
 * they fall in; and the scripted events' records the story of a seeded run tells. Every expected
 * record is put together here from the scenario, never copied from the output.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../../../src/engine/compile.ts';
import { seededChoice } from '../../../src/engine/expected.ts';
import type { Cause, Outcome } from '../../../src/engine/index.ts';
import { item, plan, quarters, run, runWith, scenario, slot } from './build.ts';

const three = { labels: quarters(3), slotsPerYear: 4 };
const ofItem = (out: Outcome, t: number, id: string): Cause[] =>
  slot(out, t).causes.filter((c) => c.item === id);
const ofMechanism = (out: Outcome, t: number, mechanism: string): Cause[] =>
  slot(out, t).causes.filter((c) => c.mechanism === mechanism);

describe('a completed item', () => {
  it('records one cause per effect, in the order they apply, with its size', () => {
    const s = scenario(
      {
        security: {
          sle: 1_000_000,
          vulnerabilities: [{ id: 'cve-1', title: 'CVE 1', cvss: 7 }],
          threats: [
            {
              id: 'phishing',
              title: 'Phished passwords',
              perYear: 0.2,
              controls: [{ item: 'x', reduction: 0.7 }],
            },
          ],
        },
      },
      [
        item('x', 5, {
          type: 'security',
          value: { arr: 200_000, confidence: 0.5, csat: 2 },
          effects: {
            debtAdd: 3,
            capacityAdd: 0.2,
            incidentReduction: 0.3,
            postureReduction: 0.4,
            closes: ['cve-1'],
          },
        }),
      ],
    );
    const out = run(s, ['x']);
    const completion = (target: string, delta: number, mechanism = 'completion') => ({
      target,
      delta,
      item: 'x',
      mechanism,
    });
    expect(ofItem(out, 0, 'x')).toEqual([
      completion('arr', 200_000 * 0.5),
      completion('csat', 2),
      completion('debt', 3),
      completion('systemCapacity', 0.2),
      completion('incidentRate', -0.3),
      completion('breachHazard', -0.4),
      completion('breachHazard', -0.7, 'controls phishing'),
      completion('vulnerability', -1, 'closes cve-1'),
    ]);
    // Nothing is recorded for it again in the slot after.
    expect(ofItem(out, 1, 'x')).toEqual([]);
  });

  it('records a vulnerability closed only by the item that closed it first', () => {
    const s = scenario(
      { security: { sle: 1_000_000, vulnerabilities: [{ id: 'v', title: 'V', cvss: 5 }] } },
      [
        item('first', 2, { type: 'security', effects: { closes: ['v'] } }),
        item('second', 2, { type: 'security', effects: { closes: ['v'] } }),
      ],
    );
    const out = run(s, ['first', 'second']);
    expect(ofItem(out, 0, 'first')).toEqual([
      { target: 'vulnerability', delta: -1, item: 'first', mechanism: 'closes v' },
    ]);
    expect(ofItem(out, 0, 'second')).toEqual([]);
  });

  it('records nothing for an item with no effect', () => {
    expect(ofItem(run(scenario({}, [item('plain', 3)]), ['plain']), 0, 'plain')).toEqual([]);
  });
});

describe('penalties, deals and gaps', () => {
  it('records a missed obligation’s penalty in its deadline slot only', () => {
    const s = scenario(
      {
        time: three,
        obligations: [
          {
            id: 'soc2',
            title: 'SOC 2',
            deadlineSlot: 1,
            observationSlots: 1,
            penalty: 100_000,
          },
        ],
      },
      [item('controls', 5, { type: 'compliance', effects: { compliance: 'soc2' } })],
    );
    const missed = run(s);
    expect([0, 1, 2].map((t) => ofMechanism(missed, t, 'missed soc2'))).toEqual([
      [],
      [{ target: 'money', delta: -100_000, mechanism: 'missed soc2' }],
      [],
    ]);
    // Done at 0.5, the report exists at 1.5: met by the end of Q2, nothing charged.
    const met = run(s, ['controls']);
    expect([0, 1, 2].flatMap((t) => ofMechanism(met, t, 'missed soc2'))).toEqual([]);
  });

  it('records a gated deal’s ARR in the slot it lands', () => {
    const s = scenario(
      {
        time: three,
        obligations: [
          { id: 'soc2', title: 'SOC 2', deadlineSlot: 2, observationSlots: 1, penalty: 0 },
        ],
        deals: [{ id: 'bank', title: 'Bank deal', arr: 500_000, obligation: 'soc2', fromSlot: 2 }],
      },
      [item('controls', 5, { type: 'compliance', effects: { compliance: 'soc2' } })],
    );
    const out = run(s, ['controls']);
    // Report at 1.5, wanted from Q3: the whole deal, at the end of Q2.
    expect([0, 1, 2].map((t) => ofMechanism(out, t, 'deal bank'))).toEqual([
      [],
      [{ target: 'arr', delta: 500_000, mechanism: 'deal bank' }],
      [],
    ]);
  });

  it('records a missed deadline’s penalty, and a must-be gap every slot it stays open', () => {
    const s = scenario({ time: three }, [
      item('dated', 5, { urgency: { kind: 'deadline', slot: 1, penalty: 70_000 } }),
      item('basic', 3, { value: { kano: 'must', mustPenalty: 1.5 } }),
    ]);
    const out = run(s, [], [], ['basic']);
    expect([0, 1, 2].map((t) => ofItem(out, t, 'dated'))).toEqual([
      [],
      [{ target: 'money', delta: -70_000, item: 'dated', mechanism: 'deadline missed' }],
      [],
    ]);
    // The must-be gap drains satisfaction at the end of Q1 and Q2; done in Q3, it stops.
    const gap = { target: 'csat', delta: -1.5, item: 'basic', mechanism: 'must-be gap' };
    expect([0, 1, 2].map((t) => ofMechanism(out, t, 'must-be gap'))).toEqual([[gap], [gap], []]);
  });
});

describe('scripted events', () => {
  it('record an injected item and a competitor’s copy, and say when they did not happen', () => {
    const s = scenario(
      {
        time: three,
        events: [
          {
            id: 'audit',
            title: 'Audit finding',
            kind: 'injectItem',
            slot: 1,
            probability: 0.4,
            item: 'fix',
          },
          {
            id: 'rival',
            title: 'Rival copies it',
            kind: 'competitorCopy',
            slot: 2,
            probability: 0.3,
            item: 'shiny',
            decay: 0.5,
          },
        ],
      },
      [
        item('fix', 2, { type: 'security', injected: true }),
        item('shiny', 3, { value: { csat: 4 } }),
      ],
    );
    const c = compile(s);
    const seen = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      const { choice, dice } = seededChoice(c, seed);
      const out = runWith(s, plan(s, ['shiny']), { mode: 'seeded', seed });
      const events = out.events.filter(
        (e) => e.kind === 'injectItem' || e.kind === 'competitorCopy',
      );
      expect(events).toEqual([
        {
          slot: 1,
          kind: 'injectItem',
          title: 'Audit finding',
          probability: 0.4,
          roll: dice[0]![1] ?? null,
          outcome: choice[0],
          detail: choice[0] === 1 ? 'Item fix was added to the queue' : 'did not happen',
        },
        {
          slot: 2,
          kind: 'competitorCopy',
          title: 'Rival copies it',
          probability: 0.3,
          roll: dice[1]![2] ?? null,
          outcome: choice[1],
          detail: choice[1] === 1 ? 'Item shiny starts losing its edge' : 'did not happen',
        },
      ]);
      seen.add(`${choice[0]}${choice[1]}`);
    }
    // The seeds give both outcomes of each event.
    expect([...seen].some((k) => k[0] === '1') && [...seen].some((k) => k[0] === '0')).toBe(true);
    expect([...seen].some((k) => k[1] === '1') && [...seen].some((k) => k[1] === '0')).toBe(true);
  });

  it('record a demand spike with the chance and multiplier of the branch that came', () => {
    const s = scenario({
      time: three,
      demand: { rho0: 0.5 },
      events: [
        {
          id: 'launch',
          title: 'Launch traffic',
          kind: 'demandSpike',
          slot: 1,
          branches: [
            { probability: 0.7, multiplier: 2 },
            { probability: 0.3, multiplier: 5 },
          ],
        },
      ],
    });
    const c = compile(s);
    const seen = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) {
      const { choice } = seededChoice(c, seed);
      const branch = [
        { probability: 0.7, multiplier: 2 },
        { probability: 0.3, multiplier: 5 },
      ][choice[0]!]!;
      const out = runWith(s, plan(s), { mode: 'seeded', seed });
      const spike = out.events.filter((e) => e.kind === 'demandSpike');
      expect(spike).toEqual([
        expect.objectContaining({
          slot: 1,
          title: 'Launch traffic',
          probability: branch.probability,
          outcome: branch.multiplier,
          detail: `demand ×${branch.multiplier}`,
        }),
      ]);
      seen.add(branch.multiplier);
    }
    expect(seen).toEqual(new Set([2, 5]));
  });
});
