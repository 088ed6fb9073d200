/**
 * The envelope of the app's links (plan links, workshop links): `<prefix><version>.<payload>`,
 * where the payload is JSON compressed with lz-string's URI-safe encoding. One encoder and one
 * decoder for every kind of link, so each kind only says what its payload is.
 *
 * Decoding never throws and is bounded: a link longer than the kind's limit is refused before it
 * is decompressed, the decompression stops as soon as the text would pass the payload limit (a
 * short crafted link can expand enormously), and what comes out is parsed as JSON and checked
 * against the kind's schema. Every refusal is an issue on `(link)` with a message a person can act
 * on: damaged, too long, from a newer version, not this kind of link.
 */
// lz-string is CommonJS: its default export works under Vite, Vitest and plain Node alike.
import LZString from 'lz-string';
import type { z } from './zod.ts';
import { fromZodError, type Issue } from './issues.ts';
import { loadScenario } from './load.ts';
import { decompressUriSafe } from './lz.ts';
import type { Scenario, ScenarioInput } from './schema.ts';

/** What a kind of link is: its marks, its limits, its payload and the words of its refusals. */
export interface LinkKind<S extends z.ZodMiniType> {
  /** The letter in front of the version: `p` for plan links, `w` for workshop links. */
  prefix: string;
  /** The newest format this app writes and reads. */
  version: number;
  /** The route in front of a token in a whole link (stripped when present), e.g. `share/`. */
  route: RegExp;
  /** Links longer than this (characters) are refused before decompressing. */
  maxChars: number;
  /** Decompressed payloads longer than this (characters) are refused before parsing. */
  maxPayloadChars: number;
  /** The payload's schema. */
  schema: S;
  /** "plan link", "workshop link": as in "is not a Roadmap Dojo plan link". */
  name: string;
  /** The refusal of a link from a newer format `version`. */
  newer: (version: number) => string;
  /** Who to ask for the link again, ending the "damaged" message: "Ask for the link again." */
  askAgain: string;
}

export type LinkResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

const linkIssue = (message: string): { ok: false; issues: Issue[] } => ({
  ok: false,
  issues: [{ path: '(link)', message }],
});

/** The token for `payload` (what goes after the route in a link). */
export function encodeLink<S extends z.ZodMiniType>(
  kind: LinkKind<S>,
  payload: z.input<S>,
): string {
  return `${kind.prefix}${kind.version}.${LZString.compressToEncodedURIComponent(JSON.stringify(payload))}`;
}

/**
 * Opens a token (with or without its route in front) of the given kind: checks its length, prefix
 * and version, decompresses it within the payload limit, parses the JSON and validates it.
 */
export function openLink<S extends z.ZodMiniType>(
  token: unknown,
  kind: LinkKind<S>,
): LinkResult<z.output<S>> {
  const raw = String(token).replace(kind.route, '').trim();
  if (raw.length > kind.maxChars)
    return linkIssue(`is too long (${raw.length} characters) to be a Roadmap Dojo ${kind.name}`);
  const match = /^([a-z])(\d+)\.(.+)$/s.exec(raw);
  if (!match || match[1] !== kind.prefix) return linkIssue(`is not a Roadmap Dojo ${kind.name}`);
  const damaged = linkIssue(
    `is damaged or incomplete — it may have been cut off when it was copied. ${kind.askAgain}`,
  );
  const version = Number(match[2]);
  if (version > kind.version) return linkIssue(kind.newer(version));
  if (version < 1) return damaged;
  // Bounded: a short link can expand enormously; stop at the payload limit.
  const text = decompressUriSafe(match[3]!, kind.maxPayloadChars);
  if (!text) return damaged;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return damaged;
  }
  const parsed = kind.schema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      issues: fromZodError(parsed.error, json).map((i) => ({ ...i, path: `(link) ${i.path}` })),
    };
  return { ok: true, value: parsed.data };
}

/**
 * Opens a token and hands its payload to `finish` (which checks it against the app's scenarios).
 * Never throws: anything that throws on the way comes back as an issue.
 */
export function readLink<S extends z.ZodMiniType, R>(
  token: unknown,
  kind: LinkKind<S>,
  finish: (payload: z.output<S>) => LinkResult<R>,
): LinkResult<R> {
  try {
    const opened = openLink(token, kind);
    return opened.ok ? finish(opened.value) : opened;
  } catch (error) {
    return linkIssue(`could not be read (${String(error)})`);
  }
}

/** A scenario as a link carries it: without baked par (the recipient recomputes it), shorter. */
export function scenarioForLink(scenario: Scenario): ScenarioInput {
  const { par: _par, ...rest } = scenario;
  return rest;
}

/**
 * The scenario a link is for: the one it carries (validated, and it must be the one it names), or
 * the one the app has under `scenarioId`. `missingHint` says what to ask the sender for when the
 * app does not have it.
 */
export function linkScenario(
  embedded: unknown,
  scenarioId: string,
  findScenario: (id: string) => Scenario | undefined,
  missingHint: string,
): LinkResult<Scenario> {
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
    return { ok: true, value: loaded.scenario };
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
  return { ok: true, value: scenario };
}
