/**
 * MVP slices as the learner meets them: the card's facts and words, the board's warning when the
 * MVP comes after its feature, Split and Merge as plan changes, and the debrief's sentence.
 *
 * The quiet world of the mechanics tests (one stream, 10 points a quarter): `big` is a 10-point
 * feature worth $1.2M that decays 50% a quarter from Q2; `mvp` is its 4-point slice with 60% of
 * the value; `other` is 6 points of plain work.
 */
import { describe, expect, it } from 'vitest';

import { simulate, type Plan } from '../../src/engine/index.ts';
import { itemFacts, planWarnings, sliceText } from '../../src/explain/advice.ts';
import {
  cardRisks,
  cardRisksKey,
  describeSliceMove,
  sliceMove,
  splitFeaturesOf,
} from '../../src/explain/board.ts';
import { debrief } from '../../src/explain/debrief.ts';
import { placeItem } from '../../src/engine/plan.ts';
import { item, plan, quarters, scenario } from '../engine/mechanics/build.ts';
import { shipped } from '../engine/helpers.ts';
import { bakedPar } from '../../src/engine/par.ts';

const s = scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, [
  item('big', 10, {
    title: 'Big feature',
    value: { arr: 1_200_000, confidence: 1 },
    urgency: { kind: 'decay', startSlot: 1, rate: 0.5 },
  }),
  item('mvp', 4, { title: 'Thin slice', sliceOf: { item: 'big', share: 0.6 } }),
  item('other', 6, { title: 'Other work' }),
]);
const big = s.items[0]!;
const mvp = s.items[1]!;

describe('slices on the board', () => {
  it('each part’s facts name the other, the share and the rest’s effort', () => {
    const slice = { share: 0.6, mvpEffort: 4, featureEffort: 10, restEffort: 6 };
    expect(itemFacts(s, mvp).slice).toEqual({
      role: 'mvp',
      other: { id: 'big', title: 'Big feature' },
      ...slice,
    });
    expect(itemFacts(s, big).slice).toEqual({
      role: 'feature',
      other: { id: 'mvp', title: 'Thin slice' },
      ...slice,
    });
    expect(itemFacts(s, s.items[2]!).slice).toBeNull();
    expect(sliceText(itemFacts(s, big).slice!, big.title, true)).toBe(
      'Split: “Thin slice” comes first with 60% of the value; “Big feature” is the rest, 6 of its 10 points and 40% of its value.',
    );
    expect(sliceText(itemFacts(s, mvp).slice!, mvp.title, false)).toBe(
      '60% of “Big feature”’s value for 4 of its 10 points. Planned before it, it splits the feature: “Big feature” is then the rest (6 points). Planned after it, it brings nothing.',
    );
  });

  it('warns on the MVP, and only on it, when it comes after its feature', () => {
    const after = plan(s, ['big'], ['mvp']);
    const warnings = planWarnings(s, after, simulate(s, after));
    const wasted = warnings.filter((w) => w.kind === 'sliceWasted');
    expect(wasted).toEqual([
      {
        kind: 'sliceWasted',
        slot: 1,
        itemId: 'mvp',
        message:
          '“Thin slice” is planned after “Big feature”, which covers it: it will bring nothing. Plan it first to split the feature, or leave it out.',
      },
    ]);
    // The card's chip carries the risk.
    const risks = cardRisks(s, after, simulate(s, after), warnings);
    expect(cardRisksKey(risks.get('mvp'))).toBe('slice');
    // Later in the same slot counts too; first, or alone, does not.
    const sameSlot = plan(s, ['big', 'mvp']);
    expect(planWarnings(s, sameSlot, simulate(s, sameSlot)).map((w) => w.kind)).toContain(
      'sliceWasted',
    );
    for (const fine of [plan(s, ['mvp', 'big']), plan(s, ['mvp'])])
      expect(planWarnings(s, fine, simulate(s, fine)).map((w) => w.kind)).not.toContain(
        'sliceWasted',
      );
  });

  it('Split puts the MVP just before its feature; Merge takes it out', () => {
    const whole = plan(s, ['other'], ['big']);
    expect(splitFeaturesOf(s, whole).size).toBe(0);
    const split = sliceMove(s, whole, 'big', 'split');
    expect(split).toEqual({ kind: 'split', mvp: 'mvp', feature: 'big', slot: 1, index: 0 });
    const next = placeItem(whole, split!.mvp, split!.slot!, split!.index);
    expect(next.slots).toEqual([['other'], ['mvp', 'big'], []]);
    expect(splitFeaturesOf(s, next)).toEqual(new Set(['big']));
    expect(describeSliceMove(s, next, split!)).toBe(
      'Split “Big feature”: “Thin slice” is planned just before it, in Q2, position 1 of 2, with 60% of the value; “Big feature” is now the rest (6 points).',
    );
    // Nothing to split twice, nor a feature in the backlog.
    expect(sliceMove(s, next, 'big', 'split')).toBeNull();
    expect(sliceMove(s, plan(s, ['other']), 'big', 'split')).toBeNull();
    // Merge from either part.
    for (const from of ['big', 'mvp'])
      expect(sliceMove(s, next, from, 'merge')).toEqual({
        kind: 'merge',
        mvp: 'mvp',
        feature: 'big',
        slot: null,
      });
    expect(sliceMove(s, whole, 'big', 'merge')).toBeNull();
    // An MVP planned after its feature: Split moves it before.
    const wasted = plan(s, ['big'], ['mvp']);
    expect(sliceMove(s, wasted, 'big', 'split')).toMatchObject({ slot: 0, index: 0 });
  });
});

describe('slices in the debrief', () => {
  it('explains the points a missing slice cost against a par that slices', () => {
    const par: Plan = plan(s, ['other', 'mvp'], ['big']);
    const whole: Plan = plan(s, ['other'], ['big']);
    const result = debrief(s, whole, { par });
    const cause = result.causes.find((c) => c.item === 'mvp');
    expect(cause?.mechanism).toBe('slice');
    // The move (your plan with the slice where par has it, here par itself): mvp done at the end
    // of Q1 (6 + 4 of 10 points), the rest 6 points into Q2 (τ = 1.6). Yours: big whole from
    // Q2's start, done at its end (τ = 2).
    expect(cause?.sentence).toMatch(
      /^Par slices Big feature, shipping Thin slice in Q1\. You did not slice it: Big feature shipped whole late Q2\. Planned before Big feature, Thin slice would ship late Q1 with 60% of Big feature’s value, and the rest would follow mid Q2\. \+\d+\.\d points\.$/,
    );
  });

  it('says an MVP after its feature brought nothing', () => {
    const par: Plan = plan(s, ['other', 'mvp'], ['big']);
    const wasted: Plan = plan(s, ['other', 'big'], ['mvp']);
    const cause = debrief(s, wasted, { par }).causes.find((c) => c.item === 'mvp');
    expect(cause?.sentence).toContain(
      'Your Thin slice came after Big feature had started and brought nothing, since Big feature covers it.',
    );
  });

  it('tells a rest par leaves out as the rest: its points and its share of the value', () => {
    // "Ship the thin slice first": par ships the swap slice in Q1 and never builds the rest.
    const shop = shipped('slice-first');
    const par = bakedPar(shop)!.plan;
    const withRest = placeItem(par, 'shift-marketplace', 2);
    const cause = debrief(shop, withRest, { par }).causes.find(
      (c) => c.item === 'shift-marketplace',
    );
    // The rest: 24 × (1 − 7.67/25.33) = 16.7 points (mean efforts (6+7+10)/3 and (20+24+32)/3),
    // 40% of $2M × 75% = $600k.
    expect(cause?.sentence).toMatch(
      /^The rest of Shift marketplace, after Shift swaps in the staff app \(marketplace MVP\), took 16\.7 points for an expected \$600k of ARR \(75% confidence\); leaving it out, as par does, frees that capacity\./,
    );
  });
});
