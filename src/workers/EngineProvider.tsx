/**
 * Hands the engine gateway to React screens. The app provides its one gateway (one worker for the
 * whole app); tests provide one that runs the jobs in-process. Without a provider, screens use
 * the app's gateway.
 */
import { createContext, useContext, type ReactNode } from 'react';

import { engineGateway, type EngineGateway } from './gateway';

const EngineContext = createContext<EngineGateway | null>(null);

export function EngineProvider({
  gateway,
  children,
}: {
  gateway: EngineGateway;
  children: ReactNode;
}) {
  return <EngineContext.Provider value={gateway}>{children}</EngineContext.Provider>;
}

/** The provided gateway, or null when no provider is above (the app then uses its own). */
export function useProvidedEngine(): EngineGateway | null {
  return useContext(EngineContext);
}

/** The engine gateway for this screen: the provided one, else the app's. */
export function useEngine(): EngineGateway {
  return useContext(EngineContext) ?? engineGateway();
}
