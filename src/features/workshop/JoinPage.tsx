/**
 * A team opens the workshop link. The link is decoded (a tampered, truncated or too-new link
 * shows what is wrong, names the part at fault, and changes nothing in this browser); a good one
 * shows the facilitator's settings and asks for the team's name. Joining lets the settings drive
 * the board of the scenario here. The team's saved plans stay exactly as they were.
 */
import { useId, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';

import { Notice } from '../../components/Notice';
import { decodeWorkshop, type DecodedWorkshop } from '../../engine/workshop';
import { TEAM_NAME_MAX, useAppStore, useScenarioListings } from '../../store';
import { graderName } from './WorkshopBoard';
import './workshop.css';

export interface JoinPageProps {
  token: string;
  boardHref: (scenarioId: string) => string;
  libraryHref: string;
}

export function JoinPage({ token, boardHref, libraryHref }: JoinPageProps) {
  const savedTeam = useAppStore((s) => s.workshop.teamName);
  const current = useAppStore((s) => (s.workshop.active ? s.workshop.settings : null));
  const joinWorkshop = useAppStore((s) => s.joinWorkshop);
  const importScenario = useAppStore((s) => s.importScenario);
  const [, navigate] = useLocation();
  const [teamName, setTeamName] = useState(savedTeam);
  const [problem, setProblem] = useState<string | null>(null);
  const nameId = useId();

  const listings = useScenarioListings();
  const decoded = useMemo(
    () => decodeWorkshop(token, (id) => listings.find((l) => l.scenario.id === id)?.scenario),
    [token, listings],
  );

  if (!decoded.ok)
    return (
      <section className="join-page" aria-labelledby="join-title">
        <h1 id="join-title" tabIndex={-1}>
          This workshop link cannot be opened
        </h1>
        <Notice tone="error" title="What is wrong with the link" role="none">
          <ul className="issues" data-testid="join-issues">
            {decoded.issues.map((issue, index) => (
              <li key={index}>
                <code>{issue.path}</code> {issue.message}
              </li>
            ))}
          </ul>
        </Notice>
        <p>
          Nothing in this browser was changed: your plans and saved work are as they were. Ask the
          facilitator to send the workshop link again, or carry on in the library.
        </p>
        <p>
          <Link href={libraryHref} className="button button-primary">
            Go to the scenario library
          </Link>
        </p>
      </section>
    );

  const { settings, scenario, embedded } = decoded.workshop;
  const labels = scenario.time.labels;
  const replacing =
    current !== null &&
    (current.scenarioId !== settings.scenarioId ||
      current.seed !== settings.seed ||
      current.play !== settings.play);

  const join = (workshop: DecodedWorkshop) => {
    let scenarioId = workshop.scenario.id;
    if (workshop.embedded) {
      // An imported scenario travels in the link: added, never over a different one (a taken id
      // gets a free one, "<id>-workshop"); the same scenario again changes nothing.
      const result = importScenario(workshop.scenario, 'workshop link', {
        ifTaken: 'copy',
        copySuffix: 'workshop',
      });
      if (!result.ok) {
        setProblem(
          `The scenario in the link could not be added: ${result.issues
            .map((i) => `${i.path} ${i.message}`)
            .join('; ')}`,
        );
        return;
      }
      scenarioId = result.scenario.id;
    }
    joinWorkshop({ ...workshop.settings, scenarioId }, teamName);
    navigate(boardHref(scenarioId));
  };

  return (
    <section className="join-page" aria-labelledby="join-title">
      <header className="workshop-header">
        <p className="eyebrow">Workshop</p>
        <h1 id="join-title" tabIndex={-1}>
          Join {settings.title ? `“${settings.title}”` : 'the workshop'}
        </h1>
        <p className="lede">
          Your facilitator set up “{scenario.title}”. Joining opens its board with these settings.
        </p>
      </header>
      <dl className="join-facts" data-testid="join-facts">
        <dt>Scenario</dt>
        <dd>
          {scenario.title}
          {embedded ? ' (carried in the link)' : ''}
        </dd>
        <dt>Graded as</dt>
        <dd>{graderName(scenario, settings)}</dd>
        <dt>How you play</dt>
        <dd>
          {settings.play === 'rounds'
            ? `Round by round: commit ${labels.join(', ')} one at a time, see what happened, re-plan the rest`
            : 'The whole year: plan it, then play it'}
        </dd>
        <dt>Scores</dt>
        <dd>
          {settings.hideScores && !settings.revealed
            ? 'Hidden until the facilitator reveals them'
            : 'Shown'}
        </dd>
        <dt>Timer</dt>
        <dd>
          {settings.timerMinutes} {settings.timerMinutes === 1 ? 'minute' : 'minutes'}
          {settings.play === 'rounds' ? ' per round' : ''} (on the facilitator’s screen)
        </dd>
      </dl>
      <form
        className="join-form"
        onSubmit={(event) => {
          event.preventDefault();
          join(decoded.workshop);
        }}
      >
        <div className="field-stacked">
          <label htmlFor={nameId}>Team name</label>
          <input
            id={nameId}
            type="text"
            maxLength={TEAM_NAME_MAX}
            autoComplete="off"
            value={teamName}
            onChange={(event) => setTeamName(event.target.value)}
          />
        </div>
        <p className="small muted">
          Your saved plans stay as they are.
          {replacing && ' This replaces the workshop that was running in this browser.'}
        </p>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <p>
          <button type="submit" className="button button-primary button-large">
            Join the workshop
          </button>
        </p>
      </form>
    </section>
  );
}
