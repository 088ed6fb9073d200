import { describe, expect, it } from 'vitest';

import { simulate } from '../../../src/engine';
import { debrief } from '../../../src/explain/debrief';
import { formatMoney } from '../../../src/explain/format';
import { seedDistribution } from '../../../src/engine/seeds';
import { TIME_METRICS } from '../../../src/features/debrief/chartData';
import {
  capacitySummary,
  ledgerSummary,
  radarSummary,
  spreadSummary,
  timeSummary,
} from '../../../src/features/debrief/summaries';
import { big, bigPar, deferredPatch } from './fixtures';

const yours = simulate(big, deferredPatch);
const par = simulate(big, bigPar().plan);

describe('chart summaries', () => {
  it('names each metric against par and the largest gap', () => {
    const d = debrief(big, deferredPatch, { par: bigPar().plan });
    const text = radarSummary(d.metricsGap);
    expect(text).toMatch(/Net value \d+% \(par \d+%\)/);
    expect(text).toMatch(/The largest gap: \w+/);
  });

  it('reads a metric from its start to its end, and says when it crossed the reference line', () => {
    const text = timeSummary(TIME_METRICS.arr, [
      { key: 'yours', label: 'Your plan', outcome: yours },
    ]);
    expect(text).toContain(`${formatMoney(big.start.arr)} at the start`);
    expect(text).toContain(`${formatMoney(yours.endArr)} in ${big.time.labels.at(-1)}`);
    const overloaded = {
      ...yours,
      slots: yours.slots.map((s, t) => ({ ...s, peakUtilization: t === 2 ? 1.2 : 0.7 })),
    };
    expect(
      timeSummary(TIME_METRICS.utilization, [
        { key: 'yours', label: 'Your plan', outcome: overloaded },
      ]),
    ).toContain(`above overload (1.0) in ${big.time.labels[2]}`);
  });

  it('splits the year’s capacity into parts that add up to 100%', () => {
    const text = capacitySummary(yours);
    const shares = [...text.matchAll(/(\d+)%/g)].map((m) => Number(m[1]));
    expect(shares).toHaveLength(6);
    expect(shares.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(98);
    expect(text).toMatch(/^Of 160 points of capacity over the year: delivered \d+%/);
  });

  it('walks the ledger in words, naming each loss with its own amount', () => {
    // A ledger with a different amount in every line, so a line shown under the wrong name or
    // left out changes the sentence. Losses under 50 cents are not worth a word.
    const ledger = {
      revenue: 4_200_000,
      outage: 12_000,
      overload: 3_400,
      breach: 250_000,
      fines: 0.4,
      fees: 60_000,
      cascade: 1_500_000,
      terminal: 3_900_000,
      debtCarry: 310_000,
      openRisk: 0,
      overloadAhead: 0,
      dealArr: 700_000,
      net: 5_964_600,
    };
    expect(ledgerSummary(ledger)).toBe(
      'Net value $5.96M: revenue $4.20M during the year, less outages $12k, overload $3k, breaches $250k, fees $60k, cascades $1.50M, plus one year of ending ARR ($3.90M) less a year of drag from the debt left ($310k).',
    );
    // What is left open at the end, and demand the system cannot carry, are named after the debt.
    expect(
      ledgerSummary({ ...ledger, openRisk: 45_000, overloadAhead: 1_200_000, net: 4_719_600 }),
    ).toBe(
      'Net value $4.72M: revenue $4.20M during the year, less outages $12k, overload $3k, breaches $250k, fees $60k, cascades $1.50M, plus one year of ending ARR ($3.90M) less a year of drag from the debt left ($310k), the breach risk left open ($45k) and demand the system cannot carry ($1.20M).',
    );
    const quiet = {
      ...ledger,
      outage: 0,
      overload: 0,
      breach: 0,
      fines: 0,
      fees: 0,
      cascade: 0,
      debtCarry: 0,
    };
    expect(ledgerSummary({ ...quiet, openRisk: 45_000, net: 8_060_000 })).toBe(
      'Net value $8.06M: revenue $4.20M during the year, with no losses, plus one year of ending ARR ($3.90M) less the breach risk left open ($45k).',
    );
    expect(ledgerSummary({ ...quiet, net: 8_100_000 })).toBe(
      'Net value $8.10M: revenue $4.20M during the year, with no losses, plus one year of ending ARR ($3.90M).',
    );
    expect(ledgerSummary({ ...quiet, fines: 80_000, net: 8_020_000 })).toBe(
      'Net value $8.02M: revenue $4.20M during the year, less fines $80k, plus one year of ending ARR ($3.90M).',
    );
  });

  it('compares the spread of scores over many runs', () => {
    const a = seedDistribution(big, deferredPatch, { runs: 50 });
    const b = seedDistribution(big, bigPar().plan, { runs: 50 });
    const text = spreadSummary(a, b, { yours: yours.score, par: par.score, thisRun: 40 });
    expect(text).toContain('Over 50 runs');
    expect(text).toContain(`median ${a.p50.toFixed(0)}`);
    expect(text).toContain('Your median is below par');
    expect(text).toContain(`yours ${yours.score.toFixed(1)}, par ${par.score.toFixed(1)}`);
  });
});
