/**
 * A team's view of its live room, above the board: whether the room is connected (and that work
 * done offline merges when it is back), the room's round and timer, the lock, what the relay
 * refused, and — in whole-year play — handing the plan in.
 */
import type { WorkshopSettings } from '../../engine/workshop';
import { useAppStore } from '../../store';
import { WorkshopTimer } from './Timer';

const STATUS = {
  idle: 'Not connected to the room',
  connecting: 'Connecting to the room…',
  online: 'Live',
  offline: 'Offline — keep working: your changes are kept here and merge when the room is back',
  denied: 'The room refused this browser',
} as const;

export function RoomBar({ settings, rounds }: { settings: WorkshopSettings; rounds: boolean }) {
  const room = useAppStore((s) => s.workshop.room);
  const live = useAppStore((s) => s.roomLive);
  const locked = useAppStore((s) => s.workshop.locked);
  const submitRoomPlan = useAppStore((s) => s.submitRoomPlan);
  if (!room) return null;
  return (
    <div className="room-bar" data-testid="room-bar">
      <p className={`room-connection is-${live.status}`} role="status" data-testid="room-status">
        Room {room.code} · {STATUS[live.status]}
      </p>
      <WorkshopTimer settings={settings} size="small" readOnly />
      {locked && (
        <p className="room-locked" role="status" data-testid="room-locked">
          Your facilitator has locked the plans: nothing can be moved until they unlock them.
        </p>
      )}
      {live.problem && (
        <p className="field-error" role="alert">
          {live.problem}
        </p>
      )}
      {!rounds && (
        <p>
          <button
            type="button"
            className={live.submitted ? 'button' : 'button button-primary'}
            aria-pressed={live.submitted}
            disabled={locked}
            onClick={() => submitRoomPlan(!live.submitted)}
          >
            {live.submitted ? 'Submitted — take it back to change it' : 'Submit our plan'}
          </button>
        </p>
      )}
    </div>
  );
}
