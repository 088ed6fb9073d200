/**
 * The scenario file format (schema version 1), as a zod schema.
 *
 * This is the single source of truth: the TypeScript types are inferred from it and
 * `scenarios/schema.json` is generated from it (`npm run schema`). Units are in the field
 * descriptions: effort and capacity in points, money in dollars, slots are 0-based indexes.
 */
import { z } from './zod.ts';
import { BOUNDS } from './bounds.ts';
import { CONSTANT_INFO, CONSTANT_NAMES, type Constants } from './constants.ts';
import { isReservedId, reservedIdMessage } from './ids.ts';

/** The schema version this engine writes and reads natively. */
export const SCHEMA_VERSION = 1;

/** Limits that keep a hostile file from freezing the tab. */
export const LIMITS = {
  slots: 12,
  items: 60,
  stakeholders: 12,
  vulnerabilities: 30,
  events: 20,
  text: 4000,
  shortText: 200,
  listText: 40,
} as const;

// ---- Hostile input: ids and numeric bounds -------------------------------------------------
// Ids become keys of objects (plans per scenario, notes per item…): the names every JavaScript
// object already has ("constructor", "toString"…) are refused (ids.ts). Numbers get upper bounds
// so no file can overflow the model to Infinity (bounds.ts). Both name the field at fault.

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, {
    error: 'must be an id of letters, digits, "-", "_" or "." (no spaces)',
  })
  .refine((value) => !isReservedId(value), {
    error: (issue) => reservedIdMessage(String(issue.input)),
  });

/** A number in `[min, max]` (finite), e.g. `bounded(0, BOUNDS.money)` for dollars. */
const bounded = (min: number, max: number) => z.number().finite().min(min).max(max);

// ---------------------------------------------------------------------------------------------
const shortText = z.string().min(1).max(LIMITS.shortText);
const longText = z.string().max(LIMITS.text);
const slot = z
  .int()
  .min(0)
  .max(LIMITS.slots - 1)
  .describe('a slot index, 0 = the first slot');
const share = z.number().min(0).max(1);
const money = bounded(-BOUNDS.money, BOUNDS.money).describe('dollars');
const points = bounded(0, BOUNDS.points).describe('points of effort');
const nonNegative = bounded(0, BOUNDS.money);
const fibonacci = z.number().min(0).max(20);

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
    startSlot: slot.describe('value starts decaying at the start of this slot'),
    rate: share.describe('share of value lost per slot of lateness'),
  }),
  z.strictObject({
    kind: z.literal('deadline'),
    slot: slot.describe('full value if finished by the end of this slot'),
    lateFactor: share.default(0.3).describe('value multiplier when late'),
    penalty: nonNegative.default(0).describe('one-off dollars lost when late (a fine)'),
  }),
]);

const itemValue = z
  .strictObject({
    arr: money.default(0).describe('ARR added at completion, before confidence'),
    confidence: share.default(1).describe('expected-value multiplier on arr'),
    csat: z.number().min(-100).max(100).default(0).describe('CSAT points at completion'),
    kano: z.enum(KANO_CLASSES).optional(),
    mustPenalty: nonNegative
      .default(0)
      .describe('CSAT points lost per slot while a must-be item is missing'),
  })
  .default({ arr: 0, confidence: 1, csat: 0, mustPenalty: 0 });

const itemEffects = z
  .strictObject({
    debtAdd: points.default(0).describe('debt points added at completion'),
    debtRemove: points.default(0).describe('debt points paid down at completion'),
    capacityAdd: z.number().min(0).max(10).default(0).describe('system capacity × (1 + x)'),
    incidentReduction: share.default(0).describe('incident rate × (1 − x)'),
    postureReduction: share.default(0).describe('all breach hazards × (1 − x)'),
    closes: z.array(id).max(LIMITS.listText).default([]).describe('vulnerability ids it closes'),
    compliance: id.optional().describe('obligation id this item satisfies'),
    fee: z
      .strictObject({
        label: shortText,
        perSlot: nonNegative.describe('dollars per slot until the item is done'),
        fromSlot: slot.default(0),
      })
      .optional()
      .describe('a running fee that stops when this item is done'),
  })
  .default({
    debtAdd: 0,
    debtRemove: 0,
    capacityAdd: 0,
    incidentReduction: 0,
    postureReduction: 0,
    closes: [],
  });

const lens = z
  .strictObject({
    reach: bounded(0, BOUNDS.reach)
      .default(0)
      .describe('RICE reach: users or accounts touched per quarter'),
    impact: z
      .union(RICE_IMPACTS.map((v) => z.literal(v)))
      .default(1)
      .describe('RICE impact on the 3/2/1/0.5/0.25 ladder'),
    confidence: share.optional().describe('the team’s stated confidence; defaults to value'),
    businessValue: fibonacci.default(1).describe('SAFe user/business value (1–20)'),
    timeCriticality: fibonacci.default(1).describe('SAFe time criticality (1–20)'),
    riskReduction: fibonacci.default(1).describe('SAFe risk reduction / opportunity enablement'),
    moscow: z.enum(MOSCOW).optional(),
  })
  .default({ reach: 0, impact: 1, businessValue: 1, timeCriticality: 1, riskReduction: 1 });

export const itemSchema = z.strictObject({
  id,
  title: shortText,
  description: longText.default(''),
  type: z.enum(ITEM_TYPES),
  effort: z.number().positive().max(1000).describe('points of effort, the only cost'),
  estimate: z
    .tuple([z.number().positive().max(BOUNDS.points), z.number().positive().max(BOUNDS.points)])
    .optional()
    .describe('[low, high] range around effort; the seeded run draws the actual effort'),
  dependsOn: z.array(id).max(LIMITS.listText).default([]),
  notBefore: slot.default(0).describe('the item cannot start before this slot'),
  injected: z.boolean().default(false).describe('only appears when a scripted event injects it'),
  value: itemValue,
  urgency: urgency.default({ kind: 'standard' }),
  effects: itemEffects,
  lens,
});

const vulnerability = z.strictObject({
  id,
  title: shortText,
  cvss: z.number().min(0).max(10),
  disclosedSlot: slot.default(0),
  internetFacing: z.boolean().default(false),
  halfLife: z.number().positive().max(20).optional().describe('exploit ramp half-life, quarters'),
});

const obligation = z.strictObject({
  id,
  title: shortText,
  deadlineSlot: slot.describe('the report must exist by the end of this slot'),
  observationSlots: z.number().min(0).max(LIMITS.slots).default(0),
  penalty: nonNegative.default(0).describe('dollars if the report is late'),
});

const deal = z.strictObject({
  id,
  title: shortText,
  arr: nonNegative,
  obligation: id,
  fromSlot: slot.describe('the deal wants the report from this slot'),
  lossPerSlot: share.optional().describe('share lost per slot late; default from constants'),
});

const ask = z.strictObject({
  item: id,
  bySlot: slot,
  why: z.string().max(LIMITS.shortText).optional(),
});

const stakeholder = z.strictObject({
  id,
  name: shortText,
  role: shortText,
  influence: z.number().positive().max(10).default(1),
  asks: z.array(ask).max(LIMITS.listText).default([]),
  voice: z
    .strictObject({
      met: z.string().max(LIMITS.shortText).optional(),
      late: z.string().max(LIMITS.shortText).optional(),
      missed: z.string().max(LIMITS.shortText).optional(),
    })
    .optional()
    .describe('what this stakeholder says when their asks are met, late or missed'),
});

const eventBase = {
  id,
  title: shortText,
  description: longText.default(''),
};

const event = z.discriminatedUnion('kind', [
  z.strictObject({
    ...eventBase,
    kind: z.literal('injectItem'),
    slot,
    probability: share,
    item: id.describe('an item with injected: true, queued first in the slot when this fires'),
    opens: id.optional().describe('a vulnerability id disclosed when this fires'),
    prepared: z
      .strictObject({ items: z.array(id).min(1), effortFactor: z.number().min(0).max(1) })
      .optional()
      .describe('if these items are done when it fires, the injected effort is multiplied'),
  }),
  z.strictObject({
    ...eventBase,
    kind: z.literal('demandSpike'),
    slot,
    branches: z
      .array(z.strictObject({ probability: share, multiplier: z.number().positive().max(100) }))
      .min(1)
      .max(8),
  }),
  z.strictObject({
    ...eventBase,
    kind: z.literal('competitorCopy'),
    slot,
    probability: share,
    item: id.describe('a delighter whose CSAT bonus starts to erode'),
    decay: share.describe('share of the remaining bonus lost per slot'),
  }),
  z.strictObject({
    ...eventBase,
    kind: z.literal('cascade'),
    fromSlot: slot,
    probability: share.describe('chance per slot'),
    loss: nonNegative.describe('dollars lost when it happens'),
    csat: bounded(0, 100).default(0),
    downtimeMinutes: bounded(0, BOUNDS.minutes).default(0),
    mitigations: z
      .array(z.strictObject({ item: id, reduction: share }))
      .max(LIMITS.listText)
      .default([]),
  }),
]);

const condition: z.ZodType<LessonCondition> = z.lazy(() =>
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
    z.strictObject({ kind: z.literal('all'), of: z.array(condition).min(1).max(8) }),
    z.strictObject({ kind: z.literal('any'), of: z.array(condition).min(1).max(8) }),
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

const metricRecord = <T extends z.ZodType>(value: T) =>
  z.strictObject(
    Object.fromEntries(METRICS.map((m) => [m, value.optional()])) as Record<
      (typeof METRICS)[number],
      z.ZodOptional<T>
    >,
  );

const weights = metricRecord(z.number().min(0).max(100));
const anchor = z.strictObject({
  floor: bounded(-BOUNDS.metric, BOUNDS.metric),
  best: bounded(-BOUNDS.metric, BOUNDS.metric),
});

const constantOverrides = z.strictObject(
  Object.fromEntries(
    CONSTANT_NAMES.map((name) => [
      name,
      bounded(0, BOUNDS.constant).optional().describe(CONSTANT_INFO[name].meaning),
    ]),
  ) as Record<keyof Constants, z.ZodOptional<z.ZodNumber>>,
);

const pointsPerSlot = bounded(0, BOUNDS.points);
const perSlot = z.union([pointsPerSlot, z.array(pointsPerSlot).min(1).max(LIMITS.slots)]);

const planSchema = z.strictObject({
  slots: z.array(z.array(id).max(LIMITS.items)).max(LIMITS.slots),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  id,
  title: shortText,
  brief: longText,
  industry: shortText,
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  minutes: z.int().min(1).max(240),
  objectives: z.array(shortText).max(10).default([]),
  tags: z.array(z.string().min(1).max(40)).max(12).default([]),
  discussion: z
    .array(
      z
        .string()
        .min(1)
        .max(LIMITS.shortText * 2),
    )
    .max(10)
    .default([]),
  time: z.strictObject({
    labels: z.array(z.string().min(1).max(24)).min(1).max(LIMITS.slots),
    slotsPerYear: z.int().min(1).max(52),
  }),
  team: z.strictObject({
    capacity: perSlot.describe('points per slot: one number or one per slot'),
    ktlo: perSlot.optional().describe('keep-the-lights-on points per slot'),
  }),
  start: z.strictObject({
    arr: nonNegative.describe('annual recurring revenue, dollars'),
    csat: z.number().min(0).max(100),
    debt: points,
  }),
  demand: z
    .strictObject({
      rho0: z.number().min(0).max(5).describe('utilization at the start'),
      growth: z.number().min(-0.5).max(2).default(0).describe('demand growth per slot'),
      seasonality: z.array(z.number().positive().max(100)).max(LIMITS.slots).optional(),
      peakShare: share.default(0.5).describe('share of a slot’s revenue at risk in overload'),
    })
    .optional(),
  reliability: z
    .strictObject({
      costPerMinute: nonNegative,
      sloBudgetMinutes: bounded(0, BOUNDS.minutes).optional().describe('per quarter; default 131'),
      freezeOnBlownBudget: z.boolean().default(false),
    })
    .optional(),
  security: z
    .strictObject({
      sle: nonNegative.describe('single loss expectancy: dollars per breach'),
      vulnerabilities: z.array(vulnerability).max(LIMITS.vulnerabilities).default([]),
    })
    .optional(),
  obligations: z.array(obligation).max(LIMITS.events).default([]),
  deals: z.array(deal).max(LIMITS.events).default([]),
  stakeholders: z.array(stakeholder).max(LIMITS.stakeholders).default([]),
  events: z.array(event).max(LIMITS.events).default([]),
  constants: constantOverrides.optional(),
  scoring: z.strictObject({
    weights,
    presets: z
      .array(z.strictObject({ id, name: shortText, weights }))
      .max(8)
      .optional(),
    anchors: metricRecord(anchor).optional(),
  }),
  lessons: z
    .array(z.strictObject({ id, text: z.string().min(1).max(600), when: condition }))
    .max(20)
    .default([]),
  items: z.array(itemSchema).min(1).max(LIMITS.items),
  par: z
    .strictObject({
      plan: planSchema,
      score: bounded(-1000, 1000),
      engineVersion: z.string(),
      weightsKey: z.string(),
    })
    .optional()
    .describe('baked by the authoring check; recomputed when engine or weights differ'),
});

/** A validated scenario as the engine uses it (defaults filled in). */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as an author writes it (defaults optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Item = Scenario['items'][number];
export type ItemType = (typeof ITEM_TYPES)[number];
export type Metric = (typeof METRICS)[number];
export type Weights = Partial<Record<Metric, number>>;
export type Anchors = Partial<Record<Metric, { floor: number; best: number }>>;
export type Vulnerability = NonNullable<Scenario['security']>['vulnerabilities'][number];
export type ScenarioEvent = Scenario['events'][number];
export type Stakeholder = Scenario['stakeholders'][number];
export type Urgency = Item['urgency'];
export { planSchema };
