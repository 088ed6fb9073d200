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
import { bakedPar, findPar } from './par.ts';
import type { Plan } from './plan.ts';
import type { Scenario, Weights } from './schema.ts';

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
