/**
 * Play the year and its debrief. Opening the page plays the active variant's plan: the expected
 * run grades it, a seeded run (its seed kept with the play) tells one concrete story, revealed
 * slot by slot. Then the debrief: the result against par, pictures of what the plan did, why
 * (causes, this run's events, what the frameworks would have done, stakeholders, lessons), the
 * user's own reasoning beside the outcome and, on request, par's plan beside theirs.
 *
 * The heavy work (counterfactuals, lenses, 2 × 1000 seeded runs) runs in the debrief worker.
 *
 * In a workshop the app passes `grading`: the debrief then grades under the workshop's weights
 * against par under those weights (the numbers the board showed), names the weights in the
 * headline, and while the workshop hides scores it tells the year's story but no score.
 */
import { entryOf } from '../../engine/ids';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { Link } from 'wouter';

import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ArrowLeftIcon } from '../../components/icons';
import { LiveRegion, type Announcement } from '../../components/LiveRegion';
import { Notice } from '../../components/Notice';
import { plansEqual, simulate, type Plan, type Scenario, type Weights } from '../../engine';
import {
  historyKey,
  useActiveVariant,
  useAppStore,
  useScenarioPlans,
  type ParEntry,
  type PlayHistory,
} from '../../store';
import { downloadText } from '../../components/browser';
import type { Analysis, Spread } from '../../workers/debriefJob';
import { useEngine } from '../../workers/EngineProvider';
import { Causes } from './Causes';
import { DebriefCharts } from './DebriefCharts';
import { DecisionQuality } from './DecisionQuality';
import { HiddenValues } from './HiddenValues';
import type { DecisionQuality as DecisionQualityResult } from '../../engine/decisions';
import {
  debriefJson,
  debriefMarkdown,
  fileStem,
  planFileOf,
  type ExportInput,
} from './exportFiles';
import { Frameworks } from './Frameworks';
import { GapByMetric } from './GapByMetric';
import { MovePath } from './MovePath';
import { Headline, type SinceLastPlay } from './Headline';
import { ParBoard } from './ParBoard';
import { describeChanges } from './planDiff';
import { Reasoning } from './Reasoning';
import { reasoningRows } from './reasoning';
import { Reveal } from './Reveal';
import { RunTimeline } from './RunTimeline';
import { Lessons, Stakeholders } from './Stakeholders';
import { storyOf, type StorySlot } from '../../explain/story';
import { useJob, type JobState } from './useJob';
import './debrief.css';

/** Who grades the play when it is not the scenario's own weights (a workshop's). */
export interface DebriefGrading {
  /** Says who grades, e.g. "the workshop’s CISO weights". */
  label: string;
  weights: Weights;
  /** Par under `weights`; undefined until asked for, `computing` while it is searched. */
  par: ParEntry | undefined;
  /** Scores stay hidden (the facilitator has not revealed them yet). */
  hideScores: boolean;
}

export interface DebriefPageProps {
  scenario: Scenario;
  boardHref: string;
  briefingHref: string;
  libraryHref: string;
  compareHref: string;
  /** Seeded runs per plan for the spread of outcomes (default 1000). */
  spreadRuns?: number;
  /** Grade with these weights and this par instead of the scenario's (a workshop). */
  grading?: DebriefGrading;
}

export function DebriefPage({
  scenario,
  boardHref,
  briefingHref,
  libraryHref,
  compareHref,
  spreadRuns = 1000,
  grading,
}: DebriefPageProps) {
  const engine = useEngine();
  const variant = useActiveVariant(scenario);
  const variants = useScenarioPlans(scenario).variants;
  const key = historyKey(scenario.id, variant.id);
  const history = useAppStore((s) => entryOf(s.plays, key));
  const pendingReveal = useAppStore((s) => entryOf(s.revealPending, key));
  const storePar = useAppStore((s) => entryOf(s.par, scenario.id));
  const par = grading ? grading.par : storePar;
  const weights = grading?.weights;
  const hideScores = grading?.hideScores ?? false;
  const requestPar = useAppStore((s) => s.requestPar);
  const playActive = useAppStore((s) => s.playActive);
  const finishReveal = useAppStore((s) => s.finishReveal);

  // Playing is idempotent: an unchanged plan keeps its last play (same seed, same story).
  // Par under other weights is the grader's to find (`grading.par`).
  const ownPar = grading === undefined;
  useEffect(() => {
    if (ownPar) requestPar(scenario);
  }, [scenario, requestPar, ownPar]);
  useEffect(() => {
    playActive(scenario);
  }, [scenario, variant.plan, playActive]);

  const play: PlayHistory | null =
    history && plansEqual(history.last.plan, variant.plan) ? history : null;
  const seed = play?.last.seed ?? null;
  const plan = variant.plan;

  // The seeded run for the reveal is cheap: tell it at once, while the worker explains it.
  const story = useMemo(
    () =>
      seed === null ? null : storyOf(scenario, simulate(scenario, plan, { mode: 'seeded', seed })),
    [scenario, plan, seed],
  );

  const parReady = par?.status === 'ready' ? par : null;
  const parSettled = par !== undefined && par.status !== 'computing';
  // Nothing to work out while scores are hidden: every part of the analysis bears the score.
  const analysisInput = useMemo(
    () =>
      seed === null || !parSettled || hideScores
        ? null
        : { plan, par: parReady?.plan ?? null, seed, ...(weights ? { weights } : {}) },
    [plan, parReady, parSettled, seed, weights, hideScores],
  );
  const analyze = useMemo(
    () => (analysisInput ? () => engine.analyze(scenario, analysisInput) : null),
    [engine, scenario, analysisInput],
  );
  const analysisJob = useJob(analysisInput && JSON.stringify(analysisInput), analyze);
  const analysis = analysisJob.state.status === 'ready' ? analysisJob.state.value : null;

  const spreadInput = useMemo(
    () =>
      analysis
        ? { plan, par: analysis.par, runs: spreadRuns, ...(weights ? { weights } : {}) }
        : null,
    [analysis, plan, spreadRuns, weights],
  );
  const spreadRun = useMemo(
    () => (spreadInput ? () => engine.spread(scenario, spreadInput) : null),
    [engine, scenario, spreadInput],
  );
  const spreadJob = useJob(spreadInput && JSON.stringify(spreadInput), spreadRun);

  // ---- Reveal ------------------------------------------------------------------------------
  const [replaying, setReplaying] = useState(false);
  const revealing = play !== null && story !== null && (pendingReveal === seed || replaying);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const focusResult = useRef(false);
  const endReveal = () => {
    finishReveal(scenario);
    setReplaying(false);
    focusResult.current = true;
  };
  // After the reveal, focus goes to the result heading. While the debrief is still being worked
  // out that is the waiting section's heading; the debrief then replaces it with its own, which
  // takes focus again unless the user has moved it elsewhere meanwhile.
  const analysisSettled = hideScores || analysisJob.state.status !== 'pending';
  useEffect(() => {
    if (!focusResult.current || revealing) return;
    const heading = resultHeading.current;
    if (!heading) return;
    const active = document.activeElement;
    if (active === null || active === document.body || active === heading) heading.focus();
    if (analysisSettled) focusResult.current = false;
  });

  // ---- Announcements and exports -----------------------------------------------------------
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const announce = useCallback(
    (text: string) => setAnnouncement((previous) => ({ text, id: (previous?.id ?? 0) + 1 })),
    [],
  );
  // Each commit's grade, for the exports, once the debrief's section has graded them all.
  const [graded, setGraded] = useState<{ key: string; quality: DecisionQualityResult } | null>(
    null,
  );
  const playKey = play ? `${play.last.seed}:${JSON.stringify(plan.slots)}` : '';
  const setDecisions = useCallback(
    (quality: DecisionQualityResult) => setGraded({ key: playKey, quality }),
    [playKey],
  );
  const decisions = play?.last.rounds && graded?.key === playKey ? graded.quality : null;
  const exportInput: ExportInput | null = analysis
    ? {
        scenario,
        plan,
        variantName: variant.name,
        notes: variant.notes,
        debrief: analysis.debrief,
        path: analysis.path,
        ...(decisions ? { decisions } : {}),
      }
    : null;
  const save = (kind: 'markdown' | 'json' | 'plan') => {
    if (!exportInput) return;
    const stem = fileStem(scenario, variant.name);
    const [name, text, type] =
      kind === 'markdown'
        ? [`${stem}-debrief.md`, debriefMarkdown(exportInput), 'text/markdown']
        : kind === 'json'
          ? [`${stem}-debrief.json`, debriefJson(exportInput), 'application/json']
          : [
              `${stem}.plan.json`,
              `${JSON.stringify(planFileOf(exportInput), null, 2)}\n`,
              'application/json',
            ];
    downloadText(name, text, type);
    announce(`Downloaded ${name}.`);
  };

  const newDice = () => {
    const next = playActive(scenario, { newDice: true });
    announce(`Playing the year again with new dice (seed ${next.last.seed}).`);
  };

  const since = useMemo<SinceLastPlay | null>(() => {
    const previous = play?.previous;
    if (!previous || !play) return null;
    const changes = describeChanges(scenario, previous.plan, play.last.plan);
    // Replayed from its plan and seed rather than read from the record: the recorded scores are
    // the scenario's grade under the engine that played it (an older engine scored on other
    // scales), and a workshop grades under its own weights. Compare like with like.
    const grading = weights ? { weights } : {};
    return {
      previous: {
        ...previous,
        score: simulate(scenario, previous.plan, grading).score,
        seededScore: simulate(scenario, previous.plan, {
          ...grading,
          mode: 'seeded',
          seed: previous.seed,
        }).score,
      },
      changes,
    };
  }, [play, scenario, weights]);

  return (
    <div className="debrief-page">
      <Breadcrumbs
        noPrint
        steps={[
          { href: libraryHref, label: 'Scenario library' },
          { href: briefingHref, label: 'Briefing' },
          { href: boardHref, label: 'Plan' },
        ]}
      />
      <header className="debrief-header">
        <h1 tabIndex={-1}>
          <span className="eyebrow-inline">Debrief ·</span> {scenario.title}
        </h1>
        <p className="muted">
          {variant.name}
          {seed !== null && <> · this run’s seed {seed}</>}
        </p>
        <div className="debrief-actions no-print" role="group" aria-label="Debrief actions">
          <Link href={boardHref} className="button button-small">
            <ArrowLeftIcon />
            Back to plan
          </Link>
          <button type="button" className="button button-small" onClick={newDice}>
            Play again with new dice
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => setReplaying(true)}
            disabled={revealing || story === null}
          >
            Watch the year again
          </button>
          {variants.length > 1 && !hideScores && (
            <Link href={compareHref} className="button button-small">
              Compare variants
            </Link>
          )}
        </div>
      </header>

      {play === null || story === null ? (
        <p role="status" className="muted">
          Playing the year…
        </p>
      ) : revealing ? (
        <Reveal story={story} seed={play.last.seed} onDone={endReveal} />
      ) : hideScores ? (
        <ScoresHidden story={story} seed={play.last.seed} resultHeading={resultHeading} />
      ) : analysis === null ? (
        <section className="debrief-section" aria-labelledby="result-title">
          <h2 id="result-title" ref={resultHeading} tabIndex={-1}>
            Result
          </h2>
          {analysisJob.state.status === 'failed' ? (
            <Notice tone="error" title="The debrief could not be worked out" role="alert">
              <p>{analysisJob.state.message}</p>
              <p>
                <button type="button" className="button button-small" onClick={analysisJob.retry}>
                  Try again
                </button>
              </p>
            </Notice>
          ) : (
            <p role="status" className="muted">
              {parSettled
                ? 'Working out why: replaying your plan with each of par’s choices…'
                : 'Finding par, the best plan the search can find…'}
            </p>
          )}
        </section>
      ) : (
        <DebriefBody
          scenario={scenario}
          analysis={analysis}
          story={story}
          plan={plan}
          notes={variant.notes}
          since={since}
          spread={spreadJob.state}
          spreadRuns={spreadRuns}
          resultHeading={resultHeading}
          boardHref={boardHref}
          onSave={save}
          {...(grading ? { gradedWith: grading.label } : {})}
          {...(play.last.rounds
            ? { rounds: { seed: play.last.seed, weights }, onDecisions: setDecisions }
            : {})}
        />
      )}
      <LiveRegion announcement={announcement} id="debrief-announcer" />
    </div>
  );
}

/** The result while a workshop hides scores: why there is no score, and this run's story. */
function ScoresHidden({
  story,
  seed,
  resultHeading,
}: {
  story: readonly StorySlot[];
  seed: number;
  resultHeading: RefObject<HTMLHeadingElement | null>;
}) {
  return (
    <div className="debrief-body">
      <section className="debrief-section" aria-labelledby="result-title">
        <h2 id="result-title" ref={resultHeading} tabIndex={-1}>
          Result
        </h2>
        <Notice tone="info" title="Scores are hidden until the facilitator reveals them">
          <p data-testid="debrief-scores-hidden">
            Your workshop hides scores, so the debrief shows no score, share of par or comparison
            with par yet. Here is what happened in your year; the full debrief opens here once the
            facilitator reveals the scores (open the workshop link again when they send it).
          </p>
        </Notice>
      </section>
      <section className="debrief-section" aria-labelledby="why-title">
        <h2 id="why-title">What happened</h2>
        <RunTimeline story={story} seed={seed} effortReveal={[]} />
      </section>
    </div>
  );
}

function DebriefBody({
  scenario,
  analysis,
  story,
  plan,
  notes,
  since,
  spread,
  spreadRuns,
  resultHeading,
  boardHref,
  onSave,
  gradedWith,
  rounds,
  onDecisions,
}: {
  scenario: Scenario;
  analysis: Analysis;
  story: readonly StorySlot[];
  plan: Plan;
  notes: Readonly<Record<string, string>>;
  since: SinceLastPlay | null;
  spread: JobState<Spread>;
  spreadRuns: number;
  resultHeading: RefObject<HTMLHeadingElement | null>;
  boardHref: string;
  onSave: (kind: 'markdown' | 'json' | 'plan') => void;
  gradedWith?: string;
  /** The year was played quarter by quarter with this seed: grade each commit. */
  rounds?: { seed: number; weights: Weights | undefined };
  /** Receives each commit's grade once all are graded (for the exports). */
  onDecisions?: (quality: DecisionQualityResult) => void;
}) {
  const { debrief } = analysis;
  const [showPar, setShowPar] = useState(false);
  const parPanel = useId();
  const parLabel = analysis.parSource === 'battery' ? 'Best framework' : 'Par';
  const storeWorld = useAppStore((s) => s.recordWorld);
  const parScore = debrief.parOutcome.score;
  const roundsSeed = rounds?.seed;
  const onGraded = useCallback(
    (quality: DecisionQualityResult) => {
      onDecisions?.(quality);
      // A world played alone under the scenario's own weights joins the scenario's history.
      if (roundsSeed === undefined || rounds?.weights) return;
      storeWorld(scenario.id, {
        seed: roundsSeed,
        plan: JSON.stringify(plan.slots),
        score: quality.score,
        parScore,
      });
    },
    [storeWorld, scenario.id, roundsSeed, rounds?.weights, plan, parScore, onDecisions],
  );
  const reasoning = useMemo(
    () => reasoningRows(scenario, plan, notes, debrief.expected),
    [scenario, plan, notes, debrief],
  );
  return (
    <div className="debrief-body">
      <Headline
        debrief={debrief}
        parSource={analysis.parSource}
        since={since}
        headingRef={resultHeading}
        {...(gradedWith ? { gradedWith } : {})}
      />
      <div className="debrief-exports no-print" role="group" aria-label="Export">
        <button type="button" className="button button-small" onClick={() => onSave('markdown')}>
          Download Markdown
        </button>
        <button type="button" className="button button-small" onClick={() => onSave('json')}>
          Download plan and outcome (JSON)
        </button>
        <button type="button" className="button button-small" onClick={() => onSave('plan')}>
          Download plan file
        </button>
        <button type="button" className="button button-small" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </div>
      {rounds && (
        <DecisionQuality
          scenario={scenario}
          plan={plan}
          seed={rounds.seed}
          parScore={debrief.parOutcome.score}
          onGraded={onGraded}
          {...(rounds.weights ? { weights: rounds.weights } : {})}
        />
      )}
      <GapByMetric yours={debrief.expected} par={debrief.parOutcome} parLabel={parLabel} />
      <MovePath
        scenario={scenario}
        path={analysis.path}
        yours={debrief.expected}
        parLabel={parLabel}
        boardHref={boardHref}
      />
      <DebriefCharts
        scenario={scenario}
        debrief={debrief}
        spread={spread}
        spreadRuns={spreadRuns}
      />
      <section className="debrief-section" aria-labelledby="why-title">
        <h2 id="why-title">Why</h2>
        <Causes debrief={debrief} />
        <RunTimeline story={story} seed={debrief.luck.seed} effortReveal={debrief.effortReveal} />
        <HiddenValues scenario={scenario} plan={plan} seed={debrief.luck.seed} />
      </section>
      <Frameworks scenario={scenario} analysis={analysis} plan={plan} />
      <Stakeholders scenario={scenario} debrief={debrief} />
      <Lessons debrief={debrief} />
      <Reasoning rows={reasoning} boardHref={boardHref} />
      <section className="debrief-section par-section" aria-labelledby="par-title">
        <h2 id="par-title">{parLabel}’s plan</h2>
        <p>
          <button
            type="button"
            className="button no-print"
            aria-expanded={showPar}
            aria-controls={parPanel}
            onClick={() => setShowPar((shown) => !shown)}
          >
            {showPar
              ? `Hide ${parLabel.toLowerCase()}’s plan`
              : `Show ${parLabel.toLowerCase()}’s plan beside yours`}
          </button>
        </p>
        <div id={parPanel} hidden={!showPar}>
          {showPar && (
            <ParBoard scenario={scenario} yours={plan} par={analysis.par} parLabel={parLabel} />
          )}
        </div>
      </section>
    </div>
  );
}
