/**
 * The browser's link to a room relay: one WebSocket (Hocuspocus's provider) carrying the room's
 * control document and the plan documents this browser may open. Documents live in this browser
 * whether or not the relay is reachable: edits made offline stay in them and merge when the
 * connection comes back (Yjs sends what the relay is missing).
 *
 * The room slice talks to a `RoomTransport`, so tests can give it documents linked in memory.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';

import {
  controlDocName,
  encodeToken,
  parseRelayMessage,
  teamDocName,
  type RoomToken,
} from '../room/protocol';

export type RoomStatus = 'connecting' | 'online' | 'offline' | 'denied';

export interface RoomLinkEvents {
  /** The connection changed (online: the relay has this browser's documents in sync). */
  status: (status: RoomStatus) => void;
  /** The relay refused to open a document (wrong key, no such room…) with its reason. */
  denied: (reason: string) => void;
  /** The relay refused a change and says why (the change was not applied). */
  refused: (message: string) => void;
  /** The relay's clock minus this browser's (ms), measured on connecting. */
  clock: (offsetMs: number) => void;
  /** Who is connected to a team's document changed (facilitator: for the roster). */
  presence: (teamId: string, online: boolean) => void;
}

export interface RoomLink {
  control: Y.Doc;
  /** A document's whole state as text (saved with the workshop, so offline work survives). */
  snapshot(doc: Y.Doc): string;
  /** The team's own plan document (team role), else null. */
  team: Y.Doc | null;
  /** Opens a team's plan document to read (facilitator); the same document on every call. */
  openTeam(teamId: string): Y.Doc;
  destroy(): void;
}

export interface RoomLinkOptions {
  /** `ws://…/relay` or `wss://…/relay`. */
  relay: string;
  code: string;
  token: RoomToken;
  on: RoomLinkEvents;
  /** What this browser saved of the documents before (`snapshot`), merged in before syncing. */
  saved?: { control?: string | undefined; team?: string | undefined };
}

export type RoomTransport = (options: RoomLinkOptions) => RoomLink;

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** Merges a saved state into `doc`; a damaged one is dropped (the relay has the room). */
export function restore(doc: Y.Doc, text: string | undefined): void {
  if (!text) return;
  try {
    const raw = atob(text);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    Y.applyUpdate(doc, bytes, null);
  } catch {
    // Nothing to merge.
  }
}

/** The Hocuspocus transport the app uses. */
export const hocuspocusTransport: RoomTransport = ({ relay, code, token, on, saved }) => {
  const socket = new HocuspocusProviderWebsocket({
    url: relay,
    // Reconnect soon after a drop, then back off to every 5 s.
    delay: 300,
    factor: 1.5,
    minDelay: 300,
    maxDelay: 5000,
    maxAttempts: 0,
  });
  const providers = new Map<string, HocuspocusProvider>();
  let askedAt = 0;

  const open = (name: string, doc: Y.Doc, teamId: string | null) => {
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name,
      document: doc,
      token: encodeToken(token),
      onAuthenticationFailed: ({ reason }) => on.denied(reason),
      onStateless: ({ payload }) => {
        const message = parseRelayMessage(payload);
        if (message?.type === 'refused') on.refused(message.message);
        if (message?.type === 'time' && message.id === 1 && askedAt > 0) {
          const now = Date.now();
          on.clock(message.now - (askedAt + now) / 2);
        }
      },
      onSynced: () => {
        if (teamId === null && name === controlDocName(code)) {
          askedAt = Date.now();
          provider.sendStateless(JSON.stringify({ type: 'time', id: 1 }));
        }
      },
    });
    provider.attach();
    if (teamId !== null && token.role === 'facilitator') {
      // The facilitator reads a team's plan: it is no one in that document's presence.
      provider.awareness?.setLocalState(null);
      const report = () => {
        const states = [...(provider.awareness?.getStates().values() ?? [])];
        on.presence(
          teamId,
          states.some((s) => (s as { team?: unknown }).team === teamId),
        );
      };
      provider.awareness?.on('change', report);
    } else if (teamId !== null) {
      provider.awareness?.setLocalStateField('team', teamId);
    } else {
      provider.awareness?.setLocalState(null);
    }
    providers.set(name, provider);
    return doc;
  };

  socket.on('status', ({ status }: { status: string }) => {
    on.status(
      status === 'connected' ? 'online' : status === 'connecting' ? 'connecting' : 'offline',
    );
  });

  const withSaved = (text: string | undefined) => {
    const doc = new Y.Doc();
    restore(doc, text);
    return doc;
  };
  const control = open(controlDocName(code), withSaved(saved?.control), null);
  const team =
    token.role === 'team'
      ? open(teamDocName(code, token.team), withSaved(saved?.team), token.team)
      : null;
  const teams = new Map<string, Y.Doc>();
  return {
    control,
    snapshot: (doc) => toBase64(Y.encodeStateAsUpdate(doc)),
    team,
    openTeam(teamId) {
      let doc = teams.get(teamId);
      if (!doc) {
        doc = open(teamDocName(code, teamId), new Y.Doc(), teamId);
        teams.set(teamId, doc);
      }
      return doc;
    },
    destroy() {
      for (const provider of providers.values()) provider.destroy();
      socket.destroy();
    },
  };
};
