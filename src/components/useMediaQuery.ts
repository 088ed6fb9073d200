/**
 * Whether a CSS media query matches now, re-rendering when it changes (a window resized, a phone
 * rotated, the page zoomed). False where `matchMedia` does not exist (jsdom in unit tests).
 */
import { useCallback, useSyncExternalStore } from 'react';

const supported = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function';

// One list per query, kept: reading `matches` on it is cheap, where `matchMedia` parses the query
// again on each call, and the board reads its query on every render (each drop renders it twice).
// (Kept per `matchMedia` function: a test that stands in its own gets its own lists.)
const lists = new Map<string, MediaQueryList>();
let listsOf: unknown = null;
function listOf(query: string): MediaQueryList {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- compared, never called
  const current = window.matchMedia;
  if (listsOf !== current) {
    lists.clear();
    listsOf = current;
  }
  let list = lists.get(query);
  if (list === undefined) {
    list = window.matchMedia(query);
    lists.set(query, list);
  }
  return list;
}

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!supported()) return () => undefined;
      const list = listOf(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  const matches = useCallback(() => supported() && listOf(query).matches, [query]);
  return useSyncExternalStore(subscribe, matches, () => false);
}
