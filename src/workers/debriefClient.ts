/**
 * The main-thread side of the debrief's heavy jobs. They run in the engine worker the par search
 * uses (par.worker.ts, one bundle of the engine; this runner starts its own instance on first
 * use) and answer by id. Answers are cached per scenario and input, so coming back to a debrief
 * is instant; a failure is not cached, so asking again retries. Where workers are unavailable
 * every request rejects, unless the caller supplies its own `run` (tests run the jobs in-process).
 *
 * Each answer is recorded as a User Timing measure (`dojo:debrief:analyze`,
 * `dojo:debrief:spread`) from request to answer.
 */
import type { Scenario } from '../engine';
import type { Analysis, AnalysisInput, Spread, SpreadInput } from './debriefJob';
import type { DebriefRequest, DebriefResponse } from './debriefMessages';

export interface DebriefRunner {
  analyze: (scenario: Scenario, input: AnalysisInput) => Promise<Analysis>;
  spread: (scenario: Scenario, input: SpreadInput) => Promise<Spread>;
}

export type DebriefJob =
  | { kind: 'analyze'; scenario: Scenario; input: AnalysisInput }
  | { kind: 'spread'; scenario: Scenario; input: SpreadInput };

type Result<J extends DebriefJob> = J['kind'] extends 'analyze' ? Analysis : Spread;

export const ANALYZE_MEASURE = 'dojo:debrief:analyze';
export const SPREAD_MEASURE = 'dojo:debrief:spread';

function measure(name: string, start: number) {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // User Timing is a measuring aid only.
  }
}

/** Runs jobs in one engine worker, started on first use. */
function workerRun(): (job: DebriefJob) => Promise<Analysis | Spread> {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (value: Analysis | Spread) => void; reject: (error: Error) => void }
  >();
  const start = (): Worker => {
    const created = new Worker(new URL('./par.worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<DebriefResponse>) => {
      const answer = event.data;
      const request = pending.get(answer.id);
      if (!request) return;
      pending.delete(answer.id);
      if (answer.ok) request.resolve(answer.result);
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
  return (job) =>
    new Promise((resolve, reject) => {
      if (typeof Worker === 'undefined') {
        reject(new Error('this browser cannot run background work'));
        return;
      }
      worker ??= start();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const scenarioJson = JSON.stringify(job.scenario);
      const request: DebriefRequest =
        job.kind === 'analyze'
          ? { id, kind: 'analyze', scenarioJson, input: job.input }
          : { id, kind: 'spread', scenarioJson, input: job.input };
      worker.postMessage(request);
    });
}

export function createDebriefRunner(
  options: { run?: (job: DebriefJob) => Promise<Analysis | Spread> } = {},
): DebriefRunner {
  const run = options.run ?? workerRun();
  const cache = new WeakMap<Scenario, Map<string, Promise<Analysis | Spread>>>();

  const cached = <J extends DebriefJob>(job: J): Promise<Result<J>> => {
    let byInput = cache.get(job.scenario);
    if (!byInput) {
      byInput = new Map();
      cache.set(job.scenario, byInput);
    }
    const key = `${job.kind}:${JSON.stringify(job.input)}`;
    let answer = byInput.get(key);
    if (!answer) {
      const started = performance.now();
      answer = run(job).then((result) => {
        measure(job.kind === 'analyze' ? ANALYZE_MEASURE : SPREAD_MEASURE, started);
        return result;
      });
      answer.catch(() => byInput.delete(key));
      byInput.set(key, answer);
    }
    return answer as Promise<Result<J>>;
  };

  return {
    analyze: (scenario, input) => cached({ kind: 'analyze', scenario, input }),
    spread: (scenario, input) => cached({ kind: 'spread', scenario, input }),
  };
}
