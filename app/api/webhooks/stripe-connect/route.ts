import { getDatabase } from '@/db';
import { getEnv } from '@/lib/env';
import { stripePayoutSettingsOf } from '@/lib/payments/select';
import { createStripePayoutProvider } from '@/lib/payments/stripe-payouts';
import { readWebhookBody } from '@/lib/server/form-body';
import { applyPayoutEvent } from '@/lib/withdrawals/webhooks';

export const dynamic = 'force-dynamic';

/**
 * Stripe Connect's events about payouts on the freelancers' connected accounts (the Connect
 * endpoint, with its own signing secret). The body is read with a cap and its signature
 * checked by the SDK before anything else; each event is applied once (by its id), and one
 * older than what we know changes nothing.
 */
export async function POST(request: Request) {
  const settings = stripePayoutSettingsOf(getEnv());
  if (!settings?.hasWebhooks) {
    return Response.json({ error: 'webhooks are not configured' }, { status: 404 });
  }
  const received = await readWebhookBody(request);
  if (!received.ok) return received.response;
  const event = createStripePayoutProvider(settings).verifyWebhook(
    received.raw,
    request.headers.get('stripe-signature'),
  );
  if (!event) return Response.json({ error: 'invalid signature' }, { status: 401 });
  const { db } = await getDatabase();
  const outcome = await applyPayoutEvent(db, 'stripe', event);
  return Response.json({ outcome }, { status: 200 });
}
