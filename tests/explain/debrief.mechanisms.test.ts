/**
 * More of the debrief's sentences word for word, for cases the sentence tests leave open: a
 * compliance report in time for its deadline with part of its pipeline lost, a dated item by its
 * date in an over-committed quarter, which mechanism a move is read through, where the move
 * towards par puts an MVP, and lengths of time in slots and sprints.
 *
 * As in debrief.sentences.test.ts, each expected sentence is put together from the scenario's
 * own figures and `simulate` runs of the plan and of the counterfactual.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../../src/engine/compile.ts';
import { simulate, type Outcome, type Plan, type Scenario } from '../../src/engine/index.ts';
import { bakedPar, findPar } from '../../src/engine/par.ts';
import { findItem, placeItem, removeItem } from '../../src/engine/plan.ts';
import { debrief } from '../../src/explain/debrief.ts';
import {
  formatMoney,
  formatPercent,
  formatSigned,
  formatSlotTime,
} from '../../src/explain/format.ts';
import { shipped } from '../engine/helpers.ts';
import { item, plan, quarters, scenario } from '../engine/mechanics/build.ts';

const parOf = (s: Scenario): Plan => (bakedPar(s) ?? findPar(s)).plan;
const titleOf = (s: Scenario, id: string) => s.items.find((i) => i.id === id)!.title;
const itemOf = (o: Outcome, id: string) => o.items.find((i) => i.id === id)!;
/** Par's plan with one item moved to the start of the slot after par's. */
const oneLater = (par: Plan, id: string): Plan =>
  placeItem(par, id, findItem(par, id)!.slot + 1, 0);

/** The debrief's cause for `id`, with the plan's and the counterfactual's expected runs. */
function causeOf(s: Scenario, p: Plan, par: Plan, id: string) {
  const d = debrief(s, p, { par });
  const cause = d.causes.find((x) => x.item === id);
  if (!cause) throw new Error(`no cause for ${id}: ${d.causes.map((x) => x.item).join(', ')}`);
  const user = simulate(s, p);
  const cf = simulate(s, cause.plan);
  expect(cause.gain).toBeCloseTo(cf.score - user.score, 9);
  return { cause, user, cf, points: `${formatSigned(cause.gain)} points` };
}

describe('audit-year: a report with an observation window, and a dated requirement', () => {
  const a = shipped('audit-year');
  const c = compile(a);
  const par = parOf(a);

  it('SOC 2 controls a quarter late: the report still in time, but part of the pipeline lost', () => {
    // SOC 2 needs two quarters of evidence before a report by Y2 Q1; $1.2M + $2.4M of deals wait for it.
    const soc2 = c.obligations.find((o) => o.id === 'soc2')!;
    expect(soc2.observation).toBe(2);
    const pipeline = 1_200_000 + 2_400_000;
    const x = causeOf(a, oneLater(par, 'soc2-logging'), par, 'soc2-logging');
    expect(x.cause).toMatchObject({ kind: 'defer', mechanism: 'lead time' });
    const report = x.user.obligations.find((o) => o.id === 'soc2')!;
    expect(report.met).toBe(true);
    const won = x.user.ledger.dealArr;
    expect(won).toBeGreaterThan(0);
    expect(won).toBeLessThan(pipeline);
    expect(x.cause.sentence).toBe(
      `${titleOf(a, 'soc2-logging')} finished ${formatSlotTime(a.time.labels, itemOf(x.user, 'soc2-logging').completedAt!)}; with a 2 quarters observation window the report came ${formatSlotTime(a.time.labels, report.reportAt!)}, in time for the Y2 Q1 deadline. ${formatPercent(1 - won / pipeline)} of the $3.60M pipeline that waited for it was lost. ${x.points}.`,
    );
  });

  it('PCI work has no observation window: it is read as a deadline, by the CFO’s date', () => {
    // The PCI script inventory a quarter late (Y1 Q3; par: Y1 Q2), still done by the CFO's Y1 Q3
    // date, in an over-full quarter.
    const pci = c.obligations.find((o) => o.id === 'pci')!;
    expect(pci.observation).toBe(0);
    expect(a.items.find((i) => i.id === 'pci-scripts')!.effects.compliance).toBe('pci');
    const p = oneLater(par, 'pci-scripts');
    const x = causeOf(a, p, par, 'pci-scripts');
    expect(x.cause).toMatchObject({ kind: 'defer', mechanism: 'deadline' });
    const done = itemOf(x.user, 'pci-scripts');
    expect(done.plannedSlot).toBe(2);
    expect(done.completedAt!).toBeLessThanOrEqual(3);
    const over = x.user.slots[2]!.overcommit;
    expect(over).toBeGreaterThan(0.05);
    expect(x.cause.sentence).toBe(
      `${titleOf(a, 'pci-scripts')} finished ${formatSlotTime(a.time.labels, done.completedAt!)}, by its Y1 Q3 date (Eleanor Voss, CFO), because Y1 Q3 was over-committed by ${formatPercent(over)}. ${x.points}.`,
    );
  });

  it('PCI work left out did not finish, after the date', () => {
    const x = causeOf(a, removeItem(par, 'pci-mfa'), par, 'pci-mfa');
    expect(x.cause).toMatchObject({ kind: 'add', mechanism: 'deadline' });
    expect(x.user.slots[2]!.overcommit).toBeLessThanOrEqual(0.05);
    expect(x.cause.sentence).toBe(
      `${titleOf(a, 'pci-mfa')} did not finish this year, after its Y1 Q3 date (Eleanor Voss, CFO). ${x.points}.`,
    );
  });
});

describe('the mechanism a move is read through', () => {
  /** big-customer: the critical patch deferred to Q3 while the hyped feature starts first. */
  const deferredPatch: Plan = {
    slots: [
      ['ai-assistant', 'dark-mode'],
      ['user-model', 'sso', 'bulk-edit'],
      ['patch-pdf'],
      ['db-migration'],
    ],
  };

  it('runbooks add no capacity, but their gain is mostly in reliability: scale', () => {
    const s = shipped('big-customer');
    const runbooks = s.items.find((i) => i.id === 'runbooks')!;
    expect(runbooks.effects.capacityAdd).toBe(0);
    expect(runbooks.type).toBe('ops');
    const par = parOf(s);
    const x = causeOf(s, deferredPatch, par, 'runbooks');
    const weighted = Object.entries(x.cause.metricGains).map(
      ([m, g]) => [m, g * x.user.weights[m as keyof typeof x.user.weights]] as const,
    );
    const top = weighted.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(top[0]).toBe('reliability');
    expect(x.cause.mechanism).toBe('scale');
    expect(x.cause.sentence.startsWith(`${runbooks.title} was left out (par: `)).toBe(true);
  });
});

describe('where the move towards par puts an MVP planned after its feature', () => {
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
  const planOf = (p: Plan, par: Plan) =>
    debrief(s, p, { par }).causes.find((x) => x.item === 'mvp')?.plan;

  it('feature earlier in par’s slot: the MVP goes just before the feature', () => {
    // Par: other, then the MVP (Q1, second). Yours: the feature first in Q1, the MVP in Q2.
    expect(planOf(plan(s, ['big'], ['mvp']), plan(s, ['other', 'mvp'], ['big']))).toEqual(
      plan(s, ['mvp', 'big'], []),
    );
  });

  it('feature in an earlier slot than par’s MVP: the MVP goes just before the feature', () => {
    // Par: the MVP in Q2. Yours: the feature in Q1, the MVP in Q3.
    expect(planOf(plan(s, ['big'], [], ['mvp']), plan(s, ['other'], ['mvp', 'big']))).toEqual(
      plan(s, ['mvp', 'big'], [], []),
    );
  });

  it('feature later in par’s slot than par’s MVP: the MVP goes where par has it', () => {
    // Par: the MVP first in Q1. Yours: other then the feature in Q1, the MVP in Q2.
    expect(planOf(plan(s, ['other', 'big'], ['mvp']), plan(s, ['mvp', 'other'], ['big']))).toEqual(
      plan(s, ['mvp', 'other', 'big'], []),
    );
  });
});

describe('lengths of time in the scenario’s unit: slots and sprints', () => {
  for (const [slotsPerYear, unit] of [
    [6, 'slot'],
    [24, 'sprint'],
  ] as const)
    it(`${slotsPerYear} slots a year: “1 ${unit}” less of the ARR`, () => {
      // A ($1.2M, 5 points of a 10-point slot) alone, planned a slot after par has it: it lands
      // mid P2 instead of mid P1, one slot later.
      const s = scenario({ time: { labels: ['P1', 'P2', 'P3'], slotsPerYear } }, [
        item('a', 5, { title: 'A', value: { arr: 1_200_000, confidence: 1 } }),
      ]);
      const x = causeOf(s, plan(s, [], ['a']), plan(s, ['a']), 'a');
      const mine = itemOf(x.user, 'a').completedAt!;
      const theirs = itemOf(x.cf, 'a').completedAt!;
      expect(mine - theirs).toBeCloseTo(1, 9);
      expect(x.cause.sentence).toBe(
        `A shipped ${formatSlotTime(s.time.labels, mine)} instead of ${formatSlotTime(s.time.labels, theirs)}: 1 ${unit} less of its expected ${formatMoney(1_200_000)} ARR. ${x.points}.`,
      );
    });
});
