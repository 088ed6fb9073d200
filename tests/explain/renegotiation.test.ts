/**
 * Renegotiation as a learner meets it, on the shipped scenario that offers one ("Holiday peak":
 * the CEO wants the team's own gift cards by Q3; a conversation can swap them for a hosted
 * provider's cards, at 30% of that ask's credit): the card's facts, the board's warnings, the
 * frameworks' plans, par's choice, and the debrief's sentence and stakeholder reaction.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type Plan } from '../../src/engine/index.ts';
import { bakedPar } from '../../src/engine/par.ts';
import { removeItem } from '../../src/engine/plan.ts';
import { compile } from '../../src/engine/compile.ts';
import { strategyPlans } from '../../src/engine/strategies.ts';
import { itemFacts, planWarnings } from '../../src/explain/advice.ts';
import { debrief } from '../../src/explain/debrief.ts';
import { shipped } from '../engine/helpers.ts';

const s = shipped('holiday-peak');
const talk = s.items.find((i) => i.id === 'gift-card-talk')!;
const par = bakedPar(s)!.plan;

/** Par with the conversation taken out: the hosted cards ship, but the CEO's ask is missed. */
const silent: Plan = removeItem(par, 'gift-card-talk');

describe('renegotiation on the board', () => {
  it('the conversation’s card names the ask and the new terms', () => {
    expect(itemFacts(s, talk).renegotiates).toEqual({
      stakeholder: 'ceo',
      name: 'Olivia Grant',
      item: 'Digital gift cards',
      bySlot: 2,
      terms: 'Gift cards through a hosted provider instead, at the cost of 30% of the ask’s credit',
    });
    expect(
      itemFacts(
        s,
        s.items.find((i) => i.id === 'gift-cards')!,
      ).renegotiates,
    ).toBeNull();
  });

  it('warns when the conversation is planned after the ask’s date', () => {
    const late: Plan = {
      slots: par.slots.map((ids, t) =>
        t === 3 ? [...ids, 'gift-card-talk'] : ids.filter((id) => id !== 'gift-card-talk'),
      ),
    };
    const warnings = planWarnings(s, late, simulate(s, late));
    const warning = warnings.find((w) => w.kind === 'renegotiationLate');
    expect(warning).toMatchObject({ slot: 3, itemId: 'gift-card-talk' });
    expect(warning?.message).toMatch(
      /after Olivia Grant’s date for “Digital gift cards” \(the end of Q3\): too late/,
    );
    // In time (par's own plan), no such warning.
    expect(planWarnings(s, par, simulate(s, par)).some((w) => w.kind === 'renegotiationLate')).toBe(
      false,
    );
  });

  it('the frameworks rank the backlog and never plan the conversation', () => {
    const plans = strategyPlans(compile(s));
    for (const p of Object.values(plans)) expect(p.slots.flat()).not.toContain('gift-card-talk');
  });
});

describe('renegotiation in the outcome and the debrief', () => {
  it('par renegotiates in time and meets the new terms: 70% of the ask’s credit', () => {
    const out = simulate(s, par);
    const ask = out.asks.find((a) => a.item === 'gift-cards')!;
    expect(ask.status).toBe('met');
    expect(ask.renegotiated).toMatchObject({
      by: 'gift-card-talk',
      scope: 'hosted-gift-cards',
      bySlot: 2,
    });
    expect(ask.renegotiated!.trust).toBeCloseTo(0.3, 12);
    // Without the talk the same hosted cards do not meet the CEO's ask for the team's own cards.
    const quiet = simulate(s, silent).asks.find((a) => a.item === 'gift-cards')!;
    expect(quiet.renegotiated).toBeUndefined();
    expect(quiet.status).toBe('missed');
    // Olivia (influence 3) has two asks: the renegotiated one is worth 0.7 of its half, so her
    // share moves by 3 · 0.7 / 2 over the total influence of everyone who asked.
    const influence = s.stakeholders
      .filter((x) => x.asks.length > 0)
      .reduce((t, x) => t + x.influence, 0);
    expect(out.metrics.stakeholders! - simulate(s, silent).metrics.stakeholders!).toBeCloseTo(
      (3 * 0.7) / 2 / influence,
      9,
    );
  });

  it('the debrief says par renegotiated and what it cost the learner not to', () => {
    const d = debrief(s, silent, { par });
    const cause = d.causes.find((c) => c.item === 'gift-card-talk');
    expect(cause?.mechanism).toBe('renegotiation');
    expect(cause?.sentence).toMatch(
      /^Par renegotiates Olivia Grant’s ask for Digital gift cards by Q3 in Q1 \(Gift cards through a hosted provider instead, at the cost of 30% of the ask’s credit\); you missed it\./,
    );
    const olivia = d.stakeholders.find((x) => x.id === 'ceo')!;
    expect(olivia.asks.find((a) => a.item === 'gift-cards')?.renegotiated).toBeNull();
  });

  it('the stakeholder reaction tells the renegotiated ask apart', () => {
    const d = debrief(s, par, { par });
    const olivia = d.stakeholders.find((x) => x.id === 'ceo')!;
    const gift = olivia.asks.find((a) => a.item === 'gift-cards')!;
    expect(gift.status).toBe('met');
    expect(gift.renegotiated).toEqual({
      bySlot: 2,
      scope: 'Gift cards through a hosted provider',
      trust: expect.closeTo(0.3, 12),
    });
    // Met, but not as asked: not "pleased".
    expect(olivia.mood).toBe('mixed');
  });
});
