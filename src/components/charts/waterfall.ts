/** The arithmetic of a waterfall chart, kept apart from drawing so it can be tested. */

export interface WaterfallStep {
  label: string;
  /** A change (gain or loss), or with `total` the level to show from zero. */
  value: number;
  total?: boolean;
}

export interface WaterfallBar {
  label: string;
  /** The bar spans [low, high]. */
  range: [number, number];
  kind: 'gain' | 'loss' | 'total';
  /** The change (or total) the bar stands for. */
  value: number;
  /** The running total after this step. */
  level: number;
}

/** Floating bars: each change starts where the previous step ended; totals start at zero. */
export function waterfallBars(steps: readonly WaterfallStep[]): WaterfallBar[] {
  let level = 0;
  return steps.map((step) => {
    if (step.total) {
      level = step.value;
      return {
        label: step.label,
        range: [Math.min(0, step.value), Math.max(0, step.value)],
        kind: 'total',
        value: step.value,
        level,
      };
    }
    const from = level;
    level += step.value;
    return {
      label: step.label,
      range: [Math.min(from, level), Math.max(from, level)],
      kind: step.value < 0 ? 'loss' : 'gain',
      value: step.value,
      level,
    };
  });
}
