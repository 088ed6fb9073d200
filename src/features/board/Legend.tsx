/**
 * What the board's bars mean: the capacity bar's segments, the load bar and its marker, and the
 * timeline on each planned card. Open on wide screens; folded on phones, where space is short.
 */
import { memo } from 'react';

export const Legend = memo(function Legend({ open }: { open: boolean }) {
  return (
    <details className="board-legend" open={open} data-testid="board-legend">
      <summary>What the bars mean</summary>
      <div className="legend-body">
        <p className="legend-group">
          <span className="legend-title">Capacity</span>
          <span className="legend-key">
            <span className="swatch seg-effective" aria-hidden="true" /> effective
          </span>
          <span className="legend-key">
            <span className="swatch seg-ktlo" aria-hidden="true" /> keep-the-lights-on
          </span>
          <span className="legend-key">
            <span className="swatch seg-firefighting" aria-hidden="true" /> firefighting
          </span>
          <span className="legend-key">
            <span className="swatch seg-drag" aria-hidden="true" /> debt drag (hatched)
          </span>
        </p>
        <p className="legend-group">
          <span className="legend-title">Load</span>
          <span className="legend-key">
            <span className="swatch load" aria-hidden="true" /> work queued
          </span>
          <span className="legend-key">
            <span className="swatch load-over" aria-hidden="true" /> over capacity
          </span>
          <span className="legend-key">
            <span className="swatch swatch-marker" aria-hidden="true" /> effective capacity
          </span>
        </p>
        <p className="legend-group">
          <span className="legend-title">Cards</span>
          <span className="legend-key">
            <span className="swatch swatch-timeline" aria-hidden="true" /> when it runs in its slot
            (the top cards start together, one per work stream; the next as one frees up)
          </span>
          <span className="legend-key">
            <span className="swatch swatch-timeline runs-over" aria-hidden="true" /> runs into a
            later slot
          </span>
        </p>
      </div>
    </details>
  );
});
