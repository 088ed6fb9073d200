/**
 * Scoring presets: who is grading the plan. Par changes with the weights, so a facilitator can
 * run the same scenario as a growth board or as a CISO would judge it. The explain layer names
 * and describes them (explain/words.ts).
 */
import type { Scenario, Weights } from './schema.ts';

export interface ScoringPreset {
  id: string;
  /**
   * `own`: the scenario's own weights ("balanced"); `scenario`: a preset the scenario defines;
   * `generic`: one of the graders every scenario offers.
   */
  origin: 'own' | 'scenario' | 'generic';
  /** The scenario's name for a preset it defines (scenario data); absent for the others. */
  name?: string;
  weights: Weights;
}

const GENERIC: readonly ScoringPreset[] = [
  {
    // A growth board: revenue first; satisfaction and stakeholders matter.
    id: 'growth',
    origin: 'generic',
    weights: {
      revenue: 5,
      csat: 1.5,
      reliability: 0.5,
      security: 0.5,
      compliance: 1,
      stakeholders: 1.5,
    },
  },
  {
    // A CISO: security, reliability and compliance first.
    id: 'ciso',
    origin: 'generic',
    weights: {
      revenue: 1,
      csat: 1,
      reliability: 2,
      security: 4,
      compliance: 2,
      stakeholders: 0.5,
    },
  },
];

/**
 * The presets for a scenario: "balanced" (the scenario's own weights) first, then the scenario's
 * presets, then the generic ones it does not redefine.
 */
export function scoringPresets(scenario: Scenario): ScoringPreset[] {
  const own: ScoringPreset[] = (scenario.scoring.presets ?? []).map((p) => ({
    id: p.id,
    origin: 'scenario',
    name: p.name,
    weights: p.weights,
  }));
  return [
    { id: 'balanced', origin: 'own', weights: scenario.scoring.weights },
    ...own.filter((p) => p.id !== 'balanced'),
    ...GENERIC.filter((g) => !own.some((p) => p.id === g.id)),
  ];
}
