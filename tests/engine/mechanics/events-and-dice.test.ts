/**
 * Which slots roll dice, and which branch of a scripted event a run follows (docs/model.md,
 * "Randomness" and "Scripted events").
 *
 * - A conditional run (round-by-round play, `revealedSlots` played) draws incidents from the dice
 *   only in the slots already played; later slots count the expected λ, as expected mode does.
 * - A demand spike's branch multiplies demand in its slot: expected mode weighs each branch's run
 *   by its probability, so the slot's utilization is the branches' probability-weighted mean.
 * - A competitor's copy that does not happen leaves the delighter's bonus alone.
 *
 * Quiet world (tests/engine/mechanics/build.ts) unless a test turns a mechanism on.
 */
import { describe, expect, it } from 'vitest';

import { K, item, quarters, run, runWith, scenario, slot } from './build.ts';

describe('dice in a conditional run', () => {
  // Incidents on, nothing else: λ is incidentBase in every slot (no debt, no demand).
  const s = scenario({
    time: { labels: quarters(3), slotsPerYear: 4 },
    constants: { incidentBase: K.incidentBase },
  });

  it('counts expected incidents in every slot of an expected run', () => {
    const out = run(s);
    for (const t of out.slots) expect(t.incidents).toBeCloseTo(K.incidentBase, 12);
  });

  it('draws incidents only in the slots already played, and expects them after', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const out = runWith(
        s,
        { slots: [[], [], []] },
        { mode: 'conditional', seed, revealedSlots: 1 },
      );
      // A drawn count is a whole number; λ = 0.6 is not.
      expect(Number.isInteger(slot(out, 0).incidents), `seed ${seed}`).toBe(true);
      expect(slot(out, 1).incidents).toBeCloseTo(K.incidentBase, 12);
      expect(slot(out, 2).incidents).toBeCloseTo(K.incidentBase, 12);
    }
  });

  it('draws a breach only in the slots already played, and expects it after', () => {
    // A standing threat, even odds a year: a per-slot breach probability p = 1 − 0.5^(1/4).
    const p = 1 - Math.pow(0.5, 1 / 4);
    const threat = scenario({
      time: { labels: quarters(3), slotsPerYear: 4 },
      security: {
        sle: 1_000_000,
        vulnerabilities: [],
        threats: [{ id: 'phishing', title: 'Phishing', perYear: 0.5, controls: [] }],
      },
    });
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const out = runWith(
        threat,
        { slots: [[], [], []] },
        { mode: 'conditional', seed, revealedSlots: 1 },
      );
      expect([0, 1], `seed ${seed}`).toContain(slot(out, 0).breaches);
      expect(slot(out, 1).breaches).toBeCloseTo(p, 12);
      expect(slot(out, 2).breaches).toBeCloseTo(p, 12);
    }
  });

  it('draws a cascade only in the slots already played, and expects it after', () => {
    const cascade = scenario({
      time: { labels: quarters(3), slotsPerYear: 4 },
      events: [
        {
          id: 'outage',
          title: 'Region outage',
          kind: 'cascade',
          fromSlot: 0,
          probability: 0.2,
          loss: 1_000_000,
          csat: 0,
          downtimeMinutes: 0,
          mitigations: [],
        },
      ],
    });
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const out = runWith(
        cascade,
        { slots: [[], [], []] },
        { mode: 'conditional', seed, revealedSlots: 1 },
      );
      expect([0, 1_000_000], `seed ${seed}`).toContain(slot(out, 0).cascadeLoss);
      expect(slot(out, 1).cascadeLoss).toBeCloseTo(0.2 * 1_000_000, 6);
      expect(slot(out, 2).cascadeLoss).toBeCloseTo(0.2 * 1_000_000, 6);
    }
  });

  it('draws every slot of a seeded run', () => {
    for (const seed of [1, 2, 3]) {
      const out = runWith(s, { slots: [[], [], []] }, { mode: 'seeded', seed });
      for (const t of out.slots) expect(Number.isInteger(t.incidents), `seed ${seed}`).toBe(true);
    }
  });
});

describe("a demand spike's branches", () => {
  it('are weighed by their probability in expected mode', () => {
    // ρ0 = 0.6; in Q2 demand stays (×1) or triples (×3), even odds: 0.6 or 1.8.
    const s = scenario({
      time: { labels: quarters(3), slotsPerYear: 4 },
      demand: { rho0: 0.6 },
      events: [
        {
          id: 'launch',
          title: 'Launch',
          kind: 'demandSpike',
          slot: 1,
          branches: [
            { probability: 0.5, multiplier: 1 },
            { probability: 0.5, multiplier: 3 },
          ],
        },
      ],
    });
    const out = run(s);
    expect(slot(out, 0).utilization).toBeCloseTo(0.6, 12);
    expect(slot(out, 1).utilization).toBeCloseTo(0.5 * 0.6 + 0.5 * 1.8, 12);
    // Only the tripled branch overloads: it sheds 1 − 1/1.8 of demand.
    expect(slot(out, 1).shed).toBeCloseTo(0.5 * (1 - 1 / 1.8), 12);
    expect(slot(out, 2).utilization).toBeCloseTo(0.6, 12);
  });
});

describe("a competitor's copy", () => {
  it('that does not happen leaves the delighter its whole bonus', () => {
    const s = scenario(
      {
        time: { labels: quarters(3), slotsPerYear: 4 },
        events: [
          {
            id: 'copy',
            title: 'Copied',
            kind: 'competitorCopy',
            slot: 1,
            probability: 0,
            item: 'wow',
            decay: 0.5,
          },
        ],
      },
      [item('wow', 5, { value: { csat: 10, kano: 'delight' } })],
    );
    const out = run(s, ['wow']);
    expect(out.slots.map((t) => t.csatEnd - t.csatStart)).toEqual([10, 0, 0]);
  });
});
