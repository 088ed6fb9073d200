/**
 * Starts quarter-by-quarter play alone from the board: commit one slot at a time, see what it
 * revealed, re-plan the rest; the debrief grades each commit by decision quality.
 */
import type { Scenario } from '../../engine';
import { slotBySlot } from '../../explain/decisions';
import { randomSeed, useAppStore } from '../../store';

export function SoloStartButton({ scenario }: { scenario: Scenario }) {
  const startSolo = useAppStore((s) => s.startSolo);
  const steps = slotBySlot(scenario);
  return (
    <button
      type="button"
      className="button button-small"
      title={`Commit one ${steps.split(' ')[0]} at a time, see what happened, re-plan the rest`}
      onClick={() => startSolo(scenario, randomSeed())}
    >
      Play {steps}
    </button>
  );
}
