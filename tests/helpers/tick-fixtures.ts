import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contracts, emailOutbox, invoices, paymentCharges, timeEntries, users } from '@/db/schema';
import type { PaymentProvider } from '@/lib/payments/provider';
import { addSimulatedCard, APPROVED_CARD } from './billing-fixtures';
import { diaryContract, type DiaryContract } from './diary-fixtures';

export type TickContract = DiaryContract & { clientEmail: string; freelancerEmail: string };

/**
 * An active hourly contract (rate $50/h, fee 10% unless told) whose client has a simulated
 * card (`card`, or none with null), started on 2026-11-02 unless told.
 */
export async function tickContract(
  db: Db,
  provider: PaymentProvider,
  terms: {
    card?: string | null;
    weeklyLimitHours?: number | null;
    rateCents?: number;
    feeBps?: number;
    startDate?: string;
  } = {},
): Promise<TickContract> {
  const made = await diaryContract(db, {
    weeklyLimitHours: terms.weeklyLimitHours === undefined ? 40 : terms.weeklyLimitHours,
    startDate: terms.startDate ?? '2026-10-05',
  });
  await db
    .update(contracts)
    .set({ hourlyRateCents: terms.rateCents ?? 5000, feeBps: terms.feeBps ?? 1000 })
    .where(eq(contracts.id, made.contractId));
  if (terms.card !== null) {
    const added = await addSimulatedCard(
      db,
      provider,
      {
        userId: made.clientUserId,
        name: 'Dana Lee',
        workspaceId: made.workspaceId,
        workspaceName: 'Acme Studio',
      },
      terms.card ?? APPROVED_CARD,
    );
    if (!added.ok) throw new Error(added.message);
  }
  const emailOf = async (id: string) =>
    (await db.select({ email: users.email }).from(users).where(eq(users.id, id)))[0].email;
  return {
    ...made,
    clientEmail: await emailOf(made.clientUserId),
    freelancerEmail: await emailOf(made.freelancerId),
  };
}

/** Finished entries on the contract, from ISO start to ISO end (UTC), with a memo. */
export async function addTime(db: Db, contract: DiaryContract, spans: [string, string][]) {
  if (spans.length === 0) return [];
  return db
    .insert(timeEntries)
    .values(
      spans.map(([start, end]) => ({
        contractId: contract.contractId,
        freelancerId: contract.freelancerId,
        kind: 'tracked' as const,
        startedAt: new Date(start),
        endedAt: new Date(end),
        memo: 'Layout work',
      })),
    )
    .returning();
}

export async function invoicesOf(db: Db, contractId: string) {
  return db
    .select()
    .from(invoices)
    .where(eq(invoices.contractId, contractId))
    .orderBy(invoices.weekStart);
}

export async function chargesOfInvoice(db: Db, invoiceId: string) {
  return db.select().from(paymentCharges).where(eq(paymentCharges.sourceId, invoiceId));
}

/** The ledger transactions of an hourly invoice (read-only, as lib/ledger/check reads them). */
export async function ledgerTransactionsOf(db: Db, invoiceId: string) {
  const result = await db.execute(sql`
    select t.kind, t.idempotency_key as key, sum(e.amount_cents) filter (where e.amount_cents > 0)::int as cents
    from ledger_transaction t join ledger_entry e on e.transaction_id = t.id
    where t.source_type = 'hourly_invoice' and t.source_id = ${invoiceId}
    group by t.id, t.kind, t.idempotency_key`);
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return rows as { kind: string; key: string; cents: number }[];
}

export async function emailsTo(db: Db, to: string, template?: string) {
  const rows = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to));
  return template ? rows.filter((row) => row.template === template) : rows;
}

/** A silent log for the tick in tests (its lines are asserted where they matter). */
export const quiet = () => {};
