/**
 * React bindings: a provider for one store instance and narrow hooks over it.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';

import type { Outcome, Plan, Scenario } from '../engine';
import type { AppStore } from './createAppStore';
import { expectedOutcome, listScenarios, selectScenario } from './derived';
import {
  activeVariantOf,
  planOf,
  scenarioPlansOf,
  type ScenarioPlans,
  type Variant,
} from './plansSlice';
import type { AppState } from './state';
import type { ScenarioListing } from './types';

const AppStoreContext = createContext<AppStore | null>(null);

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <AppStoreContext.Provider value={store}>{children}</AppStoreContext.Provider>;
}

/** The store instance (for actions and imperative reads in event handlers). */
export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore: wrap the app in <AppStoreProvider>.');
  return store;
}

/** Selects from the store; re-renders only when the selected value changes (`Object.is`). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}

export function useScenario(scenarioId: string): Scenario | null {
  return useAppStore((state) => selectScenario(state, scenarioId));
}

export function useScenarioListings(): ScenarioListing[] {
  const catalog = useAppStore((state) => state.catalog);
  const imported = useAppStore((state) => state.imported);
  return useMemo(() => listScenarios(catalog, imported), [catalog, imported]);
}

/** A scenario's variants and which one is active. */
export function useScenarioPlans(scenario: Scenario): ScenarioPlans {
  return useAppStore((state) => scenarioPlansOf(state, scenario));
}

/** The active variant (plan and notes) of a scenario. */
export function useActiveVariant(scenario: Scenario): Variant {
  return useAppStore((state) => activeVariantOf(state, scenario));
}

/** The scenario's current (active) plan. */
export function usePlan(scenario: Scenario): Plan {
  return useAppStore((state) => planOf(state, scenario));
}

/** The expected outcome of a plan, memoized by plan identity. */
export function useOutcome(scenario: Scenario, plan: Plan): Outcome {
  return useMemo(() => expectedOutcome(scenario, plan), [scenario, plan]);
}
