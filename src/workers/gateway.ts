/**
 * The one gateway to the engine worker. It owns the single worker (started on first use, started
 * again after a crash) and the answer cache, and gives every job of the API (api.ts) the same
 * contract:
 *
 * - `gateway.job(scenario, input)` resolves with the job's answer. The scenario crosses as JSON
 *   text and is loaded again in the worker (one loading path); input and answer are plain JSON.
 * - Answers are cached per scenario object and input, so coming back to a screen is instant. A
 *   failure is not cached: asking again retries.
 * - A job that throws rejects with its message. A worker that crashes rejects every pending call
 *   with "the background worker stopped…" and is replaced on the next call. Where the browser has
 *   no workers every call rejects with "this browser cannot run background work".
 * - Each answer is recorded as a User Timing measure `dojo:engine:<job>`, from request to answer.
 *
 * React screens get the gateway from `EngineProvider`/`useEngine` (EngineProvider.tsx); tests
 * hand in one that runs the jobs in-process (inProcess.ts).
 */
import type { Scenario } from '../engine';
import type { EngineApi } from './api';

/** The gateway's view of a job API: each job takes the scenario itself and answers later. */
export type Gateway<Api> = {
  readonly [K in keyof Api]: Api[K] extends (scenarioJson: string, input: infer I) => infer R
    ? (scenario: Scenario, input: I) => Promise<Awaited<R>>
    : never;
};

/** The gateway to the engine's jobs. */
export type EngineGateway = Gateway<EngineApi>;

/** A running backend that does the jobs: the worker, or the page itself in tests. */
export interface Connection {
  /** Runs `job` on the scenario (JSON text) and input. */
  call: (job: string, scenarioJson: string, input: unknown) => Promise<unknown>;
  /** Rejects when the backend stops for good (a crashed worker); never resolves. */
  stopped: Promise<never>;
  /** Stops the backend. */
  close: () => void;
}

/** The prefix of the User Timing measures: `dojo:engine:analyze`, … */
export const MEASURE_PREFIX = 'dojo:engine:';

function measure(name: string, start: number) {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // User Timing is a measuring aid only.
  }
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * A gateway over backends made by `connect`: one at a time, made on the first call and again
 * after the previous one stopped. `connect` may throw (no workers here): the call rejects.
 */
export function createGateway<Api extends object>(
  connect: () => Connection | Promise<Connection>,
): Gateway<Api> {
  let connection: Promise<Connection> | null = null;
  const open = (): Promise<Connection> => {
    if (connection) return connection;
    const opening = Promise.resolve().then(connect);
    connection = opening;
    opening.then(
      (opened) =>
        opened.stopped.catch(() => {
          if (connection === opening) connection = null;
          opened.close();
        }),
      () => {
        // Could not start (no workers here): the next call tries again.
        if (connection === opening) connection = null;
      },
    );
    return opening;
  };

  const cache = new WeakMap<Scenario, Map<string, Promise<unknown>>>();
  const run = (job: string, scenario: Scenario, input: unknown): Promise<unknown> => {
    let byInput = cache.get(scenario);
    if (!byInput) {
      byInput = new Map();
      cache.set(scenario, byInput);
    }
    const key = `${job}:${JSON.stringify(input ?? null)}`;
    const hit = byInput.get(key);
    if (hit) return hit;
    const started = performance.now();
    const answer = (async () => {
      const backend = await open();
      return Promise.race([backend.call(job, JSON.stringify(scenario), input), backend.stopped]);
    })().then(
      (result) => {
        measure(`${MEASURE_PREFIX}${job}`, started);
        return result;
      },
      (error: unknown) => {
        throw asError(error);
      },
    );
    answer.catch(() => {
      if (byInput.get(key) === answer) byInput.delete(key);
    });
    byInput.set(key, answer);
    return answer;
  };

  // The jobs are read off the API's type: any name is a job, so adding one to api.ts is enough.
  const jobs = new Map<string, (scenario: Scenario, input: unknown) => Promise<unknown>>();
  return new Proxy(Object.freeze({}), {
    get(_target, name) {
      // Not a job: symbols, and `then` (the gateway must not look like a promise).
      if (typeof name !== 'string' || name === 'then') return undefined;
      let call = jobs.get(name);
      if (!call) {
        call = (scenario, input) => run(name, scenario, input);
        jobs.set(name, call);
      }
      return call;
    },
  }) as Gateway<Api>;
}

let shared: EngineGateway | null = null;

/** The app's gateway: one engine worker for the whole app, started on the first job. */
export function engineGateway(): EngineGateway {
  shared ??= createGateway<EngineApi>(async () => {
    if (typeof Worker === 'undefined') throw new Error('this browser cannot run background work');
    // Comlink and the worker load with the first job, not with the app's first screen.
    const { startEngineWorker } = await import('./worker');
    return startEngineWorker();
  });
  return shared;
}
