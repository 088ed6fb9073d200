/**
 * The debrief's renegotiation sentences in a quiet world (tests/engine/mechanics/build.ts) where
 * only the stakeholder metric is scored: an ask met as asked earns its full credit, met on
 * renegotiated terms 1 − trust of it, missed or late nothing (docs/model.md, "Renegotiating an
 * ask").
 *
 * Olivia (CEO) asks for Big (10 points) by the end of Q1 and for Other (never planned) by Q3; a
 * half-point conversation, Talk, moves Big's date to Q3 for a quarter of its credit. Casey (CFO),
 * listed first, also asks for Other. So the sentence has to find Olivia's ask for Big among asks
 * of the same stakeholder and of the same item.
 */
import { describe, expect, it } from 'vitest';

import { simulate, type Plan } from '../../src/engine/index.ts';
import { debrief } from '../../src/explain/debrief.ts';
import { formatSigned } from '../../src/explain/format.ts';
import { termsText } from '../../src/explain/terms.ts';
import { item, plan, quarters, scenario } from '../engine/mechanics/build.ts';

const s = scenario(
  {
    time: { labels: quarters(3), slotsPerYear: 4 },
    scoring: { weights: { stakeholders: 1 } },
    stakeholders: [
      { id: 'cfo', name: 'Casey Lee', role: 'CFO', asks: [{ item: 'other', bySlot: 2 }] },
      {
        id: 'ceo',
        name: 'Olivia Grant',
        role: 'CEO',
        asks: [
          { item: 'other', bySlot: 2 },
          { item: 'big', bySlot: 0 },
        ],
      },
    ],
  },
  [
    item('big', 10, { title: 'Big' }),
    item('talk', 0.5, {
      title: 'Talk',
      type: 'ops',
      renegotiates: { stakeholder: 'ceo', item: 'big', bySlot: 2, trust: 0.25 },
    }),
    item('other', 5, { title: 'Other' }),
    item('filler', 10, { title: 'Filler' }),
  ],
);
const r = s.items.find((i) => i.id === 'talk')!.renegotiates!;
const whose = 'Olivia Grant’s ask for Big by Q1';

/** The debrief's cause for Talk, and the status of Olivia's ask for Big in a run. */
function talkCause(user: Plan, par: Plan) {
  const d = debrief(s, user, { par });
  const x = d.causes.find((c) => c.item === 'talk');
  if (!x) throw new Error(`no cause for talk: ${d.causes.map((c) => c.item).join(', ')}`);
  const ask = (p: Plan) =>
    simulate(s, p).asks.find((a) => a.stakeholder === 'ceo' && a.item === 'big')!;
  return { x, yours: ask(user), theirs: ask(x.plan), points: `${formatSigned(x.gain)} points` };
}

describe('renegotiation in the debrief', () => {
  it('a conversation par does without: it cost a quarter of the credit, and par meets the ask as asked', () => {
    // Talk then Big in Q1: Big lands just after Q1 (10.5 points), on the new terms. Without the
    // conversation Big lands at the end of Q1, as asked.
    const x = talkCause(plan(s, ['talk', 'big']), plan(s, ['big']));
    expect(x.x).toMatchObject({ kind: 'drop', mechanism: 'renegotiation' });
    expect(x.yours.renegotiated).not.toBeNull();
    expect(x.yours.status).toBe('met');
    expect(x.theirs.status).toBe('met');
    expect(x.theirs.renegotiated ?? null).toBeNull();
    expect(x.x.gain).toBeGreaterThan(1);
    expect(x.x.sentence).toBe(
      `You renegotiated ${whose}: met on the new terms it earns 75% of that ask’s credit, and par meets it as asked. ${x.points}.`,
    );
  });

  it('a conversation the learner never had, with Big delivered late', () => {
    // Filler fills Q1, Big lands at the end of Q2: late. Par talks first in Q1, so Big by Q3 is met.
    const x = talkCause(plan(s, ['filler'], ['big']), plan(s, ['talk', 'filler'], ['big']));
    expect(x.x).toMatchObject({ kind: 'add', mechanism: 'renegotiation' });
    expect(x.yours.status).toBe('late');
    expect(x.yours.renegotiated ?? null).toBeNull();
    expect(x.theirs.status).toBe('met');
    expect(x.theirs.renegotiated).not.toBeNull();
    expect(x.x.sentence).toBe(
      `Par renegotiates ${whose} in Q1 (${termsText(s, r)}); you delivered it late. ${x.points}.`,
    );
  });

  it('a conversation planned after the ask’s quarter, with Big delivered late', () => {
    const x = talkCause(plan(s, ['filler'], ['talk', 'big']), plan(s, ['talk', 'filler'], ['big']));
    expect(x.x).toMatchObject({ kind: 'defer', mechanism: 'renegotiation' });
    expect(x.yours.status).toBe('late');
    expect(x.yours.renegotiated ?? null).toBeNull();
    expect(x.x.sentence).toBe(
      `Par renegotiates ${whose} in Q1 (${termsText(s, r)}); you planned the conversation for Q2, too late to change the terms, and delivered it late. ${x.points}.`,
    );
  });
});
