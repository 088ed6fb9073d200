/**
 * The result at a glance: the score (expected run), the net value beside it, its share of par, a
 * one-line verdict, the luck note (expected against this run) and, after a change, the difference
 * from the last play.
 */
import type { Ref } from 'react';

import { formatSigned } from '../../explain/format';
import type { Debrief } from '../../explain/debrief';
import { NET_VALUE_DESCRIPTION, NET_VALUE_LABEL, netValueText } from '../../explain/value';
import type { PlayRecord } from '../../store';

export interface SinceLastPlay {
  previous: PlayRecord;
  /** What changed in the plan, one sentence each; empty when only the dice changed. */
  changes: string[];
}

export function Headline({
  debrief,
  parSource,
  since,
  headingRef,
  gradedWith,
}: {
  debrief: Debrief;
  parSource: 'given' | 'battery';
  since: SinceLastPlay | null;
  headingRef: Ref<HTMLHeadingElement>;
  /** Who grades when it is not the scenario's own weights, e.g. "the workshop’s CISO weights". */
  gradedWith?: string;
}) {
  const delta = since ? debrief.score - since.previous.score : 0;
  return (
    <section className="debrief-section headline" aria-labelledby="result-title">
      <h2 id="result-title" ref={headingRef} tabIndex={-1}>
        Result
      </h2>
      {gradedWith && (
        <p className="graded-with" data-testid="debrief-graded-with">
          Graded with {gradedWith}
          {parSource === 'given' ? ', against par for these weights.' : '.'}
        </p>
      )}
      <div className="headline-grid">
        <dl className="headline-stats">
          <div className="headline-stat">
            <dt>Score</dt>
            <dd data-testid="debrief-score">{debrief.score.toFixed(1)}</dd>
          </div>
          <div className="headline-stat" title={`${NET_VALUE_LABEL}: ${NET_VALUE_DESCRIPTION}`}>
            <dt>{NET_VALUE_LABEL}</dt>
            <dd data-testid="debrief-net-value">{netValueText(debrief.expected)}</dd>
            <dd className="stat-note" data-testid="debrief-net-vs-par">
              {parSource === 'battery' ? 'best framework' : 'par'}{' '}
              {netValueText(debrief.parOutcome)}
            </dd>
          </div>
          <div className="headline-stat">
            <dt>Share of par</dt>
            <dd data-testid="debrief-percent-of-par">{debrief.percentOfPar.toFixed(0)}%</dd>
            <dd className="stat-note" data-testid="debrief-par-score">
              {parSource === 'battery' ? 'best framework' : 'par'} {debrief.parScore.toFixed(1)}
            </dd>
          </div>
          <div className="headline-stat">
            <dt>This run</dt>
            <dd>{debrief.luck.seeded.toFixed(1)}</dd>
            <dd className="stat-note">seed {debrief.luck.seed}</dd>
          </div>
        </dl>
        <div className="headline-words">
          <p className="verdict" data-testid="debrief-verdict">
            {debrief.verdict}
          </p>
          <p className="luck">{debrief.luck.sentence}</p>
          {parSource === 'battery' && (
            <p className="muted small">
              Par could not be found here, so the best plan of the framework battery stands in for
              it.
            </p>
          )}
        </div>
      </div>
      {since && (
        <div className="since-last" data-testid="since-last-play">
          <h3>Since your last play</h3>
          <p>
            Score {since.previous.score.toFixed(1)} → {debrief.score.toFixed(1)}{' '}
            <strong className={delta > 0.05 ? 'up' : delta < -0.05 ? 'down' : undefined}>
              ({formatSigned(delta)} points)
            </strong>
            {since.changes.length === 0 &&
              ` — same plan, new dice: this run ${since.previous.seededScore.toFixed(1)} → ${debrief.luck.seeded.toFixed(1)}.`}
          </p>
          {since.changes.length > 0 && (
            <ul>
              {since.changes.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
