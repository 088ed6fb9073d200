/** The backlog: unplanned items, filterable by type and sortable by effort or a framework lens. */
import { useDroppable } from '@dnd-kit/core';
import { memo, useId, type ReactNode } from 'react';

import { Folded } from '../../components/Folded';
import { ITEM_TYPE_LABELS, formatPoints, type BacklogSort } from '../../explain/advice';
import type { ItemType } from '../../engine';
import { BACKLOG } from './dnd';
import { useDropTarget } from './dropHint';
import { TypeIcon } from './TypeIcon';

export const SORT_LABELS: Record<BacklogSort, string> = {
  scenario: 'Scenario order',
  'effort-asc': 'Effort, smallest first',
  'effort-desc': 'Effort, largest first',
  rice: 'RICE (reach × impact × confidence ÷ effort)',
  ice: 'ICE (impact × confidence × ease)',
  wsjf: 'WSJF (cost of delay ÷ job size)',
  cd3: 'CD3 (cost of delay ÷ duration)',
};

export interface BacklogProps {
  itemIds: readonly string[];
  /** Items in the backlog but hidden by the type filter. */
  hiddenCount: number;
  points: number;
  types: readonly ItemType[];
  selectedTypes: readonly ItemType[];
  onToggleType: (type: ItemType) => void;
  sort: BacklogSort;
  onSort: (sort: BacklogSort) => void;
  children: ReactNode;
  /** One pane at a time (phones): the backlog is not the one shown. */
  hiddenPane?: boolean;
  /** Fold the type filter and the sort order away (phones), behind "Filter and sort". */
  foldTools?: boolean;
  /** One pane at a time: the tab that shows the backlog and the pane's id. */
  pane?: { tabId: string; id: string };
}

export function Backlog(props: BacklogProps) {
  const { hiddenPane = false, pane } = props;
  const titleId = useId();
  // Its size changes during a drag only on a phone (see Column).
  const { setNodeRef } = useDroppable({
    id: BACKLOG,
    resizeObserverConfig: { disabled: !pane },
  });
  // The backlog keeps its own order (a sort): a card dropped there has no place to mark.
  const { targeted } = useDropTarget(BACKLOG, { line: false });
  return (
    <section
      ref={setNodeRef}
      className={`board-column backlog${targeted ? ' is-over' : ''}${hiddenPane ? ' is-hidden-pane' : ''}`}
      aria-labelledby={titleId}
      data-column="Backlog"
      data-container={BACKLOG}
      {...(pane ? { role: 'tabpanel', 'aria-labelledby': pane.tabId, id: pane.id } : {})}
    >
      <BacklogBody {...props} titleId={titleId} />
    </section>
  );
}

/** The backlog apart from its drop-target shell (see `ColumnBody`). */
const BacklogBody = memo(function BacklogBody({
  itemIds,
  hiddenCount,
  points,
  types,
  selectedTypes,
  onToggleType,
  sort,
  onSort,
  children,
  foldTools = false,
  titleId,
}: BacklogProps & { titleId: string }) {
  const sortId = useId();
  const total = itemIds.length + hiddenCount;
  return (
    <>
      <header className="column-header column-sticky">
        <div className="column-sticky-body">
          <div className="column-title-row">
            <h2 id={titleId} className="column-title" tabIndex={-1}>
              Backlog
            </h2>
            <span className="small muted">
              {total} {total === 1 ? 'item' : 'items'} · {formatPoints(points)} pts
            </span>
          </div>
          {hiddenCount > 0 && (
            <p className="small muted" data-testid="backlog-hidden">
              {hiddenCount} hidden by the filter
            </p>
          )}
        </div>
      </header>
      <div className="column-details">
        <Folded
          when={foldTools}
          summary={`Filter and sort${hiddenCount > 0 ? ` (${hiddenCount} hidden)` : ''}`}
          className="backlog-tools"
        >
          <fieldset className="type-filter">
            <legend className="small">Show types</legend>
            <div className="type-toggles">
              {types.map((type) => {
                const on = selectedTypes.length === 0 || selectedTypes.includes(type);
                return (
                  <button
                    key={type}
                    type="button"
                    className={`type-toggle type-${type}`}
                    aria-pressed={on}
                    onClick={() => onToggleType(type)}
                  >
                    <TypeIcon type={type} />
                    {ITEM_TYPE_LABELS[type]}
                  </button>
                );
              })}
            </div>
          </fieldset>
          <div className="field-stacked">
            <label htmlFor={sortId} className="small">
              Sort by
            </label>
            <select
              id={sortId}
              value={sort}
              onChange={(event) => onSort(event.target.value as BacklogSort)}
            >
              {(Object.keys(SORT_LABELS) as BacklogSort[]).map((key) => (
                <option key={key} value={key}>
                  {SORT_LABELS[key]}
                </option>
              ))}
            </select>
          </div>
        </Folded>
      </div>
      <div className="card-list-area">
        <ul className="card-list" aria-label="Items in the backlog">
          {children}
        </ul>
        {itemIds.length === 0 && (
          <p className="column-empty" tabIndex={-1} data-empty-for={BACKLOG}>
            {hiddenCount > 0
              ? 'Every item here is hidden by the filter.'
              : 'Everything is planned.'}
          </p>
        )}
      </div>
    </>
  );
});
