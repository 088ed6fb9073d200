/**
 * Hidden likelihoods (docs/model.md, "Hidden facts and experiments"): a standing threat whose
 * true chance a year is one of a few outcomes. Per slot a threat's hazard is
 * h = 1 − (1 − q)^(1/slotsPerYear) (step 8); the expected world uses the stated q (the outcomes'
 * chance-weighted mean), a seeded world the drawn q, and a conditional world the drawn q only once
 * an experiment that names the threat in `reveals` has shown it. Threats never reveal themselves.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../../../src/engine/compile.ts';
import { conditionalWorld } from '../../../src/engine/expected.ts';
import { allHiddenFacts, drawWorld, likelihoodKey } from '../../../src/engine/hidden.ts';
import {
  loadScenario,
  revealedAfter,
  simulate,
  type ScenarioInput,
} from '../../../src/engine/index.ts';
import { drawStream } from '../../../src/engine/rng.ts';
import { item, plan, QUIET, quarters, scenario, slot, type ItemInput } from './build.ts';

type Threat = NonNullable<NonNullable<ScenarioInput['security']>['threats']>[number];

const SLE = 1_000_000;
const perSlot = (perYear: number) => 1 - Math.pow(1 - perYear, 1 / 4);

/** Phishing: 4% or 36% a year at even chances, 20% stated; MFA cuts it by 70%. */
const phishing = (extra: Partial<Threat> = {}): Threat => ({
  id: 'phishing',
  title: 'Phished staff passwords',
  perYear: 0.2,
  controls: [{ item: 'mfa', reduction: 0.7 }],
  likelihoodOutcomes: [
    { perYear: 0.04, chance: 0.5, label: 'staff report the test emails' },
    { perYear: 0.36, chance: 0.5, label: 'staff click the test emails' },
  ],
  ...extra,
});

function withPhishing(threat: Threat = phishing(), items?: ItemInput[]) {
  return scenario(
    {
      time: { labels: quarters(3), slotsPerYear: 4 },
      security: { sle: SLE, vulnerabilities: [], threats: [threat] },
    },
    items ?? [
      item('simulation', 1, { reveals: ['phishing'] }),
      item('mfa', 4, { type: 'security' }),
      item('feature', 4),
    ],
  );
}

function seedWith(s: ReturnType<typeof scenario>, k: number): number {
  for (let seed = 1; seed < 1000; seed++)
    if (drawWorld(s, seed).get(likelihoodKey('phishing')) === k) return seed;
  throw new Error(`no seed draws outcome ${k}`);
}

describe('a hidden likelihood', () => {
  const s = withPhishing();

  it('is planned at its stated chance a year in the expected world', () => {
    const out = simulate(s, plan(s));
    expect(slot(out, 0).breachProbability).toBeCloseTo(perSlot(0.2), 12);
    expect(compile(s).threatHazard).toEqual([perSlot(0.2)]);
  });

  it('is drawn per world from the stream hidden:likelihood:<threat>', () => {
    for (const seed of [1, 5, 9, 77]) {
      const u = drawStream(s.id, seed, 'hidden:likelihood:phishing', 1)[0]!;
      expect(drawWorld(s, seed).get('likelihood:phishing')).toBe(u < 0.5 ? 0 : 1);
    }
  });

  it('runs at the drawn chance in a seeded world: 4% or 36% a year', () => {
    for (const [k, q] of [
      [0, 0.04],
      [1, 0.36],
    ] as const) {
      const out = simulate(s, plan(s), { mode: 'seeded', seed: seedWith(s, k) });
      expect(slot(out, 0).breachProbability).toBeCloseTo(perSlot(q), 12);
    }
  });

  it('is shown by an experiment that names the threat, and only then known to the plan', () => {
    const seed = seedWith(s, 1);
    const tested = plan(s, ['simulation'], ['mfa']);
    expect(revealedAfter(s, tested, seed, 1)).toEqual([
      {
        kind: 'likelihood',
        item: 'phishing',
        outcome: 1,
        perYear: 0.36,
        by: 'simulation',
        slot: 0,
      },
    ]);
    // From Q2 on, the conditional world plans with 36%: Q3 (MFA done in Q2) at 36% × 0.3.
    const informed = simulate(s, tested, { mode: 'conditional', seed, revealedSlots: 1 });
    expect(slot(informed, 2).breachProbability).toBeCloseTo(perSlot(0.36) * 0.3, 12);
    // Without the experiment nothing shows it: the rest of the year stays at 20%.
    const blind = plan(s, ['feature'], ['mfa']);
    expect(revealedAfter(s, blind, seed, 1)).toEqual([]);
    expect(conditionalWorld(compile(s), seed, 1, blind).envs[0]!.threatHazard).toBeUndefined();
    const out = simulate(s, blind, { mode: 'conditional', seed, revealedSlots: 1 });
    expect(slot(out, 2).breachProbability).toBeCloseTo(perSlot(0.2) * 0.3, 12);
  });

  it('is never revealed by an item that shares the threat’s id shipping', () => {
    const twin = withPhishing(phishing(), [item('phishing', 2), item('mfa', 4)]);
    expect(revealedAfter(twin, plan(twin, ['phishing']), 3, 1)).toEqual([]);
  });

  it('comes after the item facts in the list of facts', () => {
    const both = withPhishing(phishing(), [
      item('mfa', 4, {
        type: 'security',
        effortOutcomes: [
          { effort: 2, chance: 0.5 },
          { effort: 6, chance: 0.5 },
        ],
      }),
    ]);
    expect(allHiddenFacts(both).map((f) => f.key)).toEqual(['effort:mfa', 'likelihood:phishing']);
  });
});

describe('loading hidden likelihoods', () => {
  function issuesOf(threat: Threat, items: ItemInput[] = [item('mfa', 4)]) {
    const input: ScenarioInput = {
      schemaVersion: 2,
      id: 'likelihoods',
      title: 'Likelihoods',
      brief: '',
      industry: 'Test',
      difficulty: 1,
      minutes: 1,
      time: { labels: quarters(2), slotsPerYear: 4 },
      team: { capacity: 10, ktlo: 0 },
      start: { arr: 1_000_000, csat: 70, debt: 0 },
      scoring: { weights: { revenue: 1 } },
      security: { sle: SLE, vulnerabilities: [], threats: [threat] },
      items,
      constants: QUIET,
    };
    const result = loadScenario(input);
    return result.ok ? [] : result.issues;
  }

  it('accepts outcomes that weigh to perYear and an experiment that names the threat', () => {
    expect(issuesOf(phishing(), [item('mfa', 4), item('t', 1, { reveals: ['phishing'] })])).toEqual(
      [],
    );
  });

  it.each<[string, Threat, ItemInput[], { path: string; message: string }[]]>([
    [
      'chances that do not add to 1',
      phishing({
        likelihoodOutcomes: [
          { perYear: 0.1, chance: 0.5 },
          { perYear: 0.3, chance: 0.6 },
        ],
      }),
      [item('mfa', 4)],
      [
        {
          path: 'security.threats[0].likelihoodOutcomes',
          message: 'the chances add up to 1.1, not 1',
        },
      ],
    ],
    [
      'outcomes that weigh to another chance',
      phishing({ perYear: 0.3 }),
      [item('mfa', 4)],
      [
        {
          path: 'security.threats[0].likelihoodOutcomes',
          message:
            'the outcomes weigh to 0.2 a year, but perYear is 0.3: the stated chance is the expected chance, so they must agree',
        },
      ],
    ],
    [
      'an experiment on a threat with nothing hidden',
      phishing({ likelihoodOutcomes: undefined }),
      [item('mfa', 4), item('t', 1, { reveals: ['phishing'] })],
      [
        {
          path: 'items[1].reveals[0]',
          message:
            'threat "phishing" has no hidden likelihood to reveal (give it likelihoodOutcomes)',
        },
      ],
    ],
    [
      'an experiment whose target names an item and a threat',
      phishing(),
      [item('mfa', 4), item('phishing', 4), item('t', 1, { reveals: ['phishing'] })],
      [
        {
          path: 'items[2].reveals[0]',
          message: '"phishing" names both an item and a threat: give one of them another id',
        },
      ],
    ],
  ])('refuses %s, naming the field', (_, threat, items, expected) => {
    expect(issuesOf(threat, items)).toEqual(expected);
  });
});
