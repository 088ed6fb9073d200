/**
 * Saved data (`#/data`): everything the learner has in this browser, and ways to keep it. Export
 * every plan, imported scenario and world played alone as one file and import such a file back
 * (nothing is replaced: what is new is added); see the data that was set aside because it could
 * not be used, and download, restore or delete it; and, when this tab has stopped saving to
 * protect data it must not overwrite, what to do about that.
 */
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { Link } from 'wouter';

import { ConfirmDialog } from '../../components/ConfirmDialog';
import { UploadIcon } from '../../components/icons';
import { Notice } from '../../components/Notice';
import {
  PERSIST_VERSION,
  useAppStore,
  useAppStoreApi,
  type BackupInfo,
  type Issue,
} from '../../store';
import { downloadEverything, downloadStored } from './downloads';
import './data.css';

export interface SavedDataPageProps {
  libraryHref: string;
}

/** Backup files are at most this many bytes (UTF-8 of the largest accepted). */
const MAX_FILE_BYTES = 80_000_000;

type Outcome =
  | { tone: 'success'; title: string; lines: string[] }
  | { tone: 'error'; title: string; issues: readonly Issue[] };

function formatSize(chars: number): string {
  return chars < 1000
    ? `${chars} characters`
    : `${(chars / 1000).toFixed(chars < 10_000 ? 1 : 0)} kB`;
}

function OutcomeNotice({ outcome, onDismiss }: { outcome: Outcome; onDismiss: () => void }) {
  return outcome.tone === 'success' ? (
    <Notice tone="success" title={outcome.title} onDismiss={onDismiss}>
      <ul className="notice-details">
        {outcome.lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </Notice>
  ) : (
    <Notice tone="error" role="alert" title={outcome.title} onDismiss={onDismiss}>
      <p>Nothing was changed: your plans are as they were.</p>
      <ul className="issues">
        {outcome.issues.slice(0, 12).map((issue, i) => (
          <li key={i}>
            <code>{issue.path}</code>: {issue.message}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

export function SavedDataPage({ libraryHref }: SavedDataPageProps) {
  const store = useAppStoreApi();
  const plans = useAppStore((s) => s.plans);
  const imported = useAppStore((s) => s.imported);
  const worlds = useAppStore((s) => s.workshop.worlds);
  const notices = useAppStore((s) => s.notices);
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const hintId = useId();
  // Read again whenever a notice comes or goes (a backup was made) and after each action here.
  const [refresh, setRefresh] = useState(0);
  // Reading storage is an outside system: set from the effect after each change it depends on.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setBackups(store.getState().listBackups()), [store, notices, refresh]);
  const paused = store.getState().savingPaused();

  const variantCount = Object.values(plans).reduce((n, p) => n + p.variants.length, 0);
  const worldCount = Object.values(worlds).reduce((n, list) => n + list.length, 0);

  const onPick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setOutcome({
        tone: 'error',
        title: `Could not import ${file.name}`,
        issues: [{ path: '(file)', message: 'is too large to be a backup file' }],
      });
      return;
    }
    setBusy(true);
    const result = await store.getState().importEverything(await file.text());
    setBusy(false);
    setOutcome(
      result.ok
        ? { tone: 'success', title: `Imported ${file.name}`, lines: result.summary }
        : { tone: 'error', title: `Could not import ${file.name}`, issues: result.issues },
    );
  };

  const restore = async (key: string) => {
    setBusy(true);
    const result = await store.getState().restoreBackup(key);
    setBusy(false);
    setOutcome(
      result.ok
        ? { tone: 'success', title: `Restored what “${key}” holds`, lines: result.summary }
        : { tone: 'error', title: `Could not restore “${key}”`, issues: result.issues },
    );
    setRefresh((n) => n + 1);
  };

  return (
    <section className="saved-data" aria-labelledby="saved-data-title">
      <h1 id="saved-data-title" tabIndex={-1}>
        Saved data
      </h1>
      <p className="lede">
        Your plans, notes and imported scenarios are saved in this browser as you go, and nowhere
        else. Keep a copy as a file to move them to another browser or to be safe when storage is
        full.
      </p>

      {outcome && <OutcomeNotice outcome={outcome} onDismiss={() => setOutcome(null)} />}

      {paused && (
        <Notice tone="warning" title="This tab is not saving" role="none">
          <p>
            {paused.reason === 'newer'
              ? 'The saved data was written by a newer version of Roadmap Dojo. This tab runs an older version, so it leaves that data alone: reload to get the new version.'
              : 'The saved data could not be used and there was no room to set it aside, so it stays where it is and this tab does not write over it.'}
          </p>
          <p className="notice-actions">
            <button
              type="button"
              className="button button-small"
              onClick={() => downloadStored('roadmap-dojo-saved', paused.raw)}
            >
              Download the saved data
            </button>
          </p>
        </Notice>
      )}

      <section aria-labelledby="export-title">
        <h2 id="export-title">Export everything</h2>
        <p>
          One file with every plan ({variantCount} {variantCount === 1 ? 'variant' : 'variants'},
          with your notes), every imported scenario ({imported.length}) and the worlds you played
          quarter by quarter ({worldCount}). Import it here, in this or another browser, to add them
          back.
        </p>
        <p className="notice-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => downloadEverything(store.getState())}
          >
            Export everything
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            aria-describedby={hintId}
            onClick={() => fileInput.current?.click()}
          >
            <UploadIcon />
            Import a backup file
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="backup-file-input"
            onChange={(event) => void onPick(event)}
          />
        </p>
        <p id={hintId} className="muted small">
          Importing adds what is new: variants become new variants, a scenario you already have is
          kept, a different one with the same id comes in as a copy, and worlds join yours (the
          latest 20 per scenario are kept). Nothing is replaced.
        </p>
      </section>

      <section aria-labelledby="backups-title">
        <h2 id="backups-title">Set-aside data</h2>
        {backups.length === 0 ? (
          <p className="muted">
            Nothing was set aside in this browser. When saved data cannot be used (damaged, or from
            another version) it is kept here instead of being lost.
          </p>
        ) : (
          <>
            <p>
              Saved data that could not be used is kept under these keys. Restore adds the plans and
              scenarios it holds to yours; delete frees the space once you have a copy.
            </p>
            <ul className="backups" aria-label="Set-aside data">
              {backups.map((backup) => (
                <li key={backup.key} className="backup">
                  <span className="backup-name">
                    <code>{backup.key}</code>{' '}
                    <span className="muted small">{formatSize(backup.size)}</span>
                  </span>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Download ${backup.key}`}
                    onClick={() => {
                      const text = store.getState().readBackup(backup.key);
                      if (text !== null) downloadStored(backup.key, text);
                    }}
                  >
                    Download
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy}
                    aria-label={`Restore ${backup.key}`}
                    onClick={() => void restore(backup.key)}
                  >
                    Restore
                  </button>
                  <button
                    type="button"
                    className="button button-small button-danger"
                    aria-label={`Delete ${backup.key}`}
                    onClick={() => setDeleting(backup.key)}
                  >
                    Delete
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <p className="muted small" data-testid="app-version">
        Roadmap Dojo {__APP_VERSION__}, saved-data format {PERSIST_VERSION}.
      </p>
      <p>
        <Link href={libraryHref}>Back to the scenario library</Link>
      </p>

      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting}”?`}
          confirmLabel="Delete it"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            store.getState().deleteBackup(deleting);
            setDeleting(null);
            setRefresh((n) => n + 1);
          }}
        >
          <p>
            The set-aside data leaves this browser for good. Download it first if you might want it.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
