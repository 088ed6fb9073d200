/**
 * A small builder for the mechanics tests: tiny hand-made scenarios in a "quiet world" where
 * every mechanism is switched off except the ones a test turns on, so each step of
 * `docs/model.md` can be checked on its own with numbers worked out from its formula.
 *
 * The quiet world: quarters (slotsPerYear 4, so per-quarter constants are per-slot constants
 * unchanged), one work stream (the team works one item at a time, in the plan's order, unless a
 * test gives `team.streams`), no debt, no keep-the-lights-on, no demand, no security, and the constants that
 * would move money, CSAT or debt behind a test's back (incidents, churn, reversion, interest,
 * slack paydown, staleness) set to 0. A test turns a mechanism back on by overriding its
 * constant, usually to the default from `DEFAULT_CONSTANTS`.
 */
import {
  DEFAULT_CONSTANTS,
  emptyPlan,
  loadScenario,
  simulate,
  type Constants,
  type Outcome,
  type Plan,
  type Scenario,
  type ScenarioInput,
  type SimulateOptions,
  type SlotTrace,
} from '../../../src/engine/index.ts';

export type ItemInput = ScenarioInput['items'][number];
export type Overrides = Partial<Omit<ScenarioInput, 'constants'>> & {
  constants?: Partial<Constants>;
};

/** The defaults every expected number starts from (per quarter). */
export const K: Readonly<Constants> = DEFAULT_CONSTANTS;

/** Constants that stay off unless a test switches them on. */
export const QUIET: Partial<Constants> = {
  incidentBase: 0,
  churnBase: 0,
  churnSensitivity: 0,
  csatReversion: 0,
  debtInterest: 0,
  slackEfficiency: 0,
  pressureDebt: 0,
  stalenessHazard: 0,
};

/** An item: a feature of the given effort, with anything else from `extra`. */
export function item(id: string, effort: number, extra: Partial<ItemInput> = {}): ItemInput {
  return { id, title: `Item ${id}`, type: 'feature', effort, ...extra };
}

/** Quarter labels for `n` slots. */
export const quarters = (n: number): string[] => Array.from({ length: n }, (_, i) => `Q${i + 1}`);

/**
 * A validated scenario in the quiet world: 2 quarters of 10 points, ARR $1M, CSAT 70, no debt,
 * one 5-point feature unless `items` are given. `overrides` replace top-level parts; their
 * `constants` are added on top of `QUIET`.
 */
export function scenario(overrides: Overrides = {}, items?: ItemInput[]): Scenario {
  const { constants, ...rest } = overrides;
  const input: ScenarioInput = {
    schemaVersion: 2,
    id: 'mechanics',
    title: 'Mechanics',
    brief: '',
    industry: 'Test',
    difficulty: 1,
    minutes: 1,
    time: { labels: quarters(2), slotsPerYear: 4 },
    team: { capacity: 10, ktlo: 0 },
    start: { arr: 1_000_000, csat: 70, debt: 0 },
    scoring: { weights: { revenue: 1 } },
    items: items ?? [item('a', 5)],
    ...rest,
    constants: { ...QUIET, ...constants },
  };
  input.team = { streams: 1, ...input.team };
  const result = loadScenario(input);
  if (!result.ok) throw new Error(`test scenario is invalid: ${JSON.stringify(result.issues)}`);
  return result.scenario;
}

/** A plan from item ids per slot; missing slots are empty. */
export function plan(s: Scenario, ...slots: string[][]): Plan {
  const p = emptyPlan(s);
  slots.forEach((ids, t) => (p.slots[t] = [...ids]));
  return p;
}

/** Plays a plan (expected mode unless `options` say otherwise). */
export function run(s: Scenario, ...slots: string[][]): Outcome {
  return simulate(s, plan(s, ...slots));
}

export function runWith(s: Scenario, p: Plan, options: SimulateOptions): Outcome {
  return simulate(s, p, options);
}

/** One slot of the trace; fails loudly when the slot does not exist. */
export function slot(out: Outcome, t: number): SlotTrace {
  const trace = out.slots[t];
  if (!trace) throw new Error(`no slot ${t} in the trace`);
  return trace;
}

/** One item's outcome. */
export function itemOf(out: Outcome, id: string) {
  const found = out.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id} in the outcome`);
  return found;
}

/** Sum of the recorded causes of one target and mechanism in a slot. */
export function causeTotal(trace: SlotTrace, target: string, mechanism: string): number {
  return trace.causes
    .filter((c) => c.target === target && c.mechanism === mechanism)
    .reduce((sum, c) => sum + c.delta, 0);
}
