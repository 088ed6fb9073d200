/** The application store: one zustand store from a factory, in slices. */
export { createAppStore, type AppStore, type AppStoreOptions } from './createAppStore';
export { expectedOutcome, listScenarios, selectScenario } from './derived';
export type { NoticeKind, StorageNotice } from './noticesSlice';
export {
  BACKUP_FILE_FORMAT,
  isBackupFile,
  makeBackupFile,
  readBackupFile,
  type BackupFile,
} from './backupFile';
export type { RestoreResult } from './savedDataSlice';
export type { BackupInfo, Held, WatchStorage } from './saving';
export type { ComputePar, ParEntry } from './parSlice';
export {
  PERSIST_MIGRATIONS,
  PERSIST_NAME,
  PERSIST_VERSION,
  PERSIST_VERSIONS,
  migratePersisted,
} from './persistence';
export {
  HISTORY_LIMIT,
  VARIANT_NAME_MAX,
  activeVariantOf,
  defaultPlans,
  historyKey,
  nextVariantName,
  planOf,
  scenarioPlansOf,
  type History,
  type ScenarioPlans,
  type Variant,
} from './plansSlice';
export {
  DEFAULT_PREFERENCES,
  showsProjectionWhilePlanning,
  type Preferences,
  type ProjectionVisibility,
} from './preferencesSlice';
export {
  activePlaysOf,
  livePlays,
  randomSeed,
  type PlayHistory,
  type PlayRecord,
} from './playsSlice';
export {
  AppStoreProvider,
  useAppStore,
  useAppStoreApi,
  useOutcome,
  useActiveVariant,
  usePlan,
  useScenarioPlans,
  useVariantNames,
  type VariantName,
  useCatalog,
  useLibraryListings,
  useScenario,
  useScenarioListings,
} from './react';
export { summarizeCatalog, summarizeScenario } from './summary';
export {
  freeScenarioId,
  importImpact,
  sameScenario,
  type ImportConflict,
  type ImportImpact,
  type ImportOptions,
  type ImportResult,
} from './scenariosSlice';
export {
  DEFAULT_WORKSHOP,
  MAX_TEAM_PLANS,
  MAX_WORLDS,
  TEAM_NAME_MAX,
  activeWorkshopFor,
  mergeWorlds,
  roundGameOf,
  roundsPlayFor,
  soloPlayFor,
  timerRemainingMs,
  withCommitted,
  workshopWeightsFor,
  type TeamPlanInput,
  type WorldPlayed,
  type RoundGame,
  type TimerState,
  type Workshop,
} from './workshopSlice';
export type { AppState } from './state';
export type * from './types';
export {
  relayAddress,
  roomSettingsOf,
  sameOriginRelay,
  type RoomIdentity,
  type RoomLive,
  type RoomTeam,
} from './roomSlice';
