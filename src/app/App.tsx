import { useId } from 'react';

import {
  DIFFICULTY_LABELS,
  shippedCatalog,
  type CatalogEntry,
  type Scenario,
  type ScenarioIssue,
} from './catalog';

/** How many validation issues an error card lists before summarising the rest. */
const ISSUES_SHOWN = 3;

function DifficultyBadge({ level }: { level: Scenario['difficulty'] }) {
  const label = DIFFICULTY_LABELS[level];
  return (
    <span className={`badge difficulty difficulty-${level}`}>
      <span className="difficulty-meter" aria-hidden="true">
        {[1, 2, 3].map((step) => (
          <span key={step} className={step <= level ? 'pip on' : 'pip'} />
        ))}
      </span>
      {label}
    </span>
  );
}

/** Decorative icons: the text beside them carries the meaning. */
function ClockIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 4.5V8l2.5 1.75" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

function BuildingIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M2.75 14.25V3.5l6-1.75v12.5M8.75 6.25h4.5v8M1.5 14.25h13M5 5.5v.01M5 8v.01M5 10.5v.01M11 8.75v.01M11 11.25v.01"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function ScenarioCard({ scenario }: { scenario: Scenario }) {
  const titleId = useId();
  return (
    <article className="card" aria-labelledby={titleId}>
      <header className="card-header">
        <h2 id={titleId} className="card-title">
          {scenario.title}
        </h2>
        <dl className="card-facts">
          <div>
            <dt className="visually-hidden">Difficulty</dt>
            <dd>
              <DifficultyBadge level={scenario.difficulty} />
            </dd>
          </div>
          <div>
            <dt className="visually-hidden">Time</dt>
            <dd>
              <ClockIcon />
              {scenario.minutes} min
            </dd>
          </div>
        </dl>
        {/* Shown above the title (CSS order) but read after it, like a subtitle. */}
        <p className="card-industry">
          <BuildingIcon />
          <span className="visually-hidden">Industry: </span>
          {scenario.industry}
        </p>
      </header>
      {scenario.objectives.length > 0 && (
        <div className="card-section">
          <h3 className="card-subtitle">You will practise</h3>
          <ul className="objectives">
            {scenario.objectives.map((objective, index) => (
              <li key={index}>{objective}</li>
            ))}
          </ul>
        </div>
      )}
      {scenario.tags.length > 0 && (
        <ul className="tags" aria-label="Tags">
          {scenario.tags.map((tag, index) => (
            <li key={index} className="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function ScenarioErrorCard({ file, issues }: { file: string; issues: readonly ScenarioIssue[] }) {
  const titleId = useId();
  const shown = issues.slice(0, ISSUES_SHOWN);
  const hidden = issues.length - shown.length;
  return (
    <article className="card card-error" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        <span className="error-mark" aria-hidden="true">
          !
        </span>
        Could not load <code>{file}</code>
      </h2>
      <p>This scenario file did not pass validation, so it is left out of the library.</p>
      <ul className="issues">
        {shown.map((issue, index) => (
          <li key={index}>
            <code>{issue.path || '(file)'}</code>: {issue.message}
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <p className="muted">
          …and {hidden} more {hidden === 1 ? 'problem' : 'problems'}.
        </p>
      )}
    </article>
  );
}

function ScenarioLibrary({ entries }: { entries: readonly CatalogEntry[] }) {
  const playable = entries.filter((entry) => entry.ok).length;
  const broken = entries.length - playable;
  return (
    <section aria-labelledby="library-title">
      <div className="intro">
        <h1 id="library-title">Scenario library</h1>
        <p className="lede">
          Each scenario drops you into a company with a backlog of features, tech debt, security and
          scalability work, a team with limited capacity and a year to plan.
        </p>
        <p className="muted">
          {playable} {playable === 1 ? 'scenario' : 'scenarios'} available
          {broken > 0 && ` · ${broken} ${broken === 1 ? 'file' : 'files'} could not be loaded`}
        </p>
      </div>
      {entries.length === 0 ? (
        <p>No scenarios are shipped with this build.</p>
      ) : (
        <ul className="card-grid">
          {entries.map((entry) => (
            <li key={entry.file}>
              {entry.ok ? (
                <ScenarioCard scenario={entry.scenario} />
              ) : (
                <ScenarioErrorCard file={entry.file} issues={entry.issues} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export interface AppProps {
  /** The scenarios to list; defaults to the files shipped in `scenarios/`. */
  entries?: readonly CatalogEntry[];
}

export function App({ entries = shippedCatalog }: AppProps) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <span className="brand">
            <img className="brand-mark" src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" />
            Roadmap Dojo
          </span>
          <span className="tagline">Practise roadmap prioritization</span>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <ScenarioLibrary entries={entries} />
      </main>
    </>
  );
}
