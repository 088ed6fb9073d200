/**
 * The names and descriptions users read for what the engine knows by id: the metrics, the
 * strategies of the battery and the scoring presets. The engine computes with ids and numbers;
 * tables, charts, the debrief, the workshop and the command line take their words from here.
 */
import { scoringPresets, type ScoringPreset } from '../engine/presets.ts';
import type { Metric, Scenario } from '../engine/schema.ts';
import type { StrategyId } from '../engine/strategies.ts';
import { NET_VALUE_DESCRIPTION } from './value.ts';

/** Human names and units of the metrics, for tables and charts. */
export const METRIC_INFO: Readonly<
  Record<Metric, { label: string; unit: string; description: string }>
> = {
  revenue: {
    label: 'Net value',
    unit: '$',
    description: NET_VALUE_DESCRIPTION,
  },
  csat: {
    label: 'Satisfaction',
    unit: 'CSAT',
    description: 'customer satisfaction (0–100) at the end',
  },
  capacityHealth: {
    label: 'Capacity health',
    unit: '%',
    description: 'share of capacity not lost to debt drag at the end (1 − drag)',
  },
  reliability: {
    label: 'Reliability',
    unit: 'min',
    description: 'minus the minutes of downtime and degradation',
  },
  security: {
    label: 'Security',
    unit: '$',
    description: 'minus breach cost and residual exposure at the end',
  },
  compliance: { label: 'Compliance', unit: '%', description: 'share of obligations met on time' },
  stakeholders: {
    label: 'Stakeholders',
    unit: '%',
    description:
      'influence-weighted share of asks met by the slot asked for (met on renegotiated terms, an ask counts less)',
  },
};

/** What each strategy of the battery is called and does, for the debrief and the CLI. */
export const STRATEGY_WORDS: Readonly<Record<StrategyId, { name: string; description: string }>> = {
  'do-nothing': {
    name: 'Do nothing',
    description: 'Plan nothing; keep the lights on.',
  },
  rice: {
    name: 'RICE',
    description: 'Reach × impact × confidence ÷ effort, highest first.',
  },
  ice: {
    name: 'ICE',
    description: 'Impact × confidence × ease, highest first.',
  },
  wsjf: {
    name: 'WSJF',
    description:
      'SAFe weighted shortest job first: (value + time criticality + risk reduction) ÷ job size.',
  },
  cd3: {
    name: 'CD3',
    description:
      'Cost of delay ÷ duration, with the cost of one slot of delay estimated in dollars.',
  },
  edf: {
    name: 'Earliest deadline first',
    description:
      'Anything with a date (deadline, stakeholder ask, obligation) first, soonest first; then WSJF.',
  },
  'features-first': {
    name: 'Features first',
    description: 'All features by RICE, then the rest by WSJF.',
  },
  'debt-scale-first': {
    name: 'Debt and scale first',
    description: 'All debt paydown and scalability work first, then the rest by WSJF.',
  },
  'security-compliance-first': {
    name: 'Security and compliance first',
    description: 'All security and compliance work first, then the rest by WSJF.',
  },
  'eighty-twenty': {
    name: '80/20',
    description: '80% of each slot for features by RICE, 20% for engineering work by WSJF.',
  },
};

/**
 * The words of the graders every scenario offers besides its own weights, by preset id (a Map:
 * a scenario's preset ids are scenario data).
 */
const GENERIC_PRESET_WORDS: ReadonlyMap<string, { name: string; description: string }> = new Map([
  [
    'growth',
    {
      name: 'Growth board',
      description:
        'Revenue first; satisfaction and stakeholders matter; engineering health is a means.',
    },
  ],
  [
    'ciso',
    {
      name: 'CISO',
      description: 'Security, reliability and compliance first; revenue still counts.',
    },
  ],
]);

/** A scoring preset's name and description: who is grading the plan. */
export function presetWords(preset: ScoringPreset): { name: string; description: string } {
  const generic = GENERIC_PRESET_WORDS.get(preset.id);
  switch (preset.origin) {
    case 'own':
      return { name: 'Balanced', description: "The scenario's own weights." };
    case 'scenario':
      // A scenario that redefines a generic grader ("growth", "ciso") keeps its description: the
      // judge is the same kind of person, with this scenario's weights.
      return {
        name: preset.name ?? preset.id,
        description: generic
          ? `${generic.description} Weights set by this scenario.`
          : 'Defined by this scenario.',
      };
    case 'generic':
      return generic ?? { name: preset.id, description: '' };
  }
}

/**
 * Who grades with the preset `presetId` of the scenario: "Growth board", "CISO", "Balanced" or
 * the scenario's own name for it; "Custom weights" for any other id (the workshop's custom one).
 */
export function presetName(scenario: Scenario, presetId: string): string {
  const preset = scoringPresets(scenario).find((p) => p.id === presetId);
  return preset ? presetWords(preset).name : 'Custom weights';
}
