/**
 * Display formats shared by the debrief sentences, the command line and the app. Rounding
 * happens only here, at display time; the engine computes with full precision.
 */
import type { Metric, Scenario } from '../engine/schema.ts';

/** $1.23M, $450k, $12 (a true minus sign for negatives). */
export function formatMoney(x: number): string {
  const sign = x < 0 ? '−' : '';
  const a = Math.abs(x);
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(a >= 1e7 ? 1 : 2)}M`;
  if (a >= 1e3) return `${sign}$${(a / 1e3).toFixed(0)}k`;
  return `${sign}$${a.toFixed(0)}`;
}

/** Words in a list: "A", "A and B", "A, B and C". */
export function andList(words: readonly string[], and = 'and'): string {
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} ${and} ${words.at(-1)!}`;
}

/** Titles a person is called by together with their surname ("Dr. Obi"), not with a first name. */
const TITLES = /^(dr|prof|mr|mrs|ms|mx|sir|dame)\.?$/i;

/**
 * How a short label (a card's chip) calls a person: the first name ("Maya Chen" → "Maya"), or the
 * title and surname when the name starts with a title ("Dr. Amara Obi" → "Dr. Obi").
 */
export function shortName(name: string): string {
  const words = name.trim().split(/\s+/);
  const [first = '', ...rest] = words;
  if (TITLES.test(first) && rest.length > 0) return `${first} ${rest.at(-1)!}`;
  return first;
}

/** 0.234 → "23%". */
export function formatPercent(x: number, digits = 0): string {
  return `${(x * 100).toFixed(digits)}%`;
}

/** A signed number with a true minus: +3.2, −1.0. */
export function formatSigned(x: number, digits = 1): string {
  const text = Math.abs(x).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return `${x < 0 ? '−' : '+'}${text}`;
}

/** A raw metric value in its unit. */
export function formatMetric(metric: Metric, value: number | null): string {
  if (value === null) return '—';
  switch (metric) {
    case 'revenue':
    case 'security':
      return formatMoney(value);
    case 'csat':
      return value.toFixed(1);
    case 'reliability':
      return `${Math.round(-value)} min down`;
    case 'capacityHealth':
    case 'compliance':
    case 'stakeholders':
      return formatPercent(value);
  }
}

/** Slot time (index + fraction) as "Q2" or "early Q2"/"late Q2" for a fractional completion. */
export function formatSlotTime(labels: readonly string[], at: number): string {
  const slot = Math.min(labels.length - 1, Math.max(0, Math.ceil(at) - 1));
  const label = labels[slot] ?? `slot ${slot + 1}`;
  const f = at - slot;
  if (f <= 0.34) return `early ${label}`;
  if (f >= 0.67) return `late ${label}`;
  return `mid ${label}`;
}

/** The label of a slot, e.g. "Q2"; past the horizon "slot 5". */
export function slotLabel(scenario: Pick<Scenario, 'time'>, slot: number): string {
  return scenario.time.labels[slot] ?? `slot ${slot + 1}`;
}

/** The slot length as a word, for per-slot money ("$220k/quarter"). */
export function slotWord(scenario: Pick<Scenario, 'time'>): string {
  switch (scenario.time.slotsPerYear) {
    case 4:
      return 'quarter';
    case 12:
      return 'month';
    default:
      return 'slot';
  }
}

/** Points for display: whole numbers stay whole, others get one decimal (12, 13.3). */
export function formatPoints(x: number): string {
  const rounded = Math.round(x * 10) / 10;
  if (Object.is(rounded, -0) || rounded === 0) return '0';
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** "1 point", "2.5 points". */
export function pointsText(x: number): string {
  const text = formatPoints(x);
  return `${text} ${text === '1' ? 'point' : 'points'}`;
}
