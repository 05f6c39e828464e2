import { getDatabase } from '@/db';
import { checkSameOrigin } from '@/lib/actions/origin';
import { isClockMovable, now } from '@/lib/clock';
import { seeOther } from '@/lib/security/same-origin';
import { runBillingTick } from '@/lib/tick';

/**
 * Development only: runs the billing tick now, at the clock's time (moved ahead or not),
 * instead of waiting for its schedule. The page says how many items it handled.
 */
export async function POST(request: Request) {
  if (!isClockMovable()) return new Response('Not found', { status: 404 });
  const crossSite = checkSameOrigin(request);
  if (crossSite) return crossSite;
  const { db } = await getDatabase();
  try {
    const result = await runBillingTick(db, now());
    const handled = result.steps.reduce((sum, step) => sum + step.handled, 0);
    return seeOther(`/dev/clock?ticked=${handled}`);
  } catch {
    return new Response('The billing tick failed: the server log says why.', { status: 500 });
  }
}
