/**
 * The error boundary around every screen. When a screen throws while rendering, the header stays,
 * and in place of the screen the user reads what happened, the error itself (in a details
 * element), and gets two ways out: back to their plan, or a reload.
 *
 * Saved data is never cleared here: the plans in local storage are exactly as they were, so a
 * reload restores them. Nothing is reported to any server. Navigating anywhere resets the
 * boundary, so one broken screen never blocks the others.
 */
import { Suspense, useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';

import { ErrorBoundary } from '../components/ErrorBoundary';
import { useAppStore } from '../store';
import { paths } from './routes';

/** The scenario id in a `/s/:scenarioId/…` location, or null. */
export function scenarioIdIn(location: string): string | null {
  const match = /^\/s\/([^/?#]+)/.exec(location);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

function ScreenError({ error, onLeave }: { error: Error; onLeave: () => void }) {
  const [location] = useLocation();
  const lastScenarioId = useAppStore((state) => state.preferences.lastScenarioId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // The scenario of this screen, else the one the user last planned, else the library.
  const scenarioId = scenarioIdIn(location) ?? lastScenarioId;
  const back = scenarioId
    ? { href: paths.board(scenarioId), label: 'Back to your plan' }
    : { href: paths.library, label: 'Back to the scenario library' };
  return (
    <section className="not-found screen-error" aria-labelledby="screen-error-title">
      <h1 id="screen-error-title" ref={heading} tabIndex={-1}>
        This screen could not be shown
      </h1>
      <p>
        Something went wrong while showing this screen. Your plans, notes and imported scenarios are
        still saved in this browser and have not been changed.
      </p>
      <p>Go back to your plan, or reload the page to try again.</p>
      <details>
        <summary>What went wrong (technical details)</summary>
        <pre className="screen-error-message">{error.message}</pre>
      </details>
      <p className="screen-error-actions">
        <Link href={back.href} className="button button-primary" onClick={onLeave}>
          {back.label}
        </Link>{' '}
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </p>
    </section>
  );
}

/**
 * Wraps the routes: shows `loading` while a lazy screen's code arrives, and `ScreenError` when a
 * screen throws (a failed code download included); navigating resets it.
 */
export function ScreenErrorBoundary({
  children,
  loading,
}: {
  children: ReactNode;
  /** Shown while a lazily loaded screen is on its way. */
  loading: ReactNode;
}) {
  const [location] = useLocation();
  return (
    <ErrorBoundary
      resetKey={location}
      fallback={(error, reset) => <ScreenError error={error} onLeave={reset} />}
    >
      <Suspense fallback={loading}>{children}</Suspense>
    </ErrorBoundary>
  );
}
