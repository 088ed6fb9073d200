import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';

import { decompressUriSafe } from '../../src/engine/lz.ts';
import { cases, propertyTimeout } from '../support/depth.ts';

/** The fuzzers' cases (10,000 and 2,000 in `npm run test:deep`) and their hang timeout. */
const FUZZ = cases(10_000);
const ROUND_TRIPS = cases(2_000);
const TIMEOUT = propertyTimeout(FUZZ + ROUND_TRIPS, 10);

/** lz-string's own decompression; it may throw on junk, which counts as "not valid" (null). */
function reference(input: string): string | null {
  try {
    return LZString.decompressFromEncodedURIComponent(input);
  } catch {
    return null;
  }
}

const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/**
 * Whether the first two bits read are 3, a code lz-string never writes first: lz-string then
 * carries on from an undefined character and may make up text (even parsable JSON, e.g. "wWJ"
 * gives "4"); this refuses it.
 */
function startsWithCode3(input: string): boolean {
  return (URI_SAFE.indexOf(input.replace(/ /g, '+').charAt(0)) & 48) === 48;
}

describe('bounded lz-string decompression', () => {
  it(
    `decompresses whatever lz-string compressed, exactly (${ROUND_TRIPS.toLocaleString('en')} cases)`,
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (text) => {
          const compressed = LZString.compressToEncodedURIComponent(text);
          expect(decompressUriSafe(compressed, 10_000)).toBe(text);
        }),
        { numRuns: ROUND_TRIPS },
      );
    },
    TIMEOUT,
  );

  it(
    `never throws, and agrees with lz-string on junk and damaged links (${FUZZ.toLocaleString('en')} cases)`,
    () => {
      const real = LZString.compressToEncodedURIComponent(
        JSON.stringify({ scenarioId: 'tutorial', plan: { slots: [['a', 'b'], []] } }),
      );
      const junk = fc.oneof(
        fc.string({ maxLength: 200 }),
        fc
          .tuple(fc.nat({ max: real.length - 1 }), fc.string({ minLength: 1, maxLength: 3 }))
          .map(([at, s]) => real.slice(0, at) + s + real.slice(at + s.length)),
      );
      fc.assert(
        fc.property(junk, (input) => {
          const expected = reference(input);
          const actual = decompressUriSafe(input, 1_000_000);
          // Never text lz-string would not give; and the same text whenever lz-string's is usable
          // (lz-string turns some invalid input into stray characters, which this refuses).
          if (actual) expect(actual).toBe(expected);
          let usable = false;
          try {
            JSON.parse(expected ?? '');
            usable = true;
          } catch {
            usable = false;
          }
          if (usable && !startsWithCode3(input)) expect(actual).toBe(expected);
        }),
        { numRuns: FUZZ },
      );
    },
    TIMEOUT,
  );

  it('stops at the limit instead of building a huge text', () => {
    const bomb = LZString.compressToEncodedURIComponent('a'.repeat(500_000));
    expect(bomb.length).toBeLessThan(2_000);
    expect(decompressUriSafe(bomb, 500_000)).toHaveLength(500_000);
    expect(decompressUriSafe(bomb, 499_999)).toBeNull();
    expect(decompressUriSafe(bomb, 1_000)).toBeNull();
  });
});
