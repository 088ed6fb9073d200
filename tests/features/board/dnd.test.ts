import type { ClientRect, DroppableContainer } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';

import {
  boardCollisions,
  placeCard,
  plainRects,
  pointerLanding,
  type Containers,
} from '../../../src/features/board/dnd';
import { createDropHint } from '../../../src/features/board/dropHint';

/**
 * A rect like dnd-kit's measured ones: `top` and `left` are getters that work their value out
 * from a scroll offset (here a shared counter) on every read, and count their reads.
 */
function measuredRect(
  box: { top: number; left: number; width: number; height: number },
  scroll: { y: number },
  reads: { count: number },
): ClientRect {
  const rect = { width: box.width, height: box.height } as ClientRect;
  const side = (name: keyof ClientRect, value: () => number) =>
    Object.defineProperty(rect, name, {
      enumerable: true,
      get: () => {
        reads.count++;
        return value();
      },
    });
  side('top', () => box.top - scroll.y);
  side('left', () => box.left);
  side('bottom', () => box.top + box.height - scroll.y);
  side('right', () => box.left + box.width);
  return rect;
}

function board(scroll: { y: number }, reads: { count: number }) {
  // Two columns side by side, 300 px wide; column 0 holds cards a (top) and b (below it).
  const boxes: Record<string, { top: number; left: number; width: number; height: number }> = {
    'column:0': { top: 0, left: 0, width: 300, height: 800 },
    'column:1': { top: 0, left: 320, width: 300, height: 800 },
    a: { top: 100, left: 10, width: 280, height: 100 },
    b: { top: 210, left: 10, width: 280, height: 100 },
  };
  const droppableRects = new Map(
    Object.entries(boxes).map(([id, box]) => [id, measuredRect(box, scroll, reads)]),
  );
  const cards: Record<string, { containerId: string; index: number }> = {
    a: { containerId: 'column:0', index: 0 },
    b: { containerId: 'column:0', index: 1 },
  };
  const droppableContainers = Object.keys(boxes).map(
    (id) =>
      ({
        id,
        node: { current: null },
        data: { current: cards[id] ? { sortable: cards[id] } : undefined },
      }) as DroppableContainer,
  );
  return { droppableRects, droppableContainers };
}

function collide(pointer: { x: number; y: number }, scrollY = 0, home = 'column:0') {
  const reads = { count: 0 };
  const { droppableRects, droppableContainers } = board({ y: scrollY }, reads);
  const collisions = boardCollisions(() => null)({
    active: {
      id: 'dragged',
      data: { current: { sortable: { containerId: home, index: 2 } } },
    } as never,
    collisionRect: {
      top: pointer.y,
      left: pointer.x,
      width: 10,
      height: 10,
      bottom: pointer.y + 10,
      right: pointer.x + 10,
    },
    droppableRects,
    droppableContainers,
    pointerCoordinates: pointer,
  });
  return {
    ids: collisions.map((c) => c.id),
    marked: collisions.map((c) => (c.data as { index?: number } | undefined)?.index),
    reads: reads.count,
  };
}

describe('board collisions', () => {
  it('finds the card under the pointer before its column, and the column alone between cards', () => {
    expect(collide({ x: 50, y: 250 }).ids).toEqual(['b']);
    expect(collide({ x: 50, y: 600 }).ids).toEqual(['column:0']);
    expect(collide({ x: 400, y: 150 }).ids).toEqual(['column:1']);
  });

  it('follows the scroll position the measured rects report', () => {
    // Scrolled 100 px down: the point 150 px from the top is now over card b (210 − 100 … 310 − 100).
    expect(collide({ x: 50, y: 150 }, 100).ids).toEqual(['b']);
  });

  it('from another column: the column, never its cards, with the place the pointer marks in it', () => {
    // Over card a's upper half, b's upper half, b's lower half, below every card.
    expect(collide({ x: 50, y: 120 }, 0, 'column:1')).toMatchObject({
      ids: ['column:0'],
      marked: [0],
    });
    expect(collide({ x: 50, y: 250 }, 0, 'column:1')).toMatchObject({
      ids: ['column:0'],
      marked: [1],
    });
    expect(collide({ x: 50, y: 280 }, 0, 'column:1')).toMatchObject({
      ids: ['column:0'],
      marked: [2],
    });
    expect(collide({ x: 50, y: 600 }, 0, 'column:backlog')).toMatchObject({
      ids: ['column:0'],
      marked: [2],
    });
  });

  it('reads each measured side at most once per droppable', () => {
    // Four droppables, two computed sides each (width and height are plain numbers).
    expect(collide({ x: 50, y: 250 }).reads).toBe(8);
  });
});

describe('board collisions on a phone (one pane, slot tabs above it)', () => {
  const rect = (left: number, top: number, width: number, height: number): ClientRect => ({
    left,
    top,
    width,
    height,
    right: left + width,
    bottom: top + height,
  });
  // The tabs on the page now (in a sticky bar), and where dnd-kit's measured rects put them after
  // the page scrolled up 300 px during the drag: 300 px lower, over the pane.
  const tabs: [string, ClientRect][] = [
    ['tab:column:0', rect(0, 0, 70, 44)],
    ['tab:column:1', rect(75, 0, 70, 44)],
    ['tab:column:2', rect(150, 0, 70, 44)],
  ];
  const shifted = (r: ClientRect) => rect(r.left, r.top + 300, r.width, r.height);
  const droppableRects = new Map<string, ClientRect>([
    ...tabs.map(([id, r]) => [id, shifted(r)] as [string, ClientRect]),
    ['column:0', rect(0, 0, 0, 0)],
    ['column:1', rect(0, 0, 0, 0)],
    ['column:2', rect(10, 120, 340, 900)],
  ]);
  const live = new Map(tabs);
  const droppableContainers = [...droppableRects.keys()].map(
    (id) =>
      ({
        id,
        data: { current: undefined },
        node: {
          current: live.has(id)
            ? ({ getBoundingClientRect: () => live.get(id) } as unknown as HTMLElement)
            : null,
        },
      }) as DroppableContainer,
  );
  const collide = (pointer: { x: number; y: number }) =>
    boardCollisions(() => null)({
      active: { id: 'dragged', data: { current: undefined } } as never,
      // The dragged card, held by its grip at its top left: wide, to the right of the finger.
      collisionRect: rect(pointer.x - 20, pointer.y - 20, 340, 160),
      droppableRects,
      droppableContainers,
      pointerCoordinates: pointer,
    }).map((c) => c.id);

  it('opens a tab only with the pointer on it, where the tab is on the page now', () => {
    expect(collide({ x: 100, y: 20 })).toEqual(['tab:column:1']);
    // Where the scrolled measurement would have put the tab: the pane, not the tab.
    expect(collide({ x: 100, y: 320 })).toEqual(['column:2']);
    // Between the tabs and the pane: the shown pane, never a tab the card's corners are near.
    expect(collide({ x: 60, y: 80 })).toEqual(['column:2']);
  });
});

describe('plainRects', () => {
  it('copies each rect as plain numbers with the bottom and right worked out', () => {
    const reads = { count: 0 };
    const rects = plainRects(board({ y: 40 }, reads).droppableRects);
    expect(rects.get('b')).toEqual({
      top: 170,
      left: 10,
      width: 280,
      height: 100,
      bottom: 270,
      right: 290,
    });
    expect(reads.count).toBe(8);
  });
});

describe('where a pointer drag lands', () => {
  // The board at pick-up: x is dragged; a pointer drag never moves it before the drop.
  const containers: Containers = {
    'column:backlog': ['x', 'y'],
    'column:0': ['a', 'b', 'c'],
    'column:1': [],
  };

  it('in another column: at the place the pointer marks, kept inside the column', () => {
    expect(pointerLanding(containers, 'x', 'column:0', 1)).toEqual({
      container: 'column:0',
      index: 1,
    });
    expect(pointerLanding(containers, 'x', 'column:0', 9)).toEqual({
      container: 'column:0',
      index: 3,
    });
    expect(pointerLanding(containers, 'x', 'column:0', -2)).toEqual({
      container: 'column:0',
      index: 0,
    });
  });

  it('in another column: before the card it is over, else at the end', () => {
    expect(pointerLanding(containers, 'x', 'b')).toEqual({
      container: 'column:0',
      index: 1,
    });
    expect(pointerLanding(containers, 'x', 'c')).toEqual({
      container: 'column:0',
      index: 2,
    });
    expect(pointerLanding(containers, 'x', 'a')).toEqual({
      container: 'column:0',
      index: 0,
    });
    expect(pointerLanding(containers, 'x', 'column:0')).toEqual({
      container: 'column:0',
      index: 3,
    });
    expect(pointerLanding(containers, 'x', 'column:1')).toEqual({
      container: 'column:1',
      index: 0,
    });
  });

  it('in its own column: the place of the card it is over (as the sorted list shows it), else its own', () => {
    expect(pointerLanding(containers, 'a', 'c')).toEqual({
      container: 'column:0',
      index: 2,
    });
    expect(pointerLanding(containers, 'c', 'a')).toEqual({
      container: 'column:0',
      index: 0,
    });
    expect(pointerLanding(containers, 'b', 'column:0')).toEqual({
      container: 'column:0',
      index: 1,
    });
  });

  it('is nowhere for an unknown card or target', () => {
    expect(pointerLanding(containers, 'ghost', 'a')).toBeNull();
    expect(pointerLanding(containers, 'x', 'ghost')).toBeNull();
  });

  it('placeCard takes the card out of its container and puts it at the place', () => {
    const placed = placeCard(containers, 'x', { container: 'column:0', index: 1 });
    expect(placed['column:backlog']).toEqual(['y']);
    expect(placed['column:0']).toEqual(['a', 'x', 'b', 'c']);
    expect(placeCard(containers, 'a', { container: 'column:0', index: 2 })['column:0']).toEqual([
      'b',
      'c',
      'a',
    ]);
    // The board it was given is untouched.
    expect(containers['column:0']).toEqual(['a', 'b', 'c']);
  });
});

describe('the drop hint', () => {
  it('tells its listeners only when the place changes', () => {
    const hint = createDropHint();
    let calls = 0;
    const stop = hint.subscribe(() => calls++);
    hint.set({ container: 'column:0', index: 1, elsewhere: true });
    hint.set({ container: 'column:0', index: 1, elsewhere: true });
    expect(calls).toBe(1);
    hint.set({ container: 'column:0', index: 2, elsewhere: true });
    hint.set({ container: 'column:0', index: 2, elsewhere: false });
    hint.set(null);
    hint.set(null);
    expect(calls).toBe(4);
    expect(hint.get()).toBeNull();
    stop();
    hint.set({ container: 'column:1', index: 0, elsewhere: true });
    expect(calls).toBe(4);
  });
});
