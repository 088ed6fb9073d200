/**
 * The workshop's hooks: the clock for the timer, par under the workshop's weights (or from here),
 * and the settings in use (saved, or a first draft with its own dice).
 */
import { entryOf } from '../../engine/ids';
import { useEffect, useMemo, useState } from 'react';

import type { Plan, Scenario } from '../../engine';
import {
  defaultWorkshopSettings,
  encodeWorkshop,
  workshopWeights,
  type WorkshopSettings,
} from '../../engine/workshop';
import { randomSeed, useAppStore, useScenarioListings, type ParEntry } from '../../store';
import type { ParInput } from '../../workers/parJob';
import { useEngine } from '../../workers/EngineProvider';
import { appUrl } from '../../components/browser';

/** The current time (epoch ms), refreshed every `intervalMs` while `running`. */
export function useNow(running: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, intervalMs);
    return () => clearInterval(timer);
  }, [running, intervalMs]);
  return now;
}

/**
 * Par for the workshop: the board's par (baked or searched once for the app) when grading with
 * the scenario's own weights over the whole year; otherwise searched in the engine worker for
 * these weights, or from the slots already played. `input` null: nothing to search.
 */
export function useWorkshopPar(
  scenario: Scenario | null,
  input: ParInput | null,
  ownWeights: boolean,
): ParEntry | undefined {
  const engine = useEngine();
  const useStorePar = ownWeights && (input?.frozenSlots ?? 0) === 0;
  const storePar = useAppStore((s) => (scenario ? entryOf(s.par, scenario.id) : undefined));
  const requestPar = useAppStore((s) => s.requestPar);
  useEffect(() => {
    if (scenario && useStorePar) requestPar(scenario);
  }, [scenario, useStorePar, requestPar]);

  const key = scenario && input && !useStorePar ? `${scenario.id}:${JSON.stringify(input)}` : null;
  const [answer, setAnswer] = useState<{ key: string; entry: ParEntry } | null>(null);
  useEffect(() => {
    if (key === null || !scenario || !input) return;
    let live = true;
    engine.par(scenario, input).then(
      (found) => {
        if (live) setAnswer({ key, entry: { status: 'ready', ...found, source: 'search' } });
      },
      (error: unknown) => {
        if (live)
          setAnswer({
            key,
            entry: {
              status: 'failed',
              message: error instanceof Error ? error.message : String(error),
            },
          });
      },
    );
    return () => {
      live = false;
    };
    // `input` is described by `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, engine, scenario]);
  if (useStorePar) return storePar;
  if (key === null) return undefined;
  return answer?.key === key ? answer.entry : { status: 'computing' };
}

/** A plan that beats par becomes the par shown (as the board does for the scenario's par). */
export function parOrBetter(par: ParEntry | undefined, plan: Plan, score: number) {
  if (par?.status === 'ready' && score > par.score + 1e-6)
    return { status: 'ready' as const, plan, score, source: 'yours' as const };
  return par;
}

/**
 * The workshop settings in use: the saved ones, or a first draft for the first scenario in the
 * library (with dice of its own, kept for the page's life) until the facilitator saves a change.
 */
export function useWorkshopDraft(): {
  settings: WorkshopSettings | null;
  scenario: Scenario | null;
  saved: boolean;
} {
  const saved = useAppStore((s) => s.workshop.settings);
  const listings = useScenarioListings();
  const [seed] = useState(randomSeed);
  return useMemo(() => {
    const fromSaved = saved
      ? listings.find((l) => l.scenario.id === saved.scenarioId)?.scenario
      : undefined;
    if (saved && fromSaved) return { settings: saved, scenario: fromSaved, saved: true };
    const first = listings[0]?.scenario;
    if (!first) return { settings: null, scenario: null, saved: false };
    return { settings: defaultWorkshopSettings(first, seed), scenario: first, saved: false };
  }, [saved, listings, seed]);
}

/** The weights the settings grade with, and whether they are the scenario's own. */
export function useWeights(scenario: Scenario | null, settings: WorkshopSettings | null) {
  return useMemo(() => {
    if (!scenario || !settings) return null;
    const weights = workshopWeights(scenario, settings);
    return { weights, own: settings.preset === 'balanced' };
  }, [scenario, settings]);
}

/** Memoizes a plan grader by plan identity (plans in the store are immutable). */
export function memoByPlan<T>(grade: (plan: Plan) => T): (plan: Plan) => T {
  const cache = new WeakMap<Plan, T>();
  return (plan) => {
    let hit = cache.get(plan);
    if (hit === undefined) {
      hit = grade(plan);
      cache.set(plan, hit);
    }
    return hit;
  };
}

/** The workshop link for teams: the settings, and the scenario itself when it was imported. */
export function useWorkshopLink(
  settings: WorkshopSettings | null,
  scenario: Scenario | null,
  joinPath: (token: string) => string,
): string | null {
  const imported = useAppStore((s) =>
    scenario ? s.imported.some((i) => i.scenario.id === scenario.id) : false,
  );
  return useMemo(() => {
    if (!settings || !scenario) return null;
    const token = encodeWorkshop(settings, imported ? { scenario } : {});
    return appUrl(joinPath(token));
  }, [settings, scenario, imported, joinPath]);
}
