/**
 * The engine's jobs run in the page instead of a worker: for tests in jsdom (which has no
 * workers), through the same gateway, so caching, failures and measures behave as in the app.
 */
import { engineApi, type EngineApi } from './api';
import { createGateway, type Connection, type EngineGateway } from './gateway';

/** A backend that calls the API's jobs directly (each call on a later turn, like a worker). */
export function inProcessConnection(api: object): Connection {
  const jobs = api as Record<string, unknown>;
  return {
    call: async (job, scenarioJson, input) => {
      await Promise.resolve();
      const run = jobs[job];
      if (typeof run !== 'function') throw new Error(`the engine has no job "${job}"`);
      return (run as (json: string, input: unknown) => unknown)(scenarioJson, input);
    },
    stopped: new Promise<never>(() => {}),
    close: () => {},
  };
}

/** A gateway that runs `api`'s jobs (by default the engine's) in-process. */
export function createInProcessGateway(api: EngineApi = engineApi): EngineGateway {
  return createGateway<EngineApi>(() => inProcessConnection(api));
}
