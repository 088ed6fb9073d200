/**
 * Par, as a pure function of plain JSON: the board's par (the scenario's own weights, the whole
 * year), par under a scoring preset's (or custom) weights, and in round-by-round play "par from
 * here" — the best continuation of the slots already played, in the world where they were played
 * with the workshop's seed.
 */
import type { Plan, Scenario, Weights } from '../engine';
import { gradeCommit, type CommitGrade } from '../engine/decisions';
import { bakedPar, findPar } from '../engine/par';

/** A par plan and its expected score (0–100). */
export interface ParFound {
  plan: Plan;
  score: number;
}

export interface ParInput {
  /** Grade with these weights instead of the scenario's. */
  weights?: Weights;
  /** Slots already played (round-by-round); 0 or absent for the whole year. */
  frozenSlots?: number;
  /** The plan whose first `frozenSlots` slots were played. */
  fixedPlan?: Plan;
  /** The seed the played slots were played with. */
  revealedSeed?: number;
  /** Evaluation budget of the search (default: the engine's). */
  budget?: number;
}

/** Par for the input: baked when valid for these weights and nothing is played, else searched. */
export function parFor(scenario: Scenario, input: ParInput): ParFound {
  const frozen = input.frozenSlots ?? 0;
  if (frozen === 0) {
    const baked = bakedPar(scenario, input.weights);
    if (baked) return baked;
  }
  const found = findPar(scenario, {
    ...(input.weights ? { weights: input.weights } : {}),
    ...(input.budget !== undefined ? { budget: input.budget } : {}),
    ...(frozen > 0
      ? {
          frozenSlots: frozen,
          fixedPlan: input.fixedPlan ?? { slots: [] },
          revealedSeed: input.revealedSeed ?? 1,
        }
      : {}),
  });
  return { plan: { slots: found.plan.slots }, score: found.score };
}

/** A commit of a round-by-round game to grade (see `gradeCommit`). */
export interface CommitInput {
  /** The game's plan: its slots up to `slot` were committed in turn. */
  plan: Plan;
  /** The seed the earlier slots were played with. */
  seed: number;
  /** The slot whose commit is graded. */
  slot: number;
  weights?: Weights;
}

/** The commit's expected score against the best commit available with the same information. */
export function commitGradeFor(scenario: Scenario, input: CommitInput): CommitGrade {
  return gradeCommit(scenario, input.plan, input.seed, input.slot, {
    ...(input.weights ? { weights: input.weights } : {}),
  });
}
