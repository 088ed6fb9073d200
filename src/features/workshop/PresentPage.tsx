/**
 * The presentation view, for the projector: the workshop and its scenario in large type, the
 * timer, the round the room is on, who grades the plans (with each metric's share of the score),
 * whether scores are hidden — and the reveal, when the facilitator chooses — and the QR code
 * teams join with.
 */
import { Link } from 'wouter';

import { Breadcrumbs } from '../../components/Breadcrumbs';
import { TextQrCode } from '../../components/QrCode';
import { METRICS, compile } from '../../engine';
import { METRIC_INFO } from '../../explain/words';
import { scoresVisible } from '../../engine/workshop';
import { useAppStore, useScenarioListings } from '../../store';
import { useWeights, useWorkshopLink } from './hooks';
import { RoomLeaderboard, RoomRoster } from './RoomParts';
import { RoundButtons } from './RoundButtons';
import { useRoomServer } from './useRoomServer';
import { WorkshopTimer } from './Timer';
import { graderName } from './WorkshopBoard';
import './workshop.css';

export interface PresentPageProps {
  setupHref: string;
  joinPath: (token: string) => string;
  /** The route teams open to join a live room (with the relay when it is not beside the app). */
  roomJoinPath: (code: string, relay: string | null) => string;
}

export function PresentPage({ setupHref, joinPath, roomJoinPath }: PresentPageProps) {
  const settings = useAppStore((s) => s.workshop.settings);
  const listings = useScenarioListings();
  const scenario = settings
    ? (listings.find((l) => l.scenario.id === settings.scenarioId)?.scenario ?? null)
    : null;
  const round = useAppStore((s) => s.workshop.round);
  const setRevealed = useAppStore((s) => s.setRevealed);
  const workshopLink = useWorkshopLink(settings, scenario, joinPath);
  const weights = useWeights(scenario, settings);
  const room = useAppStore((s) =>
    s.workshop.room?.role === 'facilitator' ? s.workshop.room : null,
  );
  const server = useRoomServer();
  const appBase = server.status === 'found' ? server.appBase : window.location.href.split('#')[0]!;
  const sameRelay = server.status === 'found' && room !== null && server.relay === room.relay;
  const link = room
    ? `${appBase}#${roomJoinPath(room.code, sameRelay ? null : room.relay)}`
    : workshopLink;

  if (!settings || !scenario)
    return (
      <section className="present-page" aria-labelledby="present-title">
        <h1 id="present-title" tabIndex={-1}>
          Presentation view
        </h1>
        <p>No workshop is set up in this browser yet.</p>
        <p>
          <Link href={setupHref} className="button button-primary">
            Set up a workshop
          </Link>
        </p>
      </section>
    );

  const labels = scenario.time.labels;
  const shown = Math.min(round, labels.length - 1);
  const visible = scoresVisible(settings);
  const applicable = compile(scenario).applicable;
  const metrics = METRICS.filter((m) => applicable[m] && (weights?.weights[m] ?? 0) > 0);
  const total = metrics.reduce((sum, m) => sum + (weights?.weights[m] ?? 0), 0);

  const grader = graderName(scenario, settings);
  return (
    <section className="present-page" aria-labelledby="present-title" data-testid="present-page">
      <header className="present-title">
        <div>
          <h1 id="present-title" tabIndex={-1}>
            {settings.title || scenario.title}
          </h1>
          <p className="present-scenario">
            {settings.title ? `${scenario.title} · ` : ''}
            {scenario.industry} · graded as {grader}
          </p>
        </div>
        <Breadcrumbs steps={[{ href: setupHref, label: 'Workshop setup' }]} />
      </header>

      <div className="present-grid">
        <section
          // A timer of an hour or more starts at "1:00:00": the clock is sized for hours.
          className={`present-panel present-clock${settings.timerMinutes >= 60 ? ' present-clock-hours' : ''}`}
          aria-labelledby="present-timer"
        >
          <h2 id="present-timer">Timer</h2>
          <WorkshopTimer settings={settings} size="large" />
        </section>

        <section className="present-panel present-round" aria-labelledby="present-round">
          <h2 id="present-round">{settings.play === 'rounds' ? 'Round' : 'Play'}</h2>
          {settings.play === 'rounds' ? (
            <>
              <p className="present-round-value" data-testid="present-round">
                {labels[shown]}
              </p>
              <p className="present-round-of">
                Round {shown + 1} of {labels.length}
              </p>
              <RoundButtons round={round} rounds={labels.length} canEnd={room !== null} />
            </>
          ) : (
            <>
              <p className="present-round-value">Whole year</p>
              <p>
                Plan {labels[0]}–{labels[labels.length - 1]}, then {room ? 'submit it' : 'play it'}.
              </p>
            </>
          )}
          <ul className="present-weights" aria-label="Share of the score by metric">
            {metrics.map((m) => {
              const share = total > 0 ? (weights?.weights[m] ?? 0) / total : 0;
              return (
                <li key={m}>
                  <span>{METRIC_INFO[m].label}</span>
                  <span className="share-value">{Math.round(share * 100)}%</span>
                </li>
              );
            })}
          </ul>
        </section>

        {link && (
          <section className="present-panel present-join" aria-labelledby="present-join">
            <h2 id="present-join">Join</h2>
            {room ? (
              <p className="present-code">
                <span className="present-code-label">Room code</span>
                <strong data-testid="present-code">{room.code}</strong>
              </p>
            ) : (
              <p>Scan the code, or open the workshop link you were sent.</p>
            )}
            <TextQrCode
              text={link}
              label={room ? 'QR code of the room’s join address' : 'QR code of the workshop link'}
              className="workshop-qr"
            />
            {room && (
              <p className="present-address">
                {appBase.replace(/^https?:\/\//, '').replace(/\/$/, '')} → Join a room
              </p>
            )}
          </section>
        )}

        <section className="present-panel present-scores" aria-labelledby="present-scores">
          <h2 id="present-scores">{room && visible ? 'Leaderboard' : room ? 'Teams' : 'Scores'}</h2>
          <p
            className={`present-reveal ${visible ? 'is-shown' : 'is-hidden'}`}
            data-testid="present-reveal-state"
            role="status"
          >
            {!settings.hideScores
              ? 'Scores shown to teams'
              : settings.revealed
                ? 'Scores revealed'
                : 'Scores hidden until the reveal'}
          </p>
          {room && visible && scenario && (
            <RoomLeaderboard
              scenario={scenario}
              settings={settings}
              caption="Teams by score, with share of par"
              className="present-leaderboard"
            />
          )}
          {room && !visible && (
            <RoomRoster scenario={scenario} settings={settings} className="present-roster" />
          )}
          {settings.hideScores && (
            <p>
              <button
                type="button"
                className={settings.revealed ? 'button' : 'button button-primary'}
                onClick={() => setRevealed(!settings.revealed)}
              >
                {settings.revealed ? 'Hide the scores again' : 'Reveal the scores'}
              </button>
            </p>
          )}
          {settings.hideScores && !room && (
            <p className="small">
              Teams on other laptops see the change when they open the workshop link again.
            </p>
          )}
        </section>
      </div>
    </section>
  );
}
