/** One icon per work type, so type never rests on colour alone (the label is always beside it). */
import type { ItemType } from '../../engine';

const PATHS: Record<ItemType, string> = {
  // A sparkle: something new for customers.
  feature: 'M8 1.75l1.6 4.65L14.25 8 9.6 9.6 8 14.25 6.4 9.6 1.75 8 6.4 6.4z',
  // A wrench: paying down debt.
  debt: 'M10.5 2.25a3.25 3.25 0 00-3.1 4.25L2.5 11.4a1.48 1.48 0 002.1 2.1l4.9-4.9a3.25 3.25 0 004.25-3.1l-1.9 1.9-1.9-.5-.5-1.9z',
  // A shield: security.
  security: 'M8 1.75l5.25 2v4c0 3.1-2.2 5.4-5.25 6.5C4.95 13.15 2.75 10.85 2.75 7.75v-4z',
  // Rising bars: scalability.
  scale: 'M2.5 13.5h11M4 13.5V9.5M8 13.5V6.5M12 13.5V3',
  // A document with a check: compliance.
  compliance: 'M4 1.75h5.5l2.5 2.5v10H4zM6 9l1.5 1.5L10.5 7.5',
  // A gear-like cog: operations.
  ops: 'M8 5.25a2.75 2.75 0 100 5.5 2.75 2.75 0 000-5.5zM8 1.75v1.5M8 12.75v1.5M1.75 8h1.5M12.75 8h1.5M3.6 3.6l1.05 1.05M11.35 11.35l1.05 1.05M3.6 12.4l1.05-1.05M11.35 4.65l1.05-1.05',
};

export function TypeIcon({ type }: { type: ItemType }) {
  return (
    <svg
      className="icon type-icon"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[type]} />
    </svg>
  );
}
