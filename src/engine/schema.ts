/**
 * The scenario file format (schema version 1), as a zod schema.
 *
 * This is the single source of truth: the TypeScript types are inferred from it and
 * `scenarios/schema.json` is generated from it (`npm run schema`). Units are in the field
 * descriptions: effort and capacity in points, money in dollars, slots are 0-based indexes.
 */
import { z } from './zod.ts';
import { BOUNDS } from './bounds.ts';
import { CONSTANT_NAMES, type Constants } from './constants.ts';
import { isReservedId, reservedIdMessage } from './ids.ts';

/** The schema version this engine writes and reads natively. */
export const SCHEMA_VERSION = 2;

/** Limits that keep a hostile file from freezing the tab. */
export const LIMITS = {
  slots: 26,
  items: 150,
  stakeholders: 12,
  vulnerabilities: 30,
  threats: 12,
  events: 20,
  text: 4000,
  shortText: 200,
  listText: 40,
} as const;

// ---- Hostile input: ids and numeric bounds -------------------------------------------------
// Ids become keys of objects (plans per scenario, notes per item…): the names every JavaScript
// object already has ("constructor", "toString"…) are refused (ids.ts). Numbers get upper bounds
// so no file can overflow the model to Infinity (bounds.ts). Both name the field at fault.

const id = z.string().check(
  z.minLength(1),
  z.maxLength(64),
  z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, {
    error: 'must be an id of letters, digits, "-", "_" or "." (no spaces)',
  }),
  z.refine((value) => !isReservedId(value), {
    error: (issue) => reservedIdMessage(String(issue.input)),
  }),
);

/** A number in `[min, max]` (finite), e.g. `bounded(0, BOUNDS.money)` for dollars. */
const bounded = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));

/** `schema` with a description for the JSON Schema (field docs in editors). */
const about = <T extends z.ZodMiniType>(schema: T, description: string): T =>
  schema.check(z.describe(description));

/** Text of `min`–`max` characters. */
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));

/** A list of at most `max` (and at least `min`) entries. */
const list = <T extends z.ZodMiniType>(of: T, max: number, min = 0) =>
  z.array(of).check(...(min > 0 ? [z.minLength(min)] : []), z.maxLength(max));

// ---------------------------------------------------------------------------------------------
const shortText = text(1, LIMITS.shortText);
const longText = z.string().check(z.maxLength(LIMITS.text));
const slot = about(
  z.int().check(z.gte(0), z.lte(LIMITS.slots - 1)),
  'a slot index, 0 = the first slot',
);
const share = z.number().check(z.gte(0), z.lte(1));
const money = about(bounded(-BOUNDS.money, BOUNDS.money), 'dollars');
const points = about(bounded(0, BOUNDS.points), 'points of effort');
const nonNegative = bounded(0, BOUNDS.money);
const fibonacci = z.number().check(z.gte(0), z.lte(20));

export const ITEM_TYPES = ['feature', 'debt', 'security', 'scale', 'compliance', 'ops'] as const;
export const METRICS = [
  'revenue',
  'csat',
  'capacityHealth',
  'reliability',
  'security',
  'compliance',
  'stakeholders',
] as const;
export const KANO_CLASSES = ['must', 'performance', 'delight', 'indifferent'] as const;
export const MOSCOW = ['must', 'should', 'could', 'wont'] as const;
export const RICE_IMPACTS = [3, 2, 1, 0.5, 0.25] as const;

const urgency = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('standard') }),
  z.strictObject({
    kind: z.literal('decay'),
    startSlot: about(slot, 'value starts decaying at the start of this slot'),
    rate: about(share, 'share of value lost per slot of lateness'),
  }),
  z.strictObject({
    kind: z.literal('deadline'),
    slot: about(slot, 'full value if finished by the end of this slot'),
    lateFactor: about(z._default(share, 0.3), 'value multiplier when late'),
    penalty: about(z._default(nonNegative, 0), 'one-off dollars lost when late (a fine)'),
  }),
]);

const itemValue = z._default(
  z.strictObject({
    arr: about(z._default(money, 0), 'ARR added at completion, before confidence'),
    confidence: about(z._default(share, 1), 'expected-value multiplier on arr'),
    csat: about(
      z._default(z.number().check(z.gte(-100), z.lte(100)), 0),
      'CSAT points at completion',
    ),
    kano: z.optional(z.enum(KANO_CLASSES)),
    mustPenalty: about(
      z._default(nonNegative, 0),
      'CSAT points lost per slot while a must-be item is missing',
    ),
    outcomes: about(
      z.optional(
        list(
          z.strictObject({
            factor: about(
              z.number().check(z.gte(0), z.lte(10)),
              'the true ARR is arr × factor in this outcome',
            ),
            chance: about(share, 'probability of this outcome'),
            label: z.optional(shortText),
          }),
          5,
          2,
        ),
      ),
      'hidden fact: the true value, one outcome drawn per world; the chances must weigh the factors to the confidence',
    ),
  }),
  { arr: 0, confidence: 1, csat: 0, mustPenalty: 0 },
);

const itemEffects = z._default(
  z.strictObject({
    debtAdd: about(z._default(points, 0), 'debt points added at completion'),
    debtRemove: about(z._default(points, 0), 'debt points paid down at completion'),
    capacityAdd: about(
      z._default(z.number().check(z.gte(0), z.lte(10)), 0),
      'system capacity × (1 + x)',
    ),
    incidentReduction: about(z._default(share, 0), 'incident rate × (1 − x)'),
    postureReduction: about(z._default(share, 0), 'all breach hazards × (1 − x)'),
    closes: about(z._default(list(id, LIMITS.listText), []), 'vulnerability ids it closes'),
    compliance: about(z.optional(id), 'obligation id this item satisfies'),
    fee: about(
      z.optional(
        z.strictObject({
          label: shortText,
          perSlot: about(nonNegative, 'dollars per slot until the item is done'),
          fromSlot: z._default(slot, 0),
        }),
      ),
      'a running fee that stops when this item is done',
    ),
  }),
  {
    debtAdd: 0,
    debtRemove: 0,
    capacityAdd: 0,
    incidentReduction: 0,
    postureReduction: 0,
    closes: [],
  },
);

const lens = z._default(
  z.strictObject({
    reach: about(
      z._default(bounded(0, BOUNDS.reach), 0),
      'RICE reach: users or accounts touched per quarter',
    ),
    impact: about(
      z._default(z.union(RICE_IMPACTS.map((v) => z.literal(v))), 1),
      'RICE impact on the 3/2/1/0.5/0.25 ladder',
    ),
    confidence: about(z.optional(share), 'the team’s stated confidence; defaults to value'),
    businessValue: about(z._default(fibonacci, 1), 'SAFe user/business value (1–20)'),
    timeCriticality: about(z._default(fibonacci, 1), 'SAFe time criticality (1–20)'),
    riskReduction: about(z._default(fibonacci, 1), 'SAFe risk reduction / opportunity enablement'),
    moscow: z.optional(z.enum(MOSCOW)),
  }),
  { reach: 0, impact: 1, businessValue: 1, timeCriticality: 1, riskReduction: 1 },
);

const effortPoints = (max: number) => z.number().check(z.positive(), z.lte(max));

export const itemSchema = z.strictObject({
  id,
  title: shortText,
  description: z._default(longText, ''),
  type: z.enum(ITEM_TYPES),
  effort: about(effortPoints(1000), 'points of effort, the only cost'),
  estimate: about(
    z.optional(z.tuple([effortPoints(BOUNDS.points), effortPoints(BOUNDS.points)])),
    '[low, high] range around effort; the seeded run draws the actual effort',
  ),
  effortOutcomes: about(
    z.optional(
      list(
        z.strictObject({
          effort: about(effortPoints(BOUNDS.points), 'the true effort in this outcome, in points'),
          chance: about(share, 'probability of this outcome'),
          label: z.optional(shortText),
        }),
        5,
        2,
      ),
    ),
    'hidden fact: the true effort, one outcome drawn per world; the chances must weigh the outcomes to the stated effort',
  ),
  dependsOn: z._default(list(id, LIMITS.listText), []),
  notBefore: about(z._default(slot, 0), 'the item cannot start before this slot'),
  injected: about(z._default(z.boolean(), false), 'only appears when a scripted event injects it'),
  value: itemValue,
  urgency: z._default(urgency, { kind: 'standard' }),
  effects: itemEffects,
  reveals: about(
    z.optional(list(id, LIMITS.listText)),
    'an experiment: item ids whose hidden value and effort, or threat ids whose hidden likelihood, this item reveals when done',
  ),
  renegotiates: about(
    z.optional(
      z.strictObject({
        stakeholder: about(id, 'the stakeholder whose ask this conversation renegotiates'),
        item: about(id, 'the item of that stakeholder’s ask'),
        bySlot: about(z.optional(slot), 'the later date the stakeholder agrees to'),
        scope: about(
          z.optional(id),
          'a smaller item the stakeholder agrees to take instead (the asked item still meets it)',
        ),
        trust: about(
          z.number().check(z.gt(0), z.lt(1)),
          'share of the ask’s credit lost when it is met on the new terms (a silent miss loses all of it)',
        ),
      }),
    ),
    'a renegotiation: done by the ask’s date, it replaces the ask’s terms with these',
  ),
  sliceOf: about(
    z.optional(
      z.strictObject({
        item: about(id, 'the feature this item is the MVP slice of'),
        share: about(
          z.number().check(z.gt(0), z.lt(1)),
          'share of that feature’s value the slice delivers on its own',
        ),
      }),
    ),
    'an MVP slice: part of a feature’s value for part of its effort; its value and urgency come from the feature, and the feature done after it is only the rest',
  ),
  lens,
});

const vulnerability = z.strictObject({
  id,
  title: shortText,
  cvss: z.number().check(z.gte(0), z.lte(10)),
  disclosedSlot: z._default(slot, 0),
  internetFacing: z._default(z.boolean(), false),
  halfLife: about(z.optional(effortPoints(20)), 'exploit ramp half-life, quarters'),
});

const threat = z.strictObject({
  id,
  title: shortText,
  perYear: about(
    share,
    'chance a year that this threat leads to a breach when nothing is done about it',
  ),
  controls: about(
    z._default(list(z.strictObject({ item: id, reduction: share }), LIMITS.listText), []),
    'items that, once done, cut this threat by a share',
  ),
  likelihoodOutcomes: about(
    z.optional(
      list(
        z.strictObject({
          perYear: about(share, 'the true chance a year in this outcome'),
          chance: about(share, 'probability of this outcome'),
          label: z.optional(shortText),
        }),
        5,
        2,
      ),
    ),
    'hidden fact: the true likelihood, one outcome drawn per world; the chances must weigh the outcomes to perYear',
  ),
});

const obligation = z.strictObject({
  id,
  title: shortText,
  deadlineSlot: about(slot, 'the report must exist by the end of this slot'),
  observationSlots: z._default(z.number().check(z.gte(0), z.lte(LIMITS.slots)), 0),
  penalty: about(z._default(nonNegative, 0), 'dollars if the report is late'),
});

const deal = z.strictObject({
  id,
  title: shortText,
  arr: nonNegative,
  obligation: id,
  fromSlot: about(slot, 'the deal wants the report from this slot'),
  lossPerSlot: about(z.optional(share), 'share lost per slot late; default from constants'),
});

const saying = z.optional(z.string().check(z.maxLength(LIMITS.shortText)));

const ask = z.strictObject({
  item: id,
  bySlot: slot,
  why: saying,
});

const stakeholder = z.strictObject({
  id,
  name: shortText,
  role: shortText,
  influence: z._default(effortPoints(10), 1),
  asks: z._default(list(ask, LIMITS.listText), []),
  voice: about(
    z.optional(z.strictObject({ met: saying, late: saying, missed: saying, renegotiated: saying })),
    'what this stakeholder says when their asks are met, late, missed or met on renegotiated terms',
  ),
});

const eventBase = {
  id,
  title: shortText,
  description: z._default(longText, ''),
};

const event = z.discriminatedUnion('kind', [
  z.strictObject({
    ...eventBase,
    kind: z.literal('injectItem'),
    slot,
    probability: share,
    item: about(id, 'an item with injected: true, queued first in the slot when this fires'),
    opens: about(z.optional(id), 'a vulnerability id disclosed when this fires'),
    prepared: about(
      z.optional(
        z.strictObject({
          items: z.array(id).check(z.minLength(1)),
          effortFactor: z.number().check(z.gte(0), z.lte(1)),
        }),
      ),
      'if these items are done when it fires, the injected effort is multiplied',
    ),
  }),
  z.strictObject({
    ...eventBase,
    kind: z.literal('demandSpike'),
    slot,
    branches: list(z.strictObject({ probability: share, multiplier: effortPoints(100) }), 8, 1),
  }),
  z.strictObject({
    ...eventBase,
    kind: z.literal('competitorCopy'),
    slot,
    probability: share,
    item: about(id, 'a delighter whose CSAT bonus starts to erode'),
    decay: about(share, 'share of the remaining bonus lost per slot'),
  }),
  z.strictObject({
    ...eventBase,
    kind: z.literal('cascade'),
    fromSlot: slot,
    probability: about(share, 'chance per slot'),
    loss: about(nonNegative, 'dollars lost when it happens'),
    csat: z._default(bounded(0, 100), 0),
    downtimeMinutes: z._default(bounded(0, BOUNDS.minutes), 0),
    mitigations: z._default(
      list(z.strictObject({ item: id, reduction: share }), LIMITS.listText),
      [],
    ),
    history: about(
      z.optional(z.strictObject({ quietYears: z.number().check(z.gt(0), z.lte(100)) })),
      'the brief says this has not happened in this many years (checked against the rate)',
    ),
  }),
]);

const condition: z.ZodMiniType<LessonCondition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('itemLate'), item: id, slot }),
    z.strictObject({ kind: z.literal('itemDoneBy'), item: id, slot }),
    z.strictObject({ kind: z.literal('itemOmitted'), item: id }),
    z.strictObject({
      kind: z.literal('maxUtilizationAbove'),
      value: bounded(-BOUNDS.points, BOUNDS.points),
    }),
    z.strictObject({
      kind: z.literal('endDebtAbove'),
      value: bounded(-BOUNDS.metric, BOUNDS.metric),
    }),
    z.strictObject({ kind: z.literal('maxBreachProbabilityAbove'), value: share }),
    z.strictObject({ kind: z.literal('obligationMissed'), obligation: id }),
    z.strictObject({ kind: z.literal('typeShareBelow'), type: z.enum(ITEM_TYPES), share }),
    z.strictObject({ kind: z.literal('all'), of: list(condition, 8, 1) }),
    z.strictObject({ kind: z.literal('any'), of: list(condition, 8, 1) }),
  ]),
);

/** A condition that triggers a scenario-authored lesson in the debrief. */
export type LessonCondition =
  | { kind: 'itemLate'; item: string; slot: number }
  | { kind: 'itemDoneBy'; item: string; slot: number }
  | { kind: 'itemOmitted'; item: string }
  | { kind: 'maxUtilizationAbove'; value: number }
  | { kind: 'endDebtAbove'; value: number }
  | { kind: 'maxBreachProbabilityAbove'; value: number }
  | { kind: 'obligationMissed'; obligation: string }
  | { kind: 'typeShareBelow'; type: ItemType; share: number }
  | { kind: 'all'; of: LessonCondition[] }
  | { kind: 'any'; of: LessonCondition[] };

const metricRecord = <T extends z.ZodMiniType>(value: T) =>
  z.strictObject(
    Object.fromEntries(METRICS.map((m) => [m, z.optional(value)])) as Record<
      (typeof METRICS)[number],
      z.ZodMiniOptional<T>
    >,
  );

const weights = metricRecord(z.number().check(z.gte(0), z.lte(100)));
const anchor = z.strictObject({
  floor: bounded(-BOUNDS.metric, BOUNDS.metric),
  best: bounded(-BOUNDS.metric, BOUNDS.metric),
  ceiling: about(
    z.optional(bounded(-BOUNDS.metric, BOUNDS.metric)),
    'money with hidden facts: the best of the luckiest world, up to which money above the best still counts',
  ),
});

/**
 * Overrides of the model's constants. Their descriptions come from `CONSTANT_INFO` when the JSON
 * Schema is written (`jsonSchema.ts`), so the app's bundles do not carry that documentation.
 */
const constantOverrides = z.strictObject(
  Object.fromEntries(
    CONSTANT_NAMES.map((name) => [name, z.optional(bounded(0, BOUNDS.constant))]),
  ) as Record<keyof Constants, z.ZodMiniOptional<z.ZodMiniNumber<number>>>,
);

const pointsPerSlot = bounded(0, BOUNDS.points);
const perSlot = z.union([pointsPerSlot, list(pointsPerSlot, LIMITS.slots, 1)]);

const planSchema = z.strictObject({
  slots: list(list(id, LIMITS.items), LIMITS.slots),
});

export const scenarioSchema = z.strictObject({
  $schema: z.optional(z.string()),
  schemaVersion: z.literal(SCHEMA_VERSION),
  id,
  title: shortText,
  brief: longText,
  industry: shortText,
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  minutes: z.int().check(z.gte(1), z.lte(240)),
  objectives: z._default(list(shortText, 10), []),
  tags: z._default(list(text(1, 40), 12), []),
  discussion: z._default(list(text(1, LIMITS.shortText * 2), 10), []),
  time: z.strictObject({
    labels: list(text(1, 24), LIMITS.slots, 1),
    slotsPerYear: z.int().check(z.gte(1), z.lte(52)),
  }),
  team: z.strictObject({
    capacity: about(perSlot, 'points per slot: one number or one per slot'),
    ktlo: about(z.optional(perSlot), 'keep-the-lights-on points per slot'),
    streams: about(
      z.optional(z.int().check(z.gte(1), z.lte(12))),
      'items the team works on at once (parallel work streams; default 2)',
    ),
    pointValue: about(
      z.optional(nonNegative),
      'dollars a point of capacity is worth after the horizon; prices the capacity the remaining debt will take (default: the expected ARR a point of the backlog’s features adds)',
    ),
  }),
  start: z.strictObject({
    arr: about(nonNegative, 'annual recurring revenue, dollars'),
    csat: z.number().check(z.gte(0), z.lte(100)),
    debt: points,
  }),
  demand: z.optional(
    z.strictObject({
      rho0: about(z.number().check(z.gte(0), z.lte(5)), 'utilization at the start'),
      growth: about(
        z._default(z.number().check(z.gte(-0.5), z.lte(2)), 0),
        'demand growth per slot',
      ),
      seasonality: z.optional(list(effortPoints(100), LIMITS.slots)),
      peakShare: about(z._default(share, 0.5), 'share of a slot’s revenue at risk in overload'),
    }),
  ),
  reliability: z.optional(
    z.strictObject({
      costPerMinute: nonNegative,
      sloBudgetMinutes: about(z.optional(bounded(0, BOUNDS.minutes)), 'per quarter; default 131'),
      freezeOnBlownBudget: z._default(z.boolean(), false),
    }),
  ),
  security: z.optional(
    z.strictObject({
      sle: about(nonNegative, 'single loss expectancy: dollars per breach'),
      vulnerabilities: z._default(list(vulnerability, LIMITS.vulnerabilities), []),
      threats: about(
        z._default(list(threat, LIMITS.threats), []),
        'standing breach hazards with no CVE behind them (phishing, credential stuffing…)',
      ),
    }),
  ),
  obligations: z._default(list(obligation, LIMITS.events), []),
  deals: z._default(list(deal, LIMITS.events), []),
  stakeholders: z._default(list(stakeholder, LIMITS.stakeholders), []),
  events: z._default(list(event, LIMITS.events), []),
  constants: z.optional(constantOverrides),
  scoring: z.strictObject({
    weights,
    presets: z.optional(list(z.strictObject({ id, name: shortText, weights }), 8)),
    anchors: z.optional(metricRecord(anchor)),
  }),
  lessons: z._default(list(z.strictObject({ id, text: text(1, 600), when: condition }), 20), []),
  items: list(itemSchema, LIMITS.items, 1),
  par: about(
    z.optional(
      z.strictObject({
        plan: planSchema,
        score: bounded(-1000, 1000),
        engineVersion: z.string(),
        weightsKey: z.string(),
      }),
    ),
    'baked by the authoring check; recomputed when engine or weights differ',
  ),
});

/** A validated scenario as the engine uses it (defaults filled in). */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as an author writes it (defaults optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Item = Scenario['items'][number];
export type ItemType = (typeof ITEM_TYPES)[number];
export type Metric = (typeof METRICS)[number];
export type Weights = Partial<Record<Metric, number>>;
/** A metric's scale: 0 at the floor, 1 at the best; money may count on up to a ceiling. */
export type Anchor = { floor: number; best: number; ceiling?: number };
export type Anchors = Partial<Record<Metric, Anchor>>;
export type Vulnerability = NonNullable<Scenario['security']>['vulnerabilities'][number];
export type Threat = NonNullable<Scenario['security']>['threats'][number];
export type ScenarioEvent = Scenario['events'][number];
export type Stakeholder = Scenario['stakeholders'][number];
export type Urgency = Item['urgency'];
export { planSchema };
