/**
 * The live projection: the expected-mode score of the current plan, each weighted metric as a
 * normalized bar, the score as a share of par (computed in a worker when not baked), and the
 * overall work mix.
 */
import { memo } from 'react';

import { metricBars, percentOfPar, type TypeShare } from '../../explain/advice';
import { formatPercent } from '../../explain/format';
import type { Outcome } from '../../engine';
import type { ParEntry } from '../../store';
import { TypeShareBar } from './Column';

export interface ProjectionProps {
  outcome: Outcome;
  par: ParEntry | undefined;
  overall: readonly TypeShare[];
  warningCount: number;
  /** Scores hidden until a workshop's reveal: no score, par or metric bars. */
  hidden?: boolean;
  /** What the score is, under it (default "Expected outcome of this plan"). */
  caption?: string;
}

function ParLine({ score, par }: { score: number; par: ParEntry | undefined }) {
  if (!par || par.status === 'computing')
    return (
      <p className="par-line" data-testid="par-status">
        <span className="spinner" aria-hidden="true" /> computing par…
      </p>
    );
  if (par.status === 'failed')
    return (
      <p className="par-line muted" data-testid="par-status">
        Par is not available ({par.message}).
      </p>
    );
  const percent = percentOfPar(score, par.score);
  return (
    <p className="par-line" data-testid="par-status">
      {percent === null ? (
        'Par is not available for this scenario.'
      ) : (
        <>
          <strong>{percent.toFixed(0)}% of par</strong>{' '}
          <span className="muted">(par {par.score.toFixed(1)})</span>
          {par.source === 'yours' && (
            <span className="par-beaten">
              {' '}
              Your plan beat the best plan found so far: it is the new par.
            </span>
          )}
        </>
      )}
    </p>
  );
}

export const Projection = memo(function Projection({
  outcome,
  par,
  overall,
  warningCount,
  hidden = false,
  caption = 'Expected outcome of this plan',
}: ProjectionProps) {
  const bars = metricBars(outcome);
  const warningText =
    warningCount > 0
      ? ` · ${warningCount} advisory ${warningCount === 1 ? 'warning' : 'warnings'}`
      : '';
  if (hidden)
    return (
      <section className="projection" aria-labelledby="projection-title">
        <div className="projection-score">
          <h2 id="projection-title" className="projection-title">
            Projected score
          </h2>
          <p className="score-hidden" data-testid="scores-hidden">
            Hidden until your facilitator reveals the scores.
          </p>
          {warningText && <p className="small muted">{warningText.slice(3)}</p>}
        </div>
        <div className="projection-mix">
          <h3 className="projection-subtitle">Work mix, whole plan</h3>
          <TypeShareBar shares={overall} label="Work mix, whole plan" />
        </div>
      </section>
    );
  return (
    <section className="projection" aria-labelledby="projection-title">
      <div className="projection-score">
        <h2 id="projection-title" className="projection-title">
          Projected score
        </h2>
        <p className="score-line">
          <span className="score-value" data-testid="projected-score">
            {outcome.score.toFixed(1)}
          </span>
          <span className="score-max"> / 100</span>
        </p>
        <ParLine score={outcome.score} par={par} />
        <p className="small muted">
          {caption}
          {warningText}
        </p>
      </div>
      <div className="projection-metrics">
        <h3 className="visually-hidden">Score by metric</h3>
        <ul className="metric-bars">
          {bars.map((bar) => (
            <li key={bar.metric} className="metric" title={bar.description}>
              <span className="metric-label">
                {bar.label}
                <span className="metric-weight">weight {formatPercent(bar.weightShare)}</span>
              </span>
              <span className="metric-track" aria-hidden="true">
                <span
                  className="metric-fill"
                  style={{ width: `${(bar.value * 100).toFixed(1)}%` }}
                />
              </span>
              <span className="metric-value">{formatPercent(bar.value)}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="projection-mix">
        <h3 className="projection-subtitle">Work mix, whole plan</h3>
        <TypeShareBar shares={overall} label="Work mix, whole plan" />
      </div>
    </section>
  );
});
