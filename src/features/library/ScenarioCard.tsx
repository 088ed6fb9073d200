/** One scenario in the library: a card whose title opens the briefing. */
import { useId } from 'react';
import { Link } from 'wouter';

import { TrashIcon } from '../../components/icons';
import { worldsSummary, type WorldScore } from '../../explain/decisions';
import { DIFFICULTY_LABELS } from '../../explain/labels';
import type { ScenarioIssue, ScenarioSummary } from '../../store';

/** How many validation issues an error card lists before summarising the rest. */
const ISSUES_SHOWN = 3;

function DifficultyBadge({ level }: { level: ScenarioSummary['difficulty'] }) {
  return (
    <span className={`badge difficulty difficulty-${level}`}>
      <span className="difficulty-meter" aria-hidden="true">
        {[1, 2, 3].map((step) => (
          <span key={step} className={step <= level ? 'pip on' : 'pip'} />
        ))}
      </span>
      {DIFFICULTY_LABELS[level]}
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

export interface ScenarioCardProps {
  scenario: ScenarioSummary;
  href: string;
  /** Set for imported scenarios: the file it came from, and how to remove it. */
  imported?: { fileName: string; onRemove: () => void };
  /** The worlds played quarter by quarter alone, oldest first. */
  worlds?: readonly WorldScore[];
}

export function ScenarioCard({ scenario, href, imported, worlds }: ScenarioCardProps) {
  const titleId = useId();
  const played = worldsSummary(worlds ?? []);
  return (
    <article className="card scenario-card" aria-labelledby={titleId}>
      <header className="card-header">
        <h2 id={titleId} className="card-title">
          <Link href={href} className="card-link">
            {scenario.title}
          </Link>
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
          {imported && (
            <div>
              <dt className="visually-hidden">Source</dt>
              <dd>
                <span className="badge badge-imported">Imported</span>
              </dd>
            </div>
          )}
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
      {played && (
        <p className="card-worlds small" data-testid="card-worlds">
          <span className="card-subtitle-inline">Played quarter by quarter: </span>
          {played}
        </p>
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
      {imported && (
        <div className="card-footer">
          <span className="muted">
            From <code>{imported.fileName}</code>
          </span>
          <button
            type="button"
            className="button button-small above-link"
            onClick={imported.onRemove}
          >
            <TrashIcon />
            Remove <span className="visually-hidden">{scenario.title}</span>
          </button>
        </div>
      )}
    </article>
  );
}

export function ScenarioErrorCard({
  file,
  issues,
}: {
  file: string;
  issues: readonly ScenarioIssue[];
}) {
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
