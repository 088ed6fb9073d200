/**
 * The presentation view, for the projector: the workshop and its scenario in large type, the
 * timer, the round the room is on, who grades the plans (with each metric's share of the score),
 * whether scores are hidden — and the reveal, when the facilitator chooses — and the QR code
 * teams join with.
 */
import { Link } from 'wouter';

import { ArrowLeftIcon } from '../../components/icons';
import { TextQrCode } from '../../components/QrCode';
import { METRICS, compile } from '../../engine';
import { METRIC_INFO } from '../../explain/words';
import { scoresVisible } from '../../engine/workshop';
import { useAppStore, useScenarioListings } from '../../store';
import { useWeights, useWorkshopLink } from './hooks';
import { WorkshopTimer } from './Timer';
import { graderName } from './WorkshopBoard';
import './workshop.css';

export interface PresentPageProps {
  setupHref: string;
  joinPath: (token: string) => string;
}

export function PresentPage({ setupHref, joinPath }: PresentPageProps) {
  const settings = useAppStore((s) => s.workshop.settings);
  const listings = useScenarioListings();
  const scenario = settings
    ? (listings.find((l) => l.scenario.id === settings.scenarioId)?.scenario ?? null)
    : null;
  const round = useAppStore((s) => s.workshop.round);
  const setRound = useAppStore((s) => s.setRound);
  const setRevealed = useAppStore((s) => s.setRevealed);
  const link = useWorkshopLink(settings, scenario, joinPath);
  const weights = useWeights(scenario, settings);

  if (!settings || !scenario)
    return (
      <section className="present-page" aria-labelledby="present-title">
        <h1 id="present-title" tabIndex={-1}>
          Presentation view
        </h1>
        <p>No workshop is set up in this browser yet.</p>
        <p>
          <Link href={setupHref} className="button button-primary">
            Set up a workshop
          </Link>
        </p>
      </section>
    );

  const labels = scenario.time.labels;
  const shown = Math.min(round, labels.length - 1);
  const visible = scoresVisible(settings);
  const applicable = compile(scenario).applicable;
  const metrics = METRICS.filter((m) => applicable[m] && (weights?.weights[m] ?? 0) > 0);
  const total = metrics.reduce((sum, m) => sum + (weights?.weights[m] ?? 0), 0);

  return (
    <section className="present-page" aria-labelledby="present-title">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href={setupHref}>
          <ArrowLeftIcon />
          Workshop setup
        </Link>
      </nav>
      <header className="present-title">
        <h1 id="present-title" tabIndex={-1}>
          {settings.title || scenario.title}
        </h1>
        <p className="present-scenario">
          {settings.title ? `${scenario.title} · ` : ''}
          {scenario.industry}
        </p>
      </header>

      <div className="present-grid">
        <section className="present-panel" aria-labelledby="present-timer">
          <h2 id="present-timer">Timer</h2>
          <WorkshopTimer settings={settings} size="large" />
        </section>

        <section className="present-panel" aria-labelledby="present-round">
          <h2 id="present-round">{settings.play === 'rounds' ? 'Round' : 'Play'}</h2>
          {settings.play === 'rounds' ? (
            <>
              <p className="present-round-value" data-testid="present-round">
                {labels[shown]}
              </p>
              <p className="present-round-of">
                Round {shown + 1} of {labels.length}
              </p>
              <p>Plan {labels[shown]}, then commit it: its events are revealed.</p>
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
                  disabled={shown >= labels.length - 1}
                  onClick={() => setRound(shown + 1)}
                >
                  Next round
                </button>
              </div>
            </>
          ) : (
            <>
              <p className="present-round-value">Whole year</p>
              <p>
                Plan {labels[0]}–{labels[labels.length - 1]}, then play the year.
              </p>
            </>
          )}
        </section>

        <section className="present-panel" aria-labelledby="present-grader">
          <h2 id="present-grader">Who grades</h2>
          <p className="present-big">{graderName(scenario, settings)}</p>
          <ul className="present-weights" aria-label="Share of the score by metric">
            {metrics.map((m) => {
              const share = total > 0 ? (weights?.weights[m] ?? 0) / total : 0;
              return (
                <li key={m}>
                  <span>{METRIC_INFO[m].label}</span>
                  <span className="share-value">{Math.round(share * 100)}%</span>
                  <span className="share-bar" aria-hidden="true">
                    <span style={{ width: `${Math.round(share * 100)}%` }} />
                  </span>
                </li>
              );
            })}
          </ul>
        </section>

        <section className="present-panel" aria-labelledby="present-scores">
          <h2 id="present-scores">Scores</h2>
          <p
            className={`present-reveal ${visible ? 'is-shown' : 'is-hidden'}`}
            data-testid="present-reveal-state"
            role="status"
          >
            {!settings.hideScores
              ? 'Shown to teams'
              : settings.revealed
                ? 'Revealed'
                : 'Hidden until the reveal'}
          </p>
          {settings.hideScores && (
            <p>
              <button
                type="button"
                className={settings.revealed ? 'button' : 'button button-primary'}
                onClick={() => setRevealed(!settings.revealed)}
              >
                {settings.revealed ? 'Hide the scores again' : 'Reveal the scores'}
              </button>
            </p>
          )}
          {settings.hideScores && (
            <p className="small">
              Teams on other laptops see the change when they open the workshop link again.
            </p>
          )}
        </section>
      </div>

      {link && (
        <section className="present-panel present-join" aria-labelledby="present-join">
          <div>
            <h2 id="present-join">Join</h2>
            <p className="present-big">Scan the code, or open the workshop link you were sent.</p>
            <p>Then enter your team’s name and plan on the board.</p>
          </div>
          <TextQrCode text={link} label="QR code of the workshop link" className="workshop-qr" />
        </section>
      )}
    </section>
  );
}
