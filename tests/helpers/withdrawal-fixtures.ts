import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  emailOutbox,
  payoutDestinations,
  payoutMethods,
  simulatedPayouts,
  withdrawals,
} from '@/db/schema';
import type { Actor } from '@/lib/accounts/recent-sign-in';
import { now } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { postTransaction } from '@/lib/ledger/post';
import { balanceOf } from '@/lib/ledger/queries';
import { taxInfoSchema } from '@/lib/tax/schemas';
import { saveTaxInfo } from '@/lib/tax/service';
import { addPayoutMethodNow, createFreelancer, PAYPAL, US_BANK } from './settings-fixtures';

export const W9 = {
  kind: 'us',
  legalName: 'Alex Kim',
  businessType: 'individual',
  tinType: 'ssn',
  tin: '512-34-7789',
  addressLine1: '1 Main Street',
  addressLine2: '',
  city: 'Springfield',
  state: 'il',
  zip: '62701',
  signature: 'alex kim',
  certify: 'on',
};

/** What makes a W-9 an EIN filer's (a sole proprietor's EIN as the taxpayer id), spread over one. */
export const W9_EIN = { businessType: 'sole_proprietor', tinType: 'ein', tin: '27-1234567' };

/** Puts `cents` straight into the freelancer's available balance (a test source). */
export async function fundAvailable(db: Db, freelancerId: string, cents: number): Promise<void> {
  await db.transaction((tx) =>
    postTransaction(tx, {
      key: randomUUID(),
      source: { type: 'test_funding', id: randomUUID() },
      kind: 'availability',
      entries: [
        { account: accounts.clientFunding(), cents: -cents, currency: 'USD' },
        { account: accounts.available(freelancerId), cents, currency: 'USD' },
      ],
    }),
  );
}

export type Withdrawer = {
  actor: Actor;
  methods: { usBank: string; paypal: string };
};

/**
 * A freelancer ready to withdraw at `at`: tax information saved, a US bank account and a
 * PayPal address (`paypalEmail`) both past their hold, `availableCents` available and a
 * sign-in at `at`.
 */
export async function makeWithdrawer(
  db: Db,
  at: Date,
  options: { availableCents?: number; paypalEmail?: string; taxInfo?: boolean } = {},
): Promise<Withdrawer> {
  const who = await createFreelancer(db);
  // Signed in now, on the clock the recent-sign-in rule reads (a test may have moved it).
  const setupActor: Actor = { userId: who.userId, email: who.email, signedInAt: now() };
  const usBank = await addPayoutMethodNow(db, setupActor, US_BANK);
  const paypal = await addPayoutMethodNow(db, setupActor, {
    ...PAYPAL,
    email: options.paypalEmail ?? `alex-${randomUUID().slice(0, 8)}@example.com`,
  });
  await db
    .update(payoutMethods)
    .set({ usableAfter: new Date(at.getTime() - 60_000) })
    .where(eq(payoutMethods.userId, who.userId));
  if (options.taxInfo !== false) {
    const saved = await saveTaxInfo(db, { userId: who.userId, ip: null }, taxInfoSchema.parse(W9));
    if (!saved.ok) throw new Error(JSON.stringify(saved));
  }
  if (options.availableCents) await fundAvailable(db, who.userId, options.availableCents);
  return {
    actor: { userId: who.userId, email: who.email, signedInAt: at },
    methods: { usBank, paypal },
  };
}

export async function balancesOfFreelancer(db: Db, freelancerId: string) {
  return {
    available: await balanceOf(db, accounts.available(freelancerId)),
    withdrawing: await balanceOf(db, accounts.withdrawing(freelancerId)),
  };
}

export async function withdrawalRows(db: Db, freelancerId: string) {
  return db.select().from(withdrawals).where(eq(withdrawals.freelancerId, freelancerId));
}

export async function returnedEmails(db: Db, to: string) {
  return db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, 'withdrawal-returned')));
}

export async function simulatedPayoutsOf(db: Db, withdrawalId: string) {
  return db
    .select()
    .from(simulatedPayouts)
    .where(eq(simulatedPayouts.idempotencyKey, `withdrawal:${withdrawalId}`));
}

/**
 * The freelancer's US bank account as registered at Stripe (a connected account, as the
 * first withdrawal would store it), with what Stripe last said about that account; for
 * tests of what the app does with it, without a stand-in.
 */
export async function registerAtStripe(
  db: Db,
  w: Withdrawer,
  status: {
    payoutsEnabled: boolean;
    requirementsDue?: string[];
    deadline?: Date | null;
    disabledReason?: string | null;
    errors?: { requirement: string; code: string }[];
  },
): Promise<string> {
  const payeeRef = `acct_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await db.insert(payoutDestinations).values({
    payoutMethodId: w.methods.usBank,
    freelancerId: w.actor.userId,
    provider: 'stripe',
    payeeRef,
    ref: `ba_${randomUUID().replaceAll('-', '').slice(0, 16)}`,
    payoutsEnabled: status.payoutsEnabled,
    requirementsDue: status.requirementsDue ?? [],
    requirementsDeadline: status.deadline ?? null,
    disabledReason: status.disabledReason ?? null,
    requirementErrors: status.errors ?? [],
    payeeStatusAt: now(),
  });
  return payeeRef;
}
