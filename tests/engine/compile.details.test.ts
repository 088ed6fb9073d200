/**
 * Details of compiling a scenario (src/engine/compile.ts) that tests/engine/compile.test.ts
 * leaves open: the zeros an item gets where its urgency kind has no slot, rate or fine; links to
 * the second obligation, vulnerability or item of a list (index 1, not 0); half-lives given in
 * quarters on a shorter slot; which items and events the hot loop checks and branches on; and
 * what compile does with references that escaped validation.
 *
 * Every scenario is built and compiled inside its test (compiled scenarios are cached per
 * object), and every expected value is worked out here from the rule in the code or in
 * docs/model.md.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../../src/engine/compile.ts';
import { DEFAULT_CONSTANTS, type Scenario } from '../../src/engine/index.ts';
import { item, quarters, scenario } from './mechanics/build.ts';

const K = DEFAULT_CONSTANTS;

/** Ids of the compiled items at the given indexes. */
const idsAt = (s: Scenario, indexes: number[]) => indexes.map((i) => s.items[i]!.id);

describe('compiled items', () => {
  it('codes each urgency kind, with zeros where the kind has no slot, rate or fine', () => {
    const s = scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }, [
      item('plain', 2),
      item('fading', 2, { urgency: { kind: 'decay', startSlot: 1, rate: 0.25 } }),
      item('due', 2, { urgency: { kind: 'deadline', slot: 2, lateFactor: 0.5, penalty: 40 } }),
    ]);
    const urgency = compile(s).items.map((i) => [
      i.urgency,
      i.urgencySlot,
      i.urgencyRate,
      i.penalty,
    ]);
    // standard 0, decay 1 (start slot, share lost per slot), deadline 2 (slot, late factor, fine).
    expect(urgency).toEqual([
      [0, 0, 0, 0],
      [1, 1, 0.25, 0],
      [2, 2, 0.5, 40],
    ]);
  });

  it('treats only a Kano must-be item as a must', () => {
    const s = scenario({}, [
      item('basic', 2, { value: { kano: 'must', mustPenalty: 1 } }),
      item('delight', 2, { value: { kano: 'delight', csat: 3 } }),
      item('unclassed', 2),
    ]);
    expect(compile(s).items.map((i) => i.must)).toEqual([true, false, false]);
  });

  it('points a compliance item at its own obligation, the second one included', () => {
    const s = scenario(
      {
        obligations: [
          { id: 'soc2', title: 'SOC 2', deadlineSlot: 1 },
          { id: 'gdpr', title: 'GDPR', deadlineSlot: 1 },
        ],
      },
      [
        item('gdpr-work', 2, { type: 'compliance', effects: { compliance: 'gdpr' } }),
        item('soc2-work', 2, { type: 'compliance', effects: { compliance: 'soc2' } }),
        item('feature', 2),
      ],
    );
    expect(compile(s).items.map((i) => i.obligation)).toEqual([1, 0, -1]);
  });
});

describe('compiled events and vulnerabilities', () => {
  const withInjections = () =>
    scenario(
      {
        security: {
          sle: 1_000,
          vulnerabilities: [
            { id: 'old', title: 'Old', cvss: 5 },
            { id: 'new', title: 'New', cvss: 8 },
          ],
        },
        events: [
          {
            id: 'spike',
            title: 'Spike',
            kind: 'demandSpike',
            slot: 1,
            branches: [{ probability: 1, multiplier: 2 }],
          },
          {
            id: 'breach',
            title: 'Breach',
            kind: 'injectItem',
            slot: 1,
            probability: 0.5,
            item: 'patch',
            opens: 'new',
            prepared: { items: ['runbook'], effortFactor: 0.5 },
          },
          {
            id: 'audit',
            title: 'Audit',
            kind: 'injectItem',
            slot: 1,
            probability: 0.5,
            item: 'paperwork',
          },
          {
            id: 'copy',
            title: 'Copy',
            kind: 'competitorCopy',
            slot: 1,
            probability: 0.5,
            item: 'shiny',
            decay: 0.2,
          },
        ],
      },
      [
        item('runbook', 2, { type: 'ops', effects: { closes: ['old'] } }),
        item('shiny', 2, { value: { kano: 'delight', csat: 4 } }),
        item('patch', 1, { type: 'security', injected: true, effects: { closes: ['new'] } }),
        item('paperwork', 1, { injected: true }),
      ],
    );

  it('links an injection to its item, the vulnerability it opens and the items that prepare', () => {
    const c = compile(withInjections());
    const [breach, audit] = c.injectEvents;
    expect(breach).toMatchObject({
      id: 'breach',
      index: 1,
      item: 2,
      opens: 1,
      prepared: [0],
      effortFactor: 0.5,
    });
    // No vulnerability and no preparation: nothing opened, nothing prepared, full effort.
    expect(audit).toMatchObject({
      id: 'audit',
      index: 2,
      item: 3,
      opens: -1,
      prepared: [],
      effortFactor: 1,
    });
  });

  it('records which event discloses a vulnerability, by the event’s place in the list', () => {
    const c = compile(withInjections());
    expect(c.vulns.map((v) => [v.id, v.openedBy])).toEqual([
      ['old', -1],
      ['new', 1],
    ]);
  });

  it('links a competitor copy to the second item by its index', () => {
    const c = compile(withInjections());
    expect(c.events[3]).toMatchObject({ kind: 'competitorCopy', item: 1, decay: 0.2 });
  });

  it('turns a vulnerability’s own half-life from quarters into slots', () => {
    // Months: a slot is 4/12 of a quarter, so a half-life of 2 quarters is 2 / (1/3) = 6 slots.
    const s = scenario(
      {
        time: { labels: ['Jan', 'Feb', 'Mar'], slotsPerYear: 12 },
        security: {
          sle: 1_000,
          vulnerabilities: [
            { id: 'own', title: 'Own', cvss: 5, halfLife: 2 },
            { id: 'default', title: 'Default', cvss: 5 },
          ],
        },
      },
      [item('fix', 2, { type: 'security', effects: { closes: ['own', 'default'] } })],
    );
    const scale = 4 / 12;
    const [own, fallback] = compile(s).vulns;
    expect(own!.halfLife).toBeCloseTo(2 / scale, 12);
    expect(fallback!.halfLife).toBeCloseTo(K.halfLife / scale, 12);
  });

  it('links a deal to the second obligation by its index', () => {
    const s = scenario(
      {
        obligations: [
          { id: 'soc2', title: 'SOC 2', deadlineSlot: 1 },
          { id: 'gdpr', title: 'GDPR', deadlineSlot: 1 },
        ],
        deals: [{ id: 'bank', title: 'Bank', arr: 100, obligation: 'gdpr', fromSlot: 1 }],
      },
      [
        item('soc2-work', 2, { type: 'compliance', effects: { compliance: 'soc2' } }),
        item('gdpr-work', 2, { type: 'compliance', effects: { compliance: 'gdpr' } }),
      ],
    );
    expect(compile(s).deals[0]!.obligation).toBe(1);
  });
});

describe('what the hot loop checks', () => {
  it('lists as fee items only the items whose running fee costs something', () => {
    const s = scenario({}, [
      item('plain', 2),
      item('license', 2, { effects: { fee: { label: 'Licence', perSlot: 6 } } }),
      item('waived', 2, { effects: { fee: { label: 'Waived', perSlot: 0 } } }),
    ]);
    expect(idsAt(s, compile(s).feeItems)).toEqual(['license']);
  });

  it('checks at the end of each slot only items with a fine, a must-be penalty or a CSAT bonus', () => {
    const s = scenario({}, [
      item('plain', 2),
      item('fined', 2, { urgency: { kind: 'deadline', slot: 1, penalty: 50 } }),
      item('unfined', 2, { urgency: { kind: 'deadline', slot: 1 } }),
      item('must', 2, { value: { kano: 'must', mustPenalty: 3 } }),
      item('harmless-must', 2, { value: { kano: 'must' } }),
      item('penalty-not-must', 2, { value: { kano: 'performance', mustPenalty: 3 } }),
      item('delight', 2, { value: { kano: 'delight', csat: 4 } }),
    ]);
    expect(idsAt(s, compile(s).endOfSlotItems)).toEqual(['fined', 'must', 'delight']);
  });
});

describe('which events branch in expected mode', () => {
  it('branches on injections and copies that may or may not happen, not on certain or impossible ones', () => {
    const s = scenario(
      {
        events: [
          { id: 'maybe', title: 'Maybe', kind: 'injectItem', slot: 1, probability: 0.5, item: 'x' },
          { id: 'sure', title: 'Sure', kind: 'injectItem', slot: 1, probability: 1, item: 'y' },
          {
            id: 'never',
            title: 'Never',
            kind: 'competitorCopy',
            slot: 1,
            probability: 0,
            item: 'a',
            decay: 0.5,
          },
          {
            id: 'likely',
            title: 'Likely',
            kind: 'competitorCopy',
            slot: 1,
            probability: 0.3,
            item: 'a',
            decay: 0.5,
          },
        ],
      },
      [item('a', 2), item('x', 1, { injected: true }), item('y', 1, { injected: true })],
    );
    expect(compile(s).branching.map((e) => e.id)).toEqual(['maybe', 'likely']);
  });

  it('branches on a demand spike only when more than one outcome has a chance', () => {
    const spike = (id: string, branches: { probability: number; multiplier: number }[]) => ({
      id,
      title: id,
      kind: 'demandSpike' as const,
      slot: 1,
      branches,
    });
    const s = scenario({
      events: [
        spike('one-outcome', [{ probability: 1, multiplier: 2 }]),
        spike('two-outcomes', [
          { probability: 0.4, multiplier: 2 },
          { probability: 0.6, multiplier: 1 },
        ]),
        spike('one-live-outcome', [
          { probability: 1, multiplier: 2 },
          { probability: 0, multiplier: 3 },
        ]),
      ],
    });
    expect(compile(s).branching.map((e) => e.id)).toEqual(['two-outcomes']);
  });

  it('does not branch on a cascade, which is a chance per slot', () => {
    const s = scenario({
      events: [
        {
          id: 'cascade',
          title: 'Cascade',
          kind: 'cascade',
          fromSlot: 0,
          probability: 0.5,
          loss: 100,
        },
      ],
    });
    const c = compile(s);
    expect(c.events.map((e) => e.kind)).toEqual(['cascade']);
    expect(c.branching).toEqual([]);
  });
});

describe('scenario-wide settings', () => {
  it('has no stakeholder metric, and gives it no weight, when nobody asks for anything', () => {
    const weights = { revenue: 1, stakeholders: 2 };
    const silent = scenario({
      scoring: { weights },
      stakeholders: [{ id: 'cfo', name: 'F', role: 'CFO' }],
    });
    const asking = scenario({
      scoring: { weights },
      stakeholders: [
        { id: 'cfo', name: 'F', role: 'CFO' },
        { id: 'ceo', name: 'C', role: 'CEO', asks: [{ item: 'a', bySlot: 1 }] },
      ],
    });
    const quiet = compile(silent);
    expect(quiet.applicable.stakeholders).toBe(false);
    expect(quiet.weights.stakeholders).toBe(0);
    const heard = compile(asking);
    expect(heard.applicable.stakeholders).toBe(true);
    expect(heard.weights.stakeholders).toBe(2);
  });

  it('does not freeze on a blown error budget unless the scenario asks for it', () => {
    expect(compile(scenario()).freezeOnBlownBudget).toBe(false);
    expect(compile(scenario({ reliability: { costPerMinute: 10 } })).freezeOnBlownBudget).toBe(
      false,
    );
  });

  it('compiles a scenario object once and hands back the same result', () => {
    const s = scenario();
    const first = compile(s);
    expect(compile(s)).toBe(first);
    // A copy is another object: compiled afresh.
    expect(compile({ ...s })).not.toBe(first);
  });

  it('lays out capacity and KTLO from a number or a one-value list, KTLO defaulting to a share', () => {
    const s = scenario({
      time: { labels: quarters(3), slotsPerYear: 4 },
      team: { capacity: [8] },
    });
    const c = compile(s);
    expect(c.capacity).toEqual([8, 8, 8]);
    expect(c.ktlo).toEqual([8, 8, 8].map((x) => x * K.ktloShare));
    const fixed = compile(
      scenario({
        time: { labels: quarters(3), slotsPerYear: 4 },
        team: { capacity: 9, ktlo: [2] },
      }),
    );
    expect(fixed.capacity).toEqual([9, 9, 9]);
    expect(fixed.ktlo).toEqual([2, 2, 2]);
  });
});

/**
 * The loader refuses all of these; compile still copes, so a scenario changed after validation
 * (an editor's draft, a hand-built object) cannot index outside its lists.
 */
describe('references that escaped validation', () => {
  const valid = () =>
    scenario(
      {
        security: { sle: 1, vulnerabilities: [{ id: 'v', title: 'V', cvss: 5 }] },
        obligations: [{ id: 'ob', title: 'Ob', deadlineSlot: 1 }],
        deals: [{ id: 'deal', title: 'Deal', arr: 1, obligation: 'ob', fromSlot: 1 }],
        stakeholders: [{ id: 'ceo', name: 'C', role: 'CEO', asks: [{ item: 'b', bySlot: 1 }] }],
        events: [
          {
            id: 'inject',
            title: 'Inject',
            kind: 'injectItem',
            slot: 1,
            probability: 0.5,
            item: 'hot',
            prepared: { items: ['a'], effortFactor: 0.5 },
          },
          {
            id: 'copy',
            title: 'Copy',
            kind: 'competitorCopy',
            slot: 1,
            probability: 0.5,
            item: 'a',
            decay: 0.1,
          },
          {
            id: 'cascade',
            title: 'Cascade',
            kind: 'cascade',
            fromSlot: 0,
            probability: 0.1,
            loss: 1,
            mitigations: [{ item: 'a', reduction: 0.5 }],
          },
        ],
      },
      [
        item('a', 2, { effects: { closes: ['v'], compliance: 'ob' } }),
        item('b', 2, { dependsOn: ['a'] }),
        item('hot', 1, { injected: true }),
      ],
    );

  it('drops dependencies, closed vulnerabilities and preparations that name nothing', () => {
    const s = structuredClone(valid());
    s.items[1]!.dependsOn = ['ghost', 'a'];
    s.items[0]!.effects.closes = ['ghost', 'v'];
    const inject = s.events[0]!;
    if (inject.kind !== 'injectItem') throw new Error('the first event is the injection');
    inject.prepared = { items: ['ghost', 'a'], effortFactor: 0.5 };
    const c = compile(s);
    expect(c.items[1]!.deps).toEqual([0]);
    expect(c.items[0]!.closes).toEqual([0]);
    expect(c.injectEvents[0]!.prepared).toEqual([0]);
  });

  it('marks single links that name nothing with -1', () => {
    const s = structuredClone(valid());
    s.items[0]!.effects.compliance = 'ghost';
    s.deals[0]!.obligation = 'ghost';
    s.stakeholders[0]!.asks[0]!.item = 'ghost';
    for (const e of s.events) {
      if (e.kind === 'injectItem') Object.assign(e, { item: 'ghost', opens: 'ghost' });
      if (e.kind === 'competitorCopy') e.item = 'ghost';
      if (e.kind === 'cascade') e.mitigations[0]!.item = 'ghost';
    }
    const c = compile(s);
    expect(c.items[0]!.obligation).toBe(-1);
    expect(c.deals[0]!.obligation).toBe(-1);
    expect(c.stakeholders[0]!.asks[0]!.item).toBe(-1);
    expect(c.events[0]).toMatchObject({ kind: 'injectItem', item: -1, opens: -1 });
    expect(c.events[1]).toMatchObject({ kind: 'competitorCopy', item: -1 });
    expect(c.events[2]).toMatchObject({ kind: 'cascade', mitigations: [{ item: -1 }] });
  });

  it('repeats the last value of a per-slot list shorter than the horizon', () => {
    const s = structuredClone(scenario({ time: { labels: quarters(3), slotsPerYear: 4 } }));
    s.team = { capacity: [10, 12], ktlo: [1, 2] };
    const c = compile(s);
    expect(c.capacity).toEqual([10, 12, 12]);
    expect(c.ktlo).toEqual([1, 2, 2]);
  });

  it('gives a team without a capacity none', () => {
    const s = structuredClone(scenario());
    s.team = { capacity: undefined as unknown as number };
    const c = compile(s);
    expect(c.capacity).toEqual([0, 0]);
    expect(c.ktlo).toEqual([0, 0]);
  });
});
