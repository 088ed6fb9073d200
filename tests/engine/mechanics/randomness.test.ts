/**
 * Randomness (docs/model.md): expected runs and seeded runs.
 * - Common random numbers: each run draws one uniform per (stream, slot) from a generator seeded
 *   by `scenario id | run seed | stream name` (streams: incidents, breach, event:<id>,
 *   effort:<item>). A plan changes probabilities, never rolls.
 * - Expected mode replaces every draw by its expectation: λ incidents, p breaches, p cascades,
 *   mean effort (low + mode + high)/3; scripted events that change the course of the year are
 *   enumerated as weighted branches (at most 8), otherwise averaged over 16 fixed seeds.
 * - Seeded mode: incidents are the Poisson inverse-CDF of the incidents roll, a breach or a
 *   cascade happens when its roll is below p, efforts are the triangular inverse of their roll,
 *   and an event fires when its roll (at its slot) is below its probability.
 */
import { describe, expect, it } from 'vitest';

import { drawStream } from '../../../src/engine/rng.ts';
import type { ScenarioInput } from '../../../src/engine/index.ts';
import { K, item, itemOf, plan, quarters, run, runWith, scenario, slot } from './build.ts';

/** The formulas of the seeded draws. */
function expectedPoissonDraw(lambda: number, u: number): number {
  // Smallest k with P(N ≤ k) ≥ u.
  let k = 0;
  let term = Math.exp(-lambda);
  let cdf = term;
  while (cdf < u) {
    k += 1;
    term *= lambda / k;
    cdf += term;
  }
  return k;
}
function expectedTriangularDraw(low: number, mode: number, high: number, u: number): number {
  const split = (mode - low) / (high - low);
  return u < split
    ? low + Math.sqrt(u * (high - low) * (mode - low))
    : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}
const expectedMeanEffort = (low: number, mode: number, high: number) => (low + mode + high) / 3;
/** The roll of one stream at one slot, as the model defines the dice. */
const roll = (id: string, seed: number, stream: string, slots: number, t: number) =>
  drawStream(id, seed, stream, slots)[t]!;

const noisy = (extra: Parameters<typeof scenario>[0] = {}) =>
  scenario(
    {
      time: { labels: quarters(4), slotsPerYear: 4 },
      constants: { incidentBase: 2 },
      security: {
        sle: 1_000_000,
        vulnerabilities: [{ id: 'v', title: 'V', cvss: 9.8, internetFacing: true }],
      },
      ...extra,
    },
    [
      item('patch', 4, { type: 'security', effects: { closes: ['v'] } }),
      item('f', 6, { estimate: [3, 15] }),
    ],
  );

describe('randomness: expected mode', () => {
  it('counts λ incidents and p breaches, whatever the seed', () => {
    const s = noisy();
    const a = runWith(s, plan(s), { seed: 1 });
    const b = runWith(s, plan(s), { seed: 99 });
    expect(a.seed).toBeNull();
    expect(a.score).toBe(b.score);
    a.slots.forEach((t) => {
      expect(t.incidents).toBeCloseTo(t.incidentRate, 12);
      expect(t.breaches).toBeCloseTo(t.breachProbability, 12);
    });
  });

  it('uses the mean of the triangular estimate as the effort', () => {
    const s = noisy();
    const out = run(s, ['f']);
    const mean = expectedMeanEffort(3, 6, 15);
    expect(itemOf(out, 'f').effort).toBeCloseTo(mean, 12);
    expect(itemOf(out, 'f').completedAt).toBeCloseTo(mean / 10, 12);
  });
});

describe('randomness: seeded mode', () => {
  it('draws incidents by the Poisson inverse of the incidents roll', () => {
    const s = noisy();
    for (const seed of [1, 2, 3, 4, 5]) {
      const out = runWith(s, plan(s), { mode: 'seeded', seed });
      out.slots.forEach((t, i) =>
        expect(t.incidents).toBe(
          expectedPoissonDraw(t.incidentRate, roll(s.id, seed, 'incidents', 4, i)),
        ),
      );
    }
  });

  it('breaches when the breach roll is below p', () => {
    const s = noisy();
    let breaches = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const out = runWith(s, plan(s), { mode: 'seeded', seed });
      out.slots.forEach((t, i) => {
        const want = roll(s.id, seed, 'breach', 4, i) < t.breachProbability ? 1 : 0;
        expect(t.breaches).toBe(want);
        breaches += want;
      });
    }
    // Critical and unpatched: some runs breach, some do not.
    expect(breaches).toBeGreaterThan(0);
    expect(breaches).toBeLessThan(80);
  });

  it('draws each estimated effort by the triangular inverse of its roll', () => {
    const s = noisy();
    for (const seed of [1, 2, 3]) {
      const out = runWith(s, plan(s, ['f']), { mode: 'seeded', seed });
      expect(itemOf(out, 'f').effort).toBeCloseTo(
        expectedTriangularDraw(3, 6, 15, roll(s.id, seed, 'effort:f', 1, 0)),
        12,
      );
      // An item with no estimate keeps its effort.
      expect(itemOf(out, 'patch').effort).toBe(4);
    }
  });

  it('rolls the same dice for every plan (common random numbers)', () => {
    const s = noisy();
    const idle = runWith(s, plan(s), { mode: 'seeded', seed: 7 });
    const busy = runWith(s, plan(s, ['patch', 'f']), { mode: 'seeded', seed: 7 });
    const rolls = (out: typeof idle, kind: string) =>
      out.events.filter((e) => e.kind === kind).map((e) => e.roll);
    expect(rolls(busy, 'incidents')).toEqual(rolls(idle, 'incidents'));
    expect(rolls(idle, 'incidents')).toEqual(
      [0, 1, 2, 3].map((t) => roll(s.id, 7, 'incidents', 4, t)),
    );
  });

  it('happens a cascade when its roll is below its probability', () => {
    const s = noisy({
      events: [
        {
          id: 'outage',
          title: 'Outage',
          kind: 'cascade',
          fromSlot: 0,
          probability: 0.5,
          loss: 1_000,
        },
      ],
    });
    for (const seed of [1, 2, 3, 4]) {
      const out = runWith(s, plan(s), { mode: 'seeded', seed });
      out.slots.forEach((t, i) =>
        expect(t.cascadeLoss).toBe(roll(s.id, seed, 'event:outage', 4, i) < 0.5 ? 1_000 : 0),
      );
    }
  });
});

describe('randomness: scripted events', () => {
  const injection = (probability: number, extra: Partial<ScenarioInput> = {}) =>
    scenario(
      {
        time: { labels: quarters(3), slotsPerYear: 4 },
        security: {
          sle: 500_000,
          vulnerabilities: [{ id: 'zd', title: 'Zero-day', cvss: 9.8, internetFacing: true }],
        },
        events: [
          {
            id: 'zeroday',
            title: 'Zero-day',
            kind: 'injectItem',
            slot: 1,
            probability,
            item: 'hotfix',
            opens: 'zd',
            prepared: { items: ['sbom'], effortFactor: 0.5 },
          },
        ],
        ...extra,
      },
      [
        item('hotfix', 4, { type: 'security', injected: true, effects: { closes: ['zd'] } }),
        item('sbom', 2, { type: 'security' }),
        item('f', 8, { value: { arr: 100_000 } }),
      ],
    );

  it('enumerates an uncertain event as two weighted branches and averages their metrics', () => {
    const s = injection(0.3);
    const out = run(s, [], ['f']);
    expect(out.branches.map((b) => [b.label, b.probability])).toEqual([
      ['Zero-day: happens', 0.3],
      ['Zero-day: does not happen', expect.closeTo(0.7, 12)],
    ]);
    const fired = run(injection(1), [], ['f']);
    const quiet = run(injection(0), [], ['f']);
    expect(out.metrics.revenue).toBeCloseTo(
      0.3 * fired.metrics.revenue! + 0.7 * quiet.metrics.revenue!,
      6,
    );
    expect(out.metrics.security).toBeCloseTo(
      0.3 * fired.metrics.security! + 0.7 * quiet.metrics.security!,
      6,
    );
  });

  it('puts a fired injection first in the queue from its slot and opens its vulnerability', () => {
    const out = run(injection(1), [], ['f']);
    expect(itemOf(out, 'hotfix')).toMatchObject({ status: 'done', startedAt: 1 });
    // hotfix (4) before f (8): 12 points on 10, thrash.
    const c = 10 / (1 + K.thrash * (12 / 10 - 1));
    expect(itemOf(out, 'hotfix').completedAt).toBeCloseTo(1 + 4 / c, 9);
    expect(slot(out, 0).breachProbability).toBe(0);
    expect(slot(out, 1).breachProbability).toBeGreaterThan(0);
    const quiet = run(injection(0), [], ['f']);
    expect(itemOf(quiet, 'hotfix').status).toBe('not triggered');
    expect(quiet.slots.every((t) => t.breachProbability === 0)).toBe(true);
  });

  it('shrinks the injected effort by effortFactor when the preparation is done', () => {
    const out = run(injection(1), ['sbom'], ['f']);
    const effort = 4 * 0.5;
    const c = 10 / (1 + K.thrash * ((effort + 8) / 10 - 1));
    expect(itemOf(out, 'hotfix').completedAt).toBeCloseTo(1 + effort / c, 9);
  });

  it('averages over 16 fixed seeds when the branches would be more than 8', () => {
    const coin = (id: string, slot: number) => ({
      id,
      title: id,
      kind: 'competitorCopy' as const,
      slot,
      probability: 0.5,
      item: 'f',
      decay: 0.1,
    });
    const s = scenario(
      {
        time: { labels: quarters(4), slotsPerYear: 4 },
        events: [coin('a', 0), coin('b', 1), coin('c', 2), coin('d', 3)],
      },
      [item('f', 2, { value: { csat: 5 } })],
    );
    const out = run(s, ['f']);
    expect(out.branches).toHaveLength(16);
    expect(out.branches.every((b) => b.probability === 1 / 16)).toBe(true);
    const three = scenario(
      {
        time: { labels: quarters(4), slotsPerYear: 4 },
        events: [coin('a', 0), coin('b', 1), coin('c', 2)],
      },
      [item('f', 2, { value: { csat: 5 } })],
    );
    expect(run(three, ['f']).branches).toHaveLength(8);
  });

  it('fires an event in a seeded run when its roll at the event’s slot is below its probability', () => {
    const s = injection(0.5);
    for (let seed = 1; seed <= 8; seed++) {
      const out = runWith(s, plan(s, [], ['f']), { mode: 'seeded', seed });
      const fires = roll(s.id, seed, 'event:zeroday', 3, 1) < 0.5;
      expect(itemOf(out, 'hotfix').status).toBe(fires ? 'done' : 'not triggered');
    }
  });
});
