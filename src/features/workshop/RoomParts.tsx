/**
 * Pieces of a live room shared by the facilitator's console and the presentation view: the
 * roster (who joined, who is editing, who submitted, who is offline) and the live leaderboard.
 */
import { useMemo } from 'react';

import type { Scenario } from '../../engine';
import { workshopWeights, type WorkshopSettings } from '../../engine/workshop';
import { useAppStore } from '../../store';
import { formatMoney } from '../../explain/format';
import { NET_VALUE_LABEL } from '../../explain/value';
import { useNow, useWorkshopPar } from './hooks';
import {
  STATUS_LABEL,
  everyoneSubmitted,
  leaderboard,
  teamLabel,
  teamStatus,
  type LeaderRow,
} from './room';

export function RoomRoster({
  scenario,
  settings,
  className,
}: {
  scenario: Scenario;
  settings: WorkshopSettings;
  className?: string;
}) {
  const teams = useAppStore((s) => s.roomLive.teams);
  const round = useAppStore((s) => s.workshop.round);
  const now = useNow(teams.length > 0, 2000);
  const slots = scenario.time.labels.length;
  const all = everyoneSubmitted(teams, settings.play, round, slots);
  const submitted = teams.filter(
    (t) => teamStatus(t, settings.play, round, slots, now) === 'submitted',
  ).length;
  const what =
    settings.play === 'rounds'
      ? `committed ${scenario.time.labels[Math.min(round, slots - 1)] ?? ''}`
      : 'submitted their plan';
  return (
    <div className={className}>
      <p className={`room-summary${all ? ' is-all' : ''}`} role="status" data-testid="room-summary">
        {teams.length === 0
          ? 'No team has joined yet.'
          : all
            ? `Everyone has submitted: all ${teams.length} ${teams.length === 1 ? 'team has' : 'teams have'} ${what}.`
            : `${submitted} of ${teams.length} ${teams.length === 1 ? 'team has' : 'teams have'} ${what}.`}
      </p>
      {teams.length > 0 && (
        <ul className="room-roster" aria-label="Teams" data-testid="room-roster">
          {teams.map((team, index) => {
            const status = teamStatus(team, settings.play, round, slots, now);
            return (
              <li key={team.id} className={`roster-${status}`}>
                <span className="roster-name">{teamLabel(team, index)}</span>
                <span className="roster-status">
                  {STATUS_LABEL[status]}
                  {status !== 'offline' && !team.online ? ' · offline' : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** The live leaderboard: each team's plan graded as its own board grades it. */
export function useRoomLeaderboard(
  scenario: Scenario,
  settings: WorkshopSettings,
): { rows: LeaderRow[]; parScore: number | null } {
  const teams = useAppStore((s) => s.roomLive.teams);
  const weights = useMemo(() => workshopWeights(scenario, settings), [scenario, settings]);
  const ownWeights = settings.preset === 'balanced';
  const parInput = useMemo(() => (ownWeights ? {} : { weights }), [ownWeights, weights]);
  const par = useWorkshopPar(scenario, parInput, ownWeights);
  const parScore = par?.status === 'ready' ? par.score : null;
  const rows = useMemo(
    () => leaderboard(scenario, teams, weights, parScore),
    [scenario, teams, weights, parScore],
  );
  return { rows, parScore };
}

export function RoomLeaderboard({
  scenario,
  settings,
  caption,
  className,
}: {
  scenario: Scenario;
  settings: WorkshopSettings;
  caption: string;
  className?: string;
}) {
  const { rows, parScore } = useRoomLeaderboard(scenario, settings);
  if (rows.length === 0) return <p className={className}>No team has a plan yet.</p>;
  return (
    <table className={`room-leaderboard ${className ?? ''}`} data-testid="room-leaderboard">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Rank</th>
          <th scope="col">Team</th>
          <th scope="col">Score</th>
          <th scope="col">{NET_VALUE_LABEL}</th>
          <th scope="col">Share of par</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>{row.rank}</td>
            <th scope="row">{row.name}</th>
            <td>{row.score.toFixed(1)}</td>
            <td>{formatMoney(row.netValue)}</td>
            <td>
              {row.ofPar === null
                ? parScore === null
                  ? 'par…'
                  : '—'
                : `${Math.round(row.ofPar * 100)}%`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
