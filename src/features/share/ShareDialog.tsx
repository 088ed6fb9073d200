/**
 * The share dialog: the active variant as a link (with a Copy button and, when it is short enough,
 * a QR code for the projector), and as files — the plan file and the scenario file. The plan
 * travels inside the link's `#…` part, which browsers never send to the server: nothing is
 * uploaded anywhere.
 */
import { useId, useMemo, useRef, useState } from 'react';

import { Dialog } from '../../components/Dialog';
import { copyText, downloadText } from '../../components/browser';
import { DownloadIcon, LinkIcon } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { QR_MAX_CHARS, qrMatrix } from '../../components/qr';
import { QrCode } from '../../components/QrCode';
import { encodeShare } from '../../engine/share';
import type { Plan, Scenario } from '../../engine';
import { activeWorkshopFor, useAppStore } from '../../store';
import { planFileName, planFileText, scenarioFileName, scenarioFileText } from './files';
import { shareUrl } from './shareLink';

export interface ShareDialogProps {
  scenario: Scenario;
  variant: { name: string; plan: Plan; notes: Record<string, string> };
  /** The scenario was imported: the link carries it, since the recipient may not have it. */
  includeScenario: boolean;
  onClose: () => void;
  /** The app's address without `#…`; default the current page's. */
  base?: string;
}

const formatCount = (n: number) => n.toLocaleString('en-US');

export function ShareDialog({
  scenario,
  variant,
  includeScenario,
  onClose,
  base = window.location.href,
}: ShareDialogProps) {
  // In a workshop the plan file carries the team's name (and is named after the team).
  const team = useAppStore((s) =>
    activeWorkshopFor(s, scenario.id) ? s.workshop.teamName.trim() : '',
  );
  const noteCount = Object.values(variant.notes).filter((t) => t.trim() !== '').length;
  const [includeNotes, setIncludeNotes] = useState(true);
  const [status, setStatus] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const linkId = useId();
  const qrTitleId = useId();
  const filesTitleId = useId();

  const link = useMemo(() => {
    const make = (notes: boolean) =>
      shareUrl(
        base,
        encodeShare({
          scenario,
          plan: variant.plan,
          name: variant.name,
          // In a workshop the link carries the team's name too, so the comparison names the team.
          ...(team ? { team } : {}),
          ...(notes ? { notes: variant.notes } : {}),
          includeScenario,
        }),
      );
    const url = make(includeNotes && noteCount > 0);
    const matrix = qrMatrix(url);
    // Would leaving the notes out make the link fit a QR code?
    const fitsWithoutNotes =
      !matrix && includeNotes && noteCount > 0 ? qrMatrix(make(false)) !== null : false;
    return { url, matrix, fitsWithoutNotes };
  }, [base, scenario, variant, team, includeScenario, includeNotes, noteCount]);

  const copy = async () => {
    const copied = await copyText(link.url, inputRef.current);
    setStatus(
      copied
        ? 'Link copied to the clipboard.'
        : 'The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
    );
  };

  return (
    <Dialog
      title={`Share “${variant.name}”`}
      onClose={onClose}
      className="share-dialog"
      footer={
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      }
    >
      <p>
        Whoever opens the link sees this plan read-only, with its projected score
        {noteCount > 0 && includeNotes ? ' and your notes' : ''}, and can make their own copy. The
        plan travels inside the link: nothing is uploaded.
      </p>
      {includeScenario && (
        <p className="small muted">
          The scenario travels in the link too: you imported it, so the recipient may not have it.
        </p>
      )}
      {noteCount > 0 && (
        <label className="field-inline share-option">
          <input
            type="checkbox"
            checked={includeNotes}
            onChange={(event) => {
              setIncludeNotes(event.target.checked);
              setStatus('');
            }}
          />
          Include my notes ({noteCount})
        </label>
      )}

      <div className="share-link">
        <label htmlFor={linkId} className="share-link-label">
          Link <span className="muted small">({formatCount(link.url.length)} characters)</span>
        </label>
        <div className="share-link-row">
          <input
            ref={inputRef}
            id={linkId}
            className="share-link-input"
            type="url"
            readOnly
            value={link.url}
            spellCheck={false}
            onFocus={(event) => event.target.select()}
            data-testid="share-link"
          />
          <button type="button" className="button button-primary" onClick={() => void copy()}>
            <LinkIcon />
            Copy link
          </button>
        </div>
        <p role="status" className="small share-status">
          {status}
        </p>
      </div>

      <section className="share-section" aria-labelledby={qrTitleId}>
        <h3 id={qrTitleId} className="share-section-title">
          QR code
        </h3>
        {link.matrix ? (
          <figure className="share-qr">
            <QrCode matrix={link.matrix} label="QR code of the share link" />
            <figcaption className="small muted">
              Point a phone camera at it to open the plan (on a projector too).
            </figcaption>
          </figure>
        ) : (
          <Notice tone="info" title="This link is too long for a QR code" role="none">
            <p>
              It has {formatCount(link.url.length)} characters; a QR code that a phone can read off
              a screen holds about {formatCount(QR_MAX_CHARS)}. Copy the link instead, or send the
              plan file below.
            </p>
            {link.fitsWithoutNotes && (
              <p>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => setIncludeNotes(false)}
                >
                  Leave my notes out of the link
                </button>
              </p>
            )}
          </Notice>
        )}
      </section>

      <section className="share-section" aria-labelledby={filesTitleId}>
        <h3 id={filesTitleId} className="share-section-title">
          Files
        </h3>
        <p className="small muted">
          The plan file opens with “Import plan…” on the board and in a workshop’s comparison. The
          scenario file imports into anyone’s scenario library.
        </p>
        <div className="share-files">
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              downloadText(
                planFileName(scenario, team || variant.name),
                planFileText(scenario, variant, team),
              )
            }
          >
            <DownloadIcon />
            Download plan file
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => downloadText(scenarioFileName(scenario), scenarioFileText(scenario))}
          >
            <DownloadIcon />
            Download scenario file
          </button>
        </div>
      </section>
    </Dialog>
  );
}
