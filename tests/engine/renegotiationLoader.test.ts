/**
 * The loader's refusals of a faulty renegotiation, word for word (src/engine/renegotiation.ts,
 * `checkRenegotiations`, and the schema's bounds on `trust`): each fault gives exactly one issue,
 * at the field at fault, with the full message a scenario author reads.
 *
 * The file: Olivia asks for `big` by the end of Q1 (slot 0) of three quarters; `talk` (items[2])
 * renegotiates it to the end of Q3 (slot 2) at a quarter of its credit; `small` could stand in.
 */
import { describe, expect, it } from 'vitest';

import { loadScenario } from '../../src/engine/index.ts';
import { item, quarters, type ItemInput } from './mechanics/build.ts';

function valid() {
  return {
    schemaVersion: 2,
    id: 'r',
    title: 'R',
    brief: '',
    industry: 'Test',
    difficulty: 1,
    minutes: 1,
    time: { labels: quarters(3), slotsPerYear: 4 },
    team: { capacity: 10 },
    start: { arr: 1_000_000, csat: 70, debt: 0 },
    scoring: { weights: { revenue: 1 } },
    items: [
      item('big', 15),
      item('small', 3),
      item('talk', 0.5, {
        renegotiates: { stakeholder: 'ceo', item: 'big', bySlot: 2, trust: 0.25 },
      }),
    ] as ItemInput[],
    stakeholders: [
      {
        id: 'ceo',
        name: 'Olivia',
        role: 'CEO',
        asks: [{ item: 'big', bySlot: 0 }] as { item: string; bySlot: number }[],
      },
    ],
    events: [] as Record<string, unknown>[],
  };
}
type Input = ReturnType<typeof valid>;

/** The talk's `renegotiates`, to edit in place. */
const terms = (x: Input) => x.items[2]!.renegotiates as Record<string, unknown>;

/** An event that injects `id`, which is then marked injected (a valid injected item). */
function inject(x: Input, id: string) {
  x.items.find((i) => i.id === id)!.injected = true;
  x.events.push({
    id: `inject-${id}`,
    title: 'Surprise',
    kind: 'injectItem',
    slot: 1,
    probability: 0.5,
    item: id,
  });
}

describe('loading a renegotiation: the full messages', () => {
  it('accepts the valid file, an injected item beside it, and new terms that move only the scope', () => {
    expect(loadScenario(valid()).ok).toBe(true);
    // The building blocks of the faulty files below load on their own: only the fault is refused.
    const injected = valid();
    inject(injected, 'small');
    expect(loadScenario(injected).ok).toBe(true);
    const scopeOnly = valid();
    delete terms(scopeOnly).bySlot;
    terms(scopeOnly).scope = 'small';
    expect(loadScenario(scopeOnly).ok).toBe(true);
  });

  it.each<[string, (x: Input) => void, string, string]>([
    [
      'an unknown stakeholder',
      (x) => (terms(x).stakeholder = 'cfo'),
      'items[2].renegotiates.stakeholder',
      'unknown stakeholder "cfo"',
    ],
    [
      'an item the stakeholder did not ask for',
      (x) => (terms(x).item = 'small'),
      'items[2].renegotiates.item',
      'Olivia asks for no item "small"',
    ],
    [
      'no new terms',
      (x) => delete terms(x).bySlot,
      'items[2].renegotiates',
      'needs new terms: a later "bySlot", a smaller "scope", or both',
    ],
    [
      'the ask’s own date',
      (x) => (terms(x).bySlot = 0),
      'items[2].renegotiates.bySlot',
      'must be later than the ask’s date (slot 0)',
    ],
    [
      'a date before the ask’s',
      (x) => {
        x.stakeholders[0]!.asks[0]!.bySlot = 1;
        terms(x).bySlot = 0;
      },
      'items[2].renegotiates.bySlot',
      'must be later than the ask’s date (slot 1)',
    ],
    [
      'a date past the horizon',
      (x) => (terms(x).bySlot = 3),
      'items[2].renegotiates.bySlot',
      'is past the horizon (the last slot is 2)',
    ],
    [
      'an unknown scope',
      (x) => (terms(x).scope = 'nope'),
      'items[2].renegotiates.scope',
      'unknown item "nope"',
    ],
    [
      'the asked item as its own scope',
      (x) => (terms(x).scope = 'big'),
      'items[2].renegotiates.scope',
      'must be another item than the one asked for',
    ],
    [
      'an injected item as the scope',
      (x) => {
        inject(x, 'small');
        terms(x).scope = 'small';
      },
      'items[2].renegotiates.scope',
      'item "small" only appears with an event',
    ],
    [
      'the conversation as its own scope',
      (x) => (terms(x).scope = 'talk'),
      'items[2].renegotiates',
      'the conversation must be an item of its own',
    ],
    [
      'the conversation renegotiating an ask for itself',
      (x) => {
        x.stakeholders[0]!.asks.push({ item: 'talk', bySlot: 0 });
        terms(x).item = 'talk';
      },
      'items[2].renegotiates',
      'the conversation must be an item of its own',
    ],
    [
      'an injected conversation',
      (x) => inject(x, 'talk'),
      'items[2].renegotiates',
      'a renegotiation cannot be an injected item',
    ],
    [
      'two renegotiations of one ask',
      (x) =>
        x.items.push(
          item('talk2', 1, {
            renegotiates: { stakeholder: 'ceo', item: 'big', bySlot: 1, trust: 0.5 },
          }),
        ),
      'items[3].renegotiates',
      'Olivia’s ask for "big" is already renegotiated by another item',
    ],
    [
      'a free renegotiation (trust 0)',
      (x) => (terms(x).trust = 0),
      'items[2].renegotiates.trust',
      'must be a positive number',
    ],
    [
      'a trust cost of 1 (no better than a silent miss)',
      (x) => (terms(x).trust = 1),
      'items[2].renegotiates.trust',
      'must be less than 1',
    ],
  ])('refuses %s', (_, edit, path, message) => {
    const x = valid();
    edit(x);
    const result = loadScenario(x);
    expect(result).toEqual({ ok: false, issues: [{ path, message }] });
  });

  it('names every fault of one renegotiation, in order', () => {
    const x = valid();
    terms(x).bySlot = 0;
    terms(x).scope = 'big';
    inject(x, 'talk');
    expect(loadScenario(x)).toEqual({
      ok: false,
      issues: [
        {
          path: 'items[2].renegotiates.bySlot',
          message: 'must be later than the ask’s date (slot 0)',
        },
        {
          path: 'items[2].renegotiates.scope',
          message: 'must be another item than the one asked for',
        },
        { path: 'items[2].renegotiates', message: 'a renegotiation cannot be an injected item' },
      ],
    });
  });

  it('stops at an unknown stakeholder or ask: nothing else about the terms is checked', () => {
    for (const [field, value, message] of [
      ['stakeholder', 'cfo', 'unknown stakeholder "cfo"'],
      ['item', 'small', 'Olivia asks for no item "small"'],
    ] as const) {
      const x = valid();
      terms(x)[field] = value;
      // Terms that would be refused on their own are not reported past the first fault.
      terms(x).bySlot = 9;
      terms(x).scope = 'nope';
      expect(loadScenario(x)).toEqual({
        ok: false,
        issues: [{ path: `items[2].renegotiates.${field}`, message }],
      });
    }
  });
});
