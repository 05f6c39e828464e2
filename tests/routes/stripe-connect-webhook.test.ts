import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { ledgerTransactions, paymentEvents } from '@/db/schema';
import { POST } from '@/app/api/webhooks/stripe-connect/route';
import { parseEnv } from '@/lib/env';
import type { PayoutProviders, PayoutRouting } from '@/lib/payments/payouts';
import { selectPayoutProvider } from '@/lib/payments/select';
import { createStripePayoutProvider } from '@/lib/payments/stripe-payouts';
import { requestWithdrawal } from '@/lib/withdrawals/service';
import { settleDueWithdrawals } from '@/lib/withdrawals/settle';
import { createTestDatabase } from '@/tests/helpers/db';
import { withEnv } from '@/tests/helpers/env';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import {
  startStripeStandIn,
  stripeEnvFor,
  type StripeStandIn,
} from '@/tests/helpers/stripe-stand-in';
import {
  balancesOfFreelancer,
  makeWithdrawer,
  returnedEmails,
  withdrawalRows,
} from '@/tests/helpers/withdrawal-fixtures';

/* Stripe Connect's payout events on POST /api/webhooks/stripe-connect, signed by the SDK. */
installTestEncryptionKey();

const SECRET = 'whsec_connect_route_test';
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let standIn: StripeStandIn;
let env: Record<string, string>;
beforeAll(async () => {
  database = await createTestDatabase();
  standIn = await startStripeStandIn();
  env = { ...stripeEnvFor(standIn), STRIPE_CONNECT_WEBHOOK_SECRET: SECRET };
});
afterAll(async () => {
  await standIn.close();
  await database.dispose();
});

const routing = (): PayoutRouting => selectPayoutProvider(database.db, parseEnv(env));

/** A freelancer's US bank withdrawal, processing at Stripe (or `requested` after a timeout). */
async function processingWithdrawal(amountCents = 4_000, providers: PayoutProviders = routing()) {
  const w = await makeWithdrawer(database.db, new Date(), { availableCents: 10_000 });
  const result = await requestWithdrawal(database.db, providers, w.actor, {
    payoutMethodId: w.methods.usBank,
    amountCents,
    idempotencyKey: randomUUID(),
  });
  if (!result.ok) throw new Error(result.message);
  const payout = [...standIn.connect.payouts.values()].find(
    (p) =>
      (p.metadata as Record<string, string>).payout_key === `withdrawal:${result.withdrawal.id}`,
  )!;
  return { w, withdrawal: result.withdrawal, payoutId: payout.id };
}

function post(payload: string, secret: string | null = SECRET) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret)
    headers['stripe-signature'] = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return POST(
    new Request('http://localhost:3000/api/webhooks/stripe-connect', {
      method: 'POST',
      headers,
      body: payload,
    }),
  );
}

const outcomeOf = async (response: Response) => {
  expect(response.status).toBe(200);
  return (await response.json()).outcome;
};

const statusOf = async (userId: string) => (await withdrawalRows(database.db, userId))[0].status;

const postingsOf = (withdrawalId: string, kind: string) =>
  database.db
    .select()
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.sourceId, withdrawalId), eq(ledgerTransactions.kind, kind)));

it('refuses an unsigned, wrongly signed or tampered event and changes nothing', () =>
  withEnv(env, async () => {
    const { w, payoutId } = await processingWithdrawal();
    const payload = standIn.connect.payoutEvent(payoutId, 'payout.paid', 'paid');
    expect((await post(payload, null)).status).toBe(401);
    expect((await post(payload, 'whsec_someone_else')).status).toBe(401);
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const tampered = await POST(
      new Request('http://localhost:3000/api/webhooks/stripe-connect', {
        method: 'POST',
        headers: { 'stripe-signature': header },
        body: payload.replace('"status":"paid"', '"status":"failed"'),
      }),
    );
    expect(tampered.status).toBe(401);
    expect(await statusOf(w.actor.userId)).toBe('processing');
    const id = JSON.parse(payload).id;
    expect(await database.db.select().from(paymentEvents).where(eq(paymentEvents.id, id))).toEqual(
      [],
    );
  }));

it('applies a duplicated payout.paid once', () =>
  withEnv(env, async () => {
    const { w, withdrawal, payoutId } = await processingWithdrawal();
    const payload = standIn.connect.payoutEvent(payoutId, 'payout.paid', 'paid');
    expect(await outcomeOf(await post(payload))).toBe('paid');
    const replays = await Promise.all([post(payload), post(payload)]);
    for (const replay of replays) expect(await outcomeOf(replay)).toBe('duplicate');
    expect(await statusOf(w.actor.userId)).toBe('paid');
    expect(await postingsOf(withdrawal.id, 'payout')).toHaveLength(1);
    expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
      available: 6_000,
      withdrawing: 0,
    });
  }));

it('an out-of-order event (in_transit after paid, a late failure) changes nothing', () =>
  withEnv(env, async () => {
    const { w, withdrawal, payoutId } = await processingWithdrawal();
    const paid = standIn.connect.payoutEvent(payoutId, 'payout.paid', 'paid');
    const inTransit = standIn.connect.payoutEvent(payoutId, 'payout.updated', 'in_transit');
    expect(await outcomeOf(await post(paid))).toBe('paid');
    expect(await outcomeOf(await post(inTransit))).toBe('ignored');
    const failed = standIn.connect.payoutEvent(payoutId, 'payout.failed', 'failed', 'Closed.');
    expect(await outcomeOf(await post(failed))).toBe('ignored');
    expect(await statusOf(w.actor.userId)).toBe('paid');
    expect(await postingsOf(withdrawal.id, 'payout_return')).toHaveLength(0);
    expect(await returnedEmails(database.db, w.actor.email)).toHaveLength(0);
  }));

it('payout.failed returns the money with one email, however often it is sent', () =>
  withEnv(env, async () => {
    const { w, withdrawal, payoutId } = await processingWithdrawal(9_000);
    const failed = standIn.connect.payoutEvent(
      payoutId,
      'payout.failed',
      'failed',
      'The bank account has been closed.',
    );
    expect(await outcomeOf(await post(failed))).toBe('returned');
    expect(await outcomeOf(await post(failed))).toBe('duplicate');
    const again = standIn.connect.payoutEvent(payoutId, 'payout.failed', 'failed', 'Again.');
    expect(await outcomeOf(await post(again))).toBe('ignored');
    expect((await withdrawalRows(database.db, w.actor.userId))[0]).toMatchObject({
      status: 'returned',
      failureReason: 'The bank account has been closed.',
    });
    expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
      available: 10_000,
      withdrawing: 0,
    });
    expect(await returnedEmails(database.db, w.actor.email)).toHaveLength(1);
    expect(await postingsOf(withdrawal.id, 'payout_return')).toHaveLength(1);
  }));

it('an event before our call was answered (a timeout) finds the withdrawal by its key', () =>
  withEnv(env, async () => {
    const hasty = createStripePayoutProvider({
      secretKey: 'sk_test_standin',
      webhookSecret: SECRET,
      apiUrl: standIn.url,
      timeoutMs: 300,
    });
    standIn.hangAfterPayingOut(2);
    const { w, withdrawal, payoutId } = await processingWithdrawal(2_500, hasty);
    expect(withdrawal.status).toBe('requested');
    const paid = standIn.connect.payoutEvent(payoutId, 'payout.paid', 'paid');
    expect(await outcomeOf(await post(paid))).toBe('paid');
    const [row] = await withdrawalRows(database.db, w.actor.userId);
    expect(row).toMatchObject({ status: 'paid', provider: 'stripe' });
    expect(row.providerRef).toMatch(new RegExp(`/${payoutId}$`));
    // The settlement run that would have resent it finds nothing to send.
    const payoutsBefore = standIn.connect.payouts.size;
    await settleDueWithdrawals(database.db, routing(), new Date(Date.now() + 2 * 60_000));
    expect(standIn.connect.payouts.size).toBe(payoutsBefore);
    expect(await postingsOf(withdrawal.id, 'payout')).toHaveLength(1);
  }));

it('acknowledges events about payouts it does not know, or of other kinds; 404 without the secret', async () => {
  await withEnv(env, async () => {
    const { payoutId } = await processingWithdrawal();
    const foreign = JSON.parse(standIn.connect.payoutEvent(payoutId, 'payout.paid', 'paid'));
    foreign.data.object.id = 'po_not_ours';
    foreign.data.object.metadata = {};
    expect(await outcomeOf(await post(JSON.stringify(foreign)))).toBe('unknown-payout');
    const other = JSON.stringify({
      id: `evt_${randomUUID().replaceAll('-', '')}`,
      object: 'event',
      type: 'account.updated',
      account: 'acct_1',
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: 'acct_1', object: 'account' } },
    });
    expect(await outcomeOf(await post(other))).toBe('ignored');
  });
  await withEnv({ ...env, STRIPE_CONNECT_WEBHOOK_SECRET: undefined }, async () => {
    expect((await post('{}')).status).toBe(404);
  });
});
