/**
 * The relay in this process, on a free loopback port, with Node clients (the same provider the
 * browsers use): roles, refusals, the roster, the clock and files that survive a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';

import { createNodeClient, waitFor, type NodeClient } from '../../src/relay/nodeClient';
import { startRelay, type Relay } from '../../src/relay/server';
import { SECURITY_HEADERS } from '../../src/security/headers';
import {
  controlDocName,
  readControl,
  readTeam,
  teamDocName,
  writeControl,
  writePlan,
  writeTeam,
  type RoomSettings,
  type RoomToken,
} from '../../src/room/protocol';

const CODE = 'TEST23';
/**
 * How long to wait for something the relay sends: a wait that passes returns as soon as it does,
 * so this only has to outlast a busy 2-core machine (a fixed 3 s made these tests time-sensitive).
 */
const ARRIVES = 20_000;
const facilitator: RoomToken = { v: 1, role: 'facilitator', secret: 'f'.repeat(24) };
const red: RoomToken = { v: 1, role: 'team', team: 'tred0000000', secret: 'r'.repeat(24) };
const blue: RoomToken = { v: 1, role: 'team', team: 'tblue000000', secret: 'b'.repeat(24) };
const settings: RoomSettings = {
  scenarioId: 'tutorial',
  title: '',
  preset: 'balanced',
  weights: {},
  timerMinutes: 10,
  play: 'rounds',
  hideScores: true,
  visualAlert: true,
  seed: 3,
  parFromHere: false,
};

let dir: string;
let relay: Relay;
let clients: NodeClient[];

const start = () =>
  startRelay({
    dataDir: dir,
    port: 0,
    host: '127.0.0.1',
    appDir: null,
    scenariosDir: join(import.meta.dirname, '../../scenarios'),
    storeDebounceMs: 20,
  });
const client = (token: RoomToken) => {
  const c = createNodeClient(`ws://127.0.0.1:${relay.port}/relay`, token);
  clients.push(c);
  return c;
};
/** A room with its settings, as the facilitator's browser creates it. */
async function createRoom() {
  const f = client(facilitator);
  const control = f.open(controlDocName(CODE));
  await control.synced;
  writeControl(control.doc, { settings, round: 0 });
  return { f, control };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dojo-relay-test-'));
  clients = [];
  relay = await start();
});
afterEach(async () => {
  for (const c of clients) c.destroy();
  await relay.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('roles', () => {
  it('refuses a team that changes the round or reveals, and the room stays as it was', async () => {
    const { control } = await createRoom();
    const team = client(red).open(controlDocName(CODE));
    await team.synced;
    expect(readControl(team.doc).settings?.scenarioId).toBe('tutorial');
    writeControl(team.doc, { revealed: true, round: 3 });
    expect(await waitFor(() => team.refusals.length > 0, ARRIVES)).toBe(true);
    expect(team.refusals[0]).toMatch(/Only the facilitator changes the room/);
    await new Promise((r) => setTimeout(r, 100));
    expect(readControl(control.doc).revealed).toBe(false);
    expect(readControl(control.doc).round).toBe(0);
  });

  it('lets a team open only its own plan, with its own key', async () => {
    await createRoom();
    const own = client(red).open(teamDocName(CODE, red.team));
    await own.synced;
    const other = client(red).open(teamDocName(CODE, blue.team));
    await expect(other.synced).rejects.toThrow(/only its own plan/);
    const impostor = client({ ...red, secret: 'z'.repeat(24) }).open(teamDocName(CODE, red.team));
    await expect(impostor.synced).rejects.toThrow(/key does not match/);
  });

  it('refuses a wrong facilitator key and a room that does not exist', async () => {
    await createRoom();
    const wrong = client({ ...facilitator, secret: 'g'.repeat(24) }).open(controlDocName(CODE));
    await expect(wrong.synced).rejects.toThrow(/facilitator key does not match/);
    const nowhere = client(red).open(controlDocName('ZZZZZZ'));
    await expect(nowhere.synced).rejects.toThrow(/There is no room ZZZZZZ/);
  });

  it('gives the facilitator every team plan to read, never to write', async () => {
    const { f } = await createRoom();
    const team = client(red).open(teamDocName(CODE, red.team));
    await team.synced;
    writePlan(team.doc, { slots: [['csv-export'], []] });
    writeTeam(team.doc, { name: 'Red' });
    const seen = f.open(teamDocName(CODE, red.team));
    await seen.synced;
    expect(await waitFor(() => readTeam(seen.doc, 2).name === 'Red', ARRIVES)).toBe(true);
    writeTeam(seen.doc, { name: 'Hacked' });
    expect(await waitFor(() => seen.refusals.length > 0, ARRIVES)).toBe(true);
    expect(seen.refusals[0]).toMatch(/written only by that team/);
    await new Promise((r) => setTimeout(r, 100));
    expect(readTeam(team.doc, 2).name).toBe('Red');
  });

  it('adds a team to the roster when it first connects', async () => {
    const { control } = await createRoom();
    await client(blue).open(teamDocName(CODE, blue.team)).synced;
    expect(await waitFor(() => readControl(control.doc).teams.has(blue.team), ARRIVES)).toBe(true);
  });
});

describe('checks before anything is applied', () => {
  it('refuses items the scenario does not have, and keeps the plan', async () => {
    const { f } = await createRoom();
    const team = client(red).open(teamDocName(CODE, red.team));
    await team.synced;
    const seen = f.open(teamDocName(CODE, red.team));
    await seen.synced;
    team.doc.getMap('placements').set('no-such-item', { slot: 0, order: 1 });
    expect(await waitFor(() => team.refusals.length > 0, ARRIVES)).toBe(true);
    expect(team.refusals[0]).toMatch(/placements\.no-such-item is not an item of the scenario/);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.doc.getMap('placements').size).toBe(0);
  });

  it('refuses a tampered plan that arrives when a team (re)connects', async () => {
    await createRoom();
    const offline = new Y.Doc();
    offline.getMap('team').set('admin', true);
    const team = client(red).open(teamDocName(CODE, red.team), offline);
    expect(await waitFor(() => team.refusals.length > 0, ARRIVES)).toBe(true);
    expect(team.refusals[0]).toMatch(/team\.admin is not part of a team’s plan/);
    const fresh = client(facilitator).open(teamDocName(CODE, red.team));
    await fresh.synced;
    expect(fresh.doc.getMap('team').has('admin')).toBe(false);
  });

  it('refuses an oversized message', async () => {
    await createRoom();
    const team = client(red).open(teamDocName(CODE, red.team));
    await team.synced;
    writeTeam(team.doc, { name: 'x'.repeat(300_000) });
    expect(await waitFor(() => team.refusals.length > 0, ARRIVES)).toBe(true);
    expect(team.refusals[0]).toMatch(/A message of \d+ bytes was refused: the most is 262144/);
    const fresh = client(facilitator).open(teamDocName(CODE, red.team));
    await fresh.synced;
    expect(readTeam(fresh.doc, 2).name).toBe('');
  });

  it('refuses bytes that are not a Yjs update', async () => {
    await createRoom();
    const team = client(red).open(teamDocName(CODE, red.team));
    await team.synced;
    // A sync "update" message with garbage in place of the update.
    const name = new TextEncoder().encode(teamDocName(CODE, red.team));
    const junk = new Uint8Array([name.length, ...name, 0, 2, 5, 255, 255, 255, 255, 7]);
    team.provider.send = team.provider.send.bind(team.provider);
    (
      team.provider.configuration.websocketProvider as unknown as { webSocket: WebSocket }
    ).webSocket.send(junk);
    expect(await waitFor(() => team.refusals.length > 0, ARRIVES)).toBe(true);
    expect(team.refusals[0]).toMatch(/not a valid Yjs update|malformed/);
  });
});

describe('the clock and the disk', () => {
  it('answers a time request with its clock', async () => {
    const { control } = await createRoom();
    const answers: string[] = [];
    control.provider.on('stateless', ({ payload }: { payload: string }) => answers.push(payload));
    const before = Date.now();
    control.provider.sendStateless(JSON.stringify({ type: 'time', id: 7 }));
    expect(await waitFor(() => answers.length > 0, ARRIVES)).toBe(true);
    const answer = JSON.parse(answers[0]!) as { type: string; id: number; now: number };
    expect(answer).toMatchObject({ type: 'time', id: 7 });
    expect(answer.now).toBeGreaterThanOrEqual(before);
  });

  it('has every plan and the round after a restart', async () => {
    const { control } = await createRoom();
    const team = client(red).open(teamDocName(CODE, red.team));
    await team.synced;
    writePlan(team.doc, { slots: [['csv-export'], []] });
    writeControl(control.doc, { round: 2 });
    // The relay has both changes once another reader sees them (then closing stores them).
    const watcher = client(facilitator);
    const round = watcher.open(controlDocName(CODE));
    const teamPlan = watcher.open(teamDocName(CODE, red.team));
    await Promise.all([round.synced, teamPlan.synced]);
    expect(
      await waitFor(
        () =>
          readControl(round.doc).round === 2 &&
          readTeam(teamPlan.doc, 2).plan.slots[0]?.[0] === 'csv-export',
        ARRIVES,
      ),
    ).toBe(true);
    for (const c of clients.splice(0)) c.destroy();
    await relay.close();
    relay = await start();
    const reader = client(facilitator);
    const back = reader.open(controlDocName(CODE));
    const plan = reader.open(teamDocName(CODE, red.team));
    await Promise.all([back.synced, plan.synced]);
    expect(readControl(back.doc).round).toBe(2);
    expect(readControl(back.doc).teams.has(red.team)).toBe(true);
    expect(readTeam(plan.doc, 2).plan.slots[0]).toEqual(['csv-export']);
  });
});

describe('the HTTP side', () => {
  it('refuses a page from another origin', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${relay.port}/relay`, {
      headers: { Origin: 'https://evil.example' },
    });
    const status = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
      socket.on('error', () => {});
    });
    expect(status).toBe(403);
  });

  it('says where the relay is, with the security headers', async () => {
    const response = await fetch(`http://127.0.0.1:${relay.port}/relay.json`);
    expect(await response.json()).toEqual({ relay: '/relay', protocol: 1 });
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
    // One source: the relay sends exactly the headers every other server of the app sends.
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(response.headers.get(name), name).toBe(value);
  });
});
