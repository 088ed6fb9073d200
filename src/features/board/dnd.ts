/**
 * Drag-and-drop plumbing for the board: container ids, typed drag data, where a drop lands, the
 * keyboard's steps, and collision detection.
 *
 * Containers are the backlog and one column per slot. Their ids contain a colon, which item ids
 * never do, so the two can never collide. The containers (and the slot tabs) are the only drop
 * targets: where in a container a card lands is read from the places of its cards on the page,
 * so picking a card up measures a handful of targets, not every card (see `cardDrag.tsx`).
 */
import {
  closestCorners,
  pointerWithin,
  type ClientRect,
  type Collision,
  type CollisionDetection,
  type DroppableContainer,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';

import type { Plan } from '../../engine';

export const BACKLOG = 'column:backlog';
export type ContainerId = string;

/** Ordered item ids per container, e.g. `{ 'column:backlog': [...], 'column:0': [...] }`. */
export type Containers = Record<ContainerId, string[]>;

export const slotContainer = (slot: number): ContainerId => `column:${slot}`;

export function isContainerId(id: UniqueIdentifier | null | undefined): id is string {
  return typeof id === 'string' && id.startsWith('column:');
}

/** The slot of a column container, or null for the backlog. */
export function slotOfContainer(id: ContainerId): number | null {
  if (id === BACKLOG) return null;
  const slot = Number(id.slice('column:'.length));
  return Number.isInteger(slot) ? slot : null;
}

/**
 * The slot switcher's tabs (one pane at a time, on phones) are drop targets too: dropping on a
 * tab puts the card at the end of that tab's container.
 */
const TAB_PREFIX = 'tab:';

export const tabTarget = (container: ContainerId): string => `${TAB_PREFIX}${container}`;

/** The container a drop target stands for: a tab's container, else the id itself. */
export function resolveTarget(id: UniqueIdentifier): UniqueIdentifier {
  return typeof id === 'string' && id.startsWith(TAB_PREFIX) ? id.slice(TAB_PREFIX.length) : id;
}

/** Drag data attached to every card. */
export interface CardDragData {
  type: 'card';
  itemId: string;
}

/** The card a drag is about: the draggable's data names it (one draggable stands for all cards). */
export function draggedItemId(active: {
  id: UniqueIdentifier;
  data: { current?: unknown };
}): string {
  const data = active.data.current;
  return isCardDragData(data) ? data.itemId : String(active.id);
}

export function isCardDragData(data: unknown): data is CardDragData {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'card' &&
    typeof (data as { itemId?: unknown }).itemId === 'string'
  );
}

/** Containers for a plan: the (filtered, sorted) backlog first, then one per slot. */
export function containersOf(plan: Plan, backlog: readonly string[]): Containers {
  const containers: Containers = { [BACKLOG]: [...backlog] };
  plan.slots.forEach((ids, slot) => {
    containers[slotContainer(slot)] = [...ids];
  });
  return containers;
}

/** The container an item (or a container id itself) is in. */
export function containerOf(containers: Containers, id: UniqueIdentifier): ContainerId | null {
  if (isContainerId(id) && id in containers) return id;
  for (const [container, ids] of Object.entries(containers))
    if (ids.includes(String(id))) return container;
  return null;
}

/** A place on the board: a container and a position in it. */
export interface Place {
  container: ContainerId;
  index: number;
}

/**
 * Where a pointer drag lands if dropped now. A pointer drag moves nothing until the drop (moving
 * cards re-laid out columns at every place the pointer crossed, which made long tasks on a slower
 * CPU): `containers` are the board as it was at pick-up, and a line marks the place instead.
 *
 * `overId` is the container under the pointer; `marked` the position the pointer marks among the
 * cards shown there (see `markedIndex`), which in the card's own container counts the card itself
 * (still shown where it was). Without a mark (a slot tab) the card goes to the end of another
 * container and stays put in its own.
 */
export function pointerLanding(
  containers: Containers,
  activeId: string,
  overId: UniqueIdentifier,
  marked?: number,
): Place | null {
  const from = containerOf(containers, activeId);
  const to = containerOf(containers, overId);
  if (!from || !to) return null;
  const target = containers[to] ?? [];
  const hasMark = marked !== undefined && Number.isInteger(marked);
  const at = hasMark ? Math.max(0, Math.min(marked, target.length)) : target.length;
  if (from !== to) return { container: to, index: at };
  const own = target.indexOf(activeId);
  return { container: to, index: !hasMark ? own : at > own ? at - 1 : at };
}

/** True when `place` is where the card already is. */
export function isCurrentPlace(containers: Containers, activeId: string, place: Place): boolean {
  return (containers[place.container] ?? []).indexOf(activeId) === place.index;
}

/** The containers with the active card taken out of its container and put at `place`. */
export function placeCard(containers: Containers, activeId: string, place: Place): Containers {
  const from = containerOf(containers, activeId);
  const next: Containers = { ...containers };
  if (from) next[from] = (containers[from] ?? []).filter((id) => id !== activeId);
  const ids = [...(next[place.container] ?? [])];
  ids.splice(Math.max(0, Math.min(place.index, ids.length)), 0, activeId);
  next[place.container] = ids;
  return next;
}

/** The plan the containers describe (the backlog is what no slot holds). */
export function planOfContainers(containers: Containers, slots: number): Plan {
  return {
    slots: Array.from({ length: slots }, (_, s) => [...(containers[slotContainer(s)] ?? [])]),
  };
}

const DIRECTIONS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];

/**
 * One step of a keyboard drag: Up and Down move the card one position in its column; Left and
 * Right to the previous or next container of `order` at the same row (or its end). Null when
 * the key is not an arrow or the card cannot go further that way.
 */
export function keyboardStep(
  containers: Containers,
  activeId: string,
  order: readonly ContainerId[],
  code: string,
): Place | null {
  const current = containerOf(containers, activeId);
  if (!current) return null;
  const row = (containers[current] ?? []).indexOf(activeId);
  if (code === 'ArrowUp' || code === 'ArrowDown') {
    const index = row + (code === 'ArrowDown' ? 1 : -1);
    const length = containers[current]?.length ?? 0;
    return index < 0 || index >= length ? null : { container: current, index };
  }
  if (code !== 'ArrowLeft' && code !== 'ArrowRight') return null;
  const at = order.indexOf(current);
  const neighbour = at < 0 ? undefined : order[at + (code === 'ArrowRight' ? 1 : -1)];
  if (!neighbour) return null;
  return { container: neighbour, index: Math.min(row, containers[neighbour]?.length ?? 0) };
}

/**
 * The keyboard's coordinates: each arrow key takes the card one `keyboardStep`, which `move`
 * carries out (the card moves on the board as it goes), and the dragged card's preview goes to
 * where `pointAt` says that place is on the page.
 */
export function createKeyboardCoordinates(options: {
  containers: () => Containers | null;
  order: () => readonly ContainerId[];
  move: (place: Place, activeId: string) => void;
  pointAt: (place: Place) => { x: number; y: number } | null;
}): KeyboardCoordinateGetter {
  return (event, { context: { active } }) => {
    if (!DIRECTIONS.includes(event.code)) return undefined;
    event.preventDefault();
    const containers = options.containers();
    if (!active || !containers) return undefined;
    const id = draggedItemId(active);
    const place = keyboardStep(containers, id, options.order(), event.code);
    if (!place) return undefined;
    // Moved first (and drawn), so that the place on the page is the card's own.
    options.move(place, id);
    return options.pointAt(place) ?? undefined;
  };
}

/**
 * Collisions: a keyboard drag gets exactly the container its steps reached. A pointer drag gets
 * the container under the pointer (a slot tab first), with the position the pointer marks among
 * its cards (`data.index`, see `markedIndex`); between containers, the one with the closest
 * corners first (only it is marked). Cards are not drop targets, so the target changes only when the pointer crosses a
 * column.
 */
export function boardCollisions(forcedTarget: () => string | null): CollisionDetection {
  return (measured) => {
    const forced = forcedTarget();
    if (forced !== null && measured.droppableContainers.some((c) => c.id === forced))
      return [{ id: forced }];
    const rects = liveTabRects(plainRects(measured.droppableRects), measured.droppableContainers);
    // Panes hidden by the slot switcher measure 0 × 0: never a target.
    const candidates = measured.droppableContainers.filter((c) => {
      const rect = rects.get(c.id);
      return rect !== undefined && rect.width > 0 && rect.height > 0;
    });
    const args = { ...measured, droppableRects: rects, droppableContainers: candidates };
    const pointer = measured.pointerCoordinates;
    // The target (the first collision) gets the position the pointer marks among its cards;
    // the others are not read (between columns, every column comes back, sorted).
    const place = ([first, ...rest]: Collision[]): Collision[] => {
      const node = first && candidates.find((d) => d.id === first.id)?.node.current;
      if (!first || !node || !pointer || !isContainerId(first.id))
        return first ? [first, ...rest] : [];
      const index = markedIndex(cardListOf(node), pointer.y);
      return [{ ...first, data: { ...first.data, index } }, ...rest];
    };
    const within = pointerWithin(args);
    if (within.length > 0) {
      // A sticky tab lies over the cards scrolled beneath it: the tab wins.
      const tabs = within.filter((c) => String(c.id).startsWith(TAB_PREFIX));
      return tabs.length > 0 ? tabs : place(within);
    }
    // A slot's tab counts only under the pointer: the dragged card's corners, wide beside the
    // finger, were often closest to a tab the finger was nowhere near, and that tab opened its
    // pane.
    const shown = candidates.filter((c) => !String(c.id).startsWith(TAB_PREFIX));
    return place(closestCorners({ ...args, droppableContainers: shown }));
  };
}

/** A container's list of cards (`ul.card-list`), or null. */
export function cardListOf(container: Element): Element | null {
  return container.querySelector('.card-list');
}

/**
 * The position the pointer marks in a list of cards: before the first card whose middle is below
 * the pointer, or at the end. Read from the page at the moment (nothing on the board moves during
 * a pointer drag, so reading costs no layout).
 */
export function markedIndex(list: Element | null, pointerY: number): number {
  if (!list) return 0;
  let index = 0;
  for (const card of list.children) {
    const rect = card.getBoundingClientRect();
    if (rect.top + rect.height / 2 <= pointerY) index++;
    else break;
  }
  return index;
}

/**
 * The slot tabs' rects read from the page now. The tabs sit in a sticky bar: when the page scrolls
 * during a drag they stay where they are, but dnd-kit moves each measured rect by the scroll, so
 * the tabs seemed to slide down over the pane under the finger. There are a handful of them, and
 * reading them costs nothing while the layout is clean (nothing on the board moves during a
 * pointer drag).
 */
export function liveTabRects(
  rects: Map<UniqueIdentifier, ClientRect>,
  containers: readonly DroppableContainer[],
): Map<UniqueIdentifier, ClientRect> {
  for (const container of containers) {
    const node = container.node.current;
    if (!String(container.id).startsWith(TAB_PREFIX) || !node || !rects.has(container.id)) continue;
    const { top, left, width, height } = node.getBoundingClientRect();
    rects.set(container.id, {
      top,
      left,
      width,
      height,
      bottom: top + height,
      right: left + width,
    });
  }
  return rects;
}

/**
 * The droppables' rects as plain numbers, each side read once. dnd-kit's measured rects work out
 * each side on every read from the scroll position of all the element's scrollable ancestors;
 * collision detection reads up to eight sides of every droppable on every pointer move, which
 * made it the largest part of a drag's script time on a full board (see docs/quality.md).
 */
export function plainRects(
  rects: ReadonlyMap<UniqueIdentifier, ClientRect>,
): Map<UniqueIdentifier, ClientRect> {
  const plain = new Map<UniqueIdentifier, ClientRect>();
  for (const [id, rect] of rects) {
    const { top, left, width, height } = rect;
    plain.set(id, { top, left, width, height, bottom: top + height, right: left + width });
  }
  return plain;
}
