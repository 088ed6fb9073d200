/**
 * Which runner does the debrief's heavy jobs: the engine worker by default (one for the app,
 * started on first use); tests provide one that runs the jobs in-process.
 */
import { createContext, useContext, type ReactNode } from 'react';

import { createDebriefRunner, type DebriefRunner } from '../../workers/debriefClient';

let shared: DebriefRunner | null = null;

const RunnerContext = createContext<DebriefRunner | null>(null);

export function DebriefRunnerProvider({
  runner,
  children,
}: {
  runner: DebriefRunner;
  children: ReactNode;
}) {
  return <RunnerContext.Provider value={runner}>{children}</RunnerContext.Provider>;
}

/** The runner given as a prop, else the provided one, else the app's shared worker runner. */
export function useDebriefRunner(given?: DebriefRunner): DebriefRunner {
  const provided = useContext(RunnerContext);
  const chosen = given ?? provided;
  if (chosen) return chosen;
  shared ??= createDebriefRunner();
  return shared;
}
