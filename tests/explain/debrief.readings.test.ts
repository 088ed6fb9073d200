/**
 * Three readings of shipped scenarios the sentence tests leave open: an item that cuts breach
 * risk without closing a vulnerability says nothing of a vulnerability however late it lands; a
 * scale item's peak is read in the slot where the move takes most off it, wherever that is; a
 * dated ask's item that loses value by decay says nothing of value kept (only a hard deadline's
 * loss is reported). Expected sentences are put together from the scenario and `simulate` runs,
 * as in debrief.sentences.test.ts.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../../src/engine/compile.ts';
import { simulate, type Outcome, type Plan, type Scenario } from '../../src/engine/index.ts';
import { bakedPar, findPar } from '../../src/engine/par.ts';
import { findItem, placeItem } from '../../src/engine/plan.ts';
import { strategyPlans } from '../../src/engine/strategies.ts';
import { debrief } from '../../src/explain/debrief.ts';
import {
  formatMoney,
  formatPercent,
  formatSigned,
  formatSlotTime,
} from '../../src/explain/format.ts';
import { shipped } from '../engine/helpers.ts';

const parOf = (s: Scenario): Plan => (bakedPar(s) ?? findPar(s)).plan;
const itemOf = (o: Outcome, id: string) => o.items.find((i) => i.id === id)!;
const titleOf = (s: Scenario, id: string) => s.items.find((i) => i.id === id)!.title;

/** The cause for `id`, and the expected and seeded runs of the plan and the counterfactual. */
function read(s: Scenario, p: Plan, id: string, seed = 1) {
  const d = debrief(s, p, { par: parOf(s), seed });
  const cause = d.causes.find((x) => x.item === id);
  if (!cause) throw new Error(`no cause for ${id}: ${d.causes.map((x) => x.item).join(', ')}`);
  return {
    cause,
    user: simulate(s, p),
    cf: simulate(s, cause.plan),
    userSeeded: simulate(s, p, { mode: 'seeded', seed }),
    cfSeeded: simulate(s, cause.plan, { mode: 'seeded', seed }),
    points: `${formatSigned(cause.gain)} points`,
  };
}

describe('breach risk cut by an item that closes no vulnerability', () => {
  it('credential-stuffing protection landing more than a quarter late: only the probabilities', () => {
    // launch-demand: RICE leaves the protection out; here it is planned first in Q2 (par: Q1). It
    // closes no vulnerability; it controls the credential-stuffing threat.
    const ld = shipped('launch-demand');
    const c = compile(ld);
    const id = 'ato-protection';
    expect(findItem(strategyPlans(c).rice, id)).toBeNull();
    const x = read(ld, placeItem(strategyPlans(c).rice, id, 1, 0), id);
    expect(x.cause).toMatchObject({ kind: 'defer', mechanism: 'security' });
    expect(ld.items.find((i) => i.id === id)!.effects.closes).toEqual([]);
    expect(ld.security!.threats.some((h) => h.controls.some((k) => k.item === id))).toBe(true);
    const late = itemOf(x.user, id).completedAt! - itemOf(x.cf, id).completedAt!;
    expect(late).toBeGreaterThan(1);
    // The slot where the move changes breach probability most (the first of equals).
    const diffs = x.user.slots.map((u, i) =>
      Math.abs(u.breachProbability - x.cf.slots[i]!.breachProbability),
    );
    const t = diffs.indexOf(Math.max(...diffs));
    const breach = x.userSeeded.events.find((e) => e.kind === 'breach' && e.slot === t);
    let roll = '';
    if (breach && breach.roll !== null)
      roll =
        breach.outcome > 0
          ? ` The breach happened this run (roll ${breach.roll.toFixed(2)})${breach.roll >= x.cfSeeded.slots[t]!.breachProbability ? ' and the same roll would have missed' : ''}. Cost: ${formatMoney(c.sle)}, −${c.k.breachCsat} CSAT, ${formatPercent(c.k.breachChurn)} of ARR.`
          : ` This run was lucky: the roll (${breach.roll.toFixed(2)}) missed.`;
    expect(x.cause.sentence).toBe(
      `Because ${titleOf(ld, id)} was deferred to ${ld.time.labels[x.cause.userSlot!]} (par: ${ld.time.labels[x.cause.parSlot!]}), breach probability in ${ld.time.labels[t]} was ${formatPercent(x.user.slots[t]!.breachProbability, 1)} (would have been ${formatPercent(x.cf.slots[t]!.breachProbability, 1)}).${roll} ${x.points}.`,
    );
  });
});

describe('the peak a scale item takes off, in the slot it takes most off', () => {
  it('holiday-peak: the edge cache two quarters late, its biggest effect in Q3 of four', () => {
    // RICE with the edge cache moved to the front of Q3, two quarters after par's slot.
    const h = shipped('holiday-peak');
    const at = findItem(parOf(h), 'edge-cache')!;
    const rice = strategyPlans(compile(h)).rice;
    const x = read(h, placeItem(rice, 'edge-cache', at.slot + 2, 0), 'edge-cache');
    expect(x.cause).toMatchObject({ kind: 'defer', mechanism: 'scale' });
    const diffs = x.user.slots.map((u, i) => u.peakUtilization - x.cf.slots[i]!.peakUtilization);
    const t = diffs.indexOf(Math.max(...diffs));
    // Not the first or the last slot, and clearly above the others.
    expect(t).toBe(2);
    expect(diffs[2]! - Math.max(diffs[1]!, diffs[3]!)).toBeGreaterThan(0.01);
    const u = x.user.slots[t]!;
    const v = x.cf.slots[t]!;
    expect(x.user.branches.length).toBe(1);
    const mine = itemOf(x.user, 'edge-cache').completedAt!;
    const theirs = itemOf(x.cf, 'edge-cache').completedAt!;
    expect(formatSlotTime(h.time.labels, mine)).not.toBe(formatSlotTime(h.time.labels, theirs));
    const shed =
      u.shed > 0.001
        ? `, shedding ${formatPercent(u.shed)} of peak demand (${formatMoney(u.overloadLoss)})`
        : '';
    const outages = (o: Outcome) => o.slots.reduce((a, s) => a + s.incidents, 0).toFixed(1);
    expect(x.cause.sentence).toBe(
      `${titleOf(h, 'edge-cache')} landed ${formatSlotTime(h.time.labels, mine)} instead of ${formatSlotTime(h.time.labels, theirs)}. Peak utilization in ${u.label} hit ρ = ${u.peakUtilization.toFixed(2)} (vs ${v.peakUtilization.toFixed(2)})${shed}; expected outages over the year: ${outages(x.user)} (would have been ${outages(x.cf)}). ${x.points}.`,
    );
  });
});

describe('a dated ask’s item that loses value by decay', () => {
  it('instant payouts a quarter late: after the CPO’s date, and nothing of value kept', () => {
    const r = shipped('right-to-erasure');
    const par = parOf(r);
    const at = findItem(par, 'instant-payouts')!;
    const x = read(r, placeItem(par, 'instant-payouts', at.slot + 1, 0), 'instant-payouts');
    expect(x.cause).toMatchObject({ kind: 'defer', mechanism: 'deadline' });
    const mine = itemOf(x.user, 'instant-payouts');
    // It decays (no hard deadline) and kept less than its full value.
    expect(r.items.find((i) => i.id === 'instant-payouts')!.urgency.kind).toBe('decay');
    expect(mine.valueFactor!).toBeLessThan(1);
    // Nina Petrov asks for it by Q2.
    const by = mine.completedAt! <= 1 + 1 ? 'by' : 'after';
    const over = x.user.slots[mine.plannedSlot!]!.overcommit;
    const busy =
      over > 0.05
        ? `, because ${r.time.labels[mine.plannedSlot!]} was over-committed by ${formatPercent(over)}`
        : '';
    expect(x.cause.sentence).toBe(
      `${titleOf(r, 'instant-payouts')} finished ${formatSlotTime(r.time.labels, mine.completedAt!)}, ${by} its Q2 date (Nina Petrov, Chief Product Officer)${busy}. ${x.points}.`,
    );
  });
});
