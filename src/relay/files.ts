/**
 * The relay's disk: one folder per room under the data folder, holding the room's registry
 * (`room.json`: who may write what, as hashes of the secrets) and one file per document
 * (`control.ydoc`, `<teamId>.ydoc`: the document's whole Yjs state).
 *
 * Every write goes to a temporary file first and is renamed over the old one, so a relay killed
 * mid-write leaves either the old file or the new one, never half of one. Sizes are bounded on
 * the way in and on the way out. Paths are built only from names `parseDocName` accepted (room
 * codes and team ids of letters and digits), so nothing escapes the data folder.
 */
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { ROOM_LIMITS, isRoomCode, isTeamId, parseDocName } from '../room/protocol.ts';

/** Who may write in a room: hex SHA-256 hashes of the secrets, never the secrets. */
export interface RoomRegistry {
  v: 1;
  code: string;
  /** Epoch ms (relay clock). */
  createdAt: number;
  facilitator: string;
  teams: Record<string, string>;
}

const MAX_REGISTRY_BYTES = 16 * 1024;

export interface FileStore {
  readDocument(name: string): Promise<Uint8Array | null>;
  writeDocument(name: string, state: Uint8Array): Promise<void>;
  readRegistry(code: string): Promise<RoomRegistry | null>;
  writeRegistry(registry: RoomRegistry): Promise<void>;
  /** Room codes with a registry on disk. */
  listRooms(): Promise<string[]>;
}

let writes = 0;

/** Writes `data` to `path` atomically: a temporary file beside it, flushed, then renamed. */
export async function writeAtomically(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${path}.${process.pid}.${(writes++).toString(36)}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function readBounded(path: string, maxBytes: number): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new Error(`${path} is larger than ${maxBytes} bytes`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

export function createFileStore(dir: string): FileStore {
  const documentPath = (name: string) => {
    const doc = parseDocName(name);
    if (!doc) throw new Error(`"${name.slice(0, 80)}" is not a room document`);
    return {
      folder: join(dir, doc.code),
      file: join(dir, doc.code, doc.kind === 'control' ? 'control.ydoc' : `${doc.teamId}.ydoc`),
    };
  };
  return {
    async readDocument(name) {
      const { file } = documentPath(name);
      const data = await readBounded(file, ROOM_LIMITS.documentBytes * 2);
      return data ? new Uint8Array(data) : null;
    },
    async writeDocument(name, state) {
      if (state.byteLength > ROOM_LIMITS.documentBytes * 2)
        throw new Error(`${name} is larger than the relay keeps`);
      const { folder, file } = documentPath(name);
      await mkdir(folder, { recursive: true });
      await writeAtomically(file, state);
    },
    async readRegistry(code) {
      if (!isRoomCode(code)) return null;
      const data = await readBounded(join(dir, code, 'room.json'), MAX_REGISTRY_BYTES);
      if (!data) return null;
      const parsed = JSON.parse(data.toString('utf8')) as RoomRegistry;
      if (parsed.v !== 1 || parsed.code !== code || typeof parsed.facilitator !== 'string')
        throw new Error(`${code}/room.json is not a room registry`);
      const teams: Record<string, string> = Object.create(null) as Record<string, string>;
      for (const [id, hash] of Object.entries(parsed.teams ?? {}))
        if (isTeamId(id) && typeof hash === 'string') teams[id] = hash;
      return { ...parsed, teams };
    },
    async writeRegistry(registry) {
      const folder = join(dir, registry.code);
      await mkdir(folder, { recursive: true });
      await writeAtomically(join(folder, 'room.json'), JSON.stringify(registry, null, 2));
    },
    async listRooms() {
      try {
        const entries = await readdir(dir, { withFileTypes: true });
        return entries.filter((e) => e.isDirectory() && isRoomCode(e.name)).map((e) => e.name);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    },
  };
}

/** Reads a file of at most `maxBytes`, or null when it does not exist. */
export async function readSmallFile(path: string, maxBytes: number): Promise<string | null> {
  const data = await readBounded(path, maxBytes);
  return data ? data.toString('utf8') : null;
}
