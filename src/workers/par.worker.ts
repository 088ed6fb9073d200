/**
 * Finds par off the main thread. Only plain JSON crosses the boundary: the scenario arrives as
 * JSON text and goes through the engine's one loading path; the answer is a plain plan and score.
 */
import { loadScenario } from '../engine';
import { findPar } from '../engine/par';
import { answerDebriefRequest, isDebriefRequest } from './debriefHandler';
import type { DebriefRequest } from './debriefMessages';
import type { ParRequest, ParResponse } from './parMessages';
import { answerWorkshopParRequest, isWorkshopParRequest } from './workshopParHandler';
import type { WorkshopParRequest } from './workshopParMessages';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ParRequest | DebriefRequest | WorkshopParRequest>) => {
  // The debrief's jobs share this worker's copy of the engine (see debriefHandler.ts).
  if (isDebriefRequest(event.data)) {
    scope.postMessage(answerDebriefRequest(event.data));
    return;
  }
  // So do the workshop's par searches (par under a preset, par from here).
  if (isWorkshopParRequest(event.data)) {
    scope.postMessage(answerWorkshopParRequest(event.data));
    return;
  }
  const { id, scenarioJson } = event.data;
  let response: ParResponse;
  try {
    const loaded = loadScenario(scenarioJson);
    if (!loaded.ok) {
      response = { id, ok: false, message: `scenario did not load: ${loaded.issues[0]?.message}` };
    } else {
      const par = findPar(loaded.scenario);
      response = { id, ok: true, plan: { slots: par.plan.slots }, score: par.score };
    }
  } catch (error) {
    response = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
