import type { ClientRect, DroppableContainer } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';

import { boardCollisions, plainRects } from '../../../src/features/board/dnd';

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
  const droppableContainers = Object.keys(boxes).map((id) => ({ id }) as DroppableContainer);
  return { droppableRects, droppableContainers };
}

function collide(pointer: { x: number; y: number }, scrollY = 0) {
  const reads = { count: 0 };
  const { droppableRects, droppableContainers } = board({ y: scrollY }, reads);
  const collisions = boardCollisions(() => null)({
    active: { id: 'dragged' } as never,
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
  return { ids: collisions.map((c) => c.id), reads: reads.count };
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

  it('reads each measured side at most once per droppable', () => {
    // Four droppables, two computed sides each (width and height are plain numbers).
    expect(collide({ x: 50, y: 250 }).reads).toBe(8);
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
