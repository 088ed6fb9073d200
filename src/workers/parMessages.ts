/** The messages exchanged with the par worker: plain JSON only. */
export interface ParRequest {
  id: number;
  /** The scenario as JSON text. */
  scenarioJson: string;
}

export type ParResponse =
  | { id: number; ok: true; plan: { slots: string[][] }; score: number }
  | { id: number; ok: false; message: string };
