/**
 * Exports for meeting notes and portfolios: a one-page Markdown rationale of a plan (plan, score,
 * causes, the author's notes) and the comparison of several teams' plans as Markdown or CSV.
 * Scenario and user text is untrusted: it is escaped so it cannot inject markup or links.
 */
import { entryOf } from '../engine/ids';
import type { Debrief } from './debrief.ts';
import { formatMetric, formatMoney, formatPercent } from './format.ts';
import { gapByMetric, tenths } from './gap.ts';
import { LESSONS, idleFilled, idleLessonText, type MovePath } from './path.ts';
import { findItem, type Plan } from '../engine/plan.ts';
import { METRICS, type Metric, type Scenario, type Weights } from '../engine/schema.ts';
import { METRIC_INFO } from './words.ts';
import {
  NET_VALUE_LABEL,
  besideNetValue,
  netValue,
  netValueAgainst,
  netValueText,
} from './value.ts';
import { simulate, type Outcome } from '../engine/simulate.ts';

/**
 * Escapes text for Markdown: no emphasis, code, links, headings, lists, quotes, HTML, entities
 * or table cells from user text — and no backslash where none is needed, since a report is often
 * pasted where Markdown is not rendered. Brackets are escaped, so `(`, `)` and `!` cannot start a
 * link or an image; `#`, `>`, `+`, `-` and `1.` matter only at the start of a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\`*_[\]<|~]|&(?=#?\w+;)/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)(#|>|=+(?=\s*$)|-(?=[-\s]|$)|\+(?=\s|$))/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
    .trim();
}

/** One line of text: newlines folded, escaped. */
function inline(text: string): string {
  return escapeMarkdown(text.replace(/\s*\n\s*/g, ' '));
}

function quote(text: string): string {
  return escapeMarkdown(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

export interface PlanReportInput {
  scenario: Scenario;
  plan: Plan;
  /** The variant's name and, in workshops, the team's. */
  name: string;
  team?: string;
  /** The author's rationale per item id (the decision journal). */
  notes: Record<string, string>;
  debrief: Debrief;
  /** The moves toward par (the debrief page's), listed after the gap when given. */
  path?: MovePath;
}

function itemStatus(outcome: Outcome, id: string, labels: readonly string[]): string {
  const item = outcome.items.find((i) => i.id === id);
  if (!item) return '';
  if (item.status === 'done' && item.completedAt !== null) {
    const slot = Math.min(labels.length - 1, Math.ceil(item.completedAt) - 1);
    const late =
      item.valueFactor !== null && item.valueFactor < 0.999
        ? `, worth ${formatPercent(item.valueFactor)} of its value`
        : '';
    return `done in ${labels[slot] ?? ''}${late}`;
  }
  return item.status;
}

/** A one-page Markdown rationale of a plan: what was planned, how it scored and why, the notes. */
export function planReportMarkdown(input: PlanReportInput): string {
  const { scenario, plan, debrief: d, notes } = input;
  const labels = scenario.time.labels;
  const byId = new Map(scenario.items.map((i) => [i.id, i]));
  const lines: string[] = [];
  lines.push(`# ${inline(input.name)}${input.team ? ` — ${inline(input.team)}` : ''}`);
  lines.push('');
  lines.push(
    `**Scenario:** ${inline(scenario.title)} (${inline(scenario.industry)}, ${labels.length} ${labels.length === 1 ? 'slot' : 'slots'})  `,
  );
  lines.push(
    `**Score:** ${d.score.toFixed(1)} — ${d.percentOfPar.toFixed(0)}% of par (${d.parScore.toFixed(1)})${d.beatPar ? ', a new par' : ''}  `,
  );
  lines.push(
    `**${NET_VALUE_LABEL}:** ${netValueText(d.expected)} — ${netValueAgainst(d.expected, d.parOutcome)} (${netValueText(d.parOutcome)})  `,
  );
  lines.push(`**Verdict:** ${inline(d.verdict)}  `);
  lines.push(`**Luck:** ${inline(d.luck.sentence)}`);
  lines.push('');
  lines.push('## The plan');
  lines.push('');
  plan.slots.forEach((ids, s) => {
    lines.push(`### ${inline(labels[s] ?? `Slot ${s + 1}`)}`);
    lines.push('');
    if (ids.length === 0) lines.push('_Nothing planned._');
    for (const id of ids) {
      const item = byId.get(id);
      if (!item) continue;
      lines.push(
        `- **${inline(item.title)}** (${item.type}, ${item.effort} pts) — ${itemStatus(d.expected, id, labels)}`,
      );
      const note = entryOf(notes, id)?.trim();
      if (note) lines.push(`  - Why: ${inline(note)}`);
    }
    lines.push('');
  });
  const leftOut = scenario.items.filter((i) => !i.injected && !findItem(plan, i.id));
  if (leftOut.length > 0) {
    lines.push('### Left out');
    lines.push('');
    for (const item of leftOut) {
      lines.push(`- ${inline(item.title)} (${item.type}, ${item.effort} pts)`);
      const note = entryOf(notes, item.id)?.trim();
      if (note) lines.push(`  - Why: ${inline(note)}`);
    }
    lines.push('');
  }
  lines.push('## Outcome');
  lines.push('');
  lines.push('| Metric | This plan | Par |');
  lines.push('|---|---|---|');
  for (const m of METRICS) {
    if (d.expected.metrics[m] === null || d.expected.weights[m] <= 0) continue;
    lines.push(
      `| ${METRIC_INFO[m].label} | ${formatMetric(m, d.expected.metrics[m])} | ${formatMetric(m, d.parOutcome.metrics[m])} |`,
    );
  }
  lines.push('');
  const gap = gapByMetric(d.expected, d.parOutcome);
  if (gap.rows.length > 0) {
    lines.push('## Where the gap is');
    lines.push('');
    lines.push(
      inline(
        `Par scores ${gap.par.toFixed(1)} and this plan ${gap.yours.toFixed(1)}: ${gap.gapShown >= 0 ? `${tenths(gap.gapShown)} points behind` : `${tenths(gap.gapShown)} points ahead`}. Metric by metric (the points add up to the gap):`,
      ),
    );
    lines.push('');
    gap.rows.forEach((row, i) => lines.push(`${i + 1}. ${inline(row.sentence)}`));
    lines.push('');
  }
  if (input.path && input.path.steps.length > 0) {
    const p = input.path;
    lines.push('## Moves toward par');
    lines.push('');
    lines.push(
      inline(
        `${p.steps.length} moves take this plan from ${p.start.toFixed(1)} to ${p.end.toFixed(1)} (par ${p.par.toFixed(1)}): ${Math.round(p.explained * 100)}% of the gap.`,
      ),
    );
    lines.push('');
    p.steps.forEach((step, i) => {
      lines.push(`${i + 1}. ${inline(step.sentence)}`);
      const lesson = LESSONS[step.lesson];
      lines.push(`   - ${inline(`${lesson.title}: ${lesson.text}`)}`);
    });
    if (p.stopped === 'together')
      lines.push(
        '',
        `From there no single change gains: the other ${(p.par - p.end).toFixed(1)} points need several changes made together.`,
      );
    const idle = idleFilled(d.expected, p);
    if (idle.length > 0) lines.push('', inline(idleLessonText(scenario, idle)));
    lines.push('');
  }
  if (d.causes.length > 0) {
    lines.push('## What made the difference');
    lines.push('');
    d.causes.forEach((c, i) => lines.push(`${i + 1}. ${inline(c.sentence)}`));
    if (d.interaction) lines.push('', inline(d.interaction.sentence));
    lines.push('');
  }
  if (d.stakeholders.length > 0) {
    lines.push('## Stakeholders');
    lines.push('');
    for (const s of d.stakeholders) {
      lines.push(`- **${inline(s.name)}**, ${inline(s.role)} (${s.mood}): “${inline(s.quote)}”`);
    }
    lines.push('');
  }
  if (d.lessons.length > 0) {
    lines.push('## Lessons');
    lines.push('');
    for (const l of d.lessons) lines.push(quote(l.text), '');
  }
  if (d.discussion.length > 0) {
    lines.push('## For discussion');
    lines.push('');
    for (const q of d.discussion) lines.push(`- ${inline(q)}`);
    lines.push('');
  }
  lines.push('---');
  lines.push(
    `_Scores are from Roadmap Dojo's teaching model; its constants are assumptions, not data._`,
  );
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** One team's entry in a comparison. */
export interface CompareEntry {
  team: string;
  plan: Plan;
}

export interface ComparisonRow {
  rank: number;
  team: string;
  score: number;
  /** Net value in dollars, from the same expected run as the score. */
  netValue: number;
  percentOfPar: number;
  metrics: Record<Metric, number | null>;
  normalized: Record<Metric, number | null>;
  plan: Plan;
}

export interface Comparison {
  par: { score: number; netValue: number; plan: Plan };
  rows: ComparisonRow[];
  /** Items every team planned, some planned, and none planned. */
  items: { id: string; title: string; type: string; teams: string[]; share: number }[];
}

/** Scores every team's plan and ranks them, with the items they agree and disagree on. */
export function compareTeams(
  scenario: Scenario,
  entries: readonly CompareEntry[],
  par: Plan,
  options: { weights?: Weights } = {},
): Comparison {
  const scoring = options.weights ? { weights: options.weights } : {};
  const parOutcome = simulate(scenario, par, scoring);
  const parScore = parOutcome.score;
  const scored = entries.map((e) => {
    const o = simulate(scenario, e.plan, scoring);
    return {
      team: e.team,
      score: o.score,
      netValue: netValue(o),
      metrics: o.metrics,
      normalized: o.normalized,
      plan: e.plan,
    };
  });
  scored.sort((a, b) => b.score - a.score || a.team.localeCompare(b.team));
  let rank = 0;
  const rows = scored.map((r, i) => {
    if (i === 0 || r.score < scored[i - 1]!.score - 1e-9) rank = i + 1;
    return { ...r, rank, percentOfPar: parScore > 0 ? (100 * r.score) / parScore : 100 };
  });
  const items = scenario.items
    .filter((i) => !i.injected)
    .map((i) => {
      const teams = entries.filter((e) => findItem(e.plan, i.id)).map((e) => e.team);
      return {
        id: i.id,
        title: i.title,
        type: i.type,
        teams,
        share: entries.length > 0 ? teams.length / entries.length : 0,
      };
    });
  return { par: { score: parScore, netValue: netValue(parOutcome), plan: par }, rows, items };
}

/** The comparison as Markdown for meeting notes. */
export function comparisonMarkdown(scenario: Scenario, comparison: Comparison): string {
  const weighted = besideNetValue(
    METRICS.filter((m) => comparison.rows.some((r) => r.metrics[m] !== null)),
  );
  const lines: string[] = [];
  lines.push(`# ${inline(scenario.title)}: team comparison`, '');
  lines.push(
    `Par: ${comparison.par.score.toFixed(1)}, ${NET_VALUE_LABEL.toLowerCase()} ${formatMoney(comparison.par.netValue)}`,
    '',
  );
  lines.push(
    `| Rank | Team | Score | ${NET_VALUE_LABEL} | % of par | ${weighted.map((m) => METRIC_INFO[m].label).join(' | ')} |`,
  );
  lines.push(`|---|---|---|---|---|${weighted.map(() => '---').join('|')}|`);
  for (const r of comparison.rows)
    lines.push(
      `| ${r.rank} | ${inline(r.team)} | ${r.score.toFixed(1)} | ${formatMoney(r.netValue)} | ${r.percentOfPar.toFixed(0)}% | ${weighted.map((m) => formatMetric(m, r.metrics[m])).join(' | ')} |`,
    );
  lines.push('');
  const n = comparison.rows.length;
  const all = comparison.items.filter((i) => i.teams.length === n && n > 0);
  const some = comparison.items.filter((i) => i.teams.length > 0 && i.teams.length < n);
  const none = comparison.items.filter((i) => i.teams.length === 0);
  lines.push(
    '## Every team chose',
    '',
    ...(all.length ? all.map((i) => `- ${inline(i.title)}`) : ['_none_']),
    '',
  );
  lines.push(
    '## Only some teams chose',
    '',
    ...(some.length
      ? some.map((i) => `- ${inline(i.title)}: ${i.teams.map(inline).join(', ')}`)
      : ['_none_']),
    '',
  );
  lines.push(
    '## No team chose',
    '',
    ...(none.length ? none.map((i) => `- ${inline(i.title)}`) : ['_none_']),
    '',
  );
  return `${lines.join('\n').trim()}\n`;
}

/** RFC 4180 CSV field; also defuses spreadsheet formulas in user text. */
function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The comparison as CSV: one row per team with score, % of par, raw metrics and the plan. */
export function comparisonCsv(scenario: Scenario, comparison: Comparison): string {
  const weighted = METRICS.filter((m) => comparison.rows.some((r) => r.metrics[m] !== null));
  const header = [
    'rank',
    'team',
    'score',
    'percent_of_par',
    ...weighted,
    'net_value',
    ...scenario.time.labels.map((l) => `plan_${l}`),
  ];
  const rows = comparison.rows.map((r) => [
    r.rank,
    r.team,
    r.score.toFixed(2),
    r.percentOfPar.toFixed(1),
    ...weighted.map((m) => (r.metrics[m] === null ? '' : Number(r.metrics[m].toFixed(4)))),
    r.netValue.toFixed(2),
    ...scenario.time.labels.map((_, s) => (r.plan.slots[s] ?? []).join(' ')),
  ]);
  return `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
