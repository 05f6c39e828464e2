import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import {
  auditLog,
  ledgerTransactions,
  paymentEvents,
  payoutDestinations,
  payoutMethods,
} from '@/db/schema';
import { executorFor } from '@/db/client';
import { POST } from '@/app/api/webhooks/stripe-connect/route';
import { parseEnv } from '@/lib/env';
import { PAYEE_SYNC_QUEUE } from '@/lib/payments/payee-sync-queue';
import type { PayoutProviders, PayoutRouting } from '@/lib/payments/payouts';
import { selectPayoutProvider } from '@/lib/payments/select';
import { createStripePayoutProvider } from '@/lib/payments/stripe-payouts';
import { requestWithdrawal } from '@/lib/withdrawals/service';
import { withdrawalBlockers } from '@/lib/withdrawals/blockers';
import { PAYEE_GONE, settleDueWithdrawals } from '@/lib/withdrawals/settle';
import { createTestDatabase } from '@/tests/helpers/db';
import { withEnv } from '@/tests/helpers/env';
import {
  addPayoutMethodNow,
  installTestEncryptionKey,
  US_BANK,
} from '@/tests/helpers/settings-fixtures';
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
  type Withdrawer,
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

/** `body` sent under the signature of `payload`: what a tampered delivery looks like. */
function postTampered(payload: string, body: string) {
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
  return POST(
    new Request('http://localhost:3000/api/webhooks/stripe-connect', {
      method: 'POST',
      headers: { 'stripe-signature': header },
      body,
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
    const tampered = await postTampered(
      payload,
      payload.replace('"status":"paid"', '"status":"failed"'),
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
      type: 'balance.available',
      account: 'acct_1',
      created: Math.floor(Date.now() / 1000),
      data: { object: { object: 'balance', available: [] } },
    });
    expect(await outcomeOf(await post(other))).toBe('ignored');
    const strangerAccount = standIn.connect.accountEvent('acct_not_ours', {
      payoutsEnabled: false,
    });
    expect(await outcomeOf(await post(strangerAccount))).toBe('unknown-payee');
  });
  await withEnv({ ...env, STRIPE_CONNECT_WEBHOOK_SECRET: undefined }, async () => {
    expect((await post('{}')).status).toBe(404);
  });
});

describe('account.updated: what Stripe says about a connected account', () => {
  /** A freelancer with two US bank accounts registered on one connected account, and another. */
  async function twoBankAccounts() {
    const { w, withdrawal } = await processingWithdrawal(1_000);
    const second = await addPayoutMethodNow(database.db, w.actor, {
      ...US_BANK,
      accountNumber: '40001234567',
    });
    await database.db
      .update(payoutMethods)
      .set({ usableAfter: new Date(Date.now() - 60_000) })
      .where(eq(payoutMethods.id, second));
    const again = await requestWithdrawal(database.db, routing(), w.actor, {
      payoutMethodId: second,
      amountCents: 1_000,
      idempotencyKey: randomUUID(),
    });
    if (!again.ok) throw new Error(again.message);
    const account = withdrawal.providerRef!.split('/')[0];
    const bystander = await processingWithdrawal(1_000);
    return { w, account, bystander: bystander.w };
  }

  const destinationsOf = (freelancerId: string) =>
    database.db
      .select({
        payeeRef: payoutDestinations.payeeRef,
        payoutsEnabled: payoutDestinations.payoutsEnabled,
        requirementsDue: payoutDestinations.requirementsDue,
        disabledReason: payoutDestinations.disabledReason,
        payeeStatusAt: payoutDestinations.payeeStatusAt,
      })
      .from(payoutDestinations)
      .where(eq(payoutDestinations.freelancerId, freelancerId));

  const T = Math.floor(new Date('2026-12-04T12:00:00Z').getTime() / 1000);
  const DUE = ['individual.dob.day', 'individual.dob.month', 'individual.dob.year'];

  it('stores the status on every destination of that account, once per event id', () =>
    withEnv(env, async () => {
      const { w, account, bystander } = await twoBankAccounts();
      const stopped = standIn.connect.accountEvent(account, {
        payoutsEnabled: false,
        currentlyDue: DUE,
        disabledReason: 'requirements.past_due',
        created: T,
      });
      expect(await outcomeOf(await post(stopped))).toBe('payee-updated');
      const rows = await destinationsOf(w.actor.userId);
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row).toEqual({
          payeeRef: account,
          payoutsEnabled: false,
          requirementsDue: DUE,
          disabledReason: 'requirements.past_due',
          payeeStatusAt: new Date(T * 1000),
        });
      }
      expect(await destinationsOf(bystander.actor.userId)).toEqual([
        expect.objectContaining({ payoutsEnabled: null, payeeStatusAt: null }),
      ]);

      // Stripe then enables payouts; the first event delivered again is a duplicate.
      const enabled = standIn.connect.accountEvent(account, {
        payoutsEnabled: true,
        created: T + 5,
      });
      expect(await outcomeOf(await post(enabled))).toBe('payee-updated');
      const replays = await Promise.all([post(stopped), post(stopped)]);
      for (const replay of replays) expect(await outcomeOf(replay)).toBe('duplicate');
      for (const row of await destinationsOf(w.actor.userId)) {
        expect(row).toMatchObject({
          payoutsEnabled: true,
          requirementsDue: [],
          disabledReason: null,
        });
      }
      const id = JSON.parse(stopped).id;
      expect(await database.db.$count(paymentEvents, eq(paymentEvents.id, id))).toBe(1);
    }));

  it('an event older than the stored one changes nothing', () =>
    withEnv(env, async () => {
      const { w, account } = await twoBankAccounts();
      const newer = standIn.connect.accountEvent(account, {
        payoutsEnabled: false,
        currentlyDue: ['individual.id_number'],
        created: T + 60,
      });
      const older = standIn.connect.accountEvent(account, { payoutsEnabled: true, created: T });
      expect(await outcomeOf(await post(newer))).toBe('payee-updated');
      expect(await outcomeOf(await post(older))).toBe('ignored');
      for (const row of await destinationsOf(w.actor.userId)) {
        expect(row).toMatchObject({
          payoutsEnabled: false,
          requirementsDue: ['individual.id_number'],
          payeeStatusAt: new Date((T + 60) * 1000),
        });
      }
      // The withdraw action agrees with what was kept: refused up front, nothing sent.
      const transfers = standIn.connect.transfers.size;
      const rowsBefore = (await withdrawalRows(database.db, w.actor.userId)).length;
      const refused = await requestWithdrawal(database.db, routing(), w.actor, {
        payoutMethodId: w.methods.usBank,
        amountCents: 500,
        idempotencyKey: randomUUID(),
      });
      expect(refused).toMatchObject({
        ok: false,
        reason: 'payouts-disabled',
        message: expect.stringContaining('your full Social Security number'),
      });
      expect(standIn.connect.transfers.size).toBe(transfers);
      expect(await withdrawalRows(database.db, w.actor.userId)).toHaveLength(rowsBefore);
    }));

  it('keeps the deadline, what is due later and the errors (names and codes, never the reason), and enqueues the sync', () =>
    withEnv(env, async () => {
      const { w, account } = await twoBankAccounts();
      await executorFor(database.db).executeSql(
        `delete from pgboss.job where name = $1 and data->>'userId' = $2`,
        [PAYEE_SYNC_QUEUE, w.actor.userId],
      );
      const deadline = T + 14 * 86_400;
      const event = standIn.connect.accountEvent(account, {
        payoutsEnabled: true,
        currentlyDue: DUE,
        eventuallyDue: [...DUE, 'individual.verification.document'],
        currentDeadline: deadline,
        errors: [
          {
            requirement: 'individual.id_number',
            code: 'invalid_value_other',
            reason: `The SSN ${'512347789'} does not match the name given.`,
          },
        ],
        created: T,
      });
      expect(await outcomeOf(await post(event))).toBe('payee-updated');
      const rows = await database.db
        .select({
          eventuallyDue: payoutDestinations.requirementsEventuallyDue,
          deadline: payoutDestinations.requirementsDeadline,
          errors: payoutDestinations.requirementErrors,
        })
        .from(payoutDestinations)
        .where(eq(payoutDestinations.freelancerId, w.actor.userId));
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row).toEqual({
          eventuallyDue: [...DUE, 'individual.verification.document'],
          deadline: new Date(deadline * 1000),
          errors: [{ requirement: 'individual.id_number', code: 'invalid_value_other' }],
        });
      }
      expect(JSON.stringify(rows)).not.toContain('512347789');
      // One sync of the freelancer's details, in the event's transaction.
      const { rows: jobs } = await executorFor(database.db).executeSql(
        `select data from pgboss.job where name = $1 and data->>'userId' = $2`,
        [PAYEE_SYNC_QUEUE, w.actor.userId],
      );
      expect(jobs).toEqual([{ data: { userId: w.actor.userId } }]);
      // The blocker names the deadline and sends the freelancer to the W-9 form.
      const blockers = await withdrawalBlockers(database.db, w.actor.userId, {
        timeZone: 'America/Chicago',
      });
      expect(blockers).toContainEqual(
        expect.objectContaining({
          text: expect.stringContaining('Stripe needs more information by December 18, 2026'),
          href: '/settings/tax',
        }),
      );
    }));

  it('refuses an unsigned or wrongly signed account.updated and stores nothing', () =>
    withEnv(env, async () => {
      const { w, account } = await twoBankAccounts();
      const payload = standIn.connect.accountEvent(account, { payoutsEnabled: false, created: T });
      expect((await post(payload, null)).status).toBe(401);
      expect((await post(payload, 'whsec_someone_else')).status).toBe(401);
      const tampered = await postTampered(
        payload,
        payload.replace('"payouts_enabled":false', '"payouts_enabled":true'),
      );
      expect(tampered.status).toBe(401);
      for (const row of await destinationsOf(w.actor.userId)) {
        expect(row).toMatchObject({ payoutsEnabled: null, payeeStatusAt: null });
      }
    }));
});

describe('a connected account that is gone', () => {
  const destinationOf = async (methodId: string) =>
    (
      await database.db
        .select()
        .from(payoutDestinations)
        .where(eq(payoutDestinations.payoutMethodId, methodId))
    )[0];
  const closedAudits = (methodId: string) =>
    database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'payout_destination.closed'), eq(auditLog.targetId, methodId)),
      );
  const withdraw = (w: Withdrawer, amountCents: number) =>
    requestWithdrawal(database.db, routing(), w.actor, {
      payoutMethodId: w.methods.usBank,
      amountCents,
      idempotencyKey: randomUUID(),
    });

  it('account.application.deauthorized marks it closed once, says so, and the next withdrawal opens a new account', () =>
    withEnv(env, async () => {
      const { w, withdrawal } = await processingWithdrawal(1_000);
      const account = withdrawal.providerRef!.split('/')[0];
      const gone = standIn.connect.deauthorizedEvent(account);
      expect(await outcomeOf(await post(gone))).toBe('payee-closed');
      expect(await outcomeOf(await post(gone))).toBe('duplicate');
      const again = standIn.connect.deauthorizedEvent(account);
      expect(await outcomeOf(await post(again))).toBe('ignored');
      expect(await destinationOf(w.methods.usBank)).toMatchObject({
        payeeRef: account,
        payeeClosedAt: expect.any(Date),
      });
      expect(await closedAudits(w.methods.usBank)).toEqual([
        expect.objectContaining({ actorId: null, targetType: 'payout_method' }),
      ]);
      const blockers = await withdrawalBlockers(database.db, w.actor.userId);
      expect(blockers).toEqual([
        {
          key: `withdraw-payee-${w.methods.usBank}`,
          text: expect.stringMatching(
            /^Stripe no longer has the account we paid your US bank account \(checking\) ending 0417 through\. Your next withdrawal to it sets up a new one/,
          ),
          href: '/earnings/withdraw',
        },
      ]);

      const accountsBefore = standIn.connect.accountCreateBodies.length;
      const next = await withdraw(w, 500);
      if (!next.ok) throw new Error(next.message);
      expect(next.withdrawal.status).toBe('processing');
      expect(standIn.connect.accountCreateBodies.length).toBe(accountsBefore + 1);
      const renewed = await destinationOf(w.methods.usBank);
      expect(renewed.payeeRef).not.toBe(account);
      expect(renewed).toMatchObject({ payeeClosedAt: null, payeeStatusAt: null });
      expect(next.withdrawal.providerRef!.split('/')[0]).toBe(renewed.payeeRef);
      expect(await withdrawalBlockers(database.db, w.actor.userId)).toEqual([]);
    }));

  it('a transfer Stripe answers with resource_missing returns the money at once and forgets the account', () =>
    withEnv(env, async () => {
      const { w, withdrawal } = await processingWithdrawal(1_000);
      const account = withdrawal.providerRef!.split('/')[0];
      standIn.connect.deleteAccount(account);
      const transfers = standIn.connect.transfers.size;

      const refused = await withdraw(w, 2_000);
      if (!refused.ok) throw new Error(refused.message);
      expect(refused.withdrawal).toMatchObject({
        status: 'returned',
        failureReason: PAYEE_GONE,
      });
      expect(standIn.connect.transfers.size).toBe(transfers);
      expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
        available: 9_000,
        withdrawing: 1_000,
      });
      expect(await returnedEmails(database.db, w.actor.email)).toHaveLength(1);
      expect((await destinationOf(w.methods.usBank)).payeeClosedAt).toEqual(expect.any(Date));
      expect(await closedAudits(w.methods.usBank)).toHaveLength(1);

      // Trying again registers a new account and pays.
      const retried = await withdraw(w, 2_000);
      if (!retried.ok) throw new Error(retried.message);
      expect(retried.withdrawal.status).toBe('processing');
      expect((await destinationOf(w.methods.usBank)).payeeRef).not.toBe(account);
    }));
});
