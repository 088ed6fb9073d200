/**
 * lz-string's URI-safe decompression with a limit on the output, for links from strangers.
 *
 * lz-string can expand a short input enormously (about 8,000 characters of link decompress to 10
 * million characters of `a`), and its own `decompressFromEncodedURIComponent` builds the whole
 * output before the caller can check its size: a crafted link of some tens of thousands of
 * characters would stall the tab for seconds and take hundreds of megabytes. This is the same
 * algorithm (lz-string 1.5.0, WTFPL, by Pieroxy) that stops as soon as the output would pass
 * `maxChars`.
 */

const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE_OF = new Map([...URI_SAFE].map((ch, i) => [ch, i]));

/**
 * Decompresses the output of lz-string's `compressToEncodedURIComponent`.
 * @returns the text; `null` for input that is not valid compressed data or whose text would be
 *   longer than `maxChars` characters. Never throws.
 */
export function decompressUriSafe(input: string, maxChars: number): string | null {
  if (input === '') return null;
  const text = input.replace(/ /g, '+');
  const length = text.length;
  // Characters outside the alphabet read as 0, as lz-string's lookup gives `undefined & x === 0`.
  const valueAt = (index: number) => VALUE_OF.get(text.charAt(index)) ?? 0;
  const resetValue = 32;
  let val = valueAt(0);
  let position = resetValue;
  let index = 1;

  /** Reads `count` bits, least significant first. */
  const read = (count: number): number => {
    let bits = 0;
    for (let power = 1, n = 0; n < count; n++, power *= 2) {
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        position = resetValue;
        val = valueAt(index++);
      }
      if (bit > 0) bits += power;
    }
    return bits;
  };

  const dictionary: string[] = [];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  let produced = 0;
  const result: string[] = [];

  let c: string;
  switch (read(2)) {
    case 0:
      c = String.fromCharCode(read(8));
      break;
    case 1:
      c = String.fromCharCode(read(16));
      break;
    case 2:
      return '';
    default:
      // lz-string carries on from an undefined first character here; nothing it makes is usable.
      return null;
  }
  dictionary[3] = c;
  let w = c;
  result.push(c);
  produced = 1;
  for (;;) {
    if (index > length) return '';
    let code = read(numBits);
    if (code === 0 || code === 1) {
      dictionary[dictSize++] = String.fromCharCode(read(code === 0 ? 8 : 16));
      code = dictSize - 1;
      enlargeIn--;
    } else if (code === 2) {
      return result.join('');
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    const known = dictionary[code];
    if (known) entry = known;
    else if (code === dictSize) entry = w + w.charAt(0);
    else return null;
    produced += entry.length;
    if (produced > maxChars) return null;
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
