/**
 * The debrief's sentences word for word: every template of every mechanism, the ways an item's
 * landing time is compared with par's, the lessons' conditions, the stakeholders' reactions and
 * the verdict.
 *
 * Each expected sentence is put together here from the scenario's own figures and from
 * `simulate` runs of the learner's plan and of the counterfactual (the plan with the one move
 * towards par made), formatted with the same public formatters the app uses. Where a template
 * has a threshold, a case on each side of it is pinned.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../../src/engine/compile.ts';
import { simulate, type Outcome, type Plan, type Scenario } from '../../src/engine/index.ts';
import { bakedPar, dropItem, findPar, repairDependencies } from '../../src/engine/par.ts';
import { findItem, placeItem, removeItem } from '../../src/engine/plan.ts';
import { strategyPlans } from '../../src/engine/strategies.ts';
import { debrief, type Cause } from '../../src/explain/debrief.ts';
import {
  formatMoney,
  formatPercent,
  formatSigned,
  formatSlotTime,
  pointsText,
} from '../../src/explain/format.ts';
import { termsText } from '../../src/explain/terms.ts';
import { shipped } from '../engine/helpers.ts';
import { item, plan, quarters, scenario } from '../engine/mechanics/build.ts';

// ---- Reading the runs ------------------------------------------------------------------------

const parOf = (s: Scenario): Plan => (bakedPar(s) ?? findPar(s)).plan;
const labelOf = (s: Scenario, t: number) => s.time.labels[t]!;
const itemOf = (o: Outcome, id: string) => {
  const found = o.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id} in the outcome`);
  return found;
};
const titleOf = (s: Scenario, id: string) => s.items.find((i) => i.id === id)!.title;
/** A length of time in the scenario's unit, to one decimal: "2.8 quarters", "1 quarter". */
const span = (n: number, unit: string) => {
  const r = Math.round(n * 10) / 10;
  return `${r} ${unit}${r === 1 ? '' : 's'}`;
};
/** The slot where `f(user slot) − f(par slot)` is largest (the first of equals). */
const argmax = (values: number[]) => values.indexOf(Math.max(...values));

/** The learner's plan with one item moved to where par has it (or taken out when par has none). */
function towardsPar(s: Scenario, plan: Plan, par: Plan, id: string): Plan {
  const c = compile(s);
  const p = findItem(par, id);
  return p ? repairDependencies(c, placeItem(plan, id, p.slot, p.index)) : dropItem(c, plan, id);
}

interface Explained {
  cause: Cause;
  /** The learner's plan and the counterfactual, expected and on the seed's dice. */
  user: Outcome;
  cf: Outcome;
  userSeeded: Outcome;
  cfSeeded: Outcome;
  /** "+3.2 points": the expected gain of the move. */
  points: string;
}

/**
 * The debrief's cause for one item, with the runs the test reads its expected sentence from.
 * The counterfactual is built here (`towardsPar` unless given) and must be the cause's plan.
 */
function explain(
  s: Scenario,
  plan: Plan,
  par: Plan,
  id: string,
  { seed = 1, cfPlan }: { seed?: number; cfPlan?: Plan } = {},
): Explained {
  const d = debrief(s, plan, { par, seed });
  const cause = d.causes.find((x) => x.item === id);
  if (!cause) throw new Error(`no cause for ${id}: ${d.causes.map((x) => x.item).join(', ')}`);
  const cf = cfPlan ?? towardsPar(s, plan, par, id);
  expect(cause.plan).toEqual(cf);
  const user = simulate(s, plan);
  const cfOut = simulate(s, cf);
  expect(cause.gain).toBeCloseTo(cfOut.score - user.score, 9);
  return {
    cause,
    user,
    cf: cfOut,
    userSeeded: simulate(s, plan, { mode: 'seeded', seed }),
    cfSeeded: simulate(s, cf, { mode: 'seeded', seed }),
    points: `${formatSigned(cfOut.score - user.score)} points`,
  };
}

/** The expected number of outages over the year. */
const outages = (o: Outcome) => o.slots.reduce((a, x) => a + x.incidents, 0).toFixed(1);

// ---- Security ------------------------------------------------------------------------------

/** big-customer: the critical patch deferred to Q3 (par: Q1) while the hyped feature starts first. */
const deferredPatch: Plan = {
  slots: [
    ['ai-assistant', 'dark-mode'],
    ['user-model', 'sso', 'bulk-edit'],
    ['patch-pdf'],
    ['db-migration'],
  ],
};

describe('security: the breach a move would have changed', () => {
  const s = shipped('big-customer');
  const c = compile(s);
  const par = parOf(s);
  const patch = titleOf(s, 'patch-pdf');
  const cost = `Cost: ${formatMoney(c.sle)}, −${c.k.breachCsat} CSAT, ${formatPercent(c.k.breachChurn)} of ARR.`;

  /** The slot the move changed breach probability most in, and the two figures there. */
  const breachSlot = (x: Explained, of: Scenario = s) => {
    const t = argmax(
      x.user.slots.map((u, i) => Math.abs(u.breachProbability - x.cf.slots[i]!.breachProbability)),
    );
    return {
      t,
      words: `Breach probability in ${labelOf(of, t)} was ${formatPercent(x.user.slots[t]!.breachProbability, 1)} (would have been ${formatPercent(x.cf.slots[t]!.breachProbability, 1)}).`,
    };
  };

  /** How long the vulnerability stayed open longer than in the counterfactual. */
  const openLonger = (x: Explained) =>
    itemOf(x.user, 'patch-pdf').completedAt! - itemOf(x.cf, 'patch-pdf').completedAt!;

  it('a deferred patch: how long the hole stayed open longer, and a breach the same roll would have missed', () => {
    // Seed 3: the breach happens in the slot, and its roll is above par's probability there.
    const x = explain(s, deferredPatch, par, 'patch-pdf', { seed: 3 });
    expect(x.cause.mechanism).toBe('security');
    expect(x.cause.kind).toBe('defer');
    const { t, words } = breachSlot(x);
    const breach = x.userSeeded.events.find((e) => e.kind === 'breach' && e.slot === t)!;
    expect(breach.outcome).toBeGreaterThan(0);
    expect(breach.roll!).toBeGreaterThanOrEqual(x.cfSeeded.slots[t]!.breachProbability);
    expect(openLonger(x)).toBeGreaterThan(0.05);
    expect(x.cause.sentence).toBe(
      `Because ${patch} was deferred to Q3 (par: Q1), the vulnerability stayed open ${span(openLonger(x), 'quarter')} longer. ${words} The breach happened this run (roll ${breach.roll!.toFixed(2)}) and the same roll would have missed. ${cost} ${x.points}.`,
    );
  });

  it('a breach that would have happened anyway says so by saying nothing of the roll', () => {
    // Seed 319: the roll is below even par's probability in that slot.
    const x = explain(s, deferredPatch, par, 'patch-pdf', { seed: 319 });
    const { t, words } = breachSlot(x);
    const breach = x.userSeeded.events.find((e) => e.kind === 'breach' && e.slot === t)!;
    expect(breach.outcome).toBeGreaterThan(0);
    expect(breach.roll!).toBeLessThan(x.cfSeeded.slots[t]!.breachProbability);
    expect(x.cause.sentence).toBe(
      `Because ${patch} was deferred to Q3 (par: Q1), the vulnerability stayed open ${span(openLonger(x), 'quarter')} longer. ${words} The breach happened this run (roll ${breach.roll!.toFixed(2)}). ${cost} ${x.points}.`,
    );
  });

  it('a run the breach missed was lucky', () => {
    const x = explain(s, deferredPatch, par, 'patch-pdf', { seed: 4 });
    const { t, words } = breachSlot(x);
    const breach = x.userSeeded.events.find((e) => e.kind === 'breach' && e.slot === t)!;
    expect(breach.outcome).toBe(0);
    expect(x.cause.sentence).toBe(
      `Because ${patch} was deferred to Q3 (par: Q1), the vulnerability stayed open ${span(openLonger(x), 'quarter')} longer. ${words} This run was lucky: the roll (${breach.roll!.toFixed(2)}) missed. ${x.points}.`,
    );
  });

  it('a patch left out: the vulnerability was never closed', () => {
    const plan = removeItem(par, 'patch-pdf');
    const x = explain(s, plan, par, 'patch-pdf', { seed: 4 });
    expect(x.cause.mechanism).toBe('security');
    expect(x.cause.kind).toBe('add');
    expect(itemOf(x.user, 'patch-pdf').completedAt).toBeNull();
    const { t, words } = breachSlot(x);
    const breach = x.userSeeded.events.find((e) => e.kind === 'breach' && e.slot === t)!;
    expect(breach.outcome).toBe(0);
    expect(x.cause.sentence).toBe(
      `Because ${patch} was left out (par: ${labelOf(s, findItem(par, 'patch-pdf')!.slot)}), the vulnerability was never closed. ${words} This run was lucky: the roll (${breach.roll!.toFixed(2)}) missed. ${x.points}.`,
    );
  });

  it('an item that closes no vulnerability but moves breach risk gives only the probabilities', () => {
    // zero-day: RICE defers MFA for clinician accounts from Q2 to Q3, where it does not finish
    // this year. It closes no vulnerability, but it controls the phished-password threat and cuts
    // every hazard (its posture reduction): no "the vulnerability was never closed".
    const z = shipped('zero-day');
    const mfa = z.items.find((i) => i.id === 'clinician-mfa')!;
    expect(mfa.effects.closes).toEqual([]);
    expect(mfa.effects.postureReduction).toBeGreaterThan(0);
    expect(z.security!.threats.some((h) => h.controls.some((x) => x.item === mfa.id))).toBe(true);
    const x = explain(z, strategyPlans(compile(z)).rice, parOf(z), mfa.id, { seed: 4 });
    expect(x.cause).toMatchObject({ kind: 'defer', mechanism: 'security' });
    expect(itemOf(x.user, mfa.id).completedAt).toBeNull();
    const { t, words } = breachSlot(x, z);
    const breach = x.userSeeded.events.find((e) => e.kind === 'breach' && e.slot === t)!;
    const roll =
      breach.outcome > 0
        ? `The breach happened this run (roll ${breach.roll!.toFixed(2)}).`
        : `This run was lucky: the roll (${breach.roll!.toFixed(2)}) missed.`;
    // No sentence about a vulnerability in between: "breach" goes on the same sentence.
    expect(x.cause.sentence).toBe(
      `Because ${mfa.title} was deferred to ${labelOf(z, x.cause.userSlot!)} (par: ${labelOf(z, x.cause.parSlot!)}), b${words.slice(1)} ${roll} ${x.points}.`,
    );
  });
});

// ---- Scale ---------------------------------------------------------------------------------

/** The slot where the move cut peak utilization most, and the two figures there. */
function peakOf(x: Explained) {
  const t = argmax(x.user.slots.map((u, i) => u.peakUtilization - x.cf.slots[i]!.peakUtilization));
  return { u: x.user.slots[t]!, v: x.cf.slots[t]! };
}

describe('scale: peak utilization and outages', () => {
  const s = shipped('big-customer');
  const par = parOf(s);
  const empty: Plan = { slots: s.time.labels.map(() => []) };

  it('a migration left out: the peak it would have taken off, then the outages', () => {
    const x = explain(s, empty, par, 'db-migration');
    expect(x.cause.mechanism).toBe('scale');
    expect(x.user.branches).toHaveLength(1);
    const { u, v } = peakOf(x);
    expect(u.shed).toBeLessThanOrEqual(0.001);
    expect(x.cause.sentence).toBe(
      `${titleOf(s, 'db-migration')} was left out (par: ${labelOf(s, x.cause.parSlot!)}). Peak utilization in ${u.label} hit ρ = ${u.peakUtilization.toFixed(2)} (vs ${v.peakUtilization.toFixed(2)}); expected outages over the year: ${outages(x.user)} (would have been ${outages(x.cf)}). ${x.points}.`,
    );
  });

  it('a move that leaves the peak alone gives only the outages, capitalized', () => {
    const x = explain(s, empty, par, 'runbooks');
    expect(x.cause.mechanism).toBe('scale');
    const { u, v } = peakOf(x);
    expect(Math.abs(u.peakUtilization - v.peakUtilization)).toBeLessThanOrEqual(0.01);
    expect(x.cause.sentence).toBe(
      `${titleOf(s, 'runbooks')} was left out (par: ${labelOf(s, x.cause.parSlot!)}). Expected outages over the year: ${outages(x.user)} (would have been ${outages(x.cf)}). ${x.points}.`,
    );
  });

  it('a migration deferred past the year never landed', () => {
    const plan = placeItem(removeItem(par, 'db-migration'), 'db-migration', 3);
    const x = explain(s, plan, par, 'db-migration');
    expect(x.cause.kind).toBe('defer');
    expect(itemOf(x.user, 'db-migration').completedAt).toBeNull();
    const { u, v } = peakOf(x);
    expect(x.cause.sentence).toBe(
      `${titleOf(s, 'db-migration')} was deferred to Q4 and never landed (par: ${labelOf(s, x.cause.parSlot!)}). Peak utilization in ${u.label} hit ρ = ${u.peakUtilization.toFixed(2)} (vs ${v.peakUtilization.toFixed(2)}); expected outages over the year: ${outages(x.user)} (would have been ${outages(x.cf)}). ${x.points}.`,
    );
  });

  it('a scale item that landed late: when, instead of when, and the peak demand shed', () => {
    const h = shipped('holiday-peak');
    const hPar = parOf(h);
    const plan = placeItem(removeItem(hPar, 'edge-cache'), 'edge-cache', 3);
    const x = explain(h, plan, hPar, 'edge-cache');
    expect(x.cause.mechanism).toBe('scale');
    const yours = itemOf(x.user, 'edge-cache').completedAt!;
    const theirs = itemOf(x.cf, 'edge-cache').completedAt!;
    expect(formatSlotTime(h.time.labels, yours)).not.toBe(formatSlotTime(h.time.labels, theirs));
    const { u, v } = peakOf(x);
    expect(u.shed).toBeGreaterThan(0.001);
    expect(x.cause.sentence).toBe(
      `${titleOf(h, 'edge-cache')} landed ${formatSlotTime(h.time.labels, yours)} instead of ${formatSlotTime(h.time.labels, theirs)}. Peak utilization in ${u.label} hit ρ = ${u.peakUtilization.toFixed(2)} (vs ${v.peakUtilization.toFixed(2)}), shedding ${formatPercent(u.shed)} of peak demand (${formatMoney(u.overloadLoss)}); expected outages over the year: ${outages(x.user)} (would have been ${outages(x.cf)}). ${x.points}.`,
    );
  });

  it('with scripted branches the peak is an average over the ways the year can go', () => {
    const dl = shipped('delighters');
    const dPar = parOf(dl);
    // First in Q4, so that it still lands within the year.
    const plan = placeItem(removeItem(dPar, 'sync-workers'), 'sync-workers', 3, 0);
    const x = explain(dl, plan, dPar, 'sync-workers');
    expect(x.cause.mechanism).toBe('scale');
    expect(x.user.branches.length).toBeGreaterThan(1);
    expect(itemOf(x.user, 'sync-workers').completedAt).not.toBeNull();
    const yours = itemOf(x.user, 'sync-workers').completedAt!;
    const theirs = itemOf(x.cf, 'sync-workers').completedAt!;
    const { u, v } = peakOf(x);
    expect(u.shed).toBeLessThanOrEqual(0.001);
    expect(x.cause.sentence).toBe(
      `${titleOf(dl, 'sync-workers')} landed ${formatSlotTime(dl.time.labels, yours)} instead of ${formatSlotTime(dl.time.labels, theirs)}. Peak utilization in ${u.label}, averaged over the ways the year can go, was ρ = ${u.peakUtilization.toFixed(2)} (vs ${v.peakUtilization.toFixed(2)}); expected outages over the year: ${outages(x.user)} (would have been ${outages(x.cf)}). ${x.points}.`,
    );
  });

  it('a scale item par leaves out took capacity that par spends elsewhere', () => {
    const h = shipped('holiday-peak');
    const hPar = parOf(h);
    const plan = strategyPlans(compile(h)).wsjf;
    const x = explain(h, plan, hPar, 'kubernetes');
    expect(x.cause).toMatchObject({ kind: 'drop', mechanism: 'scale' });
    const { u, v } = peakOf(x);
    const peak =
      u.peakUtilization > 0 && Math.abs(u.peakUtilization - v.peakUtilization) > 0.01
        ? ` Peak utilization in ${u.label} hit ρ = ${u.peakUtilization.toFixed(2)} (vs ${v.peakUtilization.toFixed(2)});`
        : null;
    expect(peak).toBeNull();
    expect(x.cause.sentence).toBe(
      `${titleOf(h, 'kubernetes')} took capacity that par spends elsewhere. Expected outages over the year: ${outages(x.user)} (would have been ${outages(x.cf)}). ${x.points}.`,
    );
  });
});

// ---- Debt ----------------------------------------------------------------------------------

/** Capacity lost to debt over the year: drag, thrash and firefighting. */
const lostTo = (o: Outcome) => o.totals.dragLost + o.totals.thrash + o.totals.firefighting;
/** The mean effort of the scenario's features, the yardstick of "about the size of a feature". */
const featureSize = (s: Scenario) => {
  const features = compile(s).items.filter((i) => i.type === 'feature');
  return features.reduce((a, i) => a + i.meanEffort, 0) / features.length;
};
/** "21 more points" for the capacity lost, rounded to whole points. */
const more = (diff: number) => {
  const n = Math.round(diff);
  return `${n} more ${n === 1 ? 'point' : 'points'}`;
};

describe('debt: where debt and drag ended and the capacity they took', () => {
  const s = shipped('big-customer');
  const par = parOf(s);
  const ends = (x: Explained) => {
    const u = x.user.slots.at(-1)!;
    const v = x.cf.slots.at(-1)!;
    return `debt ended at ${u.debtEnd.toFixed(0)} instead of ${v.debtEnd.toFixed(0)} and drag at ${formatPercent(u.drag)} instead of ${formatPercent(v.drag)}`;
  };

  it('deferred debt work lost about the size of several features', () => {
    const plan = placeItem(removeItem(par, 'flaky-tests'), 'flaky-tests', 3);
    const x = explain(s, plan, par, 'flaky-tests');
    expect(x.cause).toMatchObject({ kind: 'defer', mechanism: 'debt' });
    const diff = lostTo(x.user) - lostTo(x.cf);
    const size = diff / featureSize(s);
    expect(size).toBeGreaterThanOrEqual(1.5);
    expect(x.cause.sentence).toBe(
      `Because ${titleOf(s, 'flaky-tests')} was deferred to Q4 (par: ${labelOf(s, x.cause.parSlot!)}), ${ends(x)}: you lost ${more(diff)} to drag, thrash and firefighting — about the size of ${Math.round(size)} features. ${x.points}.`,
    );
  });

  it('debt work left out lost about the size of a feature', () => {
    // Par without the flaky tests, and without mobile approvals: less work for drag and thrash to
    // slow than in par's full year.
    const plan = removeItem(removeItem(par, 'flaky-tests'), 'mobile-approvals');
    const x = explain(s, plan, par, 'flaky-tests');
    expect(x.cause).toMatchObject({ kind: 'add', mechanism: 'debt' });
    const diff = lostTo(x.user) - lostTo(x.cf);
    const size = diff / featureSize(s);
    expect(size).toBeGreaterThanOrEqual(0.8);
    expect(size).toBeLessThan(1.5);
    expect(x.cause.sentence).toBe(
      `Because ${titleOf(s, 'flaky-tests')} was left out (par: ${labelOf(s, x.cause.parSlot!)}), ${ends(x)}: you lost ${more(diff)} to drag, thrash and firefighting — about the size of a feature. ${x.points}.`,
    );
  });

  it('less than most of a feature lost says only the points', () => {
    const plan = strategyPlans(compile(s))['eighty-twenty'];
    const x = explain(s, plan, par, 'flaky-tests');
    expect(x.cause.mechanism).toBe('debt');
    const diff = lostTo(x.user) - lostTo(x.cf);
    expect(diff).toBeGreaterThan(0.5);
    expect(diff / featureSize(s)).toBeLessThan(0.8);
    expect(x.cause.sentence).toBe(
      `Because ${titleOf(s, 'flaky-tests')} was left out (par: ${labelOf(s, x.cause.parSlot!)}), ${ends(x)}: you lost ${more(diff)} to drag, thrash and firefighting. ${x.points}.`,
    );
  });

  it('names only the end figure that differs as printed', () => {
    // pilot-first: security and compliance first defers the idempotent sync engine a quarter.
    const pf = shipped('pilot-first');
    const plan = strategyPlans(compile(pf))['security-compliance-first'];
    const x = explain(pf, plan, parOf(pf), 'sync-engine');
    expect(x.cause).toMatchObject({ kind: 'defer', mechanism: 'debt' });
    const u = x.user.slots.at(-1)!;
    const v = x.cf.slots.at(-1)!;
    expect(formatPercent(u.drag)).toBe(formatPercent(v.drag));
    expect(u.debtEnd.toFixed(0)).not.toBe(v.debtEnd.toFixed(0));
    const diff = lostTo(x.user) - lostTo(x.cf);
    expect(diff / featureSize(pf)).toBeLessThan(0.8);
    expect(x.cause.sentence).toBe(
      `Because ${titleOf(pf, 'sync-engine')} was deferred to ${labelOf(pf, x.cause.userSlot!)} (par: ${labelOf(pf, x.cause.parSlot!)}), debt ended at ${u.debtEnd.toFixed(0)} instead of ${v.debtEnd.toFixed(0)}: you lost ${more(diff)} to drag, thrash and firefighting. ${x.points}.`,
    );
  });

  it('ends that print the same: debt and drag ran higher along the way', () => {
    // RICE with multi-currency pulled from Q3 into Q2; it plans the renderer, which the plan
    // used as par here leaves out.
    const sp = shipped('spike-first');
    const rice = strategyPlans(compile(sp)).rice;
    expect(findItem(rice, 'multi-currency')!.slot).toBe(2);
    const plan = placeItem(removeItem(rice, 'multi-currency'), 'multi-currency', 1);
    const x = explain(sp, plan, spikeFirstWithoutRenderer(), 'pdf-renderer');
    expect(x.cause).toMatchObject({ kind: 'drop', mechanism: 'debt' });
    const u = x.user.slots.at(-1)!;
    const v = x.cf.slots.at(-1)!;
    expect(formatPercent(u.drag)).toBe(formatPercent(v.drag));
    expect(u.debtEnd.toFixed(0)).toBe(v.debtEnd.toFixed(0));
    const diff = lostTo(x.user) - lostTo(x.cf);
    expect(diff).toBeGreaterThan(0.5);
    expect(x.cause.sentence).toBe(
      `Because ${titleOf(sp, 'pdf-renderer')} was planned (par leaves it out), debt and drag ran higher along the way, though both end where par's do: you lost ${more(diff)} to drag, thrash and firefighting. ${x.points}.`,
    );
  });
});

// ---- Deadlines -----------------------------------------------------------------------------

describe('deadline: finished by or after the date, and why', () => {
  /**
   * The quiet world, four quarters of 20 points, one stream: `launch` (20 points, $2M) is due by
   * the end of Q2 and keeps half its value late; Maya asks for `asked` (5 points) by Q1; the
   * fillers are plain work to over-commit Q2 with, beside a 20-point item (0.4 points: 2%, 1.6:
   * 8%). One item counts at most the 20 points the one stream gives it, so `huge` (22 points)
   * alone over-commits nothing; with `bigger` beside it, (20 + 1.6) / 20 − 1 = 8%.
   */
  const s = scenario(
    {
      time: { labels: quarters(4), slotsPerYear: 4 },
      team: { capacity: 20, ktlo: 0 },
      scoring: { weights: { revenue: 1, stakeholders: 1 } },
      stakeholders: [
        { id: 'sales', name: 'Maya', role: 'VP Sales', asks: [{ item: 'asked', bySlot: 0 }] },
      ],
    },
    [
      item('launch', 20, {
        title: 'Launch',
        value: { arr: 2_000_000, confidence: 1 },
        urgency: { kind: 'deadline', slot: 1, lateFactor: 0.5 },
      }),
      item('asked', 5, { title: 'Asked for' }),
      item('filler', 0.4, { title: 'Filler' }),
      item('bigger', 1.6, { title: 'Bigger filler' }),
      item('huge', 22, { title: 'Huge' }),
    ],
  );
  const par = plan(s, ['asked', 'launch']);

  it('done at the very end of its deadline quarter is “by” it', () => {
    const x = explain(s, plan(s, ['asked'], ['launch']), par, 'launch');
    expect(x.cause.mechanism).toBe('deadline');
    const at = itemOf(x.user, 'launch').completedAt!;
    expect(at).toBeCloseTo(2, 9);
    expect(at).toBeLessThanOrEqual(2 + 1e-9);
    expect(x.user.slots[1]!.overcommit).toBeLessThanOrEqual(0.05);
    expect(x.cause.sentence).toBe(
      `Launch finished ${formatSlotTime(s.time.labels, at)}, by its Q2 deadline. ${x.points}.`,
    );
  });

  it('a little late is “after”, with the value it kept', () => {
    const x = explain(s, plan(s, ['asked'], ['launch', 'filler']), par, 'launch');
    const done = itemOf(x.user, 'launch');
    expect(done.completedAt!).toBeGreaterThan(2);
    const over = x.user.slots[1]!.overcommit;
    expect(over).toBeGreaterThan(0);
    expect(over).toBeLessThanOrEqual(0.05);
    expect(x.cause.sentence).toBe(
      `Launch finished ${formatSlotTime(s.time.labels, done.completedAt!)}, after its Q2 deadline; it kept only ${formatPercent(done.valueFactor!)} of its value. ${x.points}.`,
    );
  });

  it('an over-committed quarter is named, by how much', () => {
    const x = explain(s, plan(s, ['asked'], ['launch', 'bigger']), par, 'launch');
    const done = itemOf(x.user, 'launch');
    const over = x.user.slots[1]!.overcommit;
    expect(over).toBeGreaterThan(0.05);
    expect(x.cause.sentence).toBe(
      `Launch finished ${formatSlotTime(s.time.labels, done.completedAt!)}, after its Q2 deadline, because Q2 was over-committed by ${formatPercent(over)}; it kept only ${formatPercent(done.valueFactor!)} of its value. ${x.points}.`,
    );
  });

  it('left out: it did not finish, and the deadline’s quarter is the one read for over-commitment', () => {
    const x = explain(
      s,
      plan(s, ['asked'], ['huge', 'bigger']),
      plan(s, ['asked', 'launch'], ['huge', 'bigger']),
      'launch',
    );
    expect(x.cause.kind).toBe('add');
    const over = x.user.slots[1]!.overcommit;
    expect(over).toBeGreaterThan(0.05);
    expect(x.cause.sentence).toBe(
      `Launch did not finish this year, after its Q2 deadline, because Q2 was over-committed by ${formatPercent(over)}. ${x.points}.`,
    );
  });

  it('an ask’s date names the stakeholder and their role', () => {
    const x = explain(s, plan(s, ['launch'], ['asked']), par, 'asked');
    expect(x.cause.mechanism).toBe('deadline');
    const at = itemOf(x.user, 'asked').completedAt!;
    expect(at).toBeGreaterThan(1);
    expect(x.cause.sentence).toBe(
      `Asked for finished ${formatSlotTime(s.time.labels, at)}, after its Q1 date (Maya, VP Sales). ${x.points}.`,
    );
  });
});

// ---- Lead time -----------------------------------------------------------------------------

describe('lead time: an observation window before the report', () => {
  const a = shipped('audit-year');
  const c = compile(a);
  const par = parOf(a);
  const soc2 = c.obligations.find((o) => o.id === 'soc2')!;
  const pipeline = a.deals.reduce((t, d) => t + d.arr, 0);
  const lost = (o: Outcome) =>
    `${formatPercent(Math.max(0, 1 - o.ledger.dealArr / pipeline))} of the ${formatMoney(pipeline)} pipeline that waited for it was lost.`;
  const window = `with a ${span(soc2.observation, 'quarter')} observation window`;

  it('left out: the report did not exist within the year', () => {
    const x = explain(a, removeItem(par, 'soc2-logging'), par, 'soc2-logging');
    expect(x.cause).toMatchObject({ kind: 'add', mechanism: 'lead time' });
    expect(x.cause.sentence).toBe(
      `${titleOf(a, 'soc2-logging')} never finished; ${window} the report did not exist within the year, after the ${labelOf(a, soc2.deadline)} deadline. ${lost(x.user)} ${x.points}.`,
    );
  });

  it('finished late: when the report came, past the labels of the year', () => {
    const last = a.time.labels.length - 1;
    const x = explain(
      a,
      placeItem(removeItem(par, 'soc2-logging'), 'soc2-logging', last),
      par,
      'soc2-logging',
    );
    const done = itemOf(x.user, 'soc2-logging').completedAt!;
    const report = x.user.obligations.find((o) => o.id === 'soc2')!;
    expect(report.met).toBe(false);
    expect(report.reportAt!).toBeGreaterThan(a.time.labels.length);
    const labels = [
      ...a.time.labels,
      ...a.time.labels.map((_, i) => `slot ${a.time.labels.length + i + 1}`),
    ];
    expect(x.cause.sentence).toBe(
      `${titleOf(a, 'soc2-logging')} finished ${formatSlotTime(a.time.labels, done)}; ${window} the report came ${formatSlotTime(labels, report.reportAt!)}, after the ${labelOf(a, soc2.deadline)} deadline. ${lost(x.user)} ${x.points}.`,
    );
  });
});

// ---- Cascades ------------------------------------------------------------------------------

describe('cascade: the chance of the cascade and its expected loss', () => {
  /** The cascade events an item mitigates, by title. */
  const cascadesOf = (s: Scenario, id: string) =>
    s.events.filter((e) => e.kind === 'cascade' && e.mitigations.some((m) => m.item === id));
  /** The yearly chance of those cascades, from the run's per-slot chances. */
  const chance = (o: Outcome, titles: string[]) =>
    1 -
    o.events
      .filter((e) => e.kind === 'cascade' && titles.includes(e.title))
      .reduce((survive, e) => survive * (1 - e.probability), 1);
  const odds = (s: Scenario, id: string, x: Explained) => {
    const titles = cascadesOf(s, id).map((e) => e.title);
    expect(titles.length).toBeGreaterThan(0);
    return `The chance of ${titles.join(', ')} during the year was ${formatPercent(chance(x.user, titles), 1)} (would have been ${formatPercent(chance(x.cf, titles), 1)}), an expected loss of ${formatMoney(x.user.ledger.cascade)} (would have been ${formatMoney(x.cf.ledger.cascade)}).`;
  };
  const struck = (s: Scenario, x: Explained) => {
    const hit = x.userSeeded.events.find((e) => e.kind === 'cascade' && e.outcome > 0);
    return hit
      ? ` It struck this run in ${labelOf(s, hit.slot)} (roll ${hit.roll!.toFixed(2)}).`
      : '';
  };

  it('a mitigation left out, in a run the cascade did not strike', () => {
    const d = shipped('demo-day');
    const par = parOf(d);
    const x = explain(d, removeItem(par, 'restore-drill'), par, 'restore-drill');
    expect(x.cause).toMatchObject({ kind: 'add', mechanism: 'cascade' });
    expect(struck(d, x)).toBe('');
    expect(x.cause.sentence).toBe(
      `${titleOf(d, 'restore-drill')} was left out (par: ${labelOf(d, x.cause.parSlot!)}). ${odds(d, 'restore-drill', x)} ${x.points}.`,
    );
  });

  it('a mitigation that landed late: when, instead of when', () => {
    const d = shipped('demo-day');
    const par = parOf(d);
    const last = d.time.labels.length - 1;
    const plan = placeItem(removeItem(par, 'restore-drill'), 'restore-drill', last);
    const x = explain(d, plan, par, 'restore-drill');
    expect(x.cause).toMatchObject({ kind: 'defer', mechanism: 'cascade' });
    const yours = itemOf(x.user, 'restore-drill').completedAt!;
    const theirs = itemOf(x.cf, 'restore-drill').completedAt!;
    expect(x.cause.sentence).toBe(
      `${titleOf(d, 'restore-drill')} landed ${formatSlotTime(d.time.labels, yours)} instead of ${formatSlotTime(d.time.labels, theirs)}. ${odds(d, 'restore-drill', x)}${struck(d, x)} ${x.points}.`,
    );
  });

  it('a mitigation deferred past the year, in a run the cascade struck', () => {
    const e = shipped('exchange-launch');
    const par = parOf(e);
    // RICE plans the deploy pipeline in Q4, too late for it to finish within the year.
    const plan = strategyPlans(compile(e)).rice;
    const x = explain(e, plan, par, 'deploy-pipeline');
    expect(x.cause).toMatchObject({ kind: 'defer', mechanism: 'cascade' });
    expect(itemOf(x.user, 'deploy-pipeline').completedAt).toBeNull();
    expect(struck(e, x)).not.toBe('');
    expect(x.cause.sentence).toBe(
      `${titleOf(e, 'deploy-pipeline')} was deferred to ${labelOf(e, x.cause.userSlot!)} and never landed (par: ${labelOf(e, x.cause.parSlot!)}). ${odds(e, 'deploy-pipeline', x)}${struck(e, x)} ${x.points}.`,
    );
  });

  it('a mitigation par leaves out took capacity that par spends elsewhere', () => {
    const r = shipped('right-to-erasure');
    const plan = strategyPlans(compile(r)).ice;
    const x = explain(r, plan, parOf(r), 'erasure-pipeline');
    expect(x.cause).toMatchObject({ kind: 'drop', mechanism: 'cascade' });
    expect(x.cause.sentence).toBe(
      `${titleOf(r, 'erasure-pipeline')} took capacity that par spends elsewhere. ${odds(r, 'erasure-pipeline', x)}${struck(r, x)} ${x.points}.`,
    );
  });
});

// ---- Preparedness --------------------------------------------------------------------------

describe('preparedness: the work a scripted event adds, prepared or not', () => {
  const z = shipped('zero-day');
  const par = parOf(z);
  const event = z.events.find((e) => e.id === 'zero-day');
  if (event?.kind !== 'injectItem' || !event.prepared) throw new Error('the scenario changed');
  const injected = z.items.find((i) => i.id === event.item)!;
  const full = compile(z).items[compile(z).index.get(injected.id)!]!.meanEffort;
  const ready = event.prepared.items.map((id) => titleOf(z, id)).join(' and ');
  const option = `if “${event.title}” strikes in ${labelOf(z, event.slot)} (${formatPercent(event.probability)} likely), ${injected.title} takes ${Math.round(full * event.prepared.effortFactor * 10) / 10} points when ${ready} are done, ${Math.round(full * 10) / 10} otherwise. Preparedness has option value.`;

  it('left out: it was not done, and when par has it done', () => {
    const x = explain(z, removeItem(par, 'sbom'), par, 'sbom');
    expect(x.cause).toMatchObject({ kind: 'add', mechanism: 'preparedness' });
    const theirs = itemOf(x.cf, 'sbom').completedAt!;
    expect(x.cause.sentence).toBe(
      `${titleOf(z, 'sbom')} was not done this year (par: ${formatSlotTime(z.time.labels, theirs)}): ${option} ${x.points}.`,
    );
  });

  it('done late: when it was done, and when par has it done', () => {
    const plan = strategyPlans(compile(z)).cd3;
    const x = explain(z, plan, par, 'ir-playbook');
    expect(x.cause).toMatchObject({ kind: 'defer', mechanism: 'preparedness' });
    const yours = itemOf(x.user, 'ir-playbook').completedAt!;
    const theirs = itemOf(x.cf, 'ir-playbook').completedAt!;
    expect(x.cause.sentence).toBe(
      `${titleOf(z, 'ir-playbook')} was done ${formatSlotTime(z.time.labels, yours)} (par: ${formatSlotTime(z.time.labels, theirs)}): ${option} ${x.points}.`,
    );
  });
});

// ---- Time in the scenario's unit -----------------------------------------------------------

describe('how long a hole stayed open, in the scenario’s own unit of time', () => {
  for (const [id, patch, unit] of [
    ['demo-day', 'patch-auth', 'month'],
    ['platform-sprints', 'patch-json', 'sprint'],
  ] as const)
    it(`${id}: ${unit}s`, () => {
      const s = shipped(id);
      const par = parOf(s);
      const last = s.time.labels.length - 1;
      const x = explain(s, placeItem(removeItem(par, patch), patch, last), par, patch);
      expect(x.cause.mechanism).toBe('security');
      const open = itemOf(x.user, patch).completedAt! - itemOf(x.cf, patch).completedAt!;
      const start = `Because ${titleOf(s, patch)} was deferred to ${labelOf(s, last)} (par: ${labelOf(s, x.cause.parSlot!)}), the vulnerability stayed open ${span(open, unit)} longer. Breach probability in `;
      expect(x.cause.sentence.slice(0, start.length)).toBe(start);
    });
});

// ---- Renegotiation -------------------------------------------------------------------------

describe('renegotiation: the conversation par has and the learner did not', () => {
  const h = shipped('holiday-peak');
  const par = parOf(h);
  const talk = h.items.find((i) => i.id === 'gift-card-talk')!;
  const r = talk.renegotiates!;
  const olivia = h.stakeholders.find((x) => x.id === r.stakeholder)!;
  const ask = olivia.asks.find((a) => a.item === r.item)!;
  const whose = `${olivia.name}’s ask for ${titleOf(h, r.item)} by ${labelOf(h, ask.bySlot)}`;
  const parSlot = labelOf(h, findItem(par, talk.id)!.slot);

  it('left out: par renegotiates, and the ask was missed', () => {
    const x = explain(h, removeItem(par, talk.id), par, talk.id);
    expect(x.cause).toMatchObject({ kind: 'add', mechanism: 'renegotiation' });
    const yours = x.user.asks.find((a) => a.stakeholder === r.stakeholder && a.item === r.item)!;
    expect(yours.status).toBe('missed');
    expect(x.cause.sentence).toBe(
      `Par renegotiates ${whose} in ${parSlot} (${termsText(h, r)}); you missed it. ${x.points}.`,
    );
  });

  it('planned after the ask’s date: too late to change the terms', () => {
    const plan = placeItem(removeItem(par, talk.id), talk.id, 3);
    const x = explain(h, plan, par, talk.id);
    expect(x.cause).toMatchObject({ kind: 'defer', mechanism: 'renegotiation' });
    expect(x.cause.sentence).toBe(
      `Par renegotiates ${whose} in ${parSlot} (${termsText(h, r)}); you planned the conversation for Q4, too late to change the terms, and missed it. ${x.points}.`,
    );
  });
});

// ---- Slices --------------------------------------------------------------------------------

describe('slice: the MVP par ships first', () => {
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
  const par = plan(s, ['other', 'mvp'], ['big']);
  const at = (o: Outcome, id: string) => formatSlotTime(s.time.labels, itemOf(o, id).completedAt!);

  it('not sliced: the feature shipped whole; sliced, the MVP and then the rest', () => {
    const x = explain(s, plan(s, ['other'], ['big']), par, 'mvp');
    expect(x.cause).toMatchObject({ kind: 'add', mechanism: 'slice' });
    expect(itemOf(x.cf, 'big').part).toBe('rest');
    expect(x.cause.sentence).toBe(
      `Par slices Big feature, shipping Thin slice in Q1. You did not slice it: Big feature shipped whole ${at(x.user, 'big')}. Planned before Big feature, Thin slice would ship ${at(x.cf, 'mvp')} with 60% of Big feature’s value, and the rest would follow ${at(x.cf, 'big')}. ${x.points}.`,
    );
  });

  it('an MVP after its feature brought nothing', () => {
    const x = explain(s, plan(s, ['other', 'big'], ['mvp']), par, 'mvp');
    expect(x.cause).toMatchObject({ kind: 'defer', mechanism: 'slice' });
    expect(itemOf(x.user, 'mvp').part).toBe('wasted');
    expect(x.cause.sentence).toBe(
      `Par slices Big feature, shipping Thin slice in Q1. Your Thin slice came after Big feature had started and brought nothing, since Big feature covers it. Planned before Big feature, Thin slice would ship ${at(x.cf, 'mvp')} with 60% of Big feature’s value, and the rest would follow ${at(x.cf, 'big')}. ${x.points}.`,
    );
  });

  it('an MVP shipped late, where par never builds the feature', () => {
    const sf = shipped('slice-first');
    const sfPar = parOf(sf);
    const x = explain(
      sf,
      strategyPlans(compile(sf))['security-compliance-first'],
      sfPar,
      'swap-mvp',
    );
    expect(x.cause).toMatchObject({ kind: 'defer', mechanism: 'slice' });
    const mvp = titleOf(sf, 'swap-mvp');
    const whole = titleOf(sf, 'shift-marketplace');
    const when = (o: Outcome) => formatSlotTime(sf.time.labels, itemOf(o, 'swap-mvp').completedAt!);
    expect(itemOf(x.cf, 'shift-marketplace').status).toBe('left out');
    expect(x.cause.sentence).toBe(
      `Par slices ${whole}, shipping ${mvp} in ${labelOf(sf, x.cause.parSlot!)}. Your ${mvp} shipped ${when(x.user)}. Planned in ${labelOf(sf, x.cause.parSlot!)}, ${mvp} would ship ${when(x.cf)} with 60% of ${whole}’s value, and ${whole} would not be built. ${x.points}.`,
    );
  });
});

// ---- Value ---------------------------------------------------------------------------------

describe('value: what a feature earns and when', () => {
  it('a feature par leaves out: its effort against its expected ARR and confidence', () => {
    const s = shipped('big-customer');
    const x = explain(s, deferredPatch, parOf(s), 'ai-assistant');
    expect(x.cause).toMatchObject({ kind: 'drop', mechanism: 'value' });
    const ai = s.items.find((i) => i.id === 'ai-assistant')!;
    expect(x.cause.sentence).toBe(
      `${ai.title} took ${pointsText(ai.effort)} for an expected ${formatMoney(ai.value.arr * ai.value.confidence)} of ARR (${formatPercent(ai.value.confidence)} confidence); leaving it out, as par does, frees that capacity. ${x.points}.`,
    );
  });

  it('an experiment par leaves out changed nothing in a whole-year plan', () => {
    const s = shipped('pilot-first');
    const par = parOf(s);
    const x = explain(s, placeItem(par, 'dispatch-pilot', 0, 0), par, 'dispatch-pilot');
    expect(x.cause).toMatchObject({ kind: 'drop', mechanism: 'value' });
    const pilot = s.items.find((i) => i.id === 'dispatch-pilot')!;
    expect(x.cause.sentence).toBe(
      `${pilot.title} is an experiment: in a plan made for the whole year its answer comes after every slot is fixed, so it took ${pointsText(pilot.effort)} and changed nothing; par, made with the same information, leaves it out. Played quarter by quarter, you could act on what it shows (the decision-quality grade says what it was worth). ${x.points}.`,
    );
  });

  it('the rest of a split feature par leaves out: the rest’s effort and share of the value', () => {
    const s = shipped('slice-first');
    const par = parOf(s);
    const x = explain(s, placeItem(par, 'shift-marketplace', 2), par, 'shift-marketplace');
    expect(x.cause).toMatchObject({ kind: 'drop', mechanism: 'value' });
    const c = compile(s);
    const whole = s.items.find((i) => i.id === 'shift-marketplace')!;
    const mvp = s.items.find((i) => i.id === 'swap-mvp')!;
    const rest = whole.effort * c.items[c.index.get(whole.id)!]!.restEffort;
    const arr = whole.value.arr * whole.value.confidence * (1 - mvp.sliceOf!.share);
    expect(x.cause.sentence).toBe(
      `The rest of ${whole.title}, after ${mvp.title}, took ${pointsText(rest)} for an expected ${formatMoney(arr)} of ARR (${formatPercent(whole.value.confidence)} confidence); leaving it out, as par does, frees that capacity. ${x.points}.`,
    );
  });

  it('shipped later than par: how much less of its ARR', () => {
    const s = shipped('delighters');
    const x = explain(s, strategyPlans(compile(s)).ice, parOf(s), 'subscription-tracker');
    expect(x.cause).toMatchObject({ kind: 'defer', mechanism: 'value' });
    const tracker = s.items.find((i) => i.id === 'subscription-tracker')!;
    const yours = itemOf(x.user, tracker.id).completedAt!;
    const theirs = itemOf(x.cf, tracker.id).completedAt!;
    expect(yours - theirs).toBeGreaterThan(0.05);
    expect(x.cause.sentence).toBe(
      `${tracker.title} shipped ${formatSlotTime(s.time.labels, yours)} instead of ${formatSlotTime(s.time.labels, theirs)}: ${span(yours - theirs, 'quarter')} less of its expected ${formatMoney(tracker.value.arr * tracker.value.confidence)} ARR. ${x.points}.`,
    );
  });

  it('not shipped this year, where par ships it', () => {
    const s = shipped('audit-year');
    const par = parOf(s);
    const last = s.time.labels.length - 1;
    const x = explain(
      s,
      placeItem(removeItem(par, 'virtual-cards'), 'virtual-cards', last),
      par,
      'virtual-cards',
    );
    expect(x.cause).toMatchObject({ kind: 'defer', mechanism: 'value' });
    expect(itemOf(x.user, 'virtual-cards').completedAt).toBeNull();
    const theirs = itemOf(x.cf, 'virtual-cards').completedAt!;
    expect(x.cause.sentence).toBe(
      `${titleOf(s, 'virtual-cards')} did not ship this year (par: ${formatSlotTime(s.time.labels, theirs)}). ${x.points}.`,
    );
  });
});

describe('an item that brings no revenue of its own', () => {
  const s = shipped('delighters');
  const par = parOf(s);

  it('left out, as par does: its effort, and no "$0 of ARR"', () => {
    const wsjf = strategyPlans(compile(s)).wsjf;
    const x = explain(s, wsjf, par, 'consent-audit');
    expect(x.cause).toMatchObject({ kind: 'drop', mechanism: 'value' });
    const audit = s.items.find((i) => i.id === 'consent-audit')!;
    expect(audit.value.arr).toBe(0);
    expect(x.cause.sentence).toBe(
      `${audit.title} took ${pointsText(audit.effort)} and brings no revenue of its own; leaving it out, as par does, frees that capacity. ${x.points}.`,
    );
  });

  it('shipped later than par: when, and no "less of its expected $0 ARR"', () => {
    const last = s.time.labels.length - 1;
    const x = explain(s, placeItem(removeItem(par, 'face-id'), 'face-id', last), par, 'face-id');
    expect(x.cause).toMatchObject({ kind: 'defer', mechanism: 'value' });
    expect(s.items.find((i) => i.id === 'face-id')!.value.arr).toBe(0);
    const yours = itemOf(x.user, 'face-id').completedAt!;
    const theirs = itemOf(x.cf, 'face-id').completedAt!;
    expect(yours - theirs).toBeGreaterThan(0.05);
    expect(x.cause.sentence).toBe(
      `${titleOf(s, 'face-id')} shipped ${formatSlotTime(s.time.labels, yours)} instead of ${formatSlotTime(s.time.labels, theirs)}. ${x.points}.`,
    );
  });
});

describe('dated work par leaves out', () => {
  it('says par leaves it out and spends its points elsewhere', () => {
    const s = shipped('exchange-launch');
    const par = parOf(s);
    expect(findItem(par, 'hsm-keys')).toBeNull();
    const x = explain(s, placeItem(par, 'hsm-keys', 0), par, 'hsm-keys');
    expect(x.cause).toMatchObject({ kind: 'drop', mechanism: 'deadline' });
    const hsm = s.items.find((i) => i.id === 'hsm-keys')!;
    const done = itemOf(x.user, 'hsm-keys').completedAt!;
    const over = x.user.slots[0]!.overcommit;
    expect(over).toBeGreaterThan(0.05);
    expect(x.cause.sentence).toBe(
      `${hsm.title} finished ${formatSlotTime(s.time.labels, done)}, because ${labelOf(s, 0)} was over-committed by ${formatPercent(over)}; par leaves it out and spends its ${pointsText(hsm.effort)} elsewhere. ${x.points}.`,
    );
  });
});

// ---- Lessons -------------------------------------------------------------------------------

describe('lessons: each kind of condition, on each side of its threshold', () => {
  /** The quiet world, two quarters of 10 points: `a` is a 10-point feature, `d` 10 points of debt work. */
  const s = scenario(
    {
      stakeholders: [],
      lessons: [
        { id: 'late', text: 'Late.', when: { kind: 'itemLate', item: 'a', slot: 0 } },
        { id: 'done', text: 'Done.', when: { kind: 'itemDoneBy', item: 'a', slot: 0 } },
        { id: 'omitted', text: 'Omitted.', when: { kind: 'itemOmitted', item: 'a' } },
        { id: 'util0', text: 'Busy.', when: { kind: 'maxUtilizationAbove', value: 0 } },
        { id: 'util-', text: 'Idle.', when: { kind: 'maxUtilizationAbove', value: -0.5 } },
        { id: 'debt0', text: 'Debt.', when: { kind: 'endDebtAbove', value: 0 } },
        { id: 'debt-', text: 'No debt.', when: { kind: 'endDebtAbove', value: -1 } },
        { id: 'breach', text: 'Breach.', when: { kind: 'maxBreachProbabilityAbove', value: 0 } },
        {
          id: 'half',
          text: 'Half.',
          when: { kind: 'typeShareBelow', type: 'feature', share: 0.5 },
        },
        {
          id: 'all',
          text: 'All.',
          when: {
            kind: 'all',
            of: [
              { kind: 'itemOmitted', item: 'a' },
              { kind: 'itemOmitted', item: 'd' },
            ],
          },
        },
        {
          id: 'any',
          text: 'Any.',
          when: {
            kind: 'any',
            of: [
              { kind: 'itemOmitted', item: 'a' },
              { kind: 'itemOmitted', item: 'd' },
            ],
          },
        },
      ],
    },
    [
      item('a', 10, { title: 'A' }),
      item('d', 10, { title: 'D', type: 'debt' }),
      item('e', 5, { title: 'E' }),
    ],
  );
  const lessonsOf = (p: Plan) => debrief(s, p, { par: p }).lessons.map((l) => l.id);

  it('done at the very end of its quarter is done by it, not late', () => {
    const p = plan(s, ['a']);
    expect(simulate(s, p).items.find((i) => i.id === 'a')!.completedAt).toBeCloseTo(1, 9);
    // Only features planned: no share of features below a half.
    expect(lessonsOf(p)).toEqual(['done', 'util-', 'debt-', 'any']);
  });

  it('done after its quarter is late; half the planned work features is not below a half', () => {
    const p = plan(s, ['d', 'a']);
    expect(lessonsOf(p)).toEqual(['late', 'util-', 'debt-']);
  });

  it('a share of features below the threshold', () => {
    expect(lessonsOf(plan(s, ['d', 'a', 'e']))).toEqual(['late', 'util-', 'debt-']);
    expect(lessonsOf(plan(s, ['d'], ['e']))).toEqual([
      'late',
      'omitted',
      'util-',
      'debt-',
      'half',
      'any',
    ]);
  });

  it('nothing planned: late, omitted, and every part of “all”', () => {
    expect(lessonsOf(plan(s))).toEqual(['late', 'omitted', 'util-', 'debt-', 'half', 'all', 'any']);
  });

  it('the lesson carries its text', () => {
    expect(debrief(s, plan(s), { par: plan(s) }).lessons[0]).toEqual({ id: 'late', text: 'Late.' });
  });
});

// ---- Stakeholders --------------------------------------------------------------------------

describe('stakeholder reactions: mood and words', () => {
  /** The quiet world, two quarters of 10 points: `a` lands in Q1, `b` in Q2, `c` never. */
  const s = scenario(
    {
      stakeholders: [
        { id: 'p', name: 'Pat', role: 'CEO', influence: 3, asks: [{ item: 'a', bySlot: 0 }] },
        {
          id: 'q',
          name: 'Quinn',
          role: 'CTO',
          asks: [{ item: 'c', bySlot: 0 }],
          voice: { met: 'Q met.', late: 'Q late.', missed: 'Q missed.', renegotiated: 'Q moved.' },
        },
        {
          id: 'r',
          name: 'Rae',
          role: 'CFO',
          asks: [
            { item: 'a', bySlot: 0 },
            { item: 'c', bySlot: 1 },
          ],
        },
        { id: 't', name: 'Toni', role: 'COO', asks: [{ item: 'b', bySlot: 0 }] },
        { id: 'u', name: 'Uma', role: 'Advisor', asks: [] },
      ],
    },
    [item('a', 5, { title: 'A' }), item('b', 10, { title: 'B' }), item('c', 5, { title: 'C' })],
  );
  const p = plan(s, ['a'], ['b']);
  const d = debrief(s, p, { par: p });
  const out = simulate(s, p);
  const at = (id: string) => out.items.find((i) => i.id === id)!.completedAt;

  it('one reaction per stakeholder with asks, with each ask’s status', () => {
    expect(d.stakeholders.map((x) => x.id)).toEqual(['p', 'q', 'r', 't']);
    expect(d.stakeholders[0]).toEqual({
      id: 'p',
      name: 'Pat',
      role: 'CEO',
      influence: 3,
      mood: 'pleased',
      quote: 'Everything I asked for arrived when I needed it.',
      asks: [
        {
          item: 'a',
          title: 'A',
          bySlot: 0,
          status: 'met',
          completedAt: at('a'),
          renegotiated: null,
        },
      ],
    });
  });

  it('missed everything: disappointed, in their own voice', () => {
    expect(d.stakeholders[1]).toMatchObject({ mood: 'disappointed', quote: 'Q missed.' });
    expect(d.stakeholders[1]!.asks).toEqual([
      { item: 'c', title: 'C', bySlot: 0, status: 'missed', completedAt: null, renegotiated: null },
    ]);
  });

  it('one met and one missed: mixed, and the missed one is what they say', () => {
    expect(d.stakeholders[2]).toMatchObject({
      mood: 'mixed',
      quote: 'What I asked for did not happen this year.',
    });
    expect(d.stakeholders[2]!.asks.map((a) => a.status)).toEqual(['met', 'missed']);
  });

  it('late: mixed, and the late words', () => {
    expect(at('b')!).toBeGreaterThan(1);
    expect(d.stakeholders[3]).toMatchObject({
      mood: 'mixed',
      quote: 'I got what I asked for, but later than we agreed.',
    });
    expect(d.stakeholders[3]!.asks.map((a) => a.status)).toEqual(['late']);
  });

  it('met on renegotiated terms: the renegotiated words', () => {
    const h = shipped('holiday-peak');
    const par = parOf(h);
    const olivia = debrief(h, par, { par }).stakeholders.find((x) => x.id === 'ceo')!;
    const voice = h.stakeholders.find((x) => x.id === 'ceo')!.voice;
    expect(olivia.asks.every((a) => a.status === 'met')).toBe(true);
    expect(olivia.quote).toBe(
      voice?.renegotiated ??
        'We changed what I asked for, and you delivered what we agreed. I noticed it moved.',
    );
  });
});

// ---- Verdict -------------------------------------------------------------------------------

describe('the verdict: how close to par, and the biggest gap', () => {
  const s = shipped('big-customer');
  const par = parOf(s);
  const c = compile(s);
  const candidates: Plan[] = [
    ...Object.values(strategyPlans(c)),
    ...par.slots.flat().map((id) => removeItem(par, id)),
    { slots: s.time.labels.map(() => []) },
  ];
  const parScore = simulate(s, par).score;
  const percentOf = (p: Plan) => (100 * simulate(s, p).score) / parScore;
  const gap = (cause: Cause) => {
    const change =
      cause.kind === 'drop'
        ? `leave out ${cause.title}`
        : cause.kind === 'add'
          ? `plan ${cause.title} in ${labelOf(s, cause.parSlot!)}`
          : `move ${cause.title} from ${labelOf(s, cause.userSlot!)} to ${labelOf(s, cause.parSlot!)}`;
    return `; the biggest gap: ${change} (${formatSigned(cause.gain)})`;
  };

  for (const [low, high, words] of [
    [97, 100, 'Excellent: practically par'],
    [90, 97, 'Strong plan, close to par'],
    [80, 90, 'Solid plan with a few costly choices'],
    [65, 80, 'Some choices cost a lot'],
    [-Infinity, 65, 'This plan left a lot on the table'],
  ] as const)
    it(`${low}–${high}% of par: “${words}”`, () => {
      const p = candidates.find((x) => {
        const percent = percentOf(x);
        return percent >= low && percent < high && debrief(s, x, { par }).causes.length > 0;
      });
      if (!p) throw new Error(`no candidate plan at ${low}–${high}% of par`);
      const d = debrief(s, p, { par });
      expect(d.beatPar).toBe(false);
      expect(d.verdict).toBe(`${words}${gap(d.causes[0]!)}.`);
    });

  it('par itself: practically par, with no gap to name', () => {
    expect(debrief(s, par, { par }).verdict).toBe('Excellent: practically par.');
  });

  it('beating the given par names no gap, even when a move towards it would gain', () => {
    // Par's plan without one item, judged against a "par" that has only that item.
    const only: Plan = { slots: par.slots.map((ids) => ids.filter((id) => id === 'patch-pdf')) };
    const d = debrief(s, removeItem(par, 'patch-pdf'), { par: only });
    expect(d.beatPar).toBe(true);
    expect(d.causes.length).toBeGreaterThan(0);
    expect(d.verdict).toBe('You beat par: this plan is the new best known plan.');
  });
});

/** A strong spike-first plan that leaves the PDF renderer out (its par until the 2.3 re-bake). */
function spikeFirstWithoutRenderer(): Plan {
  return {
    slots: [
      ['multi-currency', 'rev-rec', 'invoice-run-queue', 'invoice-portal', 'patch-pdf-lib'],
      [],
      ['smart-dunning'],
      ['salesforce-sync'],
    ],
  };
}
