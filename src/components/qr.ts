/**
 * QR codes without React: the matrix for a text (or null when it is too long for a code a phone
 * can read off a projector) and the SVG path that draws it. Used for share and workshop links.
 */
import { encode } from 'uqr';

/**
 * The largest QR version the dialog draws: 137 × 137 modules, up to 1,732 characters at error
 * correction level L. Denser codes exist (up to version 40, 2,953 characters), but phones
 * struggle to read them off a projector screen across a room.
 */
export const QR_MAX_VERSION = 30;

/** Characters a version-30 code holds at level L (byte mode): the longest link with a QR code. */
export const QR_MAX_CHARS = 1732;

export interface QrMatrix {
  /** QR version, 1–40. */
  version: number;
  /** Modules per side (without a quiet zone). */
  size: number;
  /** `rows[y][x]` is true for a dark module. */
  rows: boolean[][];
}

/**
 * The QR code of `text` at error correction level L, or null when it needs a version above
 * `QR_MAX_VERSION` (or cannot be encoded at all). Never throws.
 */
export function qrMatrix(text: string, maxVersion = QR_MAX_VERSION): QrMatrix | null {
  try {
    const result = encode(text, { ecc: 'L', maxVersion, border: 0 });
    return { version: result.version, size: result.size, rows: result.data };
  } catch {
    return null;
  }
}

/**
 * One SVG path (`d`) that fills every dark module, in module units: runs of dark modules in a row
 * become one rectangle, so a version-30 code is a few thousand commands, not 10,000 elements.
 */
export function qrPath(matrix: QrMatrix): string {
  const parts: string[] = [];
  matrix.rows.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  });
  return parts.join('');
}
