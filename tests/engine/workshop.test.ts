import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';

import { METRICS, type Scenario } from '../../src/engine/index.ts';
import { scoringPresets } from '../../src/engine/presets.ts';
import {
  CUSTOM_PRESET,
  MAX_CUSTOM_WEIGHT,
  MAX_SEED,
  TIMER_MINUTES,
  WORKSHOP_PLAY_MODES,
  WORKSHOP_TITLE_MAX,
  WORKSHOP_VERSION,
  checkWorkshopSettings,
  decodeWorkshop,
  defaultWorkshopSettings,
  encodeWorkshop,
  scoresVisible,
  workshopWeights,
  type WorkshopSettings,
} from '../../src/engine/workshop.ts';
import { shipped } from './helpers.ts';
import { cases, propertyTimeout } from '../support/depth.ts';

/** The fuzzers' cases (10,000 in `npm run test:deep`) and their hang timeout. */
const FUZZ = cases(10_000);
const ROUND_TRIPS = cases(1_000);
const TIMEOUT = propertyTimeout(FUZZ, 10);

const s = shipped('big-customer');
const known = (id: string): Scenario | undefined => (id === s.id ? s : undefined);
const presetIds = scoringPresets(s).map((p) => p.id);

/** Any settings a facilitator can make for big-customer. */
const settingsArb: fc.Arbitrary<WorkshopSettings> = fc
  .record({
    title: fc.string({ maxLength: WORKSHOP_TITLE_MAX }),
    preset: fc.constantFrom(...presetIds, CUSTOM_PRESET),
    weights: fc.record(
      Object.fromEntries(
        METRICS.map((m) => [
          m,
          fc.integer({ min: 0, max: 2 * MAX_CUSTOM_WEIGHT }).map((x) => x / 2),
        ]),
      ) as Record<(typeof METRICS)[number], fc.Arbitrary<number>>,
    ),
    timerMinutes: fc.integer({ min: TIMER_MINUTES.min, max: TIMER_MINUTES.max }),
    play: fc.constantFrom(...WORKSHOP_PLAY_MODES),
    hideScores: fc.boolean(),
    revealed: fc.boolean(),
    parFromHere: fc.boolean(),
    visualAlert: fc.boolean(),
    seed: fc.integer({ min: 1, max: MAX_SEED }),
  })
  .map((x) => ({
    ...x,
    scenarioId: s.id,
    // Custom weights must weigh something the scenario measures.
    weights: x.preset === CUSTOM_PRESET ? { ...x.weights, revenue: 1 } : { ...s.scoring.weights },
  }));

describe('workshop links', () => {
  it(
    `round-trips any settings (${ROUND_TRIPS.toLocaleString('en')} cases)`,
    () => {
      fc.assert(
        fc.property(settingsArb, (settings) => {
          const token = encodeWorkshop(settings);
          expect(token.startsWith(`w${WORKSHOP_VERSION}.`)).toBe(true);
          const decoded = decodeWorkshop(`#/workshop/join/${token}`, known);
          expect(decoded.ok && decoded.workshop.settings).toEqual(settings);
          expect(decoded.ok && decoded.workshop.embedded).toBe(false);
        }),
        { numRuns: ROUND_TRIPS },
      );
    },
    TIMEOUT,
  );

  it('carries the whole scenario for one the teams do not have', () => {
    const settings = defaultWorkshopSettings(s, 42);
    const token = encodeWorkshop(settings, { scenario: s });
    const decoded = decodeWorkshop(token, () => undefined);
    expect(decoded.ok && decoded.workshop.scenario.items.length).toBe(s.items.length);
    expect(decoded.ok && decoded.workshop.embedded).toBe(true);
    expect(decoded.ok && decoded.workshop.settings).toEqual(settings);
  });

  it('explains a too-new, truncated, foreign or unknown-scenario link', () => {
    const token = encodeWorkshop(defaultWorkshopSettings(s, 7));
    const future = decodeWorkshop(token.replace(/^w1\./, 'w2.'), known);
    expect(!future.ok && future.issues).toEqual([
      {
        path: '(link)',
        message:
          'was made by a newer version of Roadmap Dojo (workshop format 2; this one reads up to 1); update the app to join',
      },
    ]);
    const truncated = decodeWorkshop(token.slice(0, token.length - 10), known);
    expect(!truncated.ok && truncated.issues[0]!.message).toMatch(/damaged or incomplete/);
    const share = decodeWorkshop('p1.N4Ig', known);
    expect(!share.ok && share.issues[0]!.message).toBe('is not a Roadmap Dojo workshop link');
    const unknown = decodeWorkshop(token, () => undefined);
    expect(!unknown.ok && unknown.issues[0]).toEqual({
      path: '(link) scenarioId',
      message:
        'names a scenario this app does not have ("big-customer"); ask the facilitator for the scenario file too',
    });
  });

  it('names the field at fault in a well-formed but wrong payload', () => {
    const wrong = (payload: object) =>
      `w1.${compressToEncodedURIComponent(JSON.stringify(payload))}`;
    const base = { ...defaultWorkshopSettings(s, 3) } as Record<string, unknown>;
    delete base.weights;
    const badTimer = decodeWorkshop(wrong({ ...base, timerMinutes: 0 }), known);
    expect(!badTimer.ok && badTimer.issues[0]!.path).toBe('(link) timerMinutes');
    const badPlay = decodeWorkshop(wrong({ ...base, play: 'sometimes' }), known);
    expect(!badPlay.ok && badPlay.issues[0]!.path).toBe('(link) play');
    const badPreset = decodeWorkshop(wrong({ ...base, preset: 'cfo' }), known);
    expect(!badPreset.ok && badPreset.issues[0]).toEqual({
      path: '(link) preset',
      message: '"cfo" is not a scoring preset of this scenario',
    });
    const nothingWeighed = decodeWorkshop(
      wrong({ ...base, preset: CUSTOM_PRESET, weights: { compliance: 3 } }),
      known,
    );
    expect(!nothingWeighed.ok && nothingWeighed.issues[0]!.path).toBe('(link) weights');
  });

  it(
    `never throws on junk and never accepts it (${FUZZ.toLocaleString('en')} cases each)`,
    () => {
      const token = encodeWorkshop(defaultWorkshopSettings(s, 11));
      fc.assert(
        fc.property(fc.string({ maxLength: 400 }), (junk) => {
          const result = decodeWorkshop(junk, known);
          if (result.ok) expect(junk).toContain(token);
          else expect(result.issues.length).toBeGreaterThan(0);
        }),
        { numRuns: FUZZ },
      );
      fc.assert(
        fc.property(
          fc.nat({ max: token.length - 1 }),
          fc.string({ minLength: 1, maxLength: 3 }),
          (at, insert) => {
            // Characters changed or cut: decoded safely, as valid settings or as issues.
            const tampered = token.slice(0, at) + insert + token.slice(at + insert.length);
            const result = decodeWorkshop(tampered, known);
            if (result.ok) expect(checkWorkshopSettings(s, result.workshop.settings)).toEqual([]);
            else expect(result.issues.length).toBeGreaterThan(0);
          },
        ),
        { numRuns: FUZZ },
      );
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          // Valid compression of any JSON: the schema answers, never an exception.
          const result = decodeWorkshop(
            `w1.${compressToEncodedURIComponent(JSON.stringify(value))}`,
            known,
          );
          expect(result.ok).toBe(false);
        }),
        { numRuns: FUZZ },
      );
    },
    TIMEOUT,
  );
});

describe('workshop settings', () => {
  it('grade with the chosen preset, or the custom weights', () => {
    const settings = defaultWorkshopSettings(s, 1);
    expect(workshopWeights(s, settings)).toEqual(s.scoring.weights);
    const ciso = scoringPresets(s).find((p) => p.id === 'ciso')!;
    expect(workshopWeights(s, { ...settings, preset: 'ciso' })).toEqual(ciso.weights);
    const custom = { revenue: 0, security: 5 };
    expect(workshopWeights(s, { ...settings, preset: CUSTOM_PRESET, weights: custom })).toEqual(
      custom,
    );
  });

  it('show scores unless hidden and not yet revealed', () => {
    expect(scoresVisible({ hideScores: false, revealed: false })).toBe(true);
    expect(scoresVisible({ hideScores: true, revealed: false })).toBe(false);
    expect(scoresVisible({ hideScores: true, revealed: true })).toBe(true);
  });

  it('keep the seed a positive 31-bit integer', () => {
    expect(defaultWorkshopSettings(s, 0).seed).toBe(1);
    expect(defaultWorkshopSettings(s, 2 ** 40).seed).toBe(MAX_SEED);
  });
});
