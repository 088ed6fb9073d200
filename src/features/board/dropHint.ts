/**
 * Where a dragged card would land, for the few components that show it (the column it would land
 * in, the line where it would go, the label on the card under the pointer). Kept outside React
 * state so that a pointer crossing columns re-renders only those components, not the board.
 */
import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useRef,
  useSyncExternalStore,
} from 'react';

import type { ContainerId, Place } from './dnd';

export interface DropHintPlace extends Place {
  /** True when the card is not shown there (a pointer drag into another container). */
  elsewhere: boolean;
}

export interface DropHint {
  get: () => DropHintPlace | null;
  set: (place: DropHintPlace | null) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createDropHint(): DropHint {
  let current: DropHintPlace | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set: (place) => {
      if (
        place === current ||
        (place !== null &&
          current !== null &&
          place.container === current.container &&
          place.index === current.index &&
          place.elsewhere === current.elsewhere)
      )
        return;
      current = place;
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

const NO_HINT: DropHint = createDropHint();

export const DropHintContext = createContext<DropHint>(NO_HINT);

/**
 * For one container: -1 when the dragged card would not land in it; else the position where a
 * line marks the place (a card dragged in from elsewhere), or `Infinity` when the card itself is
 * shown there (its own container, or any keyboard drag).
 */
export function useDropIndex(container: ContainerId): number {
  const hint = useContext(DropHintContext);
  const read = useCallback(() => {
    const place = hint.get();
    if (place === null || place.container !== container) return -1;
    return place.elsewhere ? place.index : Number.POSITIVE_INFINITY;
  }, [hint, container]);
  return useSyncExternalStore(hint.subscribe, read, read);
}

/** The container the dragged card would land in, or null. */
export function useDropContainer(): ContainerId | null {
  const hint = useContext(DropHintContext);
  const read = useCallback(() => hint.get()?.container ?? null, [hint]);
  return useSyncExternalStore(hint.subscribe, read, read);
}

/**
 * A container's part in a drag: whether the card would land in it, and a ref for its card list
 * on which the place is marked (a line before the card it would go before, or after the last
 * card) while a card dragged in from elsewhere is over it. The mark is an attribute set on the
 * card element, so the cards themselves do not re-render.
 */
export function useDropTarget(container: ContainerId, { line = true } = {}) {
  const index = useDropIndex(container);
  const listRef = useRef<HTMLUListElement>(null);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!line || !list || index < 0 || !Number.isFinite(index)) return;
    const before = list.children[index];
    const mark = before ?? list.lastElementChild;
    if (!mark) return;
    const attribute = before ? 'data-drop-before' : 'data-drop-after';
    mark.setAttribute(attribute, '');
    return () => mark.removeAttribute(attribute);
  }, [index, line]);
  return { listRef, targeted: index >= 0 };
}
