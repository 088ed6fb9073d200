/**
 * The app shell: one store for the session, hash routing, the header, the storage notice and the
 * three screens. Features get the links they need as props, so they never depend on each other.
 */
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { Link, Route, Router, Switch, useLocation, type BaseLocationHook } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';

import { Notice } from '../components/Notice';
import { BoardPage } from '../features/board/BoardPage';
import { BriefingPage } from '../features/briefing/BriefingPage';
import { LibraryPage } from '../features/library/LibraryPage';
import {
  AppStoreProvider,
  createAppStore,
  useAppStore,
  useScenario,
  type AppStore,
} from '../store';
import { createParWorkerRunner } from '../workers/parClient';
import { shippedCatalog, type CatalogEntry } from './catalog';
import { paths, routePatterns } from './routes';

export interface AppProps {
  /** The scenarios to list; defaults to the files shipped in `scenarios/`. */
  entries?: readonly CatalogEntry[];
  /** A store to use instead of a new one (tests). */
  store?: AppStore;
  /** The location hook; default hash-based. Tests pass wouter's memory location. */
  hook?: BaseLocationHook;
}

const APP_NAME = 'Roadmap Dojo';

function usePageTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}

function StorageNoticeBanner() {
  const notice = useAppStore((state) => state.storageNotice);
  const dismiss = useAppStore((state) => state.dismissStorageNotice);
  if (!notice) return null;
  return (
    <div className="app-notice">
      <Notice
        tone="warning"
        title="Saved data could not be used"
        onDismiss={dismiss}
        dismissLabel="Dismiss this notice"
      >
        <p>{notice.message}</p>
        {notice.details.length > 0 && (
          <ul className="notice-details">
            {notice.details.map((detail, index) => (
              <li key={index}>{detail}</li>
            ))}
          </ul>
        )}
      </Notice>
    </div>
  );
}

function NotFound({ what }: { what: ReactNode }) {
  usePageTitle('Not found');
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title" tabIndex={-1}>
        Not found
      </h1>
      <p>{what}</p>
      <p>
        <Link href={paths.library} className="button button-primary">
          Back to the scenario library
        </Link>
      </p>
    </section>
  );
}

function LibraryRoute() {
  usePageTitle(null);
  return <LibraryPage briefingHref={paths.briefing} boardHref={paths.board} />;
}

function BriefingRoute({ scenarioId }: { scenarioId: string }) {
  const scenario = useScenario(scenarioId);
  usePageTitle(scenario ? `Briefing: ${scenario.title}` : null);
  if (!scenario) return <NotFound what={`There is no scenario “${scenarioId}” in the library.`} />;
  return (
    <BriefingPage
      scenario={scenario}
      boardHref={paths.board(scenario.id)}
      libraryHref={paths.library}
    />
  );
}

function BoardRoute({ scenarioId }: { scenarioId: string }) {
  const scenario = useScenario(scenarioId);
  const setPreferences = useAppStore((state) => state.setPreferences);
  usePageTitle(scenario ? `Plan: ${scenario.title}` : null);
  useEffect(() => {
    if (scenario) setPreferences({ lastScenarioId: scenario.id });
  }, [scenario, setPreferences]);
  if (!scenario) return <NotFound what={`There is no scenario “${scenarioId}” in the library.`} />;
  return (
    <BoardPage
      scenario={scenario}
      briefingHref={paths.briefing(scenario.id)}
      libraryHref={paths.library}
    />
  );
}

/** Moves focus to the new page's heading after navigation, so screen readers hear it. */
function useFocusOnNavigate(main: React.RefObject<HTMLElement | null>) {
  const [location] = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo?.(0, 0);
    const heading = main.current?.querySelector<HTMLElement>('h1');
    (heading ?? main.current)?.focus();
  }, [location, main]);
}

function Shell() {
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnNavigate(mainRef);
  // With hash routing a "#main" link would navigate; focus the main region instead.
  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
  };
  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link href={paths.library} className="brand">
            <img className="brand-mark" src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" />
            {APP_NAME}
          </Link>
          <span className="tagline">Practise roadmap prioritization</span>
        </div>
      </header>
      <StorageNoticeBanner />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Switch>
          <Route path={routePatterns.library} component={LibraryRoute} />
          <Route path={routePatterns.briefing}>
            {(params: { scenarioId: string }) => (
              <BriefingRoute scenarioId={decodeURIComponent(params.scenarioId)} />
            )}
          </Route>
          <Route path={routePatterns.board}>
            {(params: { scenarioId: string }) => (
              <BoardRoute scenarioId={decodeURIComponent(params.scenarioId)} />
            )}
          </Route>
          <Route>
            <NotFound what="This page does not exist." />
          </Route>
        </Switch>
      </main>
    </>
  );
}

export function App({ entries = shippedCatalog, store, hook = useHashLocation }: AppProps) {
  const [appStore] = useState(
    () => store ?? createAppStore({ catalog: entries, computePar: createParWorkerRunner() }),
  );
  return (
    <AppStoreProvider store={appStore}>
      <Router hook={hook}>
        <Shell />
      </Router>
    </AppStoreProvider>
  );
}
