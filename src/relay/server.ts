/**
 * The room relay: Hocuspocus (a Yjs WebSocket server) behind one small HTTP server that also
 * serves the built app, so the facilitator's laptop is the whole workshop — one origin, one port.
 *
 * What the relay adds to Hocuspocus:
 *
 * 1. **Roles** (`onAuthenticate`). A connection names its role in its token. The browser that
 *    creates a room registers the facilitator's secret (stored as a hash); a team's browser
 *    registers its own team id and secret on its first connection. The facilitator writes the
 *    control document and reads every team's plan; a team writes its own plan and reads the
 *    control document; nobody else reads anything.
 * 2. **Checks before anything is applied** (`beforeHandleMessage`): a message over the size
 *    limit, an update from a read-only connection, an update that is not Yjs, or one that would
 *    leave a document outside the room's layout (unknown keys, wrong types, item ids the scenario
 *    does not have, too large) is refused: the sender gets a `refused` message saying why, its
 *    connection to that document is closed, and the document is unchanged.
 * 3. **The roster**: when a team first connects, the relay adds it to the control document's
 *    `teams` map, so the facilitator sees it join even if the facilitator's laptop was away.
 * 4. **Files**: documents are stored through Hocuspocus's database extension, to files written
 *    atomically (see files.ts), so a restarted relay has every room as it was.
 * 5. **The clock**: a `time` request is answered with the relay's clock, so every browser counts
 *    the timer down from the same time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { Hocuspocus, type Extension, type Document } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';

import { loadScenario } from '../engine/load.ts';
import type { Scenario } from '../engine/schema.ts';
import {
  ROOM_LIMITS,
  ROOM_PROTOCOL,
  checkControl,
  checkTeam,
  controlDocName,
  controlMaps,
  describeIssues,
  parseDocName,
  parseTimeRequest,
  parseToken,
  readControl,
  type RoomDoc,
  type RoomToken,
} from '../room/protocol.ts';
import { createFileStore, type FileStore, type RoomRegistry } from './files.ts';
import { SECURITY_HEADERS } from '../security/headers.ts';

/** The path browsers open the relay's WebSocket on. */
export const RELAY_PATH = '/relay';

export interface RelayOptions {
  /** Where rooms are kept (created if missing). */
  dataDir: string;
  port: number;
  /** Address to listen on: 127.0.0.1 for this machine only, 0.0.0.0 for the local network. */
  host: string;
  /** The built app to serve beside the relay (null: relay only). */
  appDir: string | null;
  /** Folder of the shipped scenario files (the relay checks plans against their items). */
  scenariosDir: string | null;
  /**
   * Pages on other origins allowed to open the relay (a hosted copy of the app, e.g.
   * `https://dojo.example.org`). Pages on the relay's own origin are always allowed; clients that
   * send no Origin (Node) are allowed too — the tokens decide what they may do.
   */
  allowedOrigins?: readonly string[];
  /**
   * Addresses of the app on the local network (`http://192.168.1.20:8080/`), told to the
   * facilitator's page so the join link and QR code work from the teams' laptops.
   */
  publicUrls?: readonly string[];
  /** Most rooms the relay keeps (a bound on disk and memory). */
  maxRooms?: number;
  /** Hocuspocus extensions added after the built-in ones (e.g. Redis, for several nodes). */
  extensions?: Extension[];
  /** Milliseconds the relay waits after a change before writing the document (default 250). */
  storeDebounceMs?: number;
  /** Logs a line (refusals, rooms created); default: nothing. */
  log?: (line: string) => void;
}

export interface Relay {
  /** `http://host:port` as listened on. */
  url: string;
  port: number;
  hocuspocus: Hocuspocus;
  /** Rooms and teams the relay knows (for the start-up message and tests). */
  stats(): { rooms: number; documents: number; connections: number };
  /** Closes every connection, writes every document, stops listening. */
  close(): Promise<void>;
}

/** A refusal: Hocuspocus closes the sender's connection to the document with this reason. */
class Refusal extends Error {
  readonly code = 4400;
  constructor(readonly reason: string) {
    super(reason);
  }
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

interface ConnectionContext {
  role: RoomToken['role'];
  code: string;
  teamId?: string;
}

/**
 * The Yjs update a message carries: `step2` (the sender's missing part, sent when it connects or
 * reconnects) or `update` (a live change), or `other` for messages with none (awareness, step 1).
 */
function yjsUpdateOf(
  message: Uint8Array,
): { kind: 'step2' | 'update'; update: Uint8Array } | { kind: 'other'; type: number } {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder); // document name
  const type = decoding.readVarUint(decoder);
  if (type !== 0 && type !== 4) return { kind: 'other', type };
  const syncType = decoding.readVarUint(decoder);
  if (syncType !== 1 && syncType !== 2) return { kind: 'other', type };
  return { kind: syncType === 1 ? 'step2' : 'update', update: decoding.readVarUint8Array(decoder) };
}

/** Item ids and slot count of a scenario, for checking plans. */
function knownOf(scenario: Scenario) {
  return { itemIds: new Set(scenario.items.map((i) => i.id)), slots: scenario.time.labels.length };
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const log = options.log ?? (() => {});
  const files: FileStore = createFileStore(options.dataDir);
  const maxRooms = options.maxRooms ?? 200;
  const registries = new Map<string, RoomRegistry>();
  const shipped = await loadShipped(options.scenariosDir);

  /** The registry of a room, from memory or disk (null: no such room). */
  const registryOf = async (code: string): Promise<RoomRegistry | null> => {
    const cached = registries.get(code);
    if (cached) return cached;
    const stored = await files.readRegistry(code);
    if (stored) registries.set(code, stored);
    return stored;
  };
  // Registries change one at a time, so two first connections cannot both register.
  let registering: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const next = registering.then(task, task);
    registering = next.catch(() => {});
    return next;
  };

  const authenticate = (doc: RoomDoc, token: RoomToken) =>
    serially(async (): Promise<{ readOnly: boolean; newTeam: boolean }> => {
      let registry = await registryOf(doc.code);
      if (token.role === 'facilitator') {
        if (!registry) {
          if (doc.kind !== 'control') throw new Refusal(`There is no room ${doc.code}.`);
          if ((await files.listRooms()).length >= maxRooms)
            throw new Refusal(`This relay already keeps ${maxRooms} rooms; it takes no more.`);
          registry = {
            v: 1,
            code: doc.code,
            createdAt: Date.now(),
            facilitator: hashSecret(token.secret),
            teams: Object.create(null) as Record<string, string>,
          };
          await files.writeRegistry(registry);
          registries.set(doc.code, registry);
          log(`room ${doc.code} created`);
        } else if (!sameHash(registry.facilitator, hashSecret(token.secret)))
          throw new Refusal(`The facilitator key does not match room ${doc.code}.`);
        return { readOnly: doc.kind === 'team', newTeam: false };
      }
      if (!registry)
        throw new Refusal(`There is no room ${doc.code}. Check the code with your facilitator.`);
      if (doc.kind === 'team' && doc.teamId !== token.team)
        throw new Refusal('A team can open only its own plan.');
      const known = registry.teams[token.team];
      if (known !== undefined) {
        if (!sameHash(known, hashSecret(token.secret)))
          throw new Refusal(
            'This team’s key does not match: the team joined from another browser.',
          );
        return { readOnly: doc.kind === 'control', newTeam: false };
      }
      if (Object.keys(registry.teams).length >= ROOM_LIMITS.teams)
        throw new Refusal(`Room ${doc.code} is full (${ROOM_LIMITS.teams} teams).`);
      registry = {
        ...registry,
        teams: { ...registry.teams, [token.team]: hashSecret(token.secret) },
      };
      Object.setPrototypeOf(registry.teams, null);
      await files.writeRegistry(registry);
      registries.set(doc.code, registry);
      log(`room ${doc.code}: team ${token.team} joined`);
      return { readOnly: doc.kind === 'control', newTeam: true };
    });

  /** What a team's plan may contain: the room's scenario's items and slots, when known. */
  const knownFor = (code: string) => {
    const control = hocuspocus.documents.get(controlDocName(code));
    if (!control) return undefined;
    const state = readControl(control);
    if (state.scenario) {
      const loaded = loadScenario(state.scenario);
      return loaded.ok ? knownOf(loaded.scenario) : undefined;
    }
    const scenario = state.settings ? shipped.get(state.settings.scenarioId) : undefined;
    return scenario ? knownOf(scenario) : undefined;
  };

  /** Adds a team to the room's roster (the control document), as the relay. */
  const addToRoster = async (code: string, teamId: string) => {
    const connection = await hocuspocus.openDirectConnection(controlDocName(code), {
      role: 'relay',
    });
    try {
      await connection.transact((doc) => {
        const { teams } = controlMaps(doc);
        if (!teams.has(teamId)) teams.set(teamId, { joinedAt: Date.now() });
      });
    } finally {
      await connection.disconnect();
    }
  };

  const refuse = (connection: { sendStateless(payload: string): void }, reason: string): never => {
    try {
      connection.sendStateless(JSON.stringify({ type: 'refused', message: reason }));
    } catch {
      // The connection may already be gone; the close reason says it as well.
    }
    throw new Refusal(reason);
  };

  const rules: Extension = {
    extensionName: 'roadmap-dojo-rooms',
    async onAuthenticate({ documentName, token, connectionConfig }) {
      const doc = parseDocName(documentName);
      if (!doc) throw new Refusal('That is not a room document.');
      const parsed = parseToken(token);
      if (!parsed) throw new Refusal('The key is missing or damaged.');
      const { readOnly, newTeam } = await authenticate(doc, parsed);
      connectionConfig.readOnly = readOnly;
      if (newTeam && parsed.role === 'team') await addToRoster(doc.code, parsed.team);
      const context: ConnectionContext = {
        role: parsed.role,
        code: doc.code,
        ...(parsed.role === 'team' ? { teamId: parsed.team } : {}),
      };
      return context;
    },
    async onLoadDocument({ documentName, document }) {
      // A control document opened after the relay restarted: its roster matches the registry.
      const doc = parseDocName(documentName);
      if (doc?.kind !== 'control') return;
      const registry = await registryOf(doc.code);
      if (!registry) return;
      const { teams } = controlMaps(document);
      const missing = Object.keys(registry.teams).filter((id) => !teams.has(id));
      if (missing.length > 0)
        document.transact(() => {
          for (const id of missing) teams.set(id, { joinedAt: registry.createdAt });
        }, 'relay');
    },
    beforeHandleMessage({ update: message, document, documentName, connection }) {
      const name = documentName.slice(0, 80);
      if (message.byteLength > ROOM_LIMITS.messageBytes)
        return refuse(
          connection,
          `A message of ${message.byteLength} bytes was refused: the most is ${ROOM_LIMITS.messageBytes}.`,
        );
      let read: ReturnType<typeof yjsUpdateOf> | undefined;
      try {
        read = yjsUpdateOf(message);
      } catch {
        read = undefined;
      }
      if (!read) return refuse(connection, `A malformed message for ${name} was refused.`);
      if (read.kind === 'other') {
        if (read.type === 1 && message.byteLength > 8 * 1024)
          return refuse(connection, 'A presence message over 8 KB was refused.');
        return Promise.resolve();
      }
      const { update } = read;
      const doc = parseDocName(documentName)!;
      if (connection.readOnly) {
        // A reader that reconnects offers what it has (step 2); after a relay restart that can be
        // more than the relay kept, and the writer will bring it back: Hocuspocus ignores it.
        // A live change from a reader is a write it may not make: refused, with a message.
        if (read.kind === 'step2') return Promise.resolve();
        return refuse(
          connection,
          doc.kind === 'control'
            ? 'Only the facilitator changes the room (round, timer, lock, reveal and settings): the change was refused.'
            : 'A team’s plan is written only by that team: the change was refused.',
        );
      }
      const probe = new Y.Doc({ gc: false });
      try {
        Y.applyUpdate(probe, Y.encodeStateAsUpdate(document));
        Y.applyUpdate(probe, update);
      } catch {
        probe.destroy();
        return refuse(connection, `A change to ${name} was refused: it is not a valid Yjs update.`);
      }
      const size = Y.encodeStateAsUpdate(probe).byteLength;
      const issues =
        doc.kind === 'control' ? checkControl(probe) : checkTeam(probe, knownFor(doc.code));
      probe.destroy();
      if (size > ROOM_LIMITS.documentBytes)
        return refuse(
          connection,
          `A change to ${name} was refused: the document would be ${size} bytes (the most is ${ROOM_LIMITS.documentBytes}).`,
        );
      if (issues.length > 0)
        return refuse(connection, `A change to ${name} was refused: ${describeIssues(issues)}.`);
      return Promise.resolve();
    },
    onStateless({ payload, connection }) {
      const request = parseTimeRequest(payload);
      if (request)
        connection.sendStateless(JSON.stringify({ type: 'time', id: request.id, now: Date.now() }));
      return Promise.resolve();
    },
  };

  const hocuspocus = new Hocuspocus({
    name: 'roadmap-dojo-relay',
    quiet: true,
    debounce: options.storeDebounceMs ?? 250,
    maxDebounce: (options.storeDebounceMs ?? 250) * 4,
    timeout: 30_000,
    extensions: [
      rules,
      new Database({
        fetch: async ({ documentName }) => files.readDocument(documentName),
        store: async ({ documentName, state }) => {
          try {
            await files.writeDocument(documentName, state);
          } catch (error) {
            log(`could not write ${documentName}: ${String(error)}`);
          }
        },
      }),
      ...(options.extensions ?? []),
    ],
  });

  const headers = SECURITY_HEADERS;
  const serveApp = options.appDir
    ? sirv(options.appDir, {
        etag: true,
        dev: false,
        setHeaders: (res, pathname) => {
          // The HTML and the service worker must be fresh; hashed assets may be cached.
          if (pathname.endsWith('.html') || pathname.endsWith('sw.js') || pathname === '/')
            res.setHeader('Cache-Control', 'no-cache');
        },
      })
    : null;

  const server: HttpServer = createServer((request, response) => {
    for (const [key, value] of Object.entries(headers)) response.setHeader(key, value);
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/relay.json') {
      response.setHeader('Content-Type', 'application/json');
      response.setHeader('Cache-Control', 'no-store');
      response.end(
        JSON.stringify({
          relay: RELAY_PATH,
          protocol: ROOM_PROTOCOL,
          ...(options.publicUrls?.length ? { addresses: options.publicUrls } : {}),
        }),
      );
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.statusCode = 405;
      response.end('Method not allowed');
      return;
    }
    if (!serveApp) {
      response.setHeader('Content-Type', 'text/plain; charset=utf-8');
      response.end('Roadmap Dojo room relay. Browsers connect at /relay.');
      return;
    }
    serveApp(request, response, () => {
      response.statusCode = 404;
      response.setHeader('Content-Type', 'text/plain; charset=utf-8');
      response.end('Not found');
    });
  });

  // Messages up to 4× the limit reach the check (and get a refusal that says why); larger ones
  // are dropped by the WebSocket layer before they are even read.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: ROOM_LIMITS.messageBytes * 4 });
  let closing = false;
  sockets.on('connection', (socket, request: IncomingMessage) => {
    socket.on('error', () => socket.terminate());
    hocuspocus.handleConnection(socket, request);
  });

  const allowed = new Set(options.allowedOrigins ?? []);
  server.on('upgrade', (request, socket, head) => {
    const path = (request.url ?? '').split('?')[0];
    const origin = request.headers.origin;
    const own = [`http://${request.headers.host}`, `https://${request.headers.host}`];
    if (closing) {
      socket.write('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    if (
      path !== RELAY_PATH ||
      (origin !== undefined && !own.includes(origin) && !allowed.has(origin))
    ) {
      log(`refused a connection from ${origin ?? 'no origin'} to ${path}`);
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    port,
    hocuspocus,
    stats: () => ({
      rooms: registries.size,
      documents: hocuspocus.getDocumentsCount(),
      connections: hocuspocus.getConnectionsCount(),
    }),
    async close() {
      closing = true;
      for (const client of sockets.clients) client.terminate();
      // Hocuspocus writes and unloads each document once its last connection is gone.
      const end = Date.now() + 3000;
      while (hocuspocus.getDocumentsCount() > 0 && Date.now() < end)
        await new Promise((resolve) => setTimeout(resolve, 20));
      // Writes every loaded document as it is now (changes may still wait for the debounce).
      await Promise.all(
        [...hocuspocus.documents.values()].map((document: Document) =>
          files.writeDocument(document.name, Y.encodeStateAsUpdate(document)).catch(() => {}),
        ),
      );
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

/** The shipped scenarios by id (the relay checks plans against their items). */
async function loadShipped(dir: string | null): Promise<Map<string, Scenario>> {
  const out = new Map<string, Scenario>();
  if (!dir) return out;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return out;
  }
  for (const name of names.filter((n) => n.endsWith('.json') && n !== 'schema.json').sort()) {
    const loaded = loadScenario(await readFile(join(dir, name), 'utf8'));
    if (loaded.ok) out.set(loaded.scenario.id, loaded.scenario);
  }
  return out;
}
