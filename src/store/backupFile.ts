/**
 * "Export everything": every plan (all variants, with notes) and every imported scenario in one
 * file, and reading such a file back. It is what a learner keeps when the browser's storage is
 * full, what moves their work to another browser, and how set-aside data is restored.
 *
 * Format (JSON): `{ format: "roadmap-dojo/backup", version: 1, exportedAt, createdWith,
 * plans: { <scenarioId>: { title?, variants: [{ id, name, plan, notes }] } },
 * imported: [{ scenario, fileName, importedAt }] }`.
 */
import { z } from '../engine/zod';

import { fromZodError } from '../engine/issues';
import { idRecord, idRecordSchema, type IdRecord } from '../engine/ids';
import { parseJsonText, type Issue } from '../engine';
import type { Variant } from './plansSlice';
import type { ImportedScenario } from './types';

export const BACKUP_FILE_FORMAT = 'roadmap-dojo/backup';
export const BACKUP_FILE_VERSION = 1;
/** Backup files are refused above this many characters (a library of imports and plans fits). */
export const MAX_BACKUP_CHARS = 20_000_000;

export interface BackupFile {
  format: typeof BACKUP_FILE_FORMAT;
  version: number;
  exportedAt: string;
  createdWith: string;
  plans: IdRecord<{ title?: string; variants: Variant[] }>;
  imported: { scenario: unknown; fileName: string; importedAt: string }[];
}

/** Text of at most `max` characters. */
const text = (max: number) => z.string().check(z.maxLength(max));

const variantJson = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  name: text(200),
  plan: z.object({
    slots: z.array(z.array(text(64)).check(z.maxLength(60))).check(z.maxLength(12)),
  }),
  notes: z._default(idRecordSchema(text(4000), 64), idRecord()),
});

const backupSchema = z.object({
  format: z.literal(BACKUP_FILE_FORMAT),
  version: z.int().check(z.gte(1)),
  exportedAt: z._default(text(40), ''),
  createdWith: z._default(text(80), ''),
  plans: z._default(
    idRecordSchema(
      z.object({
        title: z.optional(text(200)),
        variants: z.array(variantJson).check(z.maxLength(200)),
      }),
    ),
    idRecord(),
  ),
  imported: z._default(
    z
      .array(
        z.object({
          scenario: z.unknown(),
          fileName: z._default(text(300), 'backup'),
          importedAt: z._default(text(40), ''),
        }),
      )
      .check(z.maxLength(500)),
    [],
  ),
});

/** Builds the file of everything: plans (named by scenario title where known) and imports. */
export function makeBackupFile(input: {
  plans: Readonly<Record<string, { variants: readonly Variant[] }>>;
  imported: readonly ImportedScenario[];
  titles: ReadonlyMap<string, string>;
  exportedAt: string;
  createdWith: string;
}): BackupFile {
  const plans = idRecord<{ title?: string; variants: Variant[] }>();
  for (const [scenarioId, p] of Object.entries(input.plans)) {
    const title = input.titles.get(scenarioId);
    plans[scenarioId] = {
      ...(title ? { title } : {}),
      variants: p.variants.map((v) => ({ id: v.id, name: v.name, plan: v.plan, notes: v.notes })),
    };
  }
  return {
    format: BACKUP_FILE_FORMAT,
    version: BACKUP_FILE_VERSION,
    exportedAt: input.exportedAt,
    createdWith: input.createdWith,
    plans,
    imported: input.imported.map(({ scenario, fileName, importedAt }) => ({
      scenario,
      fileName,
      importedAt,
    })),
  };
}

/** True when parsed JSON looks like a backup file (so a library import can hand it over). */
export function isBackupFile(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    (value as { format?: unknown }).format === BACKUP_FILE_FORMAT
  );
}

/** Reads a backup file's text; issues name the field at fault. Never throws. */
export function readBackupFile(
  text: string,
): { ok: true; file: BackupFile } | { ok: false; issues: Issue[] } {
  const parsed = parseJsonText(text.replace(/^\uFEFF/, ''), MAX_BACKUP_CHARS, 'backup file');
  if (!parsed.ok) return parsed;
  const raw = parsed.value as { format?: unknown; version?: unknown } | null;
  if (!isBackupFile(raw))
    return {
      ok: false,
      issues: [
        { path: 'format', message: `must be "${BACKUP_FILE_FORMAT}" (is this a backup file?)` },
      ],
    };
  if (typeof raw!.version === 'number' && raw!.version > BACKUP_FILE_VERSION)
    return {
      ok: false,
      issues: [
        {
          path: 'version',
          message: `is ${raw!.version}, newer than this app understands (${BACKUP_FILE_VERSION}); update Roadmap Dojo to open it`,
        },
      ],
    };
  const checked = backupSchema.safeParse(raw);
  if (!checked.success) return { ok: false, issues: fromZodError(checked.error, raw) };
  return { ok: true, file: checked.data };
}
