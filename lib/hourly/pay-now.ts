/**
 * "Pay now" on an hourly invoice whose charge failed (SPEC 4.B): the client has the week's
 * charge tried again at once, on the workspace's default card as it is now. It is the
 * scheduled retry's own path (retryCharge of lib/billing/charges.ts): the same charge row
 * and ChargeHooks, a new attempt with its own provider key (`<key>:<attempt>`), guarded on
 * the attempt the client's page showed, so a double submit sends one attempt. The ledger
 * posting and the invoice's `paid` come from the charge hooks (invoice-charges.ts), which
 * also lift the pause (pause.ts reads payment_status).
 */
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { invoices } from '@/db/schema';
import { recordAudit } from '@/lib/audit/log';
import { pollCharge, retryCharge, type ChargeHookTable } from '@/lib/billing/charges';
import { findCharge, findDefaultBillingMethod, type ChargeRow } from '@/lib/billing/queries';
import type { InvoiceRow } from '@/lib/invoices/issue';
import type { PaymentProvider } from '@/lib/payments/provider';
import { isUuid } from '@/lib/text/uuid';

/** Who pays: the client as the session knows them (never the form). */
export type PayNowActor = { userId: string; workspaceId: string; ip?: string | null };

export type PayNowResult =
  | { ok: true; outcome: 'paid' | 'processing' | 'declined'; invoiceId: string }
  | {
      ok: false;
      reason: 'not-found' | 'already-paid' | 'not-failed' | 'no-billing-method' | 'in-progress';
      message: string;
    };

const NOT_FOUND = {
  ok: false,
  reason: 'not-found',
  message: 'This invoice was not found. Open it again from your contract.',
} as const;

export const NO_BILLING_METHOD_FOR_PAY_NOW = {
  ok: false,
  reason: 'no-billing-method',
  message: 'You have no billing method: add a card, then press Pay now again. Nothing was charged.',
} as const;

const ALREADY_PAID = {
  ok: false,
  reason: 'already-paid',
  message: 'This invoice is already paid: nothing more was charged.',
} as const;

const IN_PROGRESS = {
  ok: false,
  reason: 'in-progress',
  message:
    'A payment of this invoice is already processing: nothing more was charged. This page shows the result once it settles, usually within a minute.',
} as const;

/** The workspace's own hourly invoice with this id; anyone else's id finds nothing. */
async function findOwnHourlyInvoice(db: DbOrTx, workspaceId: string, invoiceId: string) {
  if (!isUuid(invoiceId)) return null;
  const [row] = await db
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.id, invoiceId),
        eq(invoices.workspaceId, workspaceId),
        eq(invoices.kind, 'hourly'),
      ),
    );
  return row ?? null;
}

/** What the invoice page offers: Pay now on a payment_failed invoice whose charge failed. */
export type PayNowOffer = { attempt: number; failureReason: string; nextAttemptAt: Date | null };

export async function payNowOfferOf(
  db: DbOrTx,
  invoice: Pick<InvoiceRow, 'kind' | 'paymentStatus' | 'chargeId'>,
): Promise<PayNowOffer | null> {
  if (invoice.kind !== 'hourly' || invoice.paymentStatus !== 'payment_failed') return null;
  const charge = invoice.chargeId ? await findCharge(db, invoice.chargeId) : null;
  if (!charge || charge.status !== 'failed') return null;
  return {
    attempt: charge.attempt,
    failureReason: charge.failureReason ?? 'Declined',
    nextAttemptAt: charge.nextAttemptAt,
  };
}

const outcomeOf = (charge: ChargeRow) =>
  charge.status === 'succeeded'
    ? ('paid' as const)
    : charge.status === 'failed'
      ? ('declined' as const)
      : ('processing' as const);

/**
 * Charges a payment_failed hourly invoice of the actor's workspace again, now. `attempt` is
 * the failed attempt the page showed: when the charge has moved on since (the same form sent
 * twice, another tab, the scheduled retry), nothing is sent and the answer is the charge's
 * current outcome. A processing answer is read back once at once (the simulated processor and
 * most card charges settle immediately); otherwise the settlement job finishes it.
 */
export async function payInvoiceNow(
  db: Db,
  provider: PaymentProvider,
  hooks: ChargeHookTable,
  actor: PayNowActor,
  input: { invoiceId: string; attempt: number },
): Promise<PayNowResult> {
  const invoice = await findOwnHourlyInvoice(db, actor.workspaceId, input.invoiceId);
  if (!invoice) return NOT_FOUND;
  if (invoice.paymentStatus === 'paid') return ALREADY_PAID;
  const charge = invoice.chargeId ? await findCharge(db, invoice.chargeId) : null;
  if (invoice.paymentStatus !== 'payment_failed' || !charge) {
    return {
      ok: false,
      reason: 'not-failed',
      message:
        'This invoice has not failed a payment: it is charged to your default card automatically.',
    };
  }
  if (charge.status === 'succeeded') return ALREADY_PAID;
  if (charge.status !== 'failed') return IN_PROGRESS;
  if (charge.attempt !== input.attempt) {
    // This attempt was already tried again (a double submit): its answer, nothing sent.
    return { ok: true, outcome: 'declined', invoiceId: invoice.id };
  }
  const method = await findDefaultBillingMethod(db, actor.workspaceId);
  if (!method || method.provider !== provider.name) return NO_BILLING_METHOD_FOR_PAY_NOW;
  // After the last retry none is scheduled: Pay now is the way left to pay.
  const sent = await retryCharge(db, provider, hooks, charge, { scheduledOnly: false });
  if (!sent) return answerRace(db, invoice.id);
  await recordAudit(db, {
    actorId: actor.userId,
    action: 'invoice.pay_now',
    targetType: 'invoice',
    targetId: invoice.id,
    ip: actor.ip ?? null,
    detail: `${invoice.number}: attempt ${sent.attempt} asked by the client (card ending in ${method.last4})`,
  });
  let settled = sent;
  if (sent.status === 'processing' && sent.providerRef) {
    try {
      settled = await pollCharge(db, provider, hooks, sent);
    } catch (error) {
      // The settlement job asks again within a minute.
      console.error(`[pay-now] charge ${sent.id}: no answer yet:`, (error as Error).message);
    }
  }
  return { ok: true, outcome: outcomeOf(settled), invoiceId: invoice.id };
}

/** Another request sent this attempt first: answer what that one did. */
async function answerRace(db: Db, invoiceId: string): Promise<PayNowResult> {
  const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (invoice.paymentStatus === 'paid') return ALREADY_PAID;
  const charge = await findCharge(db, invoice.chargeId!);
  if (charge?.status === 'failed') return { ok: true, outcome: 'declined', invoiceId };
  return IN_PROGRESS;
}
