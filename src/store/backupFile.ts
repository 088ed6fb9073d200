/**
 * "Export everything": every plan (all variants, with notes), every imported scenario and the
 * worlds played quarter by quarter alone in one file, and reading such a file back. It is what a
 * learner keeps when the browser's storage is full, what moves their work to another browser, and
 * how set-aside data is restored.
 *
 * Format (JSON): `{ format: "roadmap-dojo/backup", version: 1, exportedAt, createdWith,
 * plans: { <scenarioId>: { title?, variants: [{ id, name, plan, notes }] } },
 * imported: [{ scenario, fileName, importedAt }],
 * worlds?: { <scenarioId>: [{ seed, plan, score, parScore, playedAt }] } }`. `worlds` came later,
 * without a new version: files without it read as before, and older apps ignore it.
 */
import { z } from '../engine/zod';

import { formatPath, fromZodError } from '../engine/issues';
import { idRecord, idRecordSchema, type IdRecord } from '../engine/ids';
import { parseJsonText, type Issue } from '../engine';
import { worldJson } from './persistence';
import type { Variant } from './plansSlice';
import type { ImportedScenario } from './types';
import type { WorldPlayed } from './workshopSlice';

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
  /** The worlds played quarter by quarter alone, per scenario id, oldest first. */
  worlds?: IdRecord<WorldPlayed[]>;
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

const importedJson = z.object({
  scenario: z.unknown(),
  fileName: z._default(text(300), 'backup'),
  importedAt: z._default(text(40), ''),
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
  imported: z._default(z.array(importedJson).check(z.maxLength(500)), []),
  // Each world as saved state holds it: one that cannot be read refuses the file, named.
  worlds: z.optional(idRecordSchema(z.array(worldJson))),
});

/**
 * What can still be used of damaged data shaped like saved plans (`{ plans: { <scenarioId>:
 * { variants } }, imported, workshop: { worlds } }`), as a backup file: each variant, imported
 * entry and world is read on its own, and each one that cannot be is named in `issues` (paths
 * under `path`). Null when nothing in it can be used.
 */
export function salvageBackup(
  value: unknown,
  path: PropertyKey[] = [],
): { file: BackupFile; issues: Issue[] } | null {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(value)) return null;
  const issues: Issue[] = [];
  const plans = idRecord<{ variants: Variant[] }>();
  let variants = 0;
  if (isObject(value.plans))
    for (const [scenarioId, entry] of Object.entries(value.plans)) {
      const at = [...path, 'plans', scenarioId, 'variants'];
      const list = isObject(entry) ? entry.variants : undefined;
      if (scenarioId.length > 200 || !Array.isArray(list)) {
        issues.push({ path: formatPath(at), message: 'cannot be read as a list of variants' });
        continue;
      }
      const kept: Variant[] = [];
      list.slice(0, 200).forEach((raw: unknown, index) => {
        const read = variantJson.safeParse(raw);
        if (read.success) kept.push(read.data);
        else issues.push(...fromZodError(read.error, raw, [...at, index]));
      });
      if (kept.length > 0) plans[scenarioId] = { variants: kept };
      variants += kept.length;
    }
  const imported: BackupFile['imported'] = [];
  if (Array.isArray(value.imported))
    value.imported.slice(0, 500).forEach((raw: unknown, index) => {
      const read = importedJson.safeParse(raw);
      if (read.success) imported.push(read.data);
      else issues.push(...fromZodError(read.error, raw, [...path, 'imported', index]));
    });
  const worlds = idRecord<WorldPlayed[]>();
  let worldCount = 0;
  const savedWorlds = isObject(value.workshop) ? value.workshop.worlds : undefined;
  if (isObject(savedWorlds))
    for (const [scenarioId, list] of Object.entries(savedWorlds)) {
      const at = [...path, 'workshop', 'worlds', scenarioId];
      if (scenarioId.length > 200 || !Array.isArray(list)) {
        issues.push({ path: formatPath(at), message: 'cannot be read as a list of worlds' });
        continue;
      }
      const kept: WorldPlayed[] = [];
      list.forEach((raw: unknown, index) => {
        const read = worldJson.safeParse(raw);
        if (read.success) kept.push(read.data);
        else issues.push(...fromZodError(read.error, raw, [...at, index]));
      });
      if (kept.length > 0) worlds[scenarioId] = kept;
      worldCount += kept.length;
    }
  if (variants === 0 && imported.length === 0 && worldCount === 0) return null;
  return {
    file: {
      format: BACKUP_FILE_FORMAT,
      version: BACKUP_FILE_VERSION,
      exportedAt: '',
      createdWith: '',
      plans,
      imported,
      worlds,
    },
    issues,
  };
}

/**
 * Builds the file of everything: plans (named by scenario title where known), imports and the
 * worlds played alone (scenarios with none are left out).
 */
export function makeBackupFile(input: {
  plans: Readonly<Record<string, { variants: readonly Variant[] }>>;
  imported: readonly ImportedScenario[];
  worlds: Readonly<Record<string, readonly WorldPlayed[]>>;
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
    worlds: idRecord(
      Object.entries(input.worlds)
        .filter(([, list]) => list.length > 0)
        .map(
          ([scenarioId, list]) =>
            [
              scenarioId,
              list.map(({ seed, plan, score, parScore, playedAt }) => ({
                seed,
                plan,
                score,
                parScore,
                playedAt,
              })),
            ] as const,
        ),
    ),
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
