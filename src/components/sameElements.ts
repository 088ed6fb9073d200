/**
 * Comparisons for memoized components whose parent renders new elements and arrays on every
 * change (a list of cards, an id list copied from the plan): equal when what they hold is equal.
 */
import { isValidElement, type ReactNode } from 'react';

/** Each own prop the same (`Object.is`), and no prop more or less. */
export function sameProps(a: object, b: object): boolean {
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** The same ids in the same order. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * The same elements: the same node, or arrays of the same length whose elements pair up as the
 * same node or as elements of the same type and key with the same props (`sameProps`).
 */
export function sameElements(a: ReactNode, b: ReactNode): boolean {
  if (Object.is(a, b)) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((x: unknown, i) => {
    const y: unknown = b[i];
    if (Object.is(x, y)) return true;
    return (
      isValidElement(x) &&
      isValidElement(y) &&
      x.type === y.type &&
      x.key === y.key &&
      sameProps(x.props as object, y.props as object)
    );
  });
}
