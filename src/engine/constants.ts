/**
 * The model's constants, with their defaults, meaning and basis.
 *
 * Rates are stated **per quarter** and converted to the scenario's slot length by the engine
 * (`slotScale = 4 / slotsPerYear`), so a sprint scenario does not need its own set of constants.
 * Most values are teaching-scale *assumptions*, not empirical rates; the app labels them so.
 */

/** Every tunable constant of the model. A scenario may override any of them. */
export interface Constants {
  /** Debt (points) at which drag is 50%: `drag = D / (D + H)`. */
  debtHalf: number;
  /** Debt growth per quarter on its own (interest). */
  debtInterest: number;
  /** Debt points removed per point of paydown effect. */
  paydownEfficiency: number;
  /** Share of idle capacity that pays debt down. */
  slackEfficiency: number;
  /** Debt that slack alone cannot remove (points). */
  debtFloor: number;
  /** Context-switching loss factor on over-commitment: `C = C0 / (1 + θ·o)`. */
  thrash: number;
  /** Most streams one item can absorb (two people pairing): a lone item gets C·m/k. */
  streamsPerItem: number;
  /** Debt added per point of capacity worked while over-committed, times the over-commitment. */
  pressureDebt: number;
  /** Keep-the-lights-on share of capacity, used when the scenario gives no KTLO. */
  ktloShare: number;
  /** Expected incidents per quarter at utilization 0.5 and no debt. */
  incidentBase: number;
  /** Incident rate multiplier slope on debt: rate × (1 + β·D/H). */
  debtIncidentFactor: number;
  /** Utilization at which the queueing factor is 1. */
  rhoRef: number;
  /** Utilization cap of the queueing factor (keeps it finite). */
  rhoCap: number;
  /** Downtime minutes per incident. */
  incidentMinutes: number;
  /** CSAT points lost per incident. */
  csatPerIncident: number;
  /** Capacity points lost next slot per incident (firefighting). */
  firefightingPerIncident: number;
  /** Degraded minutes per quarter at 100% demand shed (overload). */
  overloadMinutes: number;
  /** CSAT points lost per quarter at 100% demand shed. */
  overloadCsat: number;
  /** Breach hazard per quarter of a fully ripe vulnerability, by CVSS band. */
  hazardCritical: number;
  hazardHigh: number;
  hazardMedium: number;
  hazardLow: number;
  /** Exploit ramp half-life in quarters: critical internet-facing, and everything else. */
  halfLifeCritical: number;
  halfLife: number;
  /** Breach hazard per quarter from stale dependencies at D = H. */
  stalenessHazard: number;
  /** CSAT points lost per breach. */
  breachCsat: number;
  /** Share of ARR that churns after a breach. */
  breachChurn: number;
  /** Baseline churn per quarter. */
  churnBase: number;
  /** Extra churn per quarter per 100 CSAT points below the reference. */
  churnSensitivity: number;
  /** Share of the gap to the reference CSAT closed per quarter. */
  csatReversion: number;
  /** Share of a gated deal lost per quarter the report is late. */
  dealLossPerSlot: number;
  /** Years of ending ARR counted as terminal value. */
  terminalYears: number;
  /** SLO error budget per quarter in minutes (99.9% of 91 days). */
  sloBudgetMinutes: number;
}

/** A constant's documentation: meaning, default and where the number comes from. */
export interface ConstantInfo {
  symbol: string;
  meaning: string;
  basis: string;
  assumption: boolean;
}

/**
 * How many of a team's `streams` one item can take: `streamsPerItem` (m, rounded, at least one),
 * at most the team's streams. Over-commitment counts an item up to `C0 · this / streams`.
 */
export function itemStreams(streams: number, streamsPerItem: number): number {
  return Math.min(Math.max(1, Math.round(streamsPerItem)), streams);
}

export const DEFAULT_CONSTANTS: Readonly<Constants> = Object.freeze({
  debtHalf: 100,
  debtInterest: 0.05,
  paydownEfficiency: 1,
  slackEfficiency: 0.25,
  debtFloor: 10,
  thrash: 0.25,
  streamsPerItem: 2,
  pressureDebt: 0.15,
  ktloShare: 0.1,
  incidentBase: 0.6,
  debtIncidentFactor: 1,
  rhoRef: 0.5,
  rhoCap: 0.95,
  incidentMinutes: 90,
  csatPerIncident: 2,
  firefightingPerIncident: 2,
  overloadMinutes: 600,
  overloadCsat: 20,
  hazardCritical: 0.35,
  hazardHigh: 0.15,
  hazardMedium: 0.05,
  hazardLow: 0.01,
  halfLifeCritical: 0.5,
  halfLife: 1,
  stalenessHazard: 0.02,
  breachCsat: 15,
  breachChurn: 0.05,
  churnBase: 0.02,
  churnSensitivity: 0.1,
  csatReversion: 0.1,
  dealLossPerSlot: 0.3,
  terminalYears: 1,
  sloBudgetMinutes: 131,
});

/** Documentation of every constant, shown in tooltips and `docs/model.md`. */
export const CONSTANT_INFO: Readonly<Record<keyof Constants, ConstantInfo>> = {
  debtHalf: {
    symbol: 'H',
    meaning: 'debt (points) at which half of capacity is lost to drag',
    basis: 'D = 30 gives 23% drag, the average time lost to debt reported by Besker et al. (2019)',
    assumption: false,
  },
  debtInterest: {
    symbol: 'r',
    meaning: 'debt growth per quarter on its own',
    basis: 'debt breeds debt',
    assumption: true,
  },
  paydownEfficiency: {
    symbol: 'E',
    meaning: 'debt removed per point of paydown',
    basis: '',
    assumption: true,
  },
  slackEfficiency: {
    symbol: 'σ',
    meaning: 'share of idle capacity that pays debt down',
    basis: 'the common "20% for engineering" practice',
    assumption: true,
  },
  debtFloor: {
    symbol: 'floor',
    meaning: 'debt that slack alone cannot remove',
    basis: '',
    assumption: true,
  },
  thrash: {
    symbol: 'θ',
    meaning: 'context-switching loss on over-commitment',
    basis: 'Reinertsen on high utilization',
    assumption: true,
  },
  streamsPerItem: {
    symbol: 'm',
    meaning: 'most streams one item can absorb',
    basis: 'Brooks: adding people to one task has diminishing returns; pairing is the common limit',
    assumption: true,
  },
  pressureDebt: {
    symbol: 'φ',
    meaning: 'debt from corners cut under pressure',
    basis: '',
    assumption: true,
  },
  ktloShare: {
    symbol: 'KTLO',
    meaning: 'keep-the-lights-on share of capacity when the scenario gives none',
    basis: 'SAFe capacity allocation',
    assumption: true,
  },
  incidentBase: {
    symbol: 'λ0',
    meaning: 'incidents per quarter at utilization 0.5 with no debt',
    basis: '',
    assumption: true,
  },
  debtIncidentFactor: {
    symbol: 'β',
    meaning: 'incident rate doubles at D = H when β = 1',
    basis: '',
    assumption: true,
  },
  rhoRef: {
    symbol: 'ρref',
    meaning: 'utilization where the queueing factor is 1',
    basis: 'M/M/1 waiting time grows like 1/(1−ρ)',
    assumption: false,
  },
  rhoCap: {
    symbol: 'ρcap',
    meaning: 'utilization cap of the queueing factor',
    basis: 'keeps the factor finite (×10 at 0.95)',
    assumption: true,
  },
  incidentMinutes: {
    symbol: 'm',
    meaning: 'downtime minutes per incident',
    basis: '',
    assumption: true,
  },
  csatPerIncident: {
    symbol: 'csat/inc',
    meaning: 'CSAT points lost per incident',
    basis: '',
    assumption: true,
  },
  firefightingPerIncident: {
    symbol: 'ff',
    meaning: 'capacity points lost next slot per incident',
    basis: '',
    assumption: true,
  },
  overloadMinutes: {
    symbol: 'm_over',
    meaning: 'degraded minutes per quarter at 100% demand shed',
    basis: '',
    assumption: true,
  },
  overloadCsat: {
    symbol: 'csat_over',
    meaning: 'CSAT points lost per quarter at 100% demand shed',
    basis: '',
    assumption: true,
  },
  hazardCritical: {
    symbol: 'hMax(critical)',
    meaning: 'breach hazard per quarter of a ripe critical vulnerability',
    basis: 'CVSS bands; ramp shaped by time-to-exploit data',
    assumption: true,
  },
  hazardHigh: {
    symbol: 'hMax(high)',
    meaning: 'breach hazard per quarter of a ripe high vulnerability',
    basis: 'CVSS bands',
    assumption: true,
  },
  hazardMedium: {
    symbol: 'hMax(medium)',
    meaning: 'breach hazard per quarter of a ripe medium vulnerability',
    basis: 'CVSS bands',
    assumption: true,
  },
  hazardLow: {
    symbol: 'hMax(low)',
    meaning: 'breach hazard per quarter of a ripe low vulnerability',
    basis: 'CVSS bands',
    assumption: true,
  },
  halfLifeCritical: {
    symbol: 'half-life(critical)',
    meaning: 'quarters for a critical internet-facing vulnerability to reach half its hazard',
    basis: 'time-to-exploit data',
    assumption: true,
  },
  halfLife: {
    symbol: 'half-life',
    meaning: 'quarters for other vulnerabilities to reach half their hazard',
    basis: 'time-to-exploit data',
    assumption: true,
  },
  stalenessHazard: {
    symbol: 'γ',
    meaning: 'breach hazard per quarter from stale dependencies at D = H',
    basis: '',
    assumption: true,
  },
  breachCsat: {
    symbol: 'csat/breach',
    meaning: 'CSAT points lost per breach',
    basis: '',
    assumption: true,
  },
  breachChurn: {
    symbol: 'churn/breach',
    meaning: 'share of ARR lost after a breach',
    basis: '',
    assumption: true,
  },
  churnBase: {
    symbol: 'c0',
    meaning: 'baseline churn per quarter',
    basis: '',
    assumption: true,
  },
  churnSensitivity: {
    symbol: 'χ',
    meaning: 'extra churn per 100 CSAT points below the reference',
    basis: '',
    assumption: true,
  },
  csatReversion: {
    symbol: 'rev',
    meaning: 'share of the gap to the reference CSAT closed per quarter',
    basis: '',
    assumption: true,
  },
  dealLossPerSlot: {
    symbol: 'deal loss',
    meaning: 'share of a gated deal lost per quarter its report is late',
    basis: '',
    assumption: true,
  },
  terminalYears: {
    symbol: 'T_years',
    meaning: 'years of ending ARR counted at the horizon',
    basis: 'avoids end-of-horizon myopia',
    assumption: true,
  },
  sloBudgetMinutes: {
    symbol: 'SLO budget',
    meaning: 'error budget in minutes per quarter',
    basis: '99.9% of 91 days',
    assumption: false,
  },
};

/** The names of all constants, in a stable order. */
export const CONSTANT_NAMES = Object.keys(DEFAULT_CONSTANTS) as (keyof Constants)[];

/** Slots in the terminal period after the horizon (`terminalYears` of slots, at least one). */
export function terminalSlots(k: Pick<Constants, 'terminalYears'>, slotsPerYear: number): number {
  return Math.max(1, Math.round(k.terminalYears * slotsPerYear));
}
