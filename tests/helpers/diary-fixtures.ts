import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contracts, disputes, invoices, timeEntries } from '@/db/schema';
import type { DiaryWriter } from '@/lib/hourly/service';
import { makeFreelancer } from '@/lib/test-hooks/factories';
import { freelancerRequestSchema } from '@/lib/test-hooks/schemas';

export type DiaryContract = {
  contractId: string;
  freelancerId: string;
  workspaceId: string;
  clientUserId: string;
  /** The freelancer as the diary's services see them. */
  writer: DiaryWriter;
};

/**
 * An active hourly contract with its freelancer (basic info in `timeZone`), its terms set
 * directly: the start date, the weekly limit (null: none) and whether manual time is allowed.
 */
export async function diaryContract(
  db: Db,
  terms: {
    startDate?: string;
    weeklyLimitHours?: number | null;
    allowManualTime?: boolean;
    timeZone?: string;
    clientEmail?: string;
  } = {},
): Promise<DiaryContract> {
  const made = await makeFreelancer(
    db,
    freelancerRequestSchema.parse({
      kind: 'freelancer',
      step: 'contract',
      timeZone: terms.timeZone ?? 'Europe/Lisbon',
      ...(terms.clientEmail ? { clientEmail: terms.clientEmail } : {}),
    }),
  );
  if (!made.userId) throw new Error('the factory made no account');
  await db
    .update(contracts)
    .set({
      status: 'active',
      startDate: terms.startDate ?? '2026-11-02',
      weeklyLimitHours: terms.weeklyLimitHours === undefined ? 40 : terms.weeklyLimitHours,
      allowManualTime: terms.allowManualTime ?? true,
    })
    .where(eq(contracts.id, made.contractId));
  return {
    contractId: made.contractId,
    freelancerId: made.userId,
    workspaceId: made.client.workspaceId,
    clientUserId: made.client.userId,
    writer: { userId: made.userId, workspaceId: null, isAdmin: false },
  };
}

/** An hourly invoice of the contract's week, issued at `issuedAt`; its id. */
export async function hourlyInvoice(
  db: Db,
  contract: DiaryContract,
  weekStart: string,
  extra: Partial<typeof invoices.$inferInsert> = {},
): Promise<string> {
  const [row] = await db
    .insert(invoices)
    .values({
      kind: 'hourly',
      contractId: contract.contractId,
      workspaceId: contract.workspaceId,
      freelancerId: contract.freelancerId,
      weekStart,
      minutes: 60,
      rateCents: 5000,
      grossCents: 5000,
      feeBps: 1000,
      feeCents: 500,
      netCents: 4500,
      issuedAt: new Date(`${weekStart}T00:00:00Z`),
      ...extra,
    })
    .returning({ id: invoices.id });
  return row.id;
}

/** An open dispute of an invoice of the contract. */
export async function openDispute(db: Db, contract: DiaryContract, invoiceId: string) {
  const [row] = await db
    .insert(disputes)
    .values({
      invoiceId,
      contractId: contract.contractId,
      openedBy: contract.clientUserId,
      reason: 'These hours were not worked.',
      disputedCents: 5000,
      answerDueAt: new Date('2030-01-01T00:00:00Z'),
    })
    .returning({ id: disputes.id });
  return row.id;
}

export async function entriesOf(db: Db, contractId: string) {
  return db
    .select()
    .from(timeEntries)
    .where(eq(timeEntries.contractId, contractId))
    .orderBy(timeEntries.startedAt);
}

/** "2026-12-01T09:00:00Z" → Date, for short tests. */
export const utc = (iso: string) => new Date(iso);
