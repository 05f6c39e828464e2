import { createElement } from 'react';
import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { clientWorkspaces, contracts, invoices, users } from '@/db/schema';
import PaymentFailedEmail, { paymentFailedSubject } from '@/emails/payment-failed';
import { recordAudit } from '@/lib/audit/log';
import type { ChargeHooks } from '@/lib/billing/charges';
import type { ChargeRow } from '@/lib/billing/queries';
import { now } from '@/lib/clock';
import { formatDateAndTime } from '@/lib/dates/format';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import type { InvoiceRow } from '@/lib/invoices/issue';
import { accounts } from '@/lib/ledger/accounts';
import { postTransaction } from '@/lib/ledger/post';
import { formatMoney } from '@/lib/money/money';
import { isoWeekOf, weekStartFromDate } from './week';

/** The charge's (and its ledger posting's) source type: an hourly week's invoice. */
export const HOURLY_INVOICE_SOURCE = 'hourly_invoice';

/** New time on the contract pauses this long after the first failed charge (SPEC 4.B). */
export const PAUSE_AFTER_FAILURE_MS = 7 * 24 * 60 * 60 * 1000;

/** `hourly:<contractId>:<isoWeek>`: the start of every key of the week's money (MONEY-KEYS). */
export function hourlyWeekKeyOf(invoice: Pick<InvoiceRow, 'contractId' | 'weekStart'>): string {
  if (!invoice.weekStart) throw new Error('An hourly invoice has a week.');
  return `hourly:${invoice.contractId}:${isoWeekOf(weekStartFromDate(invoice.weekStart))}`;
}

/** The idempotency key of the week's charge: the same for the provider request and the ledger. */
export const hourlyChargeKeyOf = (invoice: Pick<InvoiceRow, 'contractId' | 'weekStart'>) =>
  `${hourlyWeekKeyOf(invoice)}:charge`;

/**
 * The week's charge in the ledger (MONEY-KEYS "hourly week charged"): client_funding −gross,
 * the contract's in_review +gross, under the week's charge key, so it posts once. The one
 * writer of it: the settled charge's hook below, and the test factories of a paid week.
 */
export async function postHourlyCharge(
  tx: Tx,
  invoice: Pick<
    InvoiceRow,
    'id' | 'number' | 'contractId' | 'weekStart' | 'grossCents' | 'currency'
  >,
) {
  return postTransaction(tx, {
    key: hourlyChargeKeyOf(invoice),
    source: { type: HOURLY_INVOICE_SOURCE, id: invoice.id },
    kind: 'charge',
    memo: `Invoice ${invoice.number}`,
    entries: [
      { account: accounts.clientFunding(), cents: -invoice.grossCents, currency: invoice.currency },
      {
        account: accounts.inReview(invoice.contractId),
        cents: invoice.grossCents,
        currency: invoice.currency,
      },
    ],
  });
}

async function lockInvoiceOf(tx: Tx, charge: ChargeRow): Promise<InvoiceRow> {
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, charge.sourceId), eq(invoices.kind, 'hourly')))
    .for('update');
  if (!invoice) throw new Error(`Charge ${charge.id}: no hourly invoice ${charge.sourceId}`);
  if (invoice.grossCents !== charge.amountCents || invoice.currency !== charge.currency) {
    throw new Error(`Charge ${charge.id} does not match invoice ${invoice.number}`);
  }
  return invoice;
}

/**
 * The week's charge settled: the gross enters the contract's in_review account (kind
 * `charge`, under the week's key) and the invoice is paid. The review, the release and a
 * payment_failed_at of an earlier failed attempt are left as they are. A charge that settles
 * after the review window still lands here; the release step releases paid invoices only,
 * so it simply waits for this.
 */
async function onSettled(tx: Tx, charge: ChargeRow): Promise<void> {
  const invoice = await lockInvoiceOf(tx, charge);
  await postHourlyCharge(tx, invoice);
  const [paid] = await tx
    .update(invoices)
    .set({ paymentStatus: 'paid', paidAt: now(), chargeId: charge.id, updatedAt: now() })
    .where(and(eq(invoices.id, invoice.id), ne(invoices.paymentStatus, 'paid')))
    .returning({ id: invoices.id });
  if (!paid) return;
  await recordAudit(tx, {
    actorId: null,
    action: 'invoice.paid',
    targetType: 'invoice',
    targetId: invoice.id,
    detail: `${invoice.number}: ${formatMoney(invoice.grossCents, invoice.currency)} charged`,
  });
}

/**
 * An attempt was declined: the invoice is payment_failed (payment_failed_at keeps the first
 * failure: the 7 days before new time pauses count from it, until the invoice is paid), and
 * the client gets an email saying what failed, when it is tried again and where to fix it.
 * Every failed attempt is one email: each says when the next one is, or that none is.
 */
async function onFailed(
  tx: Tx,
  charge: ChargeRow,
  { willRetry }: { willRetry: boolean },
): Promise<void> {
  const invoice = await lockInvoiceOf(tx, charge);
  if (invoice.paymentStatus === 'paid') return;
  const failedAt = invoice.paymentFailedAt ?? now();
  await tx
    .update(invoices)
    .set({
      paymentStatus: 'payment_failed',
      paymentFailedAt: failedAt,
      chargeId: charge.id,
      updatedAt: now(),
    })
    .where(eq(invoices.id, invoice.id));
  const [client] = await tx
    .select({ email: users.email, name: users.name, contractTitle: contracts.title })
    .from(contracts)
    .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, contracts.workspaceId))
    .innerJoin(users, eq(users.id, clientWorkspaces.ownerId))
    .where(eq(contracts.id, invoice.contractId));
  const nextAttempt = willRetry && charge.nextAttemptAt ? charge.nextAttemptAt : null;
  const props = {
    firstName: client.name?.split(' ')[0] || 'there',
    invoiceNumber: invoice.number,
    contractTitle: client.contractTitle,
    amount: formatMoney(invoice.grossCents, invoice.currency),
    reason: charge.failureReason ?? 'The charge was declined.',
    nextAttempt: nextAttempt ? formatDateAndTime(nextAttempt) : null,
    pausesAt: formatDateAndTime(new Date(failedAt.getTime() + PAUSE_AFTER_FAILURE_MS)),
    billingUrl: new URL('/client/billing', getEnv().APP_URL).toString(),
  };
  await sendEmail(tx, {
    to: client.email,
    template: 'payment-failed',
    subject: paymentFailedSubject(props),
    element: createElement(PaymentFailedEmail, props),
  });
  await recordAudit(tx, {
    actorId: null,
    action: 'invoice.payment_failed',
    targetType: 'invoice',
    targetId: invoice.id,
    detail: `${invoice.number}: attempt ${charge.attempt} declined; ${nextAttempt ? 'retried' : 'no retry left'}`,
  });
}

/** Registered for `hourly_invoice` in chargeHooks() (lib/server/jobs.ts). */
export const hourlyInvoiceChargeHooks: ChargeHooks = { onSettled, onFailed };
