/**
 * Drag-and-drop plumbing for the board: container ids, typed drag data, where a drop lands, a
 * keyboard coordinate getter that jumps between columns, and collision detection.
 *
 * Containers are the backlog and one column per slot. Their ids contain a colon, which item ids
 * never do, so the two can never collide.
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

/**
 * Where the active card lands if dropped now. In its (preview) container, over another card of
 * that container it takes that card's position (the sortable list shows it there); over
 * anything else it keeps its own position.
 */
export function projectDrop(
  containers: Containers,
  activeId: string,
  overId: UniqueIdentifier | null,
): { container: ContainerId; index: number } | null {
  const container = containerOf(containers, activeId);
  if (!container) return null;
  const ids = containers[container] ?? [];
  const over = overId === null ? -1 : ids.indexOf(String(overId));
  return { container, index: over >= 0 ? over : ids.indexOf(activeId) };
}

/** Containers with the active card moved to its projected place. */
export function projectedContainers(
  containers: Containers,
  activeId: string,
  overId: UniqueIdentifier | null,
): Containers {
  const drop = projectDrop(containers, activeId, overId);
  if (!drop) return containers;
  const ids = (containers[drop.container] ?? []).filter((id) => id !== activeId);
  ids.splice(drop.index, 0, activeId);
  return { ...containers, [drop.container]: ids };
}

/** A place on the board: a container and a position in it. */
export interface Place {
  container: ContainerId;
  index: number;
}

/**
 * Where a pointer drag lands if dropped now. A pointer drag does not move the card while it is
 * dragged (moving it re-laid out two columns at every column the pointer crossed, which made
 * long tasks on a slower CPU): the containers are the board as it was at pick-up.
 *
 * In the card's own container the sortable list shows the card taking the place of the card it is
 * over, so that is where it lands; over its own container (or itself) it stays put. In another
 * container it lands at `marked` (the position the pointer marks there, see `boardCollisions`),
 * before the card it is over, or at the end.
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
  if (from === to) return projectDrop(containers, activeId, overId);
  const target = containers[to] ?? [];
  const over = isContainerId(overId) ? -1 : target.indexOf(String(overId));
  const index =
    over >= 0
      ? over
      : marked !== undefined && Number.isInteger(marked)
        ? Math.max(0, Math.min(marked, target.length))
        : target.length;
  return { container: to, index };
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

/**
 * Moves the active card into another container while dragging: before the card it is over (or
 * after it when `below`), or at the end when over the container itself. Returns the same object
 * when nothing changes.
 */
export function moveAcross(
  containers: Containers,
  activeId: string,
  overId: UniqueIdentifier,
  below: boolean,
): Containers {
  const from = containerOf(containers, activeId);
  const to = containerOf(containers, overId);
  if (!from || !to || from === to) return containers;
  const target = containers[to] ?? [];
  const overIndex = isContainerId(overId) ? -1 : target.indexOf(String(overId));
  const index = overIndex < 0 ? target.length : overIndex + (below ? 1 : 0);
  return {
    ...containers,
    [from]: (containers[from] ?? []).filter((id) => id !== activeId),
    [to]: [...target.slice(0, index), activeId, ...target.slice(index)],
  };
}

const DIRECTIONS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];

/**
 * Keyboard coordinates that jump: Left/Right to the previous/next column at the same row (or
 * its end), Up/Down one position within the column. The chosen droppable is reported through
 * `setTarget` so collision detection picks exactly it (see `boardCollisions`).
 */
export function createKeyboardCoordinates(options: {
  containers: () => Containers | null;
  order: () => readonly ContainerId[];
  setTarget: (id: string | null) => void;
}): KeyboardCoordinateGetter {
  return (event, { context: { active, collisionRect, droppableRects, over } }) => {
    if (!DIRECTIONS.includes(event.code)) return undefined;
    event.preventDefault();
    const containers = options.containers();
    if (!active || !collisionRect || !containers) return undefined;
    const activeId = String(active.id);
    const current = containerOf(containers, activeId);
    if (!current) return undefined;
    const ids = containers[current] ?? [];
    const overId = over ? String(over.id) : null;
    const row =
      overId !== null && ids.includes(overId) ? ids.indexOf(overId) : ids.indexOf(activeId);

    let target: string | null = null;
    if (event.code === 'ArrowUp' || event.code === 'ArrowDown') {
      const next = row + (event.code === 'ArrowDown' ? 1 : -1);
      if (next < 0 || next >= ids.length) return undefined;
      target = ids[next] ?? null;
    } else {
      const order = options.order();
      const neighbour = order[order.indexOf(current) + (event.code === 'ArrowRight' ? 1 : -1)];
      if (!neighbour) return undefined;
      const list = containers[neighbour] ?? [];
      target = row >= 0 && row < list.length ? (list[row] ?? neighbour) : neighbour;
    }
    if (target === null) return undefined;
    const rect = droppableRects.get(target);
    if (!rect) return undefined;
    options.setTarget(target);
    if (isContainerId(target)) {
      // The end of a column: just below its last card, or its top when empty.
      const last = containers[target]?.at(-1);
      const lastRect = last === undefined ? undefined : droppableRects.get(last);
      return { x: rect.left + 8, y: lastRect ? lastRect.bottom + 8 : rect.top + 8 };
    }
    return { x: rect.left, y: rect.top };
  };
}

/**
 * Collisions: a keyboard drag gets exactly the target its coordinate getter chose. A pointer drag
 * gets the droppables under the pointer: a slot tab first; then a card of the dragged card's own
 * column (the sorted list shows it taking that card's place); else the column, with the position
 * the pointer marks in it (`data.index`: before the first card whose middle is below the pointer).
 * Cards of other columns are never the target, so the target changes only when the pointer
 * crosses a column, not at every card it passes (each change re-renders every card's drag hooks).
 * Between columns, the closest corners decide, among columns and the dragged card's own column's
 * cards.
 */
export function boardCollisions(forcedTarget: () => string | null): CollisionDetection {
  return (measured) => {
    const forced = forcedTarget();
    if (forced !== null && measured.droppableContainers.some((c) => c.id === forced))
      return [{ id: forced }];
    const rects = liveTabRects(plainRects(measured.droppableRects), measured.droppableContainers);
    const home = sortableContainer(measured.active.data.current);
    // Cards of other columns (and panes hidden by the slot switcher, which measure 0 × 0) are
    // never a target.
    const candidates = measured.droppableContainers.filter((c) => {
      const rect = rects.get(c.id);
      if (rect === undefined || rect.width <= 0 || rect.height <= 0) return false;
      const container = sortableContainer(c.data.current);
      return container === null || container === home;
    });
    const args = { ...measured, droppableRects: rects, droppableContainers: candidates };
    const place = (collisions: Collision[]): Collision[] =>
      collisions.map((c) =>
        isContainerId(c.id) && measured.pointerCoordinates
          ? {
              ...c,
              data: {
                ...c.data,
                index: markedIndex(
                  String(c.id),
                  measured.pointerCoordinates.y,
                  measured.droppableContainers,
                  rects,
                ),
              },
            }
          : c,
      );
    const within = pointerWithin(args);
    if (within.length > 0) {
      // A sticky tab lies over the cards scrolled beneath it: the tab wins.
      const tabs = within.filter((c) => String(c.id).startsWith(TAB_PREFIX));
      if (tabs.length > 0) return tabs;
      const cards = within.filter((c) => !isContainerId(c.id));
      return cards.length > 0 ? cards : place(within);
    }
    // A slot's tab counts only under the pointer: the dragged card's corners, wide beside the
    // finger, were often closest to a tab the finger was nowhere near, and that tab opened its
    // pane.
    const shown = candidates.filter((c) => !String(c.id).startsWith(TAB_PREFIX));
    return place(closestCorners({ ...args, droppableContainers: shown }));
  };
}

/** The sortable list (container id) a droppable's data says it belongs to, or null. */
function sortableContainer(data: unknown): string | null {
  const sortable = (data as { sortable?: { containerId?: unknown } } | null | undefined)?.sortable;
  return typeof sortable?.containerId === 'string' ? sortable.containerId : null;
}

/**
 * The position the pointer marks in a column: before the first of its cards whose middle is
 * below the pointer, or at the end.
 */
export function markedIndex(
  container: string,
  pointerY: number,
  droppables: readonly DroppableContainer[],
  rects: ReadonlyMap<UniqueIdentifier, ClientRect>,
): number {
  let index = 0;
  for (const droppable of droppables) {
    if (sortableContainer(droppable.data.current) !== container) continue;
    const rect = rects.get(droppable.id);
    if (rect !== undefined && rect.top + rect.height / 2 <= pointerY) index++;
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
