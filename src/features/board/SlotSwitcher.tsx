/**
 * One pane at a time (phones and narrow windows): a sticky row of tabs, one for the backlog and
 * one per slot, each with its count and an over-capacity mark, so no column is hidden silently.
 * The tabs are drop targets as well: dragging a card onto a tab opens that pane, and dropping
 * it there puts the card at the end of it (no sideways auto-scrolling that could overshoot).
 */
import { useDroppable } from '@dnd-kit/core';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

import { WarningIcon } from '../../components/icons';
import { tabTarget } from './dnd';

export interface SwitcherTab {
  container: string;
  label: string;
  count: number;
  /** Over capacity (slots only). */
  over: boolean;
  locked: boolean;
}

/** The id of a container's tab (its pane is labelled by it). */
export const tabIdOf = (container: string) => `board-tab-${container.replace(':', '-')}`;
export const paneIdOf = (container: string) => `board-pane-${container.replace(':', '-')}`;

function Tab({
  tab,
  selected,
  onSelect,
  onKeyDown,
}: {
  tab: SwitcherTab;
  selected: boolean;
  onSelect: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
}) {
  const { setNodeRef, isOver } = useDroppable({
    id: tabTarget(tab.container),
    disabled: tab.locked,
  });
  return (
    <button
      ref={setNodeRef}
      type="button"
      role="tab"
      id={tabIdOf(tab.container)}
      aria-selected={selected}
      aria-controls={paneIdOf(tab.container)}
      tabIndex={selected ? 0 : -1}
      className={`switcher-tab${isOver ? ' is-over' : ''}${tab.over ? ' is-overcommitted' : ''}`}
      onClick={onSelect}
      onKeyDown={onKeyDown}
    >
      <span className="switcher-label">{tab.label}</span>
      <span className="switcher-count">
        {tab.count}
        <span className="visually-hidden"> {tab.count === 1 ? 'item' : 'items'}</span>
      </span>
      {tab.over && (
        <span className="switcher-over">
          <WarningIcon />
          <span className="visually-hidden">, over capacity</span>
        </span>
      )}
    </button>
  );
}

export function SlotSwitcher({
  tabs,
  selected,
  onSelect,
}: {
  tabs: readonly SwitcherTab[];
  selected: string;
  onSelect: (container: string) => void;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const more = useHiddenTabs(listRef, tabs.length);
  // The selected tab is always in view (after arrow keys, a drop on a tab, or a pane opened by a
  // move), scrolled into the row rather than left past its edge.
  useEffect(() => {
    const tab = listRef.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    tab?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selected]);
  // Arrow keys, Home and End move between tabs and show the tab's pane (APG tabs pattern).
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const at = tabs.findIndex((t) => t.container === selected);
    const go = (i: number) => {
      const tab = tabs[(i + tabs.length) % tabs.length];
      if (!tab) return;
      event.preventDefault();
      onSelect(tab.container);
      listRef.current?.querySelector<HTMLElement>(`#${tabIdOf(tab.container)}`)?.focus();
    };
    if (event.key === 'ArrowRight') go(at + 1);
    else if (event.key === 'ArrowLeft') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(tabs.length - 1);
  };
  return (
    <div
      ref={listRef}
      className="slot-switcher"
      data-more-before={more.before || undefined}
      data-more-after={more.after || undefined}
      role="tablist"
      aria-label="Show one column of the board"
    >
      {tabs.map((tab) => (
        <Tab
          key={tab.container}
          tab={tab}
          selected={tab.container === selected}
          onSelect={() => onSelect(tab.container)}
          onKeyDown={onKeyDown}
        />
      ))}
    </div>
  );
}

/**
 * Whether the row of tabs has tabs scrolled out of view before or after the visible ones: the row
 * then fades at that edge (board.css), so a slot past the screen's edge is never hidden silently.
 */
function useHiddenTabs(
  ref: React.RefObject<HTMLDivElement | null>,
  count: number,
): { before: boolean; after: boolean } {
  const [more, setMore] = useState({ before: false, after: false });
  useLayoutEffect(() => {
    const row = ref.current;
    if (!row) return;
    const update = () => {
      const before = row.scrollLeft > 1;
      const after = row.scrollLeft + row.clientWidth < row.scrollWidth - 1;
      setMore((m) => (m.before === before && m.after === after ? m : { before, after }));
    };
    update();
    row.addEventListener('scroll', update, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    resize?.observe(row);
    return () => {
      row.removeEventListener('scroll', update);
      resize?.disconnect();
    };
  }, [ref, count]);
  return more;
}
