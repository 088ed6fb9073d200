/**
 * Round-by-round play on the board: a workshop's, or quarter by quarter alone (`solo`: the
 * scenario's own weights, its own dice, practice mode as on the plain board, no par from here,
 * "New world" / "Same world" / "Stop" in the panel). The app renders the board through this
 * component when either drives the scenario in this browser; it hands the board its workshop mode
 * (the shape of the board's `workshop` prop — features never import each other, the app joins
 * them):
 *
 * - grading under the workshop's weights; in round-by-round play, the expected outcome given the
 *   slots already played with the workshop's dice;
 * - the played slots locked, items that events added shown in the backlog;
 * - scores hidden until the facilitator reveals them;
 * - the round's panel above the board: commit the next slot, what happened in the played slots,
 *   "par from here", and at the end of the year the way to the debrief.
 */
import { entryOf } from '../../engine/ids';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';

import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LiveRegion, type Announcement } from '../../components/LiveRegion';
import {
  revealedAfter,
  revealedKey,
  simulate,
  type Outcome,
  type Plan,
  type Scenario,
} from '../../engine';
import { addedByEvents, storyOf, type StorySlot, type StoryTone } from '../../explain/story';
import { slotBySlot } from '../../explain/decisions';
import { revealedLabel, revealedSentence } from '../../explain/uncertainty';
import { presetName } from '../../explain/words';
import {
  CUSTOM_PRESET,
  scoresVisible,
  workshopWeights,
  type WorkshopSettings,
} from '../../engine/workshop';
import {
  roundsPlayFor,
  soloPlayFor,
  useActiveVariant,
  useAppStore,
  randomSeed,
  type ParEntry,
  type RoundGame,
} from '../../store';
import type { ParInput } from '../../workers/parJob';
import { memoByPlan, parOrBetter, useWorkshopPar } from './hooks';

/** A hidden fact play revealed, for the board (the board's `RevealedItem`). */
interface RevealedFact {
  id: string;
  badge: 'uncertain' | 'uncertain-effort' | 'uncertain-likelihood';
  label: string;
  sentence: string;
  effort?: number;
}
import { RoomBar } from './RoomBar';
import { committedPlan, roundTitle } from './rounds';
import './workshop.css';

/** What the board's `workshop` prop takes. */
export interface WorkshopBoardMode {
  evaluate: (plan: Plan) => Outcome;
  par: ParEntry | undefined;
  lockedSlots: number;
  hideScores: boolean;
  caption: string;
  addedItems: readonly { id: string; note: string }[];
  /** Hidden facts the played slots revealed, each with the card badge it answers. */
  revealed: readonly RevealedFact[];
  panel: ReactNode;
  /** Played alone: scores while planning follow the learner's practice mode. */
  practice: boolean;
}

export interface WorkshopBoardProps {
  scenario: Scenario;
  /** The debrief of the scenario (where the finished game goes). */
  playHref: string;
  /** The facilitator's setup page. */
  setupHref: string;
  /** Renders the board; `mode` is undefined when no workshop drives this scenario here. */
  children: (mode: WorkshopBoardMode | undefined) => ReactNode;
}

const NO_COMMITTED: string[][] = [];
const NO_PAR_INPUT: ParInput = {};

/** "Growth board", or "custom weights". */
export function graderName(scenario: Scenario, settings: WorkshopSettings): string {
  return settings.preset === CUSTOM_PRESET
    ? 'custom weights'
    : presetName(scenario, settings.preset);
}

export function WorkshopBoard({ scenario, playHref, setupHref, children }: WorkshopBoardProps) {
  const settings = useAppStore((s) => roundsPlayFor(s, scenario.id));
  const solo = useAppStore((s) => soloPlayFor(s, scenario.id));
  const game = useAppStore((s) => entryOf(s.workshop.games, scenario.id));
  if (!settings) return <>{children(undefined)}</>;
  return (
    <ActiveWorkshopBoard
      scenario={scenario}
      settings={settings}
      solo={solo}
      game={game}
      playHref={playHref}
      setupHref={setupHref}
    >
      {children}
    </ActiveWorkshopBoard>
  );
}

function ActiveWorkshopBoard({
  scenario,
  settings,
  solo,
  game,
  playHref,
  setupHref,
  children,
}: Omit<WorkshopBoardProps, 'children'> & {
  settings: WorkshopSettings;
  solo: boolean;
  game: RoundGame | undefined;
  children: WorkshopBoardProps['children'];
}) {
  const rounds = settings.play === 'rounds';
  const seed = rounds ? (game?.seed ?? settings.seed) : settings.seed;
  const committed = rounds ? (game?.committed ?? NO_COMMITTED) : NO_COMMITTED;
  const played = committed.length;
  const ownWeights = settings.preset === 'balanced';
  const weights = useMemo(() => workshopWeights(scenario, settings), [scenario, settings]);
  const hideScores = !scoresVisible(settings);
  const plan = useActiveVariant(scenario).plan;

  // One score: the board, the debrief and the leaderboard grade the same number — the expected
  // outcome of the plan under the workshop's weights. The dice of the played slots tell the
  // story (below, "as played"); they never decide the grade.
  const evaluate = useMemo(
    () => memoByPlan((next: Plan) => simulate(scenario, next, { weights })),
    [scenario, weights],
  );
  const outcome = evaluate(plan);
  // "Par from here" compares continuations given the slots as played: its own, labelled, number.
  const fromHereScore = useMemo(
    () =>
      played > 0
        ? simulate(scenario, plan, { mode: 'conditional', seed, revealedSlots: played, weights })
            .score
        : outcome.score,
    [scenario, plan, played, seed, weights, outcome.score],
  );
  const room = useAppStore((s) => (s.workshop.room?.role === 'team' ? s.workshop.room : null));
  const locked = useAppStore((s) => s.workshop.room?.role === 'team' && s.workshop.locked);

  // The played slots' story: the seeded run of what was committed (later slots empty).
  const run = useMemo(
    () =>
      played > 0
        ? simulate(scenario, committedPlan(scenario, committed), { mode: 'seeded', seed })
        : null,
    [scenario, committed, played, seed],
  );
  const story = useMemo(() => (run ? storyOf(scenario, run, played) : []), [scenario, run, played]);
  const addedItems = useMemo(
    () => (run ? addedByEvents(scenario, run, played) : []),
    [scenario, run, played],
  );
  // Hidden values the played slots revealed (experiments done, items shipped), never the others.
  const facts = useMemo(
    () =>
      played > 0 ? revealedAfter(scenario, committedPlan(scenario, committed), seed, played) : [],
    [scenario, committed, played, seed],
  );
  // Each on the cards it concerns: an item's own, or a threat's on the items that control it.
  const revealed = useMemo(
    () =>
      facts.flatMap((fact): RevealedFact[] => {
        const text = {
          label: revealedLabel(scenario, fact),
          sentence: revealedSentence(scenario, fact),
        };
        if (fact.kind === 'likelihood')
          return (scenario.security?.threats.find((x) => x.id === fact.item)?.controls ?? []).map(
            (ctl) => ({ id: ctl.item, badge: 'uncertain-likelihood', ...text }),
          );
        if (fact.kind === 'effort')
          return [{ id: fact.item, badge: 'uncertain-effort', effort: fact.effort, ...text }];
        return [{ id: fact.item, badge: 'uncertain', ...text }];
      }),
    [scenario, facts],
  );
  // The same facts once each, for the round's panel.
  const learned = useMemo(
    () =>
      facts.map((fact) => ({
        key: revealedKey(fact),
        sentence: revealedSentence(scenario, fact),
        slot: fact.slot,
      })),
    [scenario, facts],
  );

  const parInput = useMemo<ParInput>(
    () => ({
      ...(ownWeights ? {} : { weights }),
      ...(played > 0
        ? {
            frozenSlots: played,
            fixedPlan: committedPlan(scenario, committed),
            revealedSeed: seed,
          }
        : {}),
    }),
    [ownWeights, weights, played, scenario, committed, seed],
  );
  // Alone, the board compares with the year's par (as the plain board does); no par from here.
  const searched = useWorkshopPar(
    scenario,
    settings.parFromHere ? parInput : solo ? NO_PAR_INPUT : null,
    ownWeights,
  );
  const par = parOrBetter(searched, plan, outcome.score);

  const grader = graderName(scenario, settings);
  const labels = scenario.time.labels;
  const caption = solo
    ? 'Expected outcome of the whole plan'
    : `Expected outcome · graded as ${grader === 'custom weights' ? 'the custom weights' : `“${grader}”`} would`;

  const panel = (
    <WorkshopPanel
      scenario={scenario}
      settings={settings}
      solo={solo}
      played={played}
      story={story}
      learned={learned}
      plan={plan}
      par={searched}
      yourScore={fromHereScore}
      inRoom={room !== null}
      locked={locked}
      hideScores={hideScores}
      grader={grader}
      playHref={playHref}
      setupHref={setupHref}
    />
  );

  return (
    <>
      {children({
        evaluate,
        par,
        lockedSlots: locked ? labels.length : played,
        hideScores,
        caption,
        addedItems,
        revealed,
        panel,
        practice: solo,
      })}
    </>
  );
}

const TONE_LABEL: Record<StoryTone, string> = {
  bad: 'Bad news',
  neutral: 'News',
  good: 'Good news',
};

function SlotStory({ slot, latest }: { slot: StorySlot; latest: boolean }) {
  return (
    <li className={`round-slot${latest ? ' is-latest' : ''}`} data-testid="played-slot">
      <h3 id={`played-${slot.slot}`} tabIndex={-1}>
        {slot.label} as played
      </h3>
      <p className="small">{slot.finishedText}</p>
      {slot.events.length > 0 && (
        <ul className="story-lines" aria-label={`Events in ${slot.label}`}>
          {slot.events.map((e, i) => (
            <li key={i} className={`tone-${e.tone}`}>
              <span className="visually-hidden">{TONE_LABEL[e.tone]}: </span>
              {e.text}
            </li>
          ))}
        </ul>
      )}
      <p className="round-numbers">
        End of {slot.label}: {slot.numbersText}
      </p>
    </li>
  );
}

function ParFromHere({
  scenario,
  played,
  par,
  plan,
  yourScore,
  hideScores,
  id,
}: {
  scenario: Scenario;
  played: number;
  par: ParEntry | undefined;
  plan: Plan;
  yourScore: number;
  hideScores: boolean;
  id: string;
}) {
  const labels = scenario.time.labels;
  const titles = new Map(scenario.items.map((i) => [i.id, i.title]));
  const heading =
    played > 0
      ? `Best continuation from ${labels[played] ?? 'here'}, given ${labels.slice(0, played).join(', ')} as played`
      : 'Best plan for the year';
  return (
    <section id={id} className="par-from-here" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{heading}</h3>
      {par === undefined || par.status === 'computing' ? (
        <p role="status" className="small">
          Searching for the best continuation…
        </p>
      ) : par.status === 'failed' ? (
        <p role="status" className="small">
          The search could not finish ({par.message}). Try again after the next change.
        </p>
      ) : (
        <>
          <p role="status" className="small">
            {hideScores
              ? 'The best plan the search found from here (its score stays hidden until the reveal).'
              : `Par from here scores ${par.score.toFixed(1)}; your plan ${yourScore.toFixed(1)} (${yourScore >= par.score - 0.05 ? 'as good as par' : `${(par.score - yourScore).toFixed(1)} points behind`}).`}
          </p>
          <dl className="par-plan" data-testid="par-from-here-plan">
            {labels.map((label, slot) => {
              if (slot < played) return null;
              const ids = par.plan.slots[slot] ?? [];
              const same = JSON.stringify(ids) === JSON.stringify(plan.slots[slot] ?? []);
              return (
                <div key={label}>
                  <dt>
                    {label}
                    {same ? ' (same as yours)' : ''}
                  </dt>
                  <dd>
                    {ids.length === 0 ? (
                      <span className="muted">Nothing planned</span>
                    ) : (
                      <ul>
                        {ids.map((itemId) => (
                          <li key={itemId}>{titles.get(itemId) ?? itemId}</li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </>
      )}
    </section>
  );
}

function WorkshopPanel({
  scenario,
  settings,
  solo,
  played,
  story,
  learned,
  plan,
  par,
  yourScore,
  hideScores,
  grader,
  playHref,
  setupHref,
  inRoom,
  locked,
}: {
  inRoom: boolean;
  locked: boolean;
  scenario: Scenario;
  settings: WorkshopSettings;
  solo: boolean;
  played: number;
  story: StorySlot[];
  /** What the played slots revealed, once per fact. */
  learned: readonly { key: string; sentence: string; slot: number }[];
  plan: Plan;
  par: ParEntry | undefined;
  yourScore: number;
  hideScores: boolean;
  grader: string;
  playHref: string;
  setupHref: string;
}) {
  const commitSlot = useAppStore((s) => s.commitSlot);
  const startSolo = useAppStore((s) => s.startSolo);
  const endSolo = useAppStore((s) => s.endSolo);
  const [stopping, setStopping] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  // A new game alone (from the plain board, or "New world") replaces the button that started it:
  // keyboard users land on the round's title rather than on the page.
  const fresh = played === 0;
  useEffect(() => {
    if (!solo || !fresh) return;
    const active = document.activeElement;
    if (active === null || active === document.body) title.current?.focus();
  }, [solo, settings.seed, fresh]);
  const roomRound = useAppStore((s) => s.workshop.round);
  const finishGame = useAppStore((s) => s.finishGame);
  const role = useAppStore((s) => s.workshop.role);
  const teamName = useAppStore((s) => s.workshop.teamName);
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState(false);
  const [showPar, setShowPar] = useState(false);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const commitButton = useRef<HTMLButtonElement>(null);
  const labels = scenario.time.labels;
  const rounds = settings.play === 'rounds';
  const done = rounds && played >= labels.length;
  const next = labels[played];
  const nextItems = plan.slots[played] ?? [];
  // In a live room a slot opens when the facilitator moves the room to its round.
  const waitingForRound = inRoom && played > roomRound;
  const canCommit = !locked && !waitingForRound;
  const parId = 'par-from-here';
  // The round just played is told in full; earlier ones fold away, so the board stays in view.
  const latest = story[story.length - 1];
  const earlier = story.slice(0, -1);

  const commit = useCallback(() => {
    setConfirming(false);
    const count = commitSlot(scenario);
    const slot = count - 1;
    const label = labels[slot] ?? '';
    setAnnouncement((previous) => ({
      id: (previous?.id ?? 0) + 1,
      text:
        count >= labels.length
          ? `${label} played and locked. The year is played.`
          : `${label} played and locked; its events are revealed below. Re-plan ${labels
              .slice(count)
              .join(', ')}.`,
    }));
    // Focus the story of the slot just played, so keyboard users land on what it revealed.
    requestAnimationFrame(() => document.getElementById(`played-${slot}`)?.focus());
  }, [commitSlot, scenario, labels]);

  const toDebrief = () => {
    finishGame(scenario);
    navigate(playHref);
  };

  const stop = () => {
    setStopping(false);
    endSolo();
    // The plain board replaces this one: focus its heading, not the page.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('h1')?.focus());
  };

  const who = role === 'team' && teamName ? `${teamName} · ` : '';
  const hiddenNote = hideScores ? ' · scores hidden until the reveal' : '';
  const steps = slotBySlot(scenario);
  return (
    <section className="round-panel" aria-labelledby="round-title" data-testid="round-panel">
      <div className="round-head">
        <div>
          {solo ? (
            <p className="small muted" data-testid="solo-note">
              Playing {steps}, alone · this world’s seed {settings.seed} · the debrief grades each
              commit by what you knew when you made it
            </p>
          ) : (
            <p className="small muted">
              {who}Workshop{settings.title ? `: ${settings.title}` : ''} · graded as{' '}
              {grader === 'custom weights' ? 'the custom weights' : `“${grader}”`} would · the same
              dice for every team{hiddenNote}
              {role === 'facilitator' && (
                <>
                  {' · '}
                  <Link href={setupHref}>workshop setup</Link>
                </>
              )}
            </p>
          )}
          <h2 id="round-title" ref={title} tabIndex={-1}>
            {rounds ? roundTitle(scenario, played) : 'Plan the whole year, then play it'}
          </h2>
          {rounds && (
            <ol className="round-progress" aria-label="Rounds">
              {labels.map((label, slot) => (
                <li
                  key={label}
                  className={slot < played ? 'is-played' : slot === played ? 'is-current' : ''}
                  aria-current={slot === played ? 'step' : undefined}
                >
                  {label}
                  {slot < played ? ' · played' : ''}
                </li>
              ))}
            </ol>
          )}
        </div>
        <div className="round-actions">
          {rounds && !done && next !== undefined && (
            <button
              ref={commitButton}
              type="button"
              className="button button-primary"
              disabled={!canCommit}
              onClick={() => setConfirming(true)}
            >
              Commit {next}
            </button>
          )}
          {(done || !rounds) &&
            (hideScores ? null : (
              <button type="button" className="button button-primary" onClick={toDebrief}>
                {rounds ? 'See the debrief' : 'Play the year'}
              </button>
            ))}
          {solo && done && (
            <>
              <button
                type="button"
                className="button"
                title="Play again with new dice"
                onClick={() => startSolo(scenario, randomSeed())}
              >
                New world
              </button>
              <button
                type="button"
                className="button"
                title="Play again with the same dice"
                onClick={() => startSolo(scenario, settings.seed)}
              >
                Same world
              </button>
            </>
          )}
          {solo && (
            <button
              type="button"
              className="button"
              onClick={() => (played > 0 && !done ? setStopping(true) : stop())}
            >
              Stop playing {steps}
            </button>
          )}
          {!done && settings.parFromHere && (
            <button
              type="button"
              className="button"
              aria-expanded={showPar}
              aria-controls={showPar ? parId : undefined}
              onClick={() => setShowPar((shown) => !shown)}
            >
              {showPar ? 'Hide par from here' : 'Par from here'}
            </button>
          )}
        </div>
      </div>
      {inRoom && <RoomBar settings={settings} rounds={rounds} />}
      {rounds && !done && waitingForRound && (
        <p className="small" data-testid="waiting-for-round">
          {next} opens when your facilitator moves the room to it. Plan ahead meanwhile.
        </p>
      )}
      {rounds && !done && !waitingForRound && (
        <p className="small">
          Plan {next} below, then commit it: {next} is played and locked, and its events are
          revealed.{played < labels.length - 1 ? ' The slots after it stay open to re-plan.' : ''}
        </p>
      )}
      {(done || !rounds) && hideScores && (
        <p className="small" data-testid="waiting-for-reveal">
          {done ? 'The year is played. ' : ''}Scores stay hidden until your facilitator reveals
          them; the debrief opens after the reveal
          {inRoom
            ? ' (it appears here the moment they do).'
            : ' (open the workshop link again when the facilitator sends it).'}
        </p>
      )}
      {earlier.length > 0 && (
        <details className="round-earlier">
          <summary>Earlier rounds: {earlier.map((slot) => slot.label).join(', ')}</summary>
          <ol className="round-story" aria-label="What happened in the earlier rounds">
            {earlier.map((slot) => (
              <SlotStory key={slot.slot} slot={slot} latest={false} />
            ))}
          </ol>
        </details>
      )}
      {latest && (
        <ol className="round-story" aria-label={`What happened in ${latest.label}`}>
          <SlotStory slot={latest} latest />
        </ol>
      )}
      {learned.length > 0 && (
        <section className="round-learned" aria-labelledby="round-learned" data-testid="learned">
          <h3 id="round-learned">What you know now</h3>
          <ul>
            {learned.map((fact) => (
              <li key={fact.key}>
                {fact.slot === played - 1 && <strong>New: </strong>}
                {fact.sentence}
              </li>
            ))}
          </ul>
        </section>
      )}
      {showPar && !done && settings.parFromHere && (
        <ParFromHere
          scenario={scenario}
          played={played}
          par={par}
          plan={plan}
          yourScore={yourScore}
          hideScores={hideScores}
          id={parId}
        />
      )}
      <LiveRegion announcement={announcement} id="round-announcer" />
      {stopping && (
        <ConfirmDialog
          title={`Stop playing ${steps}?`}
          confirmLabel="Stop"
          onCancel={() => setStopping(false)}
          onConfirm={stop}
        >
          <p>
            The slots played so far stay in your plan as they are, and every slot opens again. This
            game ends: its commits are not graded.
          </p>
        </ConfirmDialog>
      )}
      {confirming && next !== undefined && (
        <ConfirmDialog
          title={`Commit ${next}?`}
          confirmLabel={`Commit ${next}`}
          onCancel={() => setConfirming(false)}
          onConfirm={commit}
        >
          <p>
            {nextItems.length === 0
              ? `${next} is empty: the team spends it on keeping the lights on. `
              : `${nextItems.length} ${nextItems.length === 1 ? 'item' : 'items'} in ${next}. `}
            {next} is then played and locked — it cannot be changed again — and its events are
            revealed.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
