/**
 * Roadmap Dojo's simulation engine: pure, deterministic TypeScript with no React, DOM, clock or
 * `Math.random`. Data in, plain JSON out.
 */
export { ENGINE_VERSION } from './version.ts';
export {
  CONSTANT_INFO,
  CONSTANT_NAMES,
  DEFAULT_CONSTANTS,
  type Constants,
  type ConstantInfo,
} from './constants.ts';
export {
  ITEM_TYPES,
  KANO_CLASSES,
  LIMITS,
  METRICS,
  MOSCOW,
  SCHEMA_VERSION,
  scenarioSchema,
  type Anchors,
  type Item,
  type ItemType,
  type LessonCondition,
  type Metric,
  type Scenario,
  type ScenarioEvent,
  type ScenarioInput,
  type Stakeholder,
  type Urgency,
  type Vulnerability,
  type Weights,
} from './schema.ts';
export { formatPath, summarizeIssues, type Issue, type Result } from './issues.ts';
export { loadScenario, parseJsonText, MAX_SCENARIO_CHARS, type ScenarioResult } from './load.ts';
export {
  SCENARIO_MIGRATIONS,
  SCENARIO_VERSIONS,
  migrateScenario,
  type Migration,
} from './migrations.ts';
export {
  backlogIds,
  emptyPlan,
  findItem,
  fitPlan,
  placeItem,
  plannedIds,
  plansEqual,
  removeItem,
  reorderItem,
  validatePlan,
  type Placement,
  type Plan,
} from './plan.ts';
export { compile, type Compiled } from './compile.ts';
export type { Cause, CapacityTotals, EventRecord, Ledger, SlotTrace } from './core.ts';
export {
  createEvaluator,
  simulate,
  type AskOutcome,
  type ItemOutcome,
  type ItemStatus,
  type Mode,
  type ObligationOutcome,
  type Outcome,
  type SimulateOptions,
  revealedAfter,
} from './simulate.ts';
export {
  allHiddenFacts,
  drawWorld,
  effortKey,
  experimentsOf,
  hiddenEfforts,
  hiddenLikelihoods,
  likelihoodKey,
  hiddenFacts,
  revealedKey,
  type EffortOutcome,
  type HiddenFact,
  type HiddenOutcome,
  type Revealed,
} from './hidden.ts';
export { normalize, scoreMetrics, type Metrics } from './score.ts';
export { resolveAnchors, batteryAnchors } from './anchors.ts';
export { computeLenses, orderBy, mustShare, type LensName, type LensRow } from './lenses.ts';
export {
  STRATEGIES,
  forecastCapacity,
  packOrder,
  strategyPlans,
  type StrategyId,
  type StrategyInfo,
  type StrategyKind,
} from './strategies.ts';
export { slicesOf, sliceValue } from './slices.ts';
