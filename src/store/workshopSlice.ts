/**
 * The workshop: a facilitator's settings and whether they drive play in this browser, the timer,
 * the round-by-round game per scenario (the slots committed so far and the seed they were played
 * with), and the teams' plans loaded into the comparison, kept as the text the facilitator gave
 * and checked again whenever shown. Inputs only: scores, stories and comparisons are derived.
 * Persisted with the plans.
 *
 * Quarter-by-quarter play alone (`solo`) runs on the same machinery: settings of its own (the
 * scenario's weights, fresh dice), kept apart from a facilitator's, and a game like a workshop's.
 * A workshop that drives the same scenario takes precedence.
 *
 * Committed slots are history. Whatever changes the active plan of a scenario with a game —
 * a move, Reset, Undo, switching to another variant — the slots already played keep exactly what
 * was committed: the slice puts them back (`withCommitted`). The board also refuses such moves
 * up front, with a message; this is the guarantee behind it.
 */
import type { StateCreator } from 'zustand/vanilla';

import { plansEqual, simulate, type Plan, type Scenario } from '../engine';
import {
  defaultWorkshopSettings,
  workshopWeights,
  type WorkshopSettings,
} from '../engine/workshop';
import {
  entryOf,
  filterEntries,
  idRecord,
  withEntry,
  withoutEntry,
  type IdRecord,
} from '../engine/ids';
import { expectedOutcome, selectScenario } from './derived';
import { activeVariantOf, historyKey, scenarioPlansOf } from './plansSlice';
import type { PlayHistory, PlayRecord } from './playsSlice';
import type { RoomIdentity } from './roomSlice';
import type { AppState } from './state';

/** The facilitator's countdown. Times are epoch milliseconds, passed in by the caller. */
export interface TimerState {
  /** When the running timer was last started; null while paused or reset. */
  startedAt: number | null;
  /** Time counted before `startedAt` (ms). */
  elapsedMs: number;
}

/** One round-by-round game of a scenario. */
export interface RoundGame {
  /** The dice the slots were played with (the workshop's seed when the game began). */
  seed: number;
  /** The plans of the played slots, in order: slots 0 … length − 1 are locked. */
  committed: string[][];
}

/** A year played quarter by quarter alone, once its commits were graded (decision quality). */
export interface WorldPlayed {
  /** The game's dice (its world). */
  seed: number;
  /** The plan as played, as JSON text of its slots (one record per world and plan). */
  plan: string;
  /** The decision score (par less every point lost) and par's score, 0–100. */
  score: number;
  parScore: number;
  /** ISO date-time. */
  playedAt: string;
}

/** Most worlds remembered per scenario (the oldest go first). */
export const MAX_WORLDS = 20;

/** A team's plan as the facilitator gave it: a plan file's text or a share link. */
export interface TeamPlanInput {
  id: string;
  kind: 'file' | 'link';
  /** The file's name, or "Link 3". */
  label: string;
  text: string;
  /** The name the facilitator gave the team; otherwise it comes from the plan or the file. */
  team?: string;
}

export interface Workshop {
  /** The facilitator's settings; null until a workshop was set up in this browser. */
  settings: WorkshopSettings | null;
  /** The settings drive play in this browser (the board of their scenario). */
  active: boolean;
  /** Set up here, or joined from a workshop link. */
  role: 'facilitator' | 'team';
  /** The team playing in this browser (put into exported plan files and links). */
  teamName: string;
  timer: TimerState;
  /** The round on the projector (a slot index). */
  round: number;
  /** Round-by-round games per scenario id. */
  games: IdRecord<RoundGame>;
  /** Teams' plans loaded into the comparison, in the order they were added. */
  teamPlans: TeamPlanInput[];
  /** The live room this browser is in (see roomSlice), or null. */
  room: RoomIdentity | null;
  /** The facilitator locked the room: teams cannot change their plans. */
  locked: boolean;
  /** Quarter-by-quarter play alone: its settings (one scenario at a time), or null. */
  solo: WorkshopSettings | null;
  /** The worlds played quarter by quarter alone per scenario id, oldest first. */
  worlds: IdRecord<WorldPlayed[]>;
}

export const DEFAULT_TIMER: TimerState = { startedAt: null, elapsedMs: 0 };

export const DEFAULT_WORKSHOP: Workshop = {
  settings: null,
  active: false,
  role: 'facilitator',
  teamName: '',
  timer: DEFAULT_TIMER,
  round: 0,
  games: idRecord(),
  teamPlans: [],
  room: null,
  locked: false,
  solo: null,
  worlds: idRecord(),
};

/** Most plans a comparison holds (20 teams, each with a spare or two). */
export const MAX_TEAM_PLANS = 60;

/** Longest team name kept (characters), as in plan files. */
export const TEAM_NAME_MAX = 80;

export interface WorkshopSlice {
  workshop: Workshop;
  /** Saves the facilitator's settings (the scenario, scoring, timer, play, hidden scores, seed). */
  setWorkshopSettings: (settings: WorkshopSettings) => void;
  /** Lets the settings drive play in this browser; a new game starts for their scenario. */
  startWorkshop: () => void;
  /** Stops the workshop in this browser: boards are plain boards again, games are forgotten. */
  endWorkshop: () => void;
  /** A team joins from a workshop link: the settings drive play here. */
  joinWorkshop: (settings: WorkshopSettings, teamName: string) => void;
  setTeamName: (name: string) => void;
  /** Shows (or hides again) the scores when they are hidden until the reveal. */
  setRevealed: (revealed: boolean) => void;
  startTimer: (now: number) => void;
  pauseTimer: (now: number) => void;
  resetTimer: () => void;
  /** The round shown on the projector (clamped to the scenario's slots by the caller). */
  setRound: (round: number) => void;
  /**
   * Commits the next slot of the scenario's active plan: it is played and locked. Undo cannot
   * reach back across it. Returns how many slots are committed.
   */
  commitSlot: (scenario: Scenario) => number;
  /** Forgets the scenario's game: every slot is open again, with the workshop's current seed. */
  restartGame: (scenario: Scenario) => void;
  /**
   * Records the finished game as the active variant's play, with the game's seed, so the debrief
   * tells the story the rounds revealed (whole-year play: the workshop's seed, the same dice for
   * every team). Returns the play history, or null before the last slot is played.
   */
  finishGame: (scenario: Scenario) => PlayHistory | null;
  /** Adds teams' plans to the comparison; returns how many were added (it holds at most 60). */
  addTeamPlans: (inputs: readonly Omit<TeamPlanInput, 'id'>[]) => number;
  removeTeamPlan: (id: string) => void;
  /** Names a loaded team (trimmed, at most 80 characters); an empty name forgets the given one. */
  renameTeamPlan: (id: string, team: string) => void;
  clearTeamPlans: () => void;
  /**
   * Starts quarter-by-quarter play of the scenario alone, with these dice: a new game, graded with
   * the scenario's own weights. Does nothing while a workshop drives the scenario here.
   */
  startSolo: (scenario: Scenario, seed: number) => void;
  /** Stops quarter-by-quarter play: the board is a plain board again, the plan kept as it is. */
  endSolo: () => void;
  /**
   * Remembers a graded world of the scenario played alone (once per world and plan: grading the
   * same game again replaces its record).
   */
  recordWorld: (scenarioId: string, world: Omit<WorldPlayed, 'playedAt'>) => void;
  /**
   * Adds worlds played elsewhere (a backup file) to those remembered, per scenario id, as
   * `mergeWorlds` does. Returns how many of them are now remembered that were not before.
   */
  addWorlds: (worlds: Readonly<Record<string, readonly WorldPlayed[]>>) => number;
}

export interface WorkshopSliceOptions {
  /** The current time as an ISO string (plays record when they were played). */
  now: () => string;
}

/** Milliseconds left on the timer at `now` (never below 0). */
export function timerRemainingMs(
  settings: Pick<WorkshopSettings, 'timerMinutes'>,
  timer: TimerState,
  now: number,
): number {
  const running = timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt);
  return Math.max(0, settings.timerMinutes * 60_000 - timer.elapsedMs - running);
}

/** The settings that drive play of a scenario in this browser, or null. */
export function activeWorkshopFor(
  state: Pick<AppState, 'workshop'>,
  scenarioId: string,
): WorkshopSettings | null {
  const { settings, active } = state.workshop;
  return active && settings !== null && settings.scenarioId === scenarioId ? settings : null;
}

/**
 * The settings round-by-round play of a scenario follows in this browser: an active workshop's,
 * else quarter-by-quarter play alone; null when neither drives it.
 */
export function roundsPlayFor(
  state: Pick<AppState, 'workshop'>,
  scenarioId: string,
): WorkshopSettings | null {
  const { solo } = state.workshop;
  return (
    activeWorkshopFor(state, scenarioId) ??
    (solo !== null && solo.scenarioId === scenarioId ? solo : null)
  );
}

/** The scenario is played quarter by quarter alone here (no workshop drives it). */
export function soloPlayFor(state: Pick<AppState, 'workshop'>, scenarioId: string): boolean {
  return activeWorkshopFor(state, scenarioId) === null && roundsPlayFor(state, scenarioId) !== null;
}

/**
 * The games a workshop's start or end leaves: only the game of quarter-by-quarter play alone, and
 * not even that when the workshop drives its scenario (`workshopScenario`).
 */
function soloGameOnly(w: Workshop, workshopScenario?: string): IdRecord<RoundGame> {
  return filterEntries(
    w.games,
    (_, id) => w.solo !== null && id === w.solo.scenarioId && id !== workshopScenario,
  );
}

/** Quarter-by-quarter play alone ends when a workshop takes its scenario over. */
function soloUnless(w: Workshop, workshopScenario: string | undefined): WorkshopSettings | null {
  return w.solo !== null && w.solo.scenarioId === workshopScenario ? null : w.solo;
}

/**
 * The games and quarter-by-quarter play alone left when a live room's workshop comes to drive the
 * scenario `scenarioId` here (a team following the room, a facilitator taking it over). As when a
 * workshop starts, the game alone goes on, unless the room takes its scenario over: then it ends.
 * `keepGames`: the room plays the game already here (the same scenario and dice), so the other
 * games stay as they are; otherwise the game alone is all that is left.
 */
export function roomTakesOver(
  w: Workshop,
  scenarioId: string,
  keepGames: boolean,
): Pick<Workshop, 'games' | 'solo'> {
  const solo = soloUnless(w, scenarioId);
  if (!keepGames) return { games: soloGameOnly(w, scenarioId), solo };
  return { games: solo === w.solo ? w.games : withoutEntry(w.games, scenarioId), solo };
}

/** When a world was played (ms), for ordering; a time that cannot be read counts as oldest. */
const playedTime = (world: WorldPlayed) => {
  const time = Date.parse(world.playedAt);
  return Number.isNaN(time) ? -Infinity : time;
};

/**
 * A scenario's worlds remembered here with others (from a backup file) added: one record per
 * world and plan, as `recordWorld` keeps them (the later played wins), the newest `MAX_WORLDS` by
 * when they were played, oldest first. On a tie the worlds already here win, so merging the same
 * worlds again changes nothing: it returns `before` itself when nothing is added.
 */
export function mergeWorlds(before: WorldPlayed[], added: readonly WorldPlayed[]): WorldPlayed[] {
  const key = (world: WorldPlayed) => JSON.stringify([world.seed, world.plan]);
  const kept = new Map<string, WorldPlayed>();
  for (const world of [...before, ...added]) {
    const same = kept.get(key(world));
    if (!same || playedTime(world) > playedTime(same)) kept.set(key(world), world);
  }
  const had = new Set(before);
  const byTime = (a: WorldPlayed, b: WorldPlayed) => {
    const [x, y] = [playedTime(a), playedTime(b)];
    return x === y ? 0 : x < y ? -1 : 1;
  };
  const all = [...kept.values()];
  // The oldest go first; of worlds played at the same time, those added before those here.
  const newest = new Set(
    [...all]
      .sort((a, b) => byTime(a, b) || Number(had.has(a)) - Number(had.has(b)))
      .slice(-MAX_WORLDS),
  );
  const next = all.filter((world) => newest.has(world)).sort(byTime);
  return next.some((world) => !had.has(world)) ? next : before;
}

/** The round-by-round game of a scenario in this browser (nothing committed when none began). */
export function roundGameOf(state: Pick<AppState, 'workshop'>, scenarioId: string): RoundGame {
  const settings = roundsPlayFor(state, scenarioId);
  return (
    entryOf(state.workshop.games, scenarioId) ?? {
      seed: settings?.seed ?? 1,
      committed: NO_COMMITTED,
    }
  );
}

const NO_COMMITTED: string[][] = [];

/**
 * The plan with the committed slots as they were played: slots before `committed.length` hold
 * exactly what was committed, and committed items appear nowhere else. Returns `plan` itself
 * when it already agrees.
 */
export function withCommitted(plan: Plan, committed: readonly (readonly string[])[]): Plan {
  if (committed.length === 0) return plan;
  const played = new Set(committed.flat());
  const slots = [
    ...committed.map((ids) => [...ids]),
    ...plan.slots.slice(committed.length).map((ids) => ids.filter((id) => !played.has(id))),
  ];
  const next = { slots: slots.slice(0, Math.max(plan.slots.length, committed.length)) };
  return plansEqual(plan, next) ? plan : next;
}

/** The weights plays of the scenario are graded with in this browser (workshop or scenario). */
export function workshopWeightsFor(state: Pick<AppState, 'workshop'>, scenario: Scenario) {
  const settings = activeWorkshopFor(state, scenario.id);
  return settings ? workshopWeights(scenario, settings) : scenario.scoring.weights;
}

export const createWorkshopSlice =
  (
    options: WorkshopSliceOptions,
  ): StateCreator<AppState, [['zustand/persist', unknown]], [], WorkshopSlice> =>
  (set, get, api) => {
    const update = (change: (workshop: Workshop) => Partial<Workshop>) =>
      set((state) => ({ workshop: { ...state.workshop, ...change(state.workshop) } }));

    /** Puts the committed slots back into every scenario's active plan where they changed. */
    const keepCommitted = (state: AppState) => {
      let plans: AppState['plans'] | null = null;
      for (const [scenarioId, game] of Object.entries(state.workshop.games)) {
        if (game.committed.length === 0) continue;
        const scenario = selectScenario(state, scenarioId);
        if (!scenario) continue;
        const current = scenarioPlansOf(plans ? { plans } : state, scenario);
        const variant = activeVariantOf(plans ? { plans } : state, scenario);
        const kept = withCommitted(variant.plan, game.committed);
        if (kept === variant.plan) continue;
        plans = withEntry(plans ?? state.plans, scenarioId, {
          ...current,
          variants: current.variants.map((v) => (v.id === variant.id ? { ...v, plan: kept } : v)),
        });
      }
      if (plans) set({ plans });
    };

    // (Saved state is restored while the store is created, before there is a previous state.)
    api.subscribe((state, previous: AppState | undefined) => {
      if (previous === undefined) return;
      if (state.plans === previous.plans && state.workshop.games === previous.workshop.games)
        return;
      keepCommitted(state);
    });

    return {
      workshop: DEFAULT_WORKSHOP,
      setWorkshopSettings: (settings) =>
        update((w) => {
          const before = w.settings;
          // Another scenario, other dice or another way to play: the games played so far end.
          const same =
            before !== null &&
            before.scenarioId === settings.scenarioId &&
            before.seed === settings.seed &&
            before.play === settings.play;
          return same
            ? { settings }
            : { settings, games: soloGameOnly(w, settings.scenarioId), round: 0 };
        }),
      startWorkshop: () =>
        update((w) =>
          w.settings === null
            ? {}
            : {
                active: true,
                role: 'facilitator',
                games: soloGameOnly(w, w.settings.scenarioId),
                solo: soloUnless(w, w.settings.scenarioId),
                round: 0,
                timer: DEFAULT_TIMER,
              },
        ),
      endWorkshop: () =>
        update((w) => ({ active: false, games: soloGameOnly(w), timer: DEFAULT_TIMER })),
      joinWorkshop: (settings, teamName) =>
        update((w) => ({
          settings,
          active: true,
          role: 'team',
          teamName: teamName.trim().slice(0, TEAM_NAME_MAX),
          // A game played with other dice (an earlier workshop, or alone) starts again.
          games: filterEntries(
            w.games,
            (game, id) =>
              id !== settings.scenarioId ||
              (game.seed === settings.seed && w.solo?.scenarioId !== id),
          ),
          solo: soloUnless(w, settings.scenarioId),
        })),
      setTeamName: (name) => update(() => ({ teamName: name.slice(0, TEAM_NAME_MAX) })),
      setRevealed: (revealed) =>
        update((w) => (w.settings ? { settings: { ...w.settings, revealed } } : {})),
      startTimer: (now) =>
        update((w) =>
          w.timer.startedAt !== null ? {} : { timer: { ...w.timer, startedAt: now } },
        ),
      pauseTimer: (now) =>
        update((w) =>
          w.timer.startedAt === null
            ? {}
            : {
                timer: {
                  startedAt: null,
                  elapsedMs: w.timer.elapsedMs + Math.max(0, now - w.timer.startedAt),
                },
              },
        ),
      resetTimer: () => update(() => ({ timer: DEFAULT_TIMER })),
      setRound: (round) => update(() => ({ round: Math.max(0, Math.floor(round)) })),
      commitSlot: (scenario) => {
        const state = get();
        const settings = roundsPlayFor(state, scenario.id);
        const game = roundGameOf(state, scenario.id);
        const slots = scenario.time.labels.length;
        if (!settings || settings.play !== 'rounds' || game.committed.length >= slots)
          return game.committed.length;
        const plan = activeVariantOf(state, scenario).plan;
        const committed = [...game.committed, [...(plan.slots[game.committed.length] ?? [])]];
        // Undo cannot reach back across a commit: the scenario's histories start here.
        let history = state.history;
        for (const v of scenarioPlansOf(state, scenario).variants)
          history = withoutEntry(history, historyKey(scenario.id, v.id));
        set({
          history,
          workshop: {
            ...state.workshop,
            games: withEntry(state.workshop.games, scenario.id, { seed: game.seed, committed }),
          },
        });
        return committed.length;
      },
      restartGame: (scenario) => update((w) => ({ games: withoutEntry(w.games, scenario.id) })),
      finishGame: (scenario) => {
        const state = get();
        const settings = roundsPlayFor(state, scenario.id);
        if (!settings) return null;
        const game =
          settings.play === 'year'
            ? { seed: settings.seed, committed: [] }
            : entryOf(state.workshop.games, scenario.id);
        if (!game) return null;
        if (settings.play === 'rounds' && game.committed.length < scenario.time.labels.length)
          return null;
        const variant = activeVariantOf(state, scenario);
        const key = historyKey(scenario.id, variant.id);
        const current = entryOf(state.plays, key);
        if (
          current &&
          current.last.seed === game.seed &&
          plansEqual(current.last.plan, variant.plan) &&
          (current.last.rounds ?? false) === (settings.play === 'rounds')
        )
          return current;
        const par = entryOf(state.par, scenario.id);
        const last: PlayRecord = {
          seed: game.seed,
          plan: variant.plan,
          score: expectedOutcome(scenario, variant.plan).score,
          seededScore: simulate(scenario, variant.plan, { mode: 'seeded', seed: game.seed }).score,
          parScore: par?.status === 'ready' ? par.score : null,
          playedAt: options.now(),
          ...(settings.play === 'rounds' ? { rounds: true } : {}),
        };
        const next: PlayHistory = { last, previous: current?.last ?? null };
        set({ plays: withEntry(state.plays, key, next) });
        return next;
      },
      addTeamPlans: (inputs) => {
        const { teamPlans } = get().workshop;
        const room = Math.max(0, MAX_TEAM_PLANS - teamPlans.length);
        let next = Math.max(0, ...teamPlans.map((c) => Number(/^c(\d+)$/.exec(c.id)?.[1] ?? 0)));
        const added = inputs.slice(0, room).map((input) => ({ ...input, id: `c${++next}` }));
        if (added.length > 0) update((w) => ({ teamPlans: [...w.teamPlans, ...added] }));
        return added.length;
      },
      removeTeamPlan: (id) =>
        update((w) => ({ teamPlans: w.teamPlans.filter((c) => c.id !== id) })),
      renameTeamPlan: (id, team) =>
        update((w) => ({
          teamPlans: w.teamPlans.map((c) => {
            if (c.id !== id) return c;
            const name = team.trim().slice(0, TEAM_NAME_MAX);
            const { team: _old, ...rest } = c;
            return name ? { ...rest, team: name } : rest;
          }),
        })),
      clearTeamPlans: () => update(() => ({ teamPlans: [] })),
      startSolo: (scenario, seed) => {
        if (activeWorkshopFor(get(), scenario.id)) return;
        // Alone, no "par from here" while playing: the debrief grades each commit instead.
        const solo = { ...defaultWorkshopSettings(scenario, seed), parFromHere: false };
        update((w) => ({
          solo,
          // One game alone at a time: the previous one (any scenario) ends, this one begins.
          games: withEntry(
            w.solo ? withoutEntry(w.games, w.solo.scenarioId) : w.games,
            scenario.id,
            { seed: solo.seed, committed: [] },
          ),
        }));
      },
      endSolo: () =>
        update((w) =>
          w.solo === null ? {} : { solo: null, games: withoutEntry(w.games, w.solo.scenarioId) },
        ),
      recordWorld: (scenarioId, world) => {
        const before = entryOf(get().workshop.worlds, scenarioId) ?? [];
        const same = before.find((x) => x.seed === world.seed && x.plan === world.plan);
        if (same && same.score === world.score && same.parScore === world.parScore) return;
        const others = before.filter((x) => x !== same);
        const next = [...others, { ...world, playedAt: options.now() }].slice(-MAX_WORLDS);
        update((w) => ({ worlds: withEntry(w.worlds, scenarioId, next) }));
      },
      addWorlds: (worlds) => {
        let count = 0;
        let next = get().workshop.worlds;
        for (const [scenarioId, added] of Object.entries(worlds)) {
          const before = entryOf(next, scenarioId) ?? [];
          const merged = mergeWorlds(before, added);
          if (merged === before) continue;
          const had = new Set(before);
          count += merged.filter((world) => !had.has(world)).length;
          next = withEntry(next, scenarioId, merged);
        }
        if (count > 0) update(() => ({ worlds: next }));
        return count;
      },
    };
  };
