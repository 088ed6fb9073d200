/**
 * Keyboard focus on the board: which control of a card has focus, and where focus goes after a
 * move — it stays where the learner is working (the card that took the moved card's place in the
 * column it left), never on the page body.
 *
 * The DOM is the source of truth here: cards are `li[data-item-id]` inside a column marked
 * `[data-container]`, in the order shown (the backlog filtered and sorted).
 */

/** The three focusable controls of a card. */
export type CardControl = 'grip' | 'title' | 'move';

const CONTROL_SELECTOR: Record<CardControl, string> = {
  grip: '.drag-handle',
  title: '.card-open',
  move: '[data-move-button]',
};

/** A place to put focus once the board has re-rendered. */
export type FocusRequest =
  /** The card itself (it stayed in its column, e.g. moved up or down). */
  | { kind: 'card'; itemId: string; control: CardControl }
  /** The card now at `index` in `container` (or the one before; the column when empty). */
  | { kind: 'slot'; container: string; index: number; control: CardControl };

/** Which card control an element is (or is inside), or null when not a card's control. */
export function controlOf(element: Element): CardControl | null {
  if (element.closest(CONTROL_SELECTOR.grip)) return 'grip';
  if (element.closest(CONTROL_SELECTOR.title)) return 'title';
  if (element.closest(CONTROL_SELECTOR.move)) return 'move';
  return null;
}

/** Item ids are letters, digits, "-", "_" and "." (see the schema): safe in a quoted selector. */
const cardSelector = (itemId: string) => `[data-item-id="${itemId}"]`;

export function containerElement(root: ParentNode, container: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-container="${container}"]`);
}

export function cardsIn(root: ParentNode, container: string): HTMLElement[] {
  const column = containerElement(root, container);
  return column ? Array.from(column.querySelectorAll<HTMLElement>('li[data-item-id]')) : [];
}

/** The card's control, or the card's first focusable control when that one is absent (locked). */
function controlIn(card: Element, control: CardControl): HTMLElement | null {
  return (
    card.querySelector<HTMLElement>(CONTROL_SELECTOR[control]) ??
    card.querySelector<HTMLElement>(CONTROL_SELECTOR.title)
  );
}

function focusElement(element: HTMLElement) {
  element.focus({ preventScroll: true });
  // Only as far as needed: the learner's place on the board stays where it was.
  element.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
}

/** Focuses a card's control; true when it did. */
export function focusCard(root: ParentNode, itemId: string, control: CardControl): boolean {
  const card = root.querySelector(cardSelector(itemId));
  const target = card ? controlIn(card, control) : null;
  if (!target) return false;
  focusElement(target);
  return true;
}

/**
 * Focuses the card at `index` of a column (or the last one before it), else the column's empty
 * placeholder, else its heading. True when something took focus.
 */
export function focusInColumn(
  root: ParentNode,
  container: string,
  index: number,
  control: CardControl,
): boolean {
  const cards = cardsIn(root, container);
  const card = cards[Math.min(Math.max(0, index), cards.length - 1)];
  const target = card
    ? controlIn(card, control)
    : (containerElement(root, container)?.querySelector<HTMLElement>('[data-empty-for]') ??
      containerElement(root, container)?.querySelector<HTMLElement>('.column-title') ??
      null);
  if (!target) return false;
  focusElement(target);
  return true;
}

export function applyFocus(root: ParentNode, request: FocusRequest): boolean {
  return request.kind === 'card'
    ? focusCard(root, request.itemId, request.control)
    : focusInColumn(root, request.container, request.index, request.control);
}
