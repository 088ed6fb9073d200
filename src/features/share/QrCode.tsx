/**
 * A QR code drawn as React SVG elements from the code's matrix (no markup strings): dark modules
 * on white with the standard four-module quiet zone, in every colour scheme, since phone cameras
 * read dark-on-light best.
 */
import { memo } from 'react';

import { qrPath, type QrMatrix } from './shareLink';

const QUIET_ZONE = 4;

export const QrCode = memo(function QrCode({ matrix, label }: { matrix: QrMatrix; label: string }) {
  const side = matrix.size + 2 * QUIET_ZONE;
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`}
      shapeRendering="crispEdges"
      data-qr-version={matrix.version}
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} fill="#ffffff" />
      <path d={qrPath(matrix)} fill="#000000" />
    </svg>
  );
});
