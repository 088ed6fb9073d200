/**
 * The live projection of the current plan, in two parts read from the same expected outcome:
 * the headline in the board's strip (projected score, net value and share of par, or why they are
 * hidden)
 * and the breakdown below it on request (each weighted metric as a normalized bar, and the
 * overall work mix). Both take the outcome itself, so a new figure from it slots in beside the
 * score without new plumbing.
 */
import { memo } from 'react';

import { metricBars, percentOfPar, type TypeShare } from '../../explain/advice';
import { formatPercent } from '../../explain/format';
import { NET_VALUE_DESCRIPTION, NET_VALUE_LABEL, netValueText } from '../../explain/value';
import type { Outcome } from '../../engine';
import type { ParEntry } from '../../store';
import { TypeShareBar } from './Column';

/** Why the score is not shown while planning, or null when it is. */
export type ScoreHidden = 'practice' | 'workshop' | null;

export interface ScoreSummaryProps {
  outcome: Outcome;
  par: ParEntry | undefined;
  hidden: ScoreHidden;
  /**
   * What the score is, shown after it (a workshop says who grades it). Without one, screen
   * readers hear "Expected outcome of this plan".
   */
  caption?: string;
}

const DEFAULT_CAPTION = 'Expected outcome of this plan';

function ParLine({ score, par }: { score: number; par: ParEntry | undefined }) {
  if (!par || par.status === 'computing')
    return (
      <span className="par-line" data-testid="par-status">
        <span className="spinner" aria-hidden="true" /> computing par…
      </span>
    );
  if (par.status === 'failed')
    return (
      <span className="par-line muted" data-testid="par-status">
        Par is not available ({par.message}).
      </span>
    );
  const percent = percentOfPar(score, par.score);
  return (
    <span className="par-line" data-testid="par-status">
      {percent === null ? (
        'Par is not available for this scenario.'
      ) : (
        <>
          <strong>{percent.toFixed(0)}% of par</strong>{' '}
          <span className="muted xl-only">(par {par.score.toFixed(1)})</span>
          {par.source === 'yours' && <span className="par-beaten"> Your plan is the new par.</span>}
        </>
      )}
    </span>
  );
}

/** The strip's headline: the projected score and its share of par, or why they are hidden. */
export const ScoreSummary = memo(function ScoreSummary({
  outcome,
  par,
  hidden,
  caption,
}: ScoreSummaryProps) {
  if (hidden === 'workshop')
    return (
      <p className="score-summary score-hidden" data-testid="scores-hidden">
        <strong>Score hidden</strong>{' '}
        <span className="muted">until your facilitator reveals the scores.</span>
      </p>
    );
  if (hidden === 'practice')
    return (
      <p className="score-summary score-hidden" data-testid="practice-hidden">
        <strong className="narrow-hidden">Practice mode</strong>{' '}
        <span className="muted xl-only">score and par hidden until you play the year</span>
      </p>
    );
  return (
    <p className="score-summary" title={caption ?? DEFAULT_CAPTION}>
      <span className="score-label narrow-hidden">
        <span className="visually-hidden">Projected </span>Score
      </span>{' '}
      <span className="score-line">
        <strong className="score-value" data-testid="projected-score">
          {outcome.score.toFixed(1)}
        </strong>
        <span className="score-max">/100</span>
      </span>{' '}
      <span className="score-net" title={`${NET_VALUE_LABEL}: ${NET_VALUE_DESCRIPTION}`}>
        <span className="score-net-label">{NET_VALUE_LABEL}</span>{' '}
        <strong data-testid="projected-net">{netValueText(outcome)}</strong>
      </span>
      {caption === undefined && <span className="visually-hidden">({DEFAULT_CAPTION}); </span>}
      <ParLine score={outcome.score} par={par} />
      {caption !== undefined && <span className="score-caption small muted">{caption}</span>}
    </p>
  );
});

export interface ScoreBreakdownProps {
  outcome: Outcome;
  overall: readonly TypeShare[];
  /** Scores hidden: only the work mix is shown. */
  hidden: boolean;
}

/** Each weighted metric as a bar (unless scores are hidden) and the whole plan's work mix. */
export const ScoreBreakdown = memo(function ScoreBreakdown({
  outcome,
  overall,
  hidden,
}: ScoreBreakdownProps) {
  const bars = hidden ? [] : metricBars(outcome);
  return (
    <div className="score-breakdown">
      {!hidden && (
        <div className="projection-metrics">
          <h3 className="projection-subtitle">Score by metric</h3>
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
                    style={{ width: `${(Math.min(1, bar.value) * 100).toFixed(1)}%` }}
                  />
                </span>
                <span className="metric-value">{formatPercent(bar.value)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="projection-mix">
        <h3 className="projection-subtitle">Work mix, whole plan</h3>
        <TypeShareBar shares={overall} label="Work mix, whole plan" />
      </div>
    </div>
  );
});
