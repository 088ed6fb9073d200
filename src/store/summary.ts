/** A scenario's summary and a catalog's index: the engine's (the build-time index uses them too). */
export { summarizeCatalog, summarizeScenario } from '../engine/catalog.ts';
