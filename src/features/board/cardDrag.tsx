/**
 * One draggable for every card. Cards do not each register a drag hook: a drag hook re-renders
 * with every change of the drag library's state, so picking a card up re-rendered every card on
 * the board and measured every card as a drop target (a long task on a slower CPU; see
 * docs/quality.md). Instead, a card hands its pointer or key press to this one draggable, which
 * then stands for that card until the drop. Drop targets are the columns (and the slot tabs); where
 * in a column a card lands is read from the cards' places on the page (see `dnd.ts`).
 */
import {
  getClientRect,
  useDndContext,
  useDndMonitor,
  useDraggable,
  type ClientRect,
  type DraggableSyntheticListeners,
} from '@dnd-kit/core';
import {
  createContext,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
  type SyntheticEvent,
} from 'react';

import { draggedItemId, type CardDragData } from './dnd';

/** The id of the one draggable; the card it stands for is in its data (`draggedItemId`). */
const CARD_DRAG_ID = 'card-drag';

/** The events a card hands over: a mouse or touch press on the card, a key on its grip. */
export type CardDragEvent = 'onMouseDown' | 'onTouchStart' | 'onKeyDown';

/** What the one draggable gives the drag library and the cards, kept outside React state. */
interface DragHandle {
  /** Its drag data: which card it stands for (set at each press). */
  data: CardDragData;
  /** The drag library's latest listeners and node setters for it. */
  connect: (parts: {
    listeners: DraggableSyntheticListeners;
    setNodeRef: (element: HTMLElement | null) => void;
    setActivatorNodeRef: (element: HTMLElement | null) => void;
    /** Measures the drop targets (a press comes before the drag it may start). */
    measure: () => void;
  }) => void;
  begin: (kind: CardDragEvent, event: SyntheticEvent, itemId: string) => void;
  setDragged: (itemId: string | null) => void;
  subscribe: (listener: () => void) => () => void;
  dragged: () => string | null;
}

/** Each drop target's place on the page, read at the last press on a card. */
const measured = new WeakMap<Element, ClientRect>();

/** Reads a drop target's place on the page now, for the drag a press may start. */
function rememberDropTarget(node: HTMLElement): void {
  measured.set(node, getClientRect(node));
}

/**
 * A drop target's place for the drag library: side by side, the place read at the last press on
 * a card. The library measures the targets when a drag starts (a task after the press) and not
 * after it ends (which read scroll positions and laid out the just-changed board in the drop's
 * task); the page is read at the press, before anything moves.
 */
export function measureDropTarget(node: HTMLElement): ClientRect {
  return measured.get(node) ?? getClientRect(node);
}

function createDragHandle(): DragHandle {
  const data: CardDragData = { type: 'card', itemId: '' };
  let parts: Parameters<DragHandle['connect']>[0] | null = null;
  let dragged: string | null = null;
  const listeners = new Set<() => void>();
  // What the cards read: the dragged card once it has been told (see `setDragged`).
  let shown: string | null = null;
  const notify = () => {
    shown = dragged;
    for (const listener of listeners) listener();
  };
  return {
    data,
    connect: (next) => {
      parts = next;
    },
    begin: (kind, event, itemId) => {
      const card = event.currentTarget.closest<HTMLElement>('[data-item-id]');
      // One drag at a time: a second finger on another card does not take the drag over.
      if (!card || !parts || dragged !== null) return;
      data.itemId = itemId;
      // The drop targets' places are read at the press, not when the drag starts: a mouse drag
      // starts 6 px later and a touch drag after a hold, in a later task, which then takes them
      // as read (see `measureDropTarget`).
      parts.measure();
      parts.setNodeRef(card);
      parts.setActivatorNodeRef(card.querySelector<HTMLElement>('.drag-handle'));
      (parts.listeners?.[kind] as ((e: SyntheticEvent) => void) | undefined)?.(event);
    },
    setDragged: (itemId) => {
      if (itemId === dragged) return;
      dragged = itemId;
      // The dragged card dims a moment after the pick-up, in a task of its own (the pick-up's
      // task is the drag library's); at once when the drag ends.
      if (itemId === null) notify();
      else
        setTimeout(() => {
          if (dragged === itemId) notify();
        }, 0);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dragged: () => shown,
  };
}

export interface CardDrag {
  /** Starts (or offers to start) a drag of `itemId` from this event on its card. */
  begin: DragHandle['begin'];
  subscribe: DragHandle['subscribe'];
  dragged: DragHandle['dragged'];
  /** The id of the drag instructions read to screen readers on every grip. */
  describedBy: string | undefined;
}

const NO_DRAG: CardDrag = {
  begin: () => {},
  subscribe: () => () => {},
  dragged: () => null,
  describedBy: undefined,
};

const CardDragContext = createContext<CardDrag>(NO_DRAG);

/**
 * Provides the one draggable to the cards inside it (within the board's `DndContext`). Only this
 * component re-renders when a drag starts or ends, and the one card being dragged.
 */
export function CardDragProvider({ children }: { children: ReactNode }) {
  const [handle] = useState(createDragHandle);
  const { setNodeRef, setActivatorNodeRef, listeners, attributes } = useDraggable({
    id: CARD_DRAG_ID,
    data: handle.data,
  });
  const dnd = useDndContext();
  useLayoutEffect(() => {
    handle.connect({
      listeners,
      setNodeRef,
      setActivatorNodeRef,
      measure: () => {
        for (const container of dnd.droppableContainers.values()) {
          const node = container.node.current;
          if (node) rememberDropTarget(node);
        }
      },
    });
  }, [handle, listeners, setNodeRef, setActivatorNodeRef, dnd]);
  // The card being dragged shows it (and only that card re-renders for it).
  useDndMonitor({
    onDragStart: ({ active }) => handle.setDragged(draggedItemId(active)),
    onDragEnd: () => handle.setDragged(null),
    onDragCancel: () => handle.setDragged(null),
  });
  const describedBy = attributes['aria-describedby'];
  const drag = useMemo<CardDrag>(
    () => ({
      begin: handle.begin,
      subscribe: handle.subscribe,
      dragged: handle.dragged,
      describedBy,
    }),
    [handle, describedBy],
  );
  return <CardDragContext.Provider value={drag}>{children}</CardDragContext.Provider>;
}

export function useCardDrag(): CardDrag {
  return useContext(CardDragContext);
}

/** True while this card is the one being dragged (re-renders only the card that changes). */
export function useIsDragged(itemId: string): boolean {
  const drag = useCardDrag();
  const read = () => drag.dragged() === itemId;
  return useSyncExternalStore(drag.subscribe, read, read);
}
