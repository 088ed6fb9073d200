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
} from '../../src/engine/advice.ts';
import {
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
import { shipped } from './helpers.ts';

const big = shipped('big-customer');
const tutorial = shipped('tutorial');

const plan = (...slots: string[][]): Plan => ({ slots });

function padded(scenario: Scenario, ...slots: string[][]): Plan {
  return { slots: scenario.time.labels.map((_, s) => slots[s] ?? []) };
}

function warningsFor(scenario: Scenario, p: Plan): PlanWarning[] {
  return planWarnings(scenario, p, simulate(scenario, p));
}

function item(scenario: Scenario, id: string) {
  const found = scenario.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

/** A small hand-made scenario for mechanisms the shipped ones do not have. */
function tiny(extra: Partial<ScenarioInput>, items: ScenarioInput['items']): Scenario {
  const result = loadScenario({
    schemaVersion: 1,
    id: 'tiny',
    title: 'Tiny',
    brief: '',
    industry: 'Test',
    difficulty: 1,
    minutes: 1,
    time: { labels: ['S1', 'S2', 'S3'], slotsPerYear: 4 },
    team: { capacity: 10, ktlo: 0 },
    start: { arr: 1_000_000, csat: 70, debt: 0 },
    scoring: { weights: { revenue: 1 } },
    items,
    ...extra,
  } satisfies ScenarioInput);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

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
  it('reads capacity, drag, KTLO and load from the simulation trace', () => {
    const p = padded(big, ['user-model', 'sso'], ['patch-pdf']);
    const outcome = simulate(big, p);
    const [q1, q2] = columnForecasts(big, p, outcome);

    expect(q1?.label).toBe('Q1');
    expect(q1?.nominal).toBe(40);
    expect(q1?.ktlo).toBe(4);
    // 45 debt against a half-point of 100: 31% of capacity lost to drag.
    expect(q1?.dragLost).toBeCloseTo((40 * 45) / 145, 6);
    expect(q1?.effective).toBeCloseTo(40 - (40 * 45) / 145 - 4, 6);
    // SSO's estimate is 10–18 around 12: the expected effort is the triangular mean.
    expect(q1?.items).toEqual([
      { id: 'user-model', effort: 5 },
      { id: 'sso', effort: (10 + 12 + 18) / 3 },
    ]);
    expect(q1?.placed).toBeCloseTo(5 + 40 / 3, 6);
    expect(q1?.overBy).toBe(0);
    expect(q1?.spare).toBeCloseTo((q1?.effective ?? 0) - (q1?.placed ?? 0), 6);
    expect(q2?.placed).toBe(3);
  });

  it('reports the points over capacity when a slot is over-committed', () => {
    const p = padded(big, ['ai-assistant', 'db-migration', 'sso', 'user-model']);
    const [q1] = columnForecasts(big, p, simulate(big, p));

    expect(q1?.overBy).toBeGreaterThan(20);
    expect(q1?.overBy).toBeCloseTo((q1?.queued ?? 0) - (q1?.effective ?? 0), 6);
    expect(q1?.spare).toBe(0);
    expect(q1?.thrash).toBeGreaterThan(0);
  });

  it('counts unfinished work carried over from an earlier slot as queued, not placed', () => {
    const p = padded(big, ['ai-assistant', 'db-migration'], ['patch-pdf']);
    const [, q2] = columnForecasts(big, p, simulate(big, p));

    expect(q2?.placed).toBe(3);
    expect(q2?.queued).toBeGreaterThan(3);
  });
});

describe('typeShares', () => {
  it('splits placed effort by work type, per slot and overall', () => {
    const p = padded(tutorial, ['patch-login', 'test-suite', 'csv-export'], ['read-replica']);
    const { perSlot, overall } = typeShares(tutorial, p, simulate(tutorial, p));

    const q1 = Object.fromEntries(perSlot[0]!.map((s) => [s.type, s.share]));
    expect(q1.security).toBeCloseTo(3 / 14);
    expect(q1.debt).toBeCloseTo(6 / 14);
    expect(q1.feature).toBeCloseTo(5 / 14);
    expect(q1.scale).toBe(0);
    const all = Object.fromEntries(overall.map((s) => [s.type, s.points]));
    expect(all).toMatchObject({ security: 3, debt: 6, feature: 5, scale: 7 });
    expect(overall.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1);
  });

  it('gives zero shares for an empty plan instead of dividing by zero', () => {
    const p = emptyPlan(tutorial);
    const { perSlot, overall } = typeShares(tutorial, p, simulate(tutorial, p));
    expect(perSlot.flat().every((s) => s.share === 0)).toBe(true);
    expect(overall.every((s) => s.share === 0 && s.points === 0)).toBe(true);
  });
});

describe('planWarnings', () => {
  it('has nothing to say about an empty plan', () => {
    expect(warningsFor(big, emptyPlan(big))).toEqual([]);
  });

  it('warns about an over-committed slot, naming it and the points', () => {
    const p = padded(big, ['ai-assistant', 'db-migration', 'usage-billing']);
    const over = warningsFor(big, p).filter((w) => w.kind === 'overcommit');

    expect(over[0]?.slot).toBe(0);
    expect(over[0]?.message).toMatch(
      /^Q1 is over-committed: [\d.]+ points queued for [\d.]+ points/,
    );
    // The unfinished work spills into the next slots, which say where their load comes from.
    expect(over.length).toBeGreaterThan(1);
    for (const later of over.slice(1)) expect(later.message).toMatch(/carried over/);
  });

  it('warns when an item sits in an earlier slot than its prerequisite', () => {
    const warnings = warningsFor(big, padded(big, ['sso'], ['user-model']));
    expect(warnings).toContainEqual({
      kind: 'dependencyOrder',
      slot: 0,
      itemId: 'sso',
      message:
        '“SAML single sign-on” is in Q1 but needs “Unify the user and identity model”, planned for Q2.',
    });
  });

  it('warns when the prerequisite comes after it in the same slot, or is not planned', () => {
    const sameSlot = warningsFor(big, padded(big, ['sso', 'user-model']));
    expect(sameSlot.find((w) => w.kind === 'dependencyOrder')?.message).toBe(
      '“SAML single sign-on” needs “Unify the user and identity model”, which comes after it in Q1.',
    );
    const missing = warningsFor(big, padded(big, ['sso']));
    expect(missing.find((w) => w.kind === 'dependencyMissing')?.message).toBe(
      '“SAML single sign-on” needs “Unify the user and identity model”, which is not planned.',
    );
  });

  it('is quiet about a prerequisite that comes first', () => {
    const warnings = warningsFor(big, padded(big, ['user-model', 'sso']));
    expect(warnings.filter((w) => w.itemId === 'sso')).toEqual([]);
  });

  it('flags a deadline and a stakeholder ask at risk when the forecast finishes late', () => {
    const warnings = warningsFor(big, padded(big, [], [], ['patch-pdf'], ['user-model', 'sso']));

    const deadline = warnings.find((w) => w.kind === 'deadlineAtRisk');
    expect(deadline).toMatchObject({ slot: 3, itemId: 'sso' });
    expect(deadline?.message).toMatch(
      /^“SAML single sign-on” is due by the end of Q2 but forecast to finish (early|mid|late) Q4\.$/,
    );
    const asks = warnings.filter((w) => w.kind === 'askAtRisk').map((w) => w.itemId);
    expect(asks).toEqual(['patch-pdf', 'sso']);
    expect(warnings.find((w) => w.itemId === 'patch-pdf')?.message).toMatch(
      /^Grace Okafor \(CISO\) wants “Patch the PDF library CVE|^Grace Okafor \(CISO\) wants “/,
    );
  });

  it('does not flag asks for items the plan leaves out (nothing was promised)', () => {
    const warnings = warningsFor(big, padded(big, ['patch-pdf']));
    expect(warnings.filter((w) => w.kind === 'askAtRisk')).toEqual([]);
  });

  it('flags work placed before its not-before slot, and work that never finishes', () => {
    const s = tiny({}, [
      { id: 'a', title: 'Alpha', type: 'feature', effort: 4, notBefore: 1 },
      { id: 'b', title: 'Big', type: 'feature', effort: 100 },
    ]);
    const warnings = warningsFor(s, plan(['a', 'b'], [], []));

    expect(warnings.find((w) => w.kind === 'notBefore')?.message).toBe(
      '“Alpha” cannot start before S2; it waits until then.',
    );
    expect(warnings.find((w) => w.kind === 'unfinished')).toMatchObject({
      itemId: 'b',
      message: '“Big” does not finish by the end of S3.',
    });
  });

  it('flags an obligation whose parts are not all planned', () => {
    const s = tiny({ obligations: [{ id: 'soc2', title: 'SOC 2 report', deadlineSlot: 1 }] }, [
      {
        id: 'logs',
        title: 'Audit logs',
        type: 'compliance',
        effort: 3,
        effects: { compliance: 'soc2' },
      },
      { id: 'sso', title: 'SSO', type: 'compliance', effort: 3, effects: { compliance: 'soc2' } },
    ]);
    const warnings = warningsFor(s, plan(['logs'], [], []));
    expect(warnings).toContainEqual({
      kind: 'obligationAtRisk',
      slot: 0,
      message: '“SOC 2 report” is due by the end of S2 but “SSO” is not planned.',
    });
    expect(warningsFor(s, plan(['logs', 'sso'], [], []))).toEqual([]);
  });

  it('orders warnings by slot', () => {
    const warnings = warningsFor(
      big,
      padded(big, ['ai-assistant', 'db-migration', 'usage-billing'], [], [], ['sso']),
    );
    const slots = warnings.map((w) => w.slot);
    expect(slots).toEqual([...slots].sort((a, b) => a - b));
    expect(warnings[0]?.kind).toBe('overcommit');
  });
});

describe('effectBadges and describeEffects', () => {
  it('names the key effects of the database migration in planner words', () => {
    expect(effectBadges(big, item(big, 'db-migration')).map((b) => b.label)).toEqual([
      '+45% system capacity',
      '−15 debt',
      'stops $220k/quarter fee',
      '−15% incidents',
      '+1 CSAT',
    ]);
  });

  it('says which vulnerability a patch closes, and how bad it is', () => {
    const [badge] = effectBadges(big, item(big, 'patch-pdf'));
    expect(badge).toMatchObject({ label: 'closes critical CVE', tone: 'good' });
    expect(badge?.detail).toBe('Closes Critical CVE in the PDF rendering library (CVSS 9.1).');
  });

  it('shows expected ARR after confidence, and debt a feature adds as a cost', () => {
    const sso = effectBadges(big, item(big, 'sso'));
    expect(sso.find((b) => b.key === 'arr')?.label).toBe('+$1.08M ARR');
    const billing = effectBadges(big, item(big, 'usage-billing'));
    expect(billing.find((b) => b.key === 'debt-add')).toMatchObject({
      label: '+6 debt',
      tone: 'bad',
    });
  });

  it('describes an item with no effect honestly', () => {
    const s = tiny({}, [{ id: 'a', title: 'A', type: 'ops', effort: 1 }]);
    expect(describeEffects(s, item(s, 'a'))).toEqual([
      'No direct effect on revenue, satisfaction, debt or risk.',
    ]);
  });
});

describe('describeUrgency', () => {
  it('explains a fixed date with its value curve', () => {
    const u = describeUrgency(big, item(big, 'sso'));
    expect(u.title).toBe('Fixed date');
    expect(u.text).toBe('Full value if done by the end of Q2; after that only 25% of it.');
    expect(u.curve).toEqual([1, 1, 0.25, 0.25]);
  });

  it('explains decay from its start slot', () => {
    const u = describeUrgency(big, item(big, 'ai-assistant'));
    expect(u.title).toBe('Decaying');
    expect(u.curve[0]).toBe(1);
    expect(u.curve[1]).toBe(1);
    expect(u.curve[2]).toBeCloseTo(0.65);
    expect(u.curve[3]).toBeCloseTo(0.65 * 0.65);
  });

  it('keeps full value for a standard item', () => {
    expect(describeUrgency(big, item(big, 'bulk-edit')).curve).toEqual([1, 1, 1, 1]);
  });
});

describe('itemFacts', () => {
  it('lists the deadline, the prerequisite and who asked for SSO', () => {
    const facts = itemFacts(big, item(big, 'sso'));
    expect(facts.dates.map((d) => d.label)).toEqual(['due end of Q2']);
    expect(facts.dependsOn).toEqual([
      { id: 'user-model', title: 'Unify the user and identity model' },
    ]);
    expect(facts.asks).toEqual([
      {
        stakeholder: 'vp-sales',
        name: 'Priya Shah',
        role: 'VP Sales',
        bySlot: 1,
        why: 'Northwind signs only with SSO',
      },
    ]);
  });
});

describe('sortBacklog', () => {
  const ids = backlogIds(big, emptyPlan(big));

  it('keeps scenario order by default and sorts by effort with stable ties', () => {
    expect(sortBacklog(big, [...ids].reverse(), 'scenario')).toEqual(ids);
    const ascending = sortBacklog(big, ids, 'effort-asc').map((id) => item(big, id).effort);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(sortBacklog(big, ids, 'effort-asc')[0]).toBe('patch-pdf');
    expect(sortBacklog(big, ids, 'effort-desc')[0]).toBe('ai-assistant');
  });

  it('orders by a framework lens exactly as the engine ranks it', () => {
    const rows = computeLenses(compile(big));
    for (const lens of ['rice', 'ice', 'wsjf', 'cd3'] as const) {
      expect(sortBacklog(big, ids, lens)).toEqual(orderBy(rows, lens));
    }
  });
});

describe('score helpers', () => {
  it('gives one bar per weighted metric, weight shares adding up to 1', () => {
    const bars = metricBars(simulate(tutorial, emptyPlan(tutorial)));
    expect(bars.map((b) => b.metric)).toEqual([
      'revenue',
      'csat',
      'capacityHealth',
      'reliability',
      'security',
      'stakeholders',
    ]);
    expect(bars.reduce((sum, b) => sum + b.weightShare, 0)).toBeCloseTo(1);
    expect(bars.every((b) => b.value >= 0 && b.value <= 1)).toBe(true);
  });

  it('states a score as a percentage of par, and nothing without par', () => {
    expect(percentOfPar(45, 90)).toBe(50);
    expect(percentOfPar(95, 90)).toBeCloseTo(105.56, 2);
    expect(percentOfPar(45, null)).toBeNull();
    expect(percentOfPar(45, 0)).toBeNull();
  });

  it('lists the scoring weights the scenario declares', () => {
    const table = scoringTable(big);
    expect(table.find((r) => r.metric === 'revenue')).toMatchObject({
      label: 'Revenue',
      value: 3,
      weightShare: 3 / 8.5,
    });
    expect(table.some((r) => r.metric === 'compliance')).toBe(false);
  });
});

describe('briefing facts', () => {
  it('gives the starting numbers with the drag debt causes', () => {
    const start = startingPicture(tutorial);
    expect(start).toMatchObject({ arr: 2_000_000, csat: 70, debt: 25, utilization: 0.7 });
    expect(start.drag).toBeCloseTo(25 / 125);
    expect(start.dragPoints).toBeCloseTo((22 * 25) / 125);
    expect(start.slots[0]).toMatchObject({ label: 'Q1', capacity: 22, ktlo: 2 });
    expect(start.slots[0]?.effective).toBeCloseTo(22 - (22 * 25) / 125 - 2);
  });

  it('lists known dates by slot: the public CVE, the fee, asks and the SSO deadline', () => {
    const dates = knownDates(big);
    const slots = dates.map((d) => d.slot);
    expect(slots).toEqual([...slots].sort((a, b) => a - b));
    expect(dates[0]).toMatchObject({ slot: 0, kind: 'vulnerability' });
    expect(dates).toContainEqual(
      expect.objectContaining({ kind: 'fee', slot: 1, title: 'Extended database support' }),
    );
    expect(dates).toContainEqual(
      expect.objectContaining({
        kind: 'deadline',
        slot: 1,
        label: 'Q2',
        title: 'SAML single sign-on',
      }),
    );
    expect(dates.filter((d) => d.kind === 'ask')).toHaveLength(8);
  });
});

describe('describeMove', () => {
  it('speaks the move in domain words with position and capacity', () => {
    const p = padded(big, ['patch-pdf'], ['user-model', 'sso']);
    expect(describeMove(big, p, 'sso')).toMatch(
      /^SAML single sign-on moved to Q2, position 2 of 2; Q2 has [\d.]+ points to spare$/,
    );
    const over = padded(big, [], ['ai-assistant', 'db-migration', 'sso']);
    expect(describeMove(big, over, 'sso')).toMatch(
      /^SAML single sign-on moved to Q2, position 3 of 3; Q2 is [\d.]+ points over capacity$/,
    );
    expect(describeMove(big, emptyPlan(big), 'sso')).toBe(
      'SAML single sign-on moved to the backlog',
    );
  });
});
