/** Pure geometry for the radar chart: how much radius leaves room for the axis labels. */

/** Axis label size (px) and a generous average glyph width for it, to keep labels in the box. */
export const LABEL_FONT = 12;
const GLYPH = 0.58 * LABEL_FONT;
export const LINE = LABEL_FONT * 1.15;

/**
 * The radius (px) that leaves room for the axis labels on both sides: labels wrap at spaces, so
 * the longest word decides. Recharts' percentage radius ignores the labels, which cut them off
 * on a phone.
 */
export function radarRadius(width: number, height: number, labels: readonly string[]): number {
  const longestWord = Math.max(1, ...labels.flatMap((l) => l.split(' ').map((w) => w.length)));
  const maxLines = Math.max(1, ...labels.map((l) => l.split(' ').length));
  const side = width / 2 - longestWord * GLYPH - 8;
  const vertical = height / 2 - maxLines * LINE - 10;
  return Math.max(24, Math.min(side, vertical));
}
