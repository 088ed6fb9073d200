/**
 * How the debrief names each move and reads it: the change it proposes for each kind of move,
 * the mechanism a dropped feature is read through, the share of par when par scores nothing,
 * the value of a feature that was split, and the cascades a mitigation is tied to when a
 * scenario has more than one.
 *
 * Expected figures come from the scenario and from `simulate` runs of the plan and of the
 * counterfactual, as in debrief.sentences.test.ts.
 */
import { describe, expect, it } from 'vitest';

import {
  loadScenario,
  simulate,
  type Outcome,
  type Plan,
  type Scenario,
} from '../../src/engine/index.ts';
import { bakedPar, findPar } from '../../src/engine/par.ts';
import { removeItem } from '../../src/engine/plan.ts';
import { debrief } from '../../src/explain/debrief.ts';
import {
  formatMoney,
  formatPercent,
  formatSigned,
  formatSlotTime,
} from '../../src/explain/format.ts';
import { edited, shipped } from '../engine/helpers.ts';
import { item, plan, quarters, scenario } from '../engine/mechanics/build.ts';

const parOf = (s: Scenario): Plan => (bakedPar(s) ?? findPar(s)).plan;
const itemOf = (o: Outcome, id: string) => o.items.find((i) => i.id === id)!;

describe('the change each kind of move proposes', () => {
  it('moves a deferred item, plans a left-out one, leaves out one par does not have', () => {
    const s = shipped('big-customer');
    const deferredPatch: Plan = {
      slots: [
        ['ai-assistant', 'dark-mode'],
        ['user-model', 'sso', 'bulk-edit'],
        ['patch-pdf'],
        ['db-migration'],
      ],
    };
    const d = debrief(s, deferredPatch, { par: parOf(s), seed: 4 });
    // The patch is in Q3 (par: Q1); the assistant is a feature par leaves out, read by its value;
    // the pool, flaky tests and runbooks are in par only.
    expect(d.causes.map((x) => [x.kind, x.change, x.mechanism])).toEqual([
      ['defer', 'Move Patch the PDF library CVE from Q3 to Q1', 'security'],
      ['add', 'Plan Connection pooling in Q2', 'scale'],
      ['drop', 'Leave out AI invoice assistant', 'value'],
      ['add', 'Plan Fix the flaky test suite in Q1', 'debt'],
      ['add', 'Plan On-call runbooks and alert tuning in Q2', 'scale'],
    ]);
    expect(d.causes.map((x) => [x.title, x.userSlot, x.parSlot])).toEqual([
      ['Patch the PDF library CVE', 2, 0],
      ['Connection pooling', null, 1],
      ['AI invoice assistant', 0, null],
      ['Fix the flaky test suite', null, 0],
      ['On-call runbooks and alert tuning', null, 1],
    ]);
    expect(d.verdict).toMatch(/; the biggest gap: move Patch the PDF library CVE from Q3 to Q1 \(/);
  });
});

describe('a par that scores nothing', () => {
  it('doing nothing against a par of doing nothing is 100% of par, practically par', () => {
    // The quiet world scores doing nothing 0.
    const s = scenario();
    const nothing = plan(s);
    const d = debrief(s, nothing, { par: nothing });
    expect(d.parScore).toBe(0);
    expect(d.score).toBe(0);
    expect(d.percentOfPar).toBe(100);
    expect(d.beatPar).toBe(false);
    expect(d.verdict).toBe('Excellent: practically par.');
  });
});

describe('the value of a feature, whole or split', () => {
  /** As in slices.test.ts: `big` decays 50% a quarter from Q2, `mvp` is 60% of it for 4 of 10. */
  const s = scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, [
    item('big', 10, {
      title: 'Big feature',
      value: { arr: 1_200_000, confidence: 1 },
      urgency: { kind: 'decay', startSlot: 1, rate: 0.5 },
    }),
    item('mvp', 4, { title: 'Thin slice', sliceOf: { item: 'big', share: 0.6 } }),
    item('other', 6, { title: 'Other work' }),
  ]);
  const sentence = (user: Plan, par: Plan) => {
    const d = debrief(s, user, { par });
    const x = d.causes.find((c) => c.item === 'big')!;
    expect(x).toMatchObject({ kind: 'defer', mechanism: 'value' });
    const mine = itemOf(simulate(s, user), 'big').completedAt!;
    const theirs = itemOf(simulate(s, x.plan), 'big').completedAt!;
    return { x, mine, theirs, at: (t: number) => formatSlotTime(s.time.labels, t) };
  };

  it('not split, with a slice in the backlog: all of its ARR', () => {
    const { x, mine, theirs, at } = sentence(
      plan(s, ['other'], ['big']),
      plan(s, ['big'], ['other']),
    );
    expect(x.sentence).toBe(
      `Big feature shipped ${at(mine)} instead of ${at(theirs)}: ${Math.round((mine - theirs) * 10) / 10} quarters less of its expected $1.20M ARR. ${formatSigned(x.gain)} points.`,
    );
  });

  it('split: the rest is worth the 40% the slice does not bring', () => {
    const { x, mine, theirs, at } = sentence(
      plan(s, ['other', 'mvp'], [], ['big']),
      plan(s, ['other', 'mvp'], ['big']),
    );
    expect(mine - theirs).toBeCloseTo(1, 9);
    expect(x.sentence).toBe(
      `Big feature shipped ${at(mine)} instead of ${at(theirs)}: 1 quarter less of its expected ${formatMoney(480_000)} ARR. ${formatSigned(x.gain)} points.`,
    );
  });
});

describe('a mitigation tied to one of two cascades, or to both', () => {
  const base = shipped('legacy-router');
  const par = parOf(base);
  const first = base.events[0]!;
  const second = 'Second storm takes down the dispatch API';

  /** legacy-router with a second cascade, mitigated by the items given. */
  const withSecond = (mitigations: string[]) => {
    const r = loadScenario(
      edited('legacy-router', (raw) => {
        raw.events.push({
          ...structuredClone(raw.events[0]),
          id: 'second-cascade',
          title: second,
          probability: 0.04,
          mitigations: mitigations.map((id) => ({ item: id, reduction: 0.5 })),
        });
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.scenario;
  };

  /** The yearly chance of the cascades with these titles, from the run's per-slot chances. */
  const chance = (o: Outcome, titles: string[]) =>
    1 -
    o.events
      .filter((e) => e.kind === 'cascade' && titles.includes(e.title))
      .reduce((survive, e) => survive * (1 - e.probability), 1);

  const expected = (s: Scenario, id: string, titles: string[]) => {
    const user = removeItem(par, id);
    const d = debrief(s, user, { par });
    const x = d.causes.find((c) => c.item === id)!;
    expect(x).toMatchObject({ kind: 'add', mechanism: 'cascade' });
    const u = simulate(s, user);
    const cf = simulate(s, x.plan);
    const hit = simulate(s, user, { mode: 'seeded', seed: 1 }).events.find(
      (e) => e.kind === 'cascade' && e.outcome > 0,
    );
    const struck = hit
      ? ` It struck this run in ${s.time.labels[hit.slot]} (roll ${hit.roll!.toFixed(2)}).`
      : '';
    expect(chance(u, titles)).toBeGreaterThan(chance(cf, titles));
    return {
      sentence: x.sentence,
      want: `${s.items.find((i) => i.id === id)!.title} was left out (par: ${s.time.labels[x.parSlot!]}). The chance of ${titles.join(', ')} during the year was ${formatPercent(chance(u, titles), 1)} (would have been ${formatPercent(chance(cf, titles), 1)}), an expected loss of ${formatMoney(u.ledger.cascade)} (would have been ${formatMoney(cf.ledger.cascade)}).${struck} ${formatSigned(x.gain)} points.`,
    };
  };

  it('names only the cascade the item mitigates, and its chance alone', () => {
    const s = withSecond(['storm-mode']);
    const { sentence, want } = expected(s, 'router-backpressure', [first.title]);
    expect(sentence).toBe(want);
    // The other cascade still happens in the run, with its own chances.
    expect(simulate(s, par).events.some((e) => e.kind === 'cascade' && e.title === second)).toBe(
      true,
    );
  });

  it('names both cascades an item mitigates, and their joint chance', () => {
    const s = withSecond(['router-backpressure']);
    const { sentence, want } = expected(s, 'router-backpressure', [first.title, second]);
    expect(sentence).toBe(want);
  });
});
