/**
 * What the board says, kept outside the board's React state: saying something re-renders the
 * live region (and, on a phone, the line under the slot tabs), not the board, so a drag can be
 * described as it goes without redrawing the cards.
 */
import { useCallback, useSyncExternalStore } from 'react';

import { LiveRegion, type Announcement } from '../../components/LiveRegion';
import type { Plan } from '../../engine';

/** An announcement and the plan it was said about. */
export interface BoardAnnouncement extends Announcement {
  about: Plan;
}

export interface Announcer {
  get: () => BoardAnnouncement | null;
  /** The last announcement of a change (not of a drag in progress). */
  lastChange: () => BoardAnnouncement | null;
  /**
   * Says `text` about `about`; `during` a drag (the pick-up, each step, a cancel) it is for
   * screen readers only, and the line under the slot tabs keeps the last change.
   */
  say: (text: string, about: Plan, during?: boolean) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createAnnouncer(): Announcer {
  let current: BoardAnnouncement | null = null;
  let change: BoardAnnouncement | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    lastChange: () => change,
    say: (text, about, during = false) => {
      current = { text, about, id: (current?.id ?? 0) + 1 };
      if (!during) change = current;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

function useAnnouncement(announcer: Announcer): BoardAnnouncement | null {
  return useSyncExternalStore(announcer.subscribe, announcer.get, announcer.get);
}

/** The board's polite live region. */
export function BoardLiveRegion({ announcer, id }: { announcer: Announcer; id: string }) {
  return <LiveRegion announcement={useAnnouncement(announcer)} id={id} />;
}

/**
 * On a phone, the last thing said, under the slot tabs, while the plan is still the one it was
 * said about (another tab's later version hides it).
 */
export function LastAction({ announcer, plan }: { announcer: Announcer; plan: Plan }) {
  const read = useCallback(() => {
    const said = announcer.lastChange();
    return said !== null && said.about === plan ? said.text : null;
  }, [announcer, plan]);
  const text = useSyncExternalStore(announcer.subscribe, read, read);
  if (text === null) return null;
  return (
    <p className="board-last-action small" aria-hidden="true">
      {text}
    </p>
  );
}
