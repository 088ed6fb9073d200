/**
 * The trail back from a screen ("← Scenario library / Briefing / Plan"): the first step carries
 * the back arrow; the separators are hidden from screen readers, which announce a navigation
 * landmark named "Breadcrumb" with one link per step.
 */
import { Fragment, memo } from 'react';
import { Link } from 'wouter';

import { ArrowLeftIcon } from './icons';

export interface BreadcrumbsProps {
  /** From the farthest step back to the nearest. */
  steps: readonly { href: string; label: string }[];
  /** Leave the trail out of printouts (the debrief prints as a handout). */
  noPrint?: boolean;
}

export const Breadcrumbs = memo(function Breadcrumbs({ steps, noPrint = false }: BreadcrumbsProps) {
  return (
    <nav className={noPrint ? 'breadcrumbs no-print' : 'breadcrumbs'} aria-label="Breadcrumb">
      {steps.map((step, i) => (
        <Fragment key={step.href}>
          {i > 0 && <span aria-hidden="true">/</span>}
          <Link href={step.href}>
            {i === 0 && <ArrowLeftIcon />}
            {step.label}
          </Link>
        </Fragment>
      ))}
    </nav>
  );
});
