/**
 * Answers the debrief's requests inside the engine worker (par.worker.ts). The debrief shares
 * that worker's script instead of shipping a second copy of the engine and its schema library:
 * every worker bundle carries its own copy, and that copy is most of its size.
 *
 * Only plain JSON crosses the boundary: the scenario arrives as JSON text and goes through the
 * engine's one loading path.
 */
import { loadScenario } from '../engine';
import { analyzePlay, seedSpread } from './debriefJob';
import type { DebriefRequest, DebriefResponse } from './debriefMessages';

/** Debrief requests carry a `kind`; par requests do not. */
export function isDebriefRequest(data: unknown): data is DebriefRequest {
  return (
    typeof data === 'object' &&
    data !== null &&
    'kind' in data &&
    (data.kind === 'analyze' || data.kind === 'spread')
  );
}

export function answerDebriefRequest(request: DebriefRequest): DebriefResponse {
  try {
    const loaded = loadScenario(request.scenarioJson);
    if (!loaded.ok)
      return {
        id: request.id,
        ok: false,
        message: `scenario did not load: ${loaded.issues[0]?.message}`,
      };
    const started = performance.now();
    return request.kind === 'analyze'
      ? {
          id: request.id,
          ok: true,
          kind: 'analyze',
          result: analyzePlay(loaded.scenario, request.input),
          ms: performance.now() - started,
        }
      : {
          id: request.id,
          ok: true,
          kind: 'spread',
          result: seedSpread(loaded.scenario, request.input),
          ms: performance.now() - started,
        };
  } catch (error) {
    return {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
