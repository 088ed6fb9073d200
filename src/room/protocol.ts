/**
 * Live workshop rooms: what the browsers and the relay agree on. A room is a set of Yjs documents
 * on one relay:
 *
 * - one **control document** (`room.<CODE>.control`) that only the facilitator writes: the
 *   settings (scenario, who grades, how teams play, hidden scores, "par from here"), the round,
 *   the timer, the lock and the reveal. Its `teams` map is the roster of teams that joined, written
 *   by the relay itself when a team first connects;
 * - one **plan document** per team (`room.<CODE>.team.<teamId>`) that only that team writes: its
 *   name, the plan (each item's slot and order, so edits made on two laptops merge item by item),
 *   the slots it committed and whether it submitted.
 *
 * Everything here is pure (no DOM, no Node): the app and the relay use the same names, limits and
 * checks, so a browser never sends what the relay would refuse, and the relay refuses whatever a
 * tampered client sends.
 */
import type * as Y from 'yjs';

import { z } from '../engine/zod.ts';
import { fromZodError, type Issue } from '../engine/issues.ts';
import type { Plan } from '../engine/plan.ts';
import {
  MAX_CUSTOM_WEIGHT,
  MAX_SEED,
  TIMER_MINUTES,
  WORKSHOP_PLAY_MODES,
  WORKSHOP_TITLE_MAX,
} from '../engine/workshop.ts';
import { METRICS, type Metric } from '../engine/schema.ts';

/** Version of the room protocol (document layout and tokens). */
export const ROOM_PROTOCOL = 1;

/** Room codes: six characters people can read aloud and type (no 0/O, 1/I/L). */
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_LENGTH = 6;
const ROOM_CODE_RE = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

/** Team ids: `t` and ten lowercase letters or digits, made by the team's browser. */
const TEAM_ID_RE = /^t[a-z0-9]{10}$/;
/** Secrets: 22–64 URL-safe characters (128 random bits or more). */
const SECRET_RE = /^[A-Za-z0-9_-]{22,64}$/;

/** Limits the relay enforces and the app respects. */
export const ROOM_LIMITS = {
  /** Teams in one room. */
  teams: 40,
  /** Bytes of one message from a browser (a Yjs update, awareness or a stateless message). */
  messageBytes: 256 * 1024,
  /** Bytes of one document's whole state. */
  documentBytes: 512 * 1024,
  /** Items placed in one plan. */
  placements: 400,
  /** Slots in a year. */
  slots: 52,
  /** Characters of an embedded (imported) scenario's JSON. */
  scenarioChars: 400_000,
  /** Characters of a team name. */
  teamName: 80,
} as const;

/** Upper-cases and strips what people add around a code ("abc-234 " → "ABC234"). */
export function normalizeRoomCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]+/g, '');
}

export function isRoomCode(text: string): boolean {
  return ROOM_CODE_RE.test(text);
}

export function isTeamId(text: string): boolean {
  return TEAM_ID_RE.test(text);
}

export function isSecret(text: string): boolean {
  return SECRET_RE.test(text);
}

/** Random characters from `alphabet`, drawn from `bytes` (pass crypto-random bytes). */
export function randomText(bytes: Uint8Array, alphabet: string): string {
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A room code from six random bytes. */
export function makeRoomCode(random: (n: number) => Uint8Array): string {
  // 31 letters from 256 values: the small bias (256 mod 31) does not matter for a join code.
  return randomText(random(ROOM_CODE_LENGTH), ROOM_CODE_ALPHABET);
}

/** A secret of 24 URL-safe characters (144 random bits). */
export function makeSecret(random: (n: number) => Uint8Array): string {
  return randomText(random(24), URL_SAFE);
}

/** A team id from random bytes. */
export function makeTeamId(random: (n: number) => Uint8Array): string {
  return `t${randomText(random(10), 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
}

// ---------------------------------------------------------------------------------------------
// Document names and tokens

export type RoomDoc =
  { code: string; kind: 'control' } | { code: string; kind: 'team'; teamId: string };

export function controlDocName(code: string): string {
  return `room.${code}.control`;
}

export function teamDocName(code: string, teamId: string): string {
  return `room.${code}.team.${teamId}`;
}

/** The room and kind of a document name, or null for a name no room uses. */
export function parseDocName(name: string): RoomDoc | null {
  const match = /^room\.([A-Z0-9]+)\.(control|team\.([a-z0-9]+))$/.exec(name);
  if (!match || !isRoomCode(match[1]!)) return null;
  if (match[2] === 'control') return { code: match[1]!, kind: 'control' };
  const teamId = match[3]!;
  return isTeamId(teamId) ? { code: match[1]!, kind: 'team', teamId } : null;
}

/**
 * Who a connection says it is. The facilitator proves it with the room's facilitator secret (set
 * by the browser that created the room); a team with its own secret (set by the team's browser on
 * its first connection). Secrets live in the browser that made them, and in the facilitator's own
 * "move to another laptop" link — never in a link meant for teams.
 */
export type RoomToken =
  | { v: 1; role: 'facilitator'; secret: string }
  | { v: 1; role: 'team'; team: string; secret: string };

const tokenSchema = z.discriminatedUnion('role', [
  z.strictObject({
    v: z.literal(1),
    role: z.literal('facilitator'),
    secret: z.string().check(z.regex(SECRET_RE)),
  }),
  z.strictObject({
    v: z.literal(1),
    role: z.literal('team'),
    team: z.string().check(z.regex(TEAM_ID_RE)),
    secret: z.string().check(z.regex(SECRET_RE)),
  }),
]);

export function encodeToken(token: RoomToken): string {
  return JSON.stringify(token);
}

export function parseToken(text: string): RoomToken | null {
  if (typeof text !== 'string' || text.length > 300) return null;
  try {
    const parsed = tokenSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Stateless messages (JSON text beside the documents)

/** From a browser: ask for the relay's clock (the timer counts in relay time). */
export interface TimeRequest {
  type: 'time';
  /** The asker's own number for matching the answer. */
  id: number;
}

/** From the relay. */
export type RelayMessage =
  | { type: 'time'; id: number; now: number }
  /** Something the browser sent was refused and not applied; `message` says what and why. */
  | { type: 'refused'; message: string };

const relayMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('time'), id: z.number(), now: z.number() }),
  z.strictObject({ type: z.literal('refused'), message: z.string().check(z.maxLength(500)) }),
]);

export function parseRelayMessage(text: string): RelayMessage | null {
  try {
    const parsed = relayMessageSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const timeRequestSchema = z.strictObject({ type: z.literal('time'), id: z.int() });

export function parseTimeRequest(text: string): TimeRequest | null {
  if (text.length > 200) return null;
  try {
    const parsed = timeRequestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The control document

/** The room's settings: a workshop's settings (without the reveal) plus "par from here". */
export interface RoomSettings {
  scenarioId: string;
  title: string;
  preset: string;
  weights: Partial<Record<Metric, number>>;
  timerMinutes: number;
  play: (typeof WORKSHOP_PLAY_MODES)[number];
  hideScores: boolean;
  visualAlert: boolean;
  seed: number;
  /** Teams may ask for "par from here" (the best continuation). Off hides it. */
  parFromHere: boolean;
}

/** The room's timer, in the relay's clock (every browser asks the relay for its time). */
export interface RoomTimer {
  running: boolean;
  /** Milliseconds left at `at`. */
  remainingMs: number;
  /** Relay time (epoch ms) of the last start, pause or reset. */
  at: number;
}

/** What the control document holds, read as plain data. */
export interface RoomControl {
  settings: RoomSettings | null;
  /** The scenario itself when it was imported (teams may not have it). */
  scenario: unknown;
  /** The slot the room is on (round-by-round play). */
  round: number;
  timer: RoomTimer | null;
  revealed: boolean;
  /** Teams cannot change their plans while the room is locked. */
  locked: boolean;
  /** Teams that joined, by id, with the relay time they first connected. */
  teams: Map<string, { joinedAt: number }>;
}

const weightsSchema = z.strictObject(
  Object.fromEntries(
    METRICS.map((m) => [m, z.optional(z.number().check(z.gte(0), z.lte(MAX_CUSTOM_WEIGHT)))]),
  ) as Record<Metric, z.ZodMiniOptional<z.ZodMiniNumber<number>>>,
);

export const roomSettingsSchema = z.strictObject({
  scenarioId: z.string().check(z.minLength(1), z.maxLength(64)),
  title: z.string().check(z.maxLength(WORKSHOP_TITLE_MAX)),
  preset: z.string().check(z.minLength(1), z.maxLength(64)),
  weights: weightsSchema,
  timerMinutes: z.int().check(z.gte(TIMER_MINUTES.min), z.lte(TIMER_MINUTES.max)),
  play: z.enum(WORKSHOP_PLAY_MODES),
  hideScores: z.boolean(),
  visualAlert: z.boolean(),
  seed: z.int().check(z.gte(1), z.lte(MAX_SEED)),
  parFromHere: z.boolean(),
});

const timerSchema = z.strictObject({
  running: z.boolean(),
  remainingMs: z.number().check(z.gte(0), z.lte(TIMER_MINUTES.max * 60_000)),
  at: z.number().check(z.gte(0)),
});

/** The values the facilitator may write in the control document's `room` map, by key. */
const controlValueSchemas = {
  settings: roomSettingsSchema,
  scenario: z.unknown(),
  round: z.int().check(z.gte(0), z.lte(ROOM_LIMITS.slots)),
  timer: timerSchema,
  revealed: z.boolean(),
  locked: z.boolean(),
} as const;

type ControlKey = keyof typeof controlValueSchemas;

const joinedSchema = z.strictObject({ joinedAt: z.number().check(z.gte(0)) });

/** The control document's maps. */
export function controlMaps(doc: Y.Doc) {
  return { room: doc.getMap<unknown>('room'), teams: doc.getMap<unknown>('teams') };
}

/** Reads the control document; values that do not fit are read as absent (never thrown). */
export function readControl(doc: Y.Doc): RoomControl {
  const { room, teams } = controlMaps(doc);
  const get = <K extends ControlKey>(key: K) => {
    const parsed = controlValueSchemas[key].safeParse(room.get(key));
    return parsed.success ? (parsed.data as z.infer<(typeof controlValueSchemas)[K]>) : undefined;
  };
  const roster = new Map<string, { joinedAt: number }>();
  for (const [id, value] of teams.entries()) {
    const parsed = joinedSchema.safeParse(value);
    if (isTeamId(id) && parsed.success) roster.set(id, parsed.data);
  }
  return {
    settings: get('settings') ?? null,
    scenario: room.get('scenario') ?? null,
    round: get('round') ?? 0,
    timer: get('timer') ?? null,
    revealed: get('revealed') ?? false,
    locked: get('locked') ?? false,
    teams: roster,
  };
}

/** Writes control values in one transaction (the facilitator's browser). */
export function writeControl(
  doc: Y.Doc,
  values: Partial<{
    settings: RoomSettings;
    scenario: unknown;
    round: number;
    timer: RoomTimer;
    revealed: boolean;
    locked: boolean;
  }>,
): void {
  const { room } = controlMaps(doc);
  doc.transact(() => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) continue;
      if (JSON.stringify(room.get(key)) === JSON.stringify(value)) continue;
      room.set(key, value);
    }
  });
}

/** Problems with a control document, or none: what the relay checks before applying an update. */
export function checkControl(doc: Y.Doc): Issue[] {
  const issues: Issue[] = [];
  const names = [...doc.share.keys()];
  for (const name of names)
    if (name !== 'room' && name !== 'teams')
      issues.push({ path: name, message: 'is not part of a room’s control document' });
  const { room, teams } = controlMaps(doc);
  for (const [key, value] of room.entries()) {
    if (!(key in controlValueSchemas)) {
      issues.push({ path: `room.${key}`, message: 'is not a control setting' });
      continue;
    }
    if (key === 'scenario') {
      const text = JSON.stringify(value ?? null);
      if (text.length > ROOM_LIMITS.scenarioChars)
        issues.push({ path: 'room.scenario', message: `is too large (${text.length} characters)` });
      continue;
    }
    const parsed = controlValueSchemas[key as ControlKey].safeParse(value);
    if (!parsed.success) issues.push(...under(`room.${key}`, fromZodError(parsed.error, value)));
  }
  if (teams.size > ROOM_LIMITS.teams)
    issues.push({ path: 'teams', message: `has more than ${ROOM_LIMITS.teams} teams` });
  for (const [id, value] of teams.entries())
    if (!isTeamId(id) || !joinedSchema.safeParse(value).success)
      issues.push({ path: `teams.${id.slice(0, 20)}`, message: 'is not a team that joined' });
  return issues;
}

// ---------------------------------------------------------------------------------------------
// A team's plan document

/** Where one item sits: the slot and its order within the slot (smaller first). */
export interface Placement {
  slot: number;
  order: number;
}

/** What a team's document holds, read as plain data. */
export interface TeamState {
  name: string;
  /** Whole-year play: the team says its plan is final. */
  submitted: boolean;
  /** The committed slots' items, in order (round-by-round play). */
  committed: string[][];
  plan: Plan;
}

const itemIdSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/));
const placementSchema = z.strictObject({
  slot: z.int().check(z.gte(0), z.lte(ROOM_LIMITS.slots - 1)),
  order: z.number().check(z.refine(Number.isFinite, 'must be a finite number')),
});
const teamValueSchemas = {
  name: z.string().check(z.maxLength(ROOM_LIMITS.teamName)),
  submitted: z.boolean(),
  committed: z
    .array(z.array(itemIdSchema).check(z.maxLength(ROOM_LIMITS.placements)))
    .check(z.maxLength(ROOM_LIMITS.slots)),
} as const;
type TeamKey = keyof typeof teamValueSchemas;

export function teamMaps(doc: Y.Doc) {
  return { team: doc.getMap<unknown>('team'), placements: doc.getMap<unknown>('placements') };
}

/**
 * Reads a team's document into a plan of `slotCount` slots: each slot's items by order (ties by
 * id, so every browser reads the same plan), the committed slots exactly as committed.
 */
export function readTeam(doc: Y.Doc, slotCount: number): TeamState {
  const { team, placements } = teamMaps(doc);
  const get = <K extends TeamKey>(key: K) => {
    const parsed = teamValueSchemas[key].safeParse(team.get(key));
    return parsed.success ? (parsed.data as z.infer<(typeof teamValueSchemas)[K]>) : undefined;
  };
  const committed = (get('committed') ?? []).slice(0, slotCount);
  const played = new Set(committed.flat());
  const slots: { id: string; order: number }[][] = Array.from({ length: slotCount }, () => []);
  for (const [id, value] of placements.entries()) {
    const parsed = placementSchema.safeParse(value);
    if (!parsed.success || !itemIdSchema.safeParse(id).success || played.has(id)) continue;
    if (parsed.data.slot < committed.length || parsed.data.slot >= slotCount) continue;
    slots[parsed.data.slot]!.push({ id, order: parsed.data.order });
  }
  const plan: Plan = {
    slots: slots.map((entries, slot) =>
      slot < committed.length
        ? [...committed[slot]!]
        : entries
            .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
            .map((e) => e.id),
    ),
  };
  return {
    name: get('name') ?? '',
    submitted: get('submitted') ?? false,
    committed,
    plan,
  };
}

/**
 * Writes `plan` into a team's document, changing only the items that moved: an item that kept
 * its slot and its place among the others keeps its entry, so two laptops of one team that move
 * different items both keep their moves when they merge.
 */
export function writePlan(doc: Y.Doc, plan: Plan): void {
  const { placements } = teamMaps(doc);
  const current = new Map<string, Placement>();
  for (const [id, value] of placements.entries()) {
    const parsed = placementSchema.safeParse(value);
    if (parsed.success) current.set(id, parsed.data);
  }
  const next = placeOrders(plan, current);
  doc.transact(() => {
    for (const id of current.keys()) if (!next.has(id)) placements.delete(id);
    for (const [id, placement] of next) {
      const before = current.get(id);
      if (!before || before.slot !== placement.slot || before.order !== placement.order)
        placements.set(id, placement);
    }
  });
}

/**
 * The positions in `values` of a longest strictly increasing run (nulls never join one).
 * Patience sorting, O(n log n).
 */
function longestIncreasing(values: readonly (number | null)[]): Set<number> {
  const tails: number[] = []; // index of the smallest tail of a run of each length
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    if (value === null) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid]!] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!)
    kept.add(i);
  return kept;
}

/**
 * Orders for every item of `plan`, reusing `current` where it still fits:
 *
 * 1. In each slot, keep the current orders of the longest run of items that stayed in the slot
 *    and are still in increasing order (so a single move changes a single entry).
 * 2. Give every other item an order between its neighbours (halfway to the next kept order, or one
 *    more than the previous).
 * 3. If halving ran out of room (orders closer than 1e-9), renumber the slot 1, 2, 3 …
 */
export function placeOrders(
  plan: Plan,
  current: ReadonlyMap<string, Placement>,
): Map<string, Placement> {
  const out = new Map<string, Placement>();
  plan.slots.forEach((ids, slot) => {
    const candidates = ids.map((id) => {
      const before = current.get(id);
      return before && before.slot === slot ? before.order : null;
    });
    const keep = longestIncreasing(candidates);
    const kept = candidates.map((order, i) => (keep.has(i) ? order : null));
    const orders: number[] = [];
    let previous = 0;
    let cramped = false;
    for (let i = 0; i < ids.length; i++) {
      const own = kept[i];
      if (own !== null && own !== undefined) {
        if (orders.length > 0 && !(own > previous)) cramped = true;
        orders.push(own);
        previous = own;
        continue;
      }
      let next: number | null = null;
      for (let j = i + 1; j < ids.length; j++) {
        const k = kept[j];
        if (k !== null && k !== undefined) {
          next = k;
          break;
        }
      }
      const value = next === null ? previous + 1 : (previous + next) / 2;
      if (next !== null && (next - previous < 1e-9 || !(value > previous && value < next)))
        cramped = true;
      orders.push(value);
      previous = value;
    }
    ids.forEach((id, i) => out.set(id, { slot, order: cramped ? i + 1 : (orders[i] ?? i + 1) }));
  });
  return out;
}

/** Writes the team's name, the committed slots or the submitted flag (the team's browser). */
export function writeTeam(
  doc: Y.Doc,
  values: Partial<{ name: string; submitted: boolean; committed: string[][] }>,
): void {
  const { team } = teamMaps(doc);
  doc.transact(() => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) continue;
      if (JSON.stringify(team.get(key)) === JSON.stringify(value)) continue;
      team.set(key, value);
    }
  });
}

/**
 * Problems with a team's document, or none. `known` (when the relay knows the room's scenario)
 * names the item ids and the slot count a plan may use.
 */
export function checkTeam(
  doc: Y.Doc,
  known?: { itemIds: ReadonlySet<string>; slots: number },
): Issue[] {
  const issues: Issue[] = [];
  for (const name of doc.share.keys())
    if (name !== 'team' && name !== 'placements')
      issues.push({ path: name, message: 'is not part of a team’s plan document' });
  const { team, placements } = teamMaps(doc);
  for (const [key, value] of team.entries()) {
    if (!(key in teamValueSchemas)) {
      issues.push({ path: `team.${key.slice(0, 40)}`, message: 'is not part of a team’s plan' });
      continue;
    }
    const parsed = teamValueSchemas[key as TeamKey].safeParse(value);
    if (!parsed.success) issues.push(...under(`team.${key}`, fromZodError(parsed.error, value)));
    else if (key === 'committed' && known) {
      const committed = parsed.data as string[][];
      if (committed.length > known.slots)
        issues.push({ path: 'team.committed', message: `has more than ${known.slots} slots` });
      for (const id of committed.flat())
        if (!known.itemIds.has(id))
          issues.push({
            path: 'team.committed',
            message: `names "${id.slice(0, 64)}", which is not an item of the scenario`,
          });
    }
  }
  if (placements.size > ROOM_LIMITS.placements)
    issues.push({ path: 'placements', message: `has more than ${ROOM_LIMITS.placements} items` });
  for (const [id, value] of placements.entries()) {
    const path = `placements.${id.slice(0, 64)}`;
    if (!itemIdSchema.safeParse(id).success) {
      issues.push({ path, message: 'is not an item id' });
      continue;
    }
    if (known && !known.itemIds.has(id)) {
      issues.push({ path, message: 'is not an item of the scenario' });
      continue;
    }
    const parsed = placementSchema.safeParse(value);
    if (!parsed.success) issues.push(...under(path, fromZodError(parsed.error, value)));
    else if (known && parsed.data.slot >= known.slots)
      issues.push({ path: `${path}.slot`, message: `is past the last slot (${known.slots})` });
  }
  return issues;
}

/** `prefix.path` for a nested issue; `prefix` alone for an issue about the whole value. */
function under(prefix: string, issues: readonly Issue[]): Issue[] {
  return issues.map((i) => ({
    ...i,
    path: i.path === '(file)' || i.path === '' ? prefix : `${prefix}.${i.path}`,
  }));
}

/** The first few issues as one sentence for a refusal message. */
export function describeIssues(issues: readonly Issue[], max = 3): string {
  const shown = issues.slice(0, max).map((i) => `${i.path} ${i.message}`);
  const more = issues.length > max ? ` (and ${issues.length - max} more)` : '';
  return `${shown.join('; ')}${more}`;
}
