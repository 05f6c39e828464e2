import { formatMoney } from '@/lib/money/money';

export type Bar = { key: string; label: string; cents: number };

const WIDTH = 640;
const HEIGHT = 160;
const LABEL_SPACE = 20;

/**
 * A server-rendered SVG bar chart of amounts (one currency). Decorative for sighted
 * readers: the table beside it carries the same figures, so the SVG is one labelled image
 * whose title sums it up, and each bar has its own title for a pointer hover.
 */
export function BarChart({
  bars,
  title,
  currency,
}: {
  bars: Bar[];
  title: string;
  currency: string;
}) {
  if (bars.length === 0) return null;
  const max = Math.max(...bars.map((b) => b.cents), 1);
  const slot = WIDTH / bars.length;
  const barWidth = Math.max(2, slot * 0.7);
  return (
    <svg
      role="img"
      aria-label={title}
      viewBox={`0 0 ${WIDTH} ${HEIGHT + LABEL_SPACE}`}
      width="100%"
      style={{ maxWidth: WIDTH, display: 'block' }}
    >
      {bars.map((bar, index) => {
        const height = Math.round((Math.max(bar.cents, 0) / max) * HEIGHT);
        const x = index * slot + (slot - barWidth) / 2;
        return (
          <g key={bar.key}>
            <rect x={x} y={HEIGHT - height} width={barWidth} height={height} fill="#1d4ed8">
              <title>{`${bar.label}: ${formatMoney(bar.cents, currency)}`}</title>
            </rect>
            {bars.length <= 12 ? (
              <text
                x={x + barWidth / 2}
                y={HEIGHT + 14}
                fontSize="11"
                textAnchor="middle"
                fill="#374151"
              >
                {bar.label.slice(5)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
