/**
 * `dojo`: score plans and check scenarios without a browser.
 *
 * Exit codes: 0 ok, 1 invalid input (issues on stderr), 2 usage.
 */
import { parseArgs } from 'node:util';
import {
  ENGINE_VERSION,
  METRICS,
  METRIC_INFO,
  STRATEGIES,
  compile,
  computeLenses,
  loadScenario,
  simulate,
  strategyPlans,
  summarizeIssues,
  type Issue,
  type Outcome,
  type Scenario,
} from '../engine/index.ts';
import { formatMetric, formatMoney, formatPercent, formatSlotTime } from '../engine/format.ts';
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
  out += `\nLedger: revenue ${formatMoney(l.revenue)}, terminal ARR ${formatMoney(l.terminal)}, outages −${formatMoney(l.outage)}, overload −${formatMoney(l.overload)}, breaches −${formatMoney(l.breach)}, fines −${formatMoney(l.fines)}, fees −${formatMoney(l.fees)}${l.cascade > 0 ? `, cascades −${formatMoney(l.cascade)}` : ''}; net ${formatMoney(l.net)}\n`;
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

function cmdValidate(args: string[], values: Values, io: Io): number {
  if (args.length === 0) throw new CliError('usage: dojo validate <scenario.json>...', EXIT.usage);
  let failed = 0;
  const report: { file: string; ok: boolean; id?: string; issues?: Issue[]; warnings?: Issue[] }[] =
    [];
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
    io.stdout(json(seeded ? { expected, seeded } : { expected }));
    return EXIT.ok;
  }
  io.stdout(`${scenario.title} — ${planSummary(scenario, plan)}\n`);
  io.stdout(`Score ${expected.score.toFixed(1)} (expected run; this is the grade)\n\n`);
  io.stdout(outcomeText(scenario, expected));
  if (seeded) {
    io.stdout(
      `\nSeeded run (seed ${seed}): score ${seeded.score.toFixed(1)} — ${seeded.score >= expected.score ? 'lucky' : 'unlucky'} by ${Math.abs(seeded.score - expected.score).toFixed(1)} points\n\n`,
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
      name: s.name,
      kind: s.kind,
      score: outcome.score,
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
      ['Strategy', 'Kind', 'Score', 'Plan'],
      rows.map((r) => [
        `${r.score === best ? '★ ' : '  '}${r.name}`,
        r.kind,
        round(r.score),
        planSummary(scenario, r.plan),
      ]),
    ),
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
