/** How the people who asked for things took the year: their mood, their words, their asks. */
import { formatSlotTime, slotLabel } from '../../explain/format';
import { agreedTermsText } from '../../explain/terms';
import type { Scenario } from '../../engine';
import type { Debrief } from '../../explain/debrief';

const MOOD: Record<Debrief['stakeholders'][number]['mood'], { icon: string; label: string }> = {
  pleased: { icon: '▲', label: 'Pleased' },
  mixed: { icon: '◆', label: 'Mixed' },
  disappointed: { icon: '▼', label: 'Disappointed' },
};

const STATUS: Record<'met' | 'late' | 'missed', string> = {
  met: 'Met',
  late: 'Late',
  missed: 'Missed',
};

export function Stakeholders({ scenario, debrief }: { scenario: Scenario; debrief: Debrief }) {
  if (debrief.stakeholders.length === 0) return null;
  const labels = scenario.time.labels;
  return (
    <section className="debrief-section" aria-labelledby="stakeholders-title">
      <h2 id="stakeholders-title">Stakeholders</h2>
      <ul className="reaction-list">
        {debrief.stakeholders.map((s) => (
          <li key={s.id} className={`reaction mood-${s.mood}`}>
            <p className="reaction-who">
              <span>
                <strong>{s.name}</strong>, {s.role}
              </span>
              <span className="mood">
                <span aria-hidden="true">{MOOD[s.mood].icon}</span> {MOOD[s.mood].label}
              </span>
            </p>
            <blockquote>“{s.quote}”</blockquote>
            <ul className="asks">
              {s.asks.map((a) => (
                <li key={a.item} className={`ask ask-${a.status}`}>
                  <span className="ask-status">{STATUS[a.status]}</span> {a.title}, wanted by{' '}
                  {slotLabel(scenario, a.bySlot)}
                  {a.renegotiated && (
                    <span className="ask-renegotiated">
                      {' '}
                      — renegotiated: {agreedTermsText(scenario, a.renegotiated, a.bySlot)}
                    </span>
                  )}
                  {a.renegotiated ? '; ' : ', '}
                  {a.completedAt !== null
                    ? `done ${formatSlotTime(labels, a.completedAt)}`
                    : 'not done this year'}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Lessons({ debrief }: { debrief: Debrief }) {
  if (debrief.lessons.length === 0 && debrief.discussion.length === 0) return null;
  return (
    <section className="debrief-section" aria-labelledby="lessons-title">
      <h2 id="lessons-title">Lessons and questions</h2>
      {debrief.lessons.length > 0 && (
        <ul className="lessons" data-testid="lessons">
          {debrief.lessons.map((l) => (
            <li key={l.id}>{l.text}</li>
          ))}
        </ul>
      )}
      {debrief.discussion.length > 0 && (
        <>
          <h3 className="subsection-title">For discussion</h3>
          <ol className="discussion">
            {debrief.discussion.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
