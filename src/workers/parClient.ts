/**
 * The main-thread side of the par worker: one module worker, started on first use, answering
 * requests by id. Where workers are unavailable (tests in jsdom) every request rejects and the
 * board says par is unavailable.
 */
import type { Plan, Scenario } from '../engine';
import type { ParRequest, ParResponse } from './parMessages';

export type ParRunner = (scenario: Scenario) => Promise<{ plan: Plan; score: number }>;

export function createParWorkerRunner(): ParRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (value: { plan: Plan; score: number }) => void; reject: (error: Error) => void }
  >();

  const start = (): Worker => {
    const created = new Worker(new URL('./par.worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<ParResponse>) => {
      const answer = event.data;
      const request = pending.get(answer.id);
      if (!request) return;
      pending.delete(answer.id);
      if (answer.ok) request.resolve({ plan: answer.plan, score: answer.score });
      else request.reject(new Error(answer.message));
    };
    created.onerror = (event) => {
      event.preventDefault();
      for (const request of pending.values()) request.reject(new Error('the par worker failed'));
      pending.clear();
      worker = null;
    };
    return created;
  };

  return (scenario) =>
    new Promise((resolve, reject) => {
      if (typeof Worker === 'undefined') {
        reject(new Error('this browser cannot run background work'));
        return;
      }
      worker ??= start();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const request: ParRequest = { id, scenarioJson: JSON.stringify(scenario) };
      worker.postMessage(request);
    });
}
