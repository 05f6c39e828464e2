import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { billingMethods, paymentCharges, paymentEvents } from '@/db/schema';
import { POST } from '@/app/api/webhooks/stripe/route';
import { createWorkspace } from '@/tests/helpers/compliance-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import { withEnv } from '@/tests/helpers/env';

const SECRET = 'whsec_webhook_route_test';
const STRIPE = {
  PAYMENTS_PROVIDER: 'stripe',
  STRIPE_SECRET_KEY: 'sk_test_route',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_route',
  STRIPE_WEBHOOK_SECRET: SECRET,
};

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

/** A Stripe charge of a client, processing at Stripe under PaymentIntent `ref`. */
async function processingCharge() {
  const inviter = await createWorkspace(database.db, 'company');
  const [method] = await database.db
    .insert(billingMethods)
    .values({
      workspaceId: inviter.workspaceId,
      provider: 'stripe',
      providerRef: `pm_${randomUUID()}`,
      brand: 'visa',
      last4: '4242',
      expMonth: 12,
      expYear: 2040,
      isDefault: true,
    })
    .returning();
  const ref = `pi_${randomUUID().replaceAll('-', '')}`;
  const [charge] = await database.db
    .insert(paymentCharges)
    .values({
      workspaceId: inviter.workspaceId,
      billingMethodId: method.id,
      amountCents: 2_500,
      currency: 'USD',
      idempotencyKey: `invoice:${randomUUID()}`,
      status: 'processing',
      provider: 'stripe',
      providerRef: ref,
      sourceType: 'test',
      sourceId: randomUUID(),
    })
    .returning();
  return { chargeId: charge.id, ref };
}

const eventAbout = (ref: string, type: string, status: string) =>
  JSON.stringify({
    id: `evt_${randomUUID().replaceAll('-', '')}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: ref, object: 'payment_intent', status, last_payment_error: null } },
  });

function post(payload: string, secret: string | null = SECRET) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret)
    headers['stripe-signature'] = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return POST(
    new Request('http://localhost:3000/api/webhooks/stripe', {
      method: 'POST',
      headers,
      body: payload,
    }),
  );
}

async function statusOf(chargeId: string) {
  const [row] = await database.db
    .select()
    .from(paymentCharges)
    .where(eq(paymentCharges.id, chargeId));
  return row.status;
}

const answer = async (response: Response) => ({
  status: response.status,
  body: await response.json(),
});

it('refuses an unsigned or wrongly signed event and changes nothing', () =>
  withEnv(STRIPE, async () => {
    const { chargeId, ref } = await processingCharge();
    const payload = eventAbout(ref, 'payment_intent.succeeded', 'succeeded');
    expect((await post(payload, null)).status).toBe(401);
    expect((await post(payload, 'whsec_someone_else')).status).toBe(401);
    const signed = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const tampered = payload.replace('"status":"succeeded"', '"status":"processing"');
    const response = await POST(
      new Request('http://localhost:3000/api/webhooks/stripe', {
        method: 'POST',
        headers: { 'stripe-signature': signed },
        body: tampered,
      }),
    );
    expect(response.status).toBe(401);
    expect(await statusOf(chargeId)).toBe('processing');
    expect(await database.db.select().from(paymentEvents)).toEqual([]);
  }));

it('applies an event once, however often it is sent', () =>
  withEnv(STRIPE, async () => {
    const { chargeId, ref } = await processingCharge();
    const payload = eventAbout(ref, 'payment_intent.succeeded', 'succeeded');
    expect(await answer(await post(payload))).toEqual({
      status: 200,
      body: { outcome: 'applied' },
    });
    expect(await statusOf(chargeId)).toBe('succeeded');
    const replays = await Promise.all([post(payload), post(payload)]);
    for (const r of replays)
      expect(await answer(r)).toEqual({ status: 200, body: { outcome: 'duplicate' } });
  }));

it('ignores an event that arrives after a later state', () =>
  withEnv(STRIPE, async () => {
    const { chargeId, ref } = await processingCharge();
    await post(eventAbout(ref, 'payment_intent.succeeded', 'succeeded'));
    const late = await post(eventAbout(ref, 'payment_intent.processing', 'processing'));
    const failed = await post(
      eventAbout(ref, 'payment_intent.payment_failed', 'requires_payment_method'),
    );
    expect((await answer(late)).body).toEqual({ outcome: 'ignored' });
    expect((await answer(failed)).body).toEqual({ outcome: 'ignored' });
    expect(await statusOf(chargeId)).toBe('succeeded');
  }));

it('acknowledges events about charges it does not know, or of other kinds, changing nothing', () =>
  withEnv(STRIPE, async () => {
    const unknown = await post(eventAbout('pi_unknown', 'payment_intent.succeeded', 'succeeded'));
    expect(await answer(unknown)).toEqual({ status: 200, body: { outcome: 'unknown-charge' } });
    const other = await post(eventAbout('cus_1', 'customer.created', 'whatever'));
    expect(await answer(other)).toEqual({ status: 200, body: { outcome: 'ignored' } });
  }));

it('refuses a body over 256 kB before checking it, and answers 404 without Stripe', async () => {
  await withEnv(STRIPE, async () => {
    const huge =
      eventAbout('pi_x', 'payment_intent.succeeded', 'succeeded') + ' '.repeat(300 * 1024);
    expect((await post(huge)).status).toBe(413);
  });
  await withEnv({ PAYMENTS_PROVIDER: 'simulated' }, async () => {
    expect((await post(eventAbout('pi_x', 'payment_intent.succeeded', 'succeeded'))).status).toBe(
      404,
    );
  });
});
