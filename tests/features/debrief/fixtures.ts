/** Shared fixtures for the debrief tests: big-customer, its par and a plan that defers the patch. */
import type { Plan } from '../../../src/engine';
import { bakedPar, findPar } from '../../../src/engine/par';
import { shippedScenario } from '../../store/helpers';

export const big = shippedScenario('big-customer');

let par: { plan: Plan; score: number } | null = null;
/** Big-customer's par: baked when valid for this engine, else searched (once per file). */
export function bigPar(): { plan: Plan; score: number } {
  par ??= bakedPar(big) ?? findPar(big);
  return par;
}

/** A plausible plan that defers the critical PDF patch to Q3 and chases the hyped feature. */
export const deferredPatch: Plan = {
  slots: [
    ['dark-mode', 'ai-assistant', 'bulk-edit'],
    ['user-model', 'sso'],
    ['patch-pdf'],
    ['db-migration'],
  ],
};
