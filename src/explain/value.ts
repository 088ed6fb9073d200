/**
 * Net value: the money a plan makes over the horizon, shown beside the grade wherever a grade is
 * shown (the board, a shared plan, the debrief, variants, the workshop leaderboards, the exports
 * and the command line). Every view reads it from the outcome its grade came from, through this
 * module, so the two can never describe different runs.
 */
import type { Metric } from '../engine/schema.ts';
import type { Outcome } from '../engine/simulate.ts';
import { formatMoney } from './format.ts';

/** What a view needs of an outcome to state its value: the grade and the ledger it came with. */
export type Valued = Pick<Outcome, 'score' | 'ledger'>;

export const NET_VALUE_LABEL = 'Net value';

/** What net value adds up, in the ledger's order (docs/model.md, "Net value"). */
export const NET_VALUE_DESCRIPTION =
  'money over the horizon: revenue − outages − overload − breaches − fines − fees − cascades, plus one year of ending ARR less what the debt, risk and demand left will cost in it';

/** The net value of an outcome, in dollars. */
export const netValue = (outcome: Valued): number => outcome.ledger.net;

/**
 * The other metrics a table shows after its net value column: all of `metrics` but the revenue
 * metric, which is net value (it would be the same figure twice).
 */
export const besideNetValue = (metrics: readonly Metric[]): Metric[] =>
  metrics.filter((m) => m !== 'revenue');

/** "$24.7M". */
export const netValueText = (outcome: Valued): string => formatMoney(netValue(outcome));

/**
 * How a plan's net value stands against par's: "$400k more than par", "$1.2M less than par" or
 * "the same as par" (within a thousand dollars, below what the formats show).
 */
export function netValueAgainst(yours: Valued, par: Valued): string {
  const delta = netValue(yours) - netValue(par);
  if (Math.abs(delta) < 1_000) return 'the same as par';
  return `${formatMoney(Math.abs(delta))} ${delta > 0 ? 'more' : 'less'} than par`;
}

/** The grade and net value as one phrase: "score 71.2, net value $24.7M". */
export const gradeAndValue = (outcome: Valued): string =>
  `score ${outcome.score.toFixed(1)}, net value ${netValueText(outcome)}`;
