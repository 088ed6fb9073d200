/**
 * Scoring presets: who is grading the plan. Par changes with the weights, so a facilitator can
 * run the same scenario as a growth board or as a CISO would judge it.
 */
import type { Scenario, Weights } from './schema.ts';

export interface ScoringPreset {
  id: string;
  name: string;
  description: string;
  weights: Weights;
}

const GENERIC: readonly ScoringPreset[] = [
  {
    id: 'growth',
    name: 'Growth board',
    description:
      'Revenue first; satisfaction and stakeholders matter; engineering health is a means.',
    weights: {
      revenue: 5,
      csat: 1.5,
      capacityHealth: 0.5,
      reliability: 0.5,
      security: 0.5,
      compliance: 1,
      stakeholders: 1.5,
    },
  },
  {
    id: 'ciso',
    name: 'CISO',
    description: 'Security, reliability and compliance first; revenue still counts.',
    weights: {
      revenue: 1,
      csat: 1,
      capacityHealth: 1,
      reliability: 2,
      security: 4,
      compliance: 2,
      stakeholders: 0.5,
    },
  },
];

/**
 * The presets for a scenario: "Balanced" (the scenario's own weights) first, then the scenario's
 * presets, then the generic ones it does not redefine.
 */
export function scoringPresets(scenario: Scenario): ScoringPreset[] {
  // A scenario that redefines a generic preset ("growth", "ciso") keeps its description: the
  // judge is the same kind of person, with this scenario's weights.
  const own = (scenario.scoring.presets ?? []).map((p) => {
    const generic = GENERIC.find((g) => g.id === p.id);
    return {
      id: p.id,
      name: p.name,
      description: generic
        ? `${generic.description} Weights set by this scenario.`
        : 'Defined by this scenario.',
      weights: p.weights,
    };
  });
  return [
    {
      id: 'balanced',
      name: 'Balanced',
      description: "The scenario's own weights.",
      weights: scenario.scoring.weights,
    },
    ...own.filter((p) => p.id !== 'balanced'),
    ...GENERIC.filter((g) => !own.some((p) => p.id === g.id)),
  ];
}
