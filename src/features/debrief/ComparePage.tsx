/**
 * A scenario's plan variants side by side: scores and metrics in a table, a radar overlay, one
 * metric over the year for every variant and par, and the items the variants place differently.
 * Expected runs only: this compares decisions, not luck.
 */
import { entryOf } from '../../engine/ids';
import { useEffect, useId, useMemo, useState } from 'react';
import { Link } from 'wouter';

import { ChartFigure } from './ChartFigure';
import { LazyLineChart, LazyRadarChart } from '../../components/charts/lazy';
import { SERIES_STYLES } from '../../components/charts/styles';
import type { ChartSeries } from '../../components/charts/types';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { METRICS, findItem, type Scenario } from '../../engine';
import { METRIC_INFO } from '../../explain/words';
import { formatMetric } from '../../explain/format';
import { NET_VALUE_LABEL, besideNetValue, netValueText } from '../../explain/value';
import { expectedOutcome, useAppStore, useScenarioPlans } from '../../store';
import {
  TIME_METRICS,
  radarRowsOf,
  timeMetricsFor,
  timeRows,
  type OutcomeLine,
  type TimeMetricId,
} from './chartData';
import { timeSummary } from './summaries';
import { ScrollRegion } from './ScrollRegion';
import './debrief.css';

export interface ComparePageProps {
  scenario: Scenario;
  boardHref: string;
  playHref: string;
  libraryHref: string;
}

/** Par keeps the look it has in the debrief (grey, dashed, squares); variants take the rest. */
const PAR_STYLE = SERIES_STYLES[1]!;
const VARIANT_STYLES = SERIES_STYLES.filter((_, i) => i !== 1);

export function ComparePage({ scenario, boardHref, playHref, libraryHref }: ComparePageProps) {
  const { variants, activeId } = useScenarioPlans(scenario);
  const par = useAppStore((s) => entryOf(s.par, scenario.id));
  const requestPar = useAppStore((s) => s.requestPar);
  useEffect(() => requestPar(scenario), [scenario, requestPar]);

  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const chosen = useMemo(() => variants.filter((v) => !unchecked.has(v.id)), [variants, unchecked]);
  const parReady = par?.status === 'ready' ? par : null;

  const lines: OutcomeLine[] = useMemo(
    () =>
      chosen.map((v) => ({ key: v.id, label: v.name, outcome: expectedOutcome(scenario, v.plan) })),
    [chosen, scenario],
  );
  const parLine: OutcomeLine | null = useMemo(
    () =>
      parReady
        ? { key: 'par', label: 'Par', outcome: expectedOutcome(scenario, parReady.plan) }
        : null,
    [parReady, scenario],
  );
  const allLines = parLine ? [...lines, parLine] : lines;
  const series: ChartSeries[] = allLines.map((l, i) => ({
    key: l.key,
    label: l.label,
    style: l.key === 'par' ? PAR_STYLE : VARIANT_STYLES[i % VARIANT_STYLES.length]!,
  }));

  const metrics = timeMetricsFor(scenario);
  const [metricId, setMetricId] = useState<TimeMetricId>('arr');
  const metric = TIME_METRICS[metricId];
  const metricSelect = useId();
  const weighted = besideNetValue(
    METRICS.filter((m) => lines[0]?.outcome.weights[m] && lines[0].outcome.metrics[m] !== null),
  );
  /** The score table's columns after the variant's name; on a phone each cell names its own. */
  const scoreColumns = [
    'Score',
    NET_VALUE_LABEL,
    'Share of par',
    'Items',
    ...weighted.map((m) => METRIC_INFO[m].label),
  ];
  const best = lines.length > 0 ? Math.max(...lines.map((l) => l.outcome.score)) : null;

  const differing = scenario.items.filter((item) => {
    if (item.injected) return false;
    const slots = chosen.map((v) => findItem(v.plan, item.id)?.slot ?? null);
    return new Set(slots).size > 1;
  });
  const slotName = (slot: number | null) =>
    slot === null ? 'left out' : (scenario.time.labels[slot] ?? `slot ${slot + 1}`);

  return (
    <div className="debrief-page compare-page">
      <Breadcrumbs
        noPrint
        steps={[
          { href: libraryHref, label: 'Scenario library' },
          { href: boardHref, label: 'Plan' },
          { href: playHref, label: 'Debrief' },
        ]}
      />
      <header className="debrief-header">
        <h1 tabIndex={-1}>
          <span className="eyebrow-inline">Compare variants ·</span> {scenario.title}
        </h1>
        <p className="muted">
          Expected scores, so luck plays no part. Par:{' '}
          {parReady
            ? parReady.score.toFixed(1)
            : par?.status === 'failed'
              ? 'not available'
              : 'being computed…'}
        </p>
      </header>

      {variants.length < 2 ? (
        <p>
          This scenario has one plan variant. On the <Link href={boardHref}>board</Link>, use “New”
          or “Duplicate” to make another, then compare them here.
        </p>
      ) : (
        <>
          <fieldset className="compare-pick no-print">
            <legend>Variants to compare</legend>
            {variants.map((v) => (
              <label key={v.id}>
                <input
                  type="checkbox"
                  checked={!unchecked.has(v.id)}
                  onChange={(event) => {
                    const next = new Set(unchecked);
                    if (event.target.checked) next.delete(v.id);
                    else next.add(v.id);
                    setUnchecked(next);
                  }}
                />
                {v.name}
                {v.id === activeId && <span className="muted small">(active)</span>}
              </label>
            ))}
          </fieldset>
          {chosen.length === 0 ? (
            <p role="status">Choose at least one variant.</p>
          ) : (
            <>
              <section className="debrief-section" aria-labelledby="compare-scores">
                <h2 id="compare-scores">Scores</h2>
                <ScrollRegion label="Scores of the chosen variants">
                  <table
                    className="data-table compare-scores-table"
                    data-testid="compare-table"
                    role="table"
                    aria-labelledby="compare-scores"
                  >
                    <thead>
                      <tr role="row">
                        <th scope="col" role="columnheader">
                          Variant
                        </th>
                        {scoreColumns.map((label) => (
                          <th key={label} scope="col" role="columnheader">
                            {label}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {[...lines, ...(parLine ? [parLine] : [])].map((line) => {
                        const isPar = line.key === 'par';
                        const plan = isPar
                          ? parReady!.plan
                          : chosen.find((v) => v.id === line.key)!.plan;
                        const values = [
                          line.outcome.score.toFixed(1),
                          netValueText(line.outcome),
                          parReady && parReady.score > 0
                            ? `${((100 * line.outcome.score) / parReady.score).toFixed(0)}%`
                            : '—',
                          String(plan.slots.flat().length),
                          ...weighted.map((m) => formatMetric(m, line.outcome.metrics[m])),
                        ];
                        return (
                          <tr key={line.key} role="row" data-variant={line.key}>
                            <th scope="row" role="rowheader">
                              {line.label}
                              {!isPar &&
                                best !== null &&
                                line.outcome.score === best &&
                                lines.length > 1 && <span className="compare-best"> (best)</span>}
                            </th>
                            {values.map((value, i) => (
                              <td key={scoreColumns[i]} role="cell" data-label={scoreColumns[i]}>
                                {value}
                              </td>
                            ))}
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </ScrollRegion>
              </section>
              <section className="debrief-section" aria-labelledby="compare-charts">
                <h2 id="compare-charts">Side by side</h2>
                <div className="chart-grid">
                  <ChartFigure
                    title="Each metric, 0–100% of the best found"
                    summary={radarRowsOf(allLines)
                      .map(
                        (row) =>
                          `${row.metric}: ${allLines
                            .map((l) => `${l.label} ${Math.round(Number(row[l.key] ?? 0) * 100)}%`)
                            .join(', ')}`,
                      )
                      .join('. ')}
                    height={300}
                    testId="compare-radar"
                  >
                    <LazyRadarChart
                      label="Radar of each weighted metric for every chosen variant and par"
                      rows={radarRowsOf(allLines)}
                      angleKey="metric"
                      series={series}
                    />
                  </ChartFigure>
                  <ChartFigure
                    title={metric.title}
                    summary={timeSummary(metric, allLines)}
                    height={300}
                    testId="compare-lines"
                  >
                    <div className="field-inline no-print">
                      <label htmlFor={metricSelect}>Metric</label>
                      <select
                        id={metricSelect}
                        value={metricId}
                        onChange={(event) => setMetricId(event.target.value as TimeMetricId)}
                      >
                        {metrics.map((m) => (
                          <option key={m.id} value={m.id}>
                            {m.title}
                          </option>
                        ))}
                      </select>
                    </div>
                    <LazyLineChart
                      label={`${metric.title} per slot for every chosen variant and par`}
                      rows={timeRows(metric, allLines)}
                      xKey="slot"
                      series={series}
                      format={metric.format}
                      height={260}
                      {...(metric.domain ? { yDomain: metric.domain } : {})}
                      {...(metric.referenceLines ? { referenceLines: metric.referenceLines } : {})}
                    />
                  </ChartFigure>
                </div>
              </section>
              <section className="debrief-section" aria-labelledby="compare-items">
                <h2 id="compare-items">Where they differ</h2>
                {differing.length === 0 ? (
                  <p>The chosen variants plan the same items in the same slots.</p>
                ) : (
                  <ScrollRegion label="Where the variants differ">
                    <table className="data-table" data-testid="compare-items">
                      <thead>
                        <tr>
                          <th scope="col">Item</th>
                          {chosen.map((v) => (
                            <th key={v.id} scope="col">
                              {v.name}
                            </th>
                          ))}
                          {parReady && <th scope="col">Par</th>}
                        </tr>
                      </thead>
                      <tbody>
                        {differing.map((item) => (
                          <tr key={item.id}>
                            <th scope="row">{item.title}</th>
                            {chosen.map((v) => (
                              <td key={v.id}>
                                {slotName(findItem(v.plan, item.id)?.slot ?? null)}
                              </td>
                            ))}
                            {parReady && (
                              <td>{slotName(findItem(parReady.plan, item.id)?.slot ?? null)}</td>
                            )}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </ScrollRegion>
                )}
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}
