import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, SHARE_VERSION } from '../../src/engine/share.ts';
import type { Plan, Scenario } from '../../src/engine/index.ts';
import { shipped } from './helpers.ts';
import { cases, propertyTimeout } from '../support/depth.ts';

/** The fuzzers' cases (10,000 in `npm run test:deep`) and their hang timeout. */
const FUZZ = cases(10_000);
const TIMEOUT = propertyTimeout(FUZZ, 10);

const s = shipped('big-customer');
const known = (id: string): Scenario | undefined => (id === s.id ? s : undefined);
const plan: Plan = { slots: [['patch-pdf', 'user-model'], ['sso'], [], ['db-migration']] };

describe('share links', () => {
  it('round-trips a plan with its name and notes', () => {
    const token = encodeShare({
      scenario: s,
      plan,
      name: 'Team Red',
      notes: { sso: 'Northwind', waf: '' },
    });
    expect(token.startsWith(`p${SHARE_VERSION}.`)).toBe(true);
    const decoded = decodeShare(`#/share/${token}`, known);
    expect(decoded.ok && decoded.shared).toEqual({
      scenarioId: s.id,
      name: 'Team Red',
      plan,
      notes: { sso: 'Northwind' },
    });
  });

  it('carries a team name, and drops notes with nothing but spaces in them', () => {
    const token = encodeShare({
      scenario: s,
      plan,
      name: 'Plan B',
      team: 'Blue',
      notes: { sso: ' \n ', waf: '  Ask Northwind first  ' },
    });
    const decoded = decodeShare(token, known);
    expect(decoded.ok && decoded.shared).toEqual({
      scenarioId: s.id,
      name: 'Plan B',
      team: 'Blue',
      plan,
      notes: { waf: '  Ask Northwind first  ' },
    });
  });

  it('carries only what the plan has: no empty notes, team or scenario fields', () => {
    const token = encodeShare({ scenario: s, plan, name: 'Lean', notes: { sso: ' ' } });
    const payload = JSON.parse(
      LZString.decompressFromEncodedURIComponent(token.slice(`p${SHARE_VERSION}.`.length)),
    ) as Record<string, unknown>;
    expect(Object.keys(payload).sort()).toEqual(['name', 'plan', 'scenarioId']);
  });

  it('carries the whole scenario for one the recipient does not have', () => {
    const token = encodeShare({ scenario: s, plan, name: 'Imported', includeScenario: true });
    const decoded = decodeShare(token, () => undefined);
    expect(decoded.ok && decoded.shared.scenario?.id).toBe(s.id);
    expect(decoded.ok && decoded.shared.scenario?.items.length).toBe(s.items.length);
  });

  it('refuses a link whose carried scenario is not the one it names', () => {
    // A link naming big-customer but carrying another scenario (here: the same one under a new
    // id) would otherwise open the plan against a scenario the sender never planned for.
    const token = encodeShare({ scenario: s, plan, name: 'x', includeScenario: true });
    const payload = JSON.parse(
      LZString.decompressFromEncodedURIComponent(token.slice('p1.'.length)),
    ) as { scenario: { id: string } };
    payload.scenario.id = 'not-big-customer';
    const forged = `p1.${LZString.compressToEncodedURIComponent(JSON.stringify(payload))}`;
    for (const find of [known, () => undefined]) {
      const decoded = decodeShare(forged, find);
      expect(decoded).toEqual({
        ok: false,
        issues: [
          {
            path: '(link) scenarioId',
            message: 'does not match the scenario in the link (not-big-customer)',
          },
        ],
      });
    }
  });

  it('explains a truncated, tampered, foreign or too-new link', () => {
    const token = encodeShare({ scenario: s, plan, name: 'x' });
    const truncated = decodeShare(token.slice(0, token.length - 12), known);
    expect(!truncated.ok && truncated.issues[0]!.message).toMatch(/damaged or incomplete/);
    const future = decodeShare(token.replace(/^p1\./, 'p9.'), known);
    expect(!future.ok && future.issues[0]!.message).toMatch(
      /newer version of Roadmap Dojo \(format 9\)/,
    );
    const foreign = decodeShare('hello', known);
    expect(!foreign.ok && foreign.issues[0]!.message).toBe('is not a Roadmap Dojo plan link');
    const unknown = decodeShare(token, () => undefined);
    expect(!unknown.ok && unknown.issues[0]!.message).toMatch(
      /names a scenario this app does not have.*ask for the scenario file too/,
    );
  });

  it('rejects a link whose plan names items the scenario does not have', () => {
    const token = encodeShare({ scenario: s, plan: { slots: [['ghost'], [], [], []] }, name: 'x' });
    const decoded = decodeShare(token, known);
    expect(!decoded.ok && decoded.issues[0]).toEqual({
      path: '(link) plan.slots[0][0]',
      message: 'unknown item "ghost"',
    });
  });

  it(
    `never throws and never accepts junk (${FUZZ.toLocaleString('en')} cases each)`,
    () => {
      const token = encodeShare({ scenario: s, plan, name: 'x' });
      fc.assert(
        fc.property(fc.string({ maxLength: 400 }), (junk) => {
          const result = decodeShare(junk, known);
          if (result.ok) expect(junk).toContain(token);
        }),
        { numRuns: FUZZ },
      );
      fc.assert(
        fc.property(
          fc.nat({ max: token.length - 1 }),
          fc.string({ minLength: 1, maxLength: 3 }),
          (at, insert) => {
            // A link with characters changed or cut: decoded safely, either as a valid plan for this
            // scenario or as issues.
            const tampered = token.slice(0, at) + insert + token.slice(at + insert.length);
            const result = decodeShare(tampered, known);
            if (result.ok) expect(result.shared.plan.slots).toHaveLength(4);
            else expect(result.issues.length).toBeGreaterThan(0);
          },
        ),
        { numRuns: FUZZ },
      );
    },
    TIMEOUT,
  );
});
