/**
 * Whether this copy of the app is served by a room server (`npm run room`), which answers
 * `relay.json` beside the app: the relay's path and the app's addresses on the local network.
 */
import { useEffect, useState } from 'react';

import { sameOriginRelay } from '../../store';

export interface RoomServer {
  /** The relay's WebSocket address. */
  relay: string;
  /** Where teams open the app (the local-network address when this page is on localhost). */
  appBase: string;
}

export type RoomServerState =
  | {
      status: 'checking';
      /** The check's answer, for an action asked for before it came (a team's "Join"). */
      answer: Promise<RoomServerState>;
    }
  | { status: 'none' }
  | ({ status: 'found' } & RoomServer);

function isLoopback(host: string): boolean {
  return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
}

export function useRoomServer(): RoomServerState {
  const [checking] = useState(() => {
    let answer: (state: RoomServerState) => void = () => {};
    const promise = new Promise<RoomServerState>((resolve) => (answer = resolve));
    return { state: { status: 'checking', answer: promise } as const, answer };
  });
  const [state, setState] = useState<RoomServerState>(checking.state);
  useEffect(() => {
    let live = true;
    const answer = (found: RoomServerState) => {
      checking.answer(found);
      if (live) setState(found);
    };
    const base = window.location.href.split('#')[0]!;
    fetch(new URL('relay.json', base), { cache: 'no-store' })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { relay?: unknown; addresses?: unknown };
        if (body.relay !== '/relay') throw new Error('not a room server');
        const addresses = Array.isArray(body.addresses)
          ? body.addresses.filter(
              (a): a is string => typeof a === 'string' && /^https?:\/\//.test(a),
            )
          : [];
        const appBase = isLoopback(window.location.host) && addresses[0] ? addresses[0] : base;
        answer({ status: 'found', relay: sameOriginRelay(window.location), appBase });
      })
      .catch(() => answer({ status: 'none' }));
    return () => {
      live = false;
    };
  }, [checking]);
  return state;
}
