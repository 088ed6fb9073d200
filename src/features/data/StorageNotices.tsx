/**
 * The notices about saved data, stacked under the header: each says what happened and offers
 * what the user can do about it — export everything when storage is full, download or set aside
 * data this tab must not overwrite, reload for a newer version, keep a version another tab
 * replaced. A new notice never hides another; each is dismissed on its own.
 */
import { useState } from 'react';
import { Link } from 'wouter';

import { Notice } from '../../components/Notice';
import { useAppStore, useAppStoreApi, type StorageNotice } from '../../store';
import { downloadEverything, downloadStored } from './downloads';
import './data.css';

export interface StorageNoticesProps {
  savedDataHref: string;
}

const TITLES: Record<StorageNotice['kind'], string> = {
  'set-aside': 'Saved data could not be used',
  kept: 'Saved data kept as it was: this tab is not saving',
  'left-out': 'Saved data could not be used',
  'save-failed': 'Your latest changes are not saved',
  'newer-version': 'A newer version of Roadmap Dojo saved your plans',
  superseded: 'Changed in another tab',
  info: 'Saved data',
};

function NoticeActions({
  notice,
  savedDataHref,
}: {
  notice: StorageNotice;
  savedDataHref: string;
}) {
  const store = useAppStoreApi();
  const [problem, setProblem] = useState<string | null>(null);
  const dataLink = (
    <Link href={savedDataHref} className="button button-small">
      Open Saved data
    </Link>
  );
  const downloadHeld = () => {
    const held = store.getState().savingPaused();
    if (held) downloadStored('roadmap-dojo-saved', held.raw);
  };
  switch (notice.kind) {
    case 'save-failed':
      return (
        <p className="notice-actions">
          <button
            type="button"
            className="button button-small button-primary"
            onClick={() => downloadEverything(store.getState())}
          >
            Export everything
          </button>
          {dataLink}
        </p>
      );
    case 'kept':
      return (
        <>
          <p className="notice-actions">
            <button
              type="button"
              className="button button-small button-primary"
              onClick={downloadHeld}
            >
              Download the saved data
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                setProblem(
                  store.getState().setAsideHeldData()
                    ? null
                    : 'There is still no room to set it aside: free some space under Saved data first.',
                )
              }
            >
              Set it aside and save again
            </button>
            {dataLink}
          </p>
          {problem && <p className="field-error">{problem}</p>}
        </>
      );
    case 'newer-version':
      return (
        <p className="notice-actions">
          <button
            type="button"
            className="button button-small button-primary"
            onClick={() => window.location.reload()}
          >
            Reload
          </button>
          <button type="button" className="button button-small" onClick={downloadHeld}>
            Download the saved data
          </button>
        </p>
      );
    case 'superseded':
      return (
        <p className="notice-actions">
          <button
            type="button"
            className="button button-small button-primary"
            onClick={() => store.getState().keepSupersededVersion(notice.id)}
          >
            Keep my version as a new variant
          </button>
        </p>
      );
    case 'set-aside':
    case 'left-out':
      return <p className="notice-actions">{dataLink}</p>;
    default:
      return null;
  }
}

export function StorageNotices({ savedDataHref }: StorageNoticesProps) {
  const notices = useAppStore((state) => state.notices);
  const dismiss = useAppStore((state) => state.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="app-notice" data-testid="storage-notices">
      {notices.map((notice) => (
        <Notice
          key={notice.id}
          tone={notice.kind === 'info' ? 'info' : 'warning'}
          role={notice.kind === 'save-failed' ? 'alert' : 'status'}
          title={TITLES[notice.kind]}
          onDismiss={() => dismiss(notice.id)}
          dismissLabel={`Dismiss this notice: ${TITLES[notice.kind]}`}
          className="storage-notice"
        >
          <p>{notice.message}</p>
          {notice.details.length > 0 && (
            <ul className="notice-details">
              {notice.details.map((detail, index) => (
                <li key={index}>{detail}</li>
              ))}
            </ul>
          )}
          <NoticeActions notice={notice} savedDataHref={savedDataHref} />
        </Notice>
      ))}
    </div>
  );
}
