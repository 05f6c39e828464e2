// A funded milestone, set up directly (milestone_state funded, the escrow charge posting, a
// paid milestone invoice with its settled card charge), until the fund helper's code lands.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  contracts,
  invoices,
  milestoneStates,
  milestones,
  paymentCharges,
  simulatedCharges,
  users,
} from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { requestCharge } from '@/lib/billing/charges';
import { now } from '@/lib/clock';
import type { ContractViewer } from '@/lib/contracts/access';
import { issueInvoice } from '@/lib/invoices/issue';
import { accounts } from '@/lib/ledger/accounts';
import { findLedgerProblems } from '@/lib/ledger/check';
import { postTransaction } from '@/lib/ledger/post';
import { balanceOf } from '@/lib/ledger/queries';
import type { PaymentProvider } from '@/lib/payments/provider';
import { clientWithCard } from './billing-fixtures';
import { acceptedContract, createWorkspace, uniqueEmail } from './compliance-fixtures';
import { emailsTo as emailsToAddress, milestoneStateOf } from './milestone-fixtures';

export type FundedMilestone = {
  contractId: string;
  milestoneId: string;
  freelancerId: string;
  freelancerEmail: string;
  client: Inviter;
  invoiceId: string;
  chargeId: string;
  grossCents: number;
  feeCents: number;
  clientViewer: ContractViewer;
  freelancerViewer: ContractViewer;
};

/** A fixed-price contract whose first milestone is funded into escrow with a real (simulated) charge. */
export async function fundedMilestone(
  db: Db,
  provider: PaymentProvider,
  client?: Inviter,
): Promise<FundedMilestone> {
  const inviter = client ?? (await clientWithCard(db, provider)).inviter;
  const freelancerEmail = uniqueEmail('milestone');
  const made = await acceptedContract(db, inviter, freelancerEmail, { kind: 'fixed' });
  const [contract] = await db.select().from(contracts).where(eq(contracts.id, made.contractId));
  const [milestone] = await db
    .select()
    .from(milestones)
    .where(eq(milestones.contractId, contract.id))
    .orderBy(asc(milestones.position))
    .limit(1);
  const invoice = await db.transaction((tx) =>
    issueInvoice(tx, {
      kind: 'milestone',
      contractId: contract.id,
      workspaceId: contract.workspaceId,
      freelancerId: made.freelancerId,
      currency: milestone.currency,
      feeBps: contract.feeBps,
      milestoneId: milestone.id,
      description: milestone.description,
      lines: [{ description: milestone.description, amountCents: milestone.amountCents }],
    }),
  );
  const charged = await requestCharge(
    db,
    provider,
    {},
    {
      workspaceId: contract.workspaceId,
      amountCents: invoice.grossCents,
      currency: invoice.currency,
      idempotencyKey: `milestone:${milestone.id}:fund`,
      sourceType: 'milestone_funding',
      sourceId: invoice.id,
    },
  );
  if (!charged.ok) throw new Error(charged.message);
  const chargeId = charged.charge.id;
  // Settled as the settlement job would, without waiting for it.
  await db
    .update(simulatedCharges)
    .set({ settlesAt: new Date(0) })
    .where(eq(simulatedCharges.ref, charged.charge.providerRef!));
  await db
    .update(paymentCharges)
    .set({ status: 'succeeded', settledAt: now(), nextAttemptAt: null })
    .where(eq(paymentCharges.id, chargeId));
  await db.transaction(async (tx) => {
    await postTransaction(tx, {
      key: `milestone:${milestone.id}:fund`,
      source: { type: 'milestone', id: milestone.id },
      kind: 'charge',
      entries: [
        {
          account: accounts.clientFunding(),
          cents: -invoice.grossCents,
          currency: invoice.currency,
        },
        {
          account: accounts.escrow(contract.id),
          cents: invoice.grossCents,
          currency: invoice.currency,
        },
      ],
    });
    await tx
      .update(invoices)
      .set({ paymentStatus: 'paid', paidAt: now(), chargeId })
      .where(eq(invoices.id, invoice.id));
    await tx.insert(milestoneStates).values({
      milestoneId: milestone.id,
      contractId: contract.id,
      status: 'funded',
      fundedCents: invoice.grossCents,
      fundedAt: now(),
    });
  });
  return {
    contractId: contract.id,
    milestoneId: milestone.id,
    freelancerId: made.freelancerId,
    freelancerEmail,
    client: inviter,
    invoiceId: invoice.id,
    chargeId,
    grossCents: invoice.grossCents,
    feeCents: invoice.feeCents,
    clientViewer: { userId: inviter.userId, workspaceId: inviter.workspaceId, isAdmin: false },
    freelancerViewer: { userId: made.freelancerId, workspaceId: null, isAdmin: false },
  };
}

/** An ops reviewer (any account; isAdmin is what ADMIN_EMAILS would say). */
export async function opsViewer(db: Db): Promise<ContractViewer> {
  const someone = await createWorkspace(db, 'company', 'Ops person');
  return { userId: someone.userId, workspaceId: null, isAdmin: true };
}

/** The milestone's state row (milestoneStateOf), for a milestone the test knows has one. */
export async function stateOf(db: Db, milestoneId: string) {
  const row = await milestoneStateOf(db, milestoneId);
  if (!row) throw new Error(`milestone ${milestoneId} has no state`);
  return row;
}

/** The balances a milestone touches, and the ledger's own audit (balanced, none negative). */
export async function moneyOf(db: Db, m: FundedMilestone) {
  return {
    escrow: await balanceOf(db, accounts.escrow(m.contractId)),
    pending: await balanceOf(db, accounts.pending(m.freelancerId)),
    fees: await balanceOf(db, accounts.serviceFees()),
    problems: await findLedgerProblems(db),
  };
}

/** The outbox rows to one account (by its user id), of one template if given. */
export async function emailsTo(db: Db, userId: string, template?: string) {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return emailsToAddress(db, user.email, template);
}

export async function creditNotesOf(db: Db, invoiceId: string) {
  return db
    .select()
    .from(invoices)
    .where(and(eq(invoices.kind, 'credit_note'), eq(invoices.creditsInvoiceId, invoiceId)));
}
