/**
 * `npm run bench:room`: a live room under load and under faults, on loopback only.
 *
 * 1. **Load**: a relay (its own process, `npm run room -- --no-app`), a facilitator and 30
 *    simulated teams (Node Yjs clients). For two minutes every team moves an item of its plan about
 *    every 1.5 s and the facilitator changes the room every 3 s (round, timer, lock). Measured:
 *    the time from a facilitator's change until every team has it (p50/p95/max), plan edits lost
 *    (each team's own final plan against what the relay holds, read back by a fresh client after
 *    the relay restarted from disk), and the relay's memory (resident set, from /proc).
 * 2. **Relay killed mid-round**: the relay is killed (SIGKILL) while teams edit, and started again
 *    on the same folder; every team reconnects by itself. Every plan and the round come back.
 * 3. **A team offline for a round**: one team loses its connection, keeps editing, the
 *    facilitator moves to the next round; the team reconnects, sees the round, and its edits merge.
 *
 * Bounded: fixed counts and durations, a hard stop after `--limit` seconds, and every process it
 * started is ended. Options: `--teams 30 --seconds 120 --port 4287 --limit 420 --json`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { loadScenario } from '../src/engine/load.ts';
import type { Plan } from '../src/engine/plan.ts';
import type { Scenario } from '../src/engine/schema.ts';
import {
  createNodeClient,
  waitFor,
  type NodeClient,
  type NodeDoc,
} from '../src/relay/nodeClient.ts';
import {
  controlDocName,
  readControl,
  readTeam,
  teamDocName,
  writeControl,
  writePlan,
  writeTeam,
  type RoomSettings,
} from '../src/room/protocol.ts';

const { values } = parseArgs({
  options: {
    teams: { type: 'string', default: '30' },
    seconds: { type: 'string', default: '120' },
    port: { type: 'string', default: '4287' },
    limit: { type: 'string', default: '420' },
    json: { type: 'boolean', default: false },
  },
});
const TEAMS = Number(values.teams);
const SECONDS = Number(values.seconds);
const PORT = Number(values.port);
const root = resolve(import.meta.dirname, '..');

// A hard stop: whatever happens, the run ends and takes its relay with it.
const hardStop = setTimeout(
  () => {
    console.error(`bench:room: stopped after the ${values.limit} s limit`);
    relayProcess?.kill('SIGKILL');
    process.exit(3);
  },
  Number(values.limit) * 1000,
);
hardStop.unref();

/** A tiny deterministic generator (the run replays the same edits). */
function generator(seed: number) {
  let state = seed >>> 0 || 1;
  return (n: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

const scenario: Scenario = (() => {
  const loaded = loadScenario(readFileSync(join(root, 'scenarios', 'zero-day.json'), 'utf8'));
  if (!loaded.ok) throw new Error('zero-day.json does not load');
  return loaded.scenario;
})();
const slotCount = scenario.time.labels.length;
const itemIds = scenario.items.filter((i) => !i.injected).map((i) => i.id);

const dataDir = mkdtempSync(join(tmpdir(), 'dojo-bench-room-'));
const url = `ws://127.0.0.1:${PORT}/relay`;
let relayProcess: ChildProcess | null = null;

async function startRelayProcess(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src/relay/main.ts'),
      '--no-app',
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--data',
      dataDir,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((done, fail) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Press Ctrl+C')) done();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', () => {});
    child.once('exit', (code) =>
      fail(new Error(`relay exited (${code}) before it started: ${out}`)),
    );
  });
  relayProcess = child;
  return child;
}

function residentMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round((kb / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const secret = (n: number) => `bench-secret-${String(n).padStart(12, '0')}`;
const teamId = (n: number) => `tbench${String(n).padStart(5, '0')}`;

interface Team {
  id: string;
  client: NodeClient;
  control: NodeDoc;
  plan: NodeDoc;
  /** The team's own idea of its plan (what it wrote last). */
  local: Plan;
  edits: number;
  random: (n: number) => number;
}

function randomEdit(team: Team) {
  const id = itemIds[team.random(itemIds.length)]!;
  const slots = team.local.slots.map((ids) => ids.filter((x) => x !== id));
  const target = team.random(slotCount + 1);
  if (target < slotCount) {
    const at = team.random(slots[target]!.length + 1);
    slots[target]!.splice(at, 0, id);
  }
  team.local = { slots };
  writePlan(team.plan.doc, team.local);
  team.edits += 1;
}

const plansEqual = (a: Plan, b: Plan) => JSON.stringify(a.slots) === JSON.stringify(b.slots);

async function main() {
  const code = 'BENCH2';
  const facilitatorToken = { v: 1 as const, role: 'facilitator' as const, secret: secret(0) };
  await startRelayProcess();
  const memory: { label: string; mb: number | null }[] = [
    { label: 'relay started', mb: residentMb(relayProcess?.pid) },
  ];

  const facilitator = createNodeClient(url, facilitatorToken);
  const control = facilitator.open(controlDocName(code));
  await control.synced;
  const settings: RoomSettings = {
    scenarioId: scenario.id,
    title: 'Bench',
    preset: 'balanced',
    weights: {},
    timerMinutes: 10,
    play: 'rounds',
    hideScores: true,
    visualAlert: true,
    seed: 7,
    parFromHere: false,
  };
  writeControl(control.doc, { settings, round: 0, revealed: false, locked: false });

  const teams: Team[] = [];
  for (let n = 1; n <= TEAMS; n++) {
    const token = { v: 1 as const, role: 'team' as const, team: teamId(n), secret: secret(n) };
    const client = createNodeClient(url, token);
    const team: Team = {
      id: token.team,
      client,
      control: client.open(controlDocName(code)),
      plan: client.open(teamDocName(code, token.team)),
      local: { slots: scenario.time.labels.map(() => []) },
      edits: 0,
      random: generator(n * 7919),
    };
    teams.push(team);
  }
  await Promise.all(teams.flatMap((t) => [t.control.synced, t.plan.synced]));
  for (const t of teams) writeTeam(t.plan.doc, { name: `Team ${t.id.slice(-3)}` });
  const joined = await waitFor(() => readControl(control.doc).teams.size === TEAMS, 10_000);
  memory.push({ label: `${TEAMS} teams joined`, mb: residentMb(relayProcess?.pid) });

  // --- 1. Load -------------------------------------------------------------------------------
  // Every facilitator change carries a new marker (the timer's `at`); teams note when they see it.
  const seen = new Map<number, Map<string, number>>();
  const sentAt = new Map<number, number>();
  for (const t of teams)
    t.control.doc.on('update', () => {
      const at = readControl(t.control.doc).timer?.at;
      const sent = at === undefined ? undefined : sentAt.get(at);
      if (at === undefined || sent === undefined) return;
      const byTeam = seen.get(at) ?? new Map<string, number>();
      if (!byTeam.has(t.id)) byTeam.set(t.id, performance.now() - sent);
      seen.set(at, byTeam);
    });

  const started = performance.now();
  let marker = 1;
  let round = 0;
  const loadEnd = started + SECONDS * 1000;
  const editTimers = teams.map((team, index) =>
    setInterval(() => randomEdit(team), 1500 + (index % 7) * 10),
  );
  let memoryPeak = 0;
  while (performance.now() < loadEnd) {
    await new Promise((r) => setTimeout(r, 3000));
    const at = Date.now() * 1000 + marker++;
    sentAt.set(at, performance.now());
    const step = marker % 3;
    writeControl(control.doc, {
      timer: { running: step !== 0, remainingMs: 600_000, at },
      ...(step === 0 ? { round: (round = (round + 1) % slotCount) } : {}),
      locked: false,
    });
    memoryPeak = Math.max(memoryPeak, residentMb(relayProcess?.pid) ?? 0);
  }
  for (const t of editTimers) clearInterval(t);
  await new Promise((r) => setTimeout(r, 1500));
  memory.push({ label: 'after the load', mb: residentMb(relayProcess?.pid) });

  const perControl = [...sentAt.keys()].map((at) => {
    const byTeam = seen.get(at);
    return byTeam?.size === TEAMS ? Math.max(...byTeam.values()) : Infinity;
  });
  const everyTeam = perControl.filter(Number.isFinite).sort((a, b) => a - b);
  const missed = perControl.filter((x) => !Number.isFinite(x)).length;
  const allSeen = [...seen.values()].flatMap((m) => [...m.values()]).sort((a, b) => a - b);
  const totalEdits = teams.reduce((sum, t) => sum + t.edits, 0);

  // Edits lost: each team's own final plan against the relay's copy, read by the facilitator.
  const facilitatorTeams = teams.map((t) => facilitator.open(teamDocName(code, t.id)));
  await Promise.all(facilitatorTeams.map((d) => d.synced));
  await waitFor(
    () =>
      teams.every((t, i) =>
        plansEqual(readTeam(facilitatorTeams[i]!.doc, slotCount).plan, t.local),
      ),
    10_000,
  );
  const lostLive = teams.filter(
    (t, i) => !plansEqual(readTeam(facilitatorTeams[i]!.doc, slotCount).plan, t.local),
  ).length;

  // --- 2. Relay killed mid-round --------------------------------------------------------------
  writeControl(control.doc, { round: 2, locked: false });
  await waitFor(() => teams.every((t) => readControl(t.control.doc).round === 2), 5000);
  const killTimers = teams.map((team) => setInterval(() => randomEdit(team), 400));
  await new Promise((r) => setTimeout(r, 1000));
  const killedAt = performance.now();
  relayProcess!.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 1500)); // teams keep editing with no relay
  await startRelayProcess();
  const restartedMs = performance.now() - killedAt;
  await new Promise((r) => setTimeout(r, 1500));
  for (const t of killTimers) clearInterval(t);
  const reconnected = await waitFor(
    () =>
      teams.every((t, i) =>
        plansEqual(readTeam(facilitatorTeams[i]!.doc, slotCount).plan, t.local),
      ),
    20_000,
  );
  const recoveredMs = performance.now() - killedAt;
  const lostAfterKill = teams.filter(
    (t, i) => !plansEqual(readTeam(facilitatorTeams[i]!.doc, slotCount).plan, t.local),
  ).length;
  const roundAfterKill = readControl(control.doc).round;
  const teamsSeeRound = teams.filter((t) => readControl(t.control.doc).round === 2).length;

  // --- 3. A team offline for a round ----------------------------------------------------------
  const offline = teams[0]!;
  offline.client.disconnect();
  for (let i = 0; i < 5; i++) randomEdit(offline);
  writeTeam(offline.plan.doc, { committed: [offline.local.slots[0] ?? []] });
  writeControl(control.doc, { round: 3 });
  await new Promise((r) => setTimeout(r, 1500));
  const missedWhileOffline = readControl(offline.control.doc).round !== 3;
  await offline.client.connect();
  const merged = await waitFor(
    () =>
      plansEqual(
        readTeam(facilitatorTeams[0]!.doc, slotCount).plan,
        readTeam(offline.plan.doc, slotCount).plan,
      ) &&
      readTeam(facilitatorTeams[0]!.doc, slotCount).committed.length === 1 &&
      readControl(offline.control.doc).round === 3,
    15_000,
  );

  // --- From disk: everything stops, the relay restarts, a fresh client reads every plan -------
  const expected = teams.map((t) => readTeam(t.plan.doc, slotCount).plan);
  await new Promise((r) => setTimeout(r, 1500)); // the relay writes within its debounce
  for (const t of teams) t.client.destroy();
  facilitator.destroy();
  relayProcess!.kill('SIGTERM');
  await new Promise((r) => relayProcess!.once('exit', r));
  await startRelayProcess();
  const reader = createNodeClient(url, facilitatorToken);
  const fromDiskControl = reader.open(controlDocName(code));
  const fromDisk = teams.map((t) => reader.open(teamDocName(code, t.id)));
  await Promise.all([fromDiskControl.synced, ...fromDisk.map((d) => d.synced)]);
  const lostOnDisk = teams.filter(
    (_t, i) => !plansEqual(readTeam(fromDisk[i]!.doc, slotCount).plan, expected[i]!),
  ).length;
  const roundOnDisk = readControl(fromDiskControl.doc).round;
  reader.destroy();
  relayProcess!.kill('SIGTERM');
  await new Promise((r) => relayProcess!.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });

  const result = {
    teams: TEAMS,
    seconds: SECONDS,
    joined,
    controls: perControl.length,
    controlsMissedByATeam: missed,
    controlToEveryTeamMs: {
      p50: Math.round(percentile(everyTeam, 50)),
      p95: Math.round(percentile(everyTeam, 95)),
      max: Math.round(everyTeam[everyTeam.length - 1] ?? NaN),
    },
    controlToOneTeamMs: {
      p50: Math.round(percentile(allSeen, 50)),
      p95: Math.round(percentile(allSeen, 95)),
    },
    planEdits: totalEdits,
    teamsWithEditsLost: lostLive,
    relayMemoryMb: { ...Object.fromEntries(memory.map((m) => [m.label, m.mb])), peak: memoryPeak },
    killRestart: {
      restartedMs: Math.round(restartedMs),
      everyPlanBackMs: Math.round(recoveredMs),
      everyPlanBack: reconnected,
      teamsWithEditsLost: lostAfterKill,
      roundKept: roundAfterKill === 2,
      teamsSeeingTheRound: teamsSeeRound,
    },
    offlineTeam: { missedTheRoundWhileOffline: missedWhileOffline, mergedAndCaughtUp: merged },
    fromDisk: { teamsWithEditsLost: lostOnDisk, roundKept: roundOnDisk === 3 },
  };
  const ok =
    joined &&
    missed === 0 &&
    result.controlToEveryTeamMs.p95 < 500 &&
    lostLive === 0 &&
    reconnected &&
    lostAfterKill === 0 &&
    roundAfterKill === 2 &&
    teamsSeeRound === TEAMS &&
    merged &&
    lostOnDisk === 0 &&
    roundOnDisk === 3;
  if (values.json) console.log(JSON.stringify({ ...result, ok }, null, 2));
  else {
    console.log(
      `Live room on loopback: ${TEAMS} teams editing for ${SECONDS} s (node ${process.version})`,
    );
    console.log(
      `  facilitator change → every team: p50 ${result.controlToEveryTeamMs.p50} ms, p95 ${result.controlToEveryTeamMs.p95} ms, max ${result.controlToEveryTeamMs.max} ms (${perControl.length} changes, ${missed} missed)`,
    );
    console.log(
      `  facilitator change → one team:   p50 ${result.controlToOneTeamMs.p50} ms, p95 ${result.controlToOneTeamMs.p95} ms`,
    );
    console.log(
      `  plan edits: ${totalEdits}; teams whose relay copy differs from their own: ${lostLive}`,
    );
    console.log(
      `  relay memory (resident): ${memory.map((m) => `${m.label} ${m.mb} MB`).join(', ')}, peak ${memoryPeak} MB`,
    );
    console.log(
      `  relay killed mid-round: back after ${result.killRestart.restartedMs} ms, every plan back after ${result.killRestart.everyPlanBackMs} ms: ${reconnected ? 'yes' : 'NO'}; teams with edits lost ${lostAfterKill}; round kept ${result.killRestart.roundKept ? 'yes' : 'NO'} (${teamsSeeRound}/${TEAMS} teams see it)`,
    );
    console.log(
      `  team offline for a round: ${merged ? 'reconnected, edits merged, round caught up' : 'NOT merged'}`,
    );
    console.log(
      `  from disk after a clean restart: teams with edits lost ${lostOnDisk}; round kept ${result.fromDisk.roundKept ? 'yes' : 'NO'}`,
    );
    console.log(ok ? 'bench:room passed' : 'bench:room FAILED');
  }
  clearTimeout(hardStop);
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  relayProcess?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
});
