/**
 * Answers the workshop's par requests inside the engine worker (par.worker.ts), sharing its copy
 * of the engine as the debrief does (see debriefHandler.ts). Only plain JSON crosses the boundary:
 * the scenario arrives as JSON text and goes through the engine's one loading path.
 */
import { loadScenario } from '../engine';
import { parFrom } from './workshopParJob';
import type { WorkshopParRequest, WorkshopParResponse } from './workshopParMessages';

/** Workshop par requests carry `kind: 'parFrom'`. */
export function isWorkshopParRequest(data: unknown): data is WorkshopParRequest {
  return typeof data === 'object' && data !== null && 'kind' in data && data.kind === 'parFrom';
}

export function answerWorkshopParRequest(request: WorkshopParRequest): WorkshopParResponse {
  try {
    const loaded = loadScenario(request.scenarioJson);
    if (!loaded.ok)
      return {
        id: request.id,
        ok: false,
        message: `scenario did not load: ${loaded.issues[0]?.message}`,
      };
    const found = parFrom(loaded.scenario, request.input);
    return { id: request.id, ok: true, kind: 'parFrom', plan: found.plan, score: found.score };
  } catch (error) {
    return {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
