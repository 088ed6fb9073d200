/**
 * Slicing a feature (docs/model.md, "Slicing a feature").
 *
 * The rule under test (src/engine/slices.ts, core.ts): an MVP slice (`sliceOf: { item, share }`)
 * takes `share` of its feature's value, confidence and urgency. Queued before the feature, it
 * splits it: the feature waits for the slice and is then only the rest — its effort × (1 − slice
 * effort / feature effort) and (1 − share) of its value. Queued after, the feature is whole and a
 * slice finishing once the feature has started brings nothing.
 *
 * Quiet world (build.ts): one work stream, 10 points a quarter, items in plan order, so an item's
 * completion time τ is (points done before it + its effort) / 10, counted in quarters.
 * `big`: 10 points, $1.2M ARR (confidence 1), +4 CSAT. `mvp`: 4 points, 60% of it.
 */
import { describe, expect, it } from 'vitest';

import {
  compile,
  computeLenses,
  loadScenario,
  strategyPlans,
  type Scenario,
} from '../../../src/engine/index.ts';
import {
  causeTotal,
  item,
  itemOf,
  quarters,
  run,
  scenario,
  slot,
  type ItemInput,
} from './build.ts';

const BIG = item('big', 10, { value: { arr: 1_200_000, confidence: 1, csat: 4 } });
const MVP = item('mvp', 4, { sliceOf: { item: 'big', share: 0.6 } });

function sliced(extra: ItemInput[] = [], big: ItemInput = BIG): Scenario {
  return scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, [big, MVP, ...extra]);
}

describe('an MVP slice', () => {
  it('takes its share of the feature’s value, confidence and urgency when loaded', () => {
    const s = sliced([], {
      ...BIG,
      value: { arr: 1_200_000, confidence: 0.5, csat: 4, mustPenalty: 1 },
      urgency: { kind: 'deadline', slot: 1, lateFactor: 0.3, penalty: 50_000 },
    });
    const mvp = s.items.find((i) => i.id === 'mvp')!;
    // 0.6 × $1.2M = $720k and 0.6 × 4 = 2.4 CSAT; the must-be penalty and the fine stay with big.
    expect(mvp.value).toEqual({ arr: 720_000, confidence: 0.5, csat: 2.4, mustPenalty: 0 });
    expect(mvp.urgency).toEqual({ kind: 'deadline', slot: 1, lateFactor: 0.3, penalty: 0 });
    // Loading the loaded scenario again changes nothing (the filled-in value is accepted).
    const again = loadScenario(s);
    expect(again.ok && again.scenario.items.find((i) => i.id === 'mvp')).toEqual(mvp);
  });

  it('planned first, splits the feature: the rest waits for it, with the rest of the effort and value', () => {
    const out = run(sliced(), ['mvp', 'big']);
    // mvp: τ = 4/10 = 0.4, +0.6 × $1.2M = $720k, +2.4 CSAT. big, the rest: 10 × (1 − 4/10) = 6
    // points from 0.4, so τ = 0.4 + 6/10 = 1.0, +0.4 × $1.2M = $480k, +1.6 CSAT.
    expect(itemOf(out, 'mvp')).toMatchObject({ part: 'mvp', effort: 4 });
    expect(itemOf(out, 'mvp').completedAt).toBeCloseTo(0.4, 12);
    expect(itemOf(out, 'big')).toMatchObject({ part: 'rest', status: 'done' });
    expect(itemOf(out, 'big').effort).toBeCloseTo(6, 12);
    expect(itemOf(out, 'big').startedAt).toBeCloseTo(0.4, 12);
    expect(itemOf(out, 'big').completedAt).toBeCloseTo(1, 12);
    const t0 = slot(out, 0);
    expect(t0.causes.filter((c) => c.target === 'arr')).toEqual([
      { target: 'arr', delta: expect.closeTo(720_000, 6), item: 'mvp', mechanism: 'completion' },
      { target: 'arr', delta: expect.closeTo(480_000, 6), item: 'big', mechanism: 'completion' },
    ]);
    expect(t0.arrEnd - t0.arrStart).toBeCloseTo(1_200_000, 6);
    expect(causeTotal(t0, 'csat', 'completion')).toBeCloseTo(4, 12);
    // Revenue in Q1: $1M for 0.4 of a quarter, $1.72M for 0.6, then $2.2M a quarter: a quarter of
    // a year's ARR each time.
    expect(t0.revenue).toBeCloseTo((1_000_000 * 0.4 + 1_720_000 * 0.6) / 4, 6);
  });

  it('brings value early: the slice beats a decay the whole feature would suffer', () => {
    // big decays 50% a quarter from Q2 (startSlot 1); 6 points of other work fill Q1 first.
    const decaying = { ...BIG, urgency: { kind: 'decay' as const, startSlot: 1, rate: 0.5 } };
    const s = sliced([item('other', 6)], decaying);
    // Whole, in Q2: big from 1.0 to 2.0, a quarter late: u = 0.5, $1.2M × 0.5 = $600k.
    const whole = run(s, ['other'], ['big']);
    expect(itemOf(whole, 'big').valueFactor).toBeCloseTo(0.5, 12);
    expect(causeTotal(slot(whole, 1), 'arr', 'completion')).toBeCloseTo(600_000, 6);
    // Split: mvp after other in Q1, τ = (6 + 4)/10 = 1.0, on time: $720k. The rest in Q2: 6 points
    // from 1.0, τ = 1.6, 0.6 late: 0.4 × $1.2M × 0.5^0.6.
    const split = run(s, ['other', 'mvp'], ['big']);
    expect(itemOf(split, 'mvp').valueFactor).toBe(1);
    expect(causeTotal(slot(split, 0), 'arr', 'completion')).toBeCloseTo(720_000, 6);
    expect(itemOf(split, 'big').completedAt).toBeCloseTo(1.6, 12);
    expect(itemOf(split, 'big').valueFactor).toBeCloseTo(Math.pow(0.5, 0.6), 12);
    expect(causeTotal(slot(split, 1), 'arr', 'completion')).toBeCloseTo(
      480_000 * Math.pow(0.5, 0.6),
      6,
    );
  });

  it('planned after the feature, is wasted: the feature is whole and the slice brings nothing', () => {
    const out = run(sliced(), ['big'], ['mvp']);
    // big whole: τ = 1.0, $1.2M. mvp from 1.0 to 1.4, after big started: no value, no CSAT.
    expect(itemOf(out, 'big').part).toBeUndefined();
    expect(itemOf(out, 'big').effort).toBe(10);
    expect(itemOf(out, 'big').completedAt).toBeCloseTo(1, 12);
    expect(itemOf(out, 'mvp')).toMatchObject({ part: 'wasted', status: 'done' });
    expect(itemOf(out, 'mvp').completedAt).toBeCloseTo(1.4, 12);
    expect(causeTotal(slot(out, 0), 'arr', 'completion')).toBeCloseTo(1_200_000, 6);
    expect(slot(out, 1).causes.filter((c) => c.item === 'mvp')).toEqual([]);
    expect(slot(out, 1).arrEnd).toBeCloseTo(slot(out, 1).arrStart, 6);
  });

  it('alone, brings its share and the feature is never built', () => {
    const out = run(sliced(), ['mvp']);
    expect(itemOf(out, 'mvp').part).toBe('mvp');
    expect(itemOf(out, 'big').status).toBe('left out');
    expect(causeTotal(slot(out, 0), 'arr', 'completion')).toBeCloseTo(720_000, 6);
  });

  it('a split feature counts only the rest in the slot’s load (no over-commitment at 10 of 10)', () => {
    // mvp 4 + rest 6 = 10 points in a 10-point quarter: not over-committed, so the rest ends
    // exactly at the quarter's end (1.0). Counted whole (4 + 10 = 14) it would be slowed.
    const out = run(sliced(), ['mvp', 'big']);
    expect(slot(out, 0).overcommit).toBe(0);
    expect(itemOf(out, 'big').completedAt).toBeCloseTo(1, 12);
  });

  it('a split feature waits for its slice even with a free stream', () => {
    // Two streams, 10 points: mvp alone gets both (paired), τ = 4/10 = 0.4; the rest starts then.
    const s = scenario(
      {
        time: { labels: quarters(3), slotsPerYear: 4 },
        team: { capacity: 10, ktlo: 0, streams: 2 },
      },
      [BIG, MVP],
    );
    const out = run(s, ['mvp', 'big']);
    expect(itemOf(out, 'big').startedAt).toBeCloseTo(itemOf(out, 'mvp').completedAt!, 12);
  });

  it('the frameworks split a feature when they rank its slice first, and skip a slice ranked after', () => {
    const c = compile(sliced());
    const ranked = (first: string) =>
      computeLenses(c).map((r) => ({ ...r, rice: r.id === first ? 2 : r.id === 'other' ? 0 : 1 }));
    // RICE ranks mvp first: mvp (4 points) then the rest (6) fill Q1.
    expect(strategyPlans(c, ranked('mvp')).rice.slots[0]).toEqual(['mvp', 'big']);
    // RICE ranks big first: nobody builds the MVP of a feature already planned whole.
    expect(strategyPlans(c, ranked('big')).rice.slots.flat()).toEqual(['big']);
  });
});
