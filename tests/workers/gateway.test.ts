/**
 * The one gateway to the engine worker: answers cached per scenario and input, failures not
 * cached, errors and crashes rejecting with a clear message, and a fresh worker after a crash.
 * The worker side runs through Comlink over a MessageChannel (a stand-in for a Worker whose crash
 * the test can trigger), so the same client code is exercised as in the browser.
 */
import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';

import type { Scenario } from '../../src/engine';
import { engineApi } from '../../src/workers/api';
import { MEASURE_PREFIX, createGateway, engineGateway } from '../../src/workers/gateway';
import { createInProcessGateway, inProcessConnection } from '../../src/workers/inProcess';
import { connectWorker, type WorkerLike } from '../../src/workers/worker';
import { shipped } from '../engine/helpers';

const tutorial = shipped('tutorial');

/** A small job API: what the test needs to count, fail and stall. */
function testApi() {
  const calls: string[] = [];
  let failures = 0;
  return {
    calls,
    failNext: (n: number) => {
      failures = n;
    },
    api: {
      describe: (scenarioJson: string, input: { n: number }) => {
        calls.push(`describe:${input.n}`);
        if (failures > 0) {
          failures -= 1;
          throw new Error(`could not describe ${input.n}`);
        }
        const scenario = JSON.parse(scenarioJson) as Scenario;
        return { id: scenario.id, n: input.n * 2 };
      },
      stall: (_scenarioJson: string, _input: null) => new Promise<never>(() => {}),
    },
  };
}
type TestApi = ReturnType<typeof testApi>['api'];

/** A Worker stand-in: Comlink's expose on one end of a channel; `crash` fires an error event. */
function fakeWorker(api: object) {
  const { port1, port2 } = new MessageChannel();
  expose(api, port2);
  const errorListeners = new Set<EventListenerOrEventListenerObject>();
  const state = { terminated: false };
  const worker: WorkerLike & { crash: (message: string) => void } = {
    postMessage: (message: unknown, transfer?: Transferable[]) =>
      port1.postMessage(message, transfer ?? []),
    addEventListener: (type: string, listener: EventListenerOrEventListenerObject) => {
      if (type === 'message') port1.addEventListener('message', listener);
      else errorListeners.add(listener);
    },
    removeEventListener: (type: string, listener: EventListenerOrEventListenerObject) => {
      if (type === 'message') port1.removeEventListener('message', listener);
      else errorListeners.delete(listener);
    },
    start: () => port1.start(),
    terminate: () => {
      state.terminated = true;
      port1.close();
      port2.close();
    },
    crash: (message: string) => {
      const event = Object.assign(new Event('error', { cancelable: true }), { message });
      for (const listener of errorListeners)
        if (typeof listener === 'function') listener(event);
        else listener.handleEvent(event);
    },
  };
  opened.push(worker);
  return { worker, state };
}

const opened: WorkerLike[] = [];
afterEach(() => {
  for (const worker of opened.splice(0)) worker.terminate();
});

describe('the engine gateway', () => {
  it('answers the same scenario and input from its cache, and measures each answer', async () => {
    performance.clearMeasures();
    const { api, calls } = testApi();
    const gateway = createGateway<TestApi>(() => inProcessConnection(api));
    const first = gateway.describe(tutorial, { n: 2 });
    expect(gateway.describe(tutorial, { n: 2 })).toBe(first);
    await expect(first).resolves.toEqual({ id: 'tutorial', n: 4 });
    await gateway.describe(tutorial, { n: 3 });
    // Another scenario object is another cache entry, even with the same input.
    await gateway.describe({ ...tutorial }, { n: 2 });
    expect(calls).toEqual(['describe:2', 'describe:3', 'describe:2']);
    expect(performance.getEntriesByName(`${MEASURE_PREFIX}describe`)).toHaveLength(3);
  });

  it('does not cache a failure: asking again runs the job again', async () => {
    const { api, calls, failNext } = testApi();
    const gateway = createGateway<TestApi>(() => inProcessConnection(api));
    failNext(1);
    await expect(gateway.describe(tutorial, { n: 5 })).rejects.toThrow('could not describe 5');
    await expect(gateway.describe(tutorial, { n: 5 })).resolves.toEqual({ id: 'tutorial', n: 10 });
    expect(calls).toEqual(['describe:5', 'describe:5']);
  });

  it('runs jobs in a worker through Comlink, with the job’s own error message', async () => {
    const { api, failNext } = testApi();
    let started = 0;
    const gateway = createGateway<TestApi>(() => {
      started += 1;
      return connectWorker(fakeWorker(api).worker);
    });
    await expect(gateway.describe(tutorial, { n: 1 })).resolves.toEqual({ id: 'tutorial', n: 2 });
    failNext(1);
    await expect(gateway.describe(tutorial, { n: 7 })).rejects.toThrow('could not describe 7');
    await expect(gateway.describe(tutorial, { n: 7 })).resolves.toEqual({ id: 'tutorial', n: 14 });
    // One worker for all of it.
    expect(started).toBe(1);
  });

  it('rejects pending calls when the worker crashes, and starts a new worker on the next call', async () => {
    const { api } = testApi();
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const gateway = createGateway<TestApi>(() => {
      const made = fakeWorker(api);
      workers.push(made);
      return connectWorker(made.worker);
    });
    const pending = gateway.stall(tutorial, null);
    const alsoPending = gateway.describe({ ...tutorial }, { n: 0 }).catch(() => 'settled');
    await Promise.resolve();
    workers[0]!.worker.crash('out of memory');
    await expect(pending).rejects.toThrow(
      'the background worker stopped unexpectedly: out of memory. Try again to start a new one.',
    );
    await alsoPending;
    expect(workers[0]!.state.terminated).toBe(true);

    // The retry goes to a new worker and is answered; the crash was not cached.
    await expect(gateway.describe(tutorial, { n: 4 })).resolves.toEqual({ id: 'tutorial', n: 8 });
    expect(workers).toHaveLength(2);
    expect(workers[1]!.state.terminated).toBe(false);
  });

  it('rejects every call where there are no workers, and retries the next time', async () => {
    expect(typeof Worker).toBe('undefined');
    const gateway = engineGateway();
    expect(engineGateway()).toBe(gateway);
    await expect(gateway.par(tutorial, {})).rejects.toThrow(
      'this browser cannot run background work',
    );
    await expect(gateway.par(tutorial, {})).rejects.toThrow(
      'this browser cannot run background work',
    );
  });

  it('names a job the engine does not have, and is never mistaken for a promise', async () => {
    const gateway = createInProcessGateway();
    expect((gateway as unknown as { then?: unknown }).then).toBeUndefined();
    const missing = (gateway as unknown as Record<string, typeof gateway.par>)['nope']!;
    await expect(missing(tutorial, {})).rejects.toThrow('the engine has no job "nope"');
    expect(Object.keys(engineApi).sort()).toEqual(['analyze', 'commit', 'par', 'spread']);
  });
});
