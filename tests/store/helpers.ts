/** A fresh store per test over jsdom's localStorage, with the shipped scenarios. */
import { shippedCatalog } from '../support/shippedCatalog';
import type { Scenario } from '../../src/engine';
import { createAppStore, type AppStoreOptions, type StorageNotice } from '../../src/store';

export function shippedScenario(id: string): Scenario {
  for (const entry of shippedCatalog)
    if (entry.ok && entry.scenario.id === id) return entry.scenario;
  throw new Error(`no shipped scenario ${id}`);
}

export const FIXED_NOW = '2026-11-22T10:00:00.000Z';

export function freshStore(options: Partial<AppStoreOptions> = {}) {
  return createAppStore({
    catalog: shippedCatalog,
    now: () => FIXED_NOW,
    watchStorage: null,
    ...options,
  });
}

/** The raw saved state, parsed. */
export function saved(name = 'roadmap-dojo'): { state: Record<string, unknown>; version: number } {
  const raw = localStorage.getItem(name);
  if (raw === null) throw new Error('nothing saved');
  return JSON.parse(raw) as { state: Record<string, unknown>; version: number };
}

/** The first notice about saved data, or null (most tests expect at most one). */
export function firstNotice(state: { notices: readonly StorageNotice[] }): StorageNotice | null {
  return state.notices[0] ?? null;
}
