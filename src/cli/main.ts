/**
 * `dojo`: score plans and check scenarios without a browser.
 *
 * Exit codes: 0 ok, 1 invalid input (issues on stderr), 2 usage.
 */
import { parseArgs } from 'node:util';
import {
  ENGINE_VERSION,
  METRICS,
  STRATEGIES,
  compile,
  computeLenses,
  allHiddenFacts,
  loadScenario,
  simulate,
  strategyPlans,
  summarizeIssues,
  type Issue,
  type Outcome,
  type Plan,
  type Scenario,
} from '../engine/index.ts';
import { METRIC_INFO, STRATEGY_WORDS } from '../explain/words.ts';
import { formatMetric, formatMoney, formatPercent, formatSlotTime } from '../explain/format.ts';
import { debrief } from '../explain/debrief.ts';
import { gapByMetric } from '../explain/gap.ts';
import { idleFilled, idleLessonText, pathToPar } from '../explain/path.ts';
import {
  NET_VALUE_DESCRIPTION,
  NET_VALUE_LABEL,
  netValue,
  netValueAgainst,
  netValueText,
} from '../explain/value.ts';
import { bakedPar, findPar } from '../engine/par.ts';
import { seedDistribution } from '../engine/seeds.ts';
import { valueOfInformation } from '../engine/voi.ts';
import {
  CliError,
  EXIT,
  indent,
  json,
  planSummary,
  readPlan,
  readScenario,
  readText,
  type Io,
} from './io.ts';
import { table } from './table.ts';

const HELP = `dojo — Roadmap Dojo on the command line

Usage: npm run dojo -- <command> [arguments] [options]

Commands:
  validate <scenario.json>...             check scenario files; lists every issue by field
  score <scenario.json> <plan.json>       play a plan: score, metrics, per-slot trace, ledger
        [--seed N]                        also tell the story of one seeded run
  lenses <scenario.json>                  RICE, ICE, WSJF, CD3, Kano and MoSCoW for every item
  strategies <scenario.json>              the plan and score of every strategy in the battery
  par <scenario.json>                     the best plan the engine can find, and its score
  debrief <scenario.json> <plan.json>     why the plan scored what it did, against par
        [--seed N]                        the seeded run to tell the story with (default 1)
  seeds <scenario.json> <plan.json>       the spread of seeded scores for the plan and par
        [--n 1000]                        how many seeded runs
  voi <scenario.json>                     value of information: adaptive par (quarter by
                                          quarter, learning) against committed par, and
                                          what each experiment is worth
  room [--port 8080] [--help]             a live workshop room on this laptop (see docs/rooms.md)

Options:
  --json        machine-readable output (stable and deterministic)
  --help, -h    this help
  --version     the engine version

A plan file is the app's exported plan, or simply {"slots": [["item-id", ...], ...]}.
Exit codes: 0 ok, 1 invalid input, 2 usage.
`;

export function outcomeText(scenario: Scenario, outcome: Outcome): string {
  let out = '';
  out += table(
    ['Metric', 'Value', 'Normalized', 'Weight'],
    METRICS.filter((m) => outcome.metrics[m] !== null).map((m) => [
      METRIC_INFO[m].label,
      formatMetric(m, outcome.metrics[m]),
      formatPercent(outcome.normalized[m] ?? 0),
      outcome.weights[m],
    ]),
  );
  out += '\n';
  out += table(
    [
      'Slot',
      'Capacity',
      'Drag',
      'KTLO',
      'Firefight',
      'Thrash',
      'Delivered',
      'Slack',
      'Debt',
      'Util',
      'Incidents',
      'Breach p',
      'ARR',
      'CSAT',
      'Finished',
    ],
    outcome.slots.map((s) => [
      s.label,
      round(s.capacity),
      round(s.dragLost),
      round(s.ktlo),
      round(s.firefighting),
      round(s.thrash),
      round(s.delivered),
      round(s.slack),
      round(s.debtEnd),
      s.utilization > 0 ? s.utilization.toFixed(2) : '—',
      s.incidents.toFixed(2),
      formatPercent(s.breachProbability, 1),
      formatMoney(s.arrEnd),
      s.csatEnd.toFixed(1),
      s.completed.map((c) => c.id).join(', ') || '—',
    ]),
  );
  const l = outcome.ledger;
  out += `\nLedger: revenue ${formatMoney(l.revenue)}, terminal ARR ${formatMoney(l.terminal)}, outages −${formatMoney(l.outage)}, overload −${formatMoney(l.overload)}, breaches −${formatMoney(l.breach)}, fines −${formatMoney(l.fines)}, fees −${formatMoney(l.fees)}${l.cascade > 0 ? `, cascades −${formatMoney(l.cascade)}` : ''}${l.debtCarry > 0 ? `, debt left −${formatMoney(l.debtCarry)}` : ''}${l.openRisk >= 0.5 ? `, risk left open −${formatMoney(l.openRisk)}` : ''}${l.overloadAhead >= 0.5 ? `, demand over capacity −${formatMoney(l.overloadAhead)}` : ''}; net ${formatMoney(l.net)}\n`;
  const unfinished = outcome.items.filter((i) => i.status === 'unfinished');
  if (unfinished.length > 0)
    out += `Planned but unfinished: ${unfinished.map((i) => i.id).join(', ')}\n`;
  const late = outcome.items.filter((i) => i.valueFactor !== null && i.valueFactor < 0.999);
  for (const i of late)
    out += `${i.id} finished ${formatSlotTime(scenario.time.labels, i.completedAt ?? 0)}, worth ${formatPercent(i.valueFactor ?? 0)} of its value\n`;
  return out;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

type Values = Record<string, string | boolean | undefined>;

function positionals(list: string[], count: number, usage: string): string[] {
  if (list.length !== count) throw new CliError(`usage: dojo ${usage}`, EXIT.usage);
  return list;
}

function seedOf(values: Values): number | undefined {
  if (values.seed === undefined) return undefined;
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0)
    throw new CliError('--seed must be a whole number ≥ 0', EXIT.usage);
  return seed;
}

/** True for a JSON Schema document (it names a json-schema.org meta-schema and is no scenario). */
function isJsonSchemaDocument(text: string): boolean {
  if (!text.includes('json-schema.org')) return false;
  try {
    const doc = JSON.parse(text) as unknown;
    return (
      doc !== null &&
      typeof doc === 'object' &&
      !Array.isArray(doc) &&
      !('schemaVersion' in doc) &&
      typeof (doc as { $schema?: unknown }).$schema === 'string' &&
      (doc as { $schema: string }).$schema.includes('json-schema.org')
    );
  } catch {
    return false;
  }
}

function cmdValidate(args: string[], values: Values, io: Io): number {
  if (args.length === 0) throw new CliError('usage: dojo validate <scenario.json>...', EXIT.usage);
  let failed = 0;
  const report: {
    file: string;
    ok: boolean;
    id?: string;
    issues?: Issue[];
    warnings?: Issue[];
    skipped?: string;
  }[] = [];
  for (const file of args) {
    let text: string;
    try {
      text = readText(file);
    } catch (error) {
      failed += 1;
      report.push({
        file,
        ok: false,
        issues: [{ path: '(file)', message: (error as Error).message }],
      });
      if (!values.json) io.stderr(`✗ ${(error as Error).message}\n`);
      continue;
    }
    if (isJsonSchemaDocument(text)) {
      // `validate scenarios/*.json` also matches the published schema: say so, and go on.
      report.push({ file, ok: true, skipped: 'a JSON Schema document, not a scenario' });
      if (!values.json)
        io.stdout(`– ${file}: the JSON Schema of scenario files, not a scenario (skipped)\n`);
      continue;
    }
    const result = loadScenario(text);
    if (result.ok) {
      const s = result.scenario;
      report.push({ file, ok: true, id: s.id, warnings: result.warnings });
      if (!values.json) {
        io.stdout(
          `✓ ${file}: ${s.id} — "${s.title}" (${s.items.length} items, ${s.time.labels.length} slots)\n`,
        );
        for (const w of result.warnings) io.stdout(`  warning: ${w.path}: ${w.message}\n`);
      }
    } else {
      failed += 1;
      report.push({ file, ok: false, issues: result.issues });
      if (!values.json)
        io.stderr(
          `✗ ${file}: ${result.issues.length} issue${result.issues.length > 1 ? 's' : ''}\n${indent(summarizeIssues(result.issues, 50))}\n`,
        );
    }
  }
  if (values.json) io.stdout(json(report));
  return failed > 0 ? EXIT.invalid : EXIT.ok;
}

function cmdScore(args: string[], values: Values, io: Io): number {
  const [scenarioPath, planPath] = positionals(
    args,
    2,
    'score <scenario.json> <plan.json> [--seed N] [--json]',
  );
  const scenario = readScenario(scenarioPath!);
  const plan = readPlan(planPath!, scenario);
  const seed = seedOf(values);
  const expected = simulate(scenario, plan);
  const seeded = seed === undefined ? null : simulate(scenario, plan, { mode: 'seeded', seed });
  if (values.json) {
    // The grade and net value first, read from the expected run below them.
    const head = { score: expected.score, netValue: netValue(expected) };
    io.stdout(json(seeded ? { ...head, expected, seeded } : { ...head, expected }));
    return EXIT.ok;
  }
  io.stdout(`${scenario.title} — ${planSummary(scenario, plan)}\n`);
  io.stdout(`Score ${expected.score.toFixed(1)} (expected run; this is the grade)\n`);
  io.stdout(`${NET_VALUE_LABEL} ${netValueText(expected)} (${NET_VALUE_DESCRIPTION})\n\n`);
  io.stdout(outcomeText(scenario, expected));
  if (seeded) {
    io.stdout(
      `\nSeeded run (seed ${seed}): score ${seeded.score.toFixed(1)}, net value ${netValueText(seeded)} — ${seeded.score >= expected.score ? 'lucky' : 'unlucky'} by ${Math.abs(seeded.score - expected.score).toFixed(1)} points\n\n`,
    );
    io.stdout(outcomeText(scenario, seeded));
    const happened = seeded.events.filter((e) => e.roll !== null);
    if (happened.length > 0) {
      io.stdout('\nRolls:\n');
      for (const e of happened)
        io.stdout(
          `  ${scenario.time.labels[e.slot]}: ${e.title} — p ${e.kind === 'incidents' ? e.probability.toFixed(2) + '/slot' : formatPercent(e.probability, 1)}, roll ${e.roll?.toFixed(2)}, outcome ${e.outcome}\n`,
        );
    }
  }
  return EXIT.ok;
}

function cmdLenses(args: string[], values: Values, io: Io): number {
  const [scenarioPath] = positionals(args, 1, 'lenses <scenario.json> [--json]');
  const scenario = readScenario(scenarioPath!);
  const rows = computeLenses(compile(scenario));
  if (values.json) {
    io.stdout(json(rows));
    return EXIT.ok;
  }
  io.stdout(
    table(
      [
        'Item',
        'Type',
        'Effort',
        'RICE',
        'ICE',
        'WSJF',
        'CoD/slot',
        'CD3',
        'Kano',
        'MoSCoW',
        'Quadrant',
      ],
      rows.map((r) => [
        r.id,
        r.type,
        r.effort,
        round(r.rice),
        round(r.ice),
        Math.round(r.wsjf * 100) / 100,
        formatMoney(r.costOfDelay),
        formatMoney(r.cd3),
        r.kano ?? '—',
        r.moscow ?? '—',
        r.quadrant,
      ]),
    ),
  );
  return EXIT.ok;
}

function cmdStrategies(args: string[], values: Values, io: Io): number {
  const [scenarioPath] = positionals(args, 1, 'strategies <scenario.json> [--json]');
  const scenario = readScenario(scenarioPath!);
  const plans = strategyPlans(compile(scenario));
  const rows = STRATEGIES.map((s) => {
    const outcome = simulate(scenario, plans[s.id]);
    return {
      id: s.id,
      name: STRATEGY_WORDS[s.id].name,
      kind: s.kind,
      score: outcome.score,
      netValue: netValue(outcome),
      metrics: outcome.metrics,
      plan: plans[s.id],
    };
  });
  if (values.json) {
    io.stdout(json(rows));
    return EXIT.ok;
  }
  const best = Math.max(...rows.map((r) => r.score));
  io.stdout(
    table(
      ['Strategy', 'Kind', 'Score', NET_VALUE_LABEL, 'Plan'],
      rows.map((r) => [
        `${r.score === best ? '★ ' : '  '}${r.name}`,
        r.kind,
        round(r.score),
        formatMoney(r.netValue),
        planSummary(scenario, r.plan),
      ]),
    ),
  );
  return EXIT.ok;
}

/** Par from the scenario file when it is current, else searched now. */
function parOf(scenario: Scenario): { plan: Plan; score: number; source: 'baked' | 'searched' } {
  const baked = bakedPar(scenario);
  if (baked) return { ...baked, source: 'baked' };
  const found = findPar(scenario);
  return { plan: found.plan, score: found.score, source: 'searched' };
}

function cmdPar(args: string[], values: Values, io: Io): number {
  const [scenarioPath] = positionals(args, 1, 'par <scenario.json> [--json]');
  const scenario = readScenario(scenarioPath!);
  const par = parOf(scenario);
  const outcome = simulate(scenario, par.plan);
  if (values.json) {
    io.stdout(
      json({
        plan: par.plan,
        score: outcome.score,
        netValue: netValue(outcome),
        source: par.source,
        metrics: outcome.metrics,
      }),
    );
    return EXIT.ok;
  }
  io.stdout(
    `Par for ${scenario.title}: ${outcome.score.toFixed(1)}, net value ${netValueText(outcome)} (${par.source === 'baked' ? 'baked into the scenario file' : 'searched now'})\n`,
  );
  io.stdout(`${planSummary(scenario, par.plan)}\n\n`);
  io.stdout(outcomeText(scenario, outcome));
  return EXIT.ok;
}

function cmdDebrief(args: string[], values: Values, io: Io): number {
  const [scenarioPath, planPath] = positionals(
    args,
    2,
    'debrief <scenario.json> <plan.json> [--seed N] [--json]',
  );
  const scenario = readScenario(scenarioPath!);
  const plan = readPlan(planPath!, scenario);
  const par = parOf(scenario);
  const d = debrief(scenario, plan, { par: par.plan, seed: seedOf(values) ?? 1 });
  const gap = gapByMetric(d.expected, d.parOutcome);
  const path = pathToPar(scenario, plan, par.plan);
  if (values.json) {
    const { expected: _e, seeded: _s, parOutcome: _p, ...rest } = d;
    io.stdout(
      json({
        ...rest,
        netValue: netValue(d.expected),
        parNetValue: netValue(d.parOutcome),
        causes: d.causes.map(({ plan: _plan, ...c }) => c),
        gapByMetric: gap,
        // Each step with the plan after it: rescore any of them with `dojo score`.
        path,
      }),
    );
    return EXIT.ok;
  }
  io.stdout(`${scenario.title}\n${planSummary(scenario, plan)}\n\n`);
  io.stdout(
    `Score ${d.score.toFixed(1)} — ${d.percentOfPar.toFixed(0)}% of par (${d.parScore.toFixed(1)})\n` +
      `${NET_VALUE_LABEL} ${netValueText(d.expected)} — ${netValueAgainst(d.expected, d.parOutcome)} (${netValueText(d.parOutcome)})\n` +
      `${d.verdict}\n${d.luck.sentence}\n`,
  );
  if (d.causes.length > 0) {
    io.stdout('\nWhy, in order of what it cost:\n');
    d.causes.forEach((c, i) => io.stdout(`${i + 1}. ${c.sentence}\n`));
  } else io.stdout('\nNo single change towards par gains more than a point.\n');
  if (d.interaction) io.stdout(`\n${d.interaction.sentence}\n`);
  io.stdout(
    `\nWhere the gap is (par ${gap.par.toFixed(1)}, this plan ${gap.yours.toFixed(1)}; the points add up to the gap):\n`,
  );
  for (const row of gap.rows) io.stdout(`- ${row.sentence}\n`);
  if (path.steps.length > 0) {
    io.stdout(
      `\nMoves toward par (${path.start.toFixed(1)} → ${path.end.toFixed(1)}, ${Math.round(path.explained * 100)}% of the gap; --json has the plan after each):\n`,
    );
    path.steps.forEach((step, i) => io.stdout(`${i + 1}. ${step.sentence}\n`));
    if (path.stopped === 'together')
      io.stdout(
        `From there no single change gains: the other ${(path.par - path.end).toFixed(1)} points need several changes made together.\n`,
      );
    const idle = idleFilled(d.expected, path);
    if (idle.length > 0) io.stdout(`${idleLessonText(scenario, idle)}\n`);
  }
  if (d.lessons.length > 0) {
    io.stdout('\nLessons:\n');
    for (const l of d.lessons) io.stdout(`- ${l.text}\n`);
  }
  if (d.stakeholders.length > 0) {
    io.stdout('\nStakeholders:\n');
    for (const s of d.stakeholders) {
      const asks = s.asks
        .map(
          (a) =>
            `${a.title} by ${scenario.time.labels[a.bySlot]}: ${a.status}${a.renegotiated ? ' on renegotiated terms' : ''}`,
        )
        .join('; ');
      io.stdout(`- ${s.name}, ${s.role} (${s.mood}): "${s.quote}" [${asks}]\n`);
    }
  }
  if (d.effortReveal.length > 0) {
    io.stdout(`\nActual effort in this run (seed ${d.luck.seed}):\n`);
    for (const e of d.effortReveal)
      io.stdout(
        `- ${e.title}: estimated ${e.planned} (range ${e.estimate[0]}–${e.estimate[1]}), took ${e.actual.toFixed(1)}\n`,
      );
  }
  if (d.discussion.length > 0) {
    io.stdout('\nFor discussion:\n');
    for (const q of d.discussion) io.stdout(`- ${q}\n`);
  }
  return EXIT.ok;
}

function cmdSeeds(args: string[], values: Values, io: Io): number {
  const [scenarioPath, planPath] = positionals(
    args,
    2,
    'seeds <scenario.json> <plan.json> [--n 1000] [--json]',
  );
  const scenario = readScenario(scenarioPath!);
  const plan = readPlan(planPath!, scenario);
  const runs = values.n === undefined ? 1000 : Number(values.n);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100_000)
    throw new CliError('--n must be a whole number from 1 to 100000', EXIT.usage);
  const par = parOf(scenario);
  const yours = seedDistribution(scenario, plan, { runs });
  const best = seedDistribution(scenario, par.plan, { runs });
  if (values.json) {
    io.stdout(json({ runs, plan: yours, par: best }));
    return EXIT.ok;
  }
  io.stdout(`${runs} seeded runs of ${scenario.title}\n\n`);
  io.stdout(
    table(
      ['Plan', 'Expected', 'Mean', 'P10', 'P50', 'P90', 'Min', 'Max'],
      [
        [
          'yours',
          round(simulate(scenario, plan).score),
          round(yours.mean),
          round(yours.p10),
          round(yours.p50),
          round(yours.p90),
          round(yours.min),
          round(yours.max),
        ],
        [
          'par',
          round(simulate(scenario, par.plan).score),
          round(best.mean),
          round(best.p10),
          round(best.p50),
          round(best.p90),
          round(best.min),
          round(best.max),
        ],
      ],
    ),
  );
  const peak = Math.max(
    ...yours.histogram.map((b) => b.count),
    ...best.histogram.map((b) => b.count),
    1,
  );
  io.stdout('\nScore     yours                          par\n');
  for (let i = 0; i < yours.histogram.length; i++) {
    const a = yours.histogram[i]!;
    const b = best.histogram[i]!;
    if (a.count === 0 && b.count === 0) continue;
    const bar = (n: number) => '█'.repeat(Math.round((n / peak) * 28)).padEnd(30);
    io.stdout(
      `${String(a.from).padStart(3)}–${String(a.to).padEnd(4)} ${bar(a.count)} ${bar(b.count)}\n`,
    );
  }
  return EXIT.ok;
}

function cmdVoi(args: string[], values: Values, io: Io): number {
  const [scenarioPath] = positionals(args, 1, 'voi <scenario.json> [--json]');
  const scenario = readScenario(scenarioPath!);
  const facts = allHiddenFacts(scenario);
  if (facts.length === 0) {
    if (values.json)
      io.stdout(
        json({ scenario: scenario.id, hiddenFacts: 0, committed: null, adaptive: null, voi: 0 }),
      );
    else
      io.stdout(
        `${scenario.title}: no hidden facts, so information has no value here (0 points).\n`,
      );
    return EXIT.ok;
  }
  const report = valueOfInformation(scenario);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  if (values.json) {
    io.stdout(
      json({
        scenario: scenario.id,
        hiddenFacts: facts.length,
        committed: r2(report.committed),
        adaptive: r2(report.adaptive),
        voi: r2(report.voi),
        withoutExperiments: r2(report.withoutExperiments),
        everyExperiment: r2(report.everyExperiment),
        experiments: report.experiments.map((e) => ({ id: e.id, worth: r2(e.worth) })),
        worlds: report.worlds.map((w) => ({
          facts: w.facts,
          probability: r2(w.probability),
          adaptive: r2(w.score),
          committed: r2(w.committed),
          plan: w.plan,
        })),
      }),
    );
    return EXIT.ok;
  }
  const title = (id: string) => scenario.items.find((i) => i.id === id)?.title ?? id;
  io.stdout(
    `Value of information in ${scenario.title}: ${report.voi.toFixed(1)} points\n` +
      `  committed par (one plan, made blind): ${report.committed.toFixed(1)}\n` +
      `  adaptive par (quarter by quarter, learning): ${report.adaptive.toFixed(1)}\n` +
      `  adaptive, no experiment in the backlog: ${report.withoutExperiments.toFixed(1)}\n` +
      `  adaptive, every experiment run first: ${report.everyExperiment.toFixed(1)}\n\n`,
  );
  if (report.experiments.length > 0)
    io.stdout(
      table(
        ['Experiment', 'Worth (points)'],
        report.experiments.map((e) => [title(e.id), e.worth.toFixed(1)]),
      ) + '\n',
    );
  io.stdout(
    table(
      ['World', 'Chance', 'Adaptive', 'Committed'],
      report.worlds.map((w) => [
        Object.entries(w.facts)
          .map(([key, k]) => {
            const fact = facts.find((f) => f.key === key);
            if (!fact) return key;
            if (fact.kind === 'effort') {
              const outcome = fact.outcomes[k];
              return `${title(fact.item)} effort: ${outcome?.label ?? `${outcome?.effort} points`}`;
            }
            if (fact.kind === 'likelihood') {
              const outcome = fact.outcomes[k];
              const threat = scenario.security?.threats.find((x) => x.id === fact.item);
              return `${threat?.title ?? fact.item}: ${outcome?.label ?? `${formatPercent(outcome?.perYear ?? 0)} a year`}`;
            }
            const outcome = fact.outcomes[k];
            return `${title(fact.item)}: ${outcome?.label ?? `×${outcome?.factor}`}`;
          })
          .join('; '),
        formatPercent(w.probability),
        w.score.toFixed(1),
        w.committed.toFixed(1),
      ]),
    ),
  );
  if (report.worlds.some((w) => Math.max(w.score, w.committed) > 100))
    io.stdout(
      '\nA world scored past 100 is worth more to the searches than a full mark: money earned in a\n' +
        'lucky world runs on past its best, up to its ceiling. A learner playing it is graded 100.\n',
    );
  return EXIT.ok;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  options?: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run: (args: string[], values: Values, io: Io) => number;
}

const commands: Command[] = [
  { name: 'validate', usage: 'validate <scenario.json>...', summary: '', run: cmdValidate },
  {
    name: 'score',
    usage: 'score',
    summary: '',
    options: { seed: { type: 'string' } },
    run: cmdScore,
  },
  { name: 'lenses', usage: 'lenses', summary: '', run: cmdLenses },
  { name: 'strategies', usage: 'strategies', summary: '', run: cmdStrategies },
  { name: 'par', usage: 'par', summary: '', run: cmdPar },
  {
    name: 'debrief',
    usage: 'debrief',
    summary: '',
    options: { seed: { type: 'string' } },
    run: cmdDebrief,
  },
  { name: 'seeds', usage: 'seeds', summary: '', options: { n: { type: 'string' } }, run: cmdSeeds },
  { name: 'voi', usage: 'voi', summary: '', run: cmdVoi },
];

/** Runs the command line; returns the exit code. Never throws. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version') {
    io.stdout(`${ENGINE_VERSION}\n`);
    return EXIT.ok;
  }
  if (name === 'room') {
    // The live room server runs until it is stopped; it has its own options and help.
    const room = await import('../relay/main.ts');
    return room.main(rest);
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`dojo: unknown command "${name}"\n\n${HELP}`);
    return EXIT.usage;
  }
  try {
    const { values, positionals: args } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...(command.options ?? {}),
      },
    });
    if (values.help) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    return await Promise.resolve(command.run(args, values as Values, io));
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`dojo ${name}: ${error.message}\n`);
      return error.code;
    }
    if (
      error instanceof TypeError &&
      'code' in error &&
      String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')
    ) {
      io.stderr(`dojo ${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr(
      `dojo ${name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.invalid;
  }
}
