/**
 * Live rooms, without React: the roster's status words, "everyone has submitted", the live
 * leaderboard (every team's plan graded as its own board grades it: the expected outcome under
 * the room's weights) and the addresses teams join at.
 */
import { simulate, type Plan, type Scenario, type Weights } from '../../engine';
import { netValue, type Valued } from '../../explain/value';
import type { RoomTeam } from '../../store';

/** A plan edited within this long counts as "editing" on the roster (ms). */
export const EDITING_MS = 20_000;

export type TeamStatus = 'offline' | 'joined' | 'editing' | 'submitted';

/** Whether a team has handed in what the room asks for now. */
export function hasSubmitted(
  team: Pick<RoomTeam, 'committed' | 'submitted'>,
  play: 'rounds' | 'year',
  round: number,
  slots: number,
): boolean {
  if (play === 'year') return team.submitted;
  return team.committed.length > Math.min(round, slots - 1);
}

/** One status per team, the most telling first: submitted, editing, joined (online), offline. */
export function teamStatus(
  team: RoomTeam,
  play: 'rounds' | 'year',
  round: number,
  slots: number,
  now: number,
): TeamStatus {
  if (hasSubmitted(team, play, round, slots)) return 'submitted';
  if (!team.online) return 'offline';
  if (team.editedAt !== null && now - team.editedAt < EDITING_MS) return 'editing';
  return 'joined';
}

export const STATUS_LABEL: Record<TeamStatus, string> = {
  offline: 'Offline',
  joined: 'Joined',
  editing: 'Editing',
  submitted: 'Submitted',
};

/** True when at least one team joined and every team has submitted. */
export function everyoneSubmitted(
  teams: readonly RoomTeam[],
  play: 'rounds' | 'year',
  round: number,
  slots: number,
): boolean {
  return teams.length > 0 && teams.every((t) => hasSubmitted(t, play, round, slots));
}

/** "Team 3" for a team that has not named itself yet. */
export function teamLabel(team: Pick<RoomTeam, 'name'>, index: number): string {
  return team.name.trim() || `Team ${index + 1}`;
}

export interface LeaderRow {
  id: string;
  name: string;
  score: number;
  /** Net value in dollars, from the same expected run as the score. */
  netValue: number;
  /** Share of par (0–1+), or null while par is not known. */
  ofPar: number | null;
  rank: number;
}

/**
 * The live leaderboard: each team's plan graded by the expected outcome under `weights` — the
 * same score and net value its own board shows — ranked best first (ties share a rank, then by
 * name).
 */
export function leaderboard(
  scenario: Scenario,
  teams: readonly RoomTeam[],
  weights: Weights,
  parScore: number | null,
  grade: (plan: Plan) => Valued = (plan) => simulate(scenario, plan, { weights }),
): LeaderRow[] {
  const rows = teams.map((team, index) => {
    const outcome = grade(team.plan);
    const score = outcome.score;
    return {
      id: team.id,
      name: teamLabel(team, index),
      score,
      netValue: netValue(outcome),
      ofPar: parScore !== null && parScore > 0 ? score / parScore : null,
      rank: 0,
    };
  });
  rows.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    row.rank = previous && Math.abs(previous.score - row.score) < 1e-9 ? previous.rank : i + 1;
  });
  return rows;
}
