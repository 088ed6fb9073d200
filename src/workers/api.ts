/**
 * The engine's off-thread jobs: one API object that the engine worker exposes (engine.worker.ts,
 * through Comlink) and that tests run in-process (inProcess.ts). The app calls it only through the
 * gateway (gateway.ts), which owns the worker and caches the answers.
 *
 * A job is a pure function of plain JSON: the scenario arrives as JSON text and goes through the
 * engine's one loading path; the input and the answer are plain JSON too, so the same call gives
 * the same answer (the gateway caches on that). Adding a job is one entry below: write
 * `(scenario, input) => answer` in its own module and wrap it with `job`; the gateway, the worker
 * and the in-process runner pick it up from this object's type.
 */
import { loadScenario, type Scenario } from '../engine';
import { analyzePlay, seedSpread } from './debriefJob';
import { commitGradeFor, parFor } from './parJob';

/** A job as the worker runs it: the scenario as JSON text, then the job's input. */
export type EngineJob<I = never, R = unknown> = (scenarioJson: string, input: I) => R;

/** Turns `(scenario, input) => answer` into a job that first loads the scenario from JSON text. */
export function job<I, R>(run: (scenario: Scenario, input: I) => R): EngineJob<I, R> {
  return (scenarioJson, input) => {
    const loaded = loadScenario(scenarioJson);
    if (!loaded.ok) {
      const first = loaded.issues[0];
      throw new Error(
        `the scenario did not load${first ? ` (${first.path}: ${first.message})` : ''}`,
      );
    }
    return run(loaded.scenario, input);
  };
}

export const engineApi = {
  /**
   * Par for the board (input `{}`: the scenario's own weights), under a workshop's weights, or
   * from the slots already played. Baked par is used when it is valid for the input.
   */
  par: job(parFor),
  /**
   * One commit of a round-by-round game, graded by decision quality: its expected score against
   * the best commit available with what was known when it was made.
   */
  commit: job(commitGradeFor),
  /** The debrief: counterfactuals, luck, the framework lenses and the strategy battery. */
  analyze: job(analyzePlay),
  /** The spread of seeded scores of a plan and of par, on the same seeds. */
  spread: job(seedSpread),
};

export type EngineApi = typeof engineApi;
