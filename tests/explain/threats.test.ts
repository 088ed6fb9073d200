/**
 * Standing threats in the words users read: the control's badge on its card, the briefing's
 * threat profile, and where a breach in the story came from. The expected sentences are put
 * together here from the scenario's own figures and hand-made traces.
 */
import { describe, expect, it } from 'vitest';

import { emptyPlan, simulate, type SlotTrace } from '../../src/engine';
import { effectBadges, standingThreats } from '../../src/explain/advice';
import { breachSources, storyOf } from '../../src/explain/story';
import { shipped } from '../engine/helpers';

describe('a control on its card', () => {
  it('zero-day: clinician MFA names the phishing threat, how much it cuts and what is at stake', () => {
    const scenario = shipped('zero-day');
    const mfa = scenario.items.find((i) => i.id === 'clinician-mfa')!;
    const badge = effectBadges(scenario, mfa).find((b) => b.key === 'controls:phishing');
    expect(badge).toEqual({
      key: 'controls:phishing',
      label: '−90% “Phished clinician…”',
      detail:
        'Once done, cuts the chance of a breach through “Phished clinician passwords” by 90% (8% a year with nothing done; a breach costs $5.00M).',
      tone: 'good',
    });
  });

  it('an item that controls nothing has no control badge', () => {
    const scenario = shipped('zero-day');
    const sbom = scenario.items.find((i) => i.id === 'sbom')!;
    expect(effectBadges(scenario, sbom).some((b) => b.key.startsWith('controls:'))).toBe(false);
  });
});

describe('the briefing’s threat profile', () => {
  it('zero-day: the phishing threat, its yearly chance, the breach cost and its control', () => {
    expect(standingThreats(shipped('zero-day'))).toEqual([
      {
        id: 'phishing',
        title: 'Phished clinician passwords',
        perYear: 0.08,
        detail: 'About 8% a year that it leads to a breach ($5.00M each), with nothing done.',
        controls: [
          {
            item: 'clinician-mfa',
            title: 'MFA for clinician accounts',
            reduction: 0.9,
            text: '“MFA for clinician accounts” cuts it by 90%',
          },
        ],
        controlsText: '“MFA for clinician accounts” cuts it by 90%.',
      },
    ]);
  });

  it('is empty for a scenario without threats', () => {
    expect(standingThreats(shipped('tutorial'))).toEqual([]);
  });
});

describe('where a breach came from', () => {
  const scenario = shipped('zero-day');
  const trace = (over: Partial<SlotTrace>): SlotTrace => ({
    ...simulate(scenario, emptyPlan(scenario)).slots[0]!,
    ...over,
  });

  it('names each source by its title with its chance, largest first, and the stale rest', () => {
    // 1 − p = (1 − 0.01)·(1 − 0.02)·(1 − 0.05): the stale-dependency baseline is the 1%.
    const p = 1 - 0.99 * 0.98 * 0.95;
    const text = breachSources(
      scenario,
      trace({
        breachProbability: p,
        vulnerabilityRisk: [{ id: 'cve-xml', probability: 0.02 }],
        threatRisk: [{ id: 'phishing', probability: 0.05 }],
      }),
    );
    expect(text).toBe(
      'the risk came from “Phished clinician passwords” (5.0%), “High-severity CVE in the XML parser” (2.0%) and stale dependencies (1.0%)',
    );
  });

  it('leaves out a stale-dependency share too small to print', () => {
    const text = breachSources(
      scenario,
      trace({
        breachProbability: 0.03,
        vulnerabilityRisk: [],
        threatRisk: [{ id: 'phishing', probability: 0.03 }],
      }),
    );
    expect(text).toBe('the risk came from “Phished clinician passwords” (3.0%)');
  });

  it('the story of a run with a breach names its sources, never the ids', () => {
    const plan = emptyPlan(scenario);
    // The first seed whose empty plan is breached (the dice are fixed per seed).
    for (let seed = 1; seed < 400; seed++) {
      const run = simulate(scenario, plan, { mode: 'seeded', seed });
      const hit = run.events.find((e) => e.kind === 'breach' && e.outcome > 0);
      if (!hit) continue;
      const told = storyOf(scenario, run)[hit.slot]!.events.find((e) => e.kind === 'breach')!;
      const sources = breachSources(scenario, run.slots[hit.slot]!);
      expect(told.text.endsWith(`; ${sources}.`)).toBe(true);
      expect(told.text).toContain('“Phished clinician passwords”');
      expect(told.text).not.toMatch(/open: |threats: /);
      return;
    }
    throw new Error('no seed under 400 breaches the empty plan');
  });
});
