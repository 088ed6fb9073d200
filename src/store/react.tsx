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
import { summarizeScenario } from './summary';
import type { CatalogEntry, ScenarioListing, ScenarioSummaryListing } from './types';

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

/**
 * Waits (suspends) until the shipped scenarios are loaded; a no-op once they are. Every hook that
 * needs a scenario itself calls it, so screens need no loading logic of their own: the nearest
 * Suspense boundary shows its fallback, and a failed load reaches the error boundary.
 */
function useCatalogLoaded(): void {
  const store = useAppStoreApi();
  const ready = useStore(store, (state) => state.catalogReady);
  if (ready) return;
  // Suspend by throwing the loading promise rather than `use()`: React then renders the screen
  // afresh once it settles. (A `use()` that is skipped when React replays the suspended render,
  // because the catalog has arrived by then, breaks the replay of the hooks after it.)
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- Suspense's contract
  throw store.getState().ensureCatalog();
} /** The shipped catalog entries (suspends until loaded). */
export function useCatalog(): readonly CatalogEntry[] {
  useCatalogLoaded();
  return useAppStore((state) => state.catalog);
}

/** A playable scenario by id, or null when unknown (suspends until the catalog is loaded). */
export function useScenario(scenarioId: string): Scenario | null {
  useCatalogLoaded();
  return useAppStore((state) => selectScenario(state, scenarioId));
}

/** Every playable scenario, shipped then imported (suspends until the catalog is loaded). */
export function useScenarioListings(): ScenarioListing[] {
  useCatalogLoaded();
  const catalog = useAppStore((state) => state.catalog);
  const imported = useAppStore((state) => state.imported);
  return useMemo(() => listScenarios(catalog, imported), [catalog, imported]);
}

/**
 * What the library lists: shipped scenarios from the catalog's index (no loading needed), then
 * imported ones.
 */
export function useLibraryListings(): ScenarioSummaryListing[] {
  const index = useAppStore((state) => state.catalogIndex);
  const imported = useAppStore((state) => state.imported);
  return useMemo(
    () => [
      ...index.flatMap((entry) =>
        entry.ok ? [{ summary: entry.summary, source: 'shipped' as const }] : [],
      ),
      ...imported.map((entry) => ({
        summary: summarizeScenario(entry.scenario),
        source: 'imported' as const,
      })),
    ],
    [index, imported],
  );
}

/** A scenario's variants and which one is active. */
export function useScenarioPlans(scenario: Scenario): ScenarioPlans {
  return useAppStore((state) => scenarioPlansOf(state, scenario));
}

/** A variant's id and name, without its plan. */
export interface VariantName {
  id: string;
  name: string;
}

/**
 * The scenario's variants by id and name, and the active one's id: the same objects until a
 * variant is added, renamed, removed or switched to (moving a card changes none of them).
 */
export function useVariantNames(scenario: Scenario): {
  activeId: string;
  variants: VariantName[];
} {
  const key = useAppStore((state) => {
    const plans = scenarioPlansOf(state, scenario);
    return JSON.stringify([plans.activeId, plans.variants.map((v) => [v.id, v.name])]);
  });
  return useMemo(() => {
    const [activeId, variants] = JSON.parse(key) as [string, [string, string][]];
    return { activeId, variants: variants.map(([id, name]) => ({ id, name })) };
  }, [key]);
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
