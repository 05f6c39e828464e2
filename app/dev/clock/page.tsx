import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { currentDevOffsetMs, isClockMovable, now } from '@/lib/clock';

export const metadata: Metadata = { title: 'Development clock', robots: { index: false } };

const DAY_MS = 24 * 60 * 60 * 1000;

export default async function DevClockPage({
  searchParams,
}: {
  searchParams: Promise<{ ticked?: string | string[]; settled?: string | string[] }>;
}) {
  if (!isClockMovable()) notFound();
  const days = currentDevOffsetMs() / DAY_MS;
  const { ticked, settled } = await searchParams;
  const handled = countOf(ticked);
  const charges = countOf(settled);
  return (
    <>
      <h1>Development clock</h1>
      <p className="muted">
        Every money rule reads the time from one clock. Here it can run ahead of the real time, for
        every app process and the worker (they pick it up within two seconds), to see invoices,
        reviews and releases happen without waiting. Production always runs on the real time.
      </p>
      <p>
        The app&apos;s time: <time dateTime={now().toISOString()}>{now().toUTCString()}</time>,{' '}
        {days === 0 ? 'the real time' : `${days.toFixed(2)} days ahead of the real time`}.
      </p>
      <form method="post" action="/dev/clock/set" className="card">
        <div className="field">
          <label htmlFor="offsetDays">Days ahead of the real time</label>
          <input
            id="offsetDays"
            name="offsetDays"
            type="number"
            min={0}
            max={365}
            step={0.5}
            defaultValue={days}
            required
          />
        </div>
        <button type="submit">Set the clock</button>
      </form>
      <form method="post" action="/dev/clock/tick" className="card">
        <p>
          The billing tick (invoices of closed weeks and their charges, releases, money becoming
          available) runs every five minutes; run it now at the app&apos;s time.
        </p>
        {handled !== null && (
          <p role="status">
            The billing tick ran: {handled} {handled === 1 ? 'item' : 'items'} handled.
          </p>
        )}
        <button type="submit">Run the billing tick now</button>
      </form>
      <form method="post" action="/dev/clock/settle" className="card">
        <p>Card charges settle in a job that runs every minute; settle the due ones now.</p>
        {charges !== null && (
          <p role="status">
            The settlement ran: {charges} {charges === 1 ? 'charge' : 'charges'} handled.
          </p>
        )}
        <button type="submit">Settle charges now</button>
      </form>
    </>
  );
}

function countOf(value: string | string[] | undefined): number | null {
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;
}
