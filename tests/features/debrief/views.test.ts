/**
 * One computed outcome, many views: for every shipped scenario, the Markdown export, the JSON
 * export and the command line's debrief carry the same score, net value, par, gap rows and moves as the
 * debrief the page shows (the page itself is checked against these in tests/e2e/gap.spec.ts).
 */
import { describe, expect, it } from 'vitest';

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { main } from '../../../src/cli/main';
import { compile, strategyPlans } from '../../../src/engine';
import { bakedPar } from '../../../src/engine/par';
import { debrief } from '../../../src/explain/debrief';
import { formatMetric, formatMoney } from '../../../src/explain/format';
import { gapByMetric } from '../../../src/explain/gap';
import { idleFilled, idleSentence, pathToPar } from '../../../src/explain/path';
import { netValueAgainst } from '../../../src/explain/value';
import { METRIC_INFO } from '../../../src/explain/words';
import { debriefJson, debriefMarkdown } from '../../../src/features/debrief/exportFiles';
import { scenarioFiles, shipped } from '../../engine/helpers';

describe('every view of a debrief says the same', () => {
  for (const file of scenarioFiles()) {
    const id = file.replace(/\.json$/, '');
    it(`${id}: Markdown and JSON exports agree with the debrief`, () => {
      const scenario = shipped(id);
      const par = bakedPar(scenario)!.plan;
      const plan = strategyPlans(compile(scenario)).wsjf;
      const d = debrief(scenario, plan, { par, seed: 5 });
      const path = pathToPar(scenario, plan, par);
      const input = { scenario, plan, variantName: 'Plan A', notes: {}, debrief: d, path };
      const md = debriefMarkdown(input);
      const json = JSON.parse(debriefJson(input)) as {
        result: {
          score: number;
          netValue: number;
          parScore: number;
          parNetValue: number;
          path: typeof path;
        };
        outcome: {
          expected: {
            score: number;
            ledger: { net: number };
            metrics: Record<string, number | null>;
          };
        };
      };

      // The score and par: the same number everywhere.
      expect(json.result.score).toBe(d.score);
      expect(json.result.parScore).toBe(d.parScore);
      expect(json.outcome.expected.score).toBe(d.score);
      expect(md).toContain(
        `Par scores ${d.parScore.toFixed(1)} and this plan ${d.score.toFixed(1)}`,
      );

      // Net value beside the score: from the same expected runs as the score and par.
      expect(json.result.netValue).toBe(d.expected.ledger.net);
      expect(json.result.netValue).toBe(json.outcome.expected.ledger.net);
      expect(json.result.parNetValue).toBe(d.parOutcome.ledger.net);
      expect(md).toContain(
        `**Net value:** ${formatMoney(d.expected.ledger.net)} — ${netValueAgainst(d.expected, d.parOutcome)} (${formatMoney(d.parOutcome.ledger.net)})`,
      );

      // The outcome table and the gap rows use the same raw metrics.
      const gap = gapByMetric(d.expected, d.parOutcome);
      for (const row of gap.rows) {
        expect(md).toContain(
          `| ${METRIC_INFO[row.metric].label} | ${formatMetric(row.metric, d.expected.metrics[row.metric])} | ${formatMetric(row.metric, d.parOutcome.metrics[row.metric])} |`,
        );
        expect(row.yours).toBe(json.outcome.expected.metrics[row.metric]);
        expect(md).toContain(row.sentence);
      }

      // The moves: the same steps, in the same order, with the same plans.
      expect(json.result.path.steps.map((s) => s.sentence)).toEqual(
        path.steps.map((s) => s.sentence),
      );
      path.steps.forEach((step, i) => expect(md).toContain(`${i + 1}. ${step.sentence}`));
      // Idle capacity the moves fill: in the export exactly when the page shows it.
      const idle = idleFilled(d.expected, path);
      if (idle.length > 0) expect(md).toContain(idleSentence(scenario, idle));
      else expect(md).not.toContain('Idle capacity:');
      expect(path.start).toBeCloseTo(d.score, 9);
      expect(path.par).toBeCloseTo(d.parScore, 9);
    });
  }

  it('the command line prints the same gap rows and moves, and --json the same plans', async () => {
    const scenario = shipped('zero-day');
    const par = bakedPar(scenario)!.plan;
    const plan = strategyPlans(compile(scenario)).wsjf;
    const dir = mkdtempSync(join(tmpdir(), 'dojo-views-'));
    const planPath = join(dir, 'plan.json');
    writeFileSync(planPath, JSON.stringify(plan));
    const scenarioPath = join(import.meta.dirname, '..', '..', '..', 'scenarios', 'zero-day.json');
    const run = async (...argv: string[]) => {
      let out = '';
      await main(argv, { stdout: (t) => (out += t), stderr: () => {} });
      return out;
    };
    const text = await run('debrief', scenarioPath, planPath, '--seed', '1');
    const d = debrief(scenario, plan, { par, seed: 1 });
    const gap = gapByMetric(d.expected, d.parOutcome);
    const path = pathToPar(scenario, plan, par);
    expect(text).toContain(
      `Net value ${formatMoney(d.expected.ledger.net)} — ${netValueAgainst(d.expected, d.parOutcome)} (${formatMoney(d.parOutcome.ledger.net)})`,
    );
    for (const row of gap.rows) expect(text).toContain(`- ${row.sentence}`);
    path.steps.forEach((step, i) => expect(text).toContain(`${i + 1}. ${step.sentence}`));
    const json = JSON.parse(await run('debrief', scenarioPath, planPath, '--json')) as {
      netValue: number;
      parNetValue: number;
      path: { steps: { plan: unknown; after: number }[] };
    };
    expect(json.netValue).toBe(d.expected.ledger.net);
    expect(json.parNetValue).toBe(d.parOutcome.ledger.net);
    expect(json.path.steps.map((s) => s.plan)).toEqual(path.steps.map((s) => s.plan));
    expect(json.path.steps.map((s) => s.after)).toEqual(path.steps.map((s) => s.after));
  });
});
