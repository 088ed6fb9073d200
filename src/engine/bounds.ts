/**
 * Upper bounds on the numbers a scenario file may hold. A hostile or mistyped file (capacity
 * `1e308`) would otherwise overflow the model to Infinity or NaN and show "Capacity Infinity";
 * the schema refuses it instead, naming the field. Each bound leaves orders of magnitude of room
 * above any realistic scenario (the shipped ones stay below a thousandth of it).
 */
export const BOUNDS = {
  /** Dollars: ARR, penalties, fees, losses (a trillion). */
  money: 1e12,
  /** Points of effort, debt, or capacity per slot. */
  points: 10_000,
  /** Users or accounts touched (RICE reach). */
  reach: 1e9,
  /** Minutes of downtime (a year). */
  minutes: 525_600,
  /** A model constant override. */
  constant: 1e6,
  /** A metric value in an anchor or a lesson condition (dollars at most). */
  metric: 1e15,
} as const;

/** A bound as people read it: "10,000", "1,000,000,000,000". */
export function formatBound(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}
