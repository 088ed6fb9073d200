/** The user's decision journal beside what happened to each item they wrote about. */
import { Link } from 'wouter';

import type { ReasoningRow } from './reasoning';

const VERDICT: Record<ReasoningRow['verdict'], string> = {
  'on time': 'On time',
  late: 'Late',
  unfinished: 'Unfinished',
  'left out': 'Left out',
};

export function Reasoning({
  rows,
  boardHref,
}: {
  rows: readonly ReasoningRow[];
  boardHref: string;
}) {
  return (
    <section className="debrief-section" aria-labelledby="reasoning-title">
      <h2 id="reasoning-title">Your reasoning</h2>
      {rows.length === 0 ? (
        <p className="muted">
          You wrote no notes for this plan. On the <Link href={boardHref}>board</Link>, open an
          item’s details to write why you placed it; your notes appear here beside what happened.
        </p>
      ) : (
        <ul className="reasoning-list" data-testid="reasoning">
          {rows.map((row) => (
            <li key={row.id} className="reasoning" data-item-id={row.id}>
              <div className="reasoning-item">
                <h3>{row.title}</h3>
                <p className="muted small">{row.planned}</p>
              </div>
              <blockquote className="reasoning-note">{row.note}</blockquote>
              <p className={`reasoning-result verdict-${row.verdict.replace(' ', '-')}`}>
                <span className="reasoning-verdict">{VERDICT[row.verdict]}</span> {row.result}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
