/**
 * Valuing a commit before its hidden facts are known (docs/model.md, "Decision quality").
 *
 * A commit to slot `r` is worth what can follow it: par from slot `r + 1` with the commit fixed.
 * When the slot reveals hidden facts (an experiment in it is done, or a hidden item ships), what
 * follows depends on what they turn out to be, so the commit's value is the score of that par's
 * metrics averaged over their outcomes, each searched with the outcome known (a one-step
 * look-ahead: later reveals are valued by later commits). With nothing to reveal it is plain par
 * from the next slot.
 */
import type { Compiled } from './compile.ts';
import { conditionalWorld, expectedEnvs, runPlan } from './expected.ts';
import {
  envWith,
  experimentsOf,
  allHiddenFacts,
  isKnown,
  outcomesOf,
  revealedBy,
  revealedKey,
} from './hidden.ts';
import { findPar, type ParOptions } from './par.ts';
import type { Plan } from './plan.ts';
import type { Scenario } from './schema.ts';
import { averageMetrics, scoreMetrics } from './score.ts';
import { scoringOf } from './simulate.ts';

/** What is known when a commit is made: the game's dice (if played with a seed) and facts. */
export interface Knowledge {
  /** The slots before the commit were played with this seed; undefined: expected dice. */
  seed?: number | undefined;
  /** Hidden facts known: fact key (see `HiddenFact.key`) → outcome index. */
  known: ReadonlyMap<string, number>;
}

export { outcomesOf } from './hidden.ts';

/**
 * The keys of the hidden facts not yet known that slot `r` of `plan` would reveal, its own dice
 * expected: its experiments' targets and its hidden items done by the slot's end, and the effort
 * of a hidden-effort item started in it.
 */
export function wouldReveal(c: Compiled, plan: Plan, r: number, knowledge: Knowledge): string[] {
  const env =
    knowledge.seed !== undefined && r > 0
      ? conditionalWorld(c, knowledge.seed, r, plan).envs[0]!
      : expectedEnvs(c)[0]!;
  const run = runPlan(c, plan.slots.slice(0, r + 1), envWith(c, env, knowledge.known), null, true);
  // Only which facts matter here, not what they are: any outcome will do for the draw.
  const any = new Map(allHiddenFacts(c.scenario).map((f) => [f.key, 0]));
  const keys = revealedBy(c, run.doneAt, r + 1, any, run.startedAt).map(revealedKey);
  return [...new Set(keys)].filter((key) => !knowledge.known.has(key)).sort();
}

/**
 * The value of committing slot `r` as `candidate` has it (slots before it as played): par from
 * the next slot, averaged over the outcomes of the facts the slot would reveal. `plan` is the
 * continuation found for the likeliest outcome. `score` is what the learner sees (0–100); `value`
 * the same uncapped, to choose between commits that both top out in a lucky world.
 */
export function valueOfCommit(
  c: Compiled,
  candidate: Plan,
  r: number,
  knowledge: Knowledge,
  options: ParOptions,
): { plan: Plan; score: number; value: number } {
  const search = (known: ReadonlyMap<string, number>) =>
    findPar(c.scenario, {
      ...options,
      frozenSlots: r + 1,
      fixedPlan: candidate,
      ...(knowledge.seed !== undefined ? { revealedSeed: knowledge.seed, revealedSlots: r } : {}),
      known,
    });
  const combos = outcomesOf(c.scenario, wouldReveal(c, candidate, r, knowledge));
  if (combos.length <= 1) return search(knowledge.known);
  // As with the branches of scripted events, the value is the score of the expected metrics.
  const found = combos.map((combo) => ({
    p: combo.p,
    par: search(new Map([...knowledge.known, ...combo.o])),
  }));
  const { weights, anchors } = scoringOf(c, options);
  const metrics = averageMetrics(found.map((f) => ({ metrics: f.par.metrics, weight: f.p })));
  const likeliest = found.reduce((a, b) => (b.p > a.p ? b : a));
  const { score, value } = scoreMetrics(metrics, anchors, weights);
  return { plan: likeliest.par.plan, score, value };
}

/**
 * `best` with each experiment that would tell something new moved to the front of slot `r`, and
 * the items it concerns (those it reveals, and the controls of a threat it tests) moved from slot
 * `r` to the next (their decision waits for its answer); one
 * candidate per experiment (experiments already committed before `r` or in best's slot are left).
 */
export function experimentsFirst(
  scenario: Scenario,
  best: Plan,
  committed: Plan,
  r: number,
  known: ReadonlyMap<string, number>,
): Plan[] {
  const placed = new Set(committed.slots.slice(0, r).flat());
  const out: Plan[] = [];
  for (const [experiment, targets] of experimentsOf(scenario)) {
    if (placed.has(experiment) || targets.every((t) => isKnown(scenario, t, known))) continue;
    if ((best.slots[r] ?? []).includes(experiment)) continue;
    // What it reveals waits for its answer: those items (and a tested threat's controls) move to
    // the next slot.
    const concerned = new Set(targets);
    for (const threat of scenario.security?.threats ?? [])
      if (targets.includes(threat.id)) for (const ctl of threat.controls) concerned.add(ctl.item);
    const waiting = (best.slots[r] ?? []).filter((id) => concerned.has(id));
    const later = r + 1 < best.slots.length;
    out.push({
      slots: best.slots.map((ids, s) => {
        const rest = ids.filter((id) => id !== experiment && !(later && waiting.includes(id)));
        if (s === r) return [experiment, ...rest];
        return s === r + 1 ? [...waiting, ...rest] : rest;
      }),
    });
  }
  return out;
}
