/**
 * The shape of the whole store: the intersection of its slices. A new slice (the debrief, the
 * workshop) adds its type here and its creator in `createAppStore.ts`.
 */
import type { NoticesSlice } from './noticesSlice';
import type { ParSlice } from './parSlice';
import type { PlansSlice } from './plansSlice';
import type { PlaysSlice } from './playsSlice';
import type { PreferencesSlice } from './preferencesSlice';
import type { RoomSlice } from './roomSlice';
import type { SavedDataSlice } from './savedDataSlice';
import type { ScenariosSlice } from './scenariosSlice';
import type { WorkshopSlice } from './workshopSlice';

export type AppState = ScenariosSlice &
  PlansSlice &
  PreferencesSlice &
  ParSlice &
  NoticesSlice &
  PlaysSlice &
  WorkshopSlice &
  SavedDataSlice &
  RoomSlice;
