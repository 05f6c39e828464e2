import { formatMoney } from '@/lib/money/money';

export type ChartBar = { label: string; cents: number };

type Props = { id: string; caption: string; bars: ChartBar[] };

const WIDTH = 640;
const HEIGHT = 160;

/**
 * Bars drawn on the server as SVG: no client script. The SVG is decoration for sighted
 * readers (aria-hidden); the same numbers are in the table under it, which is what a
 * screen reader reads.
 */
export function EarningsChart({ id, caption, bars }: Props) {
  const max = Math.max(1, ...bars.map((b) => b.cents));
  const step = bars.length > 0 ? WIDTH / bars.length : WIDTH;
  return (
    <figure aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        height={HEIGHT}
        aria-hidden="true"
        focusable="false"
      >
        {bars.map((bar, i) => {
          const h = Math.round((bar.cents / max) * (HEIGHT - 4));
          return (
            <rect
              key={bar.label}
              x={i * step + 1}
              y={HEIGHT - h}
              width={Math.max(1, step - 2)}
              height={h}
              fill="currentColor"
            >
              <title>{`${bar.label}: ${formatMoney(bar.cents)}`}</title>
            </rect>
          );
        })}
      </svg>
      <details>
        <summary>Show the numbers</summary>
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Net released</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                <td>{formatMoney(bar.cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
