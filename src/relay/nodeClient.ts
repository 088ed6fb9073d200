/**
 * A room client for Node (the benchmark, the fault runs and the relay's tests): the same
 * Hocuspocus provider the browsers use, over the `ws` package, with one WebSocket per client
 * carrying every document it opens.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

import { encodeToken, parseRelayMessage, type RoomToken } from '../room/protocol.ts';

export interface NodeDoc {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Refusals the relay sent for this document. */
  refusals: string[];
  /** Why the relay refused to open the document, if it did. */
  denied: string | null;
  /** Resolves once the document is in sync with the relay (or rejects when it was denied). */
  synced: Promise<void>;
}

export interface NodeClient {
  /** Opens a document (a fresh one, or `doc` with whatever it already holds). */
  open(name: string, doc?: Y.Doc): NodeDoc;
  /** Drops the connection (the documents stay, and keep local edits). */
  disconnect(): void;
  /** Connects again; open documents sync and merge. */
  connect(): Promise<void>;
  destroy(): void;
}

export function createNodeClient(url: string, token: RoomToken): NodeClient {
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: WebSocket,
    // Reconnect quickly in the fault runs (a relay restart takes about a second).
    delay: 100,
    factor: 1.5,
    maxDelay: 1000,
    minDelay: 100,
    maxAttempts: 0,
  });
  const docs: NodeDoc[] = [];
  return {
    open(name, given) {
      const doc = given ?? new Y.Doc();
      const refusals: string[] = [];
      let denied: string | null = null;
      let settle: { resolve: () => void; reject: (error: Error) => void } | null = null;
      const synced = new Promise<void>((resolve, reject) => {
        settle = { resolve, reject };
      });
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name,
        document: doc,
        token: encodeToken(token),
        onSynced: () => settle?.resolve(),
        onAuthenticationFailed: ({ reason }) => {
          denied = reason;
          entry.denied = reason;
          settle?.reject(new Error(reason));
        },
        onStateless: ({ payload }) => {
          const message = parseRelayMessage(payload);
          if (message?.type === 'refused') refusals.push(message.message);
        },
      });
      provider.attach();
      const entry: NodeDoc = { doc, provider, refusals, denied, synced };
      synced.catch(() => {});
      docs.push(entry);
      return entry;
    },
    disconnect() {
      socket.shouldConnect = false;
      socket.disconnect();
    },
    async connect() {
      await socket.connect();
    },
    destroy() {
      for (const d of docs) d.provider.destroy();
      socket.destroy();
    },
  };
}

/** Waits until `check` holds, polling every 20 ms; false when `timeoutMs` passed first. */
export async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}
