/**
 * Renegotiation (docs/model.md, "Renegotiating an ask").
 *
 * A stakeholder's ask ("SSO by Q2") is met or missed. A scenario may let the learner renegotiate
 * it: an item with `renegotiates` is the conversation (a revised plan to bring, a demo of a smaller
 * scope), with the terms the stakeholder accepts — a later date, a smaller item, or both — and the
 * trust it costs. Planned and done by the end of the ask's slot, before the asked item ships, it
 * replaces the ask's terms: met on the new terms, the ask earns `1 − trust` of its credit instead
 * of all of it; missed, nothing, as a silent miss. So renegotiating is worth it only when the
 * original date is truly out of reach or costs more elsewhere than the trust.
 */
import type { Issue } from './issues.ts';
import type { Item, Scenario } from './schema.ts';

/** How a renegotiation's terms are compiled: indexes into the compiled items. */
export interface CompiledTerms {
  /** The conversation item. */
  talk: number;
  /** The smaller item that also meets the ask on the new terms, or -1. */
  scope: number;
  /** The agreed date (the original one when only the scope moves). */
  bySlot: number;
  /** Credit when the new terms are met: 1 − trust. */
  credit: number;
}

/** A compiled ask, as the simulation scores it. */
export interface CompiledAsk {
  item: number;
  bySlot: number;
  /** The renegotiated terms, when the scenario lets this ask be renegotiated. */
  terms?: CompiledTerms;
}

const EPS = 1e-9;

/** When the ask's terms were replaced: the talk done by the ask's date, before the item shipped. */
export function renegotiatedAt(ask: CompiledAsk, doneAt: ArrayLike<number>): number | null {
  if (!ask.terms) return null;
  const talk = doneAt[ask.terms.talk] ?? Infinity;
  const shipped = ask.item >= 0 ? (doneAt[ask.item] ?? Infinity) : Infinity;
  return talk <= ask.bySlot + 1 + EPS && talk < shipped ? talk : null;
}

/**
 * The share of an ask's credit a run earns: 1 when met as asked, `1 − trust` when met on
 * renegotiated terms, 0 when missed.
 */
export function askCredit(ask: CompiledAsk, doneAt: ArrayLike<number>): number {
  const shipped = ask.item >= 0 ? (doneAt[ask.item] ?? Infinity) : Infinity;
  const terms = ask.terms;
  if (terms && renegotiatedAt(ask, doneAt) !== null) {
    const smaller = terms.scope >= 0 ? (doneAt[terms.scope] ?? Infinity) : Infinity;
    return Math.min(shipped, smaller) <= terms.bySlot + 1 + EPS ? terms.credit : 0;
  }
  return shipped <= ask.bySlot + 1 + EPS ? 1 : 0;
}

/** A renegotiation as found on its item: the item's index (the conversation) and its terms. */
export interface Renegotiation {
  talk: number;
  terms: NonNullable<Item['renegotiates']>;
}

/** The renegotiation of each ask, keyed `stakeholder\u0000item`. */
export function renegotiationsByAsk(scenario: Scenario): Map<string, Renegotiation> {
  const byAsk = new Map<string, Renegotiation>();
  scenario.items.forEach((item, talk) => {
    const terms = item.renegotiates;
    if (terms) byAsk.set(askKey(terms.stakeholder, terms.item), { talk, terms });
  });
  return byAsk;
}

/** The key of an ask: its stakeholder and item. */
export function askKey(stakeholder: string, item: string): string {
  return `${stakeholder}\u0000${item}`;
}

/**
 * Checks the scenario's renegotiations: the ask exists, the new terms are a later date within
 * the horizon and/or another item, one renegotiation per ask. Names each field at fault.
 */
export function checkRenegotiations(s: Scenario): Issue[] {
  const issues: Issue[] = [];
  const items = new Map(s.items.map((i) => [i.id, i]));
  const seen = new Set<string>();
  s.items.forEach((item, i) => {
    const r = item.renegotiates;
    if (!r) return;
    const at = `items[${i}].renegotiates`;
    const err = (field: string, message: string) =>
      issues.push({ path: field ? `${at}.${field}` : at, message });
    const stakeholder = s.stakeholders.find((x) => x.id === r.stakeholder);
    if (!stakeholder) {
      err('stakeholder', `unknown stakeholder "${r.stakeholder}"`);
      return;
    }
    const ask = stakeholder.asks.find((a) => a.item === r.item);
    if (!ask) {
      err('item', `${stakeholder.name} asks for no item "${r.item}"`);
      return;
    }
    if (r.bySlot === undefined && r.scope === undefined)
      err('', 'needs new terms: a later "bySlot", a smaller "scope", or both');
    if (r.bySlot !== undefined) {
      if (r.bySlot <= ask.bySlot)
        err('bySlot', `must be later than the ask’s date (slot ${ask.bySlot})`);
      if (r.bySlot >= s.time.labels.length)
        err('bySlot', `is past the horizon (the last slot is ${s.time.labels.length - 1})`);
    }
    if (r.scope !== undefined) {
      const scope = items.get(r.scope);
      if (!scope) err('scope', `unknown item "${r.scope}"`);
      else if (r.scope === r.item) err('scope', 'must be another item than the one asked for');
      else if (scope.injected) err('scope', `item "${r.scope}" only appears with an event`);
    }
    if (item.id === r.item || item.id === r.scope)
      err('', 'the conversation must be an item of its own');
    if (item.injected) err('', 'a renegotiation cannot be an injected item');
    const key = askKey(r.stakeholder, r.item);
    if (seen.has(key))
      err('', `${stakeholder.name}’s ask for "${r.item}" is already renegotiated by another item`);
    seen.add(key);
  });
  return issues;
}
