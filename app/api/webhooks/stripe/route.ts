import { getDatabase } from '@/db';
import { applyPaymentEvent } from '@/lib/billing/webhooks';
import { getEnv } from '@/lib/env';
import { createStripeProvider } from '@/lib/payments/stripe';
import { stripeSettingsOf } from '@/lib/payments/select';
import { readWebhookBody } from '@/lib/server/form-body';
import { chargeHooks } from '@/lib/server/jobs';

export const dynamic = 'force-dynamic';

/**
 * Stripe's events about charges. The body is read with a cap, then its signature is checked
 * by the SDK before anything else; each event is applied once (by its id), and one that
 * arrives after a later state changes nothing.
 */
export async function POST(request: Request) {
  const settings = stripeSettingsOf(getEnv());
  if (!settings) return Response.json({ error: 'webhooks are not configured' }, { status: 404 });
  const received = await readWebhookBody(request);
  if (!received.ok) return received.response;
  const event = await createStripeProvider(settings).verifyWebhook(
    received.raw,
    request.headers.get('stripe-signature'),
  );
  if (!event) return Response.json({ error: 'invalid signature' }, { status: 401 });
  const { db } = await getDatabase();
  const outcome = await applyPaymentEvent(db, 'stripe', chargeHooks(), event);
  return Response.json({ outcome }, { status: 200 });
}
