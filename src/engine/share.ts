/**
 * Share links: a plan (and, for an imported scenario, the whole scenario) compressed into the URL
 * fragment, with a format version. Decoding never throws: a tampered, truncated, oversized or
 * too-new link comes back as issues with a message a person can act on.
 *
 * Format: `p<version>.<lz-string, URI-safe>` of JSON
 * `{ scenarioId, name, team?, plan, notes?, scenario? }`.
 */
// lz-string is CommonJS: its default export works under Vite, Vitest and plain Node alike.
import LZString from 'lz-string';
import { z } from './zod.ts';
import { fromZodError, type Issue } from './issues.ts';
import { idRecordSchema } from './ids.ts';
import { loadScenario } from './load.ts';
import { decompressUriSafe } from './lz.ts';
import type { Plan } from './plan.ts';
import { checkPlanFile } from './planFile.ts';
import { planSchema, type Scenario, type ScenarioInput } from './schema.ts';

export const SHARE_VERSION = 1;
/** Links longer than this are refused before decompressing. */
export const MAX_SHARE_CHARS = 300_000;
/** Decompressed payloads larger than this are refused before parsing. */
const MAX_PAYLOAD_CHARS = 2_500_000;

const payloadSchema = z.strictObject({
  scenarioId: z.string().min(1).max(64),
  name: z.string().max(80).default('Shared plan'),
  team: z.string().max(80).optional(),
  plan: planSchema,
  // Keyed by item ids: read into an id record, so a note on "__proto__" stays data.
  notes: idRecordSchema(z.string().max(4000), 64).optional(),
  scenario: z.unknown().optional(),
});

export interface SharedPlan {
  scenarioId: string;
  name: string;
  team?: string;
  plan: Plan;
  notes: Record<string, string>;
  /** Present when the link carries its own scenario (an imported one). */
  scenario?: Scenario;
}

export interface ShareInput {
  scenario: Scenario;
  plan: Plan;
  name: string;
  team?: string;
  notes?: Record<string, string>;
  /** Embed the whole scenario (for scenarios the recipient may not have). */
  includeScenario?: boolean;
}

/** Encodes a plan as the token that goes after `#/share/` in a link. */
export function encodeShare(input: ShareInput): string {
  const notes = Object.fromEntries(
    Object.entries(input.notes ?? {}).filter(([, t]) => t.trim() !== ''),
  );
  const payload = {
    scenarioId: input.scenario.id,
    name: input.name,
    ...(input.team ? { team: input.team } : {}),
    plan: { slots: input.plan.slots },
    ...(Object.keys(notes).length > 0 ? { notes } : {}),
    ...(input.includeScenario ? { scenario: stripBaked(input.scenario) } : {}),
  };
  return `p${SHARE_VERSION}.${LZString.compressToEncodedURIComponent(JSON.stringify(payload))}`;
}

/** A scenario without baked par (the recipient recomputes it): shorter links. */
function stripBaked(scenario: Scenario): ScenarioInput {
  const { par: _par, ...rest } = scenario;
  return rest;
}

const damaged: Issue = {
  path: '(link)',
  message:
    'is damaged or incomplete — it may have been cut off when it was copied. Ask for the link again.',
};

/**
 * The scenario a link is for: the one it carries (validated, and it must be the one it names), or
 * the one the app has under `scenarioId`. Shared by plan links and workshop links; `missingHint`
 * says what to ask the sender for when the app does not have it.
 */
export function linkScenario(
  embedded: unknown,
  scenarioId: string,
  findScenario: (id: string) => Scenario | undefined,
  missingHint: string,
): { ok: true; scenario: Scenario } | { ok: false; issues: Issue[] } {
  if (embedded !== undefined) {
    const loaded = loadScenario(embedded);
    if (!loaded.ok)
      return {
        ok: false,
        issues: loaded.issues.map((i) => ({ ...i, path: `(link) scenario.${i.path}` })),
      };
    if (loaded.scenario.id !== scenarioId)
      return {
        ok: false,
        issues: [
          {
            path: '(link) scenarioId',
            message: `does not match the scenario in the link (${loaded.scenario.id})`,
          },
        ],
      };
    return { ok: true, scenario: loaded.scenario };
  }
  const scenario = findScenario(scenarioId);
  if (!scenario)
    return {
      ok: false,
      issues: [
        {
          path: '(link) scenarioId',
          message: `names a scenario this app does not have ("${scenarioId}"); ${missingHint}`,
        },
      ],
    };
  return { ok: true, scenario };
}

/**
 * Decodes a share token (with or without a leading `#/share/`), checking it against the scenario
 * the app knows by that id — or the scenario the link carries.
 */
export function decodeShare(
  token: string,
  findScenario: (id: string) => Scenario | undefined,
): { ok: true; shared: SharedPlan } | { ok: false; issues: Issue[] } {
  try {
    const raw = token.replace(/^#?\/?share\//, '').trim();
    if (raw.length > MAX_SHARE_CHARS)
      return {
        ok: false,
        issues: [
          {
            path: '(link)',
            message: `is too long (${raw.length} characters) to be a Roadmap Dojo link`,
          },
        ],
      };
    const match = /^p(\d+)\.(.+)$/s.exec(raw);
    if (!match)
      return {
        ok: false,
        issues: [{ path: '(link)', message: 'is not a Roadmap Dojo plan link' }],
      };
    const version = Number(match[1]);
    if (version > SHARE_VERSION)
      return {
        ok: false,
        issues: [
          {
            path: '(link)',
            message: `was made by a newer version of Roadmap Dojo (format ${version}); update the app to open it`,
          },
        ],
      };
    if (version < 1) return { ok: false, issues: [damaged] };
    // Bounded: a short link can expand enormously; stop at the payload limit.
    const text = decompressUriSafe(match[2]!, MAX_PAYLOAD_CHARS);
    if (!text) return { ok: false, issues: [damaged] };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, issues: [damaged] };
    }
    const parsed = payloadSchema.safeParse(json);
    if (!parsed.success)
      return {
        ok: false,
        issues: fromZodError(parsed.error, json).map((i) => ({ ...i, path: `(link) ${i.path}` })),
      };
    const p = parsed.data;
    const resolved = linkScenario(
      p.scenario,
      p.scenarioId,
      findScenario,
      'ask for the scenario file too',
    );
    if (!resolved.ok) return resolved;
    const { scenario } = resolved;
    const checked = checkPlanFile(scenario, {
      format: 'roadmap-dojo/plan',
      version: 1,
      scenarioId: p.scenarioId,
      name: p.name,
      plan: p.plan,
      notes: p.notes ?? {},
    });
    if (!checked.ok)
      return { ok: false, issues: checked.issues.map((i) => ({ ...i, path: `(link) ${i.path}` })) };
    return {
      ok: true,
      shared: {
        scenarioId: p.scenarioId,
        name: p.name,
        ...(p.team ? { team: p.team } : {}),
        plan: checked.plan,
        notes: p.notes ?? {},
        ...(p.scenario !== undefined ? { scenario } : {}),
      },
    };
  } catch (error) {
    return {
      ok: false,
      issues: [{ path: '(link)', message: `could not be read (${String(error)})` }],
    };
  }
}
