import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contracts, invoices, timeEntries } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { applyChargeState, requestCharge, type ChargeHookTable } from '@/lib/billing/charges';
import { findDefaultBillingMethod } from '@/lib/billing/queries';
import { billableDays } from '@/lib/hourly/billable';
import { hourlyChargeKeyOf, hourlyInvoiceChargeHooks } from '@/lib/hourly/invoice-charges';
import { lineCents } from '@/lib/hourly/invoicing';
import { reviewEndsOf, weekStartFromDate } from '@/lib/hourly/week';
import { issueInvoice } from '@/lib/invoices/issue';
import { accounts } from '@/lib/ledger/accounts';
import { findLedgerProblems } from '@/lib/ledger/check';
import { balanceOf } from '@/lib/ledger/queries';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { addSimulatedCard, APPROVED_CARD } from './billing-fixtures';
import { acceptedContract, createWorkspace, uniqueEmail } from './compliance-fixtures';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** One entry of the week: the weekday (0 = Monday), its length and memo. */
export type EntrySpec = { day: number; minutes: number; memo?: string };

export const DEFAULT_ENTRIES: EntrySpec[] = [
  { day: 0, minutes: 120, memo: 'Wireframes' },
  { day: 0, minutes: 50, memo: 'Call with the client' },
  { day: 2, minutes: 200, memo: 'Booking form' },
];

/** The billing tick's charge hook for hourly invoices (lib/hourly/invoice-charges.ts). */
export const hourlyChargeHooks: ChargeHookTable = { hourly_invoice: hourlyInvoiceChargeHooks };

/**
 * An hourly contract with a week of time invoiced (Monday 12:00 after the week, as the tick
 * does) and, unless `pay: false`, charged on the client's simulated card and settled. Run it
 * with the clock at or after the invoice time.
 */
export async function invoicedWeek(
  db: Db,
  options: {
    weekStart: string;
    inviter?: Inviter;
    entries?: EntrySpec[];
    pay?: boolean;
  },
) {
  const provider = createSimulatedProvider(db);
  const inviter = options.inviter ?? (await createWorkspace(db, 'company'));
  if (!(await findDefaultBillingMethod(db, inviter.workspaceId))) {
    const added = await addSimulatedCard(db, provider, inviter, APPROVED_CARD);
    if (!added.ok) throw new Error(added.message);
  }
  const freelancerEmail = uniqueEmail('hourly');
  const made = await acceptedContract(db, inviter, freelancerEmail);
  const [contract] = await db.select().from(contracts).where(eq(contracts.id, made.contractId));
  const weekStart = weekStartFromDate(options.weekStart);
  const specs = options.entries ?? DEFAULT_ENTRIES;
  const rows = await db
    .insert(timeEntries)
    .values(
      specs.map((spec, index) => {
        const startedAt = new Date(weekStart.getTime() + spec.day * DAY_MS + (8 + index) * HOUR_MS);
        return {
          contractId: contract.id,
          freelancerId: made.freelancerId,
          kind: 'tracked' as const,
          startedAt,
          endedAt: new Date(startedAt.getTime() + spec.minutes * 60_000),
          memo: spec.memo ?? '',
        };
      }),
    )
    .returning();
  const days = billableDays(
    rows.map((r) => ({ id: r.id, startedAt: r.startedAt, endedAt: r.endedAt! })),
    contract.weeklyLimitHours,
  );
  const rate = contract.hourlyRateCents!;
  const invoice = await db.transaction(async (tx) => {
    const issued = await issueInvoice(tx, {
      kind: 'hourly',
      contractId: contract.id,
      workspaceId: contract.workspaceId,
      freelancerId: made.freelancerId,
      currency: contract.currency,
      feeBps: contract.feeBps,
      weekStart: options.weekStart,
      minutes: days.reduce((sum, d) => sum + d.minutes, 0),
      rateCents: rate,
      reviewEndsAt: reviewEndsOf(weekStart),
      lines: days.map((d) => ({
        description: `Work on ${d.workDate}`,
        workDate: d.workDate,
        minutes: d.minutes,
        amountCents: lineCents(d.minutes, rate),
      })),
    });
    await tx
      .update(timeEntries)
      .set({ invoiceId: issued.id })
      .where(
        inArray(
          timeEntries.id,
          days.flatMap((d) => d.entryIds),
        ),
      );
    return issued;
  });
  if (options.pay !== false) {
    const asked = await requestCharge(db, provider, hourlyChargeHooks, {
      workspaceId: contract.workspaceId,
      amountCents: invoice.grossCents,
      currency: invoice.currency,
      idempotencyKey: hourlyChargeKeyOf(invoice),
      sourceType: 'hourly_invoice',
      sourceId: invoice.id,
    });
    if (!asked.ok) throw new Error(asked.message);
    const state = await provider.readCharge(asked.charge.providerRef!);
    await applyChargeState(db, hourlyChargeHooks, asked.charge.id, asked.charge.attempt, state);
  }
  const [fresh] = await db.select().from(invoices).where(eq(invoices.id, invoice.id));
  return {
    inviter,
    contract,
    freelancerId: made.freelancerId,
    freelancerEmail,
    invoice: fresh,
    entryIds: rows.map((r) => r.id),
  };
}

/** The ledger's invariants: no problem found, and no account below zero but the world's. */
export async function expectLedgerSound(db: Db) {
  expect(await findLedgerProblems(db)).toEqual([]);
}

/** Balances of the accounts one hourly week touches. */
export async function weekBalances(db: Db, contractId: string, freelancerId: string) {
  return {
    inReview: await balanceOf(db, accounts.inReview(contractId)),
    pending: await balanceOf(db, accounts.pending(freelancerId)),
    fees: await balanceOf(db, accounts.serviceFees()),
  };
}
