/**
 * The facilitator's live room: open a room for the workshop set up in this browser, then run it —
 * the room code and QR code teams join with, the live roster and "everyone has submitted", the
 * round, timer, lock and reveal (each reaches every team at once), "par from here" on or off,
 * and the leaderboard filling itself from the teams' live plans. The facilitator's key moves the
 * console to another laptop without ending the room.
 */
import { useId, useRef, useState } from 'react';
import { Link } from 'wouter';

import { copyText } from '../../components/browser';
import { Notice } from '../../components/Notice';
import { TextQrCode } from '../../components/QrCode';
import { relayAddress, useAppStore, useScenarioListings } from '../../store';
import { RoomLeaderboard, RoomRoster } from './RoomParts';
import { RoundButtons } from './RoundButtons';
import { WorkshopTimer } from './Timer';
import { graderName } from './WorkshopBoard';
import { useRoomServer } from './useRoomServer';
import './workshop.css';

export interface RoomHostPageProps {
  setupHref: string;
  presentHref: string;
  /** The route teams open to join room `code` (the app adds the relay when it is elsewhere). */
  joinPath: (code: string, relay: string | null) => string;
  /** The facilitator's own route to take over room `code` on another laptop. */
  takeOverPath: (code: string, secret: string, relay: string | null) => string;
}

const STATUS_TEXT = {
  idle: 'Not connected',
  connecting: 'Connecting to the relay…',
  online: 'Live: connected to the relay',
  offline: 'Offline: changes wait here and reach the teams when the relay is back',
  denied: 'Refused by the relay',
} as const;

export function RoomHostPage({
  setupHref,
  presentHref,
  joinPath,
  takeOverPath,
}: RoomHostPageProps) {
  const settings = useAppStore((s) => s.workshop.settings);
  const room = useAppStore((s) => s.workshop.room);
  const live = useAppStore((s) => s.roomLive);
  const round = useAppStore((s) => s.workshop.round);
  const locked = useAppStore((s) => s.workshop.locked);
  const createRoom = useAppStore((s) => s.createRoom);
  const leaveRoom = useAppStore((s) => s.leaveRoom);
  const setRevealed = useAppStore((s) => s.setRevealed);
  const setRoomLocked = useAppStore((s) => s.setRoomLocked);
  const save = useAppStore((s) => s.setWorkshopSettings);
  const listings = useScenarioListings();
  const server = useRoomServer();
  const [typedRelay, setTypedRelay] = useState('');
  const [relayProblem, setRelayProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const relayId = useId();
  const scenario = settings
    ? (listings.find((l) => l.scenario.id === settings.scenarioId)?.scenario ?? null)
    : null;

  if (!settings || !scenario)
    return (
      <section className="room-page" aria-labelledby="room-title">
        <h1 id="room-title" tabIndex={-1}>
          Live room
        </h1>
        <p>Set up the workshop first (scenario, who grades, how teams play), then open its room.</p>
        <p>
          <Link href={setupHref} className="button button-primary">
            Set up a workshop
          </Link>
        </p>
      </section>
    );

  const labels = scenario.time.labels;
  const shown = Math.min(round, labels.length - 1);
  const sameOrigin = server.status === 'found' ? server.relay : null;

  if (!room || room.role !== 'facilitator') {
    const open = (relay: string) => {
      createRoom(relay);
    };
    const openTyped = () => {
      const relay = relayAddress(typedRelay);
      if (!relay) {
        setRelayProblem(
          'Type the relay’s address, e.g. wss://rooms.example.org (ws:// or wss://).',
        );
        return;
      }
      setRelayProblem(null);
      open(relay);
    };
    return (
      <section className="room-page" aria-labelledby="room-title">
        <header className="workshop-header">
          <p className="eyebrow">Workshop</p>
          <h1 id="room-title" tabIndex={-1}>
            Open a live room
          </h1>
          <p className="lede">
            Teams join with a code; their plans reach your leaderboard as they work, and the round,
            timer, lock and reveal reach every laptop at once. The workshop stays the one set up
            here: “{scenario.title}”, graded as {graderName(scenario, settings)}.{' '}
            <Link href={setupHref}>Change the setup</Link>
          </p>
        </header>
        {room?.role === 'team' && (
          <Notice tone="info" title="This browser is a team in room ">
            <p>
              Opening a room here leaves room {room.code} as a team. Use another browser for the
              facilitator.
            </p>
          </Notice>
        )}
        {server.status === 'checking' ? (
          <p role="status">Looking for a relay beside this app…</p>
        ) : sameOrigin ? (
          <p>
            <button
              type="button"
              className="button button-primary button-large"
              onClick={() => open(sameOrigin)}
            >
              Open the room
            </button>
          </p>
        ) : (
          <form
            className="join-form"
            onSubmit={(event) => {
              event.preventDefault();
              openTyped();
            }}
          >
            <p>
              This copy of the app has no relay beside it. Start one on your laptop with{' '}
              <code>npm run room</code> and open the address it prints, or type the address of your
              organisation’s relay (its Content-Security-Policy must allow this app to connect to
              it; see the docs).
            </p>
            <div className="field-stacked">
              <label htmlFor={relayId}>Relay address</label>
              <input
                id={relayId}
                type="text"
                inputMode="url"
                autoComplete="off"
                placeholder="wss://rooms.example.org"
                value={typedRelay}
                aria-invalid={relayProblem ? true : undefined}
                aria-describedby={relayProblem ? `${relayId}-problem` : undefined}
                onChange={(event) => setTypedRelay(event.target.value)}
              />
              {relayProblem && (
                <p id={`${relayId}-problem`} className="field-error" role="alert">
                  {relayProblem}
                </p>
              )}
            </div>
            <p>
              <button type="submit" className="button button-primary">
                Open the room
              </button>
            </p>
          </form>
        )}
      </section>
    );
  }

  const relayInLink = sameOrigin === room.relay ? null : room.relay;
  const appBase = server.status === 'found' ? server.appBase : window.location.href.split('#')[0]!;
  const joinUrl = `${appBase}#${joinPath(room.code, relayInLink)}`;
  const takeOverUrl = `${window.location.href.split('#')[0]!}#${takeOverPath(room.code, room.secret, relayInLink)}`;
  const copy = async (text: string, what: string) => {
    const ok = await copyText(text, linkRef.current);
    setCopied(ok ? `${what} copied to the clipboard.` : 'Select the address and copy it (Ctrl+C).');
  };

  return (
    <section className="room-page" aria-labelledby="room-title">
      <header className="workshop-header">
        <p className="eyebrow">Live room</p>
        <h1 id="room-title" tabIndex={-1}>
          Room <span data-testid="room-code">{room.code}</span>
        </h1>
        <p className="lede">
          {settings.title ? `${settings.title} · ` : ''}
          {scenario.title} · graded as {graderName(scenario, settings)}
        </p>
        <p className={`room-connection is-${live.status}`} role="status" data-testid="room-status">
          {STATUS_TEXT[live.status]}
        </p>
        {live.problem && (
          <Notice tone="error" title="The relay said">
            <p>{live.problem}</p>
          </Notice>
        )}
        <p className="workshop-actions">
          <Link href={presentHref} className="button button-primary">
            Presentation view
          </Link>
          <Link href={setupHref} className="button">
            Workshop setup
          </Link>
        </p>
      </header>

      <div className="room-grid">
        <section className="workshop-card" aria-labelledby="room-join">
          <h2 id="room-join">Teams join</h2>
          <p>
            Code <strong className="room-code-big">{room.code}</strong> at{' '}
            <span className="room-address">
              {appBase.replace(/^https?:\/\//, '').replace(/\/$/, '')}
            </span>
            , or scan:
          </p>
          <TextQrCode
            text={joinUrl}
            label="QR code of the room’s join address"
            className="workshop-qr"
          />
          <div className="field-stacked">
            <label htmlFor={`${relayId}-link`}>Join address for teams</label>
            <input id={`${relayId}-link`} ref={linkRef} readOnly value={joinUrl} />
          </div>
          <p>
            <button
              type="button"
              className="button"
              onClick={() => void copy(joinUrl, 'Join address')}
            >
              Copy the join address
            </button>
          </p>
          <p role="status" className="small">
            {copied}
          </p>
        </section>

        <section className="workshop-card" aria-labelledby="room-teams">
          <h2 id="room-teams">Teams</h2>
          <RoomRoster scenario={scenario} settings={settings} />
        </section>

        <section className="workshop-card" aria-labelledby="room-controls">
          <h2 id="room-controls">Run the room</h2>
          {settings.play === 'rounds' ? (
            <div className="room-round">
              <p className="present-big" data-testid="room-round">
                {labels[shown]} · round {shown + 1} of {labels.length}
              </p>
              <RoundButtons round={round} rounds={labels.length} canEnd />
            </div>
          ) : (
            <p>Teams plan the whole year, then submit it.</p>
          )}
          <WorkshopTimer settings={settings} />
          <div className="workshop-actions">
            <button
              type="button"
              className="button"
              aria-pressed={locked}
              onClick={() => setRoomLocked(!locked)}
            >
              {locked ? 'Unlock plans' : 'Lock plans'}
            </button>
            {settings.hideScores && (
              <button
                type="button"
                className={settings.revealed ? 'button' : 'button button-primary'}
                onClick={() => setRevealed(!settings.revealed)}
              >
                {settings.revealed ? 'Hide the scores again' : 'Reveal the scores'}
              </button>
            )}
          </div>
          <p className="small" data-testid="room-state">
            {locked ? 'Plans are locked.' : 'Teams can change their plans.'}{' '}
            {settings.hideScores
              ? settings.revealed
                ? 'Scores are revealed.'
                : 'Scores are hidden from teams.'
              : 'Teams see their scores.'}
          </p>
          <div className="choice">
            <input
              id={`${relayId}-par`}
              type="checkbox"
              checked={settings.parFromHere}
              onChange={(event) => save({ ...settings, parFromHere: event.target.checked })}
            />
            <div className="choice-text">
              <label htmlFor={`${relayId}-par`}>Teams may ask for “Par from here”</label>
              <p className="small muted">
                Off hides the best continuation from every team (it shows a whole best plan).
              </p>
            </div>
          </div>
        </section>

        <section className="workshop-card room-board" aria-labelledby="room-leaders">
          <h2 id="room-leaders">Leaderboard</h2>
          <p className="small muted">
            Each team’s plan as it stands, graded as its own board grades it: the expected outcome,
            graded as {graderName(scenario, settings)} would.
            {settings.hideScores && !settings.revealed
              ? ' Teams do not see this until you reveal.'
              : ''}
          </p>
          <RoomLeaderboard
            scenario={scenario}
            settings={settings}
            caption="Teams by score (live)"
          />
        </section>
      </div>

      <details className="workshop-card room-takeover">
        <summary>Move this console to another laptop</summary>
        <p>
          Open this address on the other laptop: it carries the facilitator’s key, so keep it to
          yourself (never send it to teams). The room goes on while you move.
        </p>
        <p className="room-secret-link">
          <code>{takeOverUrl}</code>
        </p>
        <p>
          <button
            type="button"
            className="button"
            onClick={() => void copy(takeOverUrl, 'Facilitator address')}
          >
            Copy the facilitator address
          </button>{' '}
          <button type="button" className="button" onClick={leaveRoom}>
            Leave the room in this browser
          </button>
        </p>
      </details>
    </section>
  );
}
