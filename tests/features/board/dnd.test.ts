import type { ClientRect, DroppableContainer } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';

import {
  boardCollisions,
  createKeyboardCoordinates,
  draggedItemId,
  isCurrentPlace,
  keyboardStep,
  markedIndex,
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

/** A DOM element whose `getBoundingClientRect` gives `box`, scrolled up by `scroll.y`. */
function boxed<T extends Element>(element: T, box: Box, scroll: { y: number }): T {
  element.getBoundingClientRect = () => ({
    ...box,
    top: box.top - scroll.y,
    bottom: box.top + box.height - scroll.y,
    right: box.left + box.width,
    x: box.left,
    y: box.top - scroll.y,
    toJSON: () => ({}),
  });
  return element;
}

type Box = { top: number; left: number; width: number; height: number };

function board(scroll: { y: number }, reads: { count: number }) {
  // Two columns side by side, 300 px wide; column 0 lists cards a (top) and b (below it). Cards
  // are not drop targets: the columns are, and their cards are read from the page.
  const columns: Record<string, Box> = {
    'column:0': { top: 0, left: 0, width: 300, height: 800 },
    'column:1': { top: 0, left: 320, width: 300, height: 800 },
  };
  const cards: Record<string, Box[]> = {
    'column:0': [
      { top: 100, left: 10, width: 280, height: 100 },
      { top: 210, left: 10, width: 280, height: 100 },
    ],
    'column:1': [],
  };
  const droppableRects = new Map(
    Object.entries(columns).map(([id, box]) => [id, measuredRect(box, scroll, reads)]),
  );
  const droppableContainers = Object.keys(columns).map((id) => {
    const section = document.createElement('section');
    const list = document.createElement('ul');
    list.className = 'card-list';
    for (const box of cards[id] ?? [])
      list.append(boxed(document.createElement('li'), box, scroll));
    section.append(list);
    return { id, node: { current: section }, data: { current: undefined } } as DroppableContainer;
  });
  return { droppableRects, droppableContainers };
}

function collide(pointer: { x: number; y: number }, scrollY = 0) {
  const reads = { count: 0 };
  const { droppableRects, droppableContainers } = board({ y: scrollY }, reads);
  const collisions = boardCollisions(() => null)({
    active: { id: 'card-drag', data: { current: { type: 'card', itemId: 'x' } } } as never,
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
  it('finds the column under the pointer, with the place the pointer marks among its cards', () => {
    // Over card a's upper half, b's upper half, b's lower half, below every card.
    expect(collide({ x: 50, y: 120 })).toMatchObject({ ids: ['column:0'], marked: [0] });
    expect(collide({ x: 50, y: 250 })).toMatchObject({ ids: ['column:0'], marked: [1] });
    expect(collide({ x: 50, y: 280 })).toMatchObject({ ids: ['column:0'], marked: [2] });
    expect(collide({ x: 50, y: 600 })).toMatchObject({ ids: ['column:0'], marked: [2] });
    expect(collide({ x: 400, y: 150 })).toMatchObject({ ids: ['column:1'], marked: [0] });
  });

  it('follows the scroll position the measured rects and the page report', () => {
    // Scrolled 100 px down: the point 130 px from the top is now below card b's middle
    // (260 − 100), so it marks the end.
    expect(collide({ x: 50, y: 130 }, 100)).toMatchObject({ ids: ['column:0'], marked: [1] });
    expect(collide({ x: 50, y: 170 }, 100)).toMatchObject({ ids: ['column:0'], marked: [2] });
  });

  it('between columns: the columns by their closest corners, the nearest (the target) marked', () => {
    // The gap between the columns, level with the bottom half of card b: column 1's top left
    // corner is the nearer, so it is the target and marked (empty: 0); column 0's cards are not
    // read.
    expect(collide({ x: 308, y: 290 })).toMatchObject({
      ids: ['column:1', 'column:0'],
      marked: [0, undefined],
    });
  });

  it('a keyboard drag gets exactly the container its steps reached', () => {
    const reads = { count: 0 };
    const { droppableRects, droppableContainers } = board({ y: 0 }, reads);
    const collisions = boardCollisions(() => 'column:1')({
      active: { id: 'card-drag', data: { current: undefined } } as never,
      collisionRect: { top: 120, left: 50, width: 10, height: 10, bottom: 130, right: 60 },
      droppableRects,
      droppableContainers,
      pointerCoordinates: null,
    });
    expect(collisions).toEqual([{ id: 'column:1' }]);
  });

  it('reads each measured side at most once per droppable', () => {
    // Two droppables, two computed sides each (width and height are plain numbers).
    expect(collide({ x: 50, y: 250 }).reads).toBe(4);
  });
});

describe('markedIndex', () => {
  it('counts the cards whose middle is above the pointer, stopping at the first below', () => {
    const list = document.createElement('ul');
    for (const top of [0, 100, 200])
      list.append(
        boxed(document.createElement('li'), { top, left: 0, width: 10, height: 80 }, { y: 0 }),
      );
    expect(markedIndex(list, 39)).toBe(0);
    expect(markedIndex(list, 40)).toBe(1);
    expect(markedIndex(list, 141)).toBe(2);
    expect(markedIndex(list, 900)).toBe(3);
    expect(markedIndex(null, 900)).toBe(0);
  });
});

describe('keyboard steps', () => {
  const containers: Containers = {
    'column:backlog': ['x', 'y'],
    'column:0': ['a', 'b', 'c'],
    'column:1': [],
    'column:2': ['d'],
  };
  const order = ['column:backlog', 'column:0', 'column:1', 'column:2'];
  const step = (id: string, code: string) => keyboardStep(containers, id, order, code);

  it('Up and Down move one position in the column, never past its ends', () => {
    expect(step('b', 'ArrowUp')).toEqual({ container: 'column:0', index: 0 });
    expect(step('b', 'ArrowDown')).toEqual({ container: 'column:0', index: 2 });
    expect(step('a', 'ArrowUp')).toBeNull();
    expect(step('c', 'ArrowDown')).toBeNull();
  });

  it('Left and Right go to the neighbouring container at the same row, or its end', () => {
    expect(step('y', 'ArrowRight')).toEqual({ container: 'column:0', index: 1 });
    expect(step('c', 'ArrowRight')).toEqual({ container: 'column:1', index: 0 });
    expect(step('c', 'ArrowLeft')).toEqual({ container: 'column:backlog', index: 2 });
    expect(step('d', 'ArrowRight')).toBeNull();
    expect(step('x', 'ArrowLeft')).toBeNull();
  });

  it('the keyboard coordinates move the card first, then point its preview at its new place', () => {
    let board = containers;
    const calls: string[] = [];
    const getter = createKeyboardCoordinates({
      containers: () => board,
      order: () => order,
      move: (place, id) => {
        calls.push(`move ${id} to ${place.container} ${place.index}`);
        board = placeCard(board, id, place);
      },
      pointAt: (place) => {
        calls.push(`point at ${board[place.container]?.[place.index]}`);
        return { x: 10, y: 20 };
      },
    });
    const active = { id: 'card-drag', data: { current: { type: 'card', itemId: 'a' } } };
    const point = getter(new KeyboardEvent('keydown', { code: 'ArrowDown' }), {
      active: 'card-drag',
      currentCoordinates: { x: 0, y: 0 },
      context: { active },
    } as never);
    expect(calls).toEqual(['move a to column:0 1', 'point at a']);
    expect(point).toEqual({ x: 10, y: 20 });
  });

  it('skips containers not in the order (played slots) and ignores other keys', () => {
    expect(keyboardStep(containers, 'a', ['column:0', 'column:2'], 'ArrowRight')).toEqual({
      container: 'column:2',
      index: 0,
    });
    expect(step('a', 'KeyA')).toBeNull();
    expect(step('ghost', 'ArrowDown')).toBeNull();
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
    expect(rects.get('column:1')).toEqual({
      top: -40,
      left: 320,
      width: 300,
      height: 800,
      bottom: 760,
      right: 620,
    });
    expect(reads.count).toBe(4);
  });
});

describe('where a pointer drag lands', () => {
  // The board at pick-up: x is dragged; a pointer drag never moves it before the drop.
  const containers: Containers = {
    'column:backlog': ['x', 'y'],
    'column:0': ['a', 'b', 'c'],
    'column:1': [],
  };

  /** Where `card` lands over `over` with the pointer's `mark`, as "container index". */
  const lands = (card: string, over: string, mark?: number) => {
    const place = pointerLanding(containers, card, over, mark);
    return place && `${place.container} ${place.index}`;
  };

  it('in another column: at the place the pointer marks, kept inside the column', () => {
    expect(lands('x', 'column:0', 1)).toBe('column:0 1');
    expect(lands('x', 'column:0', 9)).toBe('column:0 3');
    expect(lands('x', 'column:0', -2)).toBe('column:0 0');
  });

  it('in another column with no mark (a slot tab): at the end', () => {
    expect(lands('x', 'column:0')).toBe('column:0 3');
    expect(lands('x', 'column:1')).toBe('column:1 0');
  });

  it('in its own column: the mark counts the card itself, still shown where it was', () => {
    // a is first: a mark after b (2) puts it second; after c (3), last.
    expect(lands('a', 'column:0', 2)).toBe('column:0 1');
    expect(lands('a', 'column:0', 3)).toBe('column:0 2');
    // Just above or below itself: it stays.
    expect(lands('b', 'column:0', 1)).toBe('column:0 1');
    expect(lands('b', 'column:0', 2)).toBe('column:0 1');
    // c is last: a mark before a puts it first.
    expect(lands('c', 'column:0', 0)).toBe('column:0 0');
    // No mark: it stays.
    expect(lands('b', 'column:0')).toBe('column:0 1');
  });

  it('isCurrentPlace says whether a place is where the card is', () => {
    expect(isCurrentPlace(containers, 'b', { container: 'column:0', index: 1 })).toBe(true);
    expect(isCurrentPlace(containers, 'b', { container: 'column:0', index: 2 })).toBe(false);
    expect(isCurrentPlace(containers, 'b', { container: 'column:1', index: 1 })).toBe(false);
  });

  it("draggedItemId reads the card from the one draggable's data", () => {
    expect(
      draggedItemId({ id: 'card-drag', data: { current: { type: 'card', itemId: 'b' } } }),
    ).toBe('b');
    expect(draggedItemId({ id: 'other', data: { current: undefined } })).toBe('other');
  });

  it('is nowhere for an unknown card or target', () => {
    expect(pointerLanding(containers, 'ghost', 'column:0')).toBeNull();
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
