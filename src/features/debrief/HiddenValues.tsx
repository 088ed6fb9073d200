/**
 * What was hidden in the world the year was played in: each hidden value, size and risk as this
 * world drew it, against its estimate, and whether the year revealed it (the draw is shown only
 * now, after play).
 */
import { useMemo } from 'react';

import { drawWorld, revealedAfter, type Plan, type Scenario } from '../../engine';
import { hiddenValueLines } from '../../explain/uncertainty';

export function HiddenValues({
  scenario,
  plan,
  seed,
}: {
  scenario: Scenario;
  plan: Plan;
  seed: number;
}) {
  const lines = useMemo(() => {
    const drawn = drawWorld(scenario, seed);
    if (drawn.size === 0) return [];
    const slots = scenario.time.labels.length;
    return hiddenValueLines(scenario, drawn, revealedAfter(scenario, plan, seed, slots));
  }, [scenario, plan, seed]);
  if (lines.length === 0) return null;
  return (
    <div className="hidden-values" data-testid="hidden-values">
      <h3>What was hidden in this world</h3>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="small muted">
        The grade counts every hidden value, size and risk at its estimate: what a world drew is
        luck, like the dice. Played quarter by quarter, what you learned in time is graded under
        Decision quality.
      </p>
    </div>
  );
}
