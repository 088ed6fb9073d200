/** Shared plumbing of the command line: output, errors, reading inputs. */
import { readFileSync } from 'node:fs';
import { loadScenario, summarizeIssues, type Plan, type Scenario } from '../engine/index.ts';
import { checkPlanFile, readPlanFile } from '../engine/planFile.ts';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** An error that ends the command with an exit code and a message on stderr. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** Reads and validates a scenario file, or throws a CliError naming every issue. */
export function readScenario(path: string): Scenario {
  const text = readText(path);
  const result = loadScenario(text);
  if (!result.ok)
    throw new CliError(
      `${path} is not a valid scenario:\n${indent(summarizeIssues(result.issues, 50))}`,
      EXIT.invalid,
    );
  return result.scenario;
}

/** Reads a plan file and checks it against the scenario. */
export function readPlan(path: string, scenario: Scenario): Plan {
  const file = readPlanFile(readText(path));
  if (!file.ok)
    throw new CliError(
      `${path} is not a valid plan:\n${indent(summarizeIssues(file.issues, 50))}`,
      EXIT.invalid,
    );
  const checked = checkPlanFile(scenario, file.file);
  if (!checked.ok)
    throw new CliError(
      `${path} does not fit ${scenario.id}:\n${indent(summarizeIssues(checked.issues, 50))}`,
      EXIT.invalid,
    );
  return checked.plan;
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new CliError(`cannot read ${path} (${code})`, EXIT.invalid);
  }
}

export function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

/** Stable JSON: 2-space indent and a final newline. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function planSummary(scenario: Scenario, plan: Plan): string {
  return plan.slots
    .map((ids, s) => `${scenario.time.labels[s] ?? s}: ${ids.length > 0 ? ids.join(', ') : '—'}`)
    .join(' | ');
}
