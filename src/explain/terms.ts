/**
 * The words for a renegotiation's new terms, shared by the board's card facts and the debrief
 * (a module of its own so the debrief, which runs in the worker, does not pull in the board's
 * advice).
 */
import type { Item, Scenario } from '../engine/schema.ts';
import { formatPercent } from './format.ts';

/** "Gift cards through a hosted provider instead, at the cost of 30% of the ask’s credit". */
export function termsText(scenario: Scenario, r: NonNullable<Item['renegotiates']>): string {
  const titleOf = (id: string) => scenario.items.find((i) => i.id === id)?.title ?? id;
  const label = (slot: number) => scenario.time.labels[slot] ?? `slot ${slot + 1}`;
  const terms = [
    ...(r.scope ? [`${titleOf(r.scope)} instead`] : []),
    ...(r.bySlot !== undefined ? [`by the end of ${label(r.bySlot)}`] : []),
  ].join(', ');
  return `${terms}, at the cost of ${formatPercent(r.trust)} of the ask’s credit`;
}
