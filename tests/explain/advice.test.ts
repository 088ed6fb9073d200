/**
 * The board's advice. Exact expectations use a hand-made scenario (its numbers are chosen here);
 * the shipped scenarios, which authors recalibrate, are only checked for invariants.
 */
import { describe, expect, it } from 'vitest';

import {
  columnForecasts,
  describeEffects,
  describeMove,
  describeUrgency,
  effectBadges,
  formatPoints,
  itemFacts,
  knownDates,
  metricBars,
  percentOfPar,
  planWarnings,
  scoringTable,
  sortBacklog,
  startingPicture,
  typeShares,
  type PlanWarning,
} from '../../src/explain/advice.ts';
import {
  DEFAULT_CONSTANTS,
  backlogIds,
  compile,
  computeLenses,
  emptyPlan,
  loadScenario,
  orderBy,
  simulate,
  type Plan,
  type Scenario,
  type ScenarioInput,
} from '../../src/engine/index.ts';
import { scenarioFiles, shipped } from '../engine/helpers.ts';

/**
 * A four-quarter company: 20 points a quarter, 2 of them KTLO, 25 points of debt. SSO needs the
 * user model and has a Q2 deadline that Sales asked for; the migration stops a fee; the patch
 * closes a critical CVE.
 */
const company: ScenarioInput = {
  schemaVersion: 2,
  id: 'company',
  title: 'Company',
  brief: 'First paragraph.\n\nSecond paragraph.',
  industry: 'Test',
  difficulty: 2,
  minutes: 10,
  time: { labels: ['Q1', 'Q2', 'Q3', 'Q4'], slotsPerYear: 4 },
  team: { capacity: 20, ktlo: 2 },
  start: { arr: 1_000_000, csat: 70, debt: 25 },
  demand: { rho0: 0.6, growth: 0.05 },
  security: {
    sle: 500_000,
    vulnerabilities: [{ id: 'cve-1', title: 'Critical CVE in the parser', cvss: 9.8 }],
  },
  obligations: [{ id: 'soc2', title: 'SOC 2 report', deadlineSlot: 2 }],
  stakeholders: [
    {
      id: 'sales',
      name: 'Maya Lee',
      role: 'Head of Sales',
      influence: 2,
      asks: [{ item: 'sso', bySlot: 1, why: 'the big deal needs it' }],
    },
    { id: 'cto', name: 'Sam Ito', role: 'CTO', asks: [{ item: 'patch', bySlot: 0 }] },
  ],
  events: [
    {
      id: 'spike',
      kind: 'demandSpike',
      title: 'Holiday peak',
      slot: 3,
      branches: [
        { probability: 0.5, multiplier: 1.5 },
        { probability: 0.5, multiplier: 1 },
      ],
    },
  ],
  scoring: { weights: { revenue: 3, csat: 1, security: 1, stakeholders: 1 } },
  items: [
    { id: 'user-model', title: 'User model', type: 'debt', effort: 4, effects: { debtRemove: 6 } },
    {
      id: 'sso',
      title: 'Single sign-on',
      type: 'feature',
      effort: 6,
      estimate: [5, 10],
      dependsOn: ['user-model'],
      value: { arr: 400_000, confidence: 0.5, csat: 1 },
      urgency: { kind: 'deadline', slot: 1, lateFactor: 0.25, penalty: 50_000 },
    },
    {
      id: 'assistant',
      title: 'AI assistant',
      type: 'feature',
      effort: 12,
      value: { arr: 300_000, csat: 2, kano: 'delight' },
      urgency: { kind: 'decay', startSlot: 2, rate: 0.4 },
    },
    {
      id: 'migration',
      title: 'Database migration',
      type: 'scale',
      effort: 10,
      effects: {
        capacityAdd: 0.45,
        debtRemove: 15,
        incidentReduction: 0.15,
        fee: { label: 'Extended support', perSlot: 220_000, fromSlot: 1 },
      },
    },
    {
      id: 'patch',
      title: 'Patch the parser',
      type: 'security',
      effort: 2,
      effects: { closes: ['cve-1'] },
    },
    {
      id: 'waf',
      title: 'Firewall rules',
      type: 'security',
      effort: 3,
      effects: { postureReduction: 0.3 },
    },
    {
      id: 'logs',
      title: 'Audit logs',
      type: 'compliance',
      effort: 3,
      effects: { compliance: 'soc2' },
    },
    {
      id: 'sso-policy',
      title: 'Access policy',
      type: 'compliance',
      effort: 2,
      effects: { compliance: 'soc2' },
    },
    { id: 'billing', title: 'Usage billing', type: 'feature', effort: 5, effects: { debtAdd: 6 } },
    { id: 'later', title: 'Later thing', type: 'ops', effort: 2, notBefore: 2 },
    { id: 'huge', title: 'Huge rewrite', type: 'debt', effort: 90 },
  ],
};

function load(input: ScenarioInput): Scenario {
  const result = loadScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

const s = load(company);

const plan = (...slots: string[][]): Plan => ({
  slots: s.time.labels.map((_, i) => slots[i] ?? []),
});

function warningsFor(p: Plan, scenario: Scenario = s): PlanWarning[] {
  return planWarnings(scenario, p, simulate(scenario, p));
}

function item(scenario: Scenario, id: string) {
  const found = scenario.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

/** Debt drag as the model defines it (MODEL.md): capacity × D / (D + H). */
const dragOf = (capacity: number, debt: number) =>
  (capacity * debt) / (debt + DEFAULT_CONSTANTS.debtHalf);

describe('formatPoints', () => {
  it('keeps whole numbers whole and gives others one decimal', () => {
    expect([12, 13.333, 0.04, -0.04, 2.96].map(formatPoints)).toEqual([
      '12',
      '13.3',
      '0',
      '0',
      '3',
    ]);
  });
});

describe('columnForecasts', () => {
  it('reads capacity, drag, KTLO and the expected load placed in each slot', () => {
    const p = plan(['user-model', 'sso'], ['patch']);
    const [q1, q2] = columnForecasts(s, p, simulate(s, p));

    expect(q1).toMatchObject({ slot: 0, label: 'Q1', nominal: 20, ktlo: 2 });
    expect(q1?.dragLost).toBeCloseTo(dragOf(20, 25), 9);
    expect(q1?.effective).toBeCloseTo(20 - dragOf(20, 25) - 2, 9);
    // SSO's estimate is 5–10 around 6: expected effort is the triangular mean, 7.
    expect(q1?.items).toEqual([
      { id: 'user-model', effort: 4 },
      { id: 'sso', effort: 7 },
    ]);
    expect(q1?.placed).toBe(11);
    expect(q1?.queued).toBe(11);
    expect(q1?.overBy).toBe(0);
    expect(q1?.spare).toBeCloseTo((q1?.effective ?? 0) - 11, 9);
    expect(q2?.placed).toBe(2);
  });

  it('reports the points over capacity when a slot is over-committed', () => {
    const p = plan(['assistant', 'migration', 'sso', 'user-model']);
    const [q1] = columnForecasts(s, p, simulate(s, p));

    expect(q1?.queued).toBe(33);
    expect(q1?.overBy).toBeCloseTo(33 - (q1?.effective ?? 0), 9);
    expect(q1?.spare).toBe(0);
    expect(q1?.thrash).toBeGreaterThan(0);
  });

  it('counts unfinished work carried over from an earlier slot as queued, not placed', () => {
    const p = plan(['assistant', 'migration'], ['patch']);
    const [, q2] = columnForecasts(s, p, simulate(s, p));
    expect(q2?.placed).toBe(2);
    expect(q2?.queued).toBeGreaterThan(2);
  });
});

describe('typeShares', () => {
  it('splits placed effort by work type, per slot and overall', () => {
    const p = plan(['patch', 'user-model', 'billing'], ['migration']);
    const { perSlot, overall } = typeShares(s, p, simulate(s, p));

    const q1 = Object.fromEntries(perSlot[0]!.map((x) => [x.type, x.share]));
    expect(q1).toMatchObject({ security: 2 / 11, debt: 4 / 11, feature: 5 / 11, scale: 0 });
    expect(Object.fromEntries(overall.map((x) => [x.type, x.points]))).toMatchObject({
      security: 2,
      debt: 4,
      feature: 5,
      scale: 10,
    });
    expect(overall.reduce((sum, x) => sum + x.share, 0)).toBeCloseTo(1);
  });

  it('gives zero shares for an empty plan instead of dividing by zero', () => {
    const p = emptyPlan(s);
    const { perSlot, overall } = typeShares(s, p, simulate(s, p));
    expect([...perSlot.flat(), ...overall].every((x) => x.share === 0)).toBe(true);
  });
});

describe('planWarnings', () => {
  it('has nothing to say about an empty plan', () => {
    expect(warningsFor(emptyPlan(s))).toEqual([]);
  });

  it('warns about an over-committed slot, and about the slots its spill-over crowds', () => {
    const over = warningsFor(plan(['assistant', 'migration', 'huge'])).filter(
      (w) => w.kind === 'overcommit',
    );
    expect(over[0]?.slot).toBe(0);
    expect(over[0]?.message).toMatch(
      /^Q1 is over-committed: 112 points queued for [\d.]+ points of effective capacity; thrash costs about [\d.]+ points\.$/,
    );
    expect(over.length).toBeGreaterThan(1);
    for (const later of over.slice(1)) expect(later.message).toMatch(/carried over/);
  });

  it('warns when an item sits in an earlier slot than its prerequisite', () => {
    expect(warningsFor(plan(['sso'], ['user-model']))).toContainEqual({
      kind: 'dependencyOrder',
      slot: 0,
      itemId: 'sso',
      message: '“Single sign-on” is in Q1 but needs “User model”, planned for Q2.',
    });
  });

  it('warns when the prerequisite comes after it in the same slot, or is not planned', () => {
    expect(
      warningsFor(plan(['sso', 'user-model'])).find((w) => w.kind === 'dependencyOrder')?.message,
    ).toBe('“Single sign-on” needs “User model”, which comes after it in Q1.');
    expect(warningsFor(plan(['sso'])).find((w) => w.kind === 'dependencyMissing')?.message).toBe(
      '“Single sign-on” needs “User model”, which is not planned.',
    );
  });

  it('is quiet about a prerequisite that comes first', () => {
    expect(warningsFor(plan(['user-model', 'sso'])).filter((w) => w.itemId === 'sso')).toEqual([]);
  });

  it('flags a deadline and a stakeholder ask at risk when the forecast finishes late', () => {
    const warnings = warningsFor(plan([], [], ['patch'], ['user-model', 'sso']));

    const deadline = warnings.find((w) => w.kind === 'deadlineAtRisk');
    expect(deadline).toMatchObject({ slot: 3, itemId: 'sso' });
    expect(deadline?.message).toMatch(
      /^“Single sign-on” is due by the end of Q2 but forecast to finish (early|mid|late) Q4\.$/,
    );
    const asks = warnings.filter((w) => w.kind === 'askAtRisk');
    expect(asks.map((w) => w.itemId)).toEqual(['patch', 'sso']);
    expect(asks[0]?.message).toMatch(
      /^Sam Ito \(CTO\) wants “Patch the parser” by the end of Q1, but forecast to finish (early|mid|late) Q3\.$/,
    );
  });

  it('does not flag asks for items the plan leaves out (nothing was promised)', () => {
    expect(warningsFor(plan(['waf'])).filter((w) => w.kind === 'askAtRisk')).toEqual([]);
  });

  it('flags work placed before its not-before slot, and work that never finishes', () => {
    const warnings = warningsFor(plan(['later', 'huge']));
    expect(warnings.find((w) => w.kind === 'notBefore')?.message).toBe(
      '“Later thing” cannot start before Q3; it waits until then.',
    );
    expect(warnings.find((w) => w.kind === 'unfinished')).toMatchObject({
      itemId: 'huge',
      message: '“Huge rewrite” does not finish by the end of Q4.',
    });
  });

  it('flags an obligation whose parts are not all planned', () => {
    expect(warningsFor(plan(['logs']))).toContainEqual({
      kind: 'obligationAtRisk',
      slot: 0,
      message: '“SOC 2 report” is due by the end of Q3 but “Access policy” is not planned.',
    });
    expect(warningsFor(plan(['logs', 'sso-policy']))).toEqual([]);
  });

  it('orders warnings by slot', () => {
    const warnings = warningsFor(plan(['assistant', 'migration', 'huge'], [], [], ['sso']));
    const slots = warnings.map((w) => w.slot);
    expect(slots).toEqual([...slots].sort((a, b) => a - b));
    expect(warnings[0]?.kind).toBe('overcommit');
  });
});

describe('effectBadges and describeEffects', () => {
  it('names the key effects in planner words, most decisive first', () => {
    expect(effectBadges(s, item(s, 'migration')).map((b) => b.label)).toEqual([
      '+45% system capacity',
      '−15 debt',
      'stops $220k/quarter fee',
      '−15% incidents',
    ]);
  });

  it('says which vulnerability a patch closes, and how bad it is', () => {
    const [badge] = effectBadges(s, item(s, 'patch'));
    expect(badge).toMatchObject({ label: 'closes critical CVE', tone: 'good' });
    expect(badge?.detail).toBe('Closes Critical CVE in the parser (CVSS 9.8).');
  });

  it('shows expected ARR after confidence, and debt added as a cost', () => {
    expect(effectBadges(s, item(s, 'sso')).find((b) => b.key === 'arr')).toMatchObject({
      label: '+$200k ARR',
      detail:
        'Adds about $200k of annual recurring revenue when it ships ($400k at 50% confidence).',
    });
    expect(effectBadges(s, item(s, 'billing')).find((b) => b.key === 'debt-add')).toMatchObject({
      label: '+6 debt',
      tone: 'bad',
    });
  });

  it('explains penalties and delighters, and an item with no effect honestly', () => {
    expect(describeEffects(s, item(s, 'sso'))).toContain(
      'Missing its date costs a one-off $50k (a fine or penalty).',
    );
    expect(describeEffects(s, item(s, 'assistant'))).toContain(
      'A delighter: competitors may copy it, and its satisfaction bonus then fades.',
    );
    expect(describeEffects(s, item(s, 'later'))).toEqual([
      'No direct effect on revenue, satisfaction, debt or risk.',
    ]);
  });
});

describe('describeUrgency', () => {
  it('explains a fixed date with its value curve', () => {
    const u = describeUrgency(s, item(s, 'sso'));
    expect(u.title).toBe('Fixed date');
    expect(u.text).toBe(
      'Full value if done by the end of Q2; after that only 25% of it, and a one-off $50k penalty.',
    );
    expect(u.curve).toEqual([1, 1, 0.25, 0.25]);
  });

  it('explains decay from its start slot', () => {
    const u = describeUrgency(s, item(s, 'assistant'));
    expect(u.title).toBe('Decaying');
    expect(u.curve[0]).toBe(1);
    expect(u.curve[1]).toBe(1);
    expect(u.curve[2]).toBeCloseTo(0.6);
    expect(u.curve[3]).toBeCloseTo(0.36);
  });

  it('keeps full value for a standard item', () => {
    expect(describeUrgency(s, item(s, 'waf')).curve).toEqual([1, 1, 1, 1]);
  });
});

describe('itemFacts', () => {
  it('lists the deadline, the prerequisite and who asked', () => {
    const facts = itemFacts(s, item(s, 'sso'));
    expect(facts.dates.map((d) => d.label)).toEqual(['due end of Q2']);
    expect(facts.dependsOn).toEqual([{ id: 'user-model', title: 'User model' }]);
    expect(facts.asks).toEqual([
      {
        stakeholder: 'sales',
        name: 'Maya Lee',
        role: 'Head of Sales',
        bySlot: 1,
        why: 'the big deal needs it',
      },
    ]);
    expect(itemFacts(s, item(s, 'later')).dates.map((d) => d.label)).toEqual(['not before Q3']);
  });
});

describe('sortBacklog', () => {
  const ids = backlogIds(s, emptyPlan(s));

  it('keeps scenario order by default and sorts by effort with stable ties', () => {
    expect(sortBacklog(s, [...ids].reverse(), 'scenario')).toEqual(ids);
    expect(sortBacklog(s, ids, 'effort-asc')).toEqual([
      'patch',
      'sso-policy',
      'later',
      'waf',
      'logs',
      'user-model',
      'billing',
      'sso',
      'migration',
      'assistant',
      'huge',
    ]);
    expect(sortBacklog(s, ids, 'effort-desc').slice(0, 2)).toEqual(['huge', 'assistant']);
  });

  it('orders by a framework lens exactly as the engine ranks it', () => {
    const rows = computeLenses(compile(s));
    for (const lens of ['rice', 'ice', 'wsjf', 'cd3'] as const)
      expect(sortBacklog(s, ids, lens)).toEqual(orderBy(rows, lens));
  });

  it('sorts a subset (a filtered backlog) without adding anything', () => {
    expect(sortBacklog(s, ['waf', 'patch'], 'cd3').sort()).toEqual(['patch', 'waf']);
  });
});

describe('score helpers', () => {
  it('gives one bar per weighted metric, weight shares adding up to 1', () => {
    const bars = metricBars(simulate(s, emptyPlan(s)));
    expect(bars.map((b) => b.metric)).toEqual(['revenue', 'csat', 'security', 'stakeholders']);
    expect(bars.map((b) => b.weightShare)).toEqual([0.5, 1 / 6, 1 / 6, 1 / 6]);
    expect(bars.every((b) => b.value >= 0 && b.value <= 1)).toBe(true);
  });

  it('states a score as a percentage of par, and nothing without par', () => {
    expect(percentOfPar(45, 90)).toBe(50);
    expect(percentOfPar(95, 90)).toBeCloseTo(105.56, 2);
    expect(percentOfPar(45, null)).toBeNull();
    expect(percentOfPar(45, 0)).toBeNull();
  });

  it('lists the scoring weights the scenario declares, with their share', () => {
    expect(scoringTable(s).map((r) => [r.label, r.value, r.weightShare])).toEqual([
      ['Net value', 3, 0.5],
      ['Satisfaction', 1, 1 / 6],
      ['Security', 1, 1 / 6],
      ['Stakeholders', 1, 1 / 6],
    ]);
  });
});

describe('briefing facts', () => {
  it('gives the starting numbers with the drag debt causes', () => {
    const start = startingPicture(s);
    expect(start).toMatchObject({ arr: 1_000_000, csat: 70, debt: 25, utilization: 0.6 });
    expect(start.drag).toBeCloseTo(25 / (25 + DEFAULT_CONSTANTS.debtHalf));
    expect(start.dragPoints).toBeCloseTo(dragOf(20, 25));
    expect(start.slots[0]).toMatchObject({ label: 'Q1', capacity: 20, ktlo: 2 });
    expect(start.slots[0]?.effective).toBeCloseTo(20 - dragOf(20, 25) - 2);
  });

  it('lists every known date by slot', () => {
    expect(knownDates(s).map((d) => [d.label, d.kind, d.title])).toEqual([
      ['Q1', 'vulnerability', 'Critical CVE in the parser'],
      ['Q1', 'ask', 'Sam Ito wants “Patch the parser”'],
      ['Q2', 'fee', 'Extended support'],
      ['Q2', 'ask', 'Maya Lee wants “Single sign-on”'],
      ['Q2', 'deadline', 'Single sign-on'],
      ['Q3', 'decay', 'AI assistant'],
      ['Q3', 'obligation', 'SOC 2 report'],
      ['Q4', 'event', 'Holiday peak'],
    ]);
    expect(knownDates(s).at(-1)?.detail).toBe('Demand ×1.5 (50%) or ×1 (50%).');
  });
});

describe('describeMove', () => {
  it('speaks the move in domain words with position and capacity', () => {
    expect(describeMove(s, plan(['patch'], ['user-model', 'sso']), 'sso')).toMatch(
      /^Single sign-on moved to Q2, position 2 of 2; Q2 has [\d.]+ points? to spare$/,
    );
    expect(describeMove(s, plan([], ['assistant', 'migration', 'sso']), 'sso')).toMatch(
      /^Single sign-on moved to Q2, position 3 of 3; Q2 is [\d.]+ points? over capacity$/,
    );
    expect(describeMove(s, emptyPlan(s), 'sso')).toBe('Single sign-on moved to the backlog');
  });
});

/** Step 1 of docs/model.md, worked out from a scenario's team, constants and one slot's state. */
function effectiveFromInputs(scenario: Scenario, t: number, debt: number, lastIncidents: number) {
  const k = { ...DEFAULT_CONSTANTS, ...scenario.constants };
  const perSlot = (v: number | number[] | undefined) =>
    v === undefined ? undefined : typeof v === 'number' ? v : v.length === 1 ? v[0]! : v[t]!;
  const nominal = perSlot(scenario.team.capacity)!;
  const ktlo = perSlot(scenario.team.ktlo) ?? nominal * k.ktloShare;
  const drag = debt / (debt + k.debtHalf);
  const raw = nominal * (1 - drag) - ktlo - lastIncidents * k.firefightingPerIncident;
  return { nominal, raw, effective: Math.max(0, raw) };
}

describe('on every shipped scenario', () => {
  for (const file of scenarioFiles()) {
    const name = file.replace(/\.json$/, '');
    it(`${name}: advice is consistent with the simulation for a busy plan`, () => {
      const scenario = shipped(name);
      // Every visible item, round-robin over the slots: over-committed on purpose.
      const ids = backlogIds(scenario, emptyPlan(scenario));
      const p: Plan = { slots: scenario.time.labels.map(() => []) };
      ids.forEach((id, i) => p.slots[i % p.slots.length]!.push(id));
      const outcome = simulate(scenario, p);

      const columns = columnForecasts(scenario, p, outcome);
      columns.forEach((c, t) => {
        // Step 1 of the model from the scenario's own inputs: nominal capacity less debt drag
        // (at the debt the slot starts with), KTLO and firefighting after the last slot's
        // incidents. The column must show that, not just repeat a trace field.
        const want = effectiveFromInputs(
          scenario,
          t,
          outcome.slots[t]!.debtStart,
          outcome.slots[t - 1]?.incidents ?? 0,
        );
        expect(c.nominal).toBeCloseTo(want.nominal, 9);
        expect(c.effective).toBeCloseTo(want.effective, 9);
        expect(c.nominal - c.dragLost - c.ktlo - c.firefighting).toBeCloseTo(
          Math.max(0, want.raw),
          9,
        );
        // Over capacity by what is queued beyond that; the first slot queues what is placed in it,
        // less what may not start before a later slot (it waits).
        if (t === 0) {
          const waiting = p.slots[0]!.flatMap((id) => {
            const item = scenario.items.find((i) => i.id === id)!;
            const [low, high] = item.estimate ?? [item.effort, item.effort];
            return item.notBefore > 0 ? [(low + item.effort + high) / 3] : [];
          });
          expect(c.queued).toBeCloseTo(c.placed - waiting.reduce((a, b) => a + b, 0), 9);
        }
        expect(c.overBy).toBeCloseTo(Math.max(0, c.queued - want.effective), 9);
        expect(c.overBy > 0).toBe(outcome.slots[t]!.overcommit > 1e-3);
      });
      const warnings = planWarnings(scenario, p, outcome);
      expect(warnings.every((w) => w.message.length > 0 && w.slot >= 0)).toBe(true);
      const { overall } = typeShares(scenario, p, outcome);
      expect(overall.reduce((sum, x) => sum + x.share, 0)).toBeCloseTo(1);
      expect(knownDates(scenario).every((d) => d.label !== '')).toBe(true);
      for (const it of scenario.items) expect(() => describeEffects(scenario, it)).not.toThrow();
    });
  }
});
