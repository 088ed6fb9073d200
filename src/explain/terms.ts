/**
 * The words for a renegotiation's new terms, shared by the board (card facts, item details), the
 * briefing and the debrief (a module of its own so the debrief, which runs in the worker, does
 * not pull in the board's advice).
 */
import type { Item, Scenario } from '../engine/schema.ts';
import type { AskOutcome } from '../engine/simulate.ts';
import { formatPercent, slotLabel } from './format.ts';

/** A renegotiation's terms, ready for words. */
export interface AgreedTerms {
  /** The title of the smaller item that also meets the ask, or null (the asked item only). */
  scope: string | null;
  /** The agreed date; undefined, or the ask's own date, when only the scope moved. */
  bySlot?: number;
  /** Share of the ask's credit the new terms cost. */
  trust: number;
}

/**
 * "Gift cards through a hosted provider instead, by the end of Q4, at the cost of 30% of the ask’s
 * credit": the one wording of a renegotiation's terms. The date is named only when it moves from
 * the ask's own (`askBySlot`, when known).
 */
export function agreedTermsText(
  scenario: Pick<Scenario, 'time'>,
  terms: AgreedTerms,
  askBySlot?: number,
): string {
  const moved = terms.bySlot !== undefined && terms.bySlot !== askBySlot;
  return [
    ...(terms.scope !== null ? [`${terms.scope} instead`] : []),
    ...(moved ? [`by the end of ${slotLabel(scenario, terms.bySlot!)}`] : []),
    `at the cost of ${formatPercent(terms.trust)} of the ask’s credit`,
  ].join(', ');
}

function titleOf(scenario: Pick<Scenario, 'items'>, id: string): string {
  return scenario.items.find((i) => i.id === id)?.title ?? id;
}

/** The terms an item's `renegotiates` offers, in words. */
export function termsText(
  scenario: Pick<Scenario, 'items' | 'time'>,
  r: NonNullable<Item['renegotiates']>,
): string {
  return agreedTermsText(scenario, {
    scope: r.scope === undefined ? null : titleOf(scenario, r.scope),
    bySlot: r.bySlot,
    trust: r.trust,
  });
}

/** The terms in force on an ask of the outcome (asked by `askBySlot`) after its renegotiation. */
export function renegotiatedTermsText(
  scenario: Pick<Scenario, 'items' | 'time'>,
  r: NonNullable<AskOutcome['renegotiated']>,
  askBySlot: number,
): string {
  return agreedTermsText(
    scenario,
    {
      scope: r.scope === null ? null : titleOf(scenario, r.scope),
      bySlot: r.bySlot,
      trust: r.trust,
    },
    askBySlot,
  );
}
