/**
 * Every refusal and warning of the scenario loader (load.ts), pinned by its exact field and
 * sentence: the size and JSON checks of `parseJsonText`, the shape checks of `loadScenario`,
 * the cycle search of `findCycle`, and each cross-reference check of `checkReferences`.
 *
 * The expected sentences are the wording load.ts promises, written out here. Most cases edit a
 * small, fully wired "world" (every kind of reference present once) after it has loaded, so each
 * edit breaks exactly one check and the whole list of issues can be compared: an extra or a
 * missing issue fails as surely as a wrong word.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  loadScenario,
  parseJsonText,
  scenarioSchema,
  type Issue,
  type Scenario,
  type ScenarioEvent,
  type ScenarioInput,
} from '../../src/engine/index.ts';
import { checkReferences, findCycle } from '../../src/engine/load.ts';
import { edited } from './helpers.ts';
import { item, quarters } from './mechanics/build.ts';

/**
 * A four-quarter world (Q1–Q4) where every cross-reference is used once and is valid:
 *
 * items: 0 sso (estimate, deadline), 1 audit-log (depends on sso, not before Q2, satisfies
 * soc2), 2 patch-tls (closes cve-tls), 3 billing-migration (decaying, stops a vendor fee),
 * 4 hotfix (injected by the zero-day event, closes cve-zero), 5 replica (mitigates the outage),
 * 6 dark-mode (copied by a competitor).
 */
function buildWorld(): Scenario {
  // Validated by the schema alone, so a bug in checkReferences fails the tests below, not this.
  const input: ScenarioInput = {
    schemaVersion: 2,
    id: 'world',
    title: 'A fully wired world',
    brief: '',
    industry: 'B2B SaaS',
    difficulty: 1,
    minutes: 5,
    time: { labels: quarters(4), slotsPerYear: 4 },
    team: { capacity: 10, ktlo: 1 },
    start: { arr: 1_000_000, csat: 70, debt: 10 },
    demand: { rho0: 0.5, seasonality: [1, 1, 1, 1.2] },
    security: {
      sle: 500_000,
      vulnerabilities: [
        { id: 'cve-tls', title: 'Weak TLS ciphers', cvss: 5.3, disclosedSlot: 1 },
        { id: 'cve-zero', title: 'Zero-day in the upload parser', cvss: 9.1 },
      ],
    },
    obligations: [{ id: 'soc2', title: 'SOC 2 report', deadlineSlot: 3 }],
    deals: [
      {
        id: 'bank',
        title: 'Bank waiting for SOC 2',
        arr: 300_000,
        obligation: 'soc2',
        fromSlot: 2,
      },
    ],
    stakeholders: [
      { id: 'sales', name: 'Maya', role: 'Head of Sales', asks: [{ item: 'sso', bySlot: 1 }] },
    ],
    events: [
      {
        id: 'zero-day',
        title: 'Zero-day disclosed',
        kind: 'injectItem',
        slot: 2,
        probability: 0.5,
        item: 'hotfix',
        opens: 'cve-zero',
        prepared: { items: ['patch-tls'], effortFactor: 0.5 },
      },
      {
        id: 'launch',
        title: 'Launch traffic',
        kind: 'demandSpike',
        slot: 1,
        branches: [
          { probability: 0.25, multiplier: 2 },
          { probability: 0.75, multiplier: 1 },
        ],
      },
      {
        id: 'copycat',
        title: 'A competitor copies dark mode',
        kind: 'competitorCopy',
        slot: 2,
        probability: 0.5,
        item: 'dark-mode',
        decay: 0.2,
      },
      {
        id: 'outage',
        title: 'Cascading outage',
        kind: 'cascade',
        fromSlot: 1,
        probability: 0.1,
        loss: 50_000,
        mitigations: [{ item: 'replica', reduction: 0.5 }],
      },
    ],
    lessons: [
      {
        id: 'sso-or-replica',
        text: 'SSO was late or the replica was left out.',
        when: {
          kind: 'any',
          of: [
            { kind: 'itemLate', item: 'sso', slot: 2 },
            { kind: 'itemOmitted', item: 'replica' },
          ],
        },
      },
      {
        id: 'audit-missed',
        text: 'The SOC 2 report was late.',
        when: { kind: 'obligationMissed', obligation: 'soc2' },
      },
      {
        id: 'polish-over-audit',
        text: 'Dark mode shipped while the audit slipped.',
        when: {
          kind: 'all',
          of: [
            { kind: 'itemDoneBy', item: 'dark-mode', slot: 3 },
            { kind: 'any', of: [{ kind: 'obligationMissed', obligation: 'soc2' }] },
          ],
        },
      },
      {
        id: 'overloaded',
        text: 'The team ran above capacity.',
        when: { kind: 'maxUtilizationAbove', value: 1 },
      },
    ],
    scoring: {
      weights: { revenue: 2, csat: 1 },
      anchors: {
        revenue: { floor: 1_000_000, best: 1_400_000 },
        reliability: { floor: -800, best: -150 },
      },
    },
    par: {
      plan: { slots: [['sso', 'patch-tls'], ['audit-log'], [], []] },
      score: 50,
      engineVersion: '0.0.0',
      weightsKey: 'revenue=2,csat=1',
    },
    items: [
      item('sso', 5, { estimate: [3, 8], urgency: { kind: 'deadline', slot: 2 } }),
      item('audit-log', 4, {
        type: 'compliance',
        dependsOn: ['sso'],
        notBefore: 1,
        effects: { compliance: 'soc2' },
      }),
      item('patch-tls', 2, { type: 'security', effects: { closes: ['cve-tls'] } }),
      item('billing-migration', 6, {
        type: 'ops',
        urgency: { kind: 'decay', startSlot: 1, rate: 0.1 },
        effects: { fee: { label: 'Legacy billing vendor', perSlot: 20_000, fromSlot: 1 } },
      }),
      item('hotfix', 3, { type: 'security', injected: true, effects: { closes: ['cve-zero'] } }),
      item('replica', 5, { type: 'scale' }),
      item('dark-mode', 3, { value: { csat: 2, kano: 'delight' } }),
    ],
  };
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success)
    throw new Error(`the world does not fit the schema: ${parsed.error.message}`);
  return parsed.data;
}

const WORLD = buildWorld();

/** The world's checks after `edit` (a fresh copy each time). */
function checkedAfter(edit: (s: Scenario) => void) {
  const s = structuredClone(WORLD);
  edit(s);
  return checkReferences(s);
}

/** The world's checks must give exactly these errors, and no warning. */
function expectErrors(edit: (s: Scenario) => void, errors: Issue[]) {
  expect(checkedAfter(edit)).toEqual({ errors, warnings: [] });
}

const CLEAN = { errors: [], warnings: [] };

function itemOf(s: Scenario, id: string) {
  const found = s.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

function eventOf<K extends ScenarioEvent['kind']>(s: Scenario, kind: K) {
  const found = s.events.find((e): e is Extract<ScenarioEvent, { kind: K }> => e.kind === kind);
  if (!found) throw new Error(`no ${kind} event`);
  return found;
}

function issuesOf(input: unknown): Issue[] {
  const result = loadScenario(input);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.issues;
}

describe('parseJsonText', () => {
  afterEach(() => vi.restoreAllMocks());

  it('accepts text of exactly the limit and refuses one character more, before parsing', () => {
    const limit = 1_000_000;
    expect(parseJsonText(`${' '.repeat(limit - 1)}7`, limit, 'plan file')).toEqual({
      ok: true,
      value: 7,
    });
    expect(parseJsonText(`${' '.repeat(limit)}7`, limit, 'plan file')).toEqual({
      ok: false,
      issues: [{ path: '(file)', message: 'is too large (1.0 MB); a plan file is at most 1.0 MB' }],
    });
  });

  it('gives the size of the text and the limit in MB, and what the file is', () => {
    expect(parseJsonText('x'.repeat(2_500_000), 1_200_000, 'scenario file')).toEqual({
      ok: false,
      issues: [
        {
          path: '(file)',
          message: 'is too large (2.5 MB); a scenario file is at most 1.2 MB',
        },
      ],
    });
  });

  it('says the text is not JSON, with the parser’s own reason', () => {
    const text = '{"schemaVersion": 1,';
    let detail = '';
    try {
      JSON.parse(text);
    } catch (error) {
      detail = (error as Error).message;
    }
    expect(detail).not.toBe('');
    const result = parseJsonText(text, 100, 'scenario file');
    expect(result).toEqual({
      ok: false,
      issues: [{ path: '(file)', message: `is not valid JSON (${detail})` }],
    });
    expect(!result.ok && result.issues[0]!.message.startsWith('is not valid JSON (')).toBe(true);
  });

  it('says "unreadable" when the parser throws something that is not an Error', () => {
    // JSON.parse only ever throws a SyntaxError; this fallback is reached only with a stand-in.
    vi.spyOn(JSON, 'parse').mockImplementation(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case under test
      throw 'not an error';
    });
    expect(parseJsonText('{}', 100, 'scenario file')).toEqual({
      ok: false,
      issues: [{ path: '(file)', message: 'is not valid JSON (unreadable)' }],
    });
  });
});

describe('loadScenario: what is not a scenario at all', () => {
  const notAnObject = [{ path: '(file)', message: 'must be a JSON object (a scenario)' }];

  it.each([
    ['null', null],
    ['a number', 42],
    ['text that parses to a list', '[1, 2, 3]'],
    ['text that parses to a string', '"a scenario"'],
    ['text that parses to null', 'null'],
    ['a list', []],
  ])('refuses %s as not a JSON object', (_name, input) => {
    expect(loadScenario(input)).toEqual({ ok: false, issues: notAnObject });
  });
});

describe('loadScenario: size limits and unreadable input', () => {
  it('refuses text over 2 MB with the scenario file’s limit', () => {
    expect(loadScenario(' '.repeat(2_000_001))).toEqual({
      ok: false,
      issues: [
        { path: '(file)', message: 'is too large (2.0 MB); a scenario file is at most 2.0 MB' },
      ],
    });
  });

  const withItems = (count: number) =>
    edited('tutorial', (s) => {
      s.items = Array.from({ length: count }, (_, i) => ({ ...s.items[0], id: `item-${i}` }));
    });

  // The item limit is 150 (a team's backlog over a year of sprints): 20 times it is 3,000.
  it('refuses more than 20 times the item limit before validating each item', () => {
    expect(issuesOf(withItems(3001))).toEqual([
      { path: 'items', message: 'has 3001 entries; a scenario has at most 150' },
    ]);
  });

  it('leaves exactly 20 times the item limit to the schema', () => {
    const issues = issuesOf(withItems(3000));
    expect(issues).toContainEqual({ path: 'items', message: 'must have at most 150 entries' });
    expect(issues.map((i) => i.message)).not.toContain(
      'has 3000 entries; a scenario has at most 150',
    );
  });

  it('does not count the characters of items that are not a list', () => {
    const issues = issuesOf(edited('tutorial', (s) => (s.items = 'x'.repeat(3001))));
    expect(issues.map((i) => i.message)).not.toContain(
      'has 3001 entries; a scenario has at most 150',
    );
  });

  it('reports a file that throws while being read, with the reason', () => {
    const throwing = (thrown: unknown) =>
      Object.defineProperty({}, 'schemaVersion', {
        enumerable: true,
        get() {
          throw thrown;
        },
      });
    expect(loadScenario(throwing(new Error('disk on fire')))).toEqual({
      ok: false,
      issues: [{ path: '(file)', message: 'could not be read (disk on fire)' }],
    });
    expect(loadScenario(throwing('gone'))).toEqual({
      ok: false,
      issues: [{ path: '(file)', message: 'could not be read (gone)' }],
    });
  });
});

describe('loadScenario: cross-reference errors and warnings on shipped scenarios', () => {
  it('returns the cross-reference errors as the issues, in full', () => {
    expect(loadScenario(edited('tutorial', (s) => (s.stakeholders[2].asks[0].bySlot = 2)))).toEqual(
      {
        ok: false,
        issues: [
          {
            path: 'stakeholders[2].asks[0].bySlot',
            message: 'wanted-by slot 2 is past the horizon (slots are 0–1, last is Q2)',
          },
        ],
      },
    );
  });

  it('names the last slot by its label, spaces and all', () => {
    expect(issuesOf(edited('audit-year', (s) => (s.deals[1].fromSlot = 6)))).toEqual([
      {
        path: 'deals[1].fromSlot',
        message: 'deal slot 6 is past the horizon (slots are 0–5, last is Y2 Q2)',
      },
    ]);
    expect(issuesOf(edited('platform-sprints', (s) => (s.team.capacity = [20, 16])))).toEqual([
      { path: 'team.capacity', message: 'has 2 values but the scenario has 6 slots' },
    ]);
  });
});

describe('findCycle', () => {
  const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

  it('finds no cycle in a chain', () => {
    expect(findCycle(graph({ a: ['b'], b: ['c'], c: [] }))).toBeNull();
  });

  it('returns a three-item cycle in visiting order, the first item repeated at the end', () => {
    expect(findCycle(graph({ a: ['b'], b: ['c'], c: ['a'] }))).toEqual(['a', 'b', 'c', 'a']);
  });

  it('skips a dependency on an id it does not know', () => {
    expect(findCycle(graph({ a: ['ghost', 'b'], b: ['ghost'] }))).toBeNull();
    expect(findCycle(graph({ a: ['ghost', 'b'], b: ['a'] }))).toEqual(['a', 'b', 'a']);
  });

  it('does not take a diamond (two paths to the same item) for a cycle', () => {
    expect(findCycle(graph({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toBeNull();
  });

  it('returns only the cycle when it is reached from an item outside it', () => {
    expect(findCycle(graph({ start: ['x'], x: ['y'], y: ['z'], z: ['x'] }))).toEqual([
      'x',
      'y',
      'z',
      'x',
    ]);
  });

  it('finds a cycle that only a later item leads into', () => {
    expect(findCycle(graph({ a: [], b: ['c'], c: ['b'] }))).toEqual(['b', 'c', 'b']);
  });

  it('finds an item that depends on itself', () => {
    expect(findCycle(graph({ a: ['a'] }))).toEqual(['a', 'a']);
  });
});

describe('checkReferences', () => {
  it('finds nothing wrong in the fully wired world', () => {
    expect(checkReferences(structuredClone(WORLD))).toEqual(CLEAN);
    expect(loadScenario(structuredClone(WORLD))).toEqual({
      ok: true,
      scenario: WORLD,
      warnings: [],
    });
  });

  describe('ids used twice', () => {
    it.each<[string, string, string, (s: Scenario) => void]>([
      ['items', 'items', 'dark-mode', (s) => s.items.push({ ...itemOf(s, 'dark-mode') })],
      [
        'vulnerabilities',
        'security.vulnerabilities',
        'cve-tls',
        (s) => s.security!.vulnerabilities.push({ ...s.security!.vulnerabilities[0]! }),
      ],
      ['obligations', 'obligations', 'soc2', (s) => s.obligations.push({ ...s.obligations[0]! })],
      ['deals', 'deals', 'bank', (s) => s.deals.push({ ...s.deals[0]! })],
      ['stakeholders', 'stakeholders', 'sales', (s) => s.stakeholders.push(s.stakeholders[0]!)],
      ['events', 'events', 'launch', (s) => s.events.push(eventOf(s, 'demandSpike'))],
      ['lessons', 'lessons', 'overloaded', (s) => s.lessons.push(s.lessons[3]!)],
    ])('refuses a repeated id among the %s', (_name, path, id, edit) => {
      expectErrors(edit, [{ path, message: `id "${id}" is used more than once` }]);
    });

    it('names a repeated id once, however often it repeats', () => {
      expectErrors(
        (s) => s.deals.push({ ...s.deals[0]! }, { ...s.deals[0]! }),
        [{ path: 'deals', message: 'id "bank" is used more than once' }],
      );
    });
  });

  describe('per-slot lists must match the horizon', () => {
    it.each([
      ['one value per slot', [10, 10, 12, 8]],
      ['one value for every slot', [10]],
    ])('accepts capacity and keep-the-lights-on given as %s', (_name, values) => {
      expect(
        checkedAfter((s) => {
          s.team.capacity = values;
          s.team.ktlo = values.map(() => 1);
        }),
      ).toEqual(CLEAN);
    });

    it('refuses a capacity list of the wrong length', () => {
      expectErrors(
        (s) => (s.team.capacity = [10, 10, 10]),
        [{ path: 'team.capacity', message: 'has 3 values but the scenario has 4 slots' }],
      );
      expectErrors(
        (s) => (s.team.capacity = [10, 10, 10, 10, 10]),
        [{ path: 'team.capacity', message: 'has 5 values but the scenario has 4 slots' }],
      );
    });

    it('refuses a keep-the-lights-on list of the wrong length, and accepts none at all', () => {
      expectErrors(
        (s) => (s.team.ktlo = [1, 1]),
        [{ path: 'team.ktlo', message: 'has 2 values but the scenario has 4 slots' }],
      );
      expect(checkedAfter((s) => delete s.team.ktlo)).toEqual(CLEAN);
    });

    it('refuses seasonality of the wrong length, even a single value', () => {
      expectErrors(
        (s) => (s.demand!.seasonality = [1, 1, 1.2]),
        [{ path: 'demand.seasonality', message: 'has 3 values but the scenario has 4 slots' }],
      );
      expectErrors(
        (s) => (s.demand!.seasonality = [1.2]),
        [{ path: 'demand.seasonality', message: 'has 1 value but the scenario has 4 slots' }],
      );
      expect(checkedAfter((s) => delete s.demand)).toEqual(CLEAN);
      expect(checkedAfter((s) => delete s.demand!.seasonality)).toEqual(CLEAN);
    });
  });

  describe('items', () => {
    const estimateIssue = [
      { path: 'items[0].estimate', message: 'must be [low, high] with low ≤ effort (5) ≤ high' },
    ];

    it.each([
      ['low above the effort', [6, 8]],
      ['high below the effort', [3, 4]],
    ] as const)('refuses an estimate with %s', (_name, estimate) => {
      expectErrors((s) => (itemOf(s, 'sso').estimate = [...estimate]), estimateIssue);
    });

    it.each([
      ['low equal to the effort', [5, 8]],
      ['high equal to the effort', [3, 5]],
      ['both equal to the effort', [5, 5]],
    ] as const)('accepts an estimate with %s', (_name, estimate) => {
      expect(checkedAfter((s) => (itemOf(s, 'sso').estimate = [...estimate]))).toEqual(CLEAN);
    });

    it('refuses an item that depends on itself (also a one-item cycle)', () => {
      expectErrors(
        (s) => (itemOf(s, 'replica').dependsOn = ['replica']),
        [
          { path: 'items[5].dependsOn[0]', message: '"replica" cannot depend on itself' },
          { path: 'items', message: 'dependency cycle: replica → replica' },
        ],
      );
    });

    it('refuses a dependency on an unknown item, naming its position', () => {
      expectErrors(
        (s) => (itemOf(s, 'audit-log').dependsOn = ['sso', 'ghost']),
        [{ path: 'items[1].dependsOn[1]', message: 'unknown item "ghost"' }],
      );
    });

    it('refuses a dependency cycle, listed from the first item', () => {
      expectErrors(
        (s) => (itemOf(s, 'sso').dependsOn = ['audit-log']),
        [{ path: 'items', message: 'dependency cycle: sso → audit-log → sso' }],
      );
    });

    it('refuses closing an unknown vulnerability', () => {
      expectErrors(
        (s) => (itemOf(s, 'patch-tls').effects.closes = ['cve-tls', 'cve-ghost']),
        [{ path: 'items[2].effects.closes[1]', message: 'unknown vulnerability "cve-ghost"' }],
      );
    });

    it('refuses satisfying an unknown obligation (and then soc2 is satisfied by nobody)', () => {
      expectErrors(
        (s) => (itemOf(s, 'audit-log').effects.compliance = 'iso'),
        [
          { path: 'items[1].effects.compliance', message: 'unknown obligation "iso"' },
          {
            path: 'obligations[0]',
            message:
              'obligation "soc2" is satisfied by no item (set an item\'s effects.compliance)',
          },
        ],
      );
    });

    it('refuses an injected item that no event injects', () => {
      expectErrors(
        (s) => (itemOf(s, 'replica').injected = true),
        [
          {
            path: 'items[5].injected',
            message: '"replica" is marked injected but no injectItem event injects it',
          },
        ],
      );
    });
  });

  describe('slots past the horizon (Q1–Q4: slot 3 is the last)', () => {
    const cases: [string, string, string, (s: Scenario, slot: number) => void][] = [
      [
        'an item’s not-before',
        'items[1].notBefore',
        'not-before',
        (s, v) => (itemOf(s, 'audit-log').notBefore = v),
      ],
      [
        'an item’s deadline',
        'items[0].urgency.slot',
        'deadline',
        (s, v) =>
          (itemOf(s, 'sso').urgency = { kind: 'deadline', slot: v, lateFactor: 0.3, penalty: 0 }),
      ],
      [
        'the start of an item’s value decay',
        'items[3].urgency.startSlot',
        'decay start',
        (s, v) =>
          (itemOf(s, 'billing-migration').urgency = { kind: 'decay', startSlot: v, rate: 0.1 }),
      ],
      [
        'the start of a running fee',
        'items[3].effects.fee.fromSlot',
        'fee start',
        (s, v) => (itemOf(s, 'billing-migration').effects.fee!.fromSlot = v),
      ],
      [
        'a vulnerability’s disclosure',
        'security.vulnerabilities[1].disclosedSlot',
        'disclosure',
        (s, v) => (s.security!.vulnerabilities[1]!.disclosedSlot = v),
      ],
      [
        'an obligation’s deadline',
        'obligations[0].deadlineSlot',
        'deadline',
        (s, v) => (s.obligations[0]!.deadlineSlot = v),
      ],
      ['a deal’s start', 'deals[0].fromSlot', 'deal', (s, v) => (s.deals[0]!.fromSlot = v)],
      [
        'a stakeholder’s wanted-by',
        'stakeholders[0].asks[0].bySlot',
        'wanted-by',
        (s, v) => (s.stakeholders[0]!.asks[0]!.bySlot = v),
      ],
      [
        'an injected item’s event',
        'events[0].slot',
        'event',
        (s, v) => (eventOf(s, 'injectItem').slot = v),
      ],
      ['a demand spike', 'events[1].slot', 'event', (s, v) => (eventOf(s, 'demandSpike').slot = v)],
      [
        'a competitor’s copy',
        'events[2].slot',
        'event',
        (s, v) => (eventOf(s, 'competitorCopy').slot = v),
      ],
      [
        'the start of a cascade',
        'events[3].fromSlot',
        'event',
        (s, v) => (eventOf(s, 'cascade').fromSlot = v),
      ],
      [
        'a lesson’s item-late slot',
        'lessons[0].when.of[0].slot',
        'lesson',
        (s, v) =>
          (s.lessons[0]!.when = {
            kind: 'any',
            of: [
              { kind: 'itemLate', item: 'sso', slot: v },
              { kind: 'itemOmitted', item: 'replica' },
            ],
          }),
      ],
      [
        'a lesson’s item-done-by slot',
        'lessons[2].when.of[0].slot',
        'lesson',
        (s, v) =>
          (s.lessons[2]!.when = {
            kind: 'all',
            of: [
              { kind: 'itemDoneBy', item: 'dark-mode', slot: v },
              { kind: 'any', of: [{ kind: 'obligationMissed', obligation: 'soc2' }] },
            ],
          }),
      ],
    ];

    it.each(cases)('refuses %s in slot 4', (_name, path, what, edit) => {
      expectErrors(
        (s) => edit(s, 4),
        [
          {
            path,
            message: `${what} slot 4 is past the horizon (slots are 0–3, last is Q4)`,
          },
        ],
      );
    });

    it.each(cases)('accepts %s in the last slot, 3', (_name, _path, _what, edit) => {
      expect(checkedAfter((s) => edit(s, 3))).toEqual(CLEAN);
    });

    it('words the horizon for a deadline in full', () => {
      expectErrors(
        (s) =>
          (itemOf(s, 'sso').urgency = { kind: 'deadline', slot: 11, lateFactor: 0.3, penalty: 0 }),
        [
          {
            path: 'items[0].urgency.slot',
            message: 'deadline slot 11 is past the horizon (slots are 0–3, last is Q4)',
          },
        ],
      );
    });
  });

  describe('security, obligations, deals and stakeholders', () => {
    it('accepts a scenario with no security section when nothing refers to one', () => {
      expect(
        checkedAfter((s) => {
          delete s.security;
          itemOf(s, 'patch-tls').effects.closes = [];
          itemOf(s, 'hotfix').effects.closes = [];
          delete eventOf(s, 'injectItem').opens;
        }),
      ).toEqual(CLEAN);
    });

    it('refuses a vulnerability that no item closes', () => {
      expectErrors(
        (s) => (itemOf(s, 'hotfix').effects.closes = []),
        [
          {
            path: 'security.vulnerabilities[1]',
            message:
              'vulnerability "cve-zero" is closed by no item (add it to an item\'s effects.closes)',
          },
        ],
      );
    });

    it('refuses an obligation that no item satisfies', () => {
      expectErrors(
        (s) => delete itemOf(s, 'audit-log').effects.compliance,
        [
          {
            path: 'obligations[0]',
            message:
              'obligation "soc2" is satisfied by no item (set an item\'s effects.compliance)',
          },
        ],
      );
    });

    it('refuses a deal waiting for an unknown obligation', () => {
      expectErrors(
        (s) => (s.deals[0]!.obligation = 'iso'),
        [{ path: 'deals[0].obligation', message: 'unknown obligation "iso"' }],
      );
    });

    it('refuses a stakeholder asking for an unknown item', () => {
      expectErrors(
        (s) => (s.stakeholders[0]!.asks[0]!.item = 'ghost'),
        [{ path: 'stakeholders[0].asks[0].item', message: 'unknown item "ghost"' }],
      );
    });
  });

  describe('events', () => {
    it('refuses injecting an unknown item (and the hotfix is then injected by nobody)', () => {
      expectErrors(
        (s) => (eventOf(s, 'injectItem').item = 'ghost'),
        [
          {
            path: 'items[4].injected',
            message: '"hotfix" is marked injected but no injectItem event injects it',
          },
          { path: 'events[0].item', message: 'unknown item "ghost"' },
        ],
      );
    });

    it('refuses injecting an item not marked injected', () => {
      expectErrors(
        (s) => (itemOf(s, 'hotfix').injected = false),
        [{ path: 'events[0].item', message: 'item "hotfix" must have "injected": true' }],
      );
    });

    it('refuses an injection that opens an unknown vulnerability', () => {
      expectErrors(
        (s) => (eventOf(s, 'injectItem').opens = 'cve-ghost'),
        [{ path: 'events[0].opens', message: 'unknown vulnerability "cve-ghost"' }],
      );
      expect(checkedAfter((s) => delete eventOf(s, 'injectItem').opens)).toEqual(CLEAN);
      expect(checkedAfter((s) => delete eventOf(s, 'injectItem').prepared)).toEqual(CLEAN);
    });

    it('refuses an unknown item among those that prepare for an injection', () => {
      expectErrors(
        (s) => (eventOf(s, 'injectItem').prepared!.items = ['patch-tls', 'ghost']),
        [{ path: 'events[0].prepared.items[1]', message: 'unknown item "ghost"' }],
      );
    });

    it.each([
      ['0.95 in all', [0.25, 0.7], '0.950'],
      ['1.2 in all', [0.5, 0.7], '1.200'],
      ['just over the tolerance', [0.5, 0.500002], '1.000'],
    ])('refuses demand-spike probabilities adding up to %s', (_name, probabilities, total) => {
      expectErrors(
        (s) =>
          (eventOf(s, 'demandSpike').branches = probabilities.map((probability) => ({
            probability,
            multiplier: 1.5,
          }))),
        [
          {
            path: 'events[1].branches',
            message: `probabilities must add up to 1 (they add up to ${total})`,
          },
        ],
      );
    });

    it.each([
      ['exactly 1', [1]],
      ['1 up to rounding (0.1 + 0.2 + 0.7)', [0.1, 0.2, 0.7]],
      ['1 within a millionth', [0.5, 0.5000005]],
    ])('accepts demand-spike probabilities adding up to %s', (_name, probabilities) => {
      expect(
        checkedAfter(
          (s) =>
            (eventOf(s, 'demandSpike').branches = probabilities.map((probability) => ({
              probability,
              multiplier: 1.5,
            }))),
        ),
      ).toEqual(CLEAN);
    });

    it('refuses a competitor copying an unknown item', () => {
      expectErrors(
        (s) => (eventOf(s, 'competitorCopy').item = 'ghost'),
        [{ path: 'events[2].item', message: 'unknown item "ghost"' }],
      );
    });

    it('refuses a cascade mitigated by an unknown item', () => {
      expectErrors(
        (s) => eventOf(s, 'cascade').mitigations.push({ item: 'ghost', reduction: 0.2 }),
        [{ path: 'events[3].mitigations[1].item', message: 'unknown item "ghost"' }],
      );
    });
  });

  describe('lesson conditions, however deeply nested', () => {
    it.each<[string, string, string, (s: Scenario) => void]>([
      [
        'an item-late condition',
        'lessons[0].when.of[0].item',
        'unknown item "ghost"',
        (s) =>
          (s.lessons[0]!.when = {
            kind: 'any',
            of: [
              { kind: 'itemLate', item: 'ghost', slot: 2 },
              { kind: 'itemOmitted', item: 'replica' },
            ],
          }),
      ],
      [
        'an item-omitted condition',
        'lessons[0].when.of[1].item',
        'unknown item "ghost"',
        (s) =>
          (s.lessons[0]!.when = {
            kind: 'any',
            of: [
              { kind: 'itemLate', item: 'sso', slot: 2 },
              { kind: 'itemOmitted', item: 'ghost' },
            ],
          }),
      ],
      [
        'an obligation-missed condition',
        'lessons[1].when.obligation',
        'unknown obligation "iso"',
        (s) => (s.lessons[1]!.when = { kind: 'obligationMissed', obligation: 'iso' }),
      ],
      [
        'an item-done-by condition',
        'lessons[2].when.of[0].item',
        'unknown item "ghost"',
        (s) =>
          (s.lessons[2]!.when = {
            kind: 'all',
            of: [
              { kind: 'itemDoneBy', item: 'ghost', slot: 3 },
              { kind: 'any', of: [{ kind: 'obligationMissed', obligation: 'soc2' }] },
            ],
          }),
      ],
      [
        'an obligation-missed condition two levels down',
        'lessons[2].when.of[1].of[0].obligation',
        'unknown obligation "iso"',
        (s) =>
          (s.lessons[2]!.when = {
            kind: 'all',
            of: [
              { kind: 'itemDoneBy', item: 'dark-mode', slot: 3 },
              { kind: 'any', of: [{ kind: 'obligationMissed', obligation: 'iso' }] },
            ],
          }),
      ],
    ])('refuses an unknown reference in %s', (_name, path, message, edit) => {
      expectErrors(edit, [{ path, message }]);
    });

    it('reports an item-late condition with both an unknown item and a slot too late', () => {
      expectErrors(
        (s) => (s.lessons[3]!.when = { kind: 'itemLate', item: 'ghost', slot: 5 }),
        [
          { path: 'lessons[3].when.item', message: 'unknown item "ghost"' },
          {
            path: 'lessons[3].when.slot',
            message: 'lesson slot 5 is past the horizon (slots are 0–3, last is Q4)',
          },
        ],
      );
    });
  });

  describe('scoring and par', () => {
    it('refuses weights that are all zero, or absent', () => {
      const issue = [
        {
          path: 'scoring.weights',
          message: 'at least one metric other than capacity health needs a positive weight',
        },
      ];
      expectErrors((s) => (s.scoring.weights = { revenue: 0, csat: 0 }), issue);
      expectErrors((s) => (s.scoring.weights = {}), issue);
    });

    it('accepts a single small positive weight among absent ones', () => {
      expect(
        checkedAfter((s) => (s.scoring.weights = { revenue: undefined, security: 0.5 })),
      ).toEqual(CLEAN);
    });

    it('refuses an anchor whose best is below its floor, naming the metric', () => {
      expectErrors(
        (s) => (s.scoring.anchors!.reliability = { floor: -150, best: -800 }),
        [{ path: 'scoring.anchors.reliability', message: 'best must not be below floor' }],
      );
    });

    it('accepts an anchor whose best equals its floor, and no anchors at all', () => {
      expect(checkedAfter((s) => (s.scoring.anchors!.csat = { floor: 70, best: 70 }))).toEqual(
        CLEAN,
      );
      expect(checkedAfter((s) => delete s.scoring.anchors)).toEqual(CLEAN);
    });

    it('refuses an unknown item in the par plan, naming its slot and position', () => {
      expectErrors(
        (s) => (s.par!.plan.slots[1] = ['audit-log', 'ghost']),
        [{ path: 'par.plan.slots[1][1]', message: 'unknown item "ghost"' }],
      );
      expect(checkedAfter((s) => delete s.par)).toEqual(CLEAN);
    });
  });

  describe('a team with no capacity', () => {
    const warning = { path: 'team.capacity', message: 'the team has no capacity at all' };

    it.each([
      ['0 points a slot', 0],
      ['0 in every slot', [0, 0, 0, 0]],
      ['0 for every slot as one value', [0]],
    ])('is a warning, not an error: %s', (_name, capacity) => {
      expect(checkedAfter((s) => (s.team.capacity = capacity))).toEqual({
        errors: [],
        warnings: [warning],
      });
    });

    it.each([
      ['1 point a slot', 1],
      ['a single point in the last slot', [0, 0, 0, 1]],
      ['1 point for every slot as one value', [1]],
    ])('gets no warning with %s', (_name, capacity) => {
      expect(checkedAfter((s) => (s.team.capacity = capacity))).toEqual(CLEAN);
    });

    it('loads with the warning', () => {
      const result = loadScenario(edited('tutorial', (s) => (s.team.capacity = 0)));
      expect(result.ok && result.warnings).toEqual([warning]);
    });
  });
});
