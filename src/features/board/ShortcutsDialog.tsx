/** The board's keyboard shortcuts, listed in a dialog that `?` (or the strip's button) opens. */
import { Dialog } from '../../components/Dialog';

export interface Shortcut {
  keys: string;
  action: string;
}

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The shortcuts, by where focus is. `slots` names the first and last slot a digit reaches. */
export function boardShortcuts(slots: readonly string[]): { title: string; rows: Shortcut[] }[] {
  const mod = isMac() ? '⌘' : 'Ctrl+';
  const digits = Math.min(9, slots.length);
  const first = slots[0] ?? 'the first slot';
  const last = slots[digits - 1] ?? first;
  return [
    {
      title: 'On a card (its grip ⠿ or its title)',
      rows: [
        { keys: '↑ / ↓', action: 'Previous / next card in the column' },
        {
          keys: '← / →',
          action: 'Previous / next column: between the backlog and the slots',
        },
        { keys: 'Home / End', action: 'First / last card of the column' },
        {
          keys: digits > 1 ? `1 – ${digits}` : '1',
          action: `Move the card to that slot (${digits > 1 ? `1 is ${first}, ${digits} is ${last}` : `1 is ${first}`}); focus moves to the next card where you are working`,
        },
        { keys: '0', action: 'Move the card back to the backlog' },
        { keys: 'Alt+↑ / Alt+↓', action: 'Move the card up / down within its slot' },
        { keys: 'Enter on the title', action: 'Open the item details and your rationale' },
      ],
    },
    {
      title: 'Dragging with the keyboard (from a card’s grip)',
      rows: [
        { keys: 'Space or Enter', action: 'Pick the card up; again to drop it' },
        { keys: '← / →', action: 'Carry it to the previous / next column' },
        { keys: '↑ / ↓', action: 'Change its position in the column' },
        { keys: 'Escape', action: 'Cancel: the card goes back where it was' },
      ],
    },
    {
      title: 'Anywhere on the board',
      rows: [
        { keys: `${mod}Z`, action: 'Undo' },
        { keys: isMac() ? '⇧⌘Z' : 'Ctrl+Shift+Z or Ctrl+Y', action: 'Redo' },
        { keys: '?', action: 'This list' },
        {
          keys: 'Tab from the top of the page',
          action: '“Skip to the board” jumps to the backlog',
        },
      ],
    },
  ];
}

export function ShortcutsDialog({
  slots,
  onClose,
}: {
  slots: readonly string[];
  onClose: () => void;
}) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={onClose}
      closeLabel="Close keyboard shortcuts"
      className="shortcuts-dialog"
      description="Shortcuts do nothing while you type in a text field."
    >
      {boardShortcuts(slots).map((group) => (
        <table key={group.title} className="shortcuts-table">
          <caption>{group.title}</caption>
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {group.rows.map((row) => (
              <tr key={row.keys}>
                <td>
                  <kbd>{row.keys}</kbd>
                </td>
                <td>{row.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </Dialog>
  );
}
