/**
 * Compiles a validated scenario into flat, index-based data for the simulation's hot loop:
 * per-slot arrays, constants converted from per-quarter to per-slot, ids turned into indexes.
 * Compiled scenarios are cached per scenario object (scenarios are treated as immutable).
 */
import { DEFAULT_CONSTANTS, terminalSlots, type Constants } from './constants.ts';
import {
  ITEM_TYPES,
  METRICS,
  type Item,
  type ItemType,
  type Metric,
  type Scenario,
  type Weights,
} from './schema.ts';
import { askKey, renegotiationsByAsk, type CompiledAsk } from './renegotiation.ts';
import { slicesOf } from './slices.ts';

export interface CompiledItem {
  id: string;
  index: number;
  type: ItemType;
  title: string;
  /**
   * Effort used in expected mode: the mean of the triangular estimate, of a hidden effort's
   * outcomes, else `effort`.
   */
  meanEffort: number;
  /**
   * Triangular estimate (low, mode, high), or a hidden effort's smallest and largest outcomes
   * around the stated effort; low = high = mode when there is no range.
   */
  low: number;
  mode: number;
  high: number;
  deps: number[];
  notBefore: number;
  injected: boolean;
  /** ARR added at completion, confidence applied. */
  arr: number;
  csat: number;
  must: boolean;
  mustPenalty: number;
  /** 0 standard, 1 decay, 2 deadline. */
  urgency: 0 | 1 | 2;
  /** Decay start slot or deadline slot. */
  urgencySlot: number;
  /** Decay rate per slot, or late factor. */
  urgencyRate: number;
  penalty: number;
  debtAdd: number;
  debtRemove: number;
  capacityAdd: number;
  incidentReduction: number;
  postureReduction: number;
  /** Threats this item controls once done: their hazard × (1 − reduction). */
  controls: { threat: number; reduction: number }[];
  closes: number[];
  obligation: number;
  feePerSlot: number;
  feeFrom: number;
  /** The feature this item is the MVP slice of, or -1. */
  sliceOf: number;
  /** This feature's MVP slice, or -1. */
  mvp: number;
  /** Split (its MVP planned first): the share of its effort and of its value left for the rest. */
  restEffort: number;
  restValue: number;
}

export interface CompiledVuln {
  id: string;
  title: string;
  cvss: number;
  /** Fully ripe hazard per slot. */
  hMax: number;
  /** Exploit ramp half-life in slots. */
  halfLife: number;
  disclosed: number;
  /** Index of the injectItem event that discloses it, or -1 when it is known from the start. */
  openedBy: number;
}

/** A standing breach hazard with no CVE behind it (phishing, credential stuffing…). */
export interface CompiledThreat {
  id: string;
  title: string;
  /** Breach hazard per slot with no control done: 1 − (1 − perYear)^(1/slotsPerYear). */
  hazard: number;
}

export type CompiledEvent =
  | {
      kind: 'injectItem';
      index: number;
      id: string;
      title: string;
      slot: number;
      probability: number;
      item: number;
      opens: number;
      prepared: number[];
      effortFactor: number;
    }
  | {
      kind: 'demandSpike';
      index: number;
      id: string;
      title: string;
      slot: number;
      branches: { probability: number; multiplier: number }[];
    }
  | {
      kind: 'competitorCopy';
      index: number;
      id: string;
      title: string;
      slot: number;
      probability: number;
      item: number;
      decay: number;
    }
  | {
      kind: 'cascade';
      index: number;
      id: string;
      title: string;
      fromSlot: number;
      probability: number;
      loss: number;
      csat: number;
      downtime: number;
      mitigations: { item: number; reduction: number }[];
    };

/** Constants converted to the scenario's slot length. */
export interface SlotConstants extends Constants {
  /** Slot length in quarters (4 / slotsPerYear). */
  scale: number;
}

export interface Compiled {
  scenario: Scenario;
  id: string;
  slots: number;
  slotsPerYear: number;
  labels: string[];
  capacity: number[];
  ktlo: number[];
  /** Parallel work streams: items the team works on at once (the scenario's, else 2). */
  streams: number;
  k: SlotConstants;
  items: CompiledItem[];
  /** Indexes of the features that have an MVP slice. */
  sliced: number[];
  index: ReadonlyMap<string, number>;
  vulns: CompiledVuln[];
  threats: CompiledThreat[];
  /** Each threat's `hazard`, by threat index (what a run uses when its environment sets none). */
  threatHazard: readonly number[];
  obligations: {
    id: string;
    title: string;
    deadline: number;
    observation: number;
    penalty: number;
  }[];
  deals: {
    id: string;
    title: string;
    arr: number;
    obligation: number;
    fromSlot: number;
    loss: number;
  }[];
  stakeholders: {
    id: string;
    name: string;
    influence: number;
    asks: CompiledAsk[];
  }[];
  /** Demand per slot before system capacity (ρ0·(1+g)^t·season_t), or null without demand. */
  demand: number[] | null;
  season: number[];
  /**
   * The terminal period's demand before system capacity, slot by slot, and each of its slots'
   * season (demand keeps growing after the horizon; the season is the same slot's a year earlier),
   * or null without demand. Prices the overload the system capacity left will cause.
   */
  demandAhead: { demand: number; season: number }[] | null;
  peakShare: number;
  costPerMinute: number;
  sloBudget: number;
  freezeOnBlownBudget: boolean;
  sle: number;
  csatReference: number;
  /**
   * What a point of capacity is worth after the horizon, in dollars: the scenario's `team.pointValue`,
   * else the ARR a point of feature work adds in this backlog on average (expected, at stated
   * confidence). Prices the capacity the remaining debt will take in the terminal period.
   */
  pointValue: number;
  events: CompiledEvent[];
  /** Indexes of items whose fee costs something each slot until they are done. */
  feeItems: number[];
  /** Indexes of items checked at the end of each slot: a deadline fine, a must-be penalty or a CSAT bonus. */
  endOfSlotItems: number[];
  injectEvents: Extract<CompiledEvent, { kind: 'injectItem' }>[];
  /** Events whose outcome changes the state path (enumerated as branches in expected mode). */
  branching: CompiledEvent[];
  /** Metrics that exist in this scenario (no compliance metric without obligations…). */
  applicable: Record<Metric, boolean>;
  weights: Record<Metric, number>;
}

/** Parallel work streams when a scenario does not say: two, a small team (about four to six people). */
export const DEFAULT_STREAMS = 2;

const cache = new WeakMap<Scenario, Compiled>();

function perSlot(
  value: number | number[] | undefined,
  slots: number,
  fallback: (t: number) => number,
): number[] {
  return Array.from({ length: slots }, (_, t) => {
    if (value === undefined) return fallback(t);
    if (typeof value === 'number') return value;
    return value.length === 1 ? (value[0] ?? 0) : (value[t] ?? value[value.length - 1] ?? 0);
  });
}

/** Converts per-quarter constants to per-slot ones. */
export function slotConstants(c: Constants, slotsPerYear: number): SlotConstants {
  const scale = 4 / slotsPerYear;
  const hazard = (q: number) => 1 - Math.pow(1 - Math.min(q, 0.999999), scale);
  return {
    ...c,
    scale,
    debtInterest: Math.pow(1 + c.debtInterest, scale) - 1,
    incidentBase: c.incidentBase * scale,
    overloadMinutes: c.overloadMinutes * scale,
    overloadCsat: c.overloadCsat * scale,
    hazardCritical: hazard(c.hazardCritical),
    hazardHigh: hazard(c.hazardHigh),
    hazardMedium: hazard(c.hazardMedium),
    hazardLow: hazard(c.hazardLow),
    halfLifeCritical: c.halfLifeCritical / scale,
    halfLife: c.halfLife / scale,
    stalenessHazard: hazard(c.stalenessHazard),
    churnBase: hazard(c.churnBase),
    churnSensitivity: c.churnSensitivity * scale,
    csatReversion: hazard(c.csatReversion),
    dealLossPerSlot: c.dealLossPerSlot * scale,
    sloBudgetMinutes: c.sloBudgetMinutes * scale,
  };
}

/** The scenario's constants: defaults with its overrides. */
export function scenarioConstants(scenario: Scenario, overrides?: Partial<Constants>): Constants {
  const merged: Constants = { ...DEFAULT_CONSTANTS };
  for (const source of [scenario.constants, overrides]) {
    if (!source) continue;
    for (const [key, value] of Object.entries(source)) {
      if (typeof value === 'number' && Number.isFinite(value))
        merged[key as keyof Constants] = value;
    }
  }
  return merged;
}

/** Effective weights: the scenario's (or the given ones) for applicable metrics, else 0. */
export function effectiveWeights(
  applicable: Record<Metric, boolean>,
  weights: Weights,
): Record<Metric, number> {
  const out = {} as Record<Metric, number>;
  for (const m of METRICS) out[m] = applicable[m] ? Math.max(0, weights[m] ?? 0) : 0;
  return out;
}

/** A threat's uncontrolled hazard per slot from its chance a year: 1 − (1 − q)^(1/slotsPerYear). */
export function hazardOf(perYear: number, slotsPerYear: number): number {
  return 1 - Math.pow(1 - Math.min(perYear, 0.999999), 1 / slotsPerYear);
}

/** The expected ARR per point of effort over the backlog's features (0 without features). */
function pointValueOf(items: readonly CompiledItem[]): number {
  let arr = 0;
  let effort = 0;
  for (const item of items) {
    if (item.type !== 'feature' || item.injected) continue;
    arr += item.arr;
    effort += item.meanEffort;
  }
  return effort > 0 ? arr / effort : 0;
}

/**
 * Compiles a scenario. Cached per scenario object unless constant overrides are given
 * (sensitivity checks perturb constants).
 */
export function compile(scenario: Scenario, overrides?: Partial<Constants>): Compiled {
  if (!overrides) {
    const hit = cache.get(scenario);
    if (hit) return hit;
  }
  const slots = scenario.time.labels.length;
  const base = scenarioConstants(scenario, overrides);
  if (scenario.reliability?.sloBudgetMinutes !== undefined)
    base.sloBudgetMinutes = scenario.reliability.sloBudgetMinutes;
  // The queueing factor (1 − ρref)/(1 − min(ρ, ρcap)) is only meaningful below 1: keep the cap
  // (and the reference under it) there, whatever an override or a perturbation asks for.
  base.rhoCap = Math.min(base.rhoCap, 0.99);
  base.rhoRef = Math.min(base.rhoRef, base.rhoCap - 0.01);
  const k = slotConstants(base, scenario.time.slotsPerYear);
  const capacity = perSlot(scenario.team.capacity, slots, () => 0);
  const ktlo = perSlot(scenario.team.ktlo, slots, (t) => (capacity[t] ?? 0) * base.ktloShare);
  const index = new Map(scenario.items.map((item, i) => [item.id, i]));
  const renegotiations = renegotiationsByAsk(scenario);
  const vulnList = scenario.security?.vulnerabilities ?? [];
  const vulnIndex = new Map(vulnList.map((v, i) => [v.id, i]));
  const obligationIndex = new Map(scenario.obligations.map((o, i) => [o.id, i]));
  const threatList = scenario.security?.threats ?? [];
  const controlsOf = (id: string) =>
    threatList.flatMap((x, threat) =>
      x.controls
        .filter((ctl) => ctl.item === id)
        .map((ctl) => ({ threat, reduction: ctl.reduction })),
    );

  const mvps = slicesOf(scenario);
  // A hidden effort's outcomes are its range, and their mean its expected effort.
  const rangeOf = (item: Item): [number, number] => {
    const outcomes = item.effortOutcomes?.map((o) => o.effort);
    if (outcomes) return [Math.min(...outcomes), Math.max(...outcomes)];
    return item.estimate ?? [item.effort, item.effort];
  };
  const meanEffort = (item: Item) => {
    if (item.effortOutcomes)
      return item.effortOutcomes.reduce((sum, o) => sum + o.chance * o.effort, 0);
    const [low, high] = rangeOf(item);
    return (low + item.effort + high) / 3;
  };
  const items: CompiledItem[] = scenario.items.map((item, i) => {
    const [low, high] = rangeOf(item);
    const u = item.urgency;
    const mvp = mvps.get(item.id);
    return {
      id: item.id,
      index: i,
      type: item.type,
      title: item.title,
      meanEffort: meanEffort(item),
      low,
      mode: item.effort,
      high,
      deps: item.dependsOn.map((d) => index.get(d) ?? -1).filter((d) => d >= 0),
      notBefore: item.notBefore,
      injected: item.injected,
      arr: item.value.arr * item.value.confidence,
      csat: item.value.csat,
      must: item.value.kano === 'must',
      mustPenalty: item.value.mustPenalty,
      urgency: u.kind === 'standard' ? 0 : u.kind === 'decay' ? 1 : 2,
      urgencySlot: u.kind === 'decay' ? u.startSlot : u.kind === 'deadline' ? u.slot : 0,
      urgencyRate: u.kind === 'decay' ? u.rate : u.kind === 'deadline' ? u.lateFactor : 0,
      penalty: u.kind === 'deadline' ? u.penalty : 0,
      debtAdd: item.effects.debtAdd,
      debtRemove: item.effects.debtRemove,
      capacityAdd: item.effects.capacityAdd,
      incidentReduction: item.effects.incidentReduction,
      postureReduction: item.effects.postureReduction,
      controls: controlsOf(item.id),
      closes: item.effects.closes.map((v) => vulnIndex.get(v) ?? -1).filter((v) => v >= 0),
      obligation:
        item.effects.compliance === undefined
          ? -1
          : (obligationIndex.get(item.effects.compliance) ?? -1),
      feePerSlot: item.effects.fee?.perSlot ?? 0,
      feeFrom: item.effects.fee?.fromSlot ?? 0,
      sliceOf: item.sliceOf ? (index.get(item.sliceOf.item) ?? -1) : -1,
      mvp: mvp ? (index.get(mvp.id) ?? -1) : -1,
      restEffort: mvp ? Math.max(0, 1 - meanEffort(mvp) / meanEffort(item)) : 1,
      restValue: mvp?.sliceOf ? 1 - mvp.sliceOf.share : 1,
    };
  });

  const events: CompiledEvent[] = scenario.events.map((e, i): CompiledEvent => {
    switch (e.kind) {
      case 'injectItem':
        return {
          kind: e.kind,
          index: i,
          id: e.id,
          title: e.title,
          slot: e.slot,
          probability: e.probability,
          item: index.get(e.item) ?? -1,
          opens: e.opens === undefined ? -1 : (vulnIndex.get(e.opens) ?? -1),
          prepared: (e.prepared?.items ?? [])
            .map((id) => index.get(id) ?? -1)
            .filter((x) => x >= 0),
          effortFactor: e.prepared?.effortFactor ?? 1,
        };
      case 'demandSpike':
        return {
          kind: e.kind,
          index: i,
          id: e.id,
          title: e.title,
          slot: e.slot,
          branches: e.branches,
        };
      case 'competitorCopy':
        return {
          kind: e.kind,
          index: i,
          id: e.id,
          title: e.title,
          slot: e.slot,
          probability: e.probability,
          item: index.get(e.item) ?? -1,
          decay: e.decay,
        };
      case 'cascade':
        return {
          kind: e.kind,
          index: i,
          id: e.id,
          title: e.title,
          fromSlot: e.fromSlot,
          probability: e.probability,
          loss: e.loss,
          csat: e.csat,
          downtime: e.downtimeMinutes,
          mitigations: e.mitigations.map((m) => ({
            item: index.get(m.item) ?? -1,
            reduction: m.reduction,
          })),
        };
    }
  });

  const openedBy = new Map<number, number>();
  for (const e of events)
    if (e.kind === 'injectItem' && e.opens >= 0) openedBy.set(e.opens, e.index);
  const vulns: CompiledVuln[] = vulnList.map((v, i) => {
    const band =
      v.cvss >= 9
        ? k.hazardCritical
        : v.cvss >= 7
          ? k.hazardHigh
          : v.cvss >= 4
            ? k.hazardMedium
            : k.hazardLow;
    const defaultHalfLife = v.cvss >= 9 && v.internetFacing ? k.halfLifeCritical : k.halfLife;
    return {
      id: v.id,
      title: v.title,
      cvss: v.cvss,
      hMax: band,
      halfLife: v.halfLife === undefined ? defaultHalfLife : v.halfLife / k.scale,
      disclosed: v.disclosedSlot,
      openedBy: openedBy.get(i) ?? -1,
    };
  });

  let demand: number[] | null = null;
  let demandAhead: Compiled['demandAhead'] = null;
  let season = Array.from({ length: slots }, () => 1);
  if (scenario.demand) {
    const d = scenario.demand;
    season = perSlot(d.seasonality, slots, () => 1);
    demand = season.map((s, t) => d.rho0 * Math.pow(1 + d.growth, t) * s);
    const perYear = scenario.time.slotsPerYear;
    demandAhead = Array.from({ length: terminalSlots(k, perYear) }, (_, j) => {
      const t = slots + j;
      const ahead = season[t - perYear] ?? season[slots - 1] ?? 1;
      return { demand: d.rho0 * Math.pow(1 + d.growth, t) * ahead, season: ahead };
    });
  }

  const applicable: Record<Metric, boolean> = {
    revenue: true,
    csat: true,
    // Capacity health (1 − drag at the end) is still reported, but since engine 2 the capacity the
    // remaining debt will cost is priced in net value's terminal value: scoring it too would count
    // the debt twice, so it takes no weight and has no scale.
    capacityHealth: false,
    reliability: true,
    security: true,
    compliance: scenario.obligations.length > 0,
    stakeholders: scenario.stakeholders.some((s) => s.asks.length > 0),
  };

  const threats: CompiledThreat[] = threatList.map((x) => ({
    id: x.id,
    title: x.title,
    hazard: hazardOf(x.perYear, scenario.time.slotsPerYear),
  }));
  const compiled: Compiled = {
    scenario,
    id: scenario.id,
    slots,
    slotsPerYear: scenario.time.slotsPerYear,
    labels: scenario.time.labels,
    capacity,
    ktlo,
    streams: scenario.team.streams ?? DEFAULT_STREAMS,
    k,
    items,
    index,
    vulns,
    threats,
    threatHazard: threats.map((x) => x.hazard),
    obligations: scenario.obligations.map((o) => ({
      id: o.id,
      title: o.title,
      deadline: o.deadlineSlot,
      observation: o.observationSlots,
      penalty: o.penalty,
    })),
    deals: scenario.deals.map((d) => ({
      id: d.id,
      title: d.title,
      arr: d.arr,
      obligation: obligationIndex.get(d.obligation) ?? -1,
      fromSlot: d.fromSlot,
      loss: d.lossPerSlot === undefined ? k.dealLossPerSlot : d.lossPerSlot,
    })),
    stakeholders: scenario.stakeholders.map((s) => ({
      id: s.id,
      name: s.name,
      influence: s.influence,
      asks: s.asks.map((a): CompiledAsk => {
        const found = renegotiations.get(askKey(s.id, a.item));
        return {
          item: index.get(a.item) ?? -1,
          bySlot: a.bySlot,
          ...(found === undefined
            ? {}
            : {
                terms: {
                  talk: found.talk,
                  scope:
                    found.terms.scope === undefined ? -1 : (index.get(found.terms.scope) ?? -1),
                  bySlot: found.terms.bySlot ?? a.bySlot,
                  credit: 1 - found.terms.trust,
                },
              }),
        };
      }),
    })),
    demand,
    season,
    demandAhead,
    peakShare: scenario.demand?.peakShare ?? 0,
    costPerMinute: scenario.reliability?.costPerMinute ?? 0,
    sloBudget: k.sloBudgetMinutes,
    freezeOnBlownBudget: scenario.reliability?.freezeOnBlownBudget ?? false,
    sle: scenario.security?.sle ?? 0,
    csatReference: scenario.start.csat,
    pointValue: scenario.team.pointValue ?? pointValueOf(items),
    events,
    feeItems: items.filter((i) => i.feePerSlot > 0).map((i) => i.index),
    sliced: items.filter((i) => i.mvp >= 0).map((i) => i.index),
    endOfSlotItems: items
      .filter(
        (i) => (i.urgency === 2 && i.penalty > 0) || (i.must && i.mustPenalty > 0) || i.csat > 0,
      )
      .map((i) => i.index),
    injectEvents: events.filter(
      (e): e is Extract<CompiledEvent, { kind: 'injectItem' }> => e.kind === 'injectItem',
    ),
    branching: events.filter((e) => {
      if (e.kind === 'cascade') return false;
      if (e.kind === 'demandSpike') return e.branches.filter((b) => b.probability > 0).length > 1;
      return e.probability > 0 && e.probability < 1;
    }),
    applicable,
    weights: effectiveWeights(applicable, scenario.scoring.weights),
  };
  if (!overrides) cache.set(scenario, compiled);
  return compiled;
}

/** Numeric code of an item type, in `ITEM_TYPES` order. */
export function typeCode(type: ItemType): number {
  return ITEM_TYPES.indexOf(type);
}
