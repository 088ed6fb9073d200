/** A tooltip body in the app's colours, values formatted by the chart's formatter. */
import type { ValueFormat } from './types';

interface TooltipEntry {
  name?: string | number;
  value?: unknown;
  dataKey?: unknown;
}

export function TooltipBody({
  active,
  payload,
  label,
  format,
  labels,
}: {
  active?: boolean;
  payload?: readonly TooltipEntry[];
  label?: string | number;
  format: ValueFormat;
  labels: Readonly<Record<string, string>>;
}) {
  if (!active || !payload || payload.length === 0) return null;
  return (
    <div className="chart-tooltip">
      {label !== undefined && <p>{label}</p>}
      {payload.map((entry, i) => {
        const key =
          typeof entry.dataKey === 'string' || typeof entry.dataKey === 'number'
            ? String(entry.dataKey)
            : String(entry.name ?? i);
        if (!(key in labels) || typeof entry.value !== 'number') return null;
        return (
          <p key={key}>
            {labels[key]}: <strong>{format(entry.value)}</strong>
          </p>
        );
      })}
    </div>
  );
}
