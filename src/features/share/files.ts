/**
 * Files the user downloads and picks: a plan file (the engine's versioned plan format) and a
 * scenario file (formatted JSON, the same format the library imports). Downloads are made in the
 * browser from a Blob; nothing is uploaded anywhere.
 */
import { makePlanFile, MAX_PLAN_CHARS, readPlanFile, checkPlanFile } from '../../engine/planFile';
import { ENGINE_VERSION, type Issue, type Plan, type Scenario } from '../../engine';
import { activeVariantOf, type AppState } from '../../store';

/** A file name made of the safe characters of `text` ("Team Red: Q1 bet" → "team-red-q1-bet"). */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'plan';
}

/**
 * The plan file of a variant, as formatted JSON text; in a workshop it names the team, so the
 * facilitator's comparison tells the teams apart.
 */
export function planFileText(
  scenario: Scenario,
  variant: { name: string; plan: Plan; notes: Record<string, string> },
  team = '',
): string {
  const file = makePlanFile(scenario, variant.plan, {
    name: variant.name,
    ...(team.trim() ? { team: team.trim() } : {}),
    notes: variant.notes,
    createdWith: `Roadmap Dojo ${ENGINE_VERSION}`,
  });
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function planFileName(scenario: Scenario, variantName: string): string {
  return `${scenario.id}.${fileSlug(variantName)}.plan.json`;
}

/**
 * The scenario as a scenario file: formatted JSON that the library's import (and the command
 * line) reads back. Baked par is left in: it is valid for this engine version and saves the
 * recipient's laptop the search.
 */
export function scenarioFileText(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

export function scenarioFileName(scenario: Scenario): string {
  return `${scenario.id}.json`;
}

/** Bytes read at most from a picked plan file: UTF-8 text of the largest accepted plan file. */
const MAX_PLAN_FILE_BYTES = MAX_PLAN_CHARS * 4;

export type PlanImport =
  | { ok: true; name: string; plan: Plan; notes: Record<string, string> }
  | { ok: false; issues: Issue[] };

/**
 * Reads a picked plan file and checks it against `scenario`. Never throws: an unreadable,
 * oversized, malformed, too-new or foreign file comes back as issues naming the field.
 */
export async function readPlanFileFor(
  scenario: Scenario,
  file: Pick<File, 'size' | 'text'>,
): Promise<PlanImport> {
  if (file.size > MAX_PLAN_FILE_BYTES)
    return {
      ok: false,
      issues: [
        {
          path: '(file)',
          message: `is too large (${(file.size / 1e6).toFixed(1)} MB); a plan file is at most ${(MAX_PLAN_CHARS / 1e3).toFixed(0)} kB`,
        },
      ],
    };
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return {
      ok: false,
      issues: [{ path: '(file)', message: `could not be read (${String(error)})` }],
    };
  }
  const read = readPlanFile(text);
  if (!read.ok) return read;
  const checked = checkPlanFile(scenario, read.file);
  if (!checked.ok) return checked;
  return { ok: true, name: read.file.name, plan: checked.plan, notes: read.file.notes };
}

/** What importing a plan file did: the new variant's name, or the file's problems. */
export type ImportReport =
  { ok: true; fileName: string; name: string } | { ok: false; fileName: string; issues: Issue[] };

/**
 * The board's "Import plan…": reads the picked file, checks it against the scenario and adds it as
 * a new variant (the store makes its name unique). A bad file changes nothing and comes back as
 * its problems.
 */
export async function importPlanFile(
  getState: () => AppState,
  scenario: Scenario,
  file: Pick<File, 'name' | 'size' | 'text'>,
): Promise<ImportReport> {
  const read = await readPlanFileFor(scenario, file);
  if (!read.ok) return { ok: false, fileName: file.name, issues: read.issues };
  getState().addVariant(scenario, { name: read.name, plan: read.plan, notes: read.notes });
  // The name the store gave it: " (2)" is added when the name was taken.
  return { ok: true, fileName: file.name, name: activeVariantOf(getState(), scenario).name };
}
