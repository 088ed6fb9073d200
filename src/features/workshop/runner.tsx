/**
 * Which runner does the workshop's par searches: the engine worker by default (one for the app,
 * started on first use); tests provide one that searches in-process.
 */
import { createContext, useContext, type ReactNode } from 'react';

import { createWorkshopParRunner, type WorkshopParRunner } from '../../workers/workshopParClient';

let shared: WorkshopParRunner | null = null;

const RunnerContext = createContext<WorkshopParRunner | null>(null);

export function WorkshopParProvider({
  runner,
  children,
}: {
  runner: WorkshopParRunner;
  children: ReactNode;
}) {
  return <RunnerContext.Provider value={runner}>{children}</RunnerContext.Provider>;
}

/** The provided runner, else the app's shared worker runner. */
export function useWorkshopParRunner(): WorkshopParRunner {
  const provided = useContext(RunnerContext);
  if (provided) return provided;
  shared ??= createWorkshopParRunner();
  return shared;
}
