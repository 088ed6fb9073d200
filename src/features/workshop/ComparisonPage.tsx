/**
 * The team comparison: the facilitator loads every team's plan file or share link (drop files on
 * the page, choose them, or paste links), and sees one leaderboard by score with % of par, the
 * teams side by side (radar and metric lines, each with a text summary), which items every team
 * chose and which only some did, and exports it all as Markdown or CSV. Nothing leaves the
 * browser; the teams' plans are kept in the store, so a reload keeps them.
 *
 * The scenario is the workshop's when one is set up here; otherwise the one the first plans
 * loaded name (or the facilitator's pick). Scores use the workshop's weights (preset or custom)
 * when it is set up, else the scenario's own. Par: with the scenario's own weights it is the
 * board's par (baked into the scenario file, or searched once for the app); with other weights
 * the workshop's par search finds it in the engine worker (`useWorkshopPar`). Until par is known,
 * teams are ranked and scored but no % of par is shown.
 */
import {
  Suspense,
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type FormEvent,
  type ReactNode,
} from 'react';
import { Link } from 'wouter';

import { LazyLineChart, LazyRadarChart, ChartPlaceholder } from '../../components/charts/lazy';
import { SERIES_STYLES } from '../../components/charts/styles';
import type { ChartSeries } from '../../components/charts/types';
import { downloadText } from '../../components/browser';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { PencilIcon, TrashIcon, UploadIcon } from '../../components/icons';
import { LiveRegion, type Announcement } from '../../components/LiveRegion';
import { Notice } from '../../components/Notice';
import { PromptDialog } from '../../components/PromptDialog';
import { type Issue, type Scenario } from '../../engine';
import { METRIC_INFO, presetName as nameOfPreset } from '../../explain/words';
import { formatMetric, formatMoney } from '../../explain/format';
import { NET_VALUE_LABEL, besideNetValue } from '../../explain/value';
import { comparisonCsv, comparisonMarkdown } from '../../explain/report';
import { scoresVisible, workshopWeights } from '../../engine/workshop';
import {
  MAX_TEAM_PLANS,
  TEAM_NAME_MAX,
  useAppStore,
  useScenarioListings,
  type TeamPlanInput,
} from '../../store';
import { fileSlug } from './browser';
import {
  LINE_METRICS,
  PAR_KEY,
  chartLines,
  issueText,
  itemAgreement,
  lineMetricsFor,
  lineRows,
  lineSummary,
  namedScenarioId,
  radarRows,
  radarSummary,
  rankTeams,
  readPickedFiles,
  readTeamPlans,
  splitLinks,
  weightedMetrics,
  type LineMetricId,
  type PickedFile,
  type TeamEntry,
} from './comparison';
import { useWorkshopPar } from './hooks';
import './comparison.css';

export interface ComparisonPageProps {
  libraryHref: string;
  /** The facilitator's setup. */
  workshopHref: string;
}

/** Teams drawn in the charts at once: one style each (par keeps the grey dashed one). */
const MAX_CHART_TEAMS = 5;
const PAR_STYLE = SERIES_STYLES[1]!;
const TEAM_STYLES = SERIES_STYLES.filter((_, i) => i !== 1);

/** Inputs that could not be added, by file name or link label. */
interface LoadError {
  label: string;
  issues: Issue[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function Figure({
  title,
  summary,
  height,
  testId,
  children,
}: {
  title: string;
  /** The chart in words: one sentence per item. */
  summary: readonly string[];
  height: number;
  testId: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="cmp-figure" aria-labelledby={id} data-testid={testId}>
      <h3 id={id} className="cmp-figure-title">
        {title}
      </h3>
      <Suspense fallback={<ChartPlaceholder height={height} />}>{children}</Suspense>
      <figcaption className="cmp-figure-summary">
        <ul>
          {summary.map((sentence, i) => (
            <li key={i}>{sentence}</li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

export function ComparisonPage({ libraryHref, workshopHref }: ComparisonPageProps) {
  const listings = useScenarioListings();
  const settings = useAppStore((s) => s.workshop.settings);
  const teamPlans = useAppStore((s) => s.workshop.teamPlans);
  const addTeamPlans = useAppStore((s) => s.addTeamPlans);
  const removeTeamPlan = useAppStore((s) => s.removeTeamPlan);
  const renameTeamPlan = useAppStore((s) => s.renameTeamPlan);
  const clearTeamPlans = useAppStore((s) => s.clearTeamPlans);
  const setRevealed = useAppStore((s) => s.setRevealed);

  const findScenario = useCallback(
    (id: string): Scenario | undefined => listings.find((l) => l.scenario.id === id)?.scenario,
    [listings],
  );
  const workshopScenario = settings ? findScenario(settings.scenarioId) : undefined;
  const [picked, setPicked] = useState<string | null>(null);
  // After a reload the plans themselves say which scenario they are for.
  const fromTeams = useMemo(() => {
    for (const input of teamPlans) {
      const id = namedScenarioId(input, findScenario);
      const found = id ? findScenario(id) : undefined;
      if (found) return found;
    }
    return undefined;
  }, [teamPlans, findScenario]);
  const scenario =
    workshopScenario ??
    (picked ? findScenario(picked) : undefined) ??
    fromTeams ??
    listings[0]?.scenario ??
    null;

  const workshopOn = workshopScenario !== undefined && settings !== null;
  const weights = useMemo(
    () =>
      scenario
        ? workshopOn
          ? workshopWeights(scenario, settings)
          : scenario.scoring.weights
        : null,
    [scenario, settings, workshopOn],
  );
  const ownWeights = !workshopOn || settings.preset === 'balanced';
  const parInput = useMemo(
    () => (ownWeights || !weights ? {} : { weights }),
    [ownWeights, weights],
  );
  const par = useWorkshopPar(scenario, parInput, ownWeights);
  const parPlan = par?.status === 'ready' ? par.plan : null;
  const visible = workshopOn ? scoresVisible(settings) : true;

  const entries: TeamEntry[] = useMemo(
    () => (scenario ? readTeamPlans(teamPlans, scenario, findScenario) : []),
    [teamPlans, scenario, findScenario],
  );
  const ranking = useMemo(
    () => (scenario && weights ? rankTeams(scenario, entries, parPlan, weights) : null),
    [scenario, entries, parPlan, weights],
  );

  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const announce = (text: string) => setAnnouncement((a) => ({ text, id: (a?.id ?? 0) + 1 }));
  const [errors, setErrors] = useState<LoadError[]>([]);
  const [dragging, setDragging] = useState(false);
  const [links, setLinks] = useState('');
  const [renaming, setRenaming] = useState<TeamEntry | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const teamsHeading = useRef<HTMLHeadingElement>(null);
  const ids = {
    links: useId(),
    scenario: useId(),
    scenarioHint: useId(),
    metric: useId(),
    files: useId(),
  };

  /**
   * Adds the inputs that read as plans of the comparison's scenario; the others are reported by
   * name and not kept. With no workshop and no team loaded yet, the scenario becomes the one the
   * first plan names.
   */
  const add = (inputs: readonly Omit<TeamPlanInput, 'id'>[], failed: readonly LoadError[]) => {
    let target = scenario;
    if (!workshopOn && teamPlans.length === 0) {
      for (const input of inputs) {
        const id = namedScenarioId(input, findScenario);
        const named = id ? findScenario(id) : undefined;
        if (named) {
          target = named;
          setPicked(named.id);
          break;
        }
      }
    }
    const problems: LoadError[] = [...failed];
    const good: Omit<TeamPlanInput, 'id'>[] = [];
    if (target)
      readTeamPlans(
        inputs.map((input, i) => ({ ...input, id: `new${i}` })),
        target,
        findScenario,
      ).forEach((entry, i) => {
        if (entry.ok) good.push(inputs[i]!);
        else problems.push({ label: entry.label, issues: entry.issues });
      });
    // The same file or link added twice is one team: the copies are skipped, not ranked twice.
    const seen = new Set(teamPlans.map((p) => `${p.kind}\n${p.text.trim()}`));
    const fresh = good.filter((input) => {
      const key = `${input.kind}\n${input.text.trim()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const repeated = good.length - fresh.length;
    good.splice(0, good.length, ...fresh);
    const added = addTeamPlans(good);
    if (added < good.length)
      problems.push(
        ...good.slice(added).map((input) => ({
          label: input.label,
          issues: [
            {
              path: '',
              message: `not added: a comparison holds at most ${MAX_TEAM_PLANS} teams`,
            },
          ],
        })),
      );
    setErrors(problems);
    const parts: string[] = [];
    if (added > 0) parts.push(`Added ${plural(added, 'team')}.`);
    if (repeated > 0)
      parts.push(
        `${plural(repeated, 'plan')} already loaded ${repeated === 1 ? 'was' : 'were'} skipped.`,
      );
    if (problems.length > 0)
      parts.push(
        `${plural(problems.length, 'plan')} could not be loaded: ${problems.map((p) => p.label).join(', ')}.`,
      );
    if (parts.length > 0) announce(parts.join(' '));
  };

  const addFiles = async (files: readonly PickedFile[]) => {
    if (files.length === 0) return;
    const { inputs, failed } = await readPickedFiles(files);
    add(inputs, failed);
  };

  const addLinks = (event: FormEvent) => {
    event.preventDefault();
    const lines = splitLinks(links);
    if (lines.length === 0) {
      setErrors([{ label: 'Links', issues: [{ path: '', message: 'paste at least one link' }] }]);
      announce('Paste at least one link.');
      return;
    }
    const count = teamPlans.filter((p) => p.kind === 'link').length;
    add(
      lines.map((text, i) => ({ kind: 'link' as const, label: `Link ${count + i + 1}`, text })),
      [],
    );
    setLinks('');
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) void addFiles(files);
    else {
      const text = event.dataTransfer.getData('text/plain');
      if (text.trim()) {
        const count = teamPlans.filter((p) => p.kind === 'link').length;
        add(
          splitLinks(text).map((line, i) => ({
            kind: 'link' as const,
            label: `Link ${count + i + 1}`,
            text: line,
          })),
          [],
        );
      }
    }
  };

  const remove = (entry: TeamEntry) => {
    removeTeamPlan(entry.id);
    announce(`Removed ${entry.ok ? entry.team : entry.label}.`);
    teamsHeading.current?.focus();
  };

  // Which teams the charts draw: the facilitator's choice, else the top of the leaderboard.
  const [chartChoice, setChartChoice] = useState<readonly string[] | null>(null);
  const rankedTeams = useMemo(() => ranking?.rows.map((r) => r.team) ?? [], [ranking]);
  const chartTeams = useMemo(
    () =>
      chartChoice
        ? rankedTeams.filter((t) => chartChoice.includes(t))
        : rankedTeams.slice(0, MAX_CHART_TEAMS),
    [chartChoice, rankedTeams],
  );
  const [metricId, setMetricId] = useState<LineMetricId>('arr');
  const lines = useMemo(
    () =>
      scenario && ranking && weights && visible
        ? chartLines(scenario, ranking, chartTeams, weights, ranking.parSource !== 'pending')
        : [],
    [scenario, ranking, chartTeams, weights, visible],
  );

  if (!scenario || !weights)
    return (
      <section className="cmp-page" aria-labelledby="cmp-title">
        <h1 id="cmp-title" tabIndex={-1}>
          Team comparison
        </h1>
        <p>There is no scenario in the library to compare plans of.</p>
      </section>
    );

  const metrics = ranking ? weightedMetrics(ranking, weights) : [];
  const tableMetrics = besideNetValue(metrics);
  const agreement = ranking ? itemAgreement(ranking) : null;
  const presetName = workshopOn ? nameOfPreset(scenario, settings.preset) : null;
  const parText = !ranking
    ? null
    : ranking.parSource === 'pending'
      ? par?.status === 'failed'
        ? `Par could not be found (${par.message}), so no % of par is shown.`
        : 'Finding par for these weights… the % of par appears when it is known.'
      : ranking.parSource === 'team'
        ? `Par: ${ranking.par.score.toFixed(1)}, net value ${formatMoney(ranking.par.netValue)} — ${ranking.rows[0]!.team} beat the best plan the search found, so their plan is par.`
        : `Par (the best plan found for these weights): ${ranking.par.score.toFixed(1)}, net value ${formatMoney(ranking.par.netValue)}.`;
  const series: ChartSeries[] = lines.map((l, i) => ({
    key: l.key,
    label: l.label,
    style: l.key === PAR_KEY ? PAR_STYLE : TEAM_STYLES[i % TEAM_STYLES.length]!,
  }));
  const lineMetric = LINE_METRICS[metricId];
  const canExport = ranking !== null && ranking.parSource !== 'pending' && visible;
  const base = `${scenario.id}.teams`;

  return (
    <div
      className="cmp-page"
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        if (!dragging) setDragging(true);
      }}
      onDragLeave={(event) => {
        // Moving between the page's own elements is not leaving it.
        const into = event.relatedTarget;
        if (!(into instanceof Node) || !event.currentTarget.contains(into)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <Breadcrumbs
        steps={[
          { href: libraryHref, label: 'Scenario library' },
          { href: workshopHref, label: 'Workshop' },
        ]}
      />
      <header className="cmp-header">
        <p className="eyebrow">Workshop</p>
        <h1 id="cmp-title" tabIndex={-1}>
          Team comparison
        </h1>
        <p className="lede">
          Load every team’s plan file or share link: one leaderboard, the plans side by side, and
          what the teams agreed on. Everything stays in this browser.
        </p>
      </header>

      <section className="cmp-card" aria-labelledby="cmp-scenario">
        <h2 id="cmp-scenario">Scenario and scoring</h2>
        {workshopOn ? (
          <p data-testid="cmp-scenario">
            <strong>{scenario.title}</strong>, scored by <strong>{presetName}</strong>
            {presetName === 'Balanced' ? ' (the scenario’s own weights)' : ''} — from the{' '}
            <Link href={workshopHref}>workshop setup</Link>.
          </p>
        ) : (
          <>
            <div className="field-inline">
              <label htmlFor={ids.scenario}>Scenario</label>
              <select
                id={ids.scenario}
                value={scenario.id}
                onChange={(event) => setPicked(event.target.value)}
                disabled={teamPlans.length > 0}
                aria-describedby={ids.scenarioHint}
                data-testid="cmp-scenario-select"
              >
                {listings.map(({ scenario: s }) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
            </div>
            <p className="small muted" id={ids.scenarioHint}>
              {teamPlans.length > 0
                ? 'The scenario of the teams loaded; remove them to compare another one.'
                : 'The first plans you load choose the scenario (plan files and links name theirs).'}{' '}
              Scored with the scenario’s own weights; set up a{' '}
              <Link href={workshopHref}>workshop</Link> to score with a preset or custom weights.
            </p>
          </>
        )}
      </section>

      <section className="cmp-card" aria-labelledby="cmp-add">
        <h2 id="cmp-add">Add teams</h2>
        <div className="cmp-add-grid">
          <div className={`cmp-drop${dragging ? ' is-dragging' : ''}`} data-testid="cmp-drop-zone">
            <UploadIcon />
            <p>
              <strong>Drop plan files here</strong> (or anywhere on this page)
            </p>
            <p className="small muted">
              Plan files end in <code>.plan.json</code>: “Download plan file” in a team’s share
              menu.
            </p>
            <input
              id={ids.files}
              className="cmp-file-input"
              type="file"
              multiple
              accept=".json,application/json"
              data-testid="team-file-input"
              onChange={(event) => {
                const files = Array.from(event.target.files ?? []);
                event.target.value = '';
                void addFiles(files);
              }}
            />
            <label className="button button-primary cmp-file-label" htmlFor={ids.files}>
              Choose files
            </label>
          </div>
          <form className="cmp-links" onSubmit={addLinks}>
            <label htmlFor={ids.links}>Share links, one per line</label>
            <textarea
              id={ids.links}
              rows={4}
              value={links}
              spellCheck={false}
              onChange={(event) => setLinks(event.target.value)}
              data-testid="team-links-input"
            />
            <button type="submit" className="button">
              Add links
            </button>
          </form>
        </div>
        <LiveRegion announcement={announcement} />
        {errors.length > 0 && (
          <Notice
            tone="error"
            role="alert"
            title={`${plural(errors.length, 'plan')} could not be loaded`}
            onDismiss={() => setErrors([])}
            dismissLabel="Dismiss these messages"
          >
            <ul className="cmp-errors" data-testid="cmp-load-errors">
              {errors.map((error, i) => (
                <li key={i}>
                  <strong>{error.label}</strong>
                  <ul>
                    {error.issues.map((issue, j) => (
                      <li key={j}>{issueText(issue)}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
            <p className="small">The teams already loaded are unchanged.</p>
          </Notice>
        )}
      </section>

      <section className="cmp-card" aria-labelledby="cmp-teams">
        <div className="cmp-section-head">
          <h2 id="cmp-teams" ref={teamsHeading} tabIndex={-1}>
            Teams ({teamPlans.length})
          </h2>
          {teamPlans.length > 0 && (
            <button
              type="button"
              className="button button-small"
              onClick={() => setConfirmClear(true)}
            >
              Remove all
            </button>
          )}
        </div>
        {entries.length === 0 ? (
          <p className="muted">No teams yet: add their plan files or links above.</p>
        ) : (
          <ul className="cmp-teams" data-testid="cmp-teams">
            {entries.map((entry) => {
              const name = entry.ok ? entry.team : entry.label;
              return (
                <li key={entry.id} className={entry.ok ? undefined : 'is-bad'}>
                  <div className="cmp-team-text">
                    <strong>{name}</strong>
                    <span className="small muted">
                      {entry.kind === 'file' ? 'file' : 'link'}: {entry.label}
                    </span>
                    {!entry.ok && (
                      <span className="cmp-team-error">
                        Not compared: {entry.issues.map(issueText).join('; ')}
                      </span>
                    )}
                  </div>
                  <div className="cmp-team-actions">
                    {entry.ok && (
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Rename ${name}`}
                        onClick={() => setRenaming(entry)}
                      >
                        <PencilIcon />
                        Rename
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Remove ${name}`}
                      onClick={() => remove(entry)}
                    >
                      <TrashIcon />
                      Remove
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {ranking && (
        <>
          <section className="cmp-card" aria-labelledby="cmp-board">
            <h2 id="cmp-board">Leaderboard</h2>
            {!visible ? (
              <div className="cmp-hidden">
                <p data-testid="cmp-scores-hidden">
                  Scores are hidden until you reveal them (workshop setting). Teams are listed above
                  in the order they were loaded.
                </p>
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => {
                    setRevealed(true);
                    announce('Scores revealed.');
                  }}
                >
                  Reveal the scores
                </button>
              </div>
            ) : (
              <>
                <p className="muted" data-testid="cmp-par">
                  Expected scores (luck plays no part). {parText}
                </p>
                <div
                  className="table-scroll"
                  role="region"
                  // A table wider than a phone scrolls: keyboard users need to focus it to scroll.
                  // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
                  tabIndex={0}
                  aria-label="Leaderboard table"
                >
                  <table className="data-table cmp-table" data-testid="cmp-leaderboard">
                    <thead>
                      <tr>
                        <th scope="col">Rank</th>
                        <th scope="col">Team</th>
                        <th scope="col">Score</th>
                        <th scope="col">{NET_VALUE_LABEL}</th>
                        <th scope="col">% of par</th>
                        {tableMetrics.map((m) => (
                          <th key={m} scope="col">
                            {METRIC_INFO[m].label}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {ranking.rows.map((row) => (
                        <tr key={row.team}>
                          <td>{row.rank}</td>
                          <th scope="row">{row.team}</th>
                          <td>{row.score.toFixed(1)}</td>
                          <td>{formatMoney(row.netValue)}</td>
                          <td>
                            {ranking.parSource === 'pending'
                              ? '—'
                              : `${row.percentOfPar.toFixed(0)}%`}
                          </td>
                          {tableMetrics.map((m) => (
                            <td key={m}>{formatMetric(m, row.metrics[m])}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </section>

          {visible && (
            <section className="cmp-card" aria-labelledby="cmp-charts">
              <h2 id="cmp-charts">Side by side</h2>
              {rankedTeams.length > 1 && (
                <fieldset className="cmp-pick">
                  <legend>
                    Teams in the charts (up to {MAX_CHART_TEAMS}; par is always drawn)
                  </legend>
                  {rankedTeams.map((team) => {
                    const on = chartTeams.includes(team);
                    return (
                      <label key={team}>
                        <input
                          type="checkbox"
                          checked={on}
                          disabled={!on && chartTeams.length >= MAX_CHART_TEAMS}
                          onChange={() =>
                            setChartChoice(
                              on ? chartTeams.filter((t) => t !== team) : [...chartTeams, team],
                            )
                          }
                        />
                        {team}
                      </label>
                    );
                  })}
                </fieldset>
              )}
              {lines.length === 0 ? (
                <p role="status">Choose at least one team to draw.</p>
              ) : (
                <div className="cmp-chart-grid">
                  <Figure
                    title="Each metric, 0–100% of the best found"
                    summary={radarSummary(lines, metrics)}
                    height={320}
                    testId="cmp-radar"
                  >
                    <LazyRadarChart
                      label="Radar of each weighted metric for the chosen teams and par"
                      rows={radarRows(lines, metrics)}
                      angleKey="metric"
                      series={series}
                      height={320}
                    />
                  </Figure>
                  <Figure
                    title={lineMetric.title}
                    summary={lineSummary(scenario, lines, metricId)}
                    height={320}
                    testId="cmp-lines"
                  >
                    <div className="field-inline">
                      <label htmlFor={ids.metric}>Metric</label>
                      <select
                        id={ids.metric}
                        value={metricId}
                        onChange={(event) => setMetricId(event.target.value as LineMetricId)}
                      >
                        {lineMetricsFor(scenario).map((m) => (
                          <option key={m} value={m}>
                            {LINE_METRICS[m].title}
                          </option>
                        ))}
                      </select>
                    </div>
                    <LazyLineChart
                      label={`${lineMetric.title}, for the chosen teams and par`}
                      rows={lineRows(scenario, lines, metricId)}
                      xKey="slot"
                      series={series}
                      format={lineMetric.format}
                      height={280}
                      // Names at the line ends collide when there are many or they are long;
                      // the legend always names every line.
                      directLabels={lines.length <= 3 && lines.every((l) => l.label.length <= 14)}
                    />
                  </Figure>
                </div>
              )}
            </section>
          )}

          {agreement && (
            <section className="cmp-card" aria-labelledby="cmp-items">
              <h2 id="cmp-items">What the teams chose</h2>
              <div className="cmp-items">
                <div data-testid="cmp-items-all">
                  <h3>Every team chose ({agreement.all.length})</h3>
                  {agreement.all.length === 0 ? (
                    <p className="muted">No item is in every plan.</p>
                  ) : (
                    <ul>
                      {agreement.all.map((i) => (
                        <li key={i.id}>{i.title}</li>
                      ))}
                    </ul>
                  )}
                </div>
                <div data-testid="cmp-items-some">
                  <h3>Only some teams chose ({agreement.some.length})</h3>
                  {agreement.some.length === 0 ? (
                    <p className="muted">The teams planned the same items.</p>
                  ) : (
                    <ul>
                      {agreement.some.map((i) => (
                        <li key={i.id}>
                          {i.title}{' '}
                          <span className="small muted">
                            ({i.teams.length} of {ranking.rows.length}: {i.teams.join(', ')})
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
                <div data-testid="cmp-items-none">
                  <h3>No team chose ({agreement.none.length})</h3>
                  {agreement.none.length === 0 ? (
                    <p className="muted">Every item is in some plan.</p>
                  ) : (
                    <ul>
                      {agreement.none.map((i) => (
                        <li key={i.id}>{i.title}</li>
                      ))}
                    </ul>
                  )}
                </div>
              </div>
            </section>
          )}

          <section className="cmp-card" aria-labelledby="cmp-export">
            <h2 id="cmp-export">Export</h2>
            <p className="small muted">
              {canExport
                ? 'For the meeting notes: the leaderboard, every metric and which items the teams chose (Markdown), or one row per team with its plan (CSV).'
                : !visible
                  ? 'Reveal the scores to export the comparison.'
                  : 'The exports are ready when par is known.'}
            </p>
            <div className="cmp-actions">
              <button
                type="button"
                className="button"
                disabled={!canExport}
                onClick={() => {
                  downloadText(
                    `${fileSlug(base)}.md`,
                    comparisonMarkdown(scenario, ranking),
                    'text/markdown',
                  );
                  announce('Markdown downloaded.');
                }}
              >
                Download Markdown
              </button>
              <button
                type="button"
                className="button"
                disabled={!canExport}
                onClick={() => {
                  downloadText(
                    `${fileSlug(base)}.csv`,
                    comparisonCsv(scenario, ranking),
                    'text/csv',
                  );
                  announce('CSV downloaded.');
                }}
              >
                Download CSV
              </button>
            </div>
          </section>
        </>
      )}

      {renaming?.ok && (
        <PromptDialog
          title={`Rename ${renaming.team}`}
          label="Team name"
          initialValue={renaming.team}
          confirmLabel="Rename"
          maxLength={TEAM_NAME_MAX}
          onCancel={() => setRenaming(null)}
          onSubmit={(value) => {
            renameTeamPlan(renaming.id, value);
            announce(value.trim() ? `Renamed ${renaming.team} to ${value.trim()}.` : 'Name reset.');
            setRenaming(null);
          }}
        />
      )}
      {confirmClear && (
        <ConfirmDialog
          title="Remove every team?"
          confirmLabel="Remove all"
          danger
          onCancel={() => setConfirmClear(false)}
          onConfirm={() => {
            setConfirmClear(false);
            clearTeamPlans();
            setErrors([]);
            announce('Removed every team.');
            teamsHeading.current?.focus();
          }}
        >
          <p>The comparison forgets every team’s plan. The teams’ own files are not touched.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
