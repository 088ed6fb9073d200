/**
 * The debrief's exports: the one-page Markdown rationale (plan, score, causes, notes, and for a
 * year played round by round the grade of each commit), the plan with its outcome as JSON, and the plain plan file other screens import. Pure builders; the
 * page downloads the text they return.
 */
import { ENGINE_VERSION, type Plan, type Scenario } from '../../engine';
import type { DecisionQuality } from '../../engine/decisions';
import type { Debrief } from '../../explain/debrief';
import { decisionsJson, decisionsMarkdown } from '../../explain/decisionsReport';
import type { MovePath } from '../../explain/path';
import { makePlanFile, type PlanFile } from '../../engine/planFile';
import { planReportMarkdown } from '../../explain/report';
import { netValue } from '../../explain/value';

export const DEBRIEF_FILE_FORMAT = 'roadmap-dojo/debrief';
export const DEBRIEF_FILE_VERSION = 1;

export interface ExportInput {
  scenario: Scenario;
  plan: Plan;
  variantName: string;
  notes: Readonly<Record<string, string>>;
  debrief: Debrief;
  /** The moves toward par, when they are known. */
  path?: MovePath;
  /** A year played round by round: each commit's grade, once every commit is graded. */
  decisions?: DecisionQuality;
}

const CREATED_WITH = `Roadmap Dojo engine ${ENGINE_VERSION}`;

/** "big-customer-plan-a": safe in every file system. */
export function fileStem(scenario: Scenario, variantName: string): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40);
  return [slug(scenario.id), slug(variantName) || 'plan'].filter(Boolean).join('-');
}

/** The Markdown rationale: plan, score, causes, stakeholders, lessons and the user's notes. */
export function debriefMarkdown(input: ExportInput): string {
  const report = planReportMarkdown({
    scenario: input.scenario,
    plan: input.plan,
    name: input.variantName,
    notes: { ...input.notes },
    debrief: input.debrief,
    ...(input.path ? { path: input.path } : {}),
  });
  return input.decisions
    ? `${report.trimEnd()}\n\n${decisionsMarkdown(input.scenario, input.decisions)}`
    : report;
}

/** The plan file alone (what the workshop comparison and the command line read). */
export function planFileOf(input: ExportInput): PlanFile {
  return makePlanFile(input.scenario, input.plan, {
    name: input.variantName,
    notes: { ...input.notes },
    createdWith: CREATED_WITH,
  });
}

/** The plan file with the outcome: the expected run (the grade) and this seeded run. */
export function debriefJson(input: ExportInput): string {
  const d = input.debrief;
  return `${JSON.stringify(
    {
      format: DEBRIEF_FILE_FORMAT,
      version: DEBRIEF_FILE_VERSION,
      planFile: planFileOf(input),
      result: {
        score: d.score,
        netValue: netValue(d.expected),
        parScore: d.parScore,
        parNetValue: netValue(d.parOutcome),
        percentOfPar: d.percentOfPar,
        seed: d.luck.seed,
        seededScore: d.luck.seeded,
        verdict: d.verdict,
        causes: d.causes.map((c) => ({
          item: c.item,
          change: c.change,
          gain: c.gain,
          sentence: c.sentence,
        })),
        // Each move with the plan after it (rescore any with `dojo score`).
        ...(input.path ? { path: input.path } : {}),
        ...(input.decisions
          ? { decisionQuality: decisionsJson(input.scenario, input.decisions) }
          : {}),
      },
      outcome: { expected: d.expected, seeded: d.seeded },
    },
    null,
    2,
  )}\n`;
}
