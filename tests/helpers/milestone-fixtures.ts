import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  contracts,
  emailOutbox,
  invoices,
  milestoneEvents,
  milestones,
  milestoneStates,
  paymentCharges,
} from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { findLedgerProblems } from '@/lib/ledger/check';
import type { PaymentProvider } from '@/lib/payments/provider';
import { APPROVED_CARD, clientWithCard } from './billing-fixtures';
import { acceptedContract, uniqueEmail } from './compliance-fixtures';

/**
 * An accepted fixed-price contract (two milestones: $500 and $1,250) whose client has a
 * simulated card as its default, made active whatever compliance would ask, so money can move.
 */
export async function fundableContract(
  db: Db,
  provider: PaymentProvider,
  card = APPROVED_CARD,
): Promise<{
  inviter: Inviter;
  contractId: string;
  freelancerId: string;
  freelancerEmail: string;
  milestoneIds: string[];
}> {
  const { inviter } = await clientWithCard(db, provider, card);
  const freelancerEmail = uniqueEmail('maker');
  const made = await acceptedContract(db, inviter, freelancerEmail, { kind: 'fixed' });
  await db.update(contracts).set({ status: 'active' }).where(eq(contracts.id, made.contractId));
  const rows = await db
    .select({ id: milestones.id })
    .from(milestones)
    .where(eq(milestones.contractId, made.contractId))
    .orderBy(asc(milestones.position));
  return {
    inviter,
    contractId: made.contractId,
    freelancerId: made.freelancerId,
    freelancerEmail,
    milestoneIds: rows.map((r) => r.id),
  };
}

export async function milestoneStateOf(db: Db, milestoneId: string) {
  const [row] = await db
    .select()
    .from(milestoneStates)
    .where(eq(milestoneStates.milestoneId, milestoneId));
  return row ?? null;
}

export async function eventTypesOf(db: Db, milestoneId: string) {
  const rows = await db
    .select({ type: milestoneEvents.type })
    .from(milestoneEvents)
    .where(eq(milestoneEvents.milestoneId, milestoneId))
    .orderBy(asc(milestoneEvents.createdAt));
  return rows.map((r) => r.type);
}

export async function invoicesOfContract(db: Db, contractId: string) {
  return db.select().from(invoices).where(eq(invoices.contractId, contractId));
}

export async function chargesFor(db: Db, sourceType: string) {
  return db.select().from(paymentCharges).where(eq(paymentCharges.sourceType, sourceType));
}

export async function emailsTo(db: Db, to: string, template?: string) {
  const rows = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to));
  return rows.filter((r) => template === undefined || r.template === template);
}

/** The ledger's invariants (balanced, nothing but world: accounts below zero): none broken. */
export async function expectLedgerSound(db: Db) {
  expect(await findLedgerProblems(db)).toEqual([]);
}
