import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { clientWorkspaces, contracts, invoices, timeEntries, users } from '@/db/schema';
import { recordAuditEntries } from '@/lib/audit/log';
import { now } from '@/lib/clock';
import { enqueueRenderedEmails } from '@/lib/email/outbox';
import { issueInvoices, type InvoiceRow } from '@/lib/invoices/issue';
import type { BillableEntry } from './billable';
import { invoiceEmailsOf, type InvoiceEmailTemplates, type InvoiceParties } from './invoice-emails';
import {
  asInvoiceable,
  isInvoiceable,
  issuedAuditDetail,
  uninvoicedClosedTime,
  weekInvoiceOf,
  weekOfEntry,
  type InvoiceableContract,
  type WeekInvoice,
} from './invoice-week';

/*
 * The billing tick's invoicing of a whole batch of contracts in a fixed number of
 * statements (about ten, whatever the batch size) instead of about a dozen per contract:
 * `npm run bench:tick` invoices 10,000 contracts, and one statement costs about a
 * millisecond on PGlite. The invoices are the same as the per-contract path's
 * (lib/hourly/invoicing.ts), built by the same functions (invoice-week.ts).
 */

/** `values` grouped by `keyOf`, in the order first seen. */
function groupBy<T>(values: readonly T[], keyOf: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const key = keyOf(value);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

/**
 * Holds the batch's contracts (FOR NO KEY UPDATE, skipping those another worker holds: it
 * invoices them) and their freelancers' time locks (the diary's, lib/hourly/queries.ts
 * lockFreelancerTime), both in id order so two workers never wait on each other in a circle.
 * Returns the contracts held that can be invoiced, and each freelancer's name and email.
 */
async function lockBatch(tx: Tx, contractIds: string[]) {
  const held = await tx
    .select()
    .from(contracts)
    .where(and(inArray(contracts.id, contractIds), isInvoiceable))
    .orderBy(asc(contracts.id))
    .for('no key update', { skipLocked: true });
  const invoiceable = held.flatMap((contract) => asInvoiceable(contract) ?? []);
  if (invoiceable.length === 0) return { invoiceable, freelancers: new Map() };
  const freelancerRows = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(
      inArray(
        users.id,
        invoiceable.map((contract) => contract.freelancerId),
      ),
    )
    .orderBy(asc(users.id))
    .for('no key update');
  return { invoiceable, freelancers: new Map(freelancerRows.map((row) => [row.id, row])) };
}

/** The finished, un-invoiced entries of closed weeks of these contracts, earliest first. */
async function closedTimeOf(tx: Tx, contractIds: string[], at: Date) {
  const rows = await tx
    .select({
      id: timeEntries.id,
      contractId: timeEntries.contractId,
      startedAt: timeEntries.startedAt,
      endedAt: timeEntries.endedAt,
      weekStart: sql<string>`${weekOfEntry}::text`,
    })
    .from(timeEntries)
    .where(and(inArray(timeEntries.contractId, contractIds), uninvoicedClosedTime(at)))
    .orderBy(asc(timeEntries.contractId), asc(timeEntries.startedAt));
  return rows.flatMap((row) => (row.endedAt ? [{ ...row, endedAt: row.endedAt }] : []));
}

async function clientsOf(tx: Tx, workspaceIds: string[]) {
  const rows = await tx
    .select({
      workspaceId: clientWorkspaces.id,
      email: users.email,
      name: users.name,
      workspaceName: clientWorkspaces.name,
    })
    .from(clientWorkspaces)
    .innerJoin(users, eq(users.id, clientWorkspaces.ownerId))
    .where(inArray(clientWorkspaces.id, workspaceIds));
  return new Map(rows.map((row) => [row.workspaceId, row]));
}

type PlannedInvoice = { contract: InvoiceableContract; week: WeekInvoice; entryCount: number };

/** Every invoice the batch's closed weeks make, each contract's weeks in order. */
function planInvoices(
  invoiceable: InvoiceableContract[],
  entries: (BillableEntry & { contractId: string; weekStart: string })[],
  at: Date,
): PlannedInvoice[] {
  const byContract = groupBy(entries, (entry) => entry.contractId);
  return invoiceable.flatMap((contract) => {
    const weeks = groupBy(byContract.get(contract.id) ?? [], (entry) => entry.weekStart);
    return [...weeks.keys()].sort().flatMap((weekStart) => {
      const weekEntries = weeks.get(weekStart)!;
      const week = weekInvoiceOf(contract, weekStart, weekEntries, at);
      return week ? [{ contract, week, entryCount: weekEntries.length }] : [];
    });
  });
}

/**
 * Links every finished, un-invoiced entry of each new invoice's contract and week to it,
 * in one statement (the entries planInvoices read: the locks keep them as they were).
 */
async function linkEntries(tx: Tx, contractIds: string[], invoiceIds: string[]): Promise<number> {
  const linked = await tx
    .update(timeEntries)
    .set({ invoiceId: sql`${invoices.id}`, updatedAt: now() })
    .from(invoices)
    .where(
      and(
        inArray(invoices.id, invoiceIds),
        // Redundant with the join, but lets the planner use the entries' contract index.
        inArray(timeEntries.contractId, contractIds),
        eq(invoices.contractId, timeEntries.contractId),
        sql`${invoices.weekStart} = ${weekOfEntry}`,
        isNull(timeEntries.invoiceId),
        isNotNull(timeEntries.endedAt),
      ),
    )
    .returning({ id: timeEntries.id });
  return linked.length;
}

/**
 * Invoices every closed, un-invoiced week of a batch of contracts inside `tx`, as
 * invoiceContractWeeks does for one: the invoices and their lines, the entries linked so
 * they never change again, both sides emailed, an audit entry each. Contracts another
 * worker holds are skipped. Any error (the unique week index refusing a double, say)
 * throws for the whole batch: the caller rolls it back and goes contract by contract.
 */
export async function invoiceContractBatch(
  tx: Tx,
  contractIds: string[],
  at: Date,
  templates: InvoiceEmailTemplates,
): Promise<InvoiceRow[]> {
  if (contractIds.length === 0) return [];
  const { invoiceable, freelancers } = await lockBatch(tx, contractIds);
  if (invoiceable.length === 0) return [];
  const entries = await closedTimeOf(
    tx,
    invoiceable.map((contract) => contract.id),
    at,
  );
  const planned = planInvoices(invoiceable, entries, at);
  if (planned.length === 0) return [];
  const issued = await issueInvoices(
    tx,
    planned.map((plan) => plan.week.input),
  );
  const expected = planned.reduce((sum, plan) => sum + plan.entryCount, 0);
  const linked = await linkEntries(
    tx,
    [...new Set(planned.map((plan) => plan.contract.id))],
    issued.map((invoice) => invoice.id),
  );
  if (linked !== expected)
    throw new Error(`Invoice batch: ${expected} entries read, ${linked} linked`);
  const clients = await clientsOf(tx, [
    ...new Set(planned.map((plan) => plan.contract.workspaceId)),
  ]);
  const emails = await Promise.all(
    planned.map((plan, index) => {
      const parties: InvoiceParties = {
        client: clients.get(plan.contract.workspaceId)!,
        freelancer: freelancers.get(plan.contract.freelancerId)!,
      };
      return invoiceEmailsOf(
        templates,
        parties,
        plan.contract.title,
        issued[index],
        plan.week.input.reviewEndsAt,
      );
    }),
  );
  await enqueueRenderedEmails(tx, emails.flat(), 'bulk');
  await recordAuditEntries(
    tx,
    planned.map((plan, index) => ({
      actorId: null,
      action: 'invoice.issued' as const,
      targetType: 'invoice',
      targetId: issued[index].id,
      detail: issuedAuditDetail(plan.week, issued[index]),
    })),
  );
  return issued;
}
