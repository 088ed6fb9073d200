/**
 * Runs the debrief's heavy jobs through the engine gateway and keeps the answer for the inputs it
 * was asked with. No state is reset synchronously: an answer for other inputs simply reads as
 * pending.
 */
import { useEffect, useState } from 'react';

export type JobState<T> =
  { status: 'pending' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

/**
 * The answer of `run` for `key` (null: nothing to run yet). `run` must be stable for a given key
 * (memoize it); asking again after a failure is `retry`.
 */
export function useJob<T>(
  key: string | null,
  run: (() => Promise<T>) | null,
): { state: JobState<T>; retry: () => void } {
  const [answer, setAnswer] = useState<{ key: string; state: JobState<T> } | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (key === null || run === null) return;
    let live = true;
    run().then(
      (value) => {
        if (live) setAnswer({ key, state: { status: 'ready', value } });
      },
      (error: unknown) => {
        if (live)
          setAnswer({
            key,
            state: {
              status: 'failed',
              message: error instanceof Error ? error.message : String(error),
            },
          });
      },
    );
    return () => {
      live = false;
    };
  }, [key, run, attempt]);
  return {
    state: answer !== null && answer.key === key ? answer.state : { status: 'pending' },
    retry: () => setAttempt((n) => n + 1),
  };
}

/** Whether the user asked for less motion. */
export function usePrefersReducedMotion(): boolean {
  const [reduced] = useState(
    () =>
      typeof window !== 'undefined' &&
      typeof window.matchMedia === 'function' &&
      window.matchMedia('(prefers-reduced-motion: reduce)').matches,
  );
  return reduced;
}
