/**
 * The team comparison, without React: each team's plan file or share link read and checked
 * against the comparison's scenario (a bad one comes back with its issues by field and never
 * blocks the others), team names, the ranking against par, which items the teams agree on, and
 * the rows and text summaries the charts draw.
 */
import {
  METRICS,
  simulate,
  type Issue,
  type Metric,
  type Outcome,
  type Plan,
  type Scenario,
  type Weights,
} from '../../engine';
import { METRIC_INFO } from '../../explain/words';
import { formatMoney, formatPercent } from '../../explain/format';
import { MAX_PLAN_CHARS, checkPlanFile, readPlanFile } from '../../engine/planFile';
import { compareTeams, type Comparison } from '../../explain/report';
import { decodeShare } from '../../engine/share';
import type { TeamPlanInput } from '../../store';

/** A team's plan, read: its plan and team name, or what is wrong with it. */
export type TeamEntry =
  | { id: string; label: string; kind: TeamPlanInput['kind']; ok: true; team: string; plan: Plan }
  | { id: string; label: string; kind: TeamPlanInput['kind']; ok: false; issues: Issue[] };

/** "team-red.plan.json" → "team-red"; "big-customer.plan-a.plan.json" → "plan-a". */
export function fileStem(name: string, scenarioId = ''): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  let stem = base.replace(/(\.plan)?\.json$/i, '').trim();
  if (scenarioId && stem.startsWith(`${scenarioId}.`)) stem = stem.slice(scenarioId.length + 1);
  return stem.trim() || base;
}

/** The share token in a pasted link: a whole address, "#/share/…", or the token alone. */
export function shareToken(text: string): string {
  const trimmed = text.trim();
  const at = trimmed.indexOf('#');
  return at >= 0 ? trimmed.slice(at + 1) : trimmed;
}

/** Pasted text → one link per non-empty line. */
export function splitLinks(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A plan file's default name, which says nothing about the team. */
const DEFAULT_PLAN_NAMES = new Set(['Plan', 'Shared plan']);

/** "Team Red" when given, else the plan's name unless it is a default one, else `fallback`. */
function teamName(given: string | undefined, name: string, fallback: string): string {
  const trimmed = name.trim();
  return given?.trim() || (trimmed && !DEFAULT_PLAN_NAMES.has(trimmed) ? trimmed : '') || fallback;
}

/**
 * Reads one input against the scenario. Team names: the facilitator's rename, else the plan's
 * `team` (a workshop board puts it in), else for a file its name without the scenario's id
 * ("team-red.plan.json" → "team-red": what the facilitator sees in the downloads folder, while
 * the plan's own name is often the board's default "Plan A" for every team), else for a link the
 * plan's name (unless a default one), else the link's label.
 */
export function readTeamPlan(
  input: TeamPlanInput,
  scenario: Scenario,
  findScenario: (id: string) => Scenario | undefined,
): TeamEntry {
  const base = { id: input.id, label: input.label, kind: input.kind };
  const renamed = input.team?.trim();
  if (input.kind === 'link') {
    const decoded = decodeShare(shareToken(input.text), findScenario);
    if (!decoded.ok) return { ...base, ok: false, issues: decoded.issues };
    const shared = decoded.shared;
    if (shared.scenarioId !== scenario.id)
      return {
        ...base,
        ok: false,
        issues: [
          {
            path: '(link) scenarioId',
            message: `is a plan for “${shared.scenarioId}”, but this comparison is for “${scenario.id}”`,
          },
        ],
      };
    const team = renamed || teamName(shared.team, shared.name, input.label);
    return { ...base, ok: true, team, plan: shared.plan };
  }
  const read = readPlanFile(input.text);
  if (!read.ok) return { ...base, ok: false, issues: read.issues };
  const checked = checkPlanFile(scenario, read.file);
  if (!checked.ok) return { ...base, ok: false, issues: checked.issues };
  const team =
    renamed || read.file.team?.trim() || fileStem(input.label, read.file.scenarioId || scenario.id);
  return { ...base, ok: true, team, plan: checked.plan };
}

/** Team names made unique in order: a second "Team Red" becomes "Team Red (2)". */
export function uniqueTeams<T extends { team: string }>(entries: readonly T[]): T[] {
  const taken = new Set(entries.map((e) => e.team));
  const seen = new Set<string>();
  return entries.map((entry) => {
    if (!seen.has(entry.team)) {
      seen.add(entry.team);
      return entry;
    }
    let n = 2;
    while (taken.has(`${entry.team} (${n})`) || seen.has(`${entry.team} (${n})`)) n++;
    const team = `${entry.team} (${n})`;
    seen.add(team);
    return { ...entry, team };
  });
}

/** Reads every input; valid ones get unique team names. */
export function readTeamPlans(
  inputs: readonly TeamPlanInput[],
  scenario: Scenario,
  findScenario: (id: string) => Scenario | undefined,
): TeamEntry[] {
  const entries = inputs.map((input) => readTeamPlan(input, scenario, findScenario));
  const named = uniqueTeams(entries.filter((e) => e.ok));
  let next = 0;
  return entries.map((e) => (e.ok ? named[next++]! : e));
}

/**
 * The scenario id an input names (a plan file's `scenarioId`, a link's), or null when it cannot
 * be read or names none (a bare `{ "slots": … }` file). Used to pick the comparison's scenario
 * from the first plans loaded when no workshop is set up.
 */
export function namedScenarioId(
  input: Pick<TeamPlanInput, 'kind' | 'text'>,
  findScenario: (id: string) => Scenario | undefined,
): string | null {
  if (input.kind === 'link') {
    const decoded = decodeShare(shareToken(input.text), findScenario);
    return decoded.ok ? decoded.shared.scenarioId : null;
  }
  const read = readPlanFile(input.text);
  return read.ok && read.file.scenarioId !== '' ? read.file.scenarioId : null;
}

/** A picked file: its name and a way to read its text (a `File`). */
export interface PickedFile {
  name: string;
  size: number;
  text: () => Promise<string>;
}

/** Bytes read at most from a picked file: UTF-8 text of the largest accepted plan file. */
export const MAX_TEAM_FILE_BYTES = MAX_PLAN_CHARS * 4;

/**
 * Reads picked files as inputs for the store. Never throws: a file that is too large or cannot
 * be read comes back in `failed` with its name and the reason, and the others are read.
 */
export async function readPickedFiles(files: readonly PickedFile[]): Promise<{
  inputs: Omit<TeamPlanInput, 'id'>[];
  failed: { label: string; issues: Issue[] }[];
}> {
  const inputs: Omit<TeamPlanInput, 'id'>[] = [];
  const failed: { label: string; issues: Issue[] }[] = [];
  for (const file of files) {
    if (file.size > MAX_TEAM_FILE_BYTES) {
      failed.push({
        label: file.name,
        issues: [
          {
            path: '(file)',
            message: `is too large (${(file.size / 1e6).toFixed(1)} MB); a plan file is at most ${(MAX_PLAN_CHARS / 1e3).toFixed(0)} kB`,
          },
        ],
      });
      continue;
    }
    try {
      inputs.push({ kind: 'file', label: file.name, text: await file.text() });
    } catch (error) {
      failed.push({
        label: file.name,
        issues: [{ path: '(file)', message: `could not be read (${String(error)})` }],
      });
    }
  }
  return { inputs, failed };
}

/** "scenarioId: is …" — one issue as a sentence-like line. */
export function issueText(issue: Issue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** The ranking and where its par came from. */
export interface TeamRanking extends Comparison {
  /**
   * `par`: the best plan found for these weights. `team`: a team's plan beat it and is par now.
   * `pending`: par is not known yet — `par` and `percentOfPar` are placeholders, not to be shown.
   */
  parSource: 'par' | 'team' | 'pending';
}

/** Scores closer than this are the same score (floating-point noise). */
const SCORE_EPS = 1e-6;

/**
 * Ranks the valid entries under the weights against `par` (the best plan known for these
 * weights, or null while it is being found). Ranks and scores never depend on par; the % of par
 * does. A team that beats par becomes par (100%), as on the board.
 */
export function rankTeams(
  scenario: Scenario,
  entries: readonly TeamEntry[],
  par: Plan | null,
  weights: Weights,
): TeamRanking | null {
  const valid = entries.flatMap((e) => (e.ok ? [{ team: e.team, plan: e.plan }] : []));
  if (valid.length === 0) return null;
  const comparison = compareTeams(scenario, valid, par ?? valid[0]!.plan, { weights });
  if (par === null) return { ...comparison, parSource: 'pending' };
  const best = comparison.rows[0]!;
  if (best.score <= comparison.par.score + SCORE_EPS) return { ...comparison, parSource: 'par' };
  return {
    ...comparison,
    par: { score: best.score, netValue: best.netValue, plan: best.plan },
    rows: comparison.rows.map((r) => ({
      ...r,
      percentOfPar: best.score > 0 ? (100 * r.score) / best.score : 100,
    })),
    parSource: 'team',
  };
}

/** Items every team planned, items only some did (with which), and items no team planned. */
export function itemAgreement(comparison: Comparison) {
  const n = comparison.rows.length;
  const items = comparison.items;
  return {
    all: n > 0 ? items.filter((i) => i.teams.length === n) : [],
    some: items.filter((i) => i.teams.length > 0 && i.teams.length < n),
    none: items.filter((i) => i.teams.length === 0),
  };
}

/** Metrics that count in the score and exist in the scenario, in the engine's order. */
export function weightedMetrics(comparison: Comparison, weights: Weights): Metric[] {
  const first = comparison.rows[0];
  if (!first) return [];
  return METRICS.filter((m) => first.normalized[m] !== null && (weights[m] ?? 0) > 0);
}

/** Series keys for charts: plain, unique, safe in SVG ids. */
export const seriesKey = (index: number) => `t${index}`;
export const PAR_KEY = 'par';

/** A team (or par) drawn in the charts: its series key, name and expected outcome. */
export interface ChartLine {
  key: string;
  label: string;
  outcome: Outcome;
}

/** The chosen teams' (and par's) expected outcomes under the weights, as chart lines. */
export function chartLines(
  scenario: Scenario,
  comparison: Comparison,
  teams: readonly string[],
  weights: Weights,
  withPar: boolean,
): ChartLine[] {
  const lines = teams.flatMap((team, i) => {
    const row = comparison.rows.find((r) => r.team === team);
    return row
      ? [{ key: seriesKey(i), label: team, outcome: simulate(scenario, row.plan, { weights }) }]
      : [];
  });
  if (withPar)
    lines.push({
      key: PAR_KEY,
      label: 'Par',
      outcome: simulate(scenario, comparison.par.plan, { weights }),
    });
  return lines;
}

/** Radar rows: one per weighted metric, each line's normalized value (0–1). */
export function radarRows(lines: readonly ChartLine[], metrics: readonly Metric[]) {
  return metrics.map((m) => ({
    metric: METRIC_INFO[m].label,
    ...Object.fromEntries(lines.map((l) => [l.key, l.outcome.normalized[m]])),
  }));
}

/** The radar in words: per metric, each line's share of the best found. */
export function radarSummary(lines: readonly ChartLine[], metrics: readonly Metric[]): string[] {
  return metrics.map(
    (m) =>
      `${METRIC_INFO[m].label}: ${lines
        .map((l) => `${l.label} ${formatPercent(l.outcome.normalized[m] ?? 0)}`)
        .join(', ')}.`,
  );
}

export type LineMetricId = 'arr' | 'csat' | 'debt' | 'breach';

type SlotTrace = Outcome['slots'][number];

export const LINE_METRICS: Record<
  LineMetricId,
  { title: string; value: (s: SlotTrace) => number; format: (v: number) => string }
> = {
  arr: { title: 'ARR at the end of each slot', value: (s) => s.arrEnd, format: formatMoney },
  csat: {
    title: 'Customer satisfaction at the end of each slot',
    value: (s) => s.csatEnd,
    format: (v) => v.toFixed(1),
  },
  debt: {
    title: 'Technical debt at the end of each slot (points)',
    value: (s) => s.debtEnd,
    format: (v) => v.toFixed(0),
  },
  breach: {
    title: 'Chance of a breach in each slot',
    value: (s) => s.breachProbability,
    format: (v) => formatPercent(v, 1),
  },
};

/** The line metrics worth showing for a scenario (breaches need security). */
export function lineMetricsFor(scenario: Scenario): LineMetricId[] {
  return scenario.security ? ['arr', 'csat', 'debt', 'breach'] : ['arr', 'csat', 'debt'];
}

/** Line rows: one per slot, each line's value of the metric (expected run). */
export function lineRows(scenario: Scenario, lines: readonly ChartLine[], metric: LineMetricId) {
  return scenario.time.labels.map((label, s) => ({
    slot: label,
    ...Object.fromEntries(
      lines.map((l) => {
        const trace = l.outcome.slots[s];
        return [l.key, trace ? LINE_METRICS[metric].value(trace) : null];
      }),
    ),
  }));
}

/** The lines in words: each line's first and last value. */
export function lineSummary(
  scenario: Scenario,
  lines: readonly ChartLine[],
  metric: LineMetricId,
): string[] {
  const { format, value } = LINE_METRICS[metric];
  const labels = scenario.time.labels;
  return lines.map((l) => {
    const first = l.outcome.slots[0];
    const last = l.outcome.slots.at(-1);
    if (!first || !last) return `${l.label}: no slots.`;
    return `${l.label}: ${format(value(first))} after ${labels[0] ?? 'the first slot'}, ${format(value(last))} after ${labels.at(-1) ?? 'the last slot'}.`;
  });
}
