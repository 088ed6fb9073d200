/** Shared plumbing of the command line: output, errors, reading inputs. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import {
  MAX_SCENARIO_CHARS,
  loadScenario,
  summarizeIssues,
  type Plan,
  type Scenario,
} from '../engine/index.ts';
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

/**
 * The most bytes a command reads from one file: UTF-8 text of the largest scenario the engine
 * accepts. The app refuses the same files (`MAX_SCENARIO_CHARS`), so both agree on what is too big.
 */
export const MAX_INPUT_BYTES = MAX_SCENARIO_CHARS * 4;

const CHUNK_BYTES = 1 << 20;

/**
 * Reads a text file of at most `maxBytes`, never more: a regular file is measured before it is
 * read, and anything else (a pipe, `/dev/zero`, a FIFO) is read in chunks that stop at the limit.
 * A UTF-8 byte order mark is dropped, as the browser's `File.text()` drops it.
 */
export function readText(path: string, maxBytes: number = MAX_INPUT_BYTES): string {
  const tooLarge = (size: string) =>
    new CliError(
      `${path} is too large (${size}); an input file is at most ${(maxBytes / 1e6).toFixed(1)} MB`,
      EXIT.invalid,
    );
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new CliError(`cannot read ${path} (${code})`, EXIT.invalid);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new CliError(`cannot read ${path} (EISDIR)`, EXIT.invalid);
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge(`${(stat.size / 1e6).toFixed(1)} MB`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw tooLarge(`more than ${(maxBytes / 1e6).toFixed(1)} MB`);
    }
    const text = Buffer.concat(chunks, total).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new CliError(`cannot read ${path} (${code})`, EXIT.invalid);
  } finally {
    closeSync(fd);
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
