/**
 * The QR code of a workshop link, for the projector: teams point a phone or laptop camera at it
 * to join. Drawn as one SVG path (dark modules on white with the four-module quiet zone, in every
 * colour scheme), or nothing when the link is too long for a code readable across a room.
 */
import { memo, useMemo } from 'react';
import { encode } from 'uqr';

const QUIET_ZONE = 4;
/** Version 30 (137 × 137 modules) is about the densest a camera reads off a projector. */
const MAX_VERSION = 30;

function matrixOf(text: string): boolean[][] | null {
  try {
    return encode(text, { ecc: 'L', maxVersion: MAX_VERSION, border: 0 }).data;
  } catch {
    return null;
  }
}

/** Runs of dark modules in a row become one rectangle. */
function pathOf(rows: boolean[][]): string {
  const parts: string[] = [];
  rows.forEach((row, y) => {
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

export const QrCode = memo(function QrCode({ text, label }: { text: string; label: string }) {
  const rows = useMemo(() => matrixOf(text), [text]);
  if (!rows) return null;
  const side = rows.length + 2 * QUIET_ZONE;
  return (
    <svg
      className="workshop-qr"
      role="img"
      aria-label={label}
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`}
      shapeRendering="crispEdges"
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} fill="#ffffff" />
      <path d={pathOf(rows)} fill="#000000" />
    </svg>
  );
});
