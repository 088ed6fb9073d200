/**
 * The slot-by-slot simulation (docs/model.md, "One slot, step by step"), on a compiled scenario.
 *
 * One function runs one branch of the world: a queue of planned items, the actual effort of
 * each item, which scripted events fire, and the dice for incidents, breaches and cascades
 * (or none: expected mode uses expectations instead of draws). The search calls it hundreds of
 * thousands of times a second, so the hot loop allocates nothing.
 *
 * A run is a list of named phases over one state object (`RunState`), per slot t:
 *   scriptedEvents   an injected item, a demand spike, a copied delighter
 *   capacity         1–2. drag, C0 = max(0, capacity·(1−drag) − KTLO − firefighting);
 *                    o = clamp(W/C0 − 1, 0, 2); C = C0/(1 + θ·o)
 *   work             3–5. pour C into eligible items in queue order; τ = t + used/C; integrate
 *                    revenue, fees, overload, incident intensity and breach survival between
 *                    completions; apply each completion's effects at τ
 *   incidents        7. λ from the integral; downtime, cost, CSAT, next slot's firefighting
 *   breach           8. p = 1 − survival; cost, CSAT, ARR shock
 *   overload         6. CSAT lost to shed demand
 *   cascades         rare large losses, reduced by mitigations done in time
 *   errorBudget      SLO minutes; a blown budget may freeze features next slot
 *   obligationsAndDeals  9. deadlines met or fined; gated deals added
 *   itemsAtSlotEnd   missed deadlines, must-be gaps, delighter decay
 *   churn            11. CSAT reversion and churn
 *   debt             12. interest, pressure, slack paydown
 *   endSlot          the ledger and capacity totals
 * then `finish` values the horizon's end. Recording is beside the physics: when a recorder is
 * passed, `recordSlot` reads the finished slot's state (what each phase left there) and writes
 * the trace, its causes and events; no phase knows whether it is being recorded.
 */
import type { Compiled } from './compile.ts';
import { itemStreams, terminalSlots } from './constants.ts';
import { askCredit } from './renegotiation.ts';
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
  /**
   * ARR per item index added at completion, before urgency, where hidden facts are known (the
   * true value in a seeded run, what was revealed in a conditional one); absent: the item's
   * expected ARR (its stated ARR × confidence).
   */
  arr?: readonly number[] | undefined;
  /**
   * Each standing threat's uncontrolled hazard per slot where its likelihood is a known hidden
   * fact (the true one in a seeded run, what was revealed in a conditional one); absent: the
   * hazard of its stated chance a year.
   */
  threatHazard?: readonly number[] | undefined;
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
  /** Debt the idle capacity paid down this slot (points, ≥ 0): slack at `slackEfficiency`. */
  slackPaydown: number;
  /** Capacity that KTLO and firefighting claimed beyond what was left after drag. */
  shortfall: number;
  /** Effective capacity before thrash (C0) and after it (C). */
  effectiveCapacity: number;
  workingCapacity: number;
  /** Work queued for this slot or earlier at its start (points). */
  load: number;
  /**
   * The part of the load that competes for the team at once: each queued item counted up to the
   * C0·m/k one item can absorb (m streams of k). Over-commitment is this over C0, less one.
   */
  contendedLoad: number;
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
  /** Each standing threat's breach chance this slot (after its controls and the posture). */
  threatRisk: { id: string; probability: number }[];
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
  /**
   * Share of its own value each item delivered (NaN when not done): 1, `restValue` for a feature
   * done as the rest after its MVP slice, 0 for a slice finished after its feature started.
   */
  partValue: number[];
  /** 1 for each feature split by the plan (its MVP slice queued before it), else 0. */
  split: number[];
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
  /** One year (terminalYears) of ending ARR. */
  terminal: number;
  /** What the debt left at the end will cost in the terminal period: drag × a year of capacity × a point's value. */
  debtCarry: number;
  /**
   * What the vulnerabilities and threats left open are expected to cost in the terminal period:
   * the chance of a breach in it × (the single loss expectancy + the ARR a breach drives away, for
   * half the period on average).
   */
  openRisk: number;
  /** The revenue demand growth is expected to shed in the terminal period, against the system capacity left. */
  overloadAhead: number;
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
 * The mutable state of one run: the world (debt, ARR, CSAT, systems), per-item and per-event
 * progress, this slot's figures and the run's running totals. One instance per compiled scenario
 * is reused across runs (the engine is synchronous and single-threaded), so the search's hot loop
 * allocates almost nothing. The phases below read and write it; the recorder only reads it.
 */
class RunState {
  // Per queue entry and per item.
  remaining: Float64Array;
  doneAt: Float64Array;
  startedAt: Float64Array;
  valueFactor: Float64Array;
  /** Share of its own value each item delivered at completion (see `RunResult.partValue`). */
  partValue: Float64Array;
  /** 1 for a feature whose MVP slice is queued before it: it waits for the slice, then is the rest. */
  split: Uint8Array;
  /** Each item's queue position, -1 when not queued (scratch for `reset`). */
  queuePos: Int32Array;
  /** ARR per item index at completion (the environment's, else the compiled expectation). */
  // Stryker disable next-line ArrayDeclaration: reset() sets it before any read
  arr: readonly number[] = [];
  /** Each standing threat's uncontrolled hazard per slot (the environment's, else compiled). */
  // Stryker disable next-line ArrayDeclaration: reset() sets it before any read
  hazard: readonly number[] = [];
  bonus: Float64Array;
  copyStart: Float64Array;
  copyDecay: Float64Array;
  /** What each completion did, kept for the recorder: CSAT gained, debt changed. */
  gainCsat: Float64Array;
  debtDelta: Float64Array;
  /** CSAT a copied delighter lost, and the slot it lost it in (for the recorder). */
  copyLoss: Float64Array;
  copyLossAt: Int32Array;
  /** Items completed this slot, in order. */
  completed: Int32Array;
  completedCount = 0;
  /** Queue positions worked in the current segment of the slot (scratch for `work`). */
  active: Int32Array;
  /** Each active item's rate in points per slot (scratch for `work`). */
  rates: Float64Array;
  /**
   * Queue positions of the items not done yet, in queue order, and how many (what finished is
   * dropped at the end of each slot: until then the scans skip it).
   */
  open: Int32Array;
  openCount = 0;
  /** Items started and not done yet. */
  startedOpen = 0;
  /** Per slot t, one past the last queue position planned for t or earlier. */
  slotEnd: Int32Array;
  // Per vulnerability, obligation, deal, event, slot.
  openFrom: Float64Array;
  closedAt: Float64Array;
  closedBy: Int32Array;
  vulnRisk: Float64Array;
  /** Per threat: its hazard multiplier from the controls done, and this slot's log-survival. */
  threatFactor: Float64Array;
  threatRisk: Float64Array;
  reportAt: Float64Array;
  partsLeft: Int32Array;
  lastPart: Float64Array;
  dealAdded: Uint8Array;
  dealGain: Float64Array;
  dealAt: Int32Array;
  cascadeP: Float64Array;
  cascadeX: Float64Array;
  spike: Float64Array;
  // The world.
  D = 0;
  ARR = 0;
  CSAT = 0;
  S = 1;
  kappa = 1;
  pi = 1;
  /** Firefighting carried into this slot, and whether features are frozen in it. */
  ff = 0;
  // Stryker disable next-line BooleanLiteral: reset() sets it before any read
  frozen = false;
  // This slot, at its start.
  arrStart = 0;
  csatStart = 0;
  debtStart = 0;
  // Capacity.
  cap = 0;
  ktlo = 0;
  drag = 0;
  dragLost = 0;
  c0raw = 0;
  C0 = 0;
  W = 0;
  Wc = 0;
  o = 0;
  C = 0;
  // Work.
  used = 0;
  idle = 0;
  // The segment integrator's sums over the slot.
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
  // Incidents, breach, cascades, SLO.
  incidents = 0;
  downtime = 0;
  outage = 0;
  ffNext = 0;
  pBreach = 0;
  breaches = 0;
  breachCost = 0;
  breachArrLoss = 0;
  cascadeLoss = 0;
  cascadeMinutes = 0;
  sloMinutes = 0;
  // The error budget step sets it every slot before it is read.
  // Stryker disable next-line BooleanLiteral: equivalent, see above
  freezeNext = false;
  // Obligations, deals, satisfaction, debt.
  fines = 0;
  dealArr = 0;
  reversion = 0;
  churned = 0;
  interest = 0;
  pressure = 0;
  slackDelta = 0;
  ktloUsed = 0;
  ffUsed = 0;
  // The run's totals.
  revenueAcc = 0;
  outageAcc = 0;
  overloadAcc = 0;
  breachAcc = 0;
  finesAcc = 0;
  feesAcc = 0;
  cascadeAcc = 0;
  dealAcc = 0;
  downtimeAcc = 0;
  complianceMet = 0;
  totals: CapacityTotals = emptyTotals();

  constructor(c: Compiled) {
    const n = c.items.length;
    this.remaining = new Float64Array(n);
    this.doneAt = new Float64Array(n);
    this.startedAt = new Float64Array(n);
    this.valueFactor = new Float64Array(n);
    this.partValue = new Float64Array(n);
    this.split = new Uint8Array(n);
    this.queuePos = new Int32Array(n);
    this.bonus = new Float64Array(n);
    this.copyStart = new Float64Array(n);
    this.copyDecay = new Float64Array(n);
    this.gainCsat = new Float64Array(n);
    this.debtDelta = new Float64Array(n);
    this.copyLoss = new Float64Array(n);
    this.copyLossAt = new Int32Array(n);
    this.completed = new Int32Array(n);
    this.active = new Int32Array(n);
    this.rates = new Float64Array(n);
    this.open = new Int32Array(n);
    this.openFrom = new Float64Array(c.vulns.length);
    this.closedAt = new Float64Array(c.vulns.length);
    this.closedBy = new Int32Array(c.vulns.length);
    this.vulnRisk = new Float64Array(c.vulns.length);
    this.threatFactor = new Float64Array(c.threats.length);
    this.threatRisk = new Float64Array(c.threats.length);
    this.reportAt = new Float64Array(c.obligations.length);
    this.partsLeft = new Int32Array(c.obligations.length);
    this.lastPart = new Float64Array(c.obligations.length);
    this.dealAdded = new Uint8Array(c.deals.length);
    this.dealGain = new Float64Array(c.deals.length);
    this.dealAt = new Int32Array(c.deals.length);
    this.cascadeP = new Float64Array(c.events.length);
    this.cascadeX = new Float64Array(c.events.length);
    this.spike = new Float64Array(c.slots);
    this.slotEnd = new Int32Array(c.slots);
  }

  reset(c: Compiled, queue: Queue, env: RunEnv): void {
    this.doneAt.fill(Infinity);
    this.startedAt.fill(Infinity);
    this.valueFactor.fill(NaN);
    this.arr = env.arr ?? expectedArr(c);
    this.hazard = env.threatHazard ?? c.threatHazard;
    this.bonus.fill(0);
    this.copyStart.fill(Infinity);
    this.copyDecay.fill(0);
    this.copyLossAt.fill(-1);
    for (let q = 0; q < queue.items.length; q++) {
      const idx = queue.items[q]!;
      this.remaining[q] = c.items[idx]!.injected ? NaN : (env.effort[idx] ?? 0);
      this.open[q] = q;
    }
    this.openCount = queue.items.length;
    this.startedOpen = 0;
    this.partValue.fill(NaN);
    this.split.fill(0);
    if (c.sliced.length > 0) {
      this.queuePos.fill(-1);
      for (let q = 0; q < queue.items.length; q++) this.queuePos[queue.items[q]!] = q;
      for (let j = 0; j < c.sliced.length; j++) {
        const idx = c.sliced[j]!;
        const mvpAt = this.queuePos[c.items[idx]!.mvp]!;
        const at = this.queuePos[idx]!;
        if (mvpAt < 0 || mvpAt > at) continue;
        // Split: the feature waits for its slice (see `work`) and is only the rest of its effort.
        this.split[idx] = 1;
        this.remaining[at] = this.remaining[at]! * c.items[idx]!.restEffort;
      }
    }
    this.slotEnd.fill(0);
    for (let q = 0; q < queue.items.length; q++) {
      const slot = queue.slots[q]!;
      if (slot < this.slotEnd.length && this.slotEnd[slot]! < q + 1) this.slotEnd[slot] = q + 1;
    }
    for (let t = 1; t < this.slotEnd.length; t++)
      if (this.slotEnd[t]! < this.slotEnd[t - 1]!) this.slotEnd[t] = this.slotEnd[t - 1]!;
    for (let v = 0; v < c.vulns.length; v++) {
      const vuln = c.vulns[v]!;
      this.openFrom[v] = vuln.openedBy >= 0 ? Infinity : vuln.disclosed;
    }
    this.closedAt.fill(Infinity);
    // `closedBy` is read only for a vulnerability its item closed, after it is set.
    // Stryker disable next-line UnaryOperator: equivalent, see above
    this.closedBy.fill(-1);
    this.threatFactor.fill(1);
    this.reportAt.fill(Infinity);
    this.partsLeft.fill(0);
    this.lastPart.fill(0);
    for (const item of c.items) if (item.obligation >= 0) this.partsLeft[item.obligation]! += 1;
    this.dealAdded.fill(0);
    this.dealAt.fill(-1);
    this.spike.fill(1);
    this.D = c.scenario.start.debt;
    this.ARR = c.scenario.start.arr;
    this.CSAT = c.scenario.start.csat;
    this.S = 1;
    this.kappa = 1;
    this.pi = 1;
    this.ff = 0;
    this.frozen = false;
    this.revenueAcc = this.outageAcc = this.overloadAcc = this.breachAcc = this.finesAcc = 0;
    this.feesAcc = this.cascadeAcc = this.dealAcc = this.downtimeAcc = this.complianceMet = 0;
    this.totals = emptyTotals();
  }
}

function emptyTotals(): CapacityTotals {
  return { capacity: 0, delivered: 0, dragLost: 0, thrash: 0, firefighting: 0, ktlo: 0, slack: 0 };
}

const states = new WeakMap<Compiled, RunState>();
const arrs = new WeakMap<Compiled, readonly number[]>();

/** Each item's expected ARR at completion (stated ARR × confidence), by item index. */
function expectedArr(c: Compiled): readonly number[] {
  let arr = arrs.get(c);
  if (!arr) {
    arr = c.items.map((item) => item.arr);
    arrs.set(c, arr);
  }
  return arr;
}

function stateFor(c: Compiled): RunState {
  let st = states.get(c);
  if (!st) {
    st = new RunState(c);
    states.set(c, st);
  }
  return st;
}

/** Is slot t told with the dice (seeded mode, within the revealed slots)? */
function usesDice(env: RunEnv, t: number): boolean {
  return env.seeded && t < (env.revealedSlots ?? Infinity);
}

// ─── Phases of one slot ────────────────────────────────────────────────────────────────────────

/** Remembers where the slot starts, for the trace. */
function beginSlot(st: RunState): void {
  st.arrStart = st.ARR;
  st.csatStart = st.CSAT;
  st.debtStart = st.D;
  st.completedCount = 0;
  st.vulnRisk.fill(0);
  st.threatRisk.fill(0);
}

/** Scripted events at the start of slot t: an injected item, a demand spike, a copied delighter. */
function scriptedEvents(c: Compiled, st: RunState, queue: Queue, env: RunEnv, t: number): void {
  for (let e = 0; e < c.events.length; e++) {
    const ev = c.events[e]!;
    if (ev.kind === 'cascade' || ev.slot !== t) continue;
    const choice = env.choice[e] ?? 0;
    if (ev.kind === 'injectItem') {
      if (choice !== 1) continue;
      let factor = 1;
      if (ev.prepared.length > 0 && ev.prepared.every((p) => st.doneAt[p]! <= t + EPS))
        factor = ev.effortFactor;
      for (let q = 0; q < queue.items.length; q++) {
        if (queue.items[q] === ev.item) st.remaining[q] = (env.effort[ev.item] ?? 0) * factor;
      }
      if (ev.opens >= 0) st.openFrom[ev.opens] = t;
    } else if (ev.kind === 'demandSpike') {
      st.spike[t] = (ev.branches[choice] ?? ev.branches[0]!).multiplier;
    } else if (choice === 1 && ev.item >= 0) {
      st.copyStart[ev.item] = t;
      st.copyDecay[ev.item] = ev.decay;
    }
  }
}

/**
 * Steps 1–2: debt drag, KTLO and firefighting give the effective capacity C0; the work queued for
 * this slot or earlier (W, each item at most the C0·m/k one item can absorb) over-commits it by o,
 * and thrash leaves the working capacity C.
 */
function capacity(c: Compiled, st: RunState, queue: Queue, t: number): void {
  const k = c.k;
  const cap = c.capacity[t] ?? 0;
  st.cap = cap;
  st.ktlo = c.ktlo[t] ?? 0;
  st.drag = st.D / (st.D + k.debtHalf);
  st.dragLost = cap * st.drag;
  st.c0raw = cap - st.dragLost - st.ktlo - st.ff;
  const C0 = st.c0raw > 0 ? st.c0raw : 0;
  st.C0 = C0;
  // The unfinished items are `open`, in queue order; those from slotEnd[t] on are planned later.
  // The load W is all of their remaining work; over-commitment counts each only up to what the
  // slot can give one item (m of the k streams, Wc): one big item the team works on at full pace
  // is not over-commitment, however large it is.
  const qEnd = st.slotEnd[t]!;
  const streams = c.streams;
  const perItem = (C0 * itemStreams(streams, k.streamsPerItem)) / streams;
  let W = 0;
  let Wc = 0;
  for (let j = 0; j < st.openCount; j++) {
    const q = st.open[j]!;
    if (q >= qEnd) break;
    if (queue.slots[q]! > t || c.items[queue.items[q]!]!.notBefore > t) continue;
    const r = st.remaining[q]!;
    if (r > 0) {
      W += r;
      Wc += r < perItem ? r : perItem;
    }
  }
  st.W = W;
  st.Wc = Wc;
  let o = C0 > 0 ? Wc / C0 - 1 : W > 0 ? 2 : 0;
  if (o < 0) o = 0;
  else if (o > 2) o = 2;
  st.o = o;
  st.C = C0 / (1 + k.thrash * o);
}

/**
 * Steps 3–5: the team works the slot in k parallel streams of C/k. Items start in queue order as
 * streams free up (an item already started keeps its place); each active item takes one stream,
 * and spare streams pair up on the earliest ones, at most `streamsPerItem` (m) streams an item, so
 * a lone item cannot take the whole team and has a minimum duration. Over-commitment raises the
 * work in progress to round(k·(1 + o)) items, which share C equally: the team starts what it
 * promised, and every active item moves slower and finishes later. Each completion at τ = t + f
 * applies its effects, and the state is integrated piecewise between completions.
 */
function work(c: Compiled, st: RunState, queue: Queue, t: number): void {
  st.segRevenue = st.segFees = st.segOverload = st.segOverloadMin = st.segOverloadCsat = 0;
  st.segLambda = st.segLogSurvival = st.segUtil = st.segPeak = st.segShed = 0;
  const C = st.C;
  const { remaining, doneAt, startedAt, active, open } = st;
  // Queue positions from qEnd on are all planned for later slots (the queue is slot-major after
  // any expedited injections at its front), and `open` lists the unfinished ones in queue order.
  const qEnd = st.slotEnd[t]!;
  const streams = c.streams;
  const wip = Math.max(streams, Math.round(streams * (1 + st.o)));
  const pairing = Math.max(0, Math.round(c.k.streamsPerItem) - 1);
  const rates = st.rates;
  let used = 0;
  let f = 0;
  let segStart = 0;
  if (C > EPS) {
    while (f < 1 - EPS) {
      // The active set: items already started first, then the next eligible ones in queue order.
      let count = 0;
      let seen = 0;
      for (let pass = 0; pass < 2 && count < wip; pass++) {
        for (let j = 0; j < st.openCount && count < wip; j++) {
          // Every item started and not done is found: the rest of the first pass has none.
          if (pass === 0 && seen === st.startedOpen) break;
          const q = open[j]!;
          if (q >= qEnd) break;
          const idx = queue.items[q]!;
          const started = startedAt[idx] !== Infinity;
          if (pass === 0 ? !started : started) continue;
          if (pass === 0 && doneAt[idx] === Infinity) seen++;
          const item = c.items[idx]!;
          const r = remaining[q]!;
          if (
            doneAt[idx] !== Infinity ||
            // An item queued for a later slot before qEnd is an injection not fired yet, whose NaN
            // effort the `r >= 0` test below skips as well.
            // Stryker disable next-line ConditionalExpression: equivalent, see above
            queue.slots[q]! > t ||
            item.notBefore > t ||
            !(r >= 0) ||
            (st.frozen && item.type === 'feature')
          )
            continue;
          // A split feature waits for its MVP slice, like a prerequisite.
          let ready = !st.split[idx] || doneAt[item.mvp] !== Infinity;
          for (let d = 0; ready && d < item.deps.length; d++) {
            if (doneAt[item.deps[d]!] === Infinity) {
              ready = false;
              break;
            }
          }
          if (ready) active[count++] = q;
        }
      }
      if (count === 0) break;
      // Streams: one per active item; spare streams pair up on the earliest items (at most m
      // streams an item); beyond k items, the work in progress shares C equally.
      let spare = count < streams ? streams - count : 0;
      const unit = count > streams ? C / count : C / streams;
      let dt = 1 - f;
      for (let a = 0; a < count; a++) {
        const q = active[a]!;
        const idx = queue.items[q]!;
        if (startedAt[idx] === Infinity) {
          startedAt[idx] = t + f;
          // `startedOpen` only feeds the shortcut of the first pass, which never fires early.
          // Stryker disable next-line UpdateOperator: equivalent, see above
          st.startedOpen++;
        }
        const add = spare < pairing ? spare : pairing;
        spare -= add;
        const rate = unit * (1 + add);
        rates[a] = rate;
        const need = remaining[q]! / rate;
        if (need < dt) dt = need;
      }
      f += dt;
      if (f > 1 - EPS) f = 1;
      // A pass that finishes nothing ends at the slot's end anyway.
      // Stryker disable next-line BooleanLiteral: equivalent, see above
      let finished = false;
      for (let a = 0; a < count; a++) {
        const q = active[a]!;
        const w = rates[a]! * dt;
        used += w;
        const r = remaining[q]! - w;
        remaining[q] = r > EPS ? r : 0;
        if (r <= EPS) finished = true;
      }
      if (!finished) break;
      integrate(c, st, t, segStart, f);
      segStart = f;
      for (let a = 0; a < count; a++) {
        const q = active[a]!;
        const idx = queue.items[q]!;
        if (remaining[q]! <= 0 && doneAt[idx] === Infinity) complete(c, st, idx, t + f, t);
      }
    }
  }
  // Drop what finished from `open` once a slot (the scans above skip what is done).
  let kept = 0;
  for (let j = 0; j < st.openCount; j++) {
    const q = open[j]!;
    if (doneAt[queue.items[q]!] === Infinity) open[kept++] = q;
  }
  st.openCount = kept;
  integrate(c, st, t, segStart, 1);
  st.used = used;
  st.idle = C - used > 0 ? C - used : 0;
}

/** Integrates revenue, fees, overload, incident intensity and breach survival over [a, b) of slot t. */
function integrate(c: Compiled, st: RunState, t: number, a: number, b: number): void {
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
    st.vulnRisk[v]! += l;
  }
  for (let x = 0; x < c.threats.length; x++) {
    let h = st.hazard[x]! * st.threatFactor[x]! * st.pi;
    if (h > 0.999999) h = 0.999999;
    const l = Math.log(1 - h) * dt;
    logS += l;
    st.threatRisk[x]! += l;
  }
  let hb = ((k.stalenessHazard * st.D) / k.debtHalf) * st.pi;
  if (hb > 0.999999) hb = 0.999999;
  logS += Math.log(1 - hb) * dt;
  st.segLogSurvival += logS;
}

/** Step 5: applies an item's completion effects at time tau (slot t). */
function complete(c: Compiled, st: RunState, idx: number, tau: number, t: number): void {
  const item = c.items[idx]!;
  const k = c.k;
  st.doneAt[idx] = tau;
  // `startedOpen` only feeds the work loop's shortcut, which then never fires early.
  // Stryker disable next-line UpdateOperator: equivalent, see above
  st.startedOpen--;
  st.completed[st.completedCount++] = idx;
  let u = 1;
  if (item.urgency === 1) {
    const late = tau - item.urgencySlot;
    u = late > 0 ? Math.pow(1 - item.urgencyRate, late) : 1;
  } else if (item.urgency === 2) {
    u = tau <= item.urgencySlot + 1 + EPS ? 1 : item.urgencyRate;
  }
  st.valueFactor[idx] = u;
  // A split feature brings the rest of its value; a slice brings nothing once its feature started.
  const part = st.split[idx]
    ? item.restValue
    : item.sliceOf >= 0 && st.startedAt[item.sliceOf] !== Infinity
      ? 0
      : 1;
  st.partValue[idx] = part;
  const arrGain = st.arr[idx]! * u * part;
  if (arrGain !== 0) st.ARR += arrGain;
  let csatGain = item.csat * part;
  if (csatGain !== 0) {
    if (st.copyStart[idx]! <= t)
      csatGain *= Math.pow(1 - st.copyDecay[idx]!, t - st.copyStart[idx]!);
    st.CSAT += csatGain;
    st.bonus[idx] = csatGain;
  }
  st.gainCsat[idx] = csatGain;
  if (item.debtAdd !== 0 || item.debtRemove !== 0) {
    const before = st.D;
    st.D = Math.max(
      Math.min(st.D, k.debtFloor),
      st.D + item.debtAdd - k.paydownEfficiency * item.debtRemove,
    );
    st.debtDelta[idx] = st.D - before;
  }
  if (item.capacityAdd !== 0) st.S *= 1 + item.capacityAdd;
  if (item.incidentReduction !== 0) st.kappa *= 1 - item.incidentReduction;
  if (item.postureReduction !== 0) st.pi *= 1 - item.postureReduction;
  for (let j = 0; j < item.controls.length; j++) {
    const ctl = item.controls[j]!;
    st.threatFactor[ctl.threat]! *= 1 - ctl.reduction;
  }
  for (let j = 0; j < item.closes.length; j++) {
    const v = item.closes[j]!;
    if (st.closedAt[v] === Infinity) {
      st.closedAt[v] = tau;
      st.closedBy[v] = idx;
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
 * Step 7: incidents from the integrated intensity λ (expected mode counts λ, a seeded run draws a
 * Poisson count), their downtime, cost, CSAT and next slot's firefighting.
 */
function incidents(c: Compiled, st: RunState, env: RunEnv, t: number, dice: boolean): void {
  const k = c.k;
  const lambda = st.segLambda;
  const n = dice && env.incidentDice ? poissonInverse(lambda, env.incidentDice[t] ?? 0) : lambda;
  st.incidents = n;
  st.downtime = n * k.incidentMinutes;
  st.outage = st.downtime * c.costPerMinute;
  st.CSAT -= n * k.csatPerIncident;
  st.ffNext = n * k.firefightingPerIncident;
}

/** Step 8: breach probability from the slot's survival; its cost, CSAT and ARR shock. */
function breach(c: Compiled, st: RunState, env: RunEnv, t: number, dice: boolean): void {
  const k = c.k;
  const p = 1 - Math.exp(st.segLogSurvival);
  st.pBreach = p;
  const roll = dice && env.breachDice ? (env.breachDice[t] ?? 1) : null;
  const b = roll === null ? p : roll < p ? 1 : 0;
  st.breaches = b;
  st.breachCost = b * c.sle;
  st.breachArrLoss = 0;
  if (b > 0) {
    st.breachArrLoss = st.ARR * b * k.breachChurn;
    st.ARR -= st.breachArrLoss;
    st.CSAT -= b * k.breachCsat;
  }
}

/** Step 6's toll on satisfaction: customers turned away while the system was overloaded. */
function overload(st: RunState): void {
  st.CSAT -= st.segOverloadCsat;
}

/** The share of slot t after an item done at `doneAt` (0 when done at its end or later). */
function coveredShare(doneAt: number, t: number): number {
  return Math.max(0, Math.min(1, t + 1 - doneAt));
}

/** Cascades: rare large losses, each mitigation protecting the share of the slot after it is done. */
function cascades(c: Compiled, st: RunState, env: RunEnv, t: number, dice: boolean): void {
  let loss = 0;
  let minutes = 0;
  for (let e = 0; e < c.events.length; e++) {
    const ev = c.events[e]!;
    if (ev.kind !== 'cascade' || t < ev.fromSlot) continue;
    let p = ev.probability;
    for (const m of ev.mitigations) {
      if (m.item < 0) continue;
      p *= 1 - m.reduction * coveredShare(st.doneAt[m.item]!, t);
    }
    const roll = dice && env.eventDice ? (env.eventDice[e]?.[t] ?? 1) : null;
    const x = roll === null ? p : roll < p ? 1 : 0;
    st.cascadeP[e] = p;
    st.cascadeX[e] = x;
    loss += x * ev.loss;
    minutes += x * ev.downtime;
    st.CSAT -= x * ev.csat;
  }
  st.cascadeLoss = loss;
  st.cascadeMinutes = minutes;
}

/** The SLO budget: minutes of downtime and degradation; a blown budget may freeze features next slot. */
function errorBudget(c: Compiled, st: RunState): void {
  st.sloMinutes = st.downtime + st.segOverloadMin + st.cascadeMinutes;
  st.freezeNext = c.freezeOnBlownBudget && st.sloMinutes > c.sloBudget + EPS;
}

/** Step 9: obligations due this slot (met or fined) and gated deals whose report now exists. */
function obligationsAndDeals(c: Compiled, st: RunState, t: number): void {
  let fines = 0;
  for (let ob = 0; ob < c.obligations.length; ob++) {
    const obl = c.obligations[ob]!;
    if (obl.deadline !== t) continue;
    if (st.reportAt[ob]! <= t + 1 + EPS) st.complianceMet += 1;
    else fines += obl.penalty;
  }
  st.fines = fines;
  let dealArr = 0;
  for (let d = 0; d < c.deals.length; d++) {
    const deal = c.deals[d]!;
    if (st.dealAdded[d] || deal.obligation < 0) continue;
    const ra = st.reportAt[deal.obligation]!;
    if (ra <= t + 1 + EPS && t + 1 >= deal.fromSlot) {
      st.dealAdded[d] = 1;
      const late = ra - deal.fromSlot > 0 ? ra - deal.fromSlot : 0;
      const share = 1 - deal.loss * late;
      const gain = share > 0 ? deal.arr * share : 0;
      st.ARR += gain;
      dealArr += gain;
      st.dealGain[d] = gain;
      st.dealAt[d] = t;
    }
  }
  st.dealArr = dealArr;
}

/** Missed deadlines' penalties, must-be gaps draining CSAT, copied delighters losing their edge. */
function itemsAtSlotEnd(c: Compiled, st: RunState, t: number): void {
  for (let j = 0; j < c.endOfSlotItems.length; j++) {
    const i = c.endOfSlotItems[j]!;
    const item = c.items[i]!;
    const notDone = st.doneAt[i] === Infinity;
    if (item.urgency === 2 && item.urgencySlot === t && notDone && item.penalty > 0)
      st.fines += item.penalty;
    if (item.must && notDone && !item.injected && item.mustPenalty > 0) st.CSAT -= item.mustPenalty;
    if (st.copyStart[i]! <= t && !notDone && st.bonus[i]! > 0) {
      const loss = st.bonus[i]! * st.copyDecay[i]!;
      st.bonus[i]! -= loss;
      st.CSAT -= loss;
      st.copyLoss[i] = loss;
      st.copyLossAt[i] = t;
    }
  }
}

/** Step 11: CSAT drifts back toward its reference; churn grows with the gap below it. */
function churn(c: Compiled, st: RunState): void {
  const k = c.k;
  st.reversion = k.csatReversion * (c.csatReference - st.CSAT);
  st.CSAT += st.reversion;
  if (st.CSAT < 0) st.CSAT = 0;
  else if (st.CSAT > 100) st.CSAT = 100;
  const gap = c.csatReference - st.CSAT;
  const rate = k.churnBase + (k.churnSensitivity * (gap > 0 ? gap : 0)) / 100;
  st.churned = st.ARR * (rate < 1 ? rate : 1);
  st.ARR -= st.churned;
}

/** Step 12: debt interest and pressure from over-commitment; idle capacity pays debt down. */
function debt(c: Compiled, st: RunState): void {
  const k = c.k;
  st.interest = st.D * k.debtInterest;
  st.pressure = k.pressureDebt * st.o * st.C;
  st.D += st.interest + st.pressure;
  const slackPay = k.slackEfficiency * st.idle;
  const before = st.D;
  st.D = Math.max(Math.min(st.D, k.debtFloor), st.D - slackPay);
  st.slackDelta = st.D - before;
}

/** Adds the slot to the run's ledger and capacity totals; carries firefighting and freeze over. */
function endSlot(st: RunState): void {
  st.revenueAcc += st.segRevenue;
  st.outageAcc += st.outage;
  st.overloadAcc += st.segOverload;
  st.breachAcc += st.breachCost;
  st.finesAcc += st.fines;
  st.feesAcc += st.segFees;
  st.cascadeAcc += st.cascadeLoss;
  st.dealAcc += st.dealArr;
  st.downtimeAcc += st.sloMinutes;
  const afterDrag = st.cap - st.dragLost;
  st.ktloUsed = Math.min(st.ktlo, Math.max(0, afterDrag));
  st.ffUsed = Math.min(st.ff, Math.max(0, afterDrag - st.ktloUsed));
  const totals = st.totals;
  totals.capacity += st.cap;
  totals.delivered += st.used;
  totals.dragLost += st.dragLost;
  totals.thrash += st.C0 - st.C;
  totals.firefighting += st.ffUsed;
  totals.ktlo += st.ktloUsed;
  totals.slack += st.idle;
}

// ─── The run ───────────────────────────────────────────────────────────────────────────────────

/**
 * Runs one branch of the simulation: every slot's phases in order, then the horizon's end.
 * @param rec pass a recorder to get the per-slot trace and event log (slower).
 * @param detail false to skip copying per-item arrays (doneAt… come back empty): the search's
 *   hot path needs only the metrics.
 */
export function runCore(
  c: Compiled,
  queue: Queue,
  env: RunEnv,
  rec: Recorder | null,
  detail: boolean,
): RunResult {
  const st = stateFor(c);
  st.reset(c, queue, env);
  for (let t = 0; t < c.slots; t++) {
    const dice = usesDice(env, t);
    beginSlot(st);
    scriptedEvents(c, st, queue, env, t);
    capacity(c, st, queue, t);
    work(c, st, queue, t);
    incidents(c, st, env, t, dice);
    breach(c, st, env, t, dice);
    overload(st);
    cascades(c, st, env, t, dice);
    errorBudget(c, st);
    obligationsAndDeals(c, st, t);
    itemsAtSlotEnd(c, st, t);
    churn(c, st);
    debt(c, st);
    endSlot(st);
    if (rec) recordSlot(c, st, env, t, rec);
    st.ff = st.ffNext;
    st.frozen = st.freezeNext;
  }
  return finish(c, st, detail);
}

/** Horizon end: terminal value, residual breach exposure, stakeholder alignment, the result. */
function finish(c: Compiled, st: RunState, detail: boolean): RunResult {
  const k = c.k;
  const T = c.slots;
  const H = k.debtHalf;
  // Terminal value: the ending ARR over the terminal period, less the capacity the remaining debt
  // will take from the team in that period (drag × a year of capacity × what a point is worth).
  const drag = st.D / (st.D + H);
  const yearOfCapacity = (c.capacity[T - 1] ?? 0) * c.slotsPerYear;
  const terminal = k.terminalYears * st.ARR;
  const debtCarry = k.terminalYears * drag * yearOfCapacity * c.pointValue;
  // Open risk: the chance of a breach in the terminal period from what is left open (each
  // vulnerability still ageing, each standing threat at its controlled rate, the debt baseline).
  // Security scores the single loss expectancy at that chance (`residual`); net value also counts
  // the ARR a breach drives away, on average for half the period.
  const horizon = terminalSlots(k, c.slotsPerYear);
  let logS = 0;
  for (let v = 0; v < c.vulns.length; v++) {
    if (st.openFrom[v]! >= T || st.closedAt[v] !== Infinity) continue;
    const vuln = c.vulns[v]!;
    for (let j = 0; j < horizon; j++) {
      const age = T - st.openFrom[v]! + j;
      const h = Math.min(
        0.999999,
        vuln.hMax * (1 - Math.pow(0.5, (age + 1) / vuln.halfLife)) * st.pi,
      );
      logS += Math.log(1 - h);
    }
  }
  for (let x = 0; x < c.threats.length; x++)
    logS += horizon * Math.log(1 - Math.min(0.999999, st.hazard[x]! * st.threatFactor[x]! * st.pi));
  logS += horizon * Math.log(1 - Math.min(0.999999, ((k.stalenessHazard * st.D) / H) * st.pi));
  const pOpen = 1 - Math.exp(logS);
  const residual = c.sle * pOpen;
  const openRisk = pOpen * (c.sle + (k.breachChurn * st.ARR * k.terminalYears) / 2);
  // Overload ahead: demand keeps growing after the horizon against the system capacity left; the
  // revenue it sheds, slot by slot as during the horizon (no spikes).
  let overloadAhead = 0;
  if (c.demandAhead)
    for (const { demand, season } of c.demandAhead) {
      const rho = demand / st.S;
      if (rho > 1)
        overloadAhead += ((1 - 1 / rho) * c.peakShare * st.ARR * season) / c.slotsPerYear;
    }

  let alignment = 0;
  let influence = 0;
  for (const s of c.stakeholders) {
    if (s.asks.length === 0) continue;
    let met = 0;
    for (const a of s.asks) met += askCredit(a, st.doneAt);
    alignment += (s.influence * met) / s.asks.length;
    influence += s.influence;
  }

  const net =
    st.revenueAcc -
    st.outageAcc -
    st.overloadAcc -
    st.breachAcc -
    st.finesAcc -
    st.feesAcc -
    st.cascadeAcc +
    terminal -
    debtCarry -
    openRisk -
    overloadAhead;
  return {
    revenueNet: net,
    csat: st.CSAT,
    capacityHealth: 1 - drag,
    downtime: st.downtimeAcc,
    securityLoss: st.breachAcc + residual,
    complianceMet: st.complianceMet,
    complianceTotal: c.obligations.length,
    stakeholderAlignment: influence > 0 ? alignment / influence : 0,
    ledger: {
      revenue: st.revenueAcc,
      outage: st.outageAcc,
      overload: st.overloadAcc,
      breach: st.breachAcc,
      fines: st.finesAcc,
      fees: st.feesAcc,
      cascade: st.cascadeAcc,
      terminal,
      debtCarry,
      openRisk,
      overloadAhead,
      dealArr: st.dealAcc,
      net,
    },
    endDebt: st.D,
    endArr: st.ARR,
    doneAt: detail ? Array.from(st.doneAt) : [],
    startedAt: detail ? Array.from(st.startedAt) : [],
    valueFactor: detail ? Array.from(st.valueFactor) : [],
    partValue: detail ? Array.from(st.partValue) : [],
    split: detail ? Array.from(st.split) : [],
    reportAt: detail ? Array.from(st.reportAt) : [],
    totals: st.totals,
    residualExposure: residual,
  };
}

// ─── The recorder: reads a finished slot's state, never changes it ─────────────────────────────

/** The causes of this slot's changes, in the order the phases made them. */
function slotCauses(c: Compiled, st: RunState, t: number): Cause[] {
  const k = c.k;
  const causes: Cause[] = [];
  for (let j = 0; j < st.completedCount; j++) {
    const idx = st.completed[j]!;
    const item = c.items[idx]!;
    const arrGain = st.arr[idx]! * st.valueFactor[idx]! * st.partValue[idx]!;
    if (arrGain !== 0)
      causes.push({ target: 'arr', delta: arrGain, item: item.id, mechanism: 'completion' });
    if (item.csat !== 0 && st.partValue[idx] !== 0)
      causes.push({
        target: 'csat',
        delta: st.gainCsat[idx]!,
        item: item.id,
        mechanism: 'completion',
      });
    // Debt already at its floor takes no paydown: nothing changed, nothing to record. (Only an
    // item that moves debt writes its change, at its completion.)
    if (st.debtDelta[idx] !== 0)
      causes.push({
        target: 'debt',
        delta: st.debtDelta[idx]!,
        item: item.id,
        mechanism: 'completion',
      });
    if (item.capacityAdd !== 0)
      causes.push({
        target: 'systemCapacity',
        delta: item.capacityAdd,
        item: item.id,
        mechanism: 'completion',
      });
    if (item.incidentReduction !== 0)
      causes.push({
        target: 'incidentRate',
        delta: -item.incidentReduction,
        item: item.id,
        mechanism: 'completion',
      });
    if (item.postureReduction !== 0)
      causes.push({
        target: 'breachHazard',
        delta: -item.postureReduction,
        item: item.id,
        mechanism: 'completion',
      });
    for (const ctl of item.controls)
      causes.push({
        target: 'breachHazard',
        delta: -ctl.reduction,
        item: item.id,
        mechanism: `controls ${c.threats[ctl.threat]!.id}`,
      });
    for (const v of item.closes)
      if (st.closedBy[v] === idx)
        causes.push({
          target: 'vulnerability',
          delta: -1,
          item: item.id,
          mechanism: `closes ${c.vulns[v]!.id}`,
        });
  }
  if (st.breaches > 0) {
    causes.push({ target: 'arr', delta: -st.breachArrLoss, mechanism: 'breach' });
    causes.push({ target: 'csat', delta: -st.breaches * k.breachCsat, mechanism: 'breach' });
  }
  c.events.forEach((ev, e) => {
    if (ev.kind !== 'cascade' || t < ev.fromSlot) return;
    const x = st.cascadeX[e]!;
    if (x > 0) causes.push({ target: 'money', delta: -x * ev.loss, mechanism: `cascade ${ev.id}` });
    if (x > 0 && ev.csat !== 0)
      causes.push({ target: 'csat', delta: -x * ev.csat, mechanism: `cascade ${ev.id}` });
  });
  c.obligations.forEach((obl, ob) => {
    if (obl.deadline === t && !(st.reportAt[ob]! <= t + 1 + EPS) && obl.penalty > 0)
      causes.push({ target: 'money', delta: -obl.penalty, mechanism: `missed ${obl.id}` });
  });
  c.deals.forEach((deal, d) => {
    if (st.dealAt[d] === t)
      causes.push({ target: 'arr', delta: st.dealGain[d]!, mechanism: `deal ${deal.id}` });
  });
  for (const i of c.endOfSlotItems) {
    const item = c.items[i]!;
    const notDone = st.doneAt[i] === Infinity;
    if (item.urgency === 2 && item.urgencySlot === t && notDone && item.penalty > 0)
      causes.push({
        target: 'money',
        delta: -item.penalty,
        item: item.id,
        mechanism: 'deadline missed',
      });
    if (item.must && notDone && !item.injected && item.mustPenalty > 0)
      causes.push({
        target: 'csat',
        delta: -item.mustPenalty,
        item: item.id,
        mechanism: 'must-be gap',
      });
    if (st.copyLossAt[i] === t)
      causes.push({
        target: 'csat',
        delta: -st.copyLoss[i]!,
        item: item.id,
        mechanism: 'delighter copied',
      });
  }
  if (st.churned > 0) causes.push({ target: 'arr', delta: -st.churned, mechanism: 'churn' });
  if (st.reversion !== 0)
    causes.push({ target: 'csat', delta: st.reversion, mechanism: 'reversion' });
  if (st.incidents > 0)
    causes.push({
      target: 'csat',
      delta: -st.incidents * k.csatPerIncident,
      mechanism: 'incidents',
    });
  if (st.segOverloadCsat > 0)
    causes.push({ target: 'csat', delta: -st.segOverloadCsat, mechanism: 'overload' });
  if (st.interest > 0) causes.push({ target: 'debt', delta: st.interest, mechanism: 'interest' });
  if (st.pressure > 0) causes.push({ target: 'debt', delta: st.pressure, mechanism: 'pressure' });
  if (st.slackDelta !== 0)
    causes.push({ target: 'debt', delta: st.slackDelta, mechanism: 'slack' });
  return causes;
}

/** The events of slot t: scripted ones, cascades, incidents, breach, overload, freeze. */
function slotEvents(
  c: Compiled,
  st: RunState,
  env: RunEnv,
  t: number,
  risk: readonly { id: string }[],
  threatRisk: readonly { id: string }[],
): EventRecord[] {
  const k = c.k;
  const dice = usesDice(env, t);
  const events: EventRecord[] = [];
  c.events.forEach((ev, e) => {
    if (ev.kind === 'cascade' || ev.slot !== t) return;
    const choice = env.choice[e] ?? 0;
    const roll = dice && env.eventDice ? (env.eventDice[e]?.[t] ?? null) : null;
    if (ev.kind === 'injectItem')
      events.push({
        slot: t,
        kind: 'injectItem',
        title: ev.title,
        probability: ev.probability,
        roll,
        outcome: choice,
        detail:
          choice === 1 ? `${c.items[ev.item]!.title} was added to the queue` : 'did not happen',
      });
    else if (ev.kind === 'demandSpike') {
      const branch = ev.branches[choice] ?? ev.branches[0]!;
      events.push({
        slot: t,
        kind: 'demandSpike',
        title: ev.title,
        probability: branch.probability,
        roll,
        outcome: branch.multiplier,
        detail: `demand ×${branch.multiplier}`,
      });
    } else
      events.push({
        slot: t,
        kind: 'competitorCopy',
        title: ev.title,
        probability: ev.probability,
        roll,
        outcome: choice,
        detail:
          choice === 1 ? `${c.items[ev.item]!.title} starts losing its edge` : 'did not happen',
      });
  });
  c.events.forEach((ev, e) => {
    if (ev.kind !== 'cascade' || t < ev.fromSlot) return;
    events.push({
      slot: t,
      kind: 'cascade',
      title: ev.title,
      probability: st.cascadeP[e]!,
      roll: dice && env.eventDice ? (env.eventDice[e]?.[t] ?? 1) : null,
      outcome: st.cascadeX[e]!,
      detail: cascadeMitigation(c, st, ev, t),
    });
  });
  const lambda = st.segLambda;
  if (lambda > 0)
    events.push({
      slot: t,
      kind: 'incidents',
      title: 'Incidents',
      probability: lambda,
      roll: dice ? (env.incidentDice?.[t] ?? null) : null,
      outcome: st.incidents,
      detail: `expected ${lambda.toFixed(2)} at utilization ${(c.demand ? st.segUtil : k.rhoRef).toFixed(2)} and debt ${st.debtStart.toFixed(0)}`,
    });
  if (st.pBreach > 0.0005)
    events.push({
      slot: t,
      kind: 'breach',
      title: 'Security breach',
      probability: st.pBreach,
      roll: dice && env.breachDice ? (env.breachDice[t] ?? 1) : null,
      outcome: st.breaches,
      detail: breachSources(risk, threatRisk),
    });
  if (st.segShed > 0)
    events.push({
      slot: t,
      kind: 'overload',
      title: 'Overload',
      probability: 1,
      roll: null,
      outcome: st.segShed,
      detail: `peak utilization ${st.segPeak.toFixed(2)}: ${(st.segShed * 100).toFixed(0)}% of demand shed`,
    });
  if (st.freezeNext)
    events.push({
      slot: t,
      kind: 'freeze',
      title: 'Feature freeze',
      probability: 1,
      roll: null,
      outcome: 1,
      detail: `SLO budget blown (${st.sloMinutes.toFixed(0)} of ${c.sloBudget.toFixed(0)} min): features frozen next slot`,
    });
  return events;
}

/**
 * What mitigated a cascade in slot t: the mitigations done by the slot's end (each protects the
 * share of the slot after it is done), or, when none was, the ones that would have.
 */
function cascadeMitigation(
  c: Compiled,
  st: RunState,
  ev: Extract<Compiled['events'][number], { kind: 'cascade' }>,
  t: number,
): string {
  const title = (m: { item: number }) => c.items[m.item]!.title;
  const listed = ev.mitigations.filter((m) => m.item >= 0);
  const done = listed.filter((m) => coveredShare(st.doneAt[m.item]!, t) > 0);
  if (done.length > 0) return `reduced by ${done.map(title).join(', ')}`;
  if (listed.length > 0) return `not mitigated (${listed.map(title).join(', ')} would reduce it)`;
  return 'no mitigation';
}

/** What a slot's breach risk came from: open vulnerabilities, standing threats, stale dependencies. */
function breachSources(
  risk: readonly { id: string }[],
  threatRisk: readonly { id: string }[],
): string {
  const parts = [
    risk.length > 0 ? `open: ${risk.map((r) => r.id).join(', ')}` : null,
    threatRisk.length > 0 ? `threats: ${threatRisk.map((r) => r.id).join(', ')}` : null,
  ].filter((p) => p !== null);
  return parts.length > 0 ? parts.join('; ') : 'stale dependencies (debt)';
}

/** Step 13: records slot t's figures, the cause of every change and its events. */
function recordSlot(c: Compiled, st: RunState, env: RunEnv, t: number, rec: Recorder): void {
  const risk: { id: string; probability: number }[] = [];
  for (let v = 0; v < c.vulns.length; v++) {
    if (st.vulnRisk[v] !== 0)
      risk.push({ id: c.vulns[v]!.id, probability: 1 - Math.exp(st.vulnRisk[v]!) });
  }
  const threatRisk: { id: string; probability: number }[] = [];
  for (let x = 0; x < c.threats.length; x++) {
    if (st.threatRisk[x] !== 0)
      threatRisk.push({ id: c.threats[x]!.id, probability: 1 - Math.exp(st.threatRisk[x]!) });
  }
  const completed: { id: string; at: number }[] = [];
  for (let j = 0; j < st.completedCount; j++) {
    const idx = st.completed[j]!;
    completed.push({ id: c.items[idx]!.id, at: st.doneAt[idx]! });
  }
  rec.slots.push({
    slot: t,
    label: c.labels[t]!,
    capacity: st.cap,
    ktlo: st.ktloUsed,
    dragLost: st.dragLost,
    firefighting: st.ffUsed,
    thrash: st.C0 - st.C,
    delivered: st.used,
    slack: st.idle,
    slackPaydown: Math.max(0, -st.slackDelta),
    shortfall: st.c0raw < 0 ? -st.c0raw : 0,
    effectiveCapacity: st.C0,
    workingCapacity: st.C,
    load: st.W,
    contendedLoad: st.Wc,
    overcommit: st.o,
    drag: st.drag,
    debtStart: st.debtStart,
    debtEnd: st.D,
    utilization: c.demand ? st.segUtil : 0,
    peakUtilization: c.demand ? st.segPeak : 0,
    shed: st.segShed,
    incidents: st.incidents,
    incidentRate: st.segLambda,
    downtimeMinutes: st.downtime + st.cascadeMinutes,
    overloadMinutes: st.segOverloadMin,
    sloMinutes: st.sloMinutes,
    sloBudget: c.sloBudget,
    frozen: st.frozen,
    breachProbability: st.pBreach,
    breaches: st.breaches,
    arrStart: st.arrStart,
    arrEnd: st.ARR,
    csatStart: st.csatStart,
    csatEnd: st.CSAT,
    revenue: st.segRevenue,
    outageCost: st.outage,
    overloadLoss: st.segOverload,
    breachCost: st.breachCost,
    fines: st.fines,
    fees: st.segFees,
    cascadeLoss: st.cascadeLoss,
    dealArr: st.dealArr,
    completed,
    vulnerabilityRisk: risk,
    threatRisk,
    causes: slotCauses(c, st, t),
  });
  rec.events.push(...slotEvents(c, st, env, t, risk, threatRisk));
}
