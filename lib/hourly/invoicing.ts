import {
  and,
  asc,
  countDistinct,
  eq,
  exists,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  sql,
} from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import {
  clientWorkspaces,
  contracts,
  invoices,
  paymentCharges,
  timeEntries,
  users,
} from '@/db/schema';
import { recordAudit } from '@/lib/audit/log';
import { requestCharges } from '@/lib/billing/charge-batch';
import { now } from '@/lib/clock';
import { enqueueRenderedEmails } from '@/lib/email/outbox';
import { issueInvoice, type InvoiceRow } from '@/lib/invoices/issue';
import type { PaymentProvider } from '@/lib/payments/provider';
import { selectPaymentProvider } from '@/lib/payments/select';
import { lockFreelancerTime } from './queries';
import { invoiceContractBatch } from './invoice-batch';
import {
  HOURLY_INVOICE_SOURCE,
  hourlyChargeKeyOf,
  hourlyInvoiceChargeHooks,
} from './invoice-charges';
import {
  invoiceEmailsOf,
  invoiceEmailTemplates,
  type InvoiceEmailTemplates,
} from './invoice-emails';
import {
  asInvoiceable,
  isInvoiceable,
  issuedAuditDetail,
  uninvoicedClosedTime,
  weekInvoiceOf,
  weekOfEntry,
  type InvoiceableContract,
} from './invoice-week';
import { weekEndOf, weekStartFromDate } from './week';

export { formatDuration, invoicedWeeksEndOf, lineCents } from './invoice-week';
export { invoiceEmailTemplates, type InvoiceEmailTemplates } from './invoice-emails';

/** The charge is asked for with only this source's hooks: a charge of ours is never another's. */
const HOOKS = { [HOURLY_INVOICE_SOURCE]: hourlyInvoiceChargeHooks };

/**
 * Provider calls at once after a batch is invoiced: each is a call and the record of its
 * answer, so on the Postgres server they use the pool's connections (5 by default) side by
 * side; PGlite runs them one after another. `npm run bench:tick`.
 */
export const CHARGE_CONCURRENCY = 5;

/**
 * Contracts per batch (one transaction): `npm run bench:tick` at 10,000 contracts took 50 s
 * on the server and 49 s on PGlite at 500, 56 s and 62 s at 200. A batch's largest statement
 * (its invoice lines, 6 values each) stays far below Postgres's 65,535 parameters.
 */
const DEFAULT_BATCH_SIZE = 500;

export type IssueDueInvoicesOptions = {
  batchSize?: number;
  /** How many charges are asked for at once (default CHARGE_CONCURRENCY). */
  chargeConcurrency?: number;
  provider?: PaymentProvider;
  /** After each contract: how many are done of how many were due when the step began. */
  onProgress?: (done: number, total: number) => void;
  log?: (line: string) => void;
};

async function countDueContracts(db: Db, at: Date): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(timeEntries.contractId) })
    .from(timeEntries)
    .innerJoin(contracts, eq(contracts.id, timeEntries.contractId))
    .where(and(isInvoiceable, uninvoicedClosedTime(at)));
  return row.n;
}

/**
 * The next `limit` contracts (in id order, after `after`) with closed, un-invoiced time.
 * It walks the contracts and looks up each one's time by its index, so each batch reads
 * about `limit` contracts: a query from the time's side read every un-invoiced entry for
 * every batch (8 s of the 10,000 contracts of `npm run bench:tick` on PGlite).
 */
async function findDueContracts(db: Db, at: Date, after: string | null, limit: number) {
  const rows = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(
      and(
        isInvoiceable,
        after ? gt(contracts.id, after) : undefined,
        exists(
          db
            .select({ id: timeEntries.id })
            .from(timeEntries)
            .where(and(eq(timeEntries.contractId, contracts.id), uninvoicedClosedTime(at))),
        ),
      ),
    )
    .orderBy(asc(contracts.id))
    .limit(limit);
  return rows.map((row) => row.id);
}

/**
 * Invoices one closed week of a contract (inside the contract's transaction): the invoice
 * of weekInvoiceOf, the week's entries linked to it so they never change again, both sides
 * emailed, an audit entry. A week whose time bills nothing makes no invoice.
 */
async function invoiceWeek(
  tx: Tx,
  contract: InvoiceableContract,
  weekStart: string,
  at: Date,
  templates: InvoiceEmailTemplates,
): Promise<InvoiceRow | null> {
  const start = weekStartFromDate(weekStart);
  const entries = await tx
    .select({ id: timeEntries.id, startedAt: timeEntries.startedAt, endedAt: timeEntries.endedAt })
    .from(timeEntries)
    .where(
      and(
        eq(timeEntries.contractId, contract.id),
        isNull(timeEntries.invoiceId),
        isNotNull(timeEntries.endedAt),
        gte(timeEntries.startedAt, start),
        lt(timeEntries.startedAt, weekEndOf(start)),
      ),
    )
    .orderBy(asc(timeEntries.startedAt));
  const finished = entries.flatMap((entry) =>
    entry.endedAt ? [{ ...entry, endedAt: entry.endedAt }] : [],
  );
  const week = weekInvoiceOf(contract, weekStart, finished, at);
  if (!week) return null;
  const invoice = await issueInvoice(tx, week.input);
  const linked = await tx
    .update(timeEntries)
    .set({ invoiceId: invoice.id, updatedAt: now() })
    .where(
      and(
        inArray(
          timeEntries.id,
          entries.map((entry) => entry.id),
        ),
        isNull(timeEntries.invoiceId),
      ),
    )
    .returning({ id: timeEntries.id });
  if (linked.length !== entries.length) throw new Error(`Week ${week.isoWeek}: entries changed`);
  await emailBothSides(tx, contract, invoice, week.input.reviewEndsAt, templates);
  await recordAudit(tx, {
    actorId: null,
    action: 'invoice.issued',
    targetType: 'invoice',
    targetId: invoice.id,
    detail: issuedAuditDetail(week, invoice),
  });
  return invoice;
}

async function emailBothSides(
  tx: Tx,
  contract: InvoiceableContract,
  invoice: InvoiceRow,
  reviewEndsAt: Date,
  templates: InvoiceEmailTemplates,
): Promise<void> {
  const [client] = await tx
    .select({ email: users.email, name: users.name, workspaceName: clientWorkspaces.name })
    .from(clientWorkspaces)
    .innerJoin(users, eq(users.id, clientWorkspaces.ownerId))
    .where(eq(clientWorkspaces.id, contract.workspaceId));
  const [freelancer] = await tx
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, contract.freelancerId));
  const emails = await invoiceEmailsOf(
    templates,
    { client, freelancer },
    contract.title,
    invoice,
    reviewEndsAt,
  );
  await enqueueRenderedEmails(tx, emails, 'bulk');
}

/**
 * Invoices every closed, un-invoiced week of one contract inside `tx`, holding the contract
 * row (FOR NO KEY UPDATE, which diary inserts do not wait for). A contract another worker
 * holds is skipped (SKIP LOCKED): that worker invoices it. The freelancer's time lock (the
 * diary's) is taken too. Returns the new invoices.
 */
async function invoiceContractWeeks(
  tx: Tx,
  contractId: string,
  at: Date,
  templates: InvoiceEmailTemplates,
): Promise<InvoiceRow[]> {
  const [row] = await tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.id, contractId), isInvoiceable))
    .for('no key update', { skipLocked: true });
  const contract = row ? asInvoiceable(row) : null;
  if (!contract) return [];
  // The diary writes a freelancer's time under this lock: an edit racing the deadline
  // either lands before the week is read or is refused after it is invoiced.
  await lockFreelancerTime(tx, contract.freelancerId);
  const weeks = await tx
    .selectDistinct({ weekStart: sql<string>`${weekOfEntry}::text` })
    .from(timeEntries)
    .where(and(eq(timeEntries.contractId, contractId), uninvoicedClosedTime(at)));
  const issued: InvoiceRow[] = [];
  for (const { weekStart } of weeks.sort((a, b) => a.weekStart.localeCompare(b.weekStart))) {
    const invoice = await invoiceWeek(tx, contract, weekStart, at, templates);
    if (invoice) issued.push(invoice);
  }
  return issued;
}

/**
 * Invoices every closed, un-invoiced week of one contract in a transaction of its own.
 * Returns the new invoices; their charges are asked for after commit (a provider call never
 * runs inside a transaction).
 */
export async function invoiceClosedWeeks(
  db: Db,
  contractId: string,
  at: Date,
  templates: InvoiceEmailTemplates = invoiceEmailTemplates(),
): Promise<InvoiceRow[]> {
  return db.transaction((tx) => invoiceContractWeeks(tx, contractId, at, templates));
}

/**
 * Invoices a batch of contracts in one transaction: set-based (invoice-batch.ts, a fixed
 * number of statements for the batch) under a savepoint; if that fails, the savepoint rolls
 * back and the batch goes contract by contract, each under a savepoint of its own
 * (`tx.transaction` nests as one), so one contract's error rolls back that contract alone
 * and is logged for the next tick. The batch commits once. Returns its new invoices.
 */
async function invoiceContracts(
  db: Db,
  contractIds: string[],
  at: Date,
  templates: InvoiceEmailTemplates,
  onContractDone: () => void,
): Promise<InvoiceRow[]> {
  return db.transaction(async (tx) => {
    let issued: InvoiceRow[];
    try {
      issued = await tx.transaction((savepoint) =>
        invoiceContractBatch(savepoint, contractIds, at, templates),
      );
    } catch (error) {
      console.error(
        `[tick] invoicing a batch of ${contractIds.length} contract(s) failed, going one by one:`,
        (error as Error).message,
      );
      issued = [];
      for (const contractId of contractIds) {
        try {
          issued.push(
            ...(await tx.transaction((savepoint) =>
              invoiceContractWeeks(savepoint, contractId, at, templates),
            )),
          );
        } catch (contractError) {
          console.error(
            `[tick] invoicing contract ${contractId} failed:`,
            (contractError as Error).message,
          );
        }
      }
    }
    // Inside the transaction: a worker that dies here leaves the whole batch undone.
    for (let i = 0; i < contractIds.length; i += 1) onContractDone();
    return issued;
  });
}

/**
 * Asks for each invoice's charge under its week's key (a replay answers the charge already
 * made) and remembers it on the invoice. Without a billing method nothing is charged: the
 * invoice stays awaiting_payment and is asked for again by the next tick. Returns how many
 * invoices have their charge.
 */
async function chargeInvoices(
  db: Db,
  provider: PaymentProvider,
  batch: InvoiceRow[],
  concurrency: number,
): Promise<number> {
  const results = await requestCharges(
    db,
    provider,
    HOOKS,
    batch.map((invoice) => ({
      workspaceId: invoice.workspaceId,
      amountCents: invoice.grossCents,
      currency: invoice.currency,
      idempotencyKey: hourlyChargeKeyOf(invoice),
      sourceType: HOURLY_INVOICE_SOURCE,
      sourceId: invoice.id,
    })),
    concurrency,
  );
  const chargeIds = results.flatMap((result, index) => {
    if (result.ok) return [result.charge.id];
    if (result.reason === 'key-reused') {
      console.error(`[tick] invoice ${batch[index].id}: its charge key is taken by another charge`);
    }
    return [];
  });
  if (chargeIds.length === 0) return 0;
  // Each invoice gets the charge made for it (its source), in one statement for the batch.
  await db
    .update(invoices)
    .set({ chargeId: sql`${paymentCharges.id}`, updatedAt: now() })
    .from(paymentCharges)
    .where(
      and(
        inArray(paymentCharges.id, chargeIds),
        // Redundant with the join, but lets the planner use the key, not scan every invoice.
        inArray(
          invoices.id,
          batch.map((invoice) => invoice.id),
        ),
        eq(paymentCharges.sourceType, HOURLY_INVOICE_SOURCE),
        eq(paymentCharges.sourceId, sql`${invoices.id}::text`),
        isNull(invoices.chargeId),
      ),
    );
  return chargeIds.length;
}

/**
 * Hourly invoices awaiting payment with no charge yet: the client had no billing method
 * when they were issued (they are charged once one is added, on the next tick), or the
 * process stopped between issuing and charging. Returns how many charges were asked for.
 */
async function chargeUnchargedInvoices(
  db: Db,
  at: Date,
  provider: PaymentProvider,
  batchSize: number,
  concurrency: number,
): Promise<number> {
  let charged = 0;
  let after: string | null = null;
  for (;;) {
    const batch: InvoiceRow[] = await db
      .select()
      .from(invoices)
      .where(
        and(
          eq(invoices.kind, 'hourly'),
          eq(invoices.paymentStatus, 'awaiting_payment'),
          isNull(invoices.chargeId),
          lte(invoices.issuedAt, at),
          after ? gt(invoices.id, after) : undefined,
        ),
      )
      .orderBy(asc(invoices.id))
      .limit(batchSize);
    try {
      charged += await chargeInvoices(db, provider, batch, concurrency);
    } catch (error) {
      console.error(`[tick] charging ${batch.length} invoice(s) failed:`, (error as Error).message);
    }
    if (batch.length < batchSize) return charged;
    after = batch[batch.length - 1].id;
  }
}

/**
 * The tick's "close weeks" step (SPEC 4.C, Monday 12:00 UTC): every active hourly contract
 * with time in a closed week that has no invoice is invoiced for that week and the client
 * is charged; first, invoices still waiting for their charge are charged. Contracts go in
 * batches, one transaction each; several workers may run it at once (SKIP LOCKED, and the
 * unique hourly week index as the last line of defence). One contract's error is logged and
 * left for the next tick. Returns the invoices issued plus the charges asked for.
 */
export async function issueDueInvoices(
  db: Db,
  at: Date = now(),
  options: IssueDueInvoicesOptions = {},
): Promise<number> {
  const provider = options.provider ?? selectPaymentProvider(db);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const concurrency = options.chargeConcurrency ?? CHARGE_CONCURRENCY;
  const log = options.log ?? ((line: string) => console.info(line));
  const charged = await chargeUnchargedInvoices(db, at, provider, batchSize, concurrency);
  const total = await countDueContracts(db, at);
  if (total > 0) log(`[tick] issueDueInvoices: ${total} contract(s) to invoice`);
  let done = 0;
  let issued = 0;
  let after: string | null = null;
  const templates = invoiceEmailTemplates();
  const chargeBatch = async (batch: InvoiceRow[]) => {
    try {
      await chargeInvoices(db, provider, batch, concurrency);
    } catch (error) {
      // Left uncharged: the next tick's chargeUnchargedInvoices asks for them again.
      console.error(`[tick] charging ${batch.length} invoice(s) failed:`, (error as Error).message);
    }
  };
  // One batch's charges are asked for while the next batch is invoiced: on a Postgres server
  // the two use two connections, and the tick bench's 10,000 contracts spent a third of their
  // time charging (docs/HOURLY.md "The tick's speed"). At most one batch is charging.
  let charging = Promise.resolve();
  for (;;) {
    const batch = await findDueContracts(db, at, after, batchSize);
    const invoices = await invoiceContracts(db, batch, at, templates, () => {
      done += 1;
      options.onProgress?.(done, total);
    });
    issued += invoices.length;
    await charging;
    charging = chargeBatch(invoices);
    if (batch.length > 0) log(`[tick] issueDueInvoices: ${done}/${total} contract(s) done`);
    if (batch.length < batchSize) {
      await charging;
      return issued + charged;
    }
    after = batch[batch.length - 1];
  }
}
