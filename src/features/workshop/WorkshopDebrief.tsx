/**
 * The debrief in a workshop. The app renders the debrief through this component when a workshop
 * drives the scenario in this browser; it hands the debrief who grades (the shape of the
 * debrief's `grading` prop — features never import each other, the app joins them): the
 * workshop's weights, par under those weights (the same par the board and the comparison use)
 * and whether scores are still hidden.
 */
import { useMemo, type ReactNode } from 'react';

import type { Scenario, Weights } from '../../engine';
import { CUSTOM_PRESET, scoresVisible, workshopWeights } from '../../engine/workshop';
import { activeWorkshopFor, useAppStore, type ParEntry } from '../../store';
import type { ParInput } from '../../workers/parJob';
import { useWorkshopPar } from './hooks';
import { graderName } from './WorkshopBoard';

/** What the debrief's `grading` prop takes. */
export interface WorkshopDebriefGrading {
  label: string;
  weights: Weights;
  par: ParEntry | undefined;
  hideScores: boolean;
}

export interface WorkshopDebriefProps {
  scenario: Scenario;
  /** Renders the debrief; `grading` is undefined when no workshop drives this scenario here. */
  children: (grading: WorkshopDebriefGrading | undefined) => ReactNode;
}

/** "the workshop’s CISO weights", "the workshop’s custom weights". */
export function gradingLabel(grader: string, preset: string): string {
  if (preset === CUSTOM_PRESET) return 'the workshop’s custom weights';
  if (preset === 'balanced') return 'the workshop’s Balanced weights (the scenario’s own)';
  return `the workshop’s ${grader} weights`;
}

const NO_INPUT: ParInput = {};

export function WorkshopDebrief({ scenario, children }: WorkshopDebriefProps) {
  const settings = useAppStore((s) => activeWorkshopFor(s, scenario.id));
  const weights = useMemo(
    () => (settings ? workshopWeights(scenario, settings) : null),
    [scenario, settings],
  );
  const ownWeights = settings?.preset === 'balanced';
  const hideScores = settings ? !scoresVisible(settings) : false;
  // The whole year under the workshop's weights, as the comparison grades a finished plan.
  const parInput = useMemo<ParInput | null>(
    () => (!weights || hideScores ? null : ownWeights ? NO_INPUT : { weights }),
    [weights, hideScores, ownWeights],
  );
  const par = useWorkshopPar(settings ? scenario : null, parInput, ownWeights);
  if (!settings || !weights) return <>{children(undefined)}</>;
  return (
    <>
      {children({
        label: gradingLabel(graderName(scenario, settings), settings.preset),
        weights,
        par,
        hideScores,
      })}
    </>
  );
}
