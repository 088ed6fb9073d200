/**
 * A QR code drawn as React SVG elements from the code's matrix (no markup strings): dark modules
 * on white with the standard four-module quiet zone, in every colour scheme, since phone cameras
 * read dark-on-light best.
 */
import { memo, useMemo } from 'react';

import { qrMatrix, qrPath, type QrMatrix } from './qr';

const QUIET_ZONE = 4;

export const QrCode = memo(function QrCode({
  matrix,
  label,
  className = 'qr-code',
}: {
  matrix: QrMatrix;
  label: string;
  className?: string;
}) {
  const side = matrix.size + 2 * QUIET_ZONE;
  return (
    <svg
      className={className}
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

/** The QR code of `text`, or nothing when the text is too long for a readable code. */
export function TextQrCode({
  text,
  label,
  className,
}: {
  text: string;
  label: string;
  className?: string;
}) {
  const matrix = useMemo(() => qrMatrix(text), [text]);
  return matrix ? (
    <QrCode matrix={matrix} label={label} {...(className ? { className } : {})} />
  ) : null;
}
