/**
 * One slot of the roadmap: its capacity forecast (nominal, debt drag and KTLO shaded, effective
 * and the load placed), the mix of work types, advisory warnings, and its cards in order.
 */
import { useDroppable } from '@dnd-kit/core';
import { memo, useId, type ReactNode, type RefObject } from 'react';

import { LockIcon, WarningIcon } from '../../components/icons';
import { sameElements, sameIds, sameProps } from '../../components/sameElements';
import {
  formatPoints,
  pointsText,
  type ColumnForecast,
  type PlanWarning,
  type TypeShare,
} from '../../explain/advice';
import { formatPercent } from '../../explain/format';
import { useDropTarget } from './dropHint';

/** Warnings listed before the rest fold into "more". */
const WARNINGS_SHOWN = 1;

export const CapacityBar = memo(function CapacityBar({
  column,
  scale,
}: {
  column: ColumnForecast;
  scale: number;
}) {
  const pct = (x: number) => `${Math.max(0, Math.min(100, (100 * x) / scale))}%`;
  const lost = column.dragLost + column.ktlo + column.firefighting;
  return (
    <div className="capacity-bars" aria-hidden="true">
      <div className="capacity-bar" style={{ width: pct(column.nominal) }}>
        <span className="seg seg-effective" style={{ width: pct(column.effective) }} />
        <span className="seg seg-ktlo" style={{ width: pct(column.ktlo) }} />
        <span className="seg seg-firefighting" style={{ width: pct(column.firefighting) }} />
        <span className="seg seg-drag" style={{ width: pct(column.dragLost) }} />
        {lost > column.nominal && <span className="seg seg-shortfall" />}
      </div>
      <div className="load-bar">
        <span
          className={column.overcommit > 0 ? 'load load-over' : 'load'}
          style={{ width: pct(column.queued) }}
        />
        <span className="effective-marker" style={{ left: pct(column.effective) }} />
      </div>
    </div>
  );
});

export const TypeShareBar = memo(function TypeShareBar({
  shares,
  label,
}: {
  shares: readonly TypeShare[];
  label: string;
}) {
  const present = shares.filter((s) => s.points > 0);
  if (present.length === 0) return <p className="type-shares muted small">No work placed yet.</p>;
  return (
    <div className="type-shares">
      <div className="share-bar" aria-hidden="true">
        {present.map((s) => (
          <span
            key={s.type}
            className={`share share-${s.type}`}
            style={{ width: `${(s.share * 100).toFixed(2)}%` }}
          />
        ))}
      </div>
      <p className="share-legend small">
        <span className="visually-hidden">{label}: </span>
        {present.map((s, i) => (
          <span key={s.type} className={`legend legend-${s.type}`}>
            {i > 0 && <span aria-hidden="true"> · </span>}
            {s.label} {formatPercent(s.share)}
          </span>
        ))}
      </p>
    </div>
  );
});

export const WarningList = memo(function WarningList({
  warnings,
}: {
  warnings: readonly PlanWarning[];
}) {
  if (warnings.length === 0) return null;
  const shown = warnings.slice(0, WARNINGS_SHOWN);
  const more = warnings.slice(WARNINGS_SHOWN);
  const item = (w: PlanWarning, i: number) => (
    <li key={i} className={`warning warning-${w.kind}`}>
      <WarningIcon />
      <span>
        {w.message}
        {w.detail && ` ${w.detail}`}
      </span>
    </li>
  );
  return (
    <div className="column-warnings">
      <ul aria-label="Warnings (advisory)">{shown.map(item)}</ul>
      {more.length > 0 && (
        <details>
          <summary>
            {more.length} more {more.length === 1 ? 'warning' : 'warnings'}
          </summary>
          <ul>{more.map(item)}</ul>
        </details>
      )}
    </div>
  );
});

export interface ColumnProps {
  containerId: string;
  /** One pane at a time (phones): this column is not the one shown. */
  hiddenPane?: boolean;
  /** One pane at a time: the tab that shows this column and the pane's id. */
  pane?: { tabId: string; id: string };
  column: ColumnForecast;
  /** Points that fill a whole capacity bar (the largest nominal or queued load on the board). */
  scale: number;
  shares: readonly TypeShare[];
  warnings: readonly PlanWarning[];
  itemIds: readonly string[];
  children: ReactNode;
  /** Played in round-by-round play: nothing moves into or out of it. */
  locked?: boolean;
}

export function Column(props: ColumnProps) {
  const { containerId, hiddenPane = false, pane, locked = false, column } = props;
  const titleId = useId();
  // A column's size changes during a drag only on a phone (a pane shown), where it is measured
  // again; side by side, watching every column's size from the pick-up on cost time for nothing.
  const { setNodeRef } = useDroppable({
    id: containerId,
    disabled: locked,
    resizeObserverConfig: { disabled: !pane },
  });
  const { listRef, targeted } = useDropTarget(containerId);
  const over = column.overcommit > 0;
  return (
    <section
      ref={setNodeRef}
      className={`board-column${targeted ? ' is-over' : ''}${over ? ' is-overcommitted' : ''}${locked ? ' is-locked' : ''}${hiddenPane ? ' is-hidden-pane' : ''}`}
      aria-labelledby={titleId}
      data-column={column.label}
      data-container={containerId}
      {...(pane ? { role: 'tabpanel', 'aria-labelledby': pane.tabId, id: pane.id } : {})}
    >
      <ColumnBody {...props} titleId={titleId} listRef={listRef} />
    </section>
  );
}

type ColumnBodyProps = ColumnProps & {
  titleId: string;
  listRef: RefObject<HTMLUListElement | null>;
};

/**
 * A column's body needs drawing again only when something it shows changed: the board renders
 * anew every card element and item list on each change, so a drop compares what they hold and
 * the columns the drop did not touch are skipped.
 */
function sameBody(a: ColumnBodyProps, b: ColumnBodyProps): boolean {
  const { children: cardsA, itemIds: idsA, ...restA } = a;
  const { children: cardsB, itemIds: idsB, ...restB } = b;
  return sameIds(idsA, idsB) && sameElements(cardsA, cardsB) && sameProps(restA, restB);
}

/**
 * What a column shows, apart from its drop-target shell: the shell re-renders whenever a drag
 * starts, moves over it or ends, and this part only when what it shows changes (`sameBody`).
 */
const ColumnBody = memo(function ColumnBody({
  containerId,
  locked = false,
  column,
  scale,
  shares,
  warnings,
  itemIds,
  children,
  titleId,
  listRef,
}: ColumnBodyProps) {
  const over = column.overcommit > 0;
  return (
    <>
      {/* Title, bars and verdict stay in view while the board scrolls under them. */}
      <header className="column-header column-sticky">
        <div className="column-sticky-body">
          <div className="column-title-row">
            <h2 id={titleId} className="column-title" tabIndex={-1}>
              {column.label}
            </h2>
            <span className={over ? 'capacity-verdict is-over' : 'capacity-verdict'}>
              {over ? (
                <>
                  <WarningIcon />
                  {pointsText(column.overBy)} over
                </>
              ) : column.overBy > 0 ? (
                `runs on: ${pointsText(column.overBy)}`
              ) : column.spare > 0 ? (
                `${pointsText(column.spare)} to spare`
              ) : (
                'Exactly full'
              )}
            </span>
          </div>
          <CapacityBar column={column} scale={scale} />
          <p className="capacity-load small" data-testid="column-load">
            Effective {formatPoints(column.effective)} · placed {formatPoints(column.placed)}
            {column.queued - column.placed > 0.05 &&
              ` (+${formatPoints(column.queued - column.placed)} carried over)`}
          </p>
        </div>
      </header>
      <div className="column-details">
        {locked && (
          <p className="column-locked" data-testid="column-locked">
            <LockIcon />
            <span>Played · locked: this slot’s plan can no longer change.</span>
          </p>
        )}
        <p className="capacity-text small">
          Capacity {formatPoints(column.nominal)} · drag −{formatPoints(column.dragLost)} · KTLO −
          {formatPoints(column.ktlo)}
          {column.firefighting > 0.05 && ` · firefighting −${formatPoints(column.firefighting)}`}
          {column.slackPaydown >= 0.05 && (
            <span className="capacity-slack" data-testid="column-slack">
              {' '}
              · slack pays down {formatPoints(column.slackPaydown)} debt
            </span>
          )}
          {over ? (
            <span className="visually-hidden">; {pointsText(column.overBy)} over capacity</span>
          ) : (
            column.overBy > 0 && (
              <span className="visually-hidden">
                ; {pointsText(column.overBy)} more than the slot holds run on into the next, without
                thrash
              </span>
            )
          )}
        </p>
        <TypeShareBar shares={shares} label={`Work mix in ${column.label}`} />
      </div>
      <div className="card-list-area">
        <ul ref={listRef} className="card-list" aria-label={`Items in ${column.label}`}>
          {children}
        </ul>
        {itemIds.length === 0 && (
          <p className="column-empty" tabIndex={-1} data-empty-for={containerId}>
            {locked ? 'Nothing was planned' : 'Nothing planned here yet'}
          </p>
        )}
        {/* Under the cards: a warning that comes or goes with a move (or whose sentence grows a
            line) does not push the column's cards down under the learner's pointer. */}
        <WarningList warnings={warnings} />
      </div>
    </>
  );
}, sameBody);
