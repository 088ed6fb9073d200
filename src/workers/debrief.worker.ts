/**
 * Runs the debrief's heavy work off the main thread. Only plain JSON crosses the boundary: the
 * scenario arrives as JSON text and goes through the engine's one loading path.
 */
import { loadScenario } from '../engine';
import { analyzePlay, seedSpread } from './debriefJob';
import type { DebriefRequest, DebriefResponse } from './debriefMessages';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<DebriefRequest>) => {
  const request = event.data;
  let response: DebriefResponse;
  try {
    const loaded = loadScenario(request.scenarioJson);
    if (!loaded.ok) {
      response = {
        id: request.id,
        ok: false,
        message: `scenario did not load: ${loaded.issues[0]?.message}`,
      };
    } else {
      const started = performance.now();
      response =
        request.kind === 'analyze'
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
    }
  } catch (error) {
    response = {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  scope.postMessage(response);
};
