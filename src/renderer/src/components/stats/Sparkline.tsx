import type { ReactElement } from 'react';

/** A small line chart of the last values (oldest first), scaled to `max`; plain SVG, no library. */
export function Sparkline({ values, max, label }: { values: readonly number[]; max: number; label: string }): ReactElement {
  const width = 160;
  const height = 40;
  const top = Math.max(max, ...values, 1e-9);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - (v / top) * (height - 2) - 1).toFixed(1)}`);
  const area = points.length > 0 ? `0,${height} ${points.join(' ')} ${((values.length - 1) * step).toFixed(1)},${height}` : '';
  return (
    <svg className="sparkline" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={label}>
      {points.length > 1 ? (
        <>
          <polygon className="sparkline__area" points={area} />
          <polyline className="sparkline__line" points={points.join(' ')} />
        </>
      ) : null}
    </svg>
  );
}
