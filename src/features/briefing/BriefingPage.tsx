/**
 * The briefing: the company's story, its starting numbers, the team's capacity, the stakeholders
 * and their asks, the known dates, the standing threats, how the plan is scored and what the
 * scenario teaches.
 * Scenario text is untrusted and rendered as plain text only.
 */
import { useMemo } from 'react';
import { Link } from 'wouter';

import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ArrowRightIcon } from '../../components/icons';
import {
  DIFFICULTY_LABELS,
  formatPoints,
  itemFacts,
  knownDates,
  scoringTable,
  slotLabel,
  standingThreats,
  startingPicture,
  type DateKind,
} from '../../explain/advice';
import { formatMoney, formatPercent } from '../../explain/format';
import type { Scenario } from '../../store';
import './briefing.css';

export interface BriefingPageProps {
  scenario: Scenario;
  boardHref: string;
  libraryHref: string;
}

const DATE_KIND_LABELS: Record<DateKind, string> = {
  deadline: 'Deadline',
  decay: 'Value decays',
  obligation: 'Obligation',
  deal: 'Deal',
  vulnerability: 'Vulnerability',
  fee: 'Fee',
  event: 'Possible event',
  ask: 'Ask',
};

/** The brief as paragraphs: blank lines separate them; single line breaks are kept. */
function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function StartPlanning({ href }: { href: string }) {
  return (
    <Link href={href} className="button button-primary button-large">
      Start planning
      <ArrowRightIcon />
    </Link>
  );
}

export function BriefingPage({ scenario, boardHref, libraryHref }: BriefingPageProps) {
  const start = useMemo(() => startingPicture(scenario), [scenario]);
  // Asks are listed with their stakeholders above; the timeline keeps the other dates.
  const dates = useMemo(() => knownDates(scenario).filter((d) => d.kind !== 'ask'), [scenario]);
  const scoring = useMemo(() => scoringTable(scenario), [scenario]);
  const threats = useMemo(() => standingThreats(scenario), [scenario]);
  const items = new Map(scenario.items.map((item) => [item.id, item]));
  // The asks a scenario lets the learner renegotiate, keyed "stakeholder item" (ids have no spaces).
  const talks = new Map(
    scenario.items.flatMap((item) => {
      const facts = item.renegotiates ? itemFacts(scenario, item) : null;
      return facts?.renegotiates
        ? [[`${item.renegotiates!.stakeholder} ${item.renegotiates!.item}`, facts] as const]
        : [];
    }),
  );
  const slotsWithDates = [...new Set(dates.map((d) => d.slot))];

  return (
    <article className="briefing" aria-labelledby="briefing-title">
      <Breadcrumbs steps={[{ href: libraryHref, label: 'Scenario library' }]} />
      <header className="briefing-header">
        <p className="eyebrow">
          Briefing · {scenario.industry} · {DIFFICULTY_LABELS[scenario.difficulty]} ·{' '}
          {scenario.minutes} min
        </p>
        <h1 id="briefing-title" tabIndex={-1}>
          {scenario.title}
        </h1>
        <StartPlanning href={boardHref} />
      </header>

      <section className="briefing-section" aria-labelledby="story-title">
        <h2 id="story-title">The story</h2>
        <div className="story">
          {paragraphs(scenario.brief).map((text, index) => (
            <p key={index}>{text}</p>
          ))}
        </div>
      </section>

      <section className="briefing-section" aria-labelledby="numbers-title">
        <h2 id="numbers-title">Starting numbers</h2>
        <dl className="stat-grid">
          <div className="stat">
            <dt>Annual recurring revenue</dt>
            <dd>{formatMoney(start.arr)}</dd>
          </div>
          <div className="stat">
            <dt>Customer satisfaction</dt>
            <dd>
              {formatPoints(start.csat)}
              <span className="stat-unit"> / 100</span>
            </dd>
          </div>
          <div className="stat">
            <dt>Technical debt</dt>
            <dd>
              {formatPoints(start.debt)}
              <span className="stat-unit"> points</span>
            </dd>
            <dd className="stat-note">
              Drag: {formatPercent(start.drag)} of capacity lost ({formatPoints(start.dragPoints)}{' '}
              points in {slotLabel(scenario, 0)})
            </dd>
          </div>
          {start.utilization !== null && (
            <div className="stat">
              <dt>Utilization</dt>
              <dd>{formatPercent(start.utilization)}</dd>
              <dd className="stat-note">
                of system capacity
                {scenario.demand && scenario.demand.growth !== 0
                  ? `; demand ${scenario.demand.growth > 0 ? 'grows' : 'shrinks'} ${formatPercent(Math.abs(scenario.demand.growth))} a slot`
                  : ''}
              </dd>
            </div>
          )}
        </dl>
      </section>

      <section className="briefing-section" aria-labelledby="team-title">
        <h2 id="team-title">Team capacity</h2>
        <p className="muted">
          Points of work per slot. Keep-the-lights-on (KTLO) work and debt drag come off the top;
          the rest is what you can plan, if nothing changes.
        </p>
        <p data-testid="team-streams">{start.streamsSentence}</p>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Slot</th>
                <th scope="col">Capacity</th>
                <th scope="col">KTLO</th>
                <th scope="col">Effective if nothing changes</th>
              </tr>
            </thead>
            <tbody>
              {start.slots.map((slot) => (
                <tr key={slot.label}>
                  <th scope="row">{slot.label}</th>
                  <td>{formatPoints(slot.capacity)}</td>
                  <td>{formatPoints(slot.ktlo)}</td>
                  <td>{formatPoints(slot.effective)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {scenario.stakeholders.length > 0 && (
        <section className="briefing-section" aria-labelledby="stakeholders-title">
          <h2 id="stakeholders-title">Stakeholders</h2>
          <ul className="stakeholders">
            {scenario.stakeholders.map((s) => (
              <li key={s.id} className="stakeholder">
                <h3 className="stakeholder-name">
                  {s.name}
                  <span className="stakeholder-role">, {s.role}</span>
                </h3>
                <p className="muted small">Influence {formatPoints(s.influence)}</p>
                {s.asks.length > 0 ? (
                  <ul className="stakeholder-asks">
                    {s.asks.map((ask, index) => (
                      <li key={index}>
                        Wants <strong>{items.get(ask.item)?.title ?? ask.item}</strong> by the end
                        of {slotLabel(scenario, ask.bySlot)}
                        {ask.why && <span className="muted"> — {ask.why}</span>}
                        {talks.get(`${s.id} ${ask.item}`) && (
                          <span className="ask-renegotiable">
                            Open to renegotiation:{' '}
                            {talks.get(`${s.id} ${ask.item}`)!.renegotiates!.terms}.
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">No specific asks.</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="briefing-section" aria-labelledby="dates-title">
        <h2 id="dates-title">Known dates</h2>
        {dates.length === 0 ? (
          <p className="muted">No fixed dates: every item can ship whenever it fits.</p>
        ) : (
          <ol className="dates-timeline">
            {slotsWithDates.map((slot) => (
              <li key={slot} className="dates-timeline-slot">
                <h3 className="dates-timeline-label">{slotLabel(scenario, slot)}</h3>
                <ul className="dates-timeline-items">
                  {dates
                    .filter((d) => d.slot === slot)
                    .map((d, index) => (
                      <li key={index} className={`date date-${d.kind}`}>
                        <span className="date-kind">{DATE_KIND_LABELS[d.kind]}</span>
                        <span className="date-title">{d.title}</span>
                        <span className="date-detail muted">{d.detail}</span>
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>

      {threats.length > 0 && (
        <section className="briefing-section" aria-labelledby="threats-title">
          <h2 id="threats-title">Standing threats</h2>
          <p className="muted">
            Ways in that need no published vulnerability. Each keeps its chance of a breach every
            slot until a control is done; the controls say so on their cards.
          </p>
          <ul className="threats">
            {threats.map((threat) => (
              <li key={threat.id} className="threat">
                <h3 className="threat-title">{threat.title}</h3>
                <p>{threat.detail}</p>
                <p className="muted">{threat.controlsText}</p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="briefing-section" aria-labelledby="scoring-title">
        <h2 id="scoring-title">How the plan is scored</h2>
        <p className="muted">
          Each metric is scored from 0 (the worst of a battery of simple strategies) to 1 (the best
          plan found for that metric alone); the score is their weighted average, 0–100. Par is the
          best plan the engine can find, and the board shows your plan as a percentage of it.
        </p>
        {/* On a phone each metric's words go under its name and weight (briefing.css). Browsers
            may stop exposing a table whose rows and cells are no longer laid out as a table (Safari
            does), so the table, rows and cells say their roles themselves. */}
        <div className="table-scroll">
          <table className="data-table scoring-table" role="table" aria-labelledby="scoring-title">
            <thead>
              <tr role="row">
                <th scope="col" role="columnheader">
                  Metric
                </th>
                <th scope="col" role="columnheader">
                  Weight
                </th>
                <th scope="col" role="columnheader">
                  What it measures
                </th>
              </tr>
            </thead>
            <tbody>
              {scoring.map((row) => (
                <tr key={row.metric} role="row">
                  <th scope="row" role="rowheader">
                    {row.label}
                  </th>
                  <td role="cell">
                    <span className="weight">
                      <span
                        className="weight-bar"
                        aria-hidden="true"
                        style={{ width: `${Math.round(row.weightShare * 100)}%` }}
                      />
                      {formatPercent(row.weightShare)}
                    </span>
                  </td>
                  <td role="cell">{row.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {scenario.objectives.length > 0 && (
        <section className="briefing-section" aria-labelledby="objectives-title">
          <h2 id="objectives-title">What you will practise</h2>
          <ul className="objectives">
            {scenario.objectives.map((objective, index) => (
              <li key={index}>{objective}</li>
            ))}
          </ul>
        </section>
      )}

      <footer className="briefing-footer">
        <StartPlanning href={boardHref} />
      </footer>
    </article>
  );
}
