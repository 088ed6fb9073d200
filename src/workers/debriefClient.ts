/**
 * The main-thread side of the debrief worker: one module worker, started on first use, answering
 * requests by id. Answers are cached per scenario and input, so coming back to a debrief is
 * instant. Where workers are unavailable (tests in jsdom, a failed worker) the same job runs in
 * the page after yielding once, so the debrief still appears.
 *
 * Each answer is also recorded as a User Timing measure (`dojo:debrief:analyze`,
 * `dojo:debrief:spread`) from request to answer.
 */
import type { Scenario } from '../engine';
import type { Analysis, AnalysisInput, Spread, SpreadInput } from './debriefJob';
import type { DebriefRequest, DebriefResponse } from './debriefMessages';

export interface DebriefRunner {
  analyze: (scenario: Scenario, input: AnalysisInput) => Promise<Analysis>;
  spread: (scenario: Scenario, input: SpreadInput) => Promise<Spread>;
}

type Job =
  | { kind: 'analyze'; scenario: Scenario; input: AnalysisInput }
  | { kind: 'spread'; scenario: Scenario; input: SpreadInput };

type Result<J extends Job> = J['kind'] extends 'analyze' ? Analysis : Spread;

export const ANALYZE_MEASURE = 'dojo:debrief:analyze';
export const SPREAD_MEASURE = 'dojo:debrief:spread';

/** Runs a job in the page, after letting the browser paint. */
async function runInline(job: Job): Promise<Analysis | Spread> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  const { analyzePlay, seedSpread } = await import('./debriefJob');
  return job.kind === 'analyze'
    ? analyzePlay(job.scenario, job.input)
    : seedSpread(job.scenario, job.input);
}

function measure(name: string, start: number) {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // User Timing is a measuring aid only.
  }
}

export function createDebriefRunner(options: { useWorker?: boolean } = {}): DebriefRunner {
  const useWorker = options.useWorker ?? typeof Worker !== 'undefined';
  let worker: Worker | null = null;
  let broken = !useWorker;
  let nextId = 1;
  const pending = new Map<
    number,
    { job: Job; resolve: (value: Analysis | Spread) => void; reject: (error: Error) => void }
  >();
  const cache = new WeakMap<Scenario, Map<string, Promise<Analysis | Spread>>>();

  const start = (): Worker => {
    const created = new Worker(new URL('./debrief.worker.ts', import.meta.url), {
      type: 'module',
    });
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
      // The worker could not start or crashed: finish its work in the page from now on.
      broken = true;
      worker?.terminate();
      worker = null;
      const waiting = [...pending.values()];
      pending.clear();
      for (const request of waiting)
        runInline(request.job).then(request.resolve, (error: unknown) =>
          request.reject(error instanceof Error ? error : new Error(String(error))),
        );
    };
    return created;
  };

  const run = (job: Job): Promise<Analysis | Spread> => {
    if (broken) return runInline(job);
    return new Promise((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      pending.set(id, { job, resolve, reject });
      const request: DebriefRequest =
        job.kind === 'analyze'
          ? { id, kind: 'analyze', scenarioJson: JSON.stringify(job.scenario), input: job.input }
          : { id, kind: 'spread', scenarioJson: JSON.stringify(job.scenario), input: job.input };
      worker.postMessage(request);
    });
  };

  const cached = <J extends Job>(job: J): Promise<Result<J>> => {
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
      // A failure is not cached: asking again retries.
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
