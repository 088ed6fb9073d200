/**
 * A box for a table that may be wider than the screen. When it scrolls sideways, keyboard users
 * need to focus it to scroll (axe: scrollable-region-focusable), so it is a named, focusable
 * region.
 */
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A region that scrolls is operable (arrow keys scroll it), so it takes focus.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
