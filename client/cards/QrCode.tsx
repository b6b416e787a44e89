import { useMemo } from 'react';
import { qrRuns } from './qrRuns';

/** The white margin every reader needs around the code, in modules. */
const QUIET_ZONE = 4;

/**
 * A QR code drawn as SVG rectangles: sharp at any size, on screen and on paper, and nothing for
 * the CSP to refuse (no canvas, no data: URL).
 */
export const QrCode = ({ text, label }: { text: string; label: string }) => {
  const { size, runs } = useMemo(() => qrRuns(text), [text]);
  const full = size + 2 * QUIET_ZONE;
  return (
    <svg
      className="qr"
      viewBox={`0 0 ${full} ${full}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={full} height={full} fill="#ffffff" />
      {runs.map((run) => (
        <rect
          key={`${run.x}-${run.y}`}
          x={run.x + QUIET_ZONE}
          y={run.y + QUIET_ZONE}
          width={run.width}
          height={1}
          fill="#000000"
        />
      ))}
    </svg>
  );
};
