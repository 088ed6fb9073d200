/**
 * A team joins a live room: the room code (filled in from the QR code's address) and the team's
 * name. Once the room's settings arrive, the board of the room's scenario opens, driven by the
 * room. The facilitator's own "move to another laptop" address lands here too, with the key.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';

import { Notice } from '../../components/Notice';
import { isRoomCode, normalizeRoomCode } from '../../room/protocol';
import { TEAM_NAME_MAX, relayAddress, useAppStore } from '../../store';
import { useRoomServer } from './useRoomServer';
import './workshop.css';

const NO_RELAY = 'No relay was found beside this app: open the address your facilitator gave.';

export interface RoomJoinPageProps {
  /** The code from the address (the QR code), if any. */
  code?: string;
  /** A relay elsewhere, from the address (a hosted copy of the app), if any. */
  relay?: string;
  /** The facilitator's key (the "move to another laptop" address). */
  secret?: string;
  boardHref: (scenarioId: string) => string;
  hostHref: string;
  libraryHref: string;
}

export function RoomJoinPage({
  code: given,
  relay: givenRelay,
  secret,
  boardHref,
  hostHref,
  libraryHref,
}: RoomJoinPageProps) {
  const room = useAppStore((s) => s.workshop.room);
  const settings = useAppStore((s) => s.workshop.settings);
  const live = useAppStore((s) => s.roomLive);
  const savedTeam = useAppStore((s) => s.workshop.teamName);
  const joinRoom = useAppStore((s) => s.joinRoom);
  const takeOverRoom = useAppStore((s) => s.takeOverRoom);
  const server = useRoomServer();
  const [, navigate] = useLocation();
  const [code, setCode] = useState(given ? normalizeRoomCode(given) : '');
  const [teamName, setTeamName] = useState(savedTeam);
  const [problem, setProblem] = useState<string | null>(null);
  const [waiting, setWaiting] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const codeId = useId();
  const nameId = useId();

  const relay =
    (givenRelay ? relayAddress(givenRelay) : null) ??
    (server.status === 'found' ? server.relay : null);

  // The facilitator's key: take the console over, then go to it.
  useEffect(() => {
    if (!secret || !given || !relay) return;
    const normalized = normalizeRoomCode(given);
    if (room?.role !== 'facilitator' || room.code !== normalized || room.secret !== secret)
      takeOverRoom(relay, normalized, secret);
    navigate(hostHref, { replace: true });
  }, [secret, given, relay, room, takeOverRoom, navigate, hostHref]);

  // Joined: open the board as soon as the room's settings are here.
  const joinedHere = waiting && room?.role === 'team';
  useEffect(() => {
    if (joinedHere && live.ready && settings && live.status !== 'denied')
      navigate(boardHref(settings.scenarioId));
  }, [joinedHere, live.ready, settings, live.status, navigate, boardHref]);

  const submit = () => {
    const normalized = normalizeRoomCode(code);
    if (!isRoomCode(normalized)) {
      setProblem(
        'A room code has 6 letters and digits, like “K7QM2P”. Check it with your facilitator.',
      );
      return;
    }
    if (!teamName.trim()) {
      setProblem('Name your team, so the facilitator can tell you apart.');
      return;
    }
    setProblem(null);
    if (!relay && server.status === 'checking') {
      // Asked for before the check for a relay beside this app has answered: join once it has.
      setWaiting(true);
      void server.answer.then((found) => {
        if (!mounted.current) return;
        if (found.status === 'found') joinRoom(found.relay, normalized, teamName);
        else {
          setWaiting(false);
          setProblem(NO_RELAY);
        }
      });
      return;
    }
    if (!relay) {
      setProblem(NO_RELAY);
      return;
    }
    setWaiting(true);
    joinRoom(relay, normalized, teamName);
  };

  if (secret)
    return (
      <section className="join-page" aria-labelledby="room-join-title">
        <h1 id="room-join-title" tabIndex={-1}>
          Opening the room’s console…
        </h1>
        {!relay && server.status !== 'checking' && (
          <p role="alert">No relay was found for this room. Open the address the room printed.</p>
        )}
      </section>
    );

  return (
    <section className="join-page" aria-labelledby="room-join-title">
      <header className="workshop-header">
        <p className="eyebrow">Live workshop</p>
        <h1 id="room-join-title" tabIndex={-1}>
          Join a room
        </h1>
        <p className="lede">
          Type the code on the facilitator’s screen and your team’s name. Your plan reaches the
          facilitator as you work; if the Wi-Fi drops, keep working — it merges when you are back.
        </p>
      </header>
      {waiting && live.status === 'denied' && (
        <Notice tone="error" title="The room refused to let you in">
          <p>{live.problem}</p>
        </Notice>
      )}
      <form
        className="join-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="field-stacked">
          <label htmlFor={codeId}>Room code</label>
          <input
            id={codeId}
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={12}
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        </div>
        <div className="field-stacked">
          <label htmlFor={nameId}>Team name</label>
          <input
            id={nameId}
            type="text"
            autoComplete="off"
            maxLength={TEAM_NAME_MAX}
            value={teamName}
            onChange={(event) => setTeamName(event.target.value)}
          />
        </div>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <p>
          <button
            type="submit"
            className="button button-primary button-large"
            disabled={waiting && live.status !== 'denied'}
          >
            Join the room
          </button>
        </p>
        {waiting && live.status !== 'denied' && (
          <p role="status">Joining room {normalizeRoomCode(code)}…</p>
        )}
        <p className="small muted">
          Your saved plans stay as they are. No room? <Link href={libraryHref}>Practise alone</Link>
          .
        </p>
      </form>
    </section>
  );
}
