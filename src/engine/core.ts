/**
 * The slot-by-slot simulation (MODEL.md §4), on a compiled scenario.
 *
 * One function runs one branch of the world: a queue of planned items, the actual effort of
 * each item, which scripted events fire, and the dice for incidents, breaches and cascades
 * (or none: expected mode uses expectations instead of draws). It records a full trace only when
 * asked, so the par search can call it hundreds of thousands of times a second.
 *
 * Per slot t:
 *  1. drag = D/(D+H); C0 = max(0, capacity·(1−drag) − KTLO − firefighting)
 *  2. o = clamp(W/C0 − 1, 0, 2) for the work W queued so far; C = C0/(1 + θ·o)
 *  3. pour C into eligible items in queue order; completion time τ = t + used/C
 *  4. integrate revenue, fees, overload, incident intensity and breach survival between
 *     completions (state is piecewise constant inside a slot)
 *  5. apply each completion's effects at τ
 *  6–11. incidents, breach, cascades, obligations, deals, deadlines, must-be gaps, delighter
 *     decay, CSAT reversion and churn at the end of the slot
 *  12. debt interest and pressure, slack pays debt down
 */
import type { Compiled } from './compile.ts';
import { poissonInverse } from './rng.ts';

/** A queue: item indexes in order with the slot each was planned for. */
export interface Queue {
  items: number[];
  slots: number[];
}

/** The world one run lives in. */
export interface RunEnv {
  /** True when incidents, breaches and cascades are drawn from dice. */
  seeded: boolean;
  /** Actual effort per item index. */
  effort: number[];
  /**
   * Outcome per event index: 1 fired / 0 not (injectItem, competitorCopy), or the chosen branch
   * index (demandSpike). Cascades are not listed here (they are per-slot hazards).
   */
  choice: number[];
  /**
   * With `seeded`, how many leading slots use the dice (round-by-round play reveals the year slot
   * by slot; later slots use expectations). Default: all.
   */
  revealedSlots?: number;
  /** Rolls per slot (seeded mode). */
  incidentDice: number[] | null;
  breachDice: number[] | null;
  /** Per event index, rolls per slot (cascades) or the roll at the event's slot. */
  eventDice: number[][] | null;
}

/** A change of state and what caused it. */
export interface Cause {
  target:
    | 'arr'
    | 'csat'
    | 'debt'
    | 'systemCapacity'
    | 'incidentRate'
    | 'breachHazard'
    | 'money'
    | 'vulnerability';
  delta: number;
  /** The item that caused it, when an item did. */
  item?: string;
  /** The mechanism: completion, churn, breach, incidents, overload, interest, slack… */
  mechanism: string;
}

/** Everything recorded about one slot of one run. Money in dollars, effort in points. */
export interface SlotTrace {
  slot: number;
  label: string;
  /** Nominal capacity (points). */
  capacity: number;
  ktlo: number;
  dragLost: number;
  firefighting: number;
  thrash: number;
  delivered: number;
  slack: number;
  /** Capacity that KTLO and firefighting claimed beyond what was left after drag. */
  shortfall: number;
  /** Effective capacity before thrash (C0) and after it (C). */
  effectiveCapacity: number;
  workingCapacity: number;
  /** Work queued for this slot or earlier at its start (points). */
  load: number;
  overcommit: number;
  drag: number;
  debtStart: number;
  debtEnd: number;
  utilization: number;
  peakUtilization: number;
  shed: number;
  incidents: number;
  incidentRate: number;
  downtimeMinutes: number;
  overloadMinutes: number;
  sloMinutes: number;
  sloBudget: number;
  frozen: boolean;
  breachProbability: number;
  breaches: number;
  arrStart: number;
  arrEnd: number;
  csatStart: number;
  csatEnd: number;
  revenue: number;
  outageCost: number;
  overloadLoss: number;
  breachCost: number;
  fines: number;
  fees: number;
  cascadeLoss: number;
  dealArr: number;
  /** Items finished in this slot, with their completion time τ (slot + fraction). */
  completed: { id: string; at: number }[];
  /** Breach probability contributed by each open vulnerability this slot. */
  vulnerabilityRisk: { id: string; probability: number }[];
  causes: Cause[];
}

/** Something that happened (or could have) in a run, with what drove it. */
export interface EventRecord {
  slot: number;
  kind:
    | 'incidents'
    | 'breach'
    | 'overload'
    | 'injectItem'
    | 'demandSpike'
    | 'competitorCopy'
    | 'cascade'
    | 'freeze';
  title: string;
  /** Probability (or expected count for incidents). */
  probability: number;
  /** The roll that decided it, in seeded mode. */
  roll: number | null;
  /** 1/0 for yes/no events, a count for incidents, the multiplier for spikes. */
  outcome: number;
  detail: string;
}

export interface Recorder {
  slots: SlotTrace[];
  events: EventRecord[];
}

/** What one run produced: raw metrics, the ledger and per-item/obligation facts. */
export interface RunResult {
  revenueNet: number;
  csat: number;
  capacityHealth: number;
  downtime: number;
  securityLoss: number;
  complianceMet: number;
  complianceTotal: number;
  stakeholderAlignment: number;
  ledger: Ledger;
  endDebt: number;
  endArr: number;
  /** Completion time per item index (Infinity when not done). */
  doneAt: number[];
  startedAt: number[];
  /** Value multiplier per item from its urgency profile (NaN when not done). */
  valueFactor: number[];
  /** Report time per obligation (Infinity when never). */
  reportAt: number[];
  /** Points delivered, lost to drag, thrash, firefighting, KTLO, and idle. */
  totals: CapacityTotals;
  residualExposure: number;
}

export interface Ledger {
  revenue: number;
  outage: number;
  overload: number;
  breach: number;
  fines: number;
  fees: number;
  cascade: number;
  terminal: number;
  dealArr: number;
  net: number;
}

export interface CapacityTotals {
  capacity: number;
  delivered: number;
  dragLost: number;
  thrash: number;
  firefighting: number;
  ktlo: number;
  slack: number;
}

const EPS = 1e-9;

/** Builds the queue for a plan given as item indexes per slot, in slot-major order. */
export function buildQueue(c: Compiled, slots: readonly (readonly string[])[], env: RunEnv): Queue {
  const items: number[] = [];
  const plannedSlots: number[] = [];
  const seen = new Uint8Array(c.items.length);
  // Injected items appear only when their event fires, never before its slot.
  const firedAt = new Map<number, number>();
  for (const e of c.injectEvents) {
    if (e.item >= 0 && env.choice[e.index] === 1) firedAt.set(e.item, e.slot);
  }
  const limit = Math.min(slots.length, c.slots);
  for (let s = 0; s < limit; s++) {
    const ids = slots[s] ?? [];
    for (let j = 0; j < ids.length; j++) {
      const idx = c.index.get(ids[j] as string);
      if (idx === undefined || seen[idx]) continue;
      const item = c.items[idx]!;
      let slot = s;
      if (item.injected) {
        const at = firedAt.get(idx);
        if (at === undefined) continue;
        slot = Math.max(s, at);
      }
      seen[idx] = 1;
      items.push(idx);
      plannedSlots.push(slot);
    }
  }
  if (firedAt.size === 0) return { items, slots: plannedSlots };
  // A fired injection the plan does not place is expedited: it goes to the front of the queue.
  const expedite = [...firedAt.entries()].filter(([idx]) => !seen[idx]).sort((a, b) => b[1] - a[1]);
  for (const [idx, at] of expedite) {
    items.unshift(idx);
    plannedSlots.unshift(at);
  }
  return { items, slots: plannedSlots };
}

/**
 * The mutable state of one run. One instance per compiled scenario is reused across runs (the
 * engine is synchronous and single-threaded), so the search's hot loop allocates almost nothing.
 */
class RunState {
  // Per queue entry and per item.
  remaining: Float64Array;
  doneAt: Float64Array;
  startedAt: Float64Array;
  valueFactor: Float64Array;
  bonus: Float64Array;
  copyStart: Float64Array;
  copyDecay: Float64Array;
  // Per vulnerability, obligation, deal, slot.
  openFrom: Float64Array;
  closedAt: Float64Array;
  vulnRisk: Float64Array;
  reportAt: Float64Array;
  partsLeft: Int32Array;
  lastPart: Float64Array;
  dealAdded: Uint8Array;
  spike: Float64Array;
  // Scalars.
  D = 0;
  ARR = 0;
  CSAT = 0;
  S = 1;
  kappa = 1;
  pi = 1;
  // Per-slot accumulators of the segment integrator.
  segRevenue = 0;
  segFees = 0;
  segOverload = 0;
  segOverloadMin = 0;
  segOverloadCsat = 0;
  segLambda = 0;
  segLogSurvival = 0;
  segUtil = 0;
  segPeak = 0;
  segShed = 0;
  causes: Cause[] | null = null;

  constructor(c: Compiled) {
    const n = c.items.length;
    this.remaining = new Float64Array(n);
    this.doneAt = new Float64Array(n);
    this.startedAt = new Float64Array(n);
    this.valueFactor = new Float64Array(n);
    this.bonus = new Float64Array(n);
    this.copyStart = new Float64Array(n);
    this.copyDecay = new Float64Array(n);
    this.openFrom = new Float64Array(c.vulns.length);
    this.closedAt = new Float64Array(c.vulns.length);
    this.vulnRisk = new Float64Array(c.vulns.length);
    this.reportAt = new Float64Array(c.obligations.length);
    this.partsLeft = new Int32Array(c.obligations.length);
    this.lastPart = new Float64Array(c.obligations.length);
    this.dealAdded = new Uint8Array(c.deals.length);
    this.spike = new Float64Array(c.slots);
  }

  reset(c: Compiled, queue: Queue, env: RunEnv): void {
    this.doneAt.fill(Infinity);
    this.startedAt.fill(Infinity);
    this.valueFactor.fill(NaN);
    this.bonus.fill(0);
    this.copyStart.fill(Infinity);
    this.copyDecay.fill(0);
    for (let q = 0; q < queue.items.length; q++) {
      const idx = queue.items[q]!;
      this.remaining[q] = c.items[idx]!.injected ? NaN : (env.effort[idx] ?? 0);
    }
    for (let v = 0; v < c.vulns.length; v++) {
      const vuln = c.vulns[v]!;
      this.openFrom[v] = vuln.openedBy >= 0 ? Infinity : vuln.disclosed;
    }
    this.closedAt.fill(Infinity);
    this.reportAt.fill(Infinity);
    this.partsLeft.fill(0);
    this.lastPart.fill(0);
    for (const item of c.items) if (item.obligation >= 0) this.partsLeft[item.obligation]! += 1;
    this.dealAdded.fill(0);
    this.spike.fill(1);
    this.D = c.scenario.start.debt;
    this.ARR = c.scenario.start.arr;
    this.CSAT = c.scenario.start.csat;
    this.S = 1;
    this.kappa = 1;
    this.pi = 1;
  }
}

const states = new WeakMap<Compiled, RunState>();

function stateFor(c: Compiled): RunState {
  let st = states.get(c);
  if (!st) {
    st = new RunState(c);
    states.set(c, st);
  }
  return st;
}

/** Integrates revenue, fees, overload, incident intensity and breach survival over [a, b) of slot t. */
function integrate(
  c: Compiled,
  st: RunState,
  t: number,
  a: number,
  b: number,
  record: boolean,
): void {
  const dt = b - a;
  if (dt <= 0) return;
  const k = c.k;
  st.segRevenue += (st.ARR * dt) / c.slotsPerYear;
  for (let j = 0; j < c.feeItems.length; j++) {
    const i = c.feeItems[j]!;
    const item = c.items[i]!;
    if (t >= item.feeFrom && st.doneAt[i] === Infinity) st.segFees += item.feePerSlot * dt;
  }
  let rho = k.rhoRef;
  if (c.demand) {
    rho = ((c.demand[t] ?? 0) * st.spike[t]!) / st.S;
    if (rho > 1) {
      const shed = 1 - 1 / rho;
      st.segOverload += ((shed * c.peakShare * st.ARR) / c.slotsPerYear) * (c.season[t] ?? 1) * dt;
      st.segOverloadMin += shed * k.overloadMinutes * dt;
      st.segOverloadCsat += shed * k.overloadCsat * dt;
      st.segShed += shed * dt;
    }
  }
  st.segUtil += rho * dt;
  if (rho > st.segPeak) st.segPeak = rho;
  const r = rho < 0 ? 0 : rho > k.rhoCap ? k.rhoCap : rho;
  st.segLambda +=
    k.incidentBase *
    (1 + (k.debtIncidentFactor * st.D) / k.debtHalf) *
    ((1 - k.rhoRef) / (1 - r)) *
    st.kappa *
    dt;
  let logS = 0;
  for (let v = 0; v < c.vulns.length; v++) {
    if (st.openFrom[v]! > t || st.closedAt[v] !== Infinity) continue;
    const vuln = c.vulns[v]!;
    const age = t - st.openFrom[v]!;
    let h = vuln.hMax * (1 - Math.pow(0.5, (age + 1) / vuln.halfLife)) * st.pi;
    if (h > 0.999999) h = 0.999999;
    const l = Math.log(1 - h) * dt;
    logS += l;
    if (record) st.vulnRisk[v]! += l;
  }
  let hb = ((k.stalenessHazard * st.D) / k.debtHalf) * st.pi;
  if (hb > 0.999999) hb = 0.999999;
  logS += Math.log(1 - hb) * dt;
  st.segLogSurvival += logS;
}

/** Applies an item's completion effects at time tau (slot t). */
function complete(c: Compiled, st: RunState, idx: number, tau: number, t: number): void {
  const item = c.items[idx]!;
  const k = c.k;
  const causes = st.causes;
  st.doneAt[idx] = tau;
  let u = 1;
  if (item.urgency === 1) {
    const late = tau - item.urgencySlot;
    u = late > 0 ? Math.pow(1 - item.urgencyRate, late) : 1;
  } else if (item.urgency === 2) {
    u = tau <= item.urgencySlot + 1 + EPS ? 1 : item.urgencyRate;
  }
  st.valueFactor[idx] = u;
  const arrGain = item.arr * u;
  if (arrGain !== 0) {
    st.ARR += arrGain;
    causes?.push({ target: 'arr', delta: arrGain, item: item.id, mechanism: 'completion' });
  }
  let csatGain = item.csat;
  if (csatGain !== 0) {
    if (st.copyStart[idx]! <= t)
      csatGain *= Math.pow(1 - st.copyDecay[idx]!, t - st.copyStart[idx]!);
    st.CSAT += csatGain;
    st.bonus[idx] = csatGain;
    causes?.push({ target: 'csat', delta: csatGain, item: item.id, mechanism: 'completion' });
  }
  if (item.debtAdd !== 0 || item.debtRemove !== 0) {
    const before = st.D;
    st.D = Math.max(
      Math.min(st.D, k.debtFloor),
      st.D + item.debtAdd - k.paydownEfficiency * item.debtRemove,
    );
    causes?.push({ target: 'debt', delta: st.D - before, item: item.id, mechanism: 'completion' });
  }
  if (item.capacityAdd !== 0) {
    st.S *= 1 + item.capacityAdd;
    causes?.push({
      target: 'systemCapacity',
      delta: item.capacityAdd,
      item: item.id,
      mechanism: 'completion',
    });
  }
  if (item.incidentReduction !== 0) {
    st.kappa *= 1 - item.incidentReduction;
    causes?.push({
      target: 'incidentRate',
      delta: -item.incidentReduction,
      item: item.id,
      mechanism: 'completion',
    });
  }
  if (item.postureReduction !== 0) {
    st.pi *= 1 - item.postureReduction;
    causes?.push({
      target: 'breachHazard',
      delta: -item.postureReduction,
      item: item.id,
      mechanism: 'completion',
    });
  }
  for (let j = 0; j < item.closes.length; j++) {
    const v = item.closes[j]!;
    if (st.closedAt[v] === Infinity) {
      st.closedAt[v] = tau;
      causes?.push({
        target: 'vulnerability',
        delta: -1,
        item: item.id,
        mechanism: `closes ${c.vulns[v]!.id}`,
      });
    }
  }
  if (item.obligation >= 0) {
    const o = item.obligation;
    st.partsLeft[o]! -= 1;
    if (tau > st.lastPart[o]!) st.lastPart[o] = tau;
    if (st.partsLeft[o] === 0) st.reportAt[o] = st.lastPart[o]! + c.obligations[o]!.observation;
  }
}

/**
 * Runs one branch of the simulation.
 * @param rec pass a recorder to get the per-slot trace and event log (slower).
 * @param detail false to skip copying per-item arrays (doneAt… come back empty): the search's
 *   hot path needs only the metrics.
 */
export function runCore(
  c: Compiled,
  queue: Queue,
  env: RunEnv,
  rec: Recorder | null,
  detail = true,
): RunResult {
  const k = c.k;
  const T = c.slots;
  const n = queue.items.length;
  const H = k.debtHalf;
  const st = stateFor(c);
  st.reset(c, queue, env);
  const {
    remaining,
    doneAt,
    startedAt,
    bonus,
    copyStart,
    copyDecay,
    openFrom,
    closedAt,
    reportAt,
    spike,
  } = st;
  const nV = c.vulns.length;
  const nO = c.obligations.length;
  const record = rec !== null;

  let ff = 0;
  let frozen = false;
  let revenueAcc = 0;
  let outageAcc = 0;
  let overloadAcc = 0;
  let breachAcc = 0;
  let finesAcc = 0;
  let feesAcc = 0;
  let cascadeAcc = 0;
  let dealAcc = 0;
  let downtimeAcc = 0;
  let complianceMet = 0;
  const totals: CapacityTotals = {
    capacity: 0,
    delivered: 0,
    dragLost: 0,
    thrash: 0,
    firefighting: 0,
    ktlo: 0,
    slack: 0,
  };

  for (let t = 0; t < T; t++) {
    const dice = env.seeded && t < (env.revealedSlots ?? Infinity);
    st.causes = record ? [] : null;
    const causes = st.causes;
    if (record) st.vulnRisk.fill(0);
    const arrStart = st.ARR;
    const csatStart = st.CSAT;
    const debtStart = st.D;

    // Scripted events at the start of the slot.
    for (let e = 0; e < c.events.length; e++) {
      const ev = c.events[e]!;
      if (ev.kind === 'cascade' || ev.slot !== t) continue;
      const choice = env.choice[e] ?? 0;
      const roll = dice && env.eventDice ? (env.eventDice[e]?.[t] ?? null) : null;
      if (ev.kind === 'injectItem') {
        if (choice === 1) {
          let factor = 1;
          if (ev.prepared.length > 0 && ev.prepared.every((p) => doneAt[p]! <= t + EPS))
            factor = ev.effortFactor;
          for (let q = 0; q < n; q++) {
            if (queue.items[q] === ev.item) remaining[q] = (env.effort[ev.item] ?? 0) * factor;
          }
          if (ev.opens >= 0) openFrom[ev.opens] = t;
        }
        rec?.events.push({
          slot: t,
          kind: 'injectItem',
          title: ev.title,
          probability: ev.probability,
          roll,
          outcome: choice,
          detail:
            choice === 1
              ? `${c.items[ev.item]?.title ?? ''} was added to the queue`
              : 'did not happen',
        });
      } else if (ev.kind === 'demandSpike') {
        const branch = ev.branches[choice] ?? ev.branches[0]!;
        spike[t] = branch.multiplier;
        rec?.events.push({
          slot: t,
          kind: 'demandSpike',
          title: ev.title,
          probability: branch.probability,
          roll,
          outcome: branch.multiplier,
          detail: `demand ×${branch.multiplier}`,
        });
      } else {
        if (choice === 1 && ev.item >= 0) {
          copyStart[ev.item] = t;
          copyDecay[ev.item] = ev.decay;
        }
        rec?.events.push({
          slot: t,
          kind: 'competitorCopy',
          title: ev.title,
          probability: ev.probability,
          roll,
          outcome: choice,
          detail:
            choice === 1
              ? `${c.items[ev.item]?.title ?? ''} starts losing its edge`
              : 'did not happen',
        });
      }
    }

    // 1. Debt drag and effective capacity.
    const cap = c.capacity[t] ?? 0;
    const ktlo = c.ktlo[t] ?? 0;
    const drag = st.D / (st.D + H);
    const dragLost = cap * drag;
    const c0raw = cap - dragLost - ktlo - ff;
    const C0 = c0raw > 0 ? c0raw : 0;

    // 2. Over-commitment and thrash.
    let W = 0;
    for (let q = 0; q < n; q++) {
      const idx = queue.items[q]!;
      if (doneAt[idx] !== Infinity || queue.slots[q]! > t || c.items[idx]!.notBefore > t) continue;
      const r = remaining[q]!;
      if (r > 0) W += r;
    }
    let o = C0 > 0 ? W / C0 - 1 : W > 0 ? 2 : 0;
    if (o < 0) o = 0;
    else if (o > 2) o = 2;
    const C = C0 / (1 + k.thrash * o);

    // 3–5. Work the queue, integrating state between completions.
    st.segRevenue = st.segFees = st.segOverload = st.segOverloadMin = st.segOverloadCsat = 0;
    st.segLambda = st.segLogSurvival = st.segUtil = st.segPeak = st.segShed = 0;
    let used = 0;
    let segStart = 0;
    const completedHere: { id: string; at: number }[] | null = record ? [] : null;
    if (C > EPS) {
      let q = 0;
      let blockedEarlier = false;
      while (q < n && used < C - EPS) {
        const idx = queue.items[q]!;
        const item = c.items[idx]!;
        const r = remaining[q]!;
        if (
          doneAt[idx] !== Infinity ||
          queue.slots[q]! > t ||
          item.notBefore > t ||
          !(r >= 0) ||
          (frozen && item.type === 'feature')
        ) {
          q++;
          continue;
        }
        let ready = true;
        for (let d = 0; d < item.deps.length; d++) {
          if (doneAt[item.deps[d]!] === Infinity) {
            ready = false;
            break;
          }
        }
        if (!ready) {
          blockedEarlier = true;
          q++;
          continue;
        }
        const work = r < C - used ? r : C - used;
        if (startedAt[idx] === Infinity) startedAt[idx] = t + used / C;
        used += work;
        remaining[q] = r - work;
        if (r - work <= EPS) {
          const f = used / C > 1 ? 1 : used / C;
          integrate(c, st, t, segStart, f, record);
          segStart = f;
          complete(c, st, idx, t + f, t);
          completedHere?.push({ id: item.id, at: t + f });
          if (blockedEarlier) {
            q = 0;
            blockedEarlier = false;
            continue;
          }
        }
        q++;
      }
    }
    integrate(c, st, t, segStart, 1, record);
    const idle = C - used > 0 ? C - used : 0;

    // 7. Incidents.
    const lambda = st.segLambda;
    const incidents =
      dice && env.incidentDice ? poissonInverse(lambda, env.incidentDice[t] ?? 0) : lambda;
    const downtime = incidents * k.incidentMinutes;
    const outage = downtime * c.costPerMinute;
    st.CSAT -= incidents * k.csatPerIncident;
    const ffNext = incidents * k.firefightingPerIncident;

    // 8. Breach.
    const pBreach = 1 - Math.exp(st.segLogSurvival);
    const breachRoll = dice && env.breachDice ? (env.breachDice[t] ?? 1) : null;
    const breaches = breachRoll === null ? pBreach : breachRoll < pBreach ? 1 : 0;
    const breachCost = breaches * c.sle;
    if (breaches > 0) {
      const arrLoss = st.ARR * breaches * k.breachChurn;
      st.ARR -= arrLoss;
      st.CSAT -= breaches * k.breachCsat;
      causes?.push({ target: 'arr', delta: -arrLoss, mechanism: 'breach' });
      causes?.push({ target: 'csat', delta: -breaches * k.breachCsat, mechanism: 'breach' });
    }

    // 6. Overload effects on satisfaction.
    st.CSAT -= st.segOverloadCsat;

    // Cascades: a rare large loss unless mitigations are done.
    let cascadeLoss = 0;
    let cascadeMinutes = 0;
    for (let e = 0; e < c.events.length; e++) {
      const ev = c.events[e]!;
      if (ev.kind !== 'cascade' || t < ev.fromSlot) continue;
      // A mitigation protects the share of the slot after it is done.
      let p = ev.probability;
      for (const m of ev.mitigations) {
        if (m.item < 0) continue;
        const covered = Math.max(0, Math.min(1, t + 1 - doneAt[m.item]!));
        p *= 1 - m.reduction * covered;
      }
      const roll = dice && env.eventDice ? (env.eventDice[e]?.[t] ?? 1) : null;
      const x = roll === null ? p : roll < p ? 1 : 0;
      cascadeLoss += x * ev.loss;
      cascadeMinutes += x * ev.downtime;
      st.CSAT -= x * ev.csat;
      if (x > 0)
        causes?.push({ target: 'money', delta: -x * ev.loss, mechanism: `cascade ${ev.id}` });
      rec?.events.push({
        slot: t,
        kind: 'cascade',
        title: ev.title,
        probability: p,
        roll,
        outcome: x,
        detail:
          ev.mitigations.length > 0
            ? `reduced by ${ev.mitigations.map((m) => c.items[m.item]?.title ?? '').join(', ')}`
            : 'no mitigation',
      });
    }

    const sloMinutes = downtime + st.segOverloadMin + cascadeMinutes;
    const freezeNext = c.freezeOnBlownBudget && sloMinutes > c.sloBudget + EPS;

    // 9. Obligations and gated deals.
    let fines = 0;
    for (let ob = 0; ob < nO; ob++) {
      const obl = c.obligations[ob]!;
      if (obl.deadline !== t) continue;
      if (reportAt[ob]! <= t + 1 + EPS) complianceMet += 1;
      else {
        fines += obl.penalty;
        if (obl.penalty > 0)
          causes?.push({ target: 'money', delta: -obl.penalty, mechanism: `missed ${obl.id}` });
      }
    }
    let dealArr = 0;
    for (let d = 0; d < c.deals.length; d++) {
      const deal = c.deals[d]!;
      if (st.dealAdded[d] || deal.obligation < 0) continue;
      const ra = reportAt[deal.obligation]!;
      if (ra <= t + 1 + EPS && t + 1 >= deal.fromSlot) {
        st.dealAdded[d] = 1;
        const late = ra - deal.fromSlot > 0 ? ra - deal.fromSlot : 0;
        const share = 1 - deal.loss * late;
        const gain = share > 0 ? deal.arr * share : 0;
        st.ARR += gain;
        dealArr += gain;
        causes?.push({ target: 'arr', delta: gain, mechanism: `deal ${deal.id}` });
      }
    }

    // Deadlines missed, must-be gaps, delighter decay.
    for (let j = 0; j < c.endOfSlotItems.length; j++) {
      const i = c.endOfSlotItems[j]!;
      const item = c.items[i]!;
      const notDone = doneAt[i] === Infinity;
      if (item.urgency === 2 && item.urgencySlot === t && notDone && item.penalty > 0) {
        fines += item.penalty;
        causes?.push({
          target: 'money',
          delta: -item.penalty,
          item: item.id,
          mechanism: 'deadline missed',
        });
      }
      if (item.must && notDone && !item.injected && item.mustPenalty > 0) {
        st.CSAT -= item.mustPenalty;
        causes?.push({
          target: 'csat',
          delta: -item.mustPenalty,
          item: item.id,
          mechanism: 'must-be gap',
        });
      }
      if (copyStart[i]! <= t && !notDone && bonus[i]! > 0) {
        const loss = bonus[i]! * copyDecay[i]!;
        bonus[i]! -= loss;
        st.CSAT -= loss;
        causes?.push({
          target: 'csat',
          delta: -loss,
          item: item.id,
          mechanism: 'delighter copied',
        });
      }
    }

    // 11. CSAT reversion and churn.
    const reversion = k.csatReversion * (c.csatReference - st.CSAT);
    st.CSAT += reversion;
    if (st.CSAT < 0) st.CSAT = 0;
    else if (st.CSAT > 100) st.CSAT = 100;
    const gap = c.csatReference - st.CSAT;
    const churn = k.churnBase + (k.churnSensitivity * (gap > 0 ? gap : 0)) / 100;
    const churned = st.ARR * (churn < 1 ? churn : 1);
    st.ARR -= churned;

    // 12. Debt interest, pressure, slack.
    const interest = st.D * k.debtInterest;
    const pressure = k.pressureDebt * o * C;
    st.D += interest + pressure;
    const slackPay = k.slackEfficiency * idle;
    const beforeSlack = st.D;
    st.D = Math.max(Math.min(st.D, k.debtFloor), st.D - slackPay);

    revenueAcc += st.segRevenue;
    outageAcc += outage;
    overloadAcc += st.segOverload;
    breachAcc += breachCost;
    finesAcc += fines;
    feesAcc += st.segFees;
    cascadeAcc += cascadeLoss;
    dealAcc += dealArr;
    downtimeAcc += sloMinutes;

    const ktloUsed = Math.min(ktlo, Math.max(0, cap - dragLost));
    const ffUsed = Math.min(ff, Math.max(0, cap - dragLost - ktloUsed));
    totals.capacity += cap;
    totals.delivered += used;
    totals.dragLost += dragLost;
    totals.thrash += C0 - C;
    totals.firefighting += ffUsed;
    totals.ktlo += ktloUsed;
    totals.slack += idle;

    if (rec && causes) {
      if (churned > 0) causes.push({ target: 'arr', delta: -churned, mechanism: 'churn' });
      if (reversion !== 0)
        causes.push({ target: 'csat', delta: reversion, mechanism: 'reversion' });
      if (incidents > 0)
        causes.push({
          target: 'csat',
          delta: -incidents * k.csatPerIncident,
          mechanism: 'incidents',
        });
      if (st.segOverloadCsat > 0)
        causes.push({ target: 'csat', delta: -st.segOverloadCsat, mechanism: 'overload' });
      if (interest > 0) causes.push({ target: 'debt', delta: interest, mechanism: 'interest' });
      if (pressure > 0) causes.push({ target: 'debt', delta: pressure, mechanism: 'pressure' });
      if (beforeSlack !== st.D)
        causes.push({ target: 'debt', delta: st.D - beforeSlack, mechanism: 'slack' });
      const risk: { id: string; probability: number }[] = [];
      for (let v = 0; v < nV; v++) {
        if (st.vulnRisk[v] !== 0)
          risk.push({ id: c.vulns[v]!.id, probability: 1 - Math.exp(st.vulnRisk[v]!) });
      }
      rec.slots.push({
        slot: t,
        label: c.labels[t] ?? `Slot ${t + 1}`,
        capacity: cap,
        ktlo: ktloUsed,
        dragLost,
        firefighting: ffUsed,
        thrash: C0 - C,
        delivered: used,
        slack: idle,
        shortfall: c0raw < 0 ? -c0raw : 0,
        effectiveCapacity: C0,
        workingCapacity: C,
        load: W,
        overcommit: o,
        drag,
        debtStart,
        debtEnd: st.D,
        utilization: c.demand ? st.segUtil : 0,
        peakUtilization: c.demand ? st.segPeak : 0,
        shed: st.segShed,
        incidents,
        incidentRate: lambda,
        downtimeMinutes: downtime + cascadeMinutes,
        overloadMinutes: st.segOverloadMin,
        sloMinutes,
        sloBudget: c.sloBudget,
        frozen,
        breachProbability: pBreach,
        breaches,
        arrStart,
        arrEnd: st.ARR,
        csatStart,
        csatEnd: st.CSAT,
        revenue: st.segRevenue,
        outageCost: outage,
        overloadLoss: st.segOverload,
        breachCost,
        fines,
        fees: st.segFees,
        cascadeLoss,
        dealArr,
        completed: completedHere ?? [],
        vulnerabilityRisk: risk,
        causes,
      });
      if (lambda > 0)
        rec.events.push({
          slot: t,
          kind: 'incidents',
          title: 'Incidents',
          probability: lambda,
          roll: dice ? (env.incidentDice?.[t] ?? null) : null,
          outcome: incidents,
          detail: `expected ${lambda.toFixed(2)} at utilization ${(c.demand ? st.segUtil : k.rhoRef).toFixed(2)} and debt ${debtStart.toFixed(0)}`,
        });
      if (pBreach > 0.0005)
        rec.events.push({
          slot: t,
          kind: 'breach',
          title: 'Security breach',
          probability: pBreach,
          roll: breachRoll,
          outcome: breaches,
          detail:
            risk.length > 0
              ? `open: ${risk.map((r) => r.id).join(', ')}`
              : 'stale dependencies (debt)',
        });
      if (st.segShed > 0)
        rec.events.push({
          slot: t,
          kind: 'overload',
          title: 'Overload',
          probability: 1,
          roll: null,
          outcome: st.segShed,
          detail: `peak utilization ${st.segPeak.toFixed(2)}: ${(st.segShed * 100).toFixed(0)}% of demand shed`,
        });
      if (freezeNext)
        rec.events.push({
          slot: t,
          kind: 'freeze',
          title: 'Feature freeze',
          probability: 1,
          roll: null,
          outcome: 1,
          detail: `SLO budget blown (${sloMinutes.toFixed(0)} of ${c.sloBudget.toFixed(0)} min): features frozen next slot`,
        });
    }
    ff = ffNext;
    frozen = freezeNext;
  }

  // Horizon end: terminal value and residual exposure.
  const terminal = k.terminalYears * st.ARR;
  let residual = 0;
  if (c.sle > 0) {
    const horizon = Math.max(1, Math.round(k.terminalYears * c.slotsPerYear));
    let logS = 0;
    for (let v = 0; v < nV; v++) {
      if (openFrom[v]! >= T || closedAt[v] !== Infinity) continue;
      const vuln = c.vulns[v]!;
      for (let j = 0; j < horizon; j++) {
        const age = T - openFrom[v]! + j;
        const h = Math.min(
          0.999999,
          vuln.hMax * (1 - Math.pow(0.5, (age + 1) / vuln.halfLife)) * st.pi,
        );
        logS += Math.log(1 - h);
      }
    }
    logS += horizon * Math.log(1 - Math.min(0.999999, ((k.stalenessHazard * st.D) / H) * st.pi));
    residual = c.sle * (1 - Math.exp(logS));
  }

  let alignment = 0;
  let influence = 0;
  for (const s of c.stakeholders) {
    if (s.asks.length === 0) continue;
    let met = 0;
    for (const a of s.asks) if (a.item >= 0 && doneAt[a.item]! <= a.bySlot + 1 + EPS) met += 1;
    alignment += (s.influence * met) / s.asks.length;
    influence += s.influence;
  }

  const net =
    revenueAcc - outageAcc - overloadAcc - breachAcc - finesAcc - feesAcc - cascadeAcc + terminal;
  return {
    revenueNet: net,
    csat: st.CSAT,
    capacityHealth: 1 - st.D / (st.D + H),
    downtime: downtimeAcc,
    securityLoss: breachAcc + residual,
    complianceMet,
    complianceTotal: nO,
    stakeholderAlignment: influence > 0 ? alignment / influence : 0,
    ledger: {
      revenue: revenueAcc,
      outage: outageAcc,
      overload: overloadAcc,
      breach: breachAcc,
      fines: finesAcc,
      fees: feesAcc,
      cascade: cascadeAcc,
      terminal,
      dealArr: dealAcc,
      net,
    },
    endDebt: st.D,
    endArr: st.ARR,
    doneAt: detail ? Array.from(doneAt) : [],
    startedAt: detail ? Array.from(startedAt) : [],
    valueFactor: detail ? Array.from(st.valueFactor) : [],
    reportAt: detail ? Array.from(reportAt) : [],
    totals,
    residualExposure: residual,
  };
}
