/**
 * New versions of the app. The service worker (vite-plugin-pwa, `registerType: 'prompt'`) downloads
 * a new build in the background and keeps it waiting: code never changes under an open plan. This
 * module tells the page when one is waiting, so it can say so, and applies it when the user asks:
 * the waiting worker takes over and the page reloads.
 *
 * When another tab applied the update, this tab is told too, but never reloaded under the user
 * (a note being typed would be lost): it asks them to reload.
 */
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

export type UpdateStatus =
  /** Running the newest version known. */
  | 'current'
  /** A new version is downloaded and waiting. */
  | 'waiting'
  /** Another tab switched to a new version; this one still runs the old code. */
  | 'elsewhere';

export interface AppUpdates {
  status: () => UpdateStatus;
  subscribe: (listener: () => void) => () => void;
  /** Switches to the waiting version and reloads this page. */
  update: () => void;
}

/** vite-plugin-pwa's `registerSW` (from `virtual:pwa-register`). */
export type RegisterSW = (options?: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

/** How often a page that stays open asks whether a new version was deployed. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export function registerAppUpdates(
  registerSW: RegisterSW,
  reload: () => void = () => window.location.reload(),
): AppUpdates {
  let status: UpdateStatus = 'current';
  let requested = false;
  const listeners = new Set<() => void>();
  const set = (next: UpdateStatus) => {
    status = next;
    for (const listener of listeners) listener();
  };
  const apply = registerSW({
    onNeedRefresh: () => set('waiting'),
    // The new version took over: reload if this tab asked for it, else ask the user to.
    onNeedReload: () => (requested ? reload() : set('elsewhere')),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      window.setInterval(() => void registration.update().catch(() => {}), CHECK_EVERY_MS);
    },
  });
  return {
    status: () => status,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update: () => {
      if (status === 'elsewhere') {
        reload();
        return;
      }
      requested = true;
      void apply(true);
    },
  };
}
