/**
 * The scenario library (home): continue where you left off, filter by difficulty and topic,
 * import a scenario file (picker or drop anywhere on the page), and open a scenario's briefing.
 */
import { entryOf } from '../../engine/ids';
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { Link } from 'wouter';

import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { ArrowRightIcon, UploadIcon } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { DIFFICULTY_LABELS } from '../../explain/labels';
import { plannedIds } from '../../engine';
import { useAppStore, useLibraryListings, type ScenarioSummary } from '../../store';
import { ScenarioCard, ScenarioErrorCard } from './ScenarioCard';
import { useScenarioImport, type ImportOutcome, type PendingConflict } from './useScenarioImport';
import './library.css';

export interface LibraryPageProps {
  briefingHref: (scenarioId: string) => string;
  boardHref: (scenarioId: string) => string;
}

/** How many issues an import error lists before summarising the rest. */
const IMPORT_ISSUES_SHOWN = 12;

function ContinueCard({
  boardHref,
  listings,
}: {
  boardHref: (scenarioId: string) => string;
  listings: readonly { summary: ScenarioSummary }[];
}) {
  const descriptionId = useId();
  const lastId = useAppStore((state) => state.preferences.lastScenarioId);
  const stored = useAppStore((state) => (lastId ? entryOf(state.plans, lastId) : undefined));
  const scenario = listings.find((l) => l.summary.id === lastId)?.summary;
  if (!scenario) return null;
  // Before any change the scenario has the default plan: Plan A, nothing planned.
  const variant = stored?.variants.find((v) => v.id === stored.activeId) ?? stored?.variants[0];
  const planned = variant ? plannedIds(variant.plan).length : 0;
  const total = scenario.itemCount;
  return (
    <section className="continue-card" aria-labelledby="continue-title">
      <div>
        <h2 id="continue-title" className="continue-title">
          Continue where you left off
        </h2>
        <p id={descriptionId}>
          <strong>{scenario.title}</strong> · {variant?.name ?? 'Plan A'} · {planned} of {total}{' '}
          items planned
        </p>
      </div>
      <Link
        href={boardHref(scenario.id)}
        className="button button-primary"
        aria-describedby={descriptionId}
      >
        Continue planning
        <ArrowRightIcon />
      </Link>
    </section>
  );
}

const STATUS_WORDS = {
  added: 'Imported',
  replaced: 'Updated',
  copied: 'Imported a copy of',
  unchanged: 'Already in your library:',
} as const;

function ImportResults({
  outcomes,
  briefingHref,
  onDismiss,
}: {
  outcomes: readonly ImportOutcome[];
  briefingHref: (scenarioId: string) => string;
  onDismiss: () => void;
}) {
  if (outcomes.length === 0) return null;
  return (
    <div className="import-results">
      {outcomes.map((outcome, index) => {
        const { fileName } = outcome;
        if (outcome.backup)
          return outcome.backup.ok ? (
            <Notice
              key={index}
              tone="success"
              title={`Imported the backup file ${fileName}.`}
              onDismiss={onDismiss}
            >
              <ul className="notice-details">
                {outcome.backup.summary.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </Notice>
          ) : (
            <Notice
              key={index}
              tone="error"
              role="alert"
              title={`Could not import ${fileName}`}
              onDismiss={onDismiss}
            >
              <p>Nothing was changed: your library and plans are as they were.</p>
              <ul className="issues import-issues" aria-label={`Problems in ${fileName}`}>
                {outcome.backup.issues.slice(0, IMPORT_ISSUES_SHOWN).map((issue, i) => (
                  <li key={i}>
                    <code>{issue.path}</code>: {issue.message}
                  </li>
                ))}
              </ul>
            </Notice>
          );
        const result = outcome.result;
        return result.ok ? (
          <Notice
            key={index}
            tone="success"
            title={`${STATUS_WORDS[result.status]} “${result.scenario.title}” from ${fileName}.`}
            onDismiss={onDismiss}
          >
            <p>
              {result.status === 'copied'
                ? `It is in the library below as “${result.scenario.title}”, beside the one you had.`
                : 'It is in the library below, marked “Imported”.'}{' '}
              <Link href={briefingHref(result.scenario.id)}>Open its briefing</Link>
            </p>
            {result.warnings.length > 0 && (
              <>
                <p>
                  It loaded with{' '}
                  {result.warnings.length === 1 ? 'one note' : `${result.warnings.length} notes`}:
                </p>
                <ul className="notice-details" aria-label={`Notes on ${fileName}`}>
                  {result.warnings.slice(0, IMPORT_ISSUES_SHOWN).map((issue, i) => (
                    <li key={i}>
                      <code>{issue.path}</code>: {issue.message}
                    </li>
                  ))}
                </ul>
                {result.warnings.length > IMPORT_ISSUES_SHOWN && (
                  <p>…and {result.warnings.length - IMPORT_ISSUES_SHOWN} more.</p>
                )}
              </>
            )}
          </Notice>
        ) : (
          <Notice
            key={index}
            tone="error"
            role="alert"
            title={`Could not import ${fileName}`}
            onDismiss={onDismiss}
          >
            <p>
              The file has {result.issues.length}{' '}
              {result.issues.length === 1 ? 'problem' : 'problems'}. Nothing was changed: your
              library and plans are as they were.
            </p>
            <ul className="issues import-issues" aria-label={`Problems in ${fileName}`}>
              {result.issues.slice(0, IMPORT_ISSUES_SHOWN).map((issue, i) => (
                <li key={i}>
                  <code>{issue.path}</code>: {issue.message}
                </li>
              ))}
            </ul>
            {result.issues.length > IMPORT_ISSUES_SHOWN && (
              <p>…and {result.issues.length - IMPORT_ISSUES_SHOWN} more.</p>
            )}
          </Notice>
        );
      })}
    </div>
  );
}

/**
 * A re-imported scenario differs from the one in the library: says which plans and items replacing
 * it would affect, and offers to replace it, keep both, or leave everything as it is.
 */
function ImportConflictDialog({
  pending,
  onChoose,
}: {
  pending: PendingConflict;
  onChoose: (choice: 'replace' | 'copy' | 'cancel') => void;
}) {
  const keepRef = useRef<HTMLButtonElement>(null);
  const { conflict, fileName } = pending;
  return (
    <Dialog
      title={`“${conflict.existing.title}” is already in your library`}
      onClose={() => onChoose('cancel')}
      initialFocus={keepRef}
      className="dialog-confirm"
      footer={
        <>
          <button type="button" className="button" onClick={() => onChoose('cancel')}>
            Cancel
          </button>
          <button
            ref={keepRef}
            type="button"
            className="button button-primary"
            onClick={() => onChoose('copy')}
          >
            Keep both
          </button>
          <button
            type="button"
            className="button button-danger"
            onClick={() => onChoose('replace')}
          >
            Replace it
          </button>
        </>
      }
    >
      <p>
        {fileName} holds a different version of the scenario “{conflict.existing.title}” (id{' '}
        <code>{conflict.existing.id}</code>).
      </p>
      {conflict.impact.length === 0 ? (
        <p>Replacing it keeps every plan you made for it as it is.</p>
      ) : (
        <>
          <p>Replacing it changes plans you made for it:</p>
          <ul className="notice-details" aria-label="Plans affected by replacing">
            {conflict.impact.map((impact, i) => (
              <li key={i}>
                <strong>{impact.variantName}</strong>
                {impact.items.length > 0 &&
                  `: ${impact.items.map((item) => item.title).join(', ')} ${impact.items.length === 1 ? 'is' : 'are'} not in the new version and would be taken off the plan`}
                {impact.notes > 0 &&
                  `${impact.items.length > 0 ? '; ' : ': '}${impact.notes} ${impact.notes === 1 ? 'note is' : 'notes are'} about items the new version does not have`}
                .
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        Keep both adds the file as a copy beside it (“{conflict.incoming.title} (copy)”), and your
        plans stay with the one you have.
      </p>
    </Dialog>
  );
}

/** True when a drag carries files (not text or a link). */
function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/** Accepts files dropped anywhere on the window while the library is shown. */
function useFileDrop(onFiles: (files: File[]) => void) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const onFilesRef = useRef(onFiles);
  useEffect(() => {
    onFilesRef.current = onFiles;
  });
  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      onFilesRef.current(Array.from(event.dataTransfer?.files ?? []));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}

export function LibraryPage({ briefingHref, boardHref }: LibraryPageProps) {
  const listings = useLibraryListings();
  const catalog = useAppStore((state) => state.catalogIndex);
  const imported = useAppStore((state) => state.imported);
  const difficulty = useAppStore((state) => state.preferences.libraryDifficulty);
  const tag = useAppStore((state) => state.preferences.libraryTag);
  const setPreferences = useAppStore((state) => state.setPreferences);
  const worlds = useAppStore((state) => state.workshop.worlds);
  const removeImported = useAppStore((state) => state.removeImportedScenario);
  const { outcomes, conflicts, busy, importFiles, resolve, clear } = useScenarioImport();
  const dragging = useFileDrop((files) => void importFiles(files));
  const [removing, setRemoving] = useState<ScenarioSummary | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const difficultyId = useId();
  const tagId = useId();

  const broken = catalog.filter((entry) => !entry.ok);
  const playable = catalog.length - broken.length;
  // Tags are lower-case words: plain code-unit order. (A locale-aware compare would load the
  // browser's collation data on the first screen: 10–30 ms, four times that on a slow laptop.)
  const tags = useMemo(
    () => [...new Set(listings.flatMap((l) => l.summary.tags))].sort(),
    [listings],
  );
  const shown = listings.filter(
    (l) =>
      (difficulty === null || l.summary.difficulty === difficulty) &&
      (tag === null || l.summary.tags.includes(tag)),
  );
  const filtered = difficulty !== null || tag !== null;
  const fileOf = new Map(imported.map((i) => [i.scenario.id, i.fileName]));

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    void importFiles(files);
  };

  return (
    <section aria-labelledby="library-title" className="library">
      <div className="intro">
        <h1 id="library-title" tabIndex={-1}>
          Scenario library
        </h1>
        <p className="lede">
          Each scenario drops you into a company with a backlog of features, tech debt, security and
          scalability work, a team with limited capacity and a year to plan.
        </p>
        <p className="muted">
          {playable} {playable === 1 ? 'scenario' : 'scenarios'} available
          {broken.length > 0 &&
            ` · ${broken.length} ${broken.length === 1 ? 'file' : 'files'} could not be loaded`}
        </p>
      </div>

      <ContinueCard boardHref={boardHref} listings={listings} />

      <section className="library-toolbar" aria-labelledby="library-tools-title">
        <h2 id="library-tools-title" className="visually-hidden">
          Filter and import
        </h2>
        <div className="field-inline">
          <label htmlFor={difficultyId}>Difficulty</label>
          <select
            id={difficultyId}
            value={difficulty ?? ''}
            onChange={(event) =>
              setPreferences({
                libraryDifficulty:
                  event.target.value === '' ? null : (Number(event.target.value) as 1 | 2 | 3),
              })
            }
          >
            <option value="">Any difficulty</option>
            {([1, 2, 3] as const).map((level) => (
              <option key={level} value={level}>
                {DIFFICULTY_LABELS[level]}
              </option>
            ))}
          </select>
        </div>
        <div className="field-inline">
          <label htmlFor={tagId}>Topic</label>
          <select
            id={tagId}
            value={tag ?? ''}
            onChange={(event) =>
              setPreferences({ libraryTag: event.target.value === '' ? null : event.target.value })
            }
          >
            <option value="">Any topic</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="import-control">
          <button
            type="button"
            className="button"
            onClick={() => fileInput.current?.click()}
            disabled={busy}
            aria-describedby="import-hint"
          >
            <UploadIcon />
            Import a scenario file
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            multiple
            hidden
            data-testid="scenario-file-input"
            onChange={onPick}
          />
          <span id="import-hint" className="muted small">
            or drop a .json file anywhere on this page
          </span>
        </div>
      </section>

      <ImportResults outcomes={outcomes} briefingHref={briefingHref} onDismiss={clear} />

      <p className="muted library-count" role="status">
        {filtered ? `Showing ${shown.length} of ${listings.length} scenarios. ` : ''}
        {filtered && (
          <button
            type="button"
            className="link-button"
            onClick={() => setPreferences({ libraryDifficulty: null, libraryTag: null })}
          >
            Clear filters
          </button>
        )}
      </p>

      {listings.length === 0 && broken.length === 0 ? (
        <p>No scenarios are shipped with this build.</p>
      ) : (
        <ul className="card-grid">
          {shown.map(({ summary: scenario, source }) => (
            <li key={`${source}:${scenario.id}`}>
              <ScenarioCard
                scenario={scenario}
                href={briefingHref(scenario.id)}
                worlds={entryOf(worlds, scenario.id)}
                imported={
                  source === 'imported'
                    ? {
                        fileName: fileOf.get(scenario.id) ?? '',
                        onRemove: () => setRemoving(scenario),
                      }
                    : undefined
                }
              />
            </li>
          ))}
          {broken.map((entry) =>
            entry.ok ? null : (
              <li key={entry.file}>
                <ScenarioErrorCard file={entry.file} issues={entry.issues} />
              </li>
            ),
          )}
        </ul>
      )}

      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-inner">
            <UploadIcon />
            Drop the scenario file to import it
          </div>
        </div>
      )}

      {conflicts[0] && <ImportConflictDialog pending={conflicts[0]} onChoose={resolve} />}

      {removing && (
        <ConfirmDialog
          title={`Remove “${removing.title}”?`}
          confirmLabel="Remove from library"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            removeImported(removing.id);
            setRemoving(null);
          }}
        >
          <p>
            The imported scenario leaves the library. Your plans for it are kept and come back if
            you import the file again.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
