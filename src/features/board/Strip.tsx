/**
 * The board's compact strip, kept in view while planning: the projection (or the practice-mode
 * state, with its switch), the capacity the plan uses, its warnings (each leads to its card),
 * undo and redo, and playing the year. `BoardTools` holds the rest: reset, the score breakdown,
 * the keyboard shortcuts and the app's actions (share, import).
 */
import { memo, useState, type ReactNode } from 'react';

import { ActionButton } from '../../components/ActionButton';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RedoIcon, ResetIcon, UndoIcon, WarningIcon } from '../../components/icons';
import { MenuButton } from '../../components/MenuButton';
import type { PlanWarning, TypeShare } from '../../explain/advice';
import type { CapacityUse } from '../../explain/board';
import { formatPoints } from '../../explain/advice';
import type { Outcome } from '../../engine';
import type { ParEntry } from '../../store';
import { ScoreBreakdown, ScoreSummary, type ScoreHidden } from './Projection';

export interface StripProps {
  outcome: Outcome;
  par: ParEntry | undefined;
  /** Why the score is hidden while planning, or null when shown. */
  hidden: ScoreHidden;
  /** Solo play: the practice-mode switch (score shown or not) and its change. */
  scoreSwitch: { shown: boolean; onChange: (shown: boolean) => void } | null;
  caption?: string;
  use: CapacityUse;
  warnings: readonly PlanWarning[];
  /** Labels the warnings' places ("Q2 · SSO login"). */
  warningPlace: (warning: PlanWarning) => string;
  onShowWarning: (warning: PlanWarning) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  /** The app's way to play the year (a link), at the end of the strip. */
  play?: ReactNode;
}

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export const Strip = memo(function Strip({
  outcome,
  par,
  hidden,
  scoreSwitch,
  caption,
  use,
  warnings,
  warningPlace,
  onShowWarning,
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  play,
}: StripProps) {
  const mod = isMac() ? '⌘' : 'Ctrl+';
  const over = use.overSlots;
  return (
    <section className="board-strip" aria-label="Plan summary" data-testid="strip">
      <div className="strip-group strip-score">
        <ScoreSummary
          outcome={outcome}
          par={par}
          hidden={hidden}
          {...(caption ? { caption } : {})}
        />
        {scoreSwitch && (
          <button
            type="button"
            role="switch"
            aria-checked={scoreSwitch.shown}
            className="score-switch"
            onClick={() => scoreSwitch.onChange(!scoreSwitch.shown)}
          >
            <span className="switch-track" aria-hidden="true">
              <span className="switch-thumb" />
            </span>
            Show score
          </button>
        )}
      </div>
      <p
        className="strip-group strip-capacity"
        data-testid="capacity-used"
        title={`${formatPoints(use.placed)} of ${formatPoints(use.effective)} points of forecast effective capacity`}
      >
        <span className="muted wide-only">Capacity used</span>{' '}
        <strong>{Math.round(use.share * 100)}%</strong>
        <span className="muted narrow-only" aria-hidden="true">
          {' '}
          used
        </span>
        <span className="visually-hidden">
          {' '}
          ({formatPoints(use.placed)} of {formatPoints(use.effective)} points)
        </span>
        {over.length > 0 && (
          <span className="strip-over wide-only" title={`Over capacity: ${over.join(', ')}`}>
            <WarningIcon />
            {over.length <= 2 ? over.join(', ') : `${over.length} slots`} over
          </span>
        )}
      </p>
      <div className="strip-group strip-warnings">
        {warnings.length === 0 ? (
          <span className="muted small" data-testid="warning-count">
            No warnings
          </span>
        ) : (
          <MenuButton
            className="button button-small strip-warning-button"
            menuLabel="Warnings (advisory): choose one to go to it"
            buttonProps={{ 'data-testid': 'warning-count' }}
            items={warnings.map((warning, i) => ({
              id: `warning-${i}`,
              label: (
                <>
                  <span className="menu-item-place">{warningPlace(warning)}</span>
                  {warning.message}
                </>
              ),
              onSelect: () => onShowWarning(warning),
            }))}
          >
            <WarningIcon />
            {warnings.length}
            <span className="narrow-hidden"> {warnings.length === 1 ? 'warning' : 'warnings'}</span>
          </MenuButton>
        )}
      </div>
      <div className="strip-group strip-history" role="group" aria-label="History">
        <ActionButton
          className="button button-small"
          onClick={onUndo}
          disabled={!canUndo}
          aria-keyshortcuts="Control+Z Meta+Z"
          title={`Undo (${mod}Z)`}
        >
          <UndoIcon />
          <span className="narrow-hidden">Undo</span>
        </ActionButton>
        <ActionButton
          className="button button-small"
          onClick={onRedo}
          disabled={!canRedo}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
          title={`Redo (${isMac() ? '⇧⌘Z' : 'Ctrl+Shift+Z'})`}
        >
          <RedoIcon />
          <span className="narrow-hidden">Redo</span>
        </ActionButton>
      </div>
      {play && <div className="strip-group strip-play">{play}</div>}
    </section>
  );
});

export interface BoardToolsProps {
  /** The score breakdown (metric bars and work mix) is open below the strip. */
  breakdownOpen: boolean;
  breakdownId: string;
  onBreakdown: () => void;
  /** Scores hidden: the breakdown shows the work mix only. */
  scoresHidden: boolean;
  onReset: () => void;
  plannedCount: number;
  variantName: string;
  onShortcuts: () => void;
  /** The app's actions at the end (e.g. "Share…", "Import plan…"). */
  actions?: ReactNode;
}

/** Less frequent actions, beside the variants: reset, the breakdown, shortcuts, sharing. */
export const BoardTools = memo(function BoardTools({
  breakdownOpen,
  breakdownId,
  onBreakdown,
  scoresHidden,
  onReset,
  plannedCount,
  variantName,
  onShortcuts,
  actions,
}: BoardToolsProps) {
  const [confirmReset, setConfirmReset] = useState(false);
  return (
    <div className="board-tools" role="group" aria-label="Plan tools">
      <ActionButton
        className="button button-small"
        onClick={() => setConfirmReset(true)}
        disabled={plannedCount === 0}
      >
        <ResetIcon />
        Reset…
      </ActionButton>
      <button
        type="button"
        className="button button-small"
        aria-expanded={breakdownOpen}
        aria-controls={breakdownId}
        onClick={onBreakdown}
      >
        {scoresHidden ? 'Work mix' : 'Score breakdown'}
      </button>
      <button
        type="button"
        className="button button-small shortcuts-button"
        onClick={onShortcuts}
        aria-keyshortcuts="Shift+?"
        title="Keyboard shortcuts (?)"
      >
        <kbd aria-hidden="true">?</kbd>
        <span className="visually-hidden">Keyboard shortcuts</span>
      </button>
      {actions}
      {confirmReset && (
        <ConfirmDialog
          title={`Reset ${variantName}?`}
          confirmLabel="Reset the plan"
          danger
          onCancel={() => setConfirmReset(false)}
          onConfirm={() => {
            onReset();
            setConfirmReset(false);
          }}
        >
          <p>
            All {plannedCount} planned {plannedCount === 1 ? 'item goes' : 'items go'} back to the
            backlog. Notes are kept, and Undo brings the plan back.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
});

/** The score breakdown's panel, below the strip. */
export const BreakdownPanel = memo(function BreakdownPanel({
  id,
  open,
  outcome,
  overall,
  scoresHidden,
}: {
  id: string;
  open: boolean;
  outcome: Outcome;
  overall: readonly TypeShare[];
  scoresHidden: boolean;
}) {
  return (
    <div id={id} className="strip-breakdown" hidden={!open}>
      {open && <ScoreBreakdown outcome={outcome} overall={overall} hidden={scoresHidden} />}
    </div>
  );
});
