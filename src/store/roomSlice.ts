/**
 * The live room: this browser's part in a workshop room on a relay (see `src/room/protocol.ts`).
 *
 * The room drives the same workshop state the links and files use, so every screen works the
 * same with or without a relay:
 *
 * - **Facilitator**: the workshop's settings, round, timer, reveal and lock are written to the
 *   room's control document whenever they change here; every team's plan document is read into
 *   `roomTeams` (name, plan, committed slots, submitted, online, last edit) for the roster and
 *   the leaderboard.
 * - **Team**: the control document drives this browser's workshop (settings, round, timer,
 *   reveal, lock); the team's active plan and committed slots are written to its plan document,
 *   and what arrives there (another laptop of the team, a merge after a drop) comes back to the
 *   board. When the room moves past a round the team has not committed, it is committed as it
 *   stands.
 *
 * The documents' state is kept in the saved workshop too, so a reload — even offline — loses
 * nothing and merges with the relay when it is back.
 */
import type { StateCreator } from 'zustand/vanilla';
import type * as Y from 'yjs';

import { plansEqual, type Plan, type Scenario } from '../engine';
import type { WorkshopSettings } from '../engine/workshop';
import {
  ROOM_LIMITS,
  makeRoomCode,
  makeSecret,
  makeTeamId,
  readControl,
  readTeam,
  writeControl,
  writePlan,
  writeTeam,
  type RoomSettings,
  type RoomTimer,
  type RoomToken,
} from '../room/protocol';
import { selectScenario } from './derived';
import { activeVariantOf, scenarioPlansOf } from './plansSlice';
import type { RoomLink, RoomStatus, RoomTransport } from './roomTransport';
import type { AppState } from './state';
import {
  DEFAULT_TIMER,
  TEAM_NAME_MAX,
  roomTakesOver,
  timerRemainingMs,
  type TimerState,
} from './workshopSlice';

/** Who this browser is in a room; saved, so a reload or another tab rejoins. */
export interface RoomIdentity {
  /** The relay's WebSocket address. */
  relay: string;
  code: string;
  role: 'facilitator' | 'team';
  /** This browser's secret for the room (never in a link for teams). */
  secret: string;
  /** The team's id (team role). */
  teamId?: string;
  /** The documents' last state (base64 Yjs updates), so offline work survives a reload. */
  controlState?: string;
  teamState?: string;
}

/** A team as the facilitator sees it. */
export interface RoomTeam {
  id: string;
  name: string;
  plan: Plan;
  committed: string[][];
  submitted: boolean;
  online: boolean;
  /** This browser's clock when the team's plan last changed (ms), or null. */
  editedAt: number | null;
  joinedAt: number;
}

export interface RoomLive {
  status: RoomStatus | 'idle';
  /** Why the relay refused to let this browser in, or refused a change. */
  problem: string | null;
  /** The relay's clock minus this browser's (ms). */
  clockOffset: number;
  /** Facilitator: the teams that joined, in the order they joined. */
  teams: RoomTeam[];
  /** Team: this team said its plan is final. */
  submitted: boolean;
  /** Team: the room's settings have arrived and drive this browser's workshop. */
  ready: boolean;
}

export interface RoomSlice {
  roomLive: RoomLive;
  /**
   * Creates a room on `relay` with the workshop's current settings (facilitator). Returns the
   * room code. The workshop starts in this browser.
   */
  createRoom: (relay: string) => string;
  /** Joins room `code` on `relay` as a new team named `teamName`. */
  joinRoom: (relay: string, code: string, teamName: string) => void;
  /** The facilitator's browser on another laptop: the room's code and facilitator key. */
  takeOverRoom: (relay: string, code: string, secret: string) => void;
  /** Connects to the saved room (on start-up); nothing when there is none or it is connected. */
  connectRoom: () => void;
  /** Leaves the room in this browser (the room goes on for everyone else). */
  leaveRoom: () => void;
  /** Facilitator: teams may (or may not) change their plans. */
  setRoomLocked: (locked: boolean) => void;
  /** Team: the plan is final (whole-year play). */
  submitRoomPlan: (submitted: boolean) => void;
  /** Team: renames the team. */
  renameRoomTeam: (name: string) => void;
}

export interface RoomSliceOptions {
  transport?: RoomTransport;
  /** Random bytes (crypto in the app). */
  random?: (n: number) => Uint8Array;
  /** This browser's clock (ms); injectable for tests. */
  clock?: () => number;
}

const IDLE: RoomLive = {
  status: 'idle',
  problem: null,
  clockOffset: 0,
  teams: [],
  submitted: false,
  ready: false,
};

/** The room's settings from the workshop's. */
export function roomSettingsOf(settings: WorkshopSettings): RoomSettings {
  return {
    scenarioId: settings.scenarioId,
    title: settings.title,
    preset: settings.preset,
    weights: settings.weights,
    timerMinutes: settings.timerMinutes,
    play: settings.play,
    hideScores: settings.hideScores,
    visualAlert: settings.visualAlert,
    seed: settings.seed,
    parFromHere: settings.parFromHere,
  };
}

/** The room's timer (relay clock) from the workshop's (this browser's clock). */
export function roomTimerOf(
  settings: Pick<WorkshopSettings, 'timerMinutes'>,
  timer: TimerState,
  now: number,
  offset: number,
): RoomTimer {
  return {
    running: timer.startedAt !== null,
    remainingMs: timerRemainingMs(settings, timer, now),
    at: Math.max(0, Math.round(now + offset)),
  };
}

/** The workshop's timer (this browser's clock) from the room's. */
export function workshopTimerOf(
  settings: Pick<WorkshopSettings, 'timerMinutes'>,
  timer: RoomTimer | null,
  offset: number,
): TimerState {
  if (!timer) return DEFAULT_TIMER;
  const elapsedMs = Math.max(0, settings.timerMinutes * 60_000 - timer.remainingMs);
  return { startedAt: timer.running ? timer.at - offset : null, elapsedMs };
}

/** The relay's address for this page's own origin (`npm run room` serves both). */
export function sameOriginRelay(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/relay`;
}

/** A relay address a person typed ("wss://relay.example.org", "relay.example.org:8080"), or null. */
export function relayAddress(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const withScheme = /^[a-z]+:\/\//i.test(trimmed) ? trimmed : `wss://${trimmed}`;
  try {
    const url = new URL(withScheme.replace(/^http/i, 'ws'));
    if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return null;
    if (url.pathname === '/' || url.pathname === '') url.pathname = '/relay';
    return url.toString().replace(/\/$/, '');
  } catch {
    return null;
  }
}

const browserRandom = (n: number) => crypto.getRandomValues(new Uint8Array(n));

export const createRoomSlice =
  (
    options: RoomSliceOptions = {},
  ): StateCreator<AppState, [['zustand/persist', unknown]], [], RoomSlice> =>
  (set, get, api) => {
    // The transport (Yjs and the provider) loads only when a room is used: the first screen stays small.
    const loadTransport = (): Promise<RoomTransport> =>
      options.transport
        ? Promise.resolve(options.transport)
        : import('./roomTransport').then((m) => m.hocuspocusTransport);
    let attempt = 0;
    const random = options.random ?? browserRandom;
    const clock = options.clock ?? (() => Date.now());
    let link: RoomLink | null = null;
    let unsubscribe: (() => void) | null = null;
    /** True while this slice itself updates the store from a document (no echo back). */
    let applying = false;

    const identity = () => get().workshop.room;
    const setLive = (change: Partial<RoomLive>) =>
      set((state) => ({ roomLive: { ...state.roomLive, ...change } }));
    const setIdentity = (change: Partial<RoomIdentity> | null) =>
      set((state) => ({
        workshop: {
          ...state.workshop,
          room:
            change === null || !state.workshop.room ? null : { ...state.workshop.room, ...change },
        },
      }));

    const disconnect = () => {
      attempt += 1;
      unsubscribe?.();
      unsubscribe = null;
      link?.destroy();
      link = null;
    };

    // ----- Facilitator ------------------------------------------------------------------------

    /** Writes the workshop's state into the control document. */
    const pushControl = (doc: Y.Doc, state: AppState) => {
      const { settings, timer, round, locked } = state.workshop;
      if (!settings) return;
      const scenario = selectScenario(state, settings.scenarioId);
      const embed = state.imported.some((i) => i.scenario.id === settings.scenarioId);
      writeControl(doc, {
        settings: roomSettingsOf(settings),
        round,
        timer: roomTimerOf(settings, timer, clock(), state.roomLive.clockOffset),
        revealed: settings.revealed,
        locked,
        ...(embed && scenario ? { scenario: stripPar(scenario) } : {}),
      });
    };

    /** The teams as the facilitator reads them, from the control document's roster. */
    const readTeams = (room: RoomLink) => {
      const control = readControl(room.control);
      const scenario = control.settings ? selectScenario(get(), control.settings.scenarioId) : null;
      const slots = scenario?.time.labels.length ?? ROOM_LIMITS.slots;
      const before = new Map(get().roomLive.teams.map((t) => [t.id, t]));
      const teams: RoomTeam[] = [...control.teams.entries()]
        .sort((a, b) => a[1].joinedAt - b[1].joinedAt || (a[0] < b[0] ? -1 : 1))
        .map(([id, { joinedAt }]) => {
          const state = readTeam(room.openTeam(id), slots);
          const previous = before.get(id);
          const plan =
            previous && plansEqual(previous.plan, state.plan) ? previous.plan : state.plan;
          const edited =
            previous &&
            (plan !== previous.plan ||
              JSON.stringify(previous.committed) !== JSON.stringify(state.committed));
          return {
            id,
            name: state.name,
            plan,
            committed: state.committed,
            submitted: state.submitted,
            online: previous?.online ?? false,
            editedAt: edited ? clock() : (previous?.editedAt ?? null),
            joinedAt,
          };
        });
      setLive({ teams });
    };

    /**
     * A facilitator's browser that takes the room over (another laptop) first adopts the room as
     * it is — settings, round, timer, reveal, lock — instead of writing its own workshop over it.
     */
    const adoptControl = (room: RoomLink): boolean => {
      const control = readControl(room.control);
      if (!control.settings) return false;
      const settings: WorkshopSettings = { ...control.settings, revealed: control.revealed };
      set((state) => ({
        workshop: {
          ...state.workshop,
          // A game alone on the room's scenario ends; the others go on.
          ...roomTakesOver(state.workshop, settings.scenarioId, true),
          settings,
          active: true,
          role: 'facilitator',
          round: control.round,
          locked: control.locked,
          timer: workshopTimerOf(settings, control.timer, state.roomLive.clockOffset),
        },
      }));
      return true;
    };

    const startFacilitator = (room: RoomLink, adopt: boolean) => {
      const refresh = () => readTeams(room);
      room.control.on('update', refresh);
      const watched = new Set<string>();
      const watch = () => {
        for (const id of readControl(room.control).teams.keys()) {
          if (watched.has(id)) continue;
          watched.add(id);
          room.openTeam(id).on('update', refresh);
        }
      };
      room.control.on('update', watch);
      watch();
      refresh();
      let adopting = adopt && !adoptControl(room);
      if (!adopt) pushControl(room.control, get());
      const save = () => {
        if (adopting) adopting = !adoptControl(room);
        setIdentity({ controlState: room.snapshot(room.control) });
      };
      room.control.on('update', save);
      unsubscribe = api.subscribe((state, previous) => {
        if (adopting) return;
        if (
          state.workshop === previous.workshop &&
          state.roomLive.clockOffset === previous.roomLive.clockOffset
        )
          return;
        const w = state.workshop;
        const p = previous.workshop;
        if (
          w.settings !== p.settings ||
          w.timer !== p.timer ||
          w.round !== p.round ||
          w.locked !== p.locked ||
          state.roomLive.clockOffset !== previous.roomLive.clockOffset
        )
          pushControl(room.control, state);
      });
    };

    // ----- Team --------------------------------------------------------------------------------

    /** The control document drives this browser's workshop. */
    const pullControl = (room: RoomLink, teamDoc: Y.Doc) => {
      const control = readControl(room.control);
      if (!control.settings) return;
      // An imported scenario travels in the room: add it here when this browser lacks it.
      if (control.scenario && !selectScenario(get(), control.settings.scenarioId))
        get().importScenario(control.scenario, 'live room');
      const state = get();
      const settings: WorkshopSettings = {
        ...control.settings,
        revealed: control.revealed,
        weights: control.settings.weights,
      };
      const timer = workshopTimerOf(settings, control.timer, state.roomLive.clockOffset);
      applying = true;
      try {
        const w = state.workshop;
        const sameGame =
          w.settings?.scenarioId === settings.scenarioId && w.settings.seed === settings.seed;
        set({
          workshop: {
            ...w,
            settings:
              JSON.stringify(w.settings) === JSON.stringify(settings) ? w.settings : settings,
            active: true,
            role: 'team',
            timer: JSON.stringify(w.timer) === JSON.stringify(timer) ? w.timer : timer,
            round: control.round,
            locked: control.locked,
            // Other dice or another scenario: the room's game starts again, and a game alone on
            // another scenario goes on (one on the room's scenario ends).
            ...roomTakesOver(w, settings.scenarioId, sameGame),
          },
        });
      } finally {
        applying = false;
      }
      if (!get().roomLive.ready) setLive({ ready: true });
      // The room moved past rounds this team has not committed: commit them as they stand.
      const scenario = selectScenario(get(), settings.scenarioId);
      if (scenario && settings.play === 'rounds') {
        const slots = scenario.time.labels.length;
        while (
          (get().workshop.games[scenario.id]?.committed.length ?? 0) <
          Math.min(control.round, slots)
        )
          if (get().commitSlot(scenario) === 0) break;
      }
      pullTeam(teamDoc);
    };

    /** What arrived in the team's document comes back to the board. */
    const pullTeam = (teamDoc: Y.Doc) => {
      const state = get();
      const settings = state.workshop.settings;
      if (!settings) return;
      const scenario = selectScenario(state, settings.scenarioId);
      if (!scenario) return;
      const team = readTeam(teamDoc, scenario.time.labels.length);
      if (team.submitted !== state.roomLive.submitted) setLive({ submitted: team.submitted });
      const empty = teamDoc.getMap('placements').size === 0 && team.committed.length === 0;
      if (empty) {
        pushTeam(teamDoc, state);
        return;
      }
      const variant = activeVariantOf(state, scenario);
      const game = state.workshop.games[scenario.id];
      const committed = game?.committed ?? [];
      const longer = team.committed.length >= committed.length;
      applying = true;
      try {
        const changes: Partial<AppState> = {};
        if (!plansEqual(variant.plan, team.plan)) {
          const current = scenarioPlansOf(state, scenario);
          changes.plans = {
            ...state.plans,
            [scenario.id]: {
              ...current,
              variants: current.variants.map((v) =>
                v.id === variant.id ? { ...v, plan: team.plan } : v,
              ),
            },
          };
        }
        if (longer && JSON.stringify(committed) !== JSON.stringify(team.committed))
          changes.workshop = {
            ...state.workshop,
            games: {
              ...state.workshop.games,
              [scenario.id]: { seed: settings.seed, committed: team.committed },
            },
          };
        if (Object.keys(changes).length > 0) set(changes);
      } finally {
        applying = false;
      }
      if (!longer) pushTeam(teamDoc, get());
    };

    /** The board's plan, committed slots and team name go to the team's document. */
    const pushTeam = (teamDoc: Y.Doc, state: AppState) => {
      const settings = state.workshop.settings;
      if (!settings) return;
      const scenario = selectScenario(state, settings.scenarioId);
      if (!scenario) return;
      writePlan(teamDoc, activeVariantOf(state, scenario).plan);
      writeTeam(teamDoc, {
        name: state.workshop.teamName,
        committed: state.workshop.games[scenario.id]?.committed ?? [],
      });
    };

    const startTeam = (room: RoomLink) => {
      const teamDoc = room.team!;
      const onControl = () => pullControl(room, teamDoc);
      const onTeam = (_update: Uint8Array, origin: unknown) => {
        setIdentity({ teamState: room.snapshot(teamDoc) });
        // Changes this browser made are already on the board.
        if (origin !== null && origin !== undefined) pullTeam(teamDoc);
      };
      room.control.on('update', onControl);
      teamDoc.on('update', onTeam);
      onControl();
      unsubscribe = api.subscribe((state, previous) => {
        if (applying) return;
        const scenarioId = state.workshop.settings?.scenarioId;
        if (!scenarioId) return;
        // The room's settings can arrive before this browser has loaded the shipped scenarios
        // (a team that joins from the library): until the scenario is here the team's name and
        // plan cannot be written and missed rounds cannot be committed. Catch up once it is.
        if (selectScenario(state, scenarioId) && !selectScenario(previous, scenarioId)) {
          pullControl(room, teamDoc);
          return;
        }
        if (
          state.plans[scenarioId] !== previous.plans[scenarioId] ||
          state.workshop.games !== previous.workshop.games ||
          state.workshop.teamName !== previous.workshop.teamName
        )
          pushTeam(teamDoc, state);
      });
    };

    // ----- Connection -------------------------------------------------------------------------

    const connect = (who: RoomIdentity, adopt = false) => {
      disconnect();
      const token: RoomToken =
        who.role === 'facilitator'
          ? { v: 1, role: 'facilitator', secret: who.secret }
          : { v: 1, role: 'team', team: who.teamId ?? '', secret: who.secret };
      setLive({ ...IDLE, status: 'connecting' });
      const mine = ++attempt;
      void loadTransport().then(
        (transport) => {
          // Left or reconnected while the transport loaded: this attempt is stale.
          if (mine !== attempt) return;
          const room = transport({
            relay: who.relay,
            code: who.code,
            token,
            saved: {
              control: who.role === 'facilitator' ? who.controlState : undefined,
              team: who.teamState,
            },
            on: {
              status: (status) =>
                setLive({ status: get().roomLive.status === 'denied' ? 'denied' : status }),
              denied: (reason) => setLive({ status: 'denied', problem: reason }),
              refused: (message) => setLive({ problem: message }),
              clock: (clockOffset) => setLive({ clockOffset }),
              presence: (teamId, online) =>
                setLive({
                  teams: get().roomLive.teams.map((t) => (t.id === teamId ? { ...t, online } : t)),
                }),
            },
          });
          link = room;
          if (who.role === 'facilitator') startFacilitator(room, adopt);
          else startTeam(room);
        },
        (error: unknown) =>
          setLive({
            status: 'offline',
            problem: `The live room could not start (${error instanceof Error ? error.message : String(error)}).`,
          }),
      );
    };

    return {
      roomLive: IDLE,
      createRoom: (relay) => {
        const code = makeRoomCode(random);
        const who: RoomIdentity = { relay, code, role: 'facilitator', secret: makeSecret(random) };
        if (!get().workshop.active || get().workshop.role !== 'facilitator') get().startWorkshop();
        set((state) => ({ workshop: { ...state.workshop, room: who, locked: false } }));
        connect(who);
        return code;
      },
      joinRoom: (relay, code, teamName) => {
        const who: RoomIdentity = {
          relay,
          code,
          role: 'team',
          secret: makeSecret(random),
          teamId: makeTeamId(random),
        };
        set((state) => ({
          workshop: {
            ...state.workshop,
            room: who,
            role: 'team',
            teamName: teamName.trim().slice(0, TEAM_NAME_MAX),
          },
        }));
        connect(who);
      },
      takeOverRoom: (relay, code, secret) => {
        const who: RoomIdentity = { relay, code, role: 'facilitator', secret };
        set((state) => ({
          workshop: { ...state.workshop, room: who, role: 'facilitator', active: true },
        }));
        connect(who, true);
      },
      connectRoom: () => {
        const who = identity();
        if (who && !link) connect(who);
      },
      leaveRoom: () => {
        disconnect();
        set((state) => ({
          roomLive: IDLE,
          workshop: { ...state.workshop, room: null, locked: false },
        }));
      },
      setRoomLocked: (locked) => set((state) => ({ workshop: { ...state.workshop, locked } })),
      submitRoomPlan: (submitted) => {
        if (link?.team) writeTeam(link.team, { submitted });
      },
      renameRoomTeam: (name) =>
        set((state) => ({
          workshop: { ...state.workshop, teamName: name.slice(0, TEAM_NAME_MAX) },
        })),
    };
  };

/** A scenario without baked par, as rooms carry it (the browsers search par themselves). */
function stripPar(scenario: Scenario): unknown {
  const { par: _par, ...rest } = scenario;
  return rest;
}
