/** The messages exchanged with the debrief worker: plain JSON only. */
import type { Analysis, AnalysisInput, Spread, SpreadInput } from './debriefJob';

export type DebriefRequest =
  | { id: number; kind: 'analyze'; scenarioJson: string; input: AnalysisInput }
  | { id: number; kind: 'spread'; scenarioJson: string; input: SpreadInput };

export type DebriefResponse =
  | { id: number; ok: true; kind: 'analyze'; result: Analysis; ms: number }
  | { id: number; ok: true; kind: 'spread'; result: Spread; ms: number }
  | { id: number; ok: false; message: string };
