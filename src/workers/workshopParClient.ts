/**
 * The main-thread side of the workshop's par searches. They run in the engine worker the board's
 * par search uses (par.worker.ts; this runner starts its own instance on first use) and answer by
 * id. Answers are cached per scenario and input, so the same round or preset is searched once; a
 * failure is not cached, so asking again retries. Where workers are unavailable every request
 * rejects, unless the caller supplies its own `run` (tests run the search in-process).
 */
import type { Plan, Scenario } from '../engine';
import type { ParFromInput } from './workshopParJob';
import type { WorkshopParRequest, WorkshopParResponse } from './workshopParMessages';

export interface ParFound {
  plan: Plan;
  score: number;
}

export type WorkshopParRunner = (scenario: Scenario, input: ParFromInput) => Promise<ParFound>;

/** Runs searches in one engine worker, started on first use. */
function workerRun(): WorkshopParRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (value: ParFound) => void; reject: (error: Error) => void }
  >();
  const start = (): Worker => {
    const created = new Worker(new URL('./par.worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<WorkshopParResponse>) => {
      const answer = event.data;
      const request = pending.get(answer.id);
      if (!request) return;
      pending.delete(answer.id);
      if (answer.ok) request.resolve({ plan: answer.plan, score: answer.score });
      else request.reject(new Error(answer.message));
    };
    created.onerror = (event) => {
      event.preventDefault();
      for (const request of pending.values())
        request.reject(new Error('the background worker failed'));
      pending.clear();
      worker = null;
    };
    return created;
  };
  return (scenario, input) =>
    new Promise((resolve, reject) => {
      if (typeof Worker === 'undefined') {
        reject(new Error('this browser cannot run background work'));
        return;
      }
      worker ??= start();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const request: WorkshopParRequest = {
        id,
        kind: 'parFrom',
        scenarioJson: JSON.stringify(scenario),
        input,
      };
      worker.postMessage(request);
    });
}

export function createWorkshopParRunner(
  options: { run?: WorkshopParRunner } = {},
): WorkshopParRunner {
  const run = options.run ?? workerRun();
  const cache = new WeakMap<Scenario, Map<string, Promise<ParFound>>>();
  return (scenario, input) => {
    let byInput = cache.get(scenario);
    if (!byInput) {
      byInput = new Map();
      cache.set(scenario, byInput);
    }
    const key = JSON.stringify(input);
    let answer = byInput.get(key);
    if (!answer) {
      answer = run(scenario, input);
      answer.catch(() => byInput.delete(key));
      byInput.set(key, answer);
    }
    return answer;
  };
}
