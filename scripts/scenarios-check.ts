/**
 * `npm run scenarios:check [-- files… ] [--write [--keep-par]] [--json]`
 *
 * Runs the guard-rails of MODEL.md §9 on every scenario file (default: scenarios/*.json) and
 * across the library; prints a table (scenario × strategy scores, par, failed rules) and exits 1
 * on any failure. `--write` first bakes anchors and par, with the engine version, into each file;
 * `--keep-par` also starts the par search from the par baked before (never a worse par).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import prettier from 'prettier';
import { loadScenario, STRATEGIES, summarizeIssues, type Scenario } from '../src/engine/index.ts';
import {
  bakedState,
  checkLibrary,
  checkScenario,
  historyChecks,
  type HistoryCheck,
  type RuleResult,
  type ScenarioReport,
} from '../src/engine/guardrails.ts';
import { computeAnchors, findPar } from '../src/engine/par.ts';
import { lessonMix, mixChecks, type LessonMix } from '../src/engine/lessonMix.ts';
import { table } from '../src/cli/table.ts';

const SHORT: Record<string, string> = {
  'do-nothing': 'Nothing',
  rice: 'RICE',
  ice: 'ICE',
  wsjf: 'WSJF',
  cd3: 'CD3',
  edf: 'EDF',
  'features-first': 'Feat1st',
  'debt-scale-first': 'Debt+Sc',
  'security-compliance-first': 'Sec+Comp',
  'eighty-twenty': '80/20',
};

const args = process.argv.slice(2);
const write = args.includes('--write');
const keepPar = args.includes('--keep-par');
const asJson = args.includes('--json');
const targets = args.filter((a) => !a.startsWith('--'));
const root = join(import.meta.dirname, '..');

function scenarioFiles(): string[] {
  const inputs = targets.length > 0 ? targets : [join(root, 'scenarios')];
  return inputs.flatMap((input) =>
    statSync(input).isDirectory()
      ? readdirSync(input)
          .filter((f) => f.endsWith('.json') && f !== 'schema.json')
          .sort()
          .map((f) => join(input, f))
      : [input],
  );
}

/** Bakes anchors and par into the file, formatted as the repository's Prettier config says. */
async function bakeFile(file: string, scenario: Scenario): Promise<Scenario> {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & {
    scoring: Record<string, unknown>;
  };
  const clean: Scenario = {
    ...scenario,
    scoring: { ...scenario.scoring, anchors: undefined },
    par: undefined,
  };
  delete clean.par;
  delete (clean.scoring as { anchors?: unknown }).anchors;
  const anchors = computeAnchors(clean, { budget: 40_000 });
  // With --keep-par the plan baked before (its items that still exist) is one of the search's
  // starting plans, so baking again after a change to the model cannot settle on a worse par.
  const known = new Set(scenario.items.map((i) => i.id));
  const before = scenario.par?.plan.slots.map((ids) => ids.filter((id) => known.has(id)));
  const keep = keepPar && before?.length === scenario.time.labels.length;
  const par = findPar(clean, {
    anchors,
    budget: 200_000,
    ...(keep ? { starts: [{ slots: before }] } : {}),
  });
  // Only money's anchor is searched; every other metric has a fixed scale (docs/model.md).
  raw.scoring = { ...raw.scoring, anchors: { revenue: anchors.revenue } };
  raw.par = {
    plan: par.plan,
    score: par.score,
    engineVersion: par.engineVersion,
    weightsKey: par.weightsKey,
  };
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(
    file,
    await prettier.format(JSON.stringify(raw), { ...options, parser: 'json', filepath: file }),
  );
  const reloaded = loadScenario(readFileSync(file, 'utf8'));
  if (!reloaded.ok)
    throw new Error(`${file} is invalid after baking: ${summarizeIssues(reloaded.issues)}`);
  return reloaded.scenario;
}

const reports: (ScenarioReport & { file: string; seconds: number; baked: RuleResult })[] = [];
const invalid: { file: string; message: string }[] = [];
/** What each brief says has not happened, against the rates (warnings, not failures). */
const histories: { id: string; checks: HistoryCheck[] }[] = [];
/** What each par teaches: the library must meet `MIX_TARGETS`, each scenario `IDLE_AT_END`. */
const mixes: LessonMix[] = [];

for (const file of scenarioFiles()) {
  const started = performance.now();
  const loaded = loadScenario(readFileSync(file, 'utf8'));
  if (!loaded.ok) {
    invalid.push({ file, message: summarizeIssues(loaded.issues) });
    continue;
  }
  let scenario = loaded.scenario;
  if (write) scenario = await bakeFile(file, scenario);
  const state = bakedState(scenario);
  const report = checkScenario(scenario);
  histories.push({ id: scenario.id, checks: historyChecks(scenario) });
  mixes.push(lessonMix(scenario));
  const baked: RuleResult = {
    rule: 'bake',
    name: 'par and anchors are baked and current',
    ok: state.ok,
    detail: state.detail,
  };
  reports.push({
    ...report,
    file,
    baked,
    ok: report.ok && state.ok,
    seconds: (performance.now() - started) / 1000,
  });
  if (!asJson)
    process.stderr.write(
      `checked ${basename(file)} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
}

const library = checkLibrary(reports);
const mixWarnings = mixChecks(mixes);
const ok =
  invalid.length === 0 &&
  reports.every((r) => r.ok) &&
  library.every((r) => r.ok) &&
  mixWarnings.every((w) => w.ok);

if (asJson) {
  process.stdout.write(
    `${JSON.stringify({ ok, invalid, reports, library, histories, mixes, mixWarnings }, null, 2)}\n`,
  );
} else {
  const headers = ['Scenario', 'Par', ...STRATEGIES.map((s) => SHORT[s.id] ?? s.id), 'Failed'];
  const rows = reports.map((r) => [
    r.id,
    Math.round(r.par.score * 10) / 10,
    ...STRATEGIES.map((s) => {
      const score = r.strategies.find((x) => x.id === s.id)!.score;
      return `${(Math.round(score * 10) / 10).toFixed(1)}${r.best.id === s.id ? '*' : ''}`;
    }),
    [...r.rules, r.baked]
      .filter((x) => !x.ok)
      .map((x) => x.rule)
      .join(' ') || '—',
  ]);
  process.stdout.write(table(headers, rows));
  process.stdout.write('* best strategy of the battery in that scenario\n\n');
  for (const r of reports) {
    for (const rule of [r.baked, ...r.rules]) {
      process.stdout.write(
        `${rule.ok ? 'ok  ' : 'FAIL'} ${r.id} ${rule.rule} ${rule.name}: ${rule.detail}\n`,
      );
    }
  }
  // Warnings (they do not fail the check): histories the brief states that the rates make unlikely.
  for (const { id, checks } of histories)
    for (const h of checks)
      process.stdout.write(`${h.improbable ? 'WARN' : 'ok  '} ${id} history ${h.detail}\n`);
  for (const rule of library)
    process.stdout.write(
      `${rule.ok ? 'ok  ' : 'FAIL'} library ${rule.rule} ${rule.name}: ${rule.detail}\n`,
    );
  // The lesson table: what each par teaches (src/engine/lessonMix.ts). Warnings only.
  process.stdout.write('\nWhat each par teaches:\n');
  process.stdout.write(
    table(
      [
        'Scenario',
        'CVE at start',
        'Hyped left out',
        'Debt paid late',
        'Control, no CVE',
        'Last slot idle',
      ],
      mixes.map((m) => [
        m.id,
        m.cveAtStart.join(' ') || '—',
        m.hypedLeftOut.map((h) => `${h.id} (${Math.round(h.confidence * 100)}%)`).join(' ') || '—',
        m.lateDebt.map((d) => `${d.id} (−${d.cost.toFixed(1)} early)`).join(' ') || '—',
        m.controlsWithoutCve.join(' ') || '—',
        `${Math.round(m.idleAtEnd.share * 100)}%${m.idleAtEnd.fits[0] ? `, ${m.idleAtEnd.fits[0].id} fits` : ''}`,
      ]),
    ),
  );
  for (const w of mixWarnings)
    process.stdout.write(`${w.ok ? 'ok  ' : 'FAIL'} lessons ${w.rule} ${w.name}: ${w.detail}\n`);
  for (const bad of invalid)
    process.stdout.write(`FAIL ${bad.file} is not a valid scenario:\n${bad.message}\n`);
  process.stdout.write(
    `\n${ok ? 'All guard-rails pass.' : 'Some guard-rails fail (see the FAIL lines).'}\n`,
  );
}
process.exitCode = ok ? 0 : 1;
