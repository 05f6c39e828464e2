import { getDatabase } from '@/db';
import { checkSameOrigin } from '@/lib/actions/origin';
import { POLL_INTERVAL_MS, settleDueCharges } from '@/lib/billing/charges';
import { isClockMovable, nowMs } from '@/lib/clock';
import { selectPaymentProvider } from '@/lib/payments/select';
import { seeOther } from '@/lib/security/same-origin';
import { chargeHooks } from '@/lib/server/jobs';

/**
 * Development only: runs the card settlement (the job that runs every minute) now, at the
 * clock's time, so a charge the billing tick just made settles without waiting: a charge
 * the processor is working on is asked about now rather than at its next poll, a minute on.
 * Failed charges still wait for their retry's time.
 */
export async function POST(request: Request) {
  if (!isClockMovable()) return new Response('Not found', { status: 404 });
  const crossSite = checkSameOrigin(request);
  if (crossSite) return crossSite;
  const { db } = await getDatabase();
  try {
    const dueBy = new Date(nowMs() + POLL_INTERVAL_MS);
    const handled = await settleDueCharges(
      db,
      selectPaymentProvider(db),
      chargeHooks(),
      100,
      dueBy,
    );
    return seeOther(`/dev/clock?settled=${handled}`);
  } catch {
    return new Response('The settlement failed: the server log says why.', { status: 500 });
  }
}
