import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { contracts, invoices, milestones, milestoneStates } from '@/db/schema';
import {
  requestCharge,
  type ChargeHooks,
  type ChargeHookTable,
  type ChargeResult,
} from '@/lib/billing/charges';
import { findDefaultBillingMethod, type ChargeRow } from '@/lib/billing/queries';
import { now } from '@/lib/clock';
import { formatLongDateTime } from '@/lib/dates/format';
import { issueInvoice, markPaymentFailed, type InvoiceRow } from '@/lib/invoices/issue';
import { accounts } from '@/lib/ledger/accounts';
import { postTransaction } from '@/lib/ledger/post';
import { formatMoney } from '@/lib/money/money';
import { NOT_FUNDED_STATUSES } from '@/lib/onboarding/funding-waits';
import type { PaymentProvider } from '@/lib/payments/provider';
import { recordMilestoneStep } from './history';
import { milestonePath, sendMoneyNotice } from './notices';
import {
  findContractParties,
  findFundingInvoice,
  listChargesOf,
  MILESTONE_FUNDING_SOURCE,
  type MilestoneRow,
} from './queries';

/** Who funds: the client, as the session knows them (never the form). */
export type FundingActor = { userId: string; workspaceId: string; ip?: string | null };

export type FundResult =
  | { ok: true; status: 'processing' | 'funded'; message: string }
  | {
      ok: false;
      reason:
        | 'not-found'
        | 'closed'
        | 'no-billing-method'
        | 'retry-scheduled'
        | 'amount-fixed'
        | 'declined';
      message: string;
    };

/** The ledger key and the first charge key of a milestone's funding (MONEY-KEYS.md). */
export const fundingKeyOf = (milestoneId: string) => `milestone:${milestoneId}:fund`;

/** A contract the client may fund: accepted (the freelancer said yes), not ended. */
const FUNDABLE_CONTRACTS = ['active', 'awaiting_compliance'] as const;

export const MILESTONE_NOT_FOUND = {
  ok: false,
  reason: 'not-found',
  message: 'This milestone was not found. Open it again from your contract.',
} as const;

const CLOSED = {
  ok: false,
  reason: 'closed',
  message:
    'This contract is not open for funding: the freelancer has not accepted it, or it ended.',
} as const;

export const NO_BILLING_METHOD = {
  ok: false,
  reason: 'no-billing-method',
  message: 'Add a billing method first: milestones are charged to your default card.',
} as const;

const isNotFunded = (status: string) => (NOT_FUNDED_STATUSES as readonly string[]).includes(status);

/** The milestone, if it is on a fixed-price contract of this workspace; else null. */
async function findClientMilestone(db: Db, workspaceId: string, contractId: string, id: string) {
  const [row] = await db
    .select({ milestone: milestones, contract: contracts })
    .from(milestones)
    .innerJoin(contracts, eq(contracts.id, milestones.contractId))
    .where(
      and(
        eq(milestones.id, id),
        eq(contracts.id, contractId),
        eq(contracts.workspaceId, workspaceId),
        eq(contracts.kind, 'fixed'),
      ),
    );
  return row ?? null;
}

type Prepared =
  { kind: 'refused'; result: FundResult } | { kind: 'charge'; invoice: InvoiceRow; key: string };

/**
 * Funds a milestone from the client's default billing method into the contract's escrow
 * (SPEC 4.D). In one transaction, under the milestone's row lock: the milestone_state
 * (`funding`), its `milestone` invoice (issued once: a later attempt reuses it) and the
 * `funding_requested` step. Then the charge, under a key derived from the milestone, so a
 * second submit (a double click, two tabs) finds the same charge and charges nothing more.
 * The money moves when the charge settles (milestoneFundingHooks), in the settlement job.
 */
export async function fundMilestone(
  db: Db,
  provider: PaymentProvider,
  hooks: ChargeHookTable,
  actor: FundingActor,
  input: { contractId: string; milestoneId: string; amountCents: number },
): Promise<FundResult> {
  const found = await findClientMilestone(
    db,
    actor.workspaceId,
    input.contractId,
    input.milestoneId,
  );
  if (!found) return MILESTONE_NOT_FOUND;
  if (!(FUNDABLE_CONTRACTS as readonly string[]).includes(found.contract.status)) return CLOSED;
  if (!(await findDefaultBillingMethod(db, actor.workspaceId))) return NO_BILLING_METHOD;
  const prepared = await db.transaction((tx) =>
    prepareFunding(tx, actor, found, input.amountCents),
  );
  if (prepared.kind === 'refused') return prepared.result;
  const asked = await chargeFunding(db, provider, hooks, found.milestone, prepared);
  if (!asked.ok) {
    return asked.reason === 'no-billing-method'
      ? NO_BILLING_METHOD
      : { ok: false, reason: 'declined', message: asked.message };
  }
  return answerOf(asked.charge, found.milestone);
}

/**
 * Asks for the charge of a milestone's funding invoice under `key` (a key already asked for
 * answers its charge and charges nothing more), and links it to the invoice. When nothing
 * could be charged (the card went away meanwhile) the milestone is unfunded again.
 * Used by fundMilestone and by the tick's resumeStuckFundings.
 */
export async function chargeFunding(
  db: Db,
  provider: PaymentProvider,
  hooks: ChargeHookTable,
  milestone: MilestoneRow,
  funding: { invoice: InvoiceRow; key: string },
): Promise<ChargeResult> {
  const { invoice, key } = funding;
  const asked = await requestCharge(db, provider, hooks, {
    workspaceId: invoice.workspaceId,
    amountCents: invoice.grossCents,
    currency: invoice.currency,
    idempotencyKey: key,
    sourceType: MILESTONE_FUNDING_SOURCE,
    sourceId: invoice.id,
  });
  if (!asked.ok) {
    await db.transaction((tx) =>
      markUnfunded(tx, milestone, null, `Not charged: ${asked.message}`),
    );
    return asked;
  }
  await db
    .update(invoices)
    .set({ chargeId: asked.charge.id, updatedAt: now() })
    .where(eq(invoices.id, invoice.id));
  return asked;
}

/**
 * The key of the funding charge to ask for, given the invoice's charges so far: the last
 * one's while it is not failed (the same charge), a new one after the last automatic retry
 * failed, null while a retry is scheduled (the charge machinery tries it then).
 */
export function fundingChargeKeyOf(milestoneId: string, charges: ChargeRow[]): string | null {
  const last = charges.at(-1);
  if (last && last.status !== 'failed') return last.idempotencyKey;
  if (last && last.nextAttemptAt) return null;
  return charges.length === 0
    ? fundingKeyOf(milestoneId)
    : `${fundingKeyOf(milestoneId)}:${charges.length + 1}`;
}

function answerOf(charge: ChargeRow, milestone: MilestoneRow): FundResult {
  if (charge.status === 'succeeded') {
    return { ok: true, status: 'funded', message: `Milestone ${milestone.position} is funded.` };
  }
  if (charge.status === 'failed') {
    return { ok: false, reason: 'declined', message: declinedMessage(charge) };
  }
  return {
    ok: true,
    status: 'processing',
    message: `Payment processing: milestone ${milestone.position} is funded once your card's payment settles, usually within minutes.`,
  };
}

async function prepareFunding(
  tx: Tx,
  actor: FundingActor,
  found: { milestone: MilestoneRow; contract: typeof contracts.$inferSelect },
  amountCents: number,
): Promise<Prepared> {
  const { milestone, contract } = found;
  await tx
    .select({ id: milestones.id })
    .from(milestones)
    .where(eq(milestones.id, milestone.id))
    .for('update');
  const [state] = await tx
    .select()
    .from(milestoneStates)
    .where(eq(milestoneStates.milestoneId, milestone.id));
  if (state && !isNotFunded(state.status)) {
    return {
      kind: 'refused',
      result: {
        ok: true,
        status: 'funded',
        message: `Milestone ${milestone.position} is already funded.`,
      },
    };
  }
  let invoice = await findFundingInvoice(tx, milestone.id);
  if (invoice && invoice.grossCents !== amountCents) {
    return {
      kind: 'refused',
      result: {
        ok: false,
        reason: 'amount-fixed',
        message: `This milestone's invoice ${invoice.number} is for ${formatMoney(invoice.grossCents, invoice.currency)}: fund it with that amount.`,
      },
    };
  }
  const charges = invoice ? await listChargesOf(tx, MILESTONE_FUNDING_SOURCE, invoice.id) : [];
  const last = charges.at(-1);
  const key = fundingChargeKeyOf(milestone.id, charges);
  if (key === null) {
    return {
      kind: 'refused',
      result: { ok: false, reason: 'retry-scheduled', message: declinedMessage(last!) },
    };
  }
  if (last && last.status !== 'failed') return { kind: 'charge', invoice: invoice!, key };
  invoice ??= await issueInvoice(tx, {
    kind: 'milestone',
    contractId: contract.id,
    workspaceId: contract.workspaceId,
    freelancerId: contract.freelancerId!,
    currency: milestone.currency,
    feeBps: contract.feeBps,
    milestoneId: milestone.id,
    description: `Milestone ${milestone.position}: ${milestone.description}`,
    lines: [
      { description: `Milestone ${milestone.position}: ${milestone.description}`, amountCents },
    ],
  });
  // A request whose process stopped before its charge was made is taken up again, not repeated
  // (a charge made and not failed was answered above; a failed one left it unfunded).
  const isResumed = state?.status === 'funding';
  await tx
    .insert(milestoneStates)
    // updated_at by the clock: the tick resumes a funding left here for a few minutes.
    .values({
      milestoneId: milestone.id,
      contractId: contract.id,
      status: 'funding',
      updatedAt: now(),
    })
    .onConflictDoUpdate({
      target: milestoneStates.milestoneId,
      set: { status: 'funding', version: sql`${milestoneStates.version} + 1`, updatedAt: now() },
    });
  if (!isResumed) {
    await recordMilestoneStep(tx, {
      milestoneId: milestone.id,
      contractId: contract.id,
      type: 'funding_requested',
      actorId: actor.userId,
      ip: actor.ip,
      message: `${formatMoney(invoice.grossCents, invoice.currency)} charged to the default billing method (invoice ${invoice.number}).`,
    });
  }
  return { kind: 'charge', invoice, key };
}

function declinedMessage(charge: ChargeRow): string {
  const reason = charge.failureReason ?? 'Declined';
  return charge.nextAttemptAt
    ? `Your card was declined (${reason}). We will try it again on ${formatLongDateTime(charge.nextAttemptAt)}; you can change your default card on the billing page.`
    : `Your card was declined (${reason}). Nothing was charged and the milestone is not funded: check your card on the billing page and fund it again.`;
}

async function markUnfunded(
  tx: Tx,
  milestone: MilestoneRow,
  charge: ChargeRow | null,
  message: string,
) {
  await tx
    .update(milestoneStates)
    .set({ status: 'unfunded', version: sql`${milestoneStates.version} + 1`, updatedAt: now() })
    .where(
      and(eq(milestoneStates.milestoneId, milestone.id), eq(milestoneStates.status, 'funding')),
    );
  await recordMilestoneStep(tx, {
    milestoneId: milestone.id,
    contractId: milestone.contractId,
    type: 'funding_failed',
    actorId: null,
    message,
    detail: charge ? `charge ${charge.id}: ${charge.failureReason ?? 'declined'}` : message,
  });
}

async function lockFundingInvoice(tx: Tx, charge: ChargeRow) {
  const [row] = await tx
    .select({ invoice: invoices, milestone: milestones })
    .from(invoices)
    .innerJoin(milestones, eq(milestones.id, invoices.milestoneId))
    .where(and(eq(invoices.id, charge.sourceId), eq(invoices.kind, 'milestone')))
    .for('update', { of: invoices });
  if (!row) throw new Error(`Charge ${charge.id} names no milestone invoice ${charge.sourceId}`);
  return row;
}

/**
 * What a milestone's funding charge does when it settles or fails (registered under
 * `milestone_funding` in chargeHooks()). They run in the transaction that records the
 * charge's state, once per state; a crash before commit leaves the charge for the next
 * settlement run, which then does all of it (the posting's key refuses a second one).
 */
export const milestoneFundingHooks: ChargeHooks = {
  async onSettled(tx, charge) {
    const { invoice, milestone } = await lockFundingInvoice(tx, charge);
    const gross = invoice.grossCents;
    await postTransaction(tx, {
      key: fundingKeyOf(milestone.id),
      source: { type: 'milestone', id: milestone.id },
      kind: 'charge',
      memo: `Milestone ${milestone.position} funded (invoice ${invoice.number})`,
      entries: [
        { account: accounts.clientFunding(), cents: -gross, currency: invoice.currency },
        { account: accounts.escrow(invoice.contractId), cents: gross, currency: invoice.currency },
      ],
    });
    const at = now();
    await tx
      .update(milestoneStates)
      .set({
        status: 'funded',
        fundedCents: gross,
        feeCents: invoice.feeCents,
        fundedAt: at,
        version: sql`${milestoneStates.version} + 1`,
        updatedAt: at,
      })
      .where(
        and(
          eq(milestoneStates.milestoneId, milestone.id),
          inArray(milestoneStates.status, [...NOT_FUNDED_STATUSES]),
        ),
      );
    await tx
      .update(invoices)
      .set({ paymentStatus: 'paid', paidAt: at, chargeId: charge.id, updatedAt: at })
      .where(eq(invoices.id, invoice.id));
    const amount = formatMoney(gross, invoice.currency);
    await recordMilestoneStep(tx, {
      milestoneId: milestone.id,
      contractId: invoice.contractId,
      type: 'funded',
      actorId: null,
      message: `${amount} is in escrow (invoice ${invoice.number} paid).`,
    });
    const parties = await findContractParties(tx, invoice.contractId);
    if (parties.freelancer) {
      await sendMoneyNotice(tx, parties.freelancer.email, 'milestone-funded', {
        firstName: parties.freelancer.firstName,
        heading: `Milestone ${milestone.position} is funded: you can start`,
        paragraphs: [
          `${parties.client.workspaceName} funded milestone ${milestone.position} of “${parties.contract.title}” (${milestone.description}): ${amount} is held in escrow.`,
          'Submit your work from the milestone page when it is ready; the money is released to you when the client approves it, or automatically 14 days after you submit if they do not answer.',
        ],
        actionLabel: 'Open the milestone',
        path: milestonePath(invoice.contractId, milestone.id),
      });
    }
  },

  async onFailed(tx, charge, { willRetry }) {
    const { invoice, milestone } = await lockFundingInvoice(tx, charge);
    const at = now();
    await markPaymentFailed(tx, invoice.id, charge.id, at);
    const message = declinedMessage(charge);
    await markUnfunded(tx, milestone, charge, message);
    const parties = await findContractParties(tx, invoice.contractId);
    await sendMoneyNotice(tx, parties.client.email, 'milestone-funding-failed', {
      firstName: parties.client.name,
      heading: `Milestone ${milestone.position} is not funded: your card was declined`,
      paragraphs: [
        `We could not charge ${formatMoney(invoice.grossCents, invoice.currency)} for milestone ${milestone.position} of “${parties.contract.title}”.`,
        message,
        willRetry
          ? 'The freelancer waits for the milestone to be funded before starting.'
          : 'No more automatic retries: fund it again from the milestone page once your card is in order.',
      ],
      actionLabel: 'Open the milestone',
      path: milestonePath(invoice.contractId, milestone.id),
    });
  },
};
