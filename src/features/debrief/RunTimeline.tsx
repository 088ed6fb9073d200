/**
 * This run's events as a table: slot, what happened, how likely it was and the roll that decided
 * it — the same words as the reveal.
 */
import type { Debrief } from '../../explain/debrief';
import type { StorySlot, StoryTone } from '../../explain/story';
import { ScrollRegion } from './ScrollRegion';

/**
 * The mark before an event's name (its tone also has words: the row says what happened). The
 * non-breaking space keeps the mark on its word's line when a phone's narrow column wraps.
 */
const MARKERS: Partial<Record<StoryTone, string>> = { bad: '●\u00a0', good: '○\u00a0' };

export function RunTimeline({
  story,
  seed,
  effortReveal,
}: {
  story: readonly StorySlot[];
  /** The run's seed. */
  seed: number;
  /** Estimates against what the work took (from the debrief; empty when there is none). */
  effortReveal: Debrief['effortReveal'];
}) {
  const rows = story.flatMap((slot) => slot.events.map((event) => ({ slot, event })));
  return (
    <div className="run-timeline">
      <h3>What happened in this run (seed {seed})</h3>
      {rows.length === 0 ? (
        <p>Nothing left to chance happened this year.</p>
      ) : (
        <ScrollRegion label="This run’s events">
          <table className="data-table" data-testid="run-timeline">
            <thead>
              <tr>
                <th scope="col">Slot</th>
                <th scope="col">Event</th>
                <th scope="col">Chance</th>
                <th scope="col">Roll</th>
                <th scope="col">What it did</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ slot, event }, i) => (
                <tr key={i} className={`tone-${event.tone}`}>
                  <td>{slot.label}</td>
                  <td className="run-timeline-event">
                    {MARKERS[event.tone] && (
                      <span className="run-timeline-marker" aria-hidden="true">
                        {MARKERS[event.tone]}
                      </span>
                    )}
                    {event.title}
                    <span className="visually-hidden">
                      {event.happened ? ' (happened)' : ' (did not happen)'}
                    </span>
                  </td>
                  <td>{event.chance ?? 'certain'}</td>
                  <td>{event.roll ?? '—'}</td>
                  <td>{event.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {effortReveal.length > 0 && (
        <>
          <h4>Estimates against what the work took</h4>
          <ul className="effort-reveal">
            {effortReveal.map((e) => (
              <li key={e.item}>
                {e.title}: estimated {e.estimate[0]}–{e.estimate[1]} points (planned as {e.planned}
                ), took {e.actual.toFixed(1)} in this run.
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
