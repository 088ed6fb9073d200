/**
 * The facilitator's countdown: minutes and seconds left, start, pause and reset. The time lives in
 * the store as "started at" and "counted so far", so a reload keeps counting. When time is up it
 * is announced ("Time is up.", and "One minute left." before) and, when the settings ask for it,
 * the clock flashes — a visual alert with no sound, calm under reduced motion.
 */
import type { WorkshopSettings } from '../../engine/workshop';
import { timerRemainingMs, useAppStore } from '../../store';
import { useNow } from './hooks';

/** 754_000 ms → "12:34"; an hour or more → "1:02:03". Seconds round up, so 0:00 means done. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "12 minutes 34 seconds" for screen readers. */
function spokenClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  const parts = [];
  if (m > 0) parts.push(`${m} ${m === 1 ? 'minute' : 'minutes'}`);
  if (s > 0 || m === 0) parts.push(`${s} ${s === 1 ? 'second' : 'seconds'}`);
  return parts.join(' ');
}

export function WorkshopTimer({
  settings,
  size = 'normal',
  readOnly = false,
}: {
  settings: WorkshopSettings;
  size?: 'normal' | 'large' | 'small';
  /** A team's copy of the room's timer: the clock without its controls. */
  readOnly?: boolean;
}) {
  const timer = useAppStore((s) => s.workshop.timer);
  const startTimer = useAppStore((s) => s.startTimer);
  const pauseTimer = useAppStore((s) => s.pauseTimer);
  const resetTimer = useAppStore((s) => s.resetTimer);
  const running = timer.startedAt !== null;
  const now = useNow(running);
  const remaining = timerRemainingMs(settings, timer, now);
  const started = running || timer.elapsedMs > 0;
  const up = started && remaining === 0;
  const alert = up && settings.visualAlert;
  const state = up ? 'Time is up' : running ? 'Running' : started ? 'Paused' : 'Ready';

  return (
    <div
      className={`workshop-timer timer-${size}${up ? ' is-up' : ''}${alert ? ' is-alerting' : ''}`}
      data-testid="workshop-timer"
    >
      <p className="timer-clock" role="timer" aria-label={`Time left: ${spokenClock(remaining)}`}>
        {formatClock(remaining)}
      </p>
      <p className="timer-state">
        {state}
        {!up && ` · ${settings.timerMinutes} ${settings.timerMinutes === 1 ? 'minute' : 'minutes'}`}
      </p>
      {!readOnly && (
        <div className="timer-controls">
          {running && !up ? (
            <button type="button" className="button" onClick={() => pauseTimer(Date.now())}>
              Pause the timer
            </button>
          ) : (
            !up && (
              <button
                type="button"
                className="button button-primary"
                onClick={() => startTimer(Date.now())}
              >
                {started ? 'Resume the timer' : 'Start the timer'}
              </button>
            )
          )}
          <button type="button" className="button" onClick={resetTimer} disabled={!started}>
            Reset the timer
          </button>
        </div>
      )}
      {/* Derived from the time, so each change is announced once, as it happens. */}
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {up ? 'Time is up.' : running && remaining <= 60_000 ? 'One minute left.' : ''}
      </div>
    </div>
  );
}
