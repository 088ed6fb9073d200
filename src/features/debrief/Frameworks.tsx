/**
 * The framework lens: what RICE, ICE, WSJF, CD3 and the other rules of the battery would have
 * planned, what each scores, and where each disagrees with par; then the backlog as each lens
 * ranks it.
 */
import { useId, useState } from 'react';

import { ITEM_TYPE_LABELS } from '../../explain/advice';
import { STRATEGY_WORDS } from '../../explain/words';
import type { Plan, Scenario } from '../../engine';
import { findItem } from '../../engine';
import type { Analysis } from '../../workers/debriefJob';
import { disagreementText, planDiff } from './planDiff';
import { ScrollRegion } from './ScrollRegion';

const LENSES = [
  { key: 'rice', label: 'RICE' },
  { key: 'ice', label: 'ICE' },
  { key: 'wsjf', label: 'WSJF' },
  { key: 'cd3', label: 'CD3' },
] as const;

/** Items named per list in "where it disagrees" (the rest are counted): keeps rows short. */
const LIST_LIMIT = 2;

/** The named frameworks stay in view; the other strategies (all printed) open on request. */
const FEATURED = new Set<string>(LENSES.map((l) => l.key));

export function Frameworks({
  scenario,
  analysis,
  plan,
}: {
  scenario: Scenario;
  analysis: Analysis;
  plan: Plan;
}) {
  const { debrief, strategies, lenses, par } = analysis;
  const titles = new Map(scenario.items.map((i) => [i.id, i.title]));
  const parScore = debrief.parScore;
  const rows = [...strategies].sort((a, b) => b.score - a.score);
  // The best strategy stays in view too: it is the one to learn from when it is not a lens.
  const isFeatured = (id: string) => FEATURED.has(id) || id === rows[0]?.id;
  const more = rows.filter((s) => !isFeatured(s.id)).length;
  const [showAll, setShowAll] = useState(false);
  const tableId = useId();
  const rank = (lens: (typeof LENSES)[number]['key']) => {
    const order = [...lenses].sort((a, b) => b[lens] - a[lens]).map((r) => r.id);
    return new Map(order.map((id, i) => [id, i + 1]));
  };
  const ranks = Object.fromEntries(LENSES.map((l) => [l.key, rank(l.key)]));
  const slotOf = (p: Plan, id: string) => {
    const at = findItem(p, id);
    return at ? (scenario.time.labels[at.slot] ?? `slot ${at.slot + 1}`) : '—';
  };
  return (
    <section className="debrief-section" aria-labelledby="frameworks-title">
      <h2 id="frameworks-title">What the frameworks would have done</h2>
      <p className="muted">
        Each rule orders the backlog and fills the slots by forecast capacity, prerequisites first.
        Scores are expected scores; par is {parScore.toFixed(1)}, your plan{' '}
        {debrief.score.toFixed(1)}.
      </p>
      {/* On a phone the rows become cards (debrief.css): the roles keep the table for screen
          readers whose browser drops table semantics when the display changes (Safari). */}
      <ScrollRegion label="Strategies with their scores">
        <table className="data-table lens-table" data-testid="lens-table" id={tableId} role="table">
          <caption className="visually-hidden">
            Strategies of the battery with their scores and where they disagree with par
          </caption>
          <thead>
            <tr role="row">
              <th scope="col" role="columnheader">
                Rule
              </th>
              <th scope="col" role="columnheader">
                Score
              </th>
              <th scope="col" role="columnheader">
                Share of par
              </th>
              <th scope="col" role="columnheader">
                Ranks first
              </th>
              <th scope="col" role="columnheader">
                Where it disagrees with par
              </th>
            </tr>
          </thead>
          <tbody>
            <tr className="lens-yours" role="row">
              <th scope="row" role="rowheader">
                Your plan
              </th>
              <td role="cell" data-label="Score">
                {debrief.score.toFixed(1)}
              </td>
              <td role="cell" data-label="Share of par">
                {debrief.percentOfPar.toFixed(0)}%
              </td>
              <td role="cell" data-label="Ranks first">
                —
              </td>
              <td role="cell" data-label="Disagrees with par">
                {disagreementText(scenario, planDiff(scenario, plan, par), LIST_LIMIT)}
              </td>
            </tr>
            {rows.map((s) => (
              <tr
                key={s.id}
                data-strategy={s.id}
                role="row"
                className={isFeatured(s.id) ? undefined : 'lens-more'}
                hidden={!showAll && !isFeatured(s.id)}
              >
                <th scope="row" role="rowheader">
                  {STRATEGY_WORDS[s.id].name}
                  <span className="lens-description">{STRATEGY_WORDS[s.id].description}</span>
                </th>
                <td role="cell" data-label="Score">
                  {s.score.toFixed(1)}
                </td>
                <td role="cell" data-label="Share of par">
                  {parScore > 0 ? `${((100 * s.score) / parScore).toFixed(0)}%` : '—'}
                </td>
                <td role="cell" data-label="Ranks first">
                  {s.order.length === 0
                    ? 'nothing'
                    : s.order
                        .slice(0, 3)
                        .map((id) => titles.get(id) ?? id)
                        .join(', ')}
                </td>
                <td role="cell" data-label="Disagrees with par">
                  {disagreementText(scenario, planDiff(scenario, s.plan, par), LIST_LIMIT)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {more > 0 && (
        <p className="no-print">
          <button
            type="button"
            className="button button-small"
            aria-expanded={showAll}
            aria-controls={tableId}
            onClick={() => setShowAll((shown) => !shown)}
          >
            {showAll
              ? 'Show only RICE, ICE, WSJF, CD3 and the best rule'
              : `Show the other ${more} ${more === 1 ? 'rule' : 'rules'}`}
          </button>
        </p>
      )}
      <h3 className="subsection-title">The backlog as each lens ranks it</h3>
      <ScrollRegion label="The backlog as each lens ranks it">
        <table className="data-table lens-ranks" data-testid="lens-ranks" role="table">
          <caption className="visually-hidden">
            Each backlog item's rank under RICE, ICE, WSJF and CD3, with its slot in par and in your
            plan
          </caption>
          <thead>
            <tr role="row">
              <th scope="col" role="columnheader">
                Item
              </th>
              {LENSES.map((l) => (
                <th key={l.key} scope="col" role="columnheader">
                  {l.label} rank
                </th>
              ))}
              <th scope="col" role="columnheader">
                Par
              </th>
              <th scope="col" role="columnheader">
                Yours
              </th>
            </tr>
          </thead>
          <tbody>
            {lenses.map((row) => (
              <tr key={row.id} role="row">
                <th scope="row" role="rowheader">
                  {row.title}{' '}
                  <span className={`type-chip type-${row.type}`}>{ITEM_TYPE_LABELS[row.type]}</span>
                </th>
                {LENSES.map((l) => (
                  <td key={l.key} role="cell" data-label={l.label}>
                    {ranks[l.key]?.get(row.id)}
                  </td>
                ))}
                <td role="cell" data-label="Par" className="lens-ranks-slot">
                  {slotOf(par, row.id)}
                </td>
                <td role="cell" data-label="Yours" className="lens-ranks-slot">
                  {slotOf(plan, row.id)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
