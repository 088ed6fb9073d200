/**
 * Previous / next round, for the facilitator's console and the presentation view: one set of
 * rules for both. In a live room the facilitator can step past the last round ("End the last
 * round": every team's year is then played); without a room the last round is as far as it goes.
 */
import { useAppStore } from '../../store';

export interface RoundButtonsProps {
  /** The round the room is on: 0 … labels.length (labels.length once the last round has ended). */
  round: number;
  /** How many rounds the year has (one per slot). */
  rounds: number;
  /** A live room can end the last round; links and files stop at it. */
  canEnd: boolean;
}

export function RoundButtons({ round, rounds, canEnd }: RoundButtonsProps) {
  const setRound = useAppStore((s) => s.setRound);
  const shown = Math.min(round, rounds - 1);
  const atLast = shown >= rounds - 1;
  return (
    <div className="workshop-actions">
      <button
        type="button"
        className="button"
        disabled={shown === 0}
        onClick={() => setRound(shown - 1)}
      >
        Previous round
      </button>
      <button
        type="button"
        className="button button-primary"
        disabled={round >= rounds || (!canEnd && atLast)}
        onClick={() => setRound(round + 1)}
      >
        {canEnd && atLast ? 'End the last round' : 'Next round'}
      </button>
    </div>
  );
}
