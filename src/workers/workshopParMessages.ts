/** The messages of the workshop's par searches (par under other weights, par from here). */
import type { ParFromInput } from './workshopParJob';

export interface WorkshopParRequest {
  id: number;
  kind: 'parFrom';
  /** The scenario as JSON text. */
  scenarioJson: string;
  input: ParFromInput;
}

export type WorkshopParResponse =
  | { id: number; ok: true; kind: 'parFrom'; plan: { slots: string[][] }; score: number }
  | { id: number; ok: false; message: string };
