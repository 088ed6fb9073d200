/**
 * Share links: a plan (and, for an imported scenario, the whole scenario) compressed into the URL
 * fragment, with a format version. Decoding never throws: a tampered, truncated, oversized or
 * too-new link comes back as issues with a message a person can act on.
 *
 * Format: `p<version>.<lz-string, URI-safe>` of JSON
 * `{ scenarioId, name, team?, plan, notes?, scenario? }`.
 */
import { z } from './zod.ts';
import type { Issue } from './issues.ts';
import { idRecordSchema } from './ids.ts';
import { encodeLink, linkScenario, readLink, scenarioForLink, type LinkKind } from './link.ts';
import type { Plan } from './plan.ts';
import { checkPlanFile } from './planFile.ts';
import { planSchema, type Scenario } from './schema.ts';

export const SHARE_VERSION = 1;
/** Links longer than this are refused before decompressing. */
export const MAX_SHARE_CHARS = 300_000;
/** Decompressed payloads larger than this are refused before parsing. */
const MAX_PAYLOAD_CHARS = 2_500_000;

const payloadSchema = z.strictObject({
  scenarioId: z.string().check(z.minLength(1), z.maxLength(64)),
  name: z._default(z.string().check(z.maxLength(80)), 'Shared plan'),
  team: z.optional(z.string().check(z.maxLength(80))),
  plan: planSchema,
  // Keyed by item ids: read into an id record, so a note on "__proto__" stays data.
  notes: z.optional(idRecordSchema(z.string().check(z.maxLength(4000)), 64)),
  scenario: z.optional(z.unknown()),
});

/** Plan links: `p1.…` after `#/share/`. */
const SHARE_LINK: LinkKind<typeof payloadSchema> = {
  prefix: 'p',
  version: SHARE_VERSION,
  route: /^#?\/?share\//,
  maxChars: MAX_SHARE_CHARS,
  maxPayloadChars: MAX_PAYLOAD_CHARS,
  schema: payloadSchema,
  name: 'plan link',
  newer: (version) =>
    `was made by a newer version of Roadmap Dojo (format ${version}); update the app to open it`,
  askAgain: 'Ask for the link again.',
};

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
  return encodeLink(SHARE_LINK, {
    scenarioId: input.scenario.id,
    name: input.name,
    ...(input.team ? { team: input.team } : {}),
    plan: { slots: input.plan.slots },
    ...(Object.keys(notes).length > 0 ? { notes } : {}),
    ...(input.includeScenario ? { scenario: scenarioForLink(input.scenario) } : {}),
  });
}

/**
 * Decodes a share token (with or without a leading `#/share/`), checking it against the scenario
 * the app knows by that id — or the scenario the link carries.
 */
export function decodeShare(
  token: string,
  findScenario: (id: string) => Scenario | undefined,
): { ok: true; shared: SharedPlan } | { ok: false; issues: Issue[] } {
  const read = readLink(token, SHARE_LINK, (p) => {
    const resolved = linkScenario(
      p.scenario,
      p.scenarioId,
      findScenario,
      'ask for the scenario file too',
    );
    if (!resolved.ok) return resolved;
    const scenario = resolved.value;
    const checked = checkPlanFile(scenario, { scenarioId: p.scenarioId, plan: p.plan });
    if (!checked.ok)
      return { ok: false, issues: checked.issues.map((i) => ({ ...i, path: `(link) ${i.path}` })) };
    return {
      ok: true as const,
      value: {
        scenarioId: p.scenarioId,
        name: p.name,
        ...(p.team ? { team: p.team } : {}),
        plan: checked.plan,
        notes: p.notes ?? {},
        ...(p.scenario !== undefined ? { scenario } : {}),
      },
    };
  });
  return read.ok ? { ok: true, shared: read.value } : read;
}
