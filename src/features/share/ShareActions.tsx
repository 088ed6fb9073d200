/**
 * The board's sharing actions, placed in its toolbar by the app: "Share…" (link, QR code, plan
 * and scenario files) and "Import plan…" (a plan file becomes a new variant; a bad file lists
 * its problems by field and changes nothing).
 */
import { lazy, Suspense, useRef, useState, type ChangeEvent } from 'react';

import { Dialog } from '../../components/Dialog';
import { OpenFileIcon, ShareIcon } from '../../components/icons';
import type { Scenario } from '../../engine';
import { useActiveVariant, useAppStore, useAppStoreApi } from '../../store';
import { importPlanFile, type ImportReport } from './files';
import './share.css';

// The dialog brings the QR encoder: load it when first opened.
const ShareDialog = lazy(() => import('./ShareDialog').then((m) => ({ default: m.ShareDialog })));

/** How many issues an import error lists before summarising the rest. */
const ISSUES_SHOWN = 12;

export function ImportReportDialog({
  report,
  scenario,
  onClose,
}: {
  report: ImportReport;
  scenario: Scenario;
  onClose: () => void;
}) {
  const footer = (
    <button type="button" className="button button-primary" onClick={onClose}>
      OK
    </button>
  );
  if (report.ok)
    return (
      <Dialog title="Plan imported" onClose={onClose} footer={footer} className="dialog-confirm">
        <p>
          “{report.name}” from {report.fileName} is now a new variant of your plans for{' '}
          {scenario.title}, and it is the one on the board. Your other variants are unchanged.
        </p>
      </Dialog>
    );
  return (
    <Dialog
      title={`Could not import ${report.fileName}`}
      onClose={onClose}
      footer={footer}
      className="dialog-confirm"
    >
      <p>
        The file has {report.issues.length} {report.issues.length === 1 ? 'problem' : 'problems'}.
        Nothing was changed: your plans are as they were.
      </p>
      <ul className="issues" aria-label={`Problems in ${report.fileName}`}>
        {report.issues.slice(0, ISSUES_SHOWN).map((issue, i) => (
          <li key={i}>
            <code>{issue.path}</code>: {issue.message}
          </li>
        ))}
      </ul>
      {report.issues.length > ISSUES_SHOWN && (
        <p>…and {report.issues.length - ISSUES_SHOWN} more.</p>
      )}
    </Dialog>
  );
}

export function ShareActions({ scenario }: { scenario: Scenario }) {
  const variant = useActiveVariant(scenario);
  const imported = useAppStore((s) => s.imported.some((i) => i.scenario.id === scenario.id));
  const store = useAppStoreApi();
  const [sharing, setSharing] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const onPick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Let the same file be picked again after fixing it.
    event.target.value = '';
    if (!file) return;
    setReport(await importPlanFile(store.getState, scenario, file));
  };

  return (
    <>
      <button type="button" className="button button-small" onClick={() => setSharing(true)}>
        <ShareIcon />
        Share…
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={() => fileInput.current?.click()}
      >
        <OpenFileIcon />
        Import plan…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="plan-file-input"
        onChange={(event) => void onPick(event)}
      />
      {sharing && (
        <Suspense fallback={null}>
          <ShareDialog
            scenario={scenario}
            variant={variant}
            includeScenario={imported}
            onClose={() => setSharing(false)}
          />
        </Suspense>
      )}
      {report && (
        <ImportReportDialog report={report} scenario={scenario} onClose={() => setReport(null)} />
      )}
    </>
  );
}
