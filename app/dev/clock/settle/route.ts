import { getDatabase } from '@/db';
import { checkSameOrigin } from '@/lib/actions/origin';
import { settleDueCharges } from '@/lib/billing/charges';
import { isClockMovable } from '@/lib/clock';
import { selectPaymentProvider } from '@/lib/payments/select';
import { seeOther } from '@/lib/security/same-origin';
import { chargeHooks } from '@/lib/server/jobs';

/**
 * Development only: runs the card settlement (the job that runs every minute) now, at the
 * clock's time, so a charge the billing tick just made settles without waiting.
 */
export async function POST(request: Request) {
  if (!isClockMovable()) return new Response('Not found', { status: 404 });
  const crossSite = checkSameOrigin(request);
  if (crossSite) return crossSite;
  const { db } = await getDatabase();
  try {
    const handled = await settleDueCharges(db, selectPaymentProvider(db), chargeHooks());
    return seeOther(`/dev/clock?settled=${handled}`);
  } catch {
    return new Response('The settlement failed: the server log says why.', { status: 500 });
  }
}
