/** The trail back from a screen: what a screen reader announces and where each step leads. */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';

import { Breadcrumbs } from '../../src/components/Breadcrumbs';

function renderTrail(noPrint?: boolean) {
  const { hook } = memoryLocation({ path: '/s/tutorial/play' });
  return render(
    <Router hook={hook}>
      <Breadcrumbs
        noPrint={noPrint}
        steps={[
          { href: '/', label: 'Scenario library' },
          { href: '/s/tutorial', label: 'Briefing' },
          { href: '/s/tutorial/plan', label: 'Plan' },
        ]}
      />
    </Router>,
  );
}

describe('Breadcrumbs', () => {
  it('is a navigation landmark with one link per step, farthest first', () => {
    renderTrail();
    const nav = screen.getByRole('navigation', { name: 'Breadcrumb' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Scenario library', '/'],
      ['Briefing', '/s/tutorial'],
      ['Plan', '/s/tutorial/plan'],
    ]);
  });

  it('hides the separators from screen readers and reads only the steps', () => {
    renderTrail();
    const nav = screen.getByRole('navigation', { name: 'Breadcrumb' });
    const separators = Array.from(nav.querySelectorAll('span'));
    expect(separators).toHaveLength(2);
    for (const s of separators) expect(s).toHaveAttribute('aria-hidden', 'true');
    // Only the first step carries the back arrow.
    expect(nav.querySelectorAll('svg')).toHaveLength(1);
    expect(nav.querySelector('a')?.querySelector('svg')).not.toBeNull();
  });

  it('stays out of printouts only when asked', () => {
    const { unmount } = renderTrail(true);
    expect(screen.getByRole('navigation')).toHaveClass('no-print');
    unmount();
    renderTrail();
    expect(screen.getByRole('navigation')).not.toHaveClass('no-print');
  });
});
