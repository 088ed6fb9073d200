/**
 * The plan file: a plan with the scenario it belongs to, the author's notes and a format version.
 * Teams export it from the app and facilitators load many of them into the comparison view; the
 * command line scores it. A bare `{ "slots": [...] }` is accepted as a plan file too.
 */
import { z } from './zod.ts';
import { fromZodError, type Issue } from './issues.ts';
import { idRecord, idRecordSchema } from './ids.ts';
import { parseJsonText } from './load.ts';
import { validatePlan, type Plan } from './plan.ts';
import { planSchema, type Scenario } from './schema.ts';

export const PLAN_FILE_FORMAT = 'roadmap-dojo/plan';
export const PLAN_FILE_VERSION = 1;
/** Plan files are small; anything larger is refused before parsing. */
export const MAX_PLAN_CHARS = 200_000;

const planFileSchema = z.strictObject({
  format: z.literal(PLAN_FILE_FORMAT),
  version: z.int().check(z.gte(1)),
  scenarioId: z.string().check(z.minLength(1), z.maxLength(64)),
  name: z._default(z.string().check(z.maxLength(80)), 'Plan'),
  team: z.optional(z.string().check(z.maxLength(80))),
  plan: planSchema,
  // Keyed by item ids: read into an id record, so a note on "__proto__" stays data.
  notes: z._default(idRecordSchema(z.string().check(z.maxLength(4000)), 64), idRecord()),
  createdWith: z.optional(z.string().check(z.maxLength(40))),
});

export type PlanFile = z.output<typeof planFileSchema>;

/** Builds a plan file for export. */
export function makePlanFile(
  scenario: Pick<Scenario, 'id'>,
  plan: Plan,
  extra: {
    name?: string;
    team?: string;
    notes?: Record<string, string>;
    createdWith?: string;
  } = {},
): PlanFile {
  const notes = Object.fromEntries(
    Object.entries(extra.notes ?? {}).filter(([, text]) => text.trim() !== ''),
  );
  return {
    format: PLAN_FILE_FORMAT,
    version: PLAN_FILE_VERSION,
    scenarioId: scenario.id,
    name: extra.name ?? 'Plan',
    ...(extra.team ? { team: extra.team } : {}),
    plan: { slots: plan.slots.map((ids) => [...ids]) },
    notes,
    ...(extra.createdWith ? { createdWith: extra.createdWith } : {}),
  };
}

/**
 * Reads a plan file (text or parsed JSON) without a scenario: structure and version only.
 * Use `checkPlanFile` to check it against its scenario.
 */
export function readPlanFile(
  input: unknown,
): { ok: true; file: PlanFile } | { ok: false; issues: Issue[] } {
  try {
    let raw = input;
    if (typeof input === 'string') {
      const parsed = parseJsonText(input, MAX_PLAN_CHARS, 'plan file');
      if (!parsed.ok) return parsed;
      raw = parsed.value;
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
      return {
        ok: false,
        issues: [{ path: '(file)', message: 'must be a JSON object (a plan file)' }],
      };
    const obj = raw as Record<string, unknown>;
    if (!('format' in obj) && 'slots' in obj) {
      const bare = planSchema.safeParse(obj);
      if (!bare.success) return { ok: false, issues: fromZodError(bare.error, obj) };
      return {
        ok: true,
        file: {
          format: PLAN_FILE_FORMAT,
          version: PLAN_FILE_VERSION,
          scenarioId: '',
          name: 'Plan',
          plan: bare.data,
          notes: {},
        },
      };
    }
    if (obj.format !== PLAN_FILE_FORMAT)
      return {
        ok: false,
        issues: [
          { path: 'format', message: `must be "${PLAN_FILE_FORMAT}" (is this a plan file?)` },
        ],
      };
    if (typeof obj.version === 'number' && obj.version > PLAN_FILE_VERSION)
      return {
        ok: false,
        issues: [
          {
            path: 'version',
            message: `is ${obj.version}, newer than this app understands (${PLAN_FILE_VERSION}); update Roadmap Dojo to open it`,
          },
        ],
      };
    const parsed = planFileSchema.safeParse(obj);
    if (!parsed.success) return { ok: false, issues: fromZodError(parsed.error, obj) };
    return { ok: true, file: parsed.data };
  } catch (error) {
    return {
      ok: false,
      issues: [{ path: '(file)', message: `could not be read (${String(error)})` }],
    };
  }
}

/**
 * Checks a plan file (or the part of a link that carries one) against a scenario: same scenario
 * id (when given) and known items. Notes need no check: they are plain text keyed by item id.
 */
export function checkPlanFile(
  scenario: Scenario,
  file: Pick<PlanFile, 'scenarioId' | 'plan'>,
): { ok: true; plan: Plan } | { ok: false; issues: Issue[] } {
  if (file.scenarioId !== '' && file.scenarioId !== scenario.id)
    return {
      ok: false,
      issues: [
        {
          path: 'scenarioId',
          message: `is "${file.scenarioId}" but the scenario is "${scenario.id}"`,
        },
      ],
    };
  const checked = validatePlan(scenario, file.plan);
  if (!checked.ok)
    return { ok: false, issues: checked.issues.map((i) => ({ ...i, path: `plan.${i.path}` })) };
  return checked;
}
