/**
 * Content that folds away behind a disclosure (`<details>`) when `when` holds — on a phone, say,
 * where space is short — and is shown as it is otherwise.
 */
import type { ReactNode } from 'react';

export function Folded({
  when,
  summary,
  className,
  children,
}: {
  when: boolean;
  summary: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  if (!when) return <>{children}</>;
  return (
    <details className={`folded${className ? ` ${className}` : ''}`}>
      <summary>{summary}</summary>
      <div className="folded-body">{children}</div>
    </details>
  );
}
