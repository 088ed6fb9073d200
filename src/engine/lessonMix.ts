/**
 * What each scenario's par teaches, measured, so the library's lessons can be kept varied (the
 * Model 2 issue, items 2 and 8): whether the scenario opens with a public CVE, whether par leaves
 * out a hyped low-confidence feature, whether par pays some debt late and would lose by paying it
 * at once, whether par holds a security control that closes no CVE, and how much of the last slot
 * par leaves idle while a backlog item that fits there would still add money.
 *
 * `npm run scenarios:check` prints them and fails where the library misses the issue's targets
 * (`MIX_TARGETS`) or a scenario's par leaves its last slot idle while an item that fits would add
 * money (`IDLE_AT_END`).
 */
import { bakedPar, findPar } from './par.ts';
import { findItem, placeItem, type Plan } from './plan.ts';
import type { Scenario } from './schema.ts';
import { simulate } from './simulate.ts';

/** A feature at or below this confidence counts as a low-confidence bet. */
export const LOW_CONFIDENCE = 0.4;

/** Paying a late debt item at once must cost at least this many points to count as a lesson. */
export const LATE_DEBT_POINTS = 0.5;

/** The share of the last slot par may leave idle while an item that fits would add money. */
export const IDLE_AT_END = 0.15;

/** The issue's targets for the whole library. */
export const MIX_TARGETS = {
  /** At most this share of scenarios open with a public CVE. */
  cveAtStart: 1 / 3,
  /** At most this share of scenarios have par leave out a hyped low-confidence feature. */
  hypedLeftOut: 1 / 3,
  /** At least this many scenarios reward paying debt late. */
  lateDebt: 2,
  /** At least this many scenarios hold a security control without a CVE in par. */
  controlWithoutCve: 1,
} as const;

export interface LessonMix {
  id: string;
  /** Ids of vulnerabilities public from the first slot. */
  cveAtStart: string[];
  /** Low-confidence features par leaves out. */
  hypedLeftOut: { id: string; confidence: number }[];
  /**
   * Debt items par pays in the second half, with the points lost by paying each in the first slot
   * instead (swapped with the first slot's item closest in effort).
   */
  lateDebt: { id: string; slot: number; cost: number }[];
  /** Security items in par that reduce breach hazards and close no vulnerability. */
  controlsWithoutCve: string[];
  /** The last slot: the share of its working capacity par leaves idle, and what would fit. */
  idleAtEnd: {
    share: number;
    idlePoints: number;
    /** Backlog items that fit in the idle points and add net value there, best first. */
    fits: { id: string; effort: number; netGain: number }[];
  };
}

/** Measures what `plan` (par by default: the baked one when current, else searched) teaches. */
export function lessonMix(scenario: Scenario, plan?: Plan): LessonMix {
  const par = plan ?? bakedPar(scenario)?.plan ?? findPar(scenario).plan;
  const visible = scenario.items.filter((i) => !i.injected);
  const planned = (id: string) => findItem(par, id) !== null;
  const outcome = simulate(scenario, par);
  const slots = scenario.time.labels.length;

  const cveAtStart = (scenario.security?.vulnerabilities ?? [])
    .filter((v) => v.disclosedSlot === 0)
    .map((v) => v.id);

  const hypedLeftOut = visible
    .filter(
      (i) =>
        i.type === 'feature' &&
        i.value.arr > 0 &&
        i.value.confidence <= LOW_CONFIDENCE &&
        !planned(i.id),
    )
    .map((i) => ({ id: i.id, confidence: i.value.confidence }));

  // Paying it at once: swapped with the first slot's item closest in effort, so each slot keeps
  // about the load it had and the cost is the timing, not an overfilled first slot.
  const effortOf = new Map(scenario.items.map((i) => [i.id, i.effort]));
  const secondHalf = Math.ceil(slots / 2);
  const lateDebt = visible.flatMap((i) => {
    const at = findItem(par, i.id);
    if (i.type !== 'debt' || at === null || at.slot < secondHalf) return [];
    const first = par.slots[0] ?? [];
    const partner = first.reduce<string | null>((best, id) => {
      const gap = (x: string) => Math.abs((effortOf.get(x) ?? 0) - i.effort);
      return best === null || gap(id) < gap(best) ? id : best;
    }, null);
    const early =
      partner === null
        ? placeItem(par, i.id, 0)
        : placeItem(placeItem(par, i.id, 0, first.indexOf(partner)), partner, at.slot, at.index);
    const cost = outcome.score - simulate(scenario, early).score;
    return cost >= LATE_DEBT_POINTS ? [{ id: i.id, slot: at.slot, cost }] : [];
  });

  const controlsThreat = new Set(
    (scenario.security?.threats ?? []).flatMap((x) =>
      x.controls.filter((ctl) => ctl.reduction > 0).map((ctl) => ctl.item),
    ),
  );
  const controlsWithoutCve = visible
    .filter(
      (i) =>
        i.type === 'security' &&
        i.effects.closes.length === 0 &&
        (i.effects.postureReduction > 0 || controlsThreat.has(i.id)) &&
        planned(i.id),
    )
    .map((i) => i.id);

  const last = outcome.slots[slots - 1];
  const working = last?.workingCapacity ?? 0;
  const idlePoints = Math.max(0, last?.slack ?? 0);
  const fits = visible
    .filter(
      (i) =>
        !planned(i.id) &&
        i.effort <= idlePoints &&
        i.notBefore <= slots - 1 &&
        i.dependsOn.every((d) => planned(d)),
    )
    .map((i) => ({
      id: i.id,
      effort: i.effort,
      netGain: simulate(scenario, placeItem(par, i.id, slots - 1)).ledger.net - outcome.ledger.net,
    }))
    .filter((f) => f.netGain > 0)
    .sort((a, b) => b.netGain - a.netGain);

  return {
    id: scenario.id,
    cveAtStart,
    hypedLeftOut,
    lateDebt,
    controlsWithoutCve,
    idleAtEnd: { share: working > 0 ? idlePoints / working : 0, idlePoints, fits },
  };
}

export interface MixCheck {
  rule: string;
  name: string;
  ok: boolean;
  detail: string;
}

/** The library against `MIX_TARGETS`, and each scenario's last slot against `IDLE_AT_END`. */
export function mixChecks(mixes: readonly LessonMix[]): MixCheck[] {
  const n = mixes.length;
  const ids = (list: readonly LessonMix[]) => list.map((m) => m.id).join(', ') || 'none';
  const cve = mixes.filter((m) => m.cveAtStart.length > 0);
  const hyped = mixes.filter((m) => m.hypedLeftOut.length > 0);
  const late = mixes.filter((m) => m.lateDebt.length > 0);
  const control = mixes.filter((m) => m.controlsWithoutCve.length > 0);
  const checks: MixCheck[] = [
    {
      rule: 'cve-at-start',
      name: `at most ${Math.floor(n * MIX_TARGETS.cveAtStart)} of ${n} open with a public CVE`,
      ok: cve.length <= n * MIX_TARGETS.cveAtStart,
      detail: `${cve.length}: ${ids(cve)}`,
    },
    {
      rule: 'hyped-left-out',
      name: `at most ${Math.floor(n * MIX_TARGETS.hypedLeftOut)} of ${n} have par leave out a feature of ≤ ${LOW_CONFIDENCE * 100}% confidence`,
      ok: hyped.length <= n * MIX_TARGETS.hypedLeftOut,
      detail: `${hyped.length}: ${ids(hyped)}`,
    },
    {
      rule: 'late-debt',
      name: `at least ${MIX_TARGETS.lateDebt} reward paying debt late`,
      ok: late.length >= MIX_TARGETS.lateDebt,
      detail: `${late.length}: ${ids(late)}`,
    },
    {
      rule: 'control-without-cve',
      name: `at least ${MIX_TARGETS.controlWithoutCve} hold a security control without a CVE in par`,
      ok: control.length >= MIX_TARGETS.controlWithoutCve,
      detail: `${control.length}: ${ids(control)}`,
    },
  ];
  for (const m of mixes) {
    const { share, idlePoints, fits } = m.idleAtEnd;
    const best = fits[0];
    checks.push({
      rule: 'idle-at-end',
      name: `${m.id}: par leaves at most ${IDLE_AT_END * 100}% of the last slot idle while an item that fits adds money`,
      ok: share <= IDLE_AT_END || best === undefined,
      detail: `${Math.round(share * 100)}% idle (${idlePoints.toFixed(1)} points)${best ? `; ${best.id} (${best.effort} points) would add $${Math.round(best.netGain).toLocaleString('en-US')}` : '; nothing that fits adds money'}`,
    });
  }
  return checks;
}
