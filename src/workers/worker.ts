/**
 * The worker side of the gateway's connection: Comlink over a Worker (or anything shaped like
 * one), and the app's engine worker. Loaded with the first job (gateway.ts imports it lazily).
 */
import { wrap, type Endpoint } from 'comlink';

import type { Connection } from './gateway';

/** What the gateway needs of a worker: Comlink's endpoint, its error events and `terminate`. */
export interface WorkerLike extends Endpoint {
  terminate(): void;
}

/** A backend in a worker, talked to through Comlink. */
export function connectWorker(worker: WorkerLike): Connection {
  const remote = wrap<Record<string, (scenarioJson: string, input: unknown) => unknown>>(worker);
  let stop: (error: Error) => void = () => {};
  const stopped = new Promise<never>((_resolve, reject) => {
    stop = reject;
  });
  const onError = (event: Event) => {
    event.preventDefault();
    const message = (event as Event & { message?: unknown }).message;
    const detail = typeof message === 'string' && message !== '' ? `: ${message}` : '';
    stop(
      new Error(
        `the background worker stopped unexpectedly${detail}. Try again to start a new one.`,
      ),
    );
  };
  worker.addEventListener('error', onError);
  worker.addEventListener('messageerror', onError);
  return {
    call: (job, scenarioJson, input) => remote[job]!(scenarioJson, input),
    stopped,
    close: () => worker.terminate(),
  };
}

/** Starts the engine worker (engine.worker.ts) and connects to it. */
export function startEngineWorker(): Connection {
  return connectWorker(
    new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' }),
  );
}
