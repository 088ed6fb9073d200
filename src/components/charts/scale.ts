/** Axis arithmetic kept apart from drawing, so it can be tested. */

export interface NiceScale {
  domain: [number, number];
  /** Every tick from one end to the other, one round step apart. */
  ticks: number[];
}

/**
 * A range around [min, max] whose ends and ticks are multiples of a round step (1, 2, 2.5 or
 * 5 × 10ⁿ), so an axis reads "10, 20, 30" rather than "10.8, 27.4". About `count` steps.
 */
export function niceScale(min: number, max: number, count = 4): NiceScale {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { domain: [0, 1], ticks: [0, 0.5, 1] };
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (hi - lo < 1e-12) {
    const pad = Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw - 1e-12)!;
  const round = (x: number) => Number(x.toPrecision(12));
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => round((first + i) * step));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

/** The finite numbers of the given fields over all rows. */
export function valuesOf(
  rows: readonly Record<string, unknown>[],
  keys: readonly string[],
): number[] {
  return rows.flatMap((row) =>
    keys.map((k) => row[k]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v)),
  );
}
