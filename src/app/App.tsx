/**
 * The app shell: one store for the session, hash routing, the header, the storage notice and the
 * three screens. Features get the links they need as props, so they never depend on each other.
 */
import {
  lazy,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { Link, Route, Router, Switch, useLocation, useRoute, type BaseLocationHook } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';

import { StorageNotices } from '../features/data/StorageNotices';
import { LibraryPage } from '../features/library/LibraryPage';
import type { DebriefGrading } from '../features/debrief/DebriefPage';
import { ShareActions } from '../features/share/ShareActions';
import { SoloStartButton } from '../features/workshop/SoloStart';
import {
  AppStoreProvider,
  createAppStore,
  activeWorkshopFor,
  roundsPlayFor,
  selectScenario,
  useAppStore,
  useScenario,
  type AppStore,
} from '../store';
import { EngineProvider, useProvidedEngine } from '../workers/EngineProvider';
import { engineGateway, type EngineGateway } from '../workers/gateway';
import scenarioIndex from 'virtual:scenario-index';

import type { CatalogEntry } from './catalog';
import { loadShippedCatalog } from './catalogData';
import { paths, routePatterns } from './routes';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { UpdatePrompt } from './UpdatePrompt';
import type { AppUpdates } from './updates';

export interface AppProps {
  /**
   * The scenarios to list. By default the files shipped in `scenarios/`: the first screen lists
   * their build-time index and the scenario files are fetched when a screen needs one.
   */
  entries?: readonly CatalogEntry[];
  /** The store: the page's entry creates it once (`createShippedStore`); tests pass their own. */
  store?: AppStore;
  /** The location hook; default hash-based. Tests pass wouter's memory location. */
  hook?: BaseLocationHook;
  /** New versions of the app (the service worker); none in tests and `npm run dev`. */
  updates?: AppUpdates;
}

const APP_NAME = 'Roadmap Dojo';

/** The board's element that takes the "Skip to the board" link's focus (BoardPage's BOARD_ID). */
const BOARD_ANCHOR = 'board';

// The library is the first screen; the briefing and the board (with dnd-kit) load when opened.
// A route that waits for the scenarios starts fetching its screen's code at the same time.
const loadBriefing = () => import('../features/briefing/BriefingPage');
const loadBoard = () => import('../features/board/BoardPage');
const BriefingPage = lazy(() => loadBriefing().then((m) => ({ default: m.BriefingPage })));
const BoardPage = lazy(() => loadBoard().then((m) => ({ default: m.BoardPage })));
const SharedPlanPage = lazy(() =>
  import('../features/share/SharedPlanPage').then((m) => ({ default: m.SharedPlanPage })),
);
const DebriefPage = lazy(() =>
  import('../features/debrief/DebriefPage').then((m) => ({ default: m.DebriefPage })),
);
const ComparePage = lazy(() =>
  import('../features/debrief/ComparePage').then((m) => ({ default: m.ComparePage })),
);
const WorkshopPage = lazy(() =>
  import('../features/workshop/WorkshopPage').then((m) => ({ default: m.WorkshopPage })),
);
const WorkshopPresentPage = lazy(() =>
  import('../features/workshop/PresentPage').then((m) => ({ default: m.PresentPage })),
);
const WorkshopJoinPage = lazy(() =>
  import('../features/workshop/JoinPage').then((m) => ({ default: m.JoinPage })),
);
const SavedDataPage = lazy(() =>
  import('../features/data/SavedDataPage').then((m) => ({ default: m.SavedDataPage })),
);
const ComparisonPage = lazy(() =>
  import('../features/workshop/ComparisonPage').then((m) => ({ default: m.ComparisonPage })),
);
const RoomHostPage = lazy(() =>
  import('../features/workshop/RoomHostPage').then((m) => ({ default: m.RoomHostPage })),
);
const RoomJoinPage = lazy(() =>
  import('../features/workshop/RoomJoinPage').then((m) => ({ default: m.RoomJoinPage })),
);
// Loaded only when a workshop drives the board (or grades the debrief) in this browser.
const WorkshopBoard = lazy(() =>
  import('../features/workshop/WorkshopBoard').then((m) => ({ default: m.WorkshopBoard })),
);
const WorkshopDebrief = lazy(() =>
  import('../features/workshop/WorkshopDebrief').then((m) => ({ default: m.WorkshopDebrief })),
);

function Loading() {
  return (
    <p className="muted" role="status">
      Loading…
    </p>
  );
}

function usePageTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
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
  void loadBriefing();
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
  void loadBoard();
  const scenario = useScenario(scenarioId);
  const setPreferences = useAppStore((state) => state.setPreferences);
  usePageTitle(scenario ? `Plan: ${scenario.title}` : null);
  useEffect(() => {
    if (scenario) setPreferences({ lastScenarioId: scenario.id });
  }, [scenario, setPreferences]);
  const inRounds = useAppStore((state) =>
    scenario ? roundsPlayFor(state, scenario.id) !== null : false,
  );
  if (!scenario) return <NotFound what={`There is no scenario “${scenarioId}” in the library.`} />;
  if (inRounds)
    // The round panel plays the year (a workshop's dice, or the learner's own quarter-by-quarter
    // game): no "Play the year".
    return (
      <WorkshopBoard
        scenario={scenario}
        playHref={paths.play(scenario.id)}
        setupHref={paths.workshop}
      >
        {(workshop) => (
          <BoardPage
            scenario={scenario}
            briefingHref={paths.briefing(scenario.id)}
            libraryHref={paths.library}
            compareHref={paths.compare(scenario.id)}
            toolbarActions={<ShareActions scenario={scenario} />}
            {...(workshop ? { workshop } : {})}
          />
        )}
      </WorkshopBoard>
    );
  return (
    <BoardPage
      scenario={scenario}
      briefingHref={paths.briefing(scenario.id)}
      libraryHref={paths.library}
      compareHref={paths.compare(scenario.id)}
      playAction={
        <>
          <SoloStartButton scenario={scenario} />
          <Link href={paths.play(scenario.id)} className="button button-small button-primary">
            <span>
              Play<span className="narrow-hidden"> the year</span>
            </span>
          </Link>
        </>
      }
      toolbarActions={<ShareActions scenario={scenario} />}
    />
  );
}

function WorkshopRoute() {
  usePageTitle('Run a workshop');
  return (
    <WorkshopPage
      boardHref={paths.board}
      briefingHref={paths.briefing}
      presentHref={paths.workshopPresent}
      compareHref={paths.workshopCompare}
      joinPath={paths.workshopJoin}
      roomHref={paths.roomHost}
    />
  );
}

function WorkshopPresentRoute() {
  usePageTitle('Workshop presentation');
  return (
    <WorkshopPresentPage
      setupHref={paths.workshop}
      joinPath={paths.workshopJoin}
      roomJoinPath={paths.roomJoin}
    />
  );
}

function WorkshopCompareRoute() {
  usePageTitle('Team comparison');
  return <ComparisonPage libraryHref={paths.library} workshopHref={paths.workshop} />;
}

function WorkshopJoinRoute({ token }: { token: string }) {
  usePageTitle('Join a workshop');
  return <WorkshopJoinPage token={token} boardHref={paths.board} libraryHref={paths.library} />;
}

function SavedDataRoute() {
  usePageTitle('Saved data');
  return <SavedDataPage libraryHref={paths.library} />;
}

function RoomHostRoute() {
  usePageTitle('Live room');
  return (
    <RoomHostPage
      setupHref={paths.workshop}
      presentHref={paths.workshopPresent}
      joinPath={paths.roomJoin}
      takeOverPath={paths.roomTakeOver}
    />
  );
}

function RoomJoinRoute(props: { code?: string; relay?: string; secret?: string }) {
  usePageTitle(props.secret ? 'Live room' : 'Join a room');
  return (
    <RoomJoinPage
      {...props}
      boardHref={paths.board}
      hostHref={paths.roomHost}
      libraryHref={paths.library}
    />
  );
}

function ShareRoute({ token }: { token: string }) {
  usePageTitle('Shared plan');
  return <SharedPlanPage token={token} libraryHref={paths.library} boardHref={paths.board} />;
}

function PlayRoute({ scenarioId }: { scenarioId: string }) {
  const scenario = useScenario(scenarioId);
  usePageTitle(scenario ? `Debrief: ${scenario.title}` : null);
  const inWorkshop = useAppStore((state) =>
    scenario ? activeWorkshopFor(state, scenario.id) !== null : false,
  );
  if (!scenario) return <NotFound what={`There is no scenario “${scenarioId}” in the library.`} />;
  const debrief = (grading?: DebriefGrading) => (
    <DebriefPage
      scenario={scenario}
      boardHref={paths.board(scenario.id)}
      briefingHref={paths.briefing(scenario.id)}
      libraryHref={paths.library}
      compareHref={paths.compare(scenario.id)}
      {...(grading ? { grading } : {})}
    />
  );
  // In a workshop the debrief grades as the board did: the workshop's weights and their par.
  if (inWorkshop)
    return <WorkshopDebrief scenario={scenario}>{(grading) => debrief(grading)}</WorkshopDebrief>;
  return debrief();
}

function CompareRoute({ scenarioId }: { scenarioId: string }) {
  const scenario = useScenario(scenarioId);
  usePageTitle(scenario ? `Compare variants: ${scenario.title}` : null);
  if (!scenario) return <NotFound what={`There is no scenario “${scenarioId}” in the library.`} />;
  return (
    <ComparePage
      scenario={scenario}
      boardHref={paths.board(scenario.id)}
      playHref={paths.play(scenario.id)}
      libraryHref={paths.library}
    />
  );
}

/**
 * After a navigation, moves focus to the new page's heading so screen readers hear it. It runs
 * when the page has rendered, which for the lazy-loaded screens is after their code arrives.
 */
function FocusAfterNavigation({ takeRequest }: { takeRequest: () => boolean }) {
  useEffect(() => {
    // While a lazy screen loads, the previous one may still be in the DOM, hidden: skip it.
    const heading = Array.from(document.querySelectorAll<HTMLElement>('main h1')).find(
      (h) => h.checkVisibility?.() ?? true,
    );
    if (heading && takeRequest()) heading.focus();
  });
  return null;
}

/** A route parameter decoded, or null when a tampered address holds a broken escape. */
function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function Shell({ updates }: { updates: AppUpdates | undefined }) {
  const mainRef = useRef<HTMLElement>(null);
  // A live room this browser is in (saved) connects again after a reload.
  const connectRoom = useAppStore((state) => state.connectRoom);
  useEffect(() => connectRoom(), [connectRoom]);
  // The board uses the whole window width; the other screens a readable column.
  const [isBoard, boardParams] = useRoute(routePatterns.board);
  // "Skip to the board" only when there is a board to skip to (not on an unknown scenario's page).
  const boardScenarioId = boardParams ? safeDecode(boardParams.scenarioId) : null;
  const hasBoard = useAppStore((state) =>
    boardScenarioId === null ? false : selectScenario(state, boardScenarioId) !== null,
  );
  // The presentation view fills the projector's screen.
  const [isPresent] = useRoute(routePatterns.workshopPresent);
  const [location] = useLocation();
  const lastLocation = useRef(location);
  const focusPending = useRef(false);
  // A layout effect, so the request is set before FocusAfterNavigation's (passive) effect runs.
  useLayoutEffect(() => {
    if (lastLocation.current === location) return;
    lastLocation.current = location;
    focusPending.current = true;
    window.scrollTo(0, 0);
  }, [location]);
  const takeFocusRequest = useCallback(() => {
    const pending = focusPending.current;
    focusPending.current = false;
    return pending;
  }, []);
  // With hash routing a "#main" link would navigate; focus the main region instead.
  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
  };
  // On the board, the first Tab offers the board itself: the board hands focus to its first card.
  const skipToBoard = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const board = document.getElementById(BOARD_ANCHOR);
    if (board) board.focus();
    else mainRef.current?.focus();
  };
  return (
    <>
      {hasBoard && (
        <a className="skip-link" href={`#${BOARD_ANCHOR}`} onClick={skipToBoard}>
          Skip to the board
        </a>
      )}
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
          <nav className="site-nav" aria-label="Site">
            <Link href={paths.room}>Join a room</Link>
            <Link href={paths.workshop}>Run a workshop</Link>
            <Link href={paths.data}>Saved data</Link>
          </nav>
        </div>
      </header>
      {updates && <UpdatePrompt updates={updates} />}
      <StorageNotices savedDataHref={paths.data} />
      <main
        id="main"
        ref={mainRef}
        tabIndex={-1}
        className={isBoard ? 'main-wide main-board' : isPresent ? 'main-present' : undefined}
      >
        <ScreenErrorBoundary loading={<Loading />}>
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
            <Route path={routePatterns.play}>
              {(params: { scenarioId: string }) => (
                <PlayRoute scenarioId={decodeURIComponent(params.scenarioId)} />
              )}
            </Route>
            <Route path={routePatterns.compare}>
              {(params: { scenarioId: string }) => (
                <CompareRoute scenarioId={decodeURIComponent(params.scenarioId)} />
              )}
            </Route>
            <Route path={routePatterns.workshop} component={WorkshopRoute} />
            <Route path={routePatterns.workshopPresent} component={WorkshopPresentRoute} />
            <Route path={routePatterns.workshopCompare} component={WorkshopCompareRoute} />
            <Route path={routePatterns.workshopJoin}>
              {(params: { token: string }) => <WorkshopJoinRoute token={params.token} />}
            </Route>
            <Route path={routePatterns.data} component={SavedDataRoute} />
            <Route path={routePatterns.roomHost} component={RoomHostRoute} />
            <Route path={routePatterns.roomNew} component={RoomHostRoute} />
            <Route path={routePatterns.room}>{() => <RoomJoinRoute />}</Route>
            <Route path={routePatterns.roomTakeOverVia}>
              {(params: { code: string; key: string; relay: string }) => (
                <RoomJoinRoute
                  code={params.code}
                  secret={params.key}
                  relay={decodeURIComponent(params.relay)}
                />
              )}
            </Route>
            <Route path={routePatterns.roomTakeOver}>
              {(params: { code: string; key: string }) => (
                <RoomJoinRoute code={params.code} secret={params.key} />
              )}
            </Route>
            <Route path={routePatterns.roomJoinVia}>
              {(params: { code: string; relay: string }) => (
                <RoomJoinRoute code={params.code} relay={decodeURIComponent(params.relay)} />
              )}
            </Route>
            <Route path={routePatterns.roomJoin}>
              {(params: { code: string }) => <RoomJoinRoute code={params.code} />}
            </Route>
            <Route path={routePatterns.share}>
              {(params: { token: string }) => <ShareRoute token={params.token} />}
            </Route>
            <Route>
              <NotFound what="This page does not exist." />
            </Route>
          </Switch>
          <FocusAfterNavigation takeRequest={takeFocusRequest} />
        </ScreenErrorBoundary>
      </main>
    </>
  );
}

/**
 * The shipped scenarios: the library needs only the index; the catalog file is fetched once a
 * screen needs a scenario. Opened straight at such a screen (a link to a board, a share link), the
 * fetch starts as this module loads, alongside the screen's code instead of after it.
 */
let earlyCatalog: Promise<CatalogEntry[]> | null =
  typeof window !== 'undefined' && !/^#?\/?$/.test(window.location.hash)
    ? loadShippedCatalog()
    : null;
// Reported by the screen that needs the scenarios (the store's first load takes this request).
earlyCatalog?.catch(() => {});

/** The store loads (and retries) the catalog; its first load takes the early request if any. */
function loadCatalog(): Promise<CatalogEntry[]> {
  const request = earlyCatalog ?? loadShippedCatalog();
  earlyCatalog = null;
  return request;
}

const shippedScenarios = { index: scenarioIndex, load: loadCatalog };

/**
 * The app's store over the shipped scenarios, for the page's entry to create once, before React
 * renders. Creating it reads (and may set aside) the saved data, so it must not run inside a
 * render that React can discard and start again (the first render runs as a transition, and
 * StrictMode calls initializers twice in development): a second store would find the damaged
 * data already moved aside and start clean without saying why.
 */
export function createShippedStore(
  entries?: readonly CatalogEntry[],
  engine: EngineGateway = engineGateway(),
): AppStore {
  return createAppStore({
    catalog: entries ?? shippedScenarios,
    computePar: (scenario) => engine.par(scenario, {}),
  });
}

export function App({ entries, store, hook = useHashLocation, updates }: AppProps) {
  // One engine gateway for the app (one worker); a test may provide one that runs in-process.
  const provided = useProvidedEngine();
  const [engine] = useState(() => provided ?? engineGateway());
  // Without a store (tests only), the app makes its own; the page passes one (see above).
  const [appStore] = useState(() => store ?? createShippedStore(entries, engine));
  // After the first screen is up, fetch the scenarios in the background so opening one is instant.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      appStore
        .getState()
        .ensureCatalog()
        .catch(() => {
          // Retried (and reported) by the first screen that needs a scenario.
        });
    }, 1500);
    return () => window.clearTimeout(timer);
  }, [appStore]);
  return (
    <EngineProvider gateway={engine}>
      <AppStoreProvider store={appStore}>
        <Router hook={hook}>
          <Shell updates={updates} />
        </Router>
      </AppStoreProvider>
    </EngineProvider>
  );
}
