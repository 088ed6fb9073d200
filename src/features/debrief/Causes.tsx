/** Why the plan scored what it did: the top counterfactual moves towards par, with numbers. */
import { formatSigned } from '../../explain/format';
import type { Debrief, Mechanism } from '../../explain/debrief';

const MECHANISM_LABEL: Record<Mechanism, string> = {
  security: 'Security',
  scale: 'Scale',
  debt: 'Debt',
  deadline: 'Deadline',
  'lead time': 'Lead time',
  cascade: 'Cascade risk',
  preparedness: 'Preparedness',
  renegotiation: 'Renegotiation',
  slice: 'Slicing',
  value: 'Value',
};

export function Causes({ debrief }: { debrief: Debrief }) {
  return (
    <div className="causes">
      <h3>What made the difference</h3>
      {debrief.causes.length === 0 ? (
        <p>
          {debrief.beatPar
            ? 'Your plan beat par: no move towards the old par would have helped.'
            : debrief.parScore - debrief.score >= 1
              ? `No single move towards par gains more than a point, yet par is ${(debrief.parScore - debrief.score).toFixed(1)} points ahead: the gap comes from several changes together. “Where the gap is” shows it metric by metric.`
              : 'No single move towards par gains more than a point: your plan is as good as par can tell.'}
        </p>
      ) : (
        <ol className="cause-list" data-testid="causes">
          {debrief.causes.map((cause) => (
            <li key={cause.item} className="cause">
              <p className="cause-head">
                <span className="cause-change">{cause.change}</span>{' '}
                <span className="cause-gain">{formatSigned(cause.gain)} points</span>{' '}
                <span className="tag">{MECHANISM_LABEL[cause.mechanism] ?? cause.mechanism}</span>
              </p>
              <p className="cause-sentence">{cause.sentence}</p>
              {Math.abs(cause.seededGain - cause.gain) > 1 && (
                <p className="muted small">
                  On this run’s dice the same move would have changed the score by{' '}
                  {formatSigned(cause.seededGain)} points.
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {debrief.interaction && (
        <p className="interaction" data-testid="interaction">
          {debrief.interaction.sentence}
        </p>
      )}
    </div>
  );
}
