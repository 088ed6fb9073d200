/**
 * The year, slot by slot: what finished and what happened in this run (incidents, breaches with
 * their probability and roll, scripted events, overload, freezes). It advances on its own unless
 * the user prefers reduced motion; it can be paused, stepped and skipped with the keyboard, and
 * every slot is announced in a live region.
 */
import { useEffect, useRef, useState } from 'react';

import { LiveRegion } from '../../components/LiveRegion';
import type { StoryEvent, StorySlot } from '../../explain/story';
import { usePrefersReducedMotion } from './useJob';

/** Time each slot stays on screen before the next (ms). */
export const REVEAL_STEP_MS = 1800;

export interface RevealProps {
  story: readonly StorySlot[];
  seed: number;
  onDone: () => void;
}

const TONE_LABEL: Record<StoryEvent['tone'], string> = {
  bad: 'Hit',
  neutral: 'Event',
  good: 'Spared',
};

export function EventLine({ event }: { event: StoryEvent }) {
  return (
    <li className={`story-event tone-${event.tone}`} data-kind={event.kind}>
      <span className="story-event-tag">{TONE_LABEL[event.tone]}</span>
      <span>{event.text}</span>
    </li>
  );
}

export function Reveal({ story, seed, onDone }: RevealProps) {
  const reduced = usePrefersReducedMotion();
  const [shown, setShown] = useState(1);
  const [playing, setPlaying] = useState(!reduced);
  const doneButton = useRef<HTMLButtonElement>(null);
  const finished = shown >= story.length;

  useEffect(() => {
    if (!playing || finished) return;
    const timer = window.setTimeout(() => setShown((n) => n + 1), REVEAL_STEP_MS);
    return () => window.clearTimeout(timer);
  }, [playing, finished, shown]);

  useEffect(() => {
    if (finished) doneButton.current?.focus();
  }, [finished]);

  const current = story[Math.min(shown, story.length) - 1];
  return (
    <section className="reveal" aria-labelledby="reveal-title">
      <div className="reveal-header">
        <h2 id="reveal-title">Playing the year</h2>
        <p className="muted">
          One run with seed {seed}: the dice decide incidents, breaches and events. Your grade comes
          from the expected run, not from this one.
        </p>
      </div>
      <div className="reveal-controls no-print" role="group" aria-label="Reveal controls">
        {!finished && (
          <>
            <button
              type="button"
              className="button button-small"
              onClick={() => setPlaying((p) => !p)}
              aria-pressed={!playing}
            >
              {playing ? 'Pause' : 'Play'}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => setShown((n) => Math.min(story.length, n + 1))}
            >
              Next slot
            </button>
          </>
        )}
        <button
          ref={doneButton}
          type="button"
          className={`button ${finished ? 'button-primary' : 'button-small'}`}
          onClick={onDone}
        >
          {finished ? 'See the debrief' : 'Skip to the debrief'}
        </button>
      </div>
      <ol className="reveal-slots">
        {story.map((slot, i) => (
          <li
            key={slot.slot}
            className={`reveal-slot${i < shown ? ' is-shown' : ''}`}
            aria-hidden={i >= shown || undefined}
          >
            <h3>{slot.label}</h3>
            {i < shown ? (
              <>
                <p className="reveal-finished">{slot.finishedText}</p>
                {slot.events.length > 0 && (
                  <ul className="story-events">
                    {slot.events.map((event, j) => (
                      <EventLine key={j} event={event} />
                    ))}
                  </ul>
                )}
                <p className="reveal-numbers">{slot.numbersText}</p>
              </>
            ) : (
              <p className="muted">Not played yet.</p>
            )}
          </li>
        ))}
      </ol>
      <LiveRegion
        announcement={current ? { text: current.announcement, id: shown } : null}
        id="reveal-announcer"
      />
    </section>
  );
}
