import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { invoices } from '@/db/schema';
import { recordAudit } from '@/lib/audit/log';
import { requestCharge, type ChargeHooks, type ChargeHookTable } from '@/lib/billing/charges';
import { findDefaultBillingMethod, type ChargeRow } from '@/lib/billing/queries';
import { now } from '@/lib/clock';
import { findContractForViewer, type ContractRow } from '@/lib/contracts/access';
import { releaseToFreelancer } from '@/lib/earnings/release';
import { issueInvoice, markPaymentFailed, type InvoiceRow } from '@/lib/invoices/issue';
import { accounts } from '@/lib/ledger/accounts';
import { formatMoney } from '@/lib/money/money';
import type { PaymentProvider } from '@/lib/payments/provider';
import type { FundingActor } from './funding';
import { sendMoneyNotice } from './notices';
import { findContractParties } from './queries';

/** The charge source type of a bonus (its ChargeHooks are registered under it). */
export const BONUS_SOURCE = 'bonus';
/** A bonus becomes available to the freelancer 5 days after it settles, as a milestone does. */
export const BONUS_AVAILABLE_AFTER_MS = 5 * 24 * 60 * 60 * 1000;

export const bonusChargeKeyOf = (invoiceId: string) => `bonus:${invoiceId}:charge`;
export const bonusReleaseKeyOf = (invoiceId: string) => `bonus:${invoiceId}`;

export type BonusResult =
  | { ok: true; invoiceId: string; status: 'processing' | 'paid'; message: string }
  | {
      ok: false;
      reason: 'not-found' | 'closed' | 'no-billing-method' | 'declined';
      message: string;
    };

const CONTRACT_NOT_FOUND = {
  ok: false,
  reason: 'not-found',
  message: 'This contract was not found. Open it again from your dashboard.',
} as const;

const NO_BILLING_METHOD = {
  ok: false,
  reason: 'no-billing-method',
  message: 'Add a billing method first: bonuses are charged to your default card.',
} as const;

/**
 * Active contracts, and ended ones: a bonus at the end is the usual thank-you (Upwork allows
 * it too). Not before the work starts (offered, awaiting compliance) nor on a dead offer.
 */
export function canPayBonus(status: ContractRow['status']): boolean {
  return status === 'active' || status === 'ended';
}

export const BONUS_CLOSED_MESSAGE = 'Bonuses are paid on active or ended contracts only.';

/**
 * Pays a bonus on an active or ended contract (SPEC 4.D): a `bonus` invoice, then a charge of the
 * client's default card. The confirmation's request id is the invoice's id, so posting the
 * same confirmation twice issues one invoice and one charge. The money goes straight to
 * the freelancer's pending balance when the charge settles (bonusHooks).
 */
export async function payBonus(
  db: Db,
  provider: PaymentProvider,
  hooks: ChargeHookTable,
  actor: FundingActor,
  input: { contractId: string; requestId: string; amountCents: number; message: string },
): Promise<BonusResult> {
  const found = await findContractForViewer(db, input.contractId, {
    userId: actor.userId,
    workspaceId: actor.workspaceId,
    isAdmin: false,
  });
  if (!found || found.side !== 'client') return CONTRACT_NOT_FOUND;
  const { contract } = found;
  if (!canPayBonus(contract.status) || !contract.freelancerId) {
    return { ok: false, reason: 'closed', message: BONUS_CLOSED_MESSAGE };
  }
  if (!(await findDefaultBillingMethod(db, actor.workspaceId))) return NO_BILLING_METHOD;
  const issue = () =>
    db.transaction(async (tx) => {
      const [known] = await tx.select().from(invoices).where(eq(invoices.id, input.requestId));
      if (known) return known;
      const invoice = await issueInvoice(tx, {
        id: input.requestId,
        kind: 'bonus',
        contractId: contract.id,
        workspaceId: contract.workspaceId,
        freelancerId: contract.freelancerId!,
        currency: contract.currency,
        feeBps: contract.feeBps,
        description: input.message,
        lines: [{ description: `Bonus on “${contract.title}”`, amountCents: input.amountCents }],
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'bonus.requested',
        targetType: 'invoice',
        targetId: invoice.id,
        ip: actor.ip,
        detail: `contract ${contract.id}; ${formatMoney(invoice.grossCents, invoice.currency)}`,
      });
      return invoice;
    });
  let invoice: InvoiceRow;
  try {
    invoice = await issue();
  } catch (error) {
    // Two posts of one confirmation at once: the second insert met the first's id.
    const [known] = await db.select().from(invoices).where(eq(invoices.id, input.requestId));
    if (!known) throw error;
    invoice = known;
  }
  const isOwn =
    invoice.kind === 'bonus' &&
    invoice.contractId === contract.id &&
    invoice.workspaceId === actor.workspaceId;
  if (!isOwn) return CONTRACT_NOT_FOUND;
  const asked = await requestCharge(db, provider, hooks, {
    workspaceId: actor.workspaceId,
    amountCents: invoice.grossCents,
    currency: invoice.currency,
    idempotencyKey: bonusChargeKeyOf(invoice.id),
    sourceType: BONUS_SOURCE,
    sourceId: invoice.id,
  });
  if (!asked.ok) {
    return asked.reason === 'no-billing-method'
      ? NO_BILLING_METHOD
      : { ok: false, reason: 'declined', message: asked.message };
  }
  await db
    .update(invoices)
    .set({ chargeId: asked.charge.id, updatedAt: now() })
    .where(eq(invoices.id, invoice.id));
  const amount = formatMoney(invoice.grossCents, invoice.currency);
  if (asked.charge.status === 'failed') {
    return {
      ok: false,
      reason: 'declined',
      message: `Your card was declined (${asked.charge.failureReason ?? 'Declined'}).`,
    };
  }
  return asked.charge.status === 'succeeded'
    ? { ok: true, invoiceId: invoice.id, status: 'paid', message: `Bonus of ${amount} paid.` }
    : {
        ok: true,
        invoiceId: invoice.id,
        status: 'processing',
        message: `Payment processing: your bonus of ${amount} reaches the freelancer once your card's payment settles, usually within minutes.`,
      };
}

async function lockBonusInvoice(tx: Tx, charge: ChargeRow) {
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, charge.sourceId), eq(invoices.kind, 'bonus')))
    .for('update');
  if (!invoice) throw new Error(`Charge ${charge.id} names no bonus invoice ${charge.sourceId}`);
  return invoice;
}

/** A bonus charge settled: to the freelancer's pending balance; failed: the client is told. */
export const bonusHooks: ChargeHooks = {
  async onSettled(tx, charge) {
    const invoice = await lockBonusInvoice(tx, charge);
    const at = now();
    await releaseToFreelancer(tx, {
      key: bonusReleaseKeyOf(invoice.id),
      source: { type: BONUS_SOURCE, id: invoice.id },
      kind: 'bonus',
      contractId: invoice.contractId,
      freelancerId: invoice.freelancerId,
      from: accounts.clientFunding(),
      grossCents: invoice.grossCents,
      feeCents: invoice.feeCents,
      currency: invoice.currency,
      availableAt: new Date(at.getTime() + BONUS_AVAILABLE_AFTER_MS),
      memo: `Bonus (invoice ${invoice.number})`,
    });
    await tx
      .update(invoices)
      .set({ paymentStatus: 'paid', paidAt: at, chargeId: charge.id, updatedAt: at })
      .where(eq(invoices.id, invoice.id));
    await recordAudit(tx, {
      actorId: null,
      action: 'bonus.paid',
      targetType: 'invoice',
      targetId: invoice.id,
      detail: `contract ${invoice.contractId}; ${formatMoney(invoice.grossCents, invoice.currency)}`,
    });
    const parties = await findContractParties(tx, invoice.contractId);
    if (!parties.freelancer) return;
    const net = formatMoney(invoice.netCents, invoice.currency);
    await sendMoneyNotice(tx, parties.freelancer.email, 'bonus-paid', {
      firstName: parties.freelancer.firstName,
      heading: `${parties.client.workspaceName} paid you a bonus of ${formatMoney(invoice.grossCents, invoice.currency)}`,
      paragraphs: [
        ...(invoice.description ? [`Their message: “${invoice.description}”`] : []),
        `On “${parties.contract.title}”: ${net} after the service fee is in your pending balance and becomes available in 5 days.`,
      ],
      actionLabel: 'See your earnings',
      path: '/earnings/transactions',
    });
  },

  async onFailed(tx, charge, { willRetry }) {
    const invoice = await lockBonusInvoice(tx, charge);
    const at = now();
    await markPaymentFailed(tx, invoice.id, charge.id, at);
    await recordAudit(tx, {
      actorId: null,
      action: 'bonus.payment_failed',
      targetType: 'invoice',
      targetId: invoice.id,
      detail: `charge ${charge.id}: ${charge.failureReason ?? 'declined'}`,
    });
    const parties = await findContractParties(tx, invoice.contractId);
    await sendMoneyNotice(tx, parties.client.email, 'bonus-payment-failed', {
      firstName: parties.client.name,
      heading: 'Your bonus was not paid: your card was declined',
      paragraphs: [
        `We could not charge ${formatMoney(invoice.grossCents, invoice.currency)} for your bonus on “${parties.contract.title}” (${charge.failureReason ?? 'Declined'}).`,
        willRetry
          ? 'We will try your card again automatically; you can change your default card on the billing page.'
          : 'No more automatic retries: nothing was charged. Pay the bonus again once your card is in order.',
      ],
      actionLabel: 'Open billing',
      path: '/client/billing',
    });
  },
};
