/**
 * Decision quality of a game played quarter by quarter (round by round).
 *
 * Each commit is graded against the best commit available with the same information: when slot
 * `r` was committed, the slots before it had been played with the game's seed (their events,
 * incidents and efforts known) and slot `r`'s own dice were not. So
 *
 * - **best then** = the best plan from slot `r` on, given slots `0 … r − 1` as played (par from
 *   here: `frozenSlots = r`, revealed);
 * - **your commit** = the best plan from slot `r + 1` on with slot `r` fixed as committed, in the
 *   same world (`frozenSlots = r + 1`, `revealedSlots = r`): the commit is valued as if every later
 *   decision were made well, so a later mistake is charged to the later commit only;
 * - **points lost** = best then − your commit (never below 0: your commit is a candidate too).
 *
 * Neither the dice of a slot nor anything later decides its commit's grade: only what was known
 * when it was made. The game's decision score is par less every point lost.
 */
import { compile, type Compiled } from './compile.ts';
import { revealedFacts } from './expected.ts';
import { allHiddenFacts, revealedKey, type Revealed } from './hidden.ts';
import { experimentsFirst, valueOfCommit } from './lookahead.ts';
import { bakedPar, findPar, type ParOptions } from './par.ts';
import type { Plan } from './plan.ts';
import type { Scenario, Weights } from './schema.ts';
import { simulate } from './simulate.ts';

export interface CommitGrade {
  /** The slot committed (0-based). */
  slot: number;
  /** What was committed to the slot, in order. */
  committed: string[];
  /** The best commit available then (the first slot of par from here). */
  best: string[];
  /** Expected score of par from here when the commit was made (0–100). */
  bestScore: number;
  /** Expected score of the commit, every later decision made well (0–100). */
  yourScore: number;
  /** `bestScore − yourScore`, never below 0. */
  lost: number;
  /** What the slot revealed of the hidden facts, and what knowing it was worth (when any). */
  learned?: Learned;
}

/** Hidden facts a played slot revealed, and what that information was worth in this world. */
export interface Learned {
  facts: Revealed[];
  /**
   * Points the information was worth: par from the next slot with the facts known, less the
   * score (with the facts known) of the plan that would have been chosen without them. Never
   * below 0.
   */
  worth: number;
  /** Par from the next slot with the facts known. */
  informedScore: number;
  /** The plan chosen without the facts, scored with them. */
  blindScore: number;
  /** The next slot as each of those plans has it. */
  informedNext: string[];
  blindNext: string[];
}

export interface DecisionQuality {
  commits: CommitGrade[];
  /** Par for the year, before anything was played. */
  parScore: number;
  /** Every point lost, over all commits. */
  lost: number;
  /** The game's decision score: `parScore − lost`. */
  score: number;
}

export interface DecisionOptions {
  weights?: Weights;
  /** Evaluation budget of each search (default `DECISION_BUDGET`). */
  budget?: number;
}

/**
 * The budget of each search that grades a commit. With slots fixed the searches are smaller than
 * a whole-year par: on audit-year, platform-sprints and zero-day, 20,000 evaluations found the
 * same scores as 60,000 (to 0.01) but for one slot 0.2 points apart, in a third of the time.
 */
export const DECISION_BUDGET = 20_000;

/** A start for "your commit": best's plan with its slot-`r` items that were not committed moved on. */
function carriedOver(best: Plan, played: Plan, slot: number): Plan {
  const committed = new Set(played.slots[slot] ?? []);
  const leftover = (best.slots[slot] ?? []).filter((id) => !committed.has(id));
  return {
    slots: best.slots.map((ids, s) =>
      s < slot + 1
        ? [...(played.slots[s] ?? [])]
        : s === slot + 1
          ? [...leftover, ...ids.filter((id) => !committed.has(id))]
          : ids.filter((id) => !committed.has(id)),
    ),
  };
}

/**
 * Grades the commit of slot `slot` of a game: `plan`'s slots before it were committed and played
 * with `seed`, slot `slot` was then committed as `plan` has it.
 */
export function gradeCommit(
  scenario: Scenario,
  plan: Plan,
  seed: number,
  slot: number,
  options: DecisionOptions = {},
): CommitGrade {
  const slots = scenario.time.labels.length;
  const r = Math.max(0, Math.min(Math.floor(slot), slots - 1));
  const common = {
    ...(options.weights ? { weights: options.weights } : {}),
    budget: options.budget ?? DECISION_BUDGET,
  };
  const fixedPlan: Plan = { slots: Array.from({ length: slots }, (_, s) => plan.slots[s] ?? []) };
  const best =
    (r === 0 ? bakedPar(scenario, options.weights) : null) ??
    findPar(scenario, {
      ...common,
      starts: [fixedPlan],
      ...(r > 0 ? { frozenSlots: r, fixedPlan, revealedSeed: seed } : {}),
    });
  const yours = findPar(scenario, {
    ...common,
    starts: [fixedPlan, carriedOver(best.plan, fixedPlan, r)],
    frozenSlots: r + 1,
    fixedPlan,
    revealedSeed: seed,
    revealedSlots: r,
  });
  const c = compile(scenario);
  if (allHiddenFacts(scenario).length === 0) {
    // Both searches play in the same world, so the commit's own plan is a candidate for the best:
    // when its search went further, it is the best found.
    const top = yours.score > best.score ? yours : best;
    return {
      slot: r,
      committed: [...(fixedPlan.slots[r] ?? [])],
      best: [...(top.plan.slots[r] ?? [])],
      bestScore: top.score,
      yourScore: yours.score,
      lost: top.score - yours.score,
    };
  }
  // Hidden facts: a commit is worth what follows it once the facts it reveals are known, averaged
  // over what they may turn out to be (the learner's own commit, par's, and par's with each
  // experiment that would tell something new run first).
  const known = new Map(
    revealedFacts(c, seed, fixedPlan, r).map((f) => [revealedKey(f), f.outcome]),
  );
  const world = { seed, known };
  const value = (candidate: Plan, starts: Plan[]) =>
    valueOfCommit(c, candidate, r, world, { ...common, starts });
  const mine = value(fixedPlan, [fixedPlan, carriedOver(best.plan, fixedPlan, r)]);
  // A candidate that commits what you committed is your commit: valued once, as yours.
  const mineNow = JSON.stringify(fixedPlan.slots[r] ?? []);
  const candidates = [best.plan, ...experimentsFirst(c.scenario, best.plan, fixedPlan, r, known)]
    .filter((candidate) => JSON.stringify(candidate.slots[r] ?? []) !== mineNow)
    .map((candidate) => value(candidate, [candidate]));
  const top = candidates.reduce((a, b) => (b.score > a.score ? b : a), mine);
  const learned = r + 1 < slots ? learnedIn(c, scenario, fixedPlan, seed, r, known, common) : null;
  return {
    slot: r,
    committed: [...(fixedPlan.slots[r] ?? [])],
    best: [...(top.plan.slots[r] ?? [])],
    bestScore: top.score,
    yourScore: mine.score,
    lost: top.score - mine.score,
    ...(learned ? { learned } : {}),
  };
}

/**
 * What slot `r` of the game revealed, and what knowing it was worth: par from slot `r + 1` with
 * the facts known, against the plan that would have been chosen without them (same dice).
 */
function learnedIn(
  c: Compiled,
  scenario: Scenario,
  plan: Plan,
  seed: number,
  r: number,
  known: ReadonlyMap<string, number>,
  options: ParOptions,
): Learned | null {
  const facts = revealedFacts(c, seed, plan, r + 1).filter((f) => !known.has(revealedKey(f)));
  if (facts.length === 0) return null;
  const base = {
    ...options,
    frozenSlots: r + 1,
    fixedPlan: plan,
    revealedSeed: seed,
    starts: [plan],
  };
  const informed = findPar(scenario, base);
  const blind = findPar(scenario, { ...base, known });
  const blindScore = simulate(scenario, blind.plan, {
    mode: 'conditional',
    seed,
    revealedSlots: r + 1,
    ...(options.weights ? { weights: options.weights } : {}),
  }).score;
  const informedScore = Math.max(informed.score, blindScore);
  return {
    facts,
    worth: informedScore - blindScore,
    informedScore,
    blindScore,
    informedNext: [
      ...((informed.score >= blindScore ? informed.plan : blind.plan).slots[r + 1] ?? []),
    ],
    blindNext: [...(blind.plan.slots[r + 1] ?? [])],
  };
}

/** The game's decision score from its commits' grades: par less every point lost. */
export function decisionScore(parScore: number, commits: readonly CommitGrade[]): DecisionQuality {
  const lost = commits.reduce((sum, c) => sum + c.lost, 0);
  return { commits: [...commits], parScore, lost, score: parScore - lost };
}

/**
 * Grades each commit of a game: `plan`'s first `played` slots (default: every slot) were
 * committed in turn and played with `seed`.
 */
export function decisionQuality(
  scenario: Scenario,
  plan: Plan,
  seed: number,
  options: DecisionOptions & { played?: number } = {},
): DecisionQuality {
  const slots = scenario.time.labels.length;
  const played = Math.max(0, Math.min(options.played ?? slots, slots));
  const commits = Array.from({ length: played }, (_, r) =>
    gradeCommit(scenario, plan, seed, r, options),
  );
  const { weights } = options;
  const par = bakedPar(scenario, weights) ?? findPar(scenario, weights ? { weights } : {});
  return decisionScore(par.score, commits);
}
