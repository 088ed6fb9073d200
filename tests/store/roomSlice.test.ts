/**
 * The room slice with documents linked in memory (a stand-in relay that can drop a browser):
 * the facilitator's workshop reaches the teams, the teams' plans reach the facilitator, a round
 * the room moves past is committed, and work done offline merges when the link is back.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { controlDocName, readControl, teamDocName, writePlan } from '../../src/room/protocol';
import { summarizeCatalog } from '../../src/engine/catalog';
import {
  activeWorkshopFor,
  planOf,
  roundGameOf,
  soloPlayFor,
  withCommitted,
  type AppStore,
} from '../../src/store';
import type { RoomLinkOptions, RoomTransport } from '../../src/store/roomTransport';
import { shippedCatalog } from '../support/shippedCatalog';
import { freshStore, shippedScenario } from './helpers';

const zeroDay = shippedScenario('zero-day');
const tutorial = shippedScenario('tutorial');
const [first, second, third] = zeroDay.items.filter(
  (i) => !i.injected && (i.dependsOn ?? []).length === 0 && (i.notBefore ?? 0) === 0,
);

/** A relay in memory: one server document per name; each browser's copy is linked to it. */
function memoryRelay() {
  const server = new Map<string, Y.Doc>();
  const links: { online: boolean; sync: () => void; options: RoomLinkOptions }[] = [];
  const serverDoc = (name: string) => {
    let doc = server.get(name);
    if (!doc) server.set(name, (doc = new Y.Doc()));
    return doc;
  };
  const transport: RoomTransport = (options) => {
    const pairs: [Y.Doc, Y.Doc][] = [];
    const entry = { online: true, options, sync: () => {} };
    const link = (name: string) => {
      const local = new Y.Doc();
      const remote = serverDoc(name);
      pairs.push([local, remote]);
      local.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== 'relay' && entry.online) Y.applyUpdate(remote, update, local);
      });
      remote.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== local && entry.online) Y.applyUpdate(local, update, 'relay');
      });
      if (entry.online) Y.applyUpdate(local, Y.encodeStateAsUpdate(remote), 'relay');
      return local;
    };
    entry.sync = () => {
      for (const [local, remote] of pairs) {
        Y.applyUpdate(remote, Y.encodeStateAsUpdate(local, Y.encodeStateVector(remote)), local);
        Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(local)), 'relay');
      }
    };
    links.push(entry);
    const { code, token } = options;
    const team = token.role === 'team' ? link(teamDocName(code, token.team)) : null;
    if (token.role === 'team') {
      // The relay adds a team to the roster when it first connects.
      const teams = serverDoc(controlDocName(code)).getMap('teams');
      if (!teams.has(token.team)) teams.set(token.team, { joinedAt: links.length });
    }
    const control = link(controlDocName(code));
    const opened = new Map<string, Y.Doc>();
    queueMicrotask(() => options.on.status('online'));
    return {
      control,
      team,
      snapshot: (doc) => String(Y.encodeStateAsUpdate(doc).length),
      openTeam: (id) => {
        let doc = opened.get(id);
        if (!doc) opened.set(id, (doc = link(teamDocName(code, id))));
        return doc;
      },
      destroy: () => {},
    };
  };
  return {
    transport,
    server,
    /** Drops (false) or restores (true) a browser's link; restoring merges both ways. */
    setOnline(index: number, online: boolean) {
      const entry = links[index]!;
      entry.online = online;
      entry.options.on.status(online ? 'online' : 'offline');
      if (online) entry.sync();
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A facilitator's room on zero-day (seed 5) and a team in it; `before` runs before it joins. */
async function room(before: (team: AppStore) => void = () => {}) {
  const relay = memoryRelay();
  let n = 0;
  const random = (size: number) => new Uint8Array(size).map(() => (n = (n * 31 + 7) % 251));
  const facilitator = freshStore({
    name: 'facilitator',
    room: { transport: relay.transport, random },
  });
  facilitator.getState().setWorkshopSettings({
    scenarioId: zeroDay.id,
    title: 'Guild',
    preset: 'ciso',
    weights: {},
    timerMinutes: 10,
    play: 'rounds',
    hideScores: true,
    revealed: false,
    visualAlert: true,
    seed: 5,
    parFromHere: false,
  });
  const code = facilitator.getState().createRoom('ws://relay.test/relay');
  await settle();
  const team = freshStore({ name: 'team', room: { transport: relay.transport, random } });
  before(team);
  team.getState().joinRoom('ws://relay.test/relay', code, 'Team Red');
  await settle();
  return { relay, facilitator, team, code };
}

describe('live room slice', () => {
  it('drives a team’s workshop from the room and fills the facilitator’s roster', async () => {
    const { facilitator, team, relay, code } = await room();
    expect(readControl(relay.server.get(controlDocName(code))!).settings?.preset).toBe('ciso');
    const w = team.getState().workshop;
    expect(w).toMatchObject({ active: true, role: 'team', teamName: 'Team Red' });
    expect(w.settings).toMatchObject({
      scenarioId: zeroDay.id,
      preset: 'ciso',
      parFromHere: false,
    });
    expect(team.getState().roomLive).toMatchObject({ status: 'online', ready: true });

    team.getState().moveItem(zeroDay, first!.id, 0);
    const [red] = facilitator.getState().roomLive.teams;
    expect(red).toMatchObject({ name: 'Team Red' });
    expect(red!.plan.slots[0]).toEqual([first!.id]);

    facilitator.getState().setRevealed(true);
    facilitator.getState().setRoomLocked(true);
    expect(team.getState().workshop.settings?.revealed).toBe(true);
    expect(team.getState().workshop.locked).toBe(true);
  });

  it('commits the slot of a round the room moves past', async () => {
    const { facilitator, team } = await room();
    team.getState().moveItem(zeroDay, first!.id, 0);
    facilitator.getState().setRound(1);
    expect(team.getState().workshop.round).toBe(1);
    expect(team.getState().workshop.games[zeroDay.id]?.committed).toEqual([[first!.id]]);
    expect(facilitator.getState().roomLive.teams[0]!.committed).toEqual([[first!.id]]);
  });

  it('merges what a team did offline, and the team catches up with the room', async () => {
    const { facilitator, team, relay } = await room();
    team.getState().moveItem(zeroDay, first!.id, 0);
    relay.setOnline(1, false);
    team.getState().moveItem(zeroDay, second!.id, 1);
    team.getState().moveItem(zeroDay, third!.id, 2);
    facilitator.getState().setRound(1);
    expect(facilitator.getState().roomLive.teams[0]!.plan.slots[1]).toEqual([]);
    expect(team.getState().workshop.round).toBe(0);

    relay.setOnline(1, true);
    const plan = planOf(team.getState(), zeroDay);
    expect(plan.slots.slice(0, 3)).toEqual([[first!.id], [second!.id], [third!.id]]);
    expect(team.getState().workshop.round).toBe(1);
    const seen = facilitator.getState().roomLive.teams[0]!;
    expect(withCommitted(seen.plan, seen.committed)).toEqual(plan);
  });

  it('brings a move made on another laptop of the team to the board', async () => {
    const { team, relay, code } = await room();
    team.getState().moveItem(zeroDay, first!.id, 0);
    const teamId = team.getState().workshop.room!.teamId!;
    // The other laptop's copy, merged through the relay.
    const other = new Y.Doc();
    const server = relay.server.get(teamDocName(code, teamId))!;
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    writePlan(other, { slots: [[first!.id], [], [second!.id], []] });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(other, Y.encodeStateVector(server)));
    expect(planOf(team.getState(), zeroDay).slots[2]).toEqual([second!.id]);
  });

  it('moves the console to another laptop without changing the room', async () => {
    const { facilitator, relay, code } = await room();
    facilitator.getState().setRound(2);
    const { secret } = facilitator.getState().workshop.room!;
    // The other laptop had a workshop of its own set up: the room's is adopted, not overwritten.
    const other = freshStore({ name: 'other', room: { transport: relay.transport } });
    other.getState().setWorkshopSettings({
      ...facilitator.getState().workshop.settings!,
      preset: 'growth',
      seed: 99,
    });
    other.getState().takeOverRoom('ws://relay.test/relay', code, secret);
    await settle();
    expect(other.getState().workshop.settings).toMatchObject({ preset: 'ciso', seed: 5 });
    expect(other.getState().workshop.round).toBe(2);
    expect(readControl(relay.server.get(controlDocName(code))!).settings?.preset).toBe('ciso');
    other.getState().setRound(3);
    expect(readControl(relay.server.get(controlDocName(code))!).round).toBe(3);
  });

  it('names a team whose scenarios arrive after the room’s settings, and catches it up', async () => {
    const { facilitator, relay, code } = await room();
    facilitator.getState().setRound(1);
    // A browser that opened the join page: the library's index is there, the scenarios are not
    // loaded until the board needs them, and the room's settings arrive first.
    let deliver: () => void = () => {};
    const late = freshStore({
      name: 'late',
      catalog: {
        index: summarizeCatalog(shippedCatalog),
        load: () => new Promise((resolve) => (deliver = () => resolve(shippedCatalog))),
      },
      room: { transport: relay.transport },
    });
    late.getState().joinRoom('ws://relay.test/relay', code, 'Team Blue');
    await settle();
    expect(late.getState().workshop.settings?.scenarioId).toBe(zeroDay.id);
    expect(facilitator.getState().roomLive.teams.map((t) => t.name)).toEqual(['Team Red', '']);

    const loading = late.getState().ensureCatalog();
    deliver();
    await loading;
    expect(facilitator.getState().roomLive.teams.map((t) => t.name)).toEqual([
      'Team Red',
      'Team Blue',
    ]);
    // The round the room had moved past is committed once the scenario is known.
    expect(late.getState().workshop.games[zeroDay.id]?.committed).toEqual([[]]);
    expect(facilitator.getState().roomLive.teams[1]!.committed).toEqual([[]]);
  });

  /** Quarter-by-quarter play alone: a game on `scenario` with one slot committed. */
  const playAlone = (store: AppStore, scenario = tutorial, item = 'patch-login') => {
    store.getState().startSolo(scenario, 42);
    store.getState().moveItem(scenario, item, 0);
    expect(store.getState().commitSlot(scenario)).toBe(1);
  };

  it('keeps a team’s game alone on another scenario when it joins, and as the room changes', async () => {
    const { facilitator, team } = await room((t) => playAlone(t));
    const alone = { seed: 42, committed: [['patch-login']] };
    expect(team.getState().workshop.settings?.scenarioId).toBe(zeroDay.id);
    expect(soloPlayFor(team.getState(), tutorial.id)).toBe(true);
    expect(roundGameOf(team.getState(), tutorial.id)).toEqual(alone);

    // The room deals new dice: its game starts again, the game alone goes on.
    facilitator
      .getState()
      .setWorkshopSettings({ ...facilitator.getState().workshop.settings!, seed: 6 });
    expect(team.getState().workshop.settings?.seed).toBe(6);
    expect(roundGameOf(team.getState(), zeroDay.id)).toEqual({ seed: 6, committed: [] });
    expect(roundGameOf(team.getState(), tutorial.id)).toEqual(alone);
    expect(soloPlayFor(team.getState(), tutorial.id)).toBe(true);

    // A room that moves to the scenario of the game alone takes it over: that game ends.
    facilitator.getState().setWorkshopSettings({
      ...facilitator.getState().workshop.settings!,
      scenarioId: tutorial.id,
    });
    expect(activeWorkshopFor(team.getState(), tutorial.id)?.seed).toBe(6);
    expect(team.getState().workshop.solo).toBeNull();
    expect(roundGameOf(team.getState(), tutorial.id)).toEqual({ seed: 6, committed: [] });
  });

  it('ends a team’s game alone on the room’s own scenario when it joins', async () => {
    const { facilitator, team, relay, code } = await room((t) => playAlone(t, zeroDay, first!.id));
    expect(team.getState().workshop.solo).toBeNull();
    expect(soloPlayFor(team.getState(), zeroDay.id)).toBe(false);
    // The room's game is the room's: its dice, nothing committed by the game alone.
    expect(roundGameOf(team.getState(), zeroDay.id)).toEqual({ seed: 5, committed: [] });

    // Even in a browser that had the room's settings already (set up there, never started).
    const again = freshStore({ name: 'again', room: { transport: relay.transport } });
    again.getState().setWorkshopSettings(facilitator.getState().workshop.settings!);
    playAlone(again, zeroDay, first!.id);
    again.getState().joinRoom('ws://relay.test/relay', code, 'Team Green');
    await settle();
    expect(again.getState().workshop.solo).toBeNull();
    expect(roundGameOf(again.getState(), zeroDay.id)).toEqual({ seed: 5, committed: [] });
  });

  it('keeps a game alone on another scenario when the console moves to another laptop, ends one on the room’s', async () => {
    const { facilitator, relay, code } = await room();
    const { secret } = facilitator.getState().workshop.room!;
    const other = freshStore({ name: 'other', room: { transport: relay.transport } });
    playAlone(other);
    other.getState().takeOverRoom('ws://relay.test/relay', code, secret);
    await settle();
    expect(roundGameOf(other.getState(), tutorial.id)).toEqual({
      seed: 42,
      committed: [['patch-login']],
    });
    expect(soloPlayFor(other.getState(), tutorial.id)).toBe(true);

    // A third laptop playing the room's scenario alone: that game ends when it takes over.
    const third = freshStore({ name: 'third', room: { transport: relay.transport } });
    playAlone(third, zeroDay, first!.id);
    third.getState().takeOverRoom('ws://relay.test/relay', code, secret);
    await settle();
    expect(third.getState().workshop.solo).toBeNull();
    expect(roundGameOf(third.getState(), zeroDay.id)).toEqual({ seed: 5, committed: [] });
  });

  it('leaves the room without touching the plans', async () => {
    const { team } = await room();
    team.getState().moveItem(zeroDay, first!.id, 0);
    team.getState().leaveRoom();
    expect(team.getState().workshop.room).toBeNull();
    expect(planOf(team.getState(), zeroDay).slots[0]).toEqual([first!.id]);
  });
});
