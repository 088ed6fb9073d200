/**
 * Workshop links: a facilitator's settings — the scenario, who grades the plans (a scoring preset
 * or custom weights), the timer, round-by-round or whole-year play, hidden scores and the dice
 * every team plays with — compressed into the URL fragment with a format version, the same way as
 * share links. A team on another laptop opens the link and plays under the same settings.
 *
 * Decoding never throws: a tampered, truncated, oversized or too-new link comes back as issues
 * with a message a person can act on.
 *
 * Format: `w<version>.<lz-string, URI-safe>` of JSON `{ scenarioId, title?, preset, weights?,
 * timerMinutes, play, hideScores, revealed, visualAlert, seed, parFromHere?, scenario? }`.
 */
import { z } from './zod.ts';
import { compile } from './compile.ts';
import type { Issue } from './issues.ts';
import { encodeLink, linkScenario, readLink, scenarioForLink, type LinkKind } from './link.ts';
import { scoringPresets } from './presets.ts';
import { METRICS, type Metric, type Scenario, type Weights } from './schema.ts';

export const WORKSHOP_VERSION = 1;
/** Links longer than this are refused before decompressing. */
export const MAX_WORKSHOP_CHARS = 300_000;
/** Decompressed payloads larger than this are refused before parsing. */
const MAX_PAYLOAD_CHARS = 2_500_000;

/** `rounds`: commit one slot at a time and reveal its events; `year`: plan the whole year. */
export const WORKSHOP_PLAY_MODES = ['rounds', 'year'] as const;
export type WorkshopPlay = (typeof WORKSHOP_PLAY_MODES)[number];

/** The preset id that means "use `weights`". */
export const CUSTOM_PRESET = 'custom';

/** Timer length in whole minutes. */
export const TIMER_MINUTES = { min: 1, max: 180 } as const;

/** Seeds are positive 31-bit integers, like the plays' seeds. */
export const MAX_SEED = 2_147_483_647;

/** Longest workshop title kept (characters). */
export const WORKSHOP_TITLE_MAX = 80;

/** What a facilitator chose; plain JSON. */
export interface WorkshopSettings {
  scenarioId: string;
  /** Shown on the projector, e.g. "Product guild, March" (may be empty). */
  title: string;
  /** A scoring preset id of the scenario (see `scoringPresets`) or `CUSTOM_PRESET`. */
  preset: string;
  /** The custom weights per metric (0–10), used when `preset` is `CUSTOM_PRESET`. */
  weights: Weights;
  /** Timer length in minutes. */
  timerMinutes: number;
  play: WorkshopPlay;
  /** Teams see their board but no projected score or % of par until the reveal. */
  hideScores: boolean;
  /** The facilitator has revealed the scores. */
  revealed: boolean;
  /** Flash the timer when time is up (never a sound). */
  visualAlert: boolean;
  /** The dice every team plays with: the same scripted events and rolls for everyone. */
  seed: number;
  /** Teams may ask for "par from here" (the best continuation); off hides it. */
  parFromHere: boolean;
}

/** Custom weights go from 0 to this (sliders in half steps). */
export const MAX_CUSTOM_WEIGHT = 10;

const weightsSchema = z.strictObject(
  Object.fromEntries(
    METRICS.map((m) => [m, z.optional(z.number().check(z.gte(0), z.lte(MAX_CUSTOM_WEIGHT)))]),
  ) as Record<Metric, z.ZodMiniOptional<z.ZodMiniNumber<number>>>,
);

const settingsFields = {
  scenarioId: z.string().check(z.minLength(1), z.maxLength(64)),
  title: z._default(z.string().check(z.maxLength(WORKSHOP_TITLE_MAX)), ''),
  preset: z.string().check(z.minLength(1), z.maxLength(64)),
  weights: z._default(weightsSchema, {}),
  timerMinutes: z.int().check(z.gte(TIMER_MINUTES.min), z.lte(TIMER_MINUTES.max)),
  play: z.enum(WORKSHOP_PLAY_MODES),
  hideScores: z.boolean(),
  revealed: z._default(z.boolean(), false),
  visualAlert: z._default(z.boolean(), true),
  seed: z.int().check(z.gte(1), z.lte(MAX_SEED)),
  parFromHere: z._default(z.boolean(), true),
};

/** The settings as stored (local storage): the same fields and limits as in a link. */
export const workshopSettingsSchema = z.object(settingsFields);

const payloadSchema = z.strictObject({ ...settingsFields, scenario: z.optional(z.unknown()) });

/** Workshop links: `w1.…` after `#/workshop/join/`. */
const WORKSHOP_LINK: LinkKind<typeof payloadSchema> = {
  prefix: 'w',
  version: WORKSHOP_VERSION,
  route: /^#?\/?workshop\/join\//,
  maxChars: MAX_WORKSHOP_CHARS,
  maxPayloadChars: MAX_PAYLOAD_CHARS,
  schema: payloadSchema,
  name: 'workshop link',
  newer: (version) =>
    `was made by a newer version of Roadmap Dojo (workshop format ${version}; this one reads up to ${WORKSHOP_VERSION}); update the app to join`,
  askAgain: 'Ask the facilitator for the link again.',
};

/** Sensible settings for a scenario: its own weights, 15 minutes, round by round, scores shown. */
export function defaultWorkshopSettings(scenario: Scenario, seed: number): WorkshopSettings {
  return {
    scenarioId: scenario.id,
    title: '',
    preset: 'balanced',
    weights: { ...scenario.scoring.weights },
    timerMinutes: 15,
    play: 'rounds',
    hideScores: false,
    revealed: false,
    visualAlert: true,
    seed: Math.min(MAX_SEED, Math.max(1, Math.floor(seed))),
    parFromHere: true,
  };
}

/** The weights the settings grade with: the chosen preset's, or the custom ones. */
export function workshopWeights(scenario: Scenario, settings: WorkshopSettings): Weights {
  if (settings.preset === CUSTOM_PRESET) return settings.weights;
  return (
    scoringPresets(scenario).find((p) => p.id === settings.preset)?.weights ??
    scenario.scoring.weights
  );
}

/** Whether scores are on show: not hidden, or revealed. */
export function scoresVisible(settings: Pick<WorkshopSettings, 'hideScores' | 'revealed'>) {
  return !settings.hideScores || settings.revealed;
}

/**
 * Problems with settings for a scenario: an unknown preset, or custom weights that weigh nothing
 * the scenario measures. Empty when the settings can be played.
 */
export function checkWorkshopSettings(scenario: Scenario, settings: WorkshopSettings): Issue[] {
  const issues: Issue[] = [];
  if (settings.scenarioId !== scenario.id)
    issues.push({
      path: 'scenarioId',
      message: `is "${settings.scenarioId}" but the scenario is "${scenario.id}"`,
    });
  if (settings.preset === CUSTOM_PRESET) {
    const { applicable } = compile(scenario);
    if (!METRICS.some((m) => applicable[m] && (settings.weights[m] ?? 0) > 0))
      issues.push({
        path: 'weights',
        message: 'must give a weight above 0 to at least one metric this scenario measures',
      });
  } else if (!scoringPresets(scenario).some((p) => p.id === settings.preset))
    issues.push({
      path: 'preset',
      message: `"${settings.preset}" is not a scoring preset of this scenario`,
    });
  return issues;
}

/** Encodes settings as the token that goes after `#/workshop/join/` in a link. */
export function encodeWorkshop(
  settings: WorkshopSettings,
  options: {
    /** Embed the whole scenario (for an imported scenario the teams may not have). */
    scenario?: Scenario;
  } = {},
): string {
  return encodeLink(WORKSHOP_LINK, {
    scenarioId: settings.scenarioId,
    ...(settings.title ? { title: settings.title } : {}),
    preset: settings.preset,
    ...(settings.preset === CUSTOM_PRESET ? { weights: settings.weights } : {}),
    timerMinutes: settings.timerMinutes,
    play: settings.play,
    hideScores: settings.hideScores,
    revealed: settings.revealed,
    visualAlert: settings.visualAlert,
    seed: settings.seed,
    ...(settings.parFromHere ? {} : { parFromHere: false }),
    ...(options.scenario ? { scenario: scenarioForLink(options.scenario) } : {}),
  });
}

export interface DecodedWorkshop {
  settings: WorkshopSettings;
  scenario: Scenario;
  /** True when the link carried its own scenario (an imported one). */
  embedded: boolean;
}

/**
 * Decodes a workshop token (with or without a leading `#/workshop/join/`), checking it against
 * the scenario the app knows by that id — or the scenario the link carries.
 */
export function decodeWorkshop(
  token: string,
  findScenario: (id: string) => Scenario | undefined,
): { ok: true; workshop: DecodedWorkshop } | { ok: false; issues: Issue[] } {
  const read = readLink(token, WORKSHOP_LINK, (payload) => {
    const { scenario: embeddedInput, ...fields } = payload;
    const resolved = linkScenario(
      embeddedInput,
      fields.scenarioId,
      findScenario,
      'ask the facilitator for the scenario file too',
    );
    if (!resolved.ok) return resolved;
    const scenario = resolved.value;
    const settings: WorkshopSettings = {
      ...fields,
      weights: fields.preset === CUSTOM_PRESET ? fields.weights : { ...scenario.scoring.weights },
    };
    const issues = checkWorkshopSettings(scenario, settings);
    if (issues.length > 0)
      return { ok: false, issues: issues.map((i) => ({ ...i, path: `(link) ${i.path}` })) };
    return {
      ok: true as const,
      value: { settings, scenario, embedded: embeddedInput !== undefined },
    };
  });
  return read.ok ? { ok: true, workshop: read.value } : read;
}
